"""What text is fit to parse: empty, binary, oversized and non-English input, decided cheaply.

Whatever is changed keeps every character offset valid for the original `Article.text`:
control characters become spaces (one for one) and truncation keeps a prefix.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from spacy.lang.en.stop_words import STOP_WORDS

SkipReason = Literal["empty", "binary", "not_english"]

# More than this share of control or replacement characters means the bytes were not text.
BINARY_SHARE = 0.1
# English prose runs at 40-50% stop words; other languages sharing the Latin script (German,
# French, Spanish) stay under 10% against the English list. 0.15 splits the two with room.
ENGLISH_STOP_WORD_SHARE = 0.15
# Below this many words the stop-word share is too noisy to judge: assume English.
MIN_WORDS_TO_JUDGE = 20
# Judging the language needs only the opening; scanning a long text in full is wasted time.
WORDS_TO_JUDGE = 2000

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


def looks_english(text: str) -> bool:
    """Whether enough of the opening words are English stop words (see the constants)."""
    words = _WORD.findall(text[: WORDS_TO_JUDGE * 12])[:WORDS_TO_JUDGE]
    if len(words) < MIN_WORDS_TO_JUDGE:
        return True
    stops = sum(1 for word in words if word.casefold() in STOP_WORDS)
    return stops / len(words) >= ENGLISH_STOP_WORD_SHARE


def check_text(text: str, *, max_chars: int, language: str | None = None) -> CheckedText:
    """Decide whether and what to parse; never raises on any string."""
    if not text or text.isspace():
        return CheckedText(None, skip="empty")
    bad = len(_BAD.findall(text))
    if bad > BINARY_SHARE * len(text):
        return CheckedText(None, skip="binary")
    if language is not None and language != "en":
        return CheckedText(None, skip="not_english")
    cleaned = _CONTROL.sub(" ", text) if bad else text
    if language is None and not looks_english(cleaned):
        return CheckedText(None, skip="not_english")
    short = truncate(cleaned, max_chars)
    return CheckedText(short, truncated=len(short) < len(cleaned))
