"""Spelling helpers that places and actors share: accents and possessive endings."""

from __future__ import annotations

import re
import unicodedata

# A possessive ending in any of the apostrophes news text uses.
_POSSESSIVE = re.compile(r"(?:['’‘`´][sS]?|[sS]['’])$")


def without_accents(word: str) -> str:
    """`word` with its combining marks dropped ("josé" -> "jose", "håkon" -> "hakon")."""
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def possessive_suffix_length(text: str) -> int:
    """How many characters at the end of `text` are a possessive ending ("Putin‘s" -> 2).

    A plural possessive ("officials’") keeps its "s": only the apostrophe goes.
    """
    match = _POSSESSIVE.search(text)
    if match is None or match.start() == 0:
        return 0
    suffix = match.group(0)
    return 1 if suffix[0] in "sS" else len(suffix)


def strip_possessive(text: str) -> str:
    cut = possessive_suffix_length(text)
    return text[: len(text) - cut] if cut else text
