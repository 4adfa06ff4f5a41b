"""Modifiers before a time expression: TimeML puts them inside the span and records a `mod`.

"the end of the year" is the year with mod END (its last third), "nearly four years" P4Y with
mod APPROX. `modifier_before` finds one right before an expression; `apply_modifier` records
it and narrows the interval the expression covers.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from services.extractor.timex.values import Timex

_MODIFIERS: dict[str, str] = {
    "the end of": "END",
    "the close of": "END",
    "end of": "END",
    "the beginning of": "START",
    "the start of": "START",
    "beginning of": "START",
    "the early part of": "START",
    "the middle of": "MID",
    "the early": "START",
    "the late": "END",
    "the mid": "MID",
    "the rest of": "END",
    "the remainder of": "END",
    "the balance of": "END",
    "early": "START",
    "earlier": "START",
    "late": "END",
    "later": "END",
    "mid": "MID",
    "nearly": "APPROX",
    "almost": "APPROX",
    "about": "APPROX",
    "around": "APPROX",
    "approximately": "APPROX",
    "roughly": "APPROX",
    "some": "APPROX",
    "more than": "MORE_THAN",
    "over": "MORE_THAN",
    "well over": "MORE_THAN",
    "just over": "MORE_THAN",
    "less than": "LESS_THAN",
    "under": "LESS_THAN",
    "just under": "LESS_THAN",
    "at least": "EQUAL_OR_MORE",
    "no less than": "EQUAL_OR_MORE",
    "at most": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS",
    "up to": "EQUAL_OR_LESS",
}
_MODIFIER_BEFORE = re.compile(
    r"(?<![\w'-])(?P<mod>"
    + "|".join(sorted((k.replace(" ", r"\s+") for k in _MODIFIERS), key=len, reverse=True))
    + r")(?:\s+|-)$",
    re.IGNORECASE,
)
# The modifiers that only make sense before a duration or a count ("some 40 years").
_QUANTITY_MODIFIERS = frozenset(
    m for m, code in _MODIFIERS.items() if code not in ("START", "END", "MID")
)
# How far back the longest modifier ("the early part of ") can reach.
_MODIFIER_REACH = 24


def modifier_before(text: str, start: int, timex: Timex, rule: str) -> tuple[int, str] | None:
    """A modifier that ends right before `text[start:]`: (its start, its words).

    Quantity modifiers ("nearly", "over") only bind to amounts: durations, "ago" phrases and
    clock times; before "the" they are prepositions ("over the past year").
    """
    found = _MODIFIER_BEFORE.search(text[max(0, start - _MODIFIER_REACH) : start])
    if not found:
        return None
    word = re.sub(r"\s+", " ", found["mod"].lower())
    if word in _QUANTITY_MODIFIERS and (
        (timex.type not in ("DURATION", "TIME") and rule != "ago")
        or text[start : start + 4].lower() == "the "
    ):
        return None
    return start - len(found[0]), word


def apply_modifier(timex: Timex, word: str, anchor: dt.date) -> Timex:
    """`timex` with the modifier `word` ("the end of": END) recorded, its interval narrowed."""
    mod = _MODIFIERS[word]
    start, end = timex.start_date, timex.end_date
    if start is None or end is None or timex.type in ("DURATION", "SET"):
        return replace(timex, mod=mod)
    third = (end - start) // 3
    if word == "earlier" and start <= anchor <= end:
        end = max(start, anchor - dt.timedelta(days=1))
    elif word == "later" and start <= anchor <= end:
        start = min(end, anchor + dt.timedelta(days=1))
    elif word.startswith(("the rest", "the remainder", "the balance")) and start <= anchor <= end:
        start = anchor
    elif mod == "START":
        end = start + third
    elif mod == "END":
        start = end - third
    elif mod == "MID":
        start, end = start + third, end - third
    return replace(timex, start_date=start, end_date=end, mod=mod)
