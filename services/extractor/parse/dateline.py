"""Datelines: the place (and date, and wire credit) that opens a wire story.

"KYIV, Ukraine (AP) —", "KHARTOUM: ", "LONDON, Dec 5 (Reuters) -": they say where and when
the story was filed, not who acted, and they are no part of the first sentence. The parse
starts a sentence after one (`model`); the places read its place, the events its day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A dateline opens a wire story: the city in capitals, optionally a country, state or date
# after a comma, then the agency in brackets, a dash or a colon ("NAIROBI, Kenya (AP) _",
# "MOSCOW (AP)_", "KYIV, Ukraine (AP) —", "LONDON, Dec 5 (Reuters) -", "WASHINGTON --",
# "KHARTOUM: ", "JERUSALEM / ISLAMABAD: "). Summary bullets may come before it ("• Israel
# imposes restrictions" lines, as some papers print under the headline).
_DATELINE = re.compile(
    r"\s*(?P<place>[A-Z][A-Z.'’/\- ]*[A-Z.])"
    r"(?:\s*,\s*[^\n(),:]{1,40}?)?"
    r"\s*(?:\([A-Za-z][A-Za-z .&-]{0,30}\)|--|—|–|_|-\s|:\s)"
)
_SUMMARY_BULLETS = re.compile(r"(?:\s*[•▪●][^\n]*\n)*")
# What closes a dateline after its credit: "(AP) --", "(Xinhua) —".
_DATELINE_CLOSE = re.compile(r"\s*(?:--|—|–|_|-)?")


@dataclass(frozen=True, slots=True)
class Dateline:
    """Where a dateline is in a text: its place's characters and where the dateline ends. Its
    place, date and wire credit say where and when the story was filed, not who acted."""

    place: tuple[int, int]
    end: int


def find_dateline(text: str) -> Dateline | None:
    """The dateline that opens `text` (after any summary bullets), or None."""
    bullets = _SUMMARY_BULLETS.match(text)
    found = _DATELINE.match(text, bullets.end() if bullets else 0)
    if found is None:
        return None
    closing = _DATELINE_CLOSE.match(text, found.end())
    return Dateline(found.span("place"), found.end() if closing is None else closing.end())
