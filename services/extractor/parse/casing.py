"""Lines written in capitals, read with the casing the rest of the text gives their words.

The model reads "CUTTITTA BACK FOR ITALY" as nothing it knows: every word an acronym. A line
whose letters are nearly all capitals (a headline, a kicker, a shouted title) is rewritten for
the parse with each word as the rest of the text writes it ("Cuttitta", "Italy", "NATO"), a
short word it never writes kept as an acronym ("NBA"), and any other in lower case, the line's
first word capitalised. Only the case changes, never the length
of a word, so every character offset stays valid for the original text; the pipeline gives
back the original's characters to every span it reports (`pipeline`).
"""

from __future__ import annotations

import re
from collections import Counter

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*", re.UNICODE)
# A line is shouted when at least this share of its letters are capitals, and it has this many.
SHOUTED_SHARE = 0.9
MIN_SHOUTED_LETTERS = 8


# A short word the body never writes is more often an acronym than a word ("NBA", "UN")...
_ACRONYM_LETTERS = 3
# ... unless it is one of the short words of English headlines.
_SHORT_WORDS = frozenset(
    {"a", "an", "the", "of", "in", "on", "at", "to", "for", "by", "as", "is", "are", "was",
     "be", "and", "or", "but", "not", "no", "new", "old", "top", "cut", "win", "set", "vs",
     "its", "his", "her", "who", "how", "why", "say", "says", "out", "up", "off", "over",
     "get", "may", "can", "all", "two", "one", "six", "ten", "big", "end", "war", "day"}
)  # fmt: skip


# ASCII's lower-case letters, as bytes: counted in C by deleting them (`_shouted`).
_ASCII_LOWER = bytes(range(ord("a"), ord("z") + 1))
# A line with more lower-case letters than one in this many characters is not shouted (10 for
# SHOUTED_SHARE 0.9; rounded down, which only makes the shortcut rarer, never wrong).
_QUIET_EVERY = int(1 / (1 - SHOUTED_SHARE))


def _shouted(line: str) -> bool:
    # A line with more lower-case ASCII letters than a tenth of its characters has more than
    # a tenth of its letters not in capitals: not shouted (in integers, so no rounding decides
    # a line on the boundary). Counted in C, a body paragraph is refused at once (walking its
    # characters in Python cost ~0.05 ms an article). UTF-8 writes every other character with
    # bytes above ASCII, so only "a"-"z" are deleted.
    encoded = line.encode("utf-8", "surrogatepass")
    if _QUIET_EVERY * (len(encoded) - len(encoded.translate(None, _ASCII_LOWER))) > len(line):
        return False
    letters = [ch for ch in line if ch.isalpha()]
    if len(letters) < MIN_SHOUTED_LETTERS:
        return False
    return sum(ch.isupper() for ch in letters) >= SHOUTED_SHARE * len(letters)


def recase_shouting(text: str) -> str:
    """`text` with its shouted lines in the body's casing (module docstring); `text` itself
    when it has none, or when every line is shouted (there is no body to learn from)."""
    lines = text.splitlines(keepends=True)
    shouted = [_shouted(line) for line in lines]
    if not any(shouted) or all(shouted):
        return text
    forms: dict[str, Counter[str]] = {}
    for line, loud in zip(lines, shouted, strict=True):
        if not loud:
            for word in _WORD.findall(line):
                forms.setdefault(word.casefold(), Counter())[word] += 1
    out = []
    for line, loud in zip(lines, shouted, strict=True):
        out.append(_recased(line, forms) if loud else line)
    return "".join(out)


def _recased(line: str, forms: dict[str, Counter[str]]) -> str:
    first = True

    def one(found: re.Match[str]) -> str:
        nonlocal first
        word = found.group()
        known = forms.get(word.casefold())
        if known:
            new = known.most_common(1)[0][0]
        elif len(word) <= _ACRONYM_LETTERS and word.casefold() not in _SHORT_WORDS:
            new = word  # "NBA", "FBI", "EU": an acronym the body does not spell out
        else:
            new = word.lower()
            if first:
                new = new[:1].upper() + new[1:]
        first = False
        return new if len(new) == len(word) else word

    return _WORD.sub(one, line)
