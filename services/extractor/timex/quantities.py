"""Quantities in time expressions: numbers in words or digits, spelled years, duration values.

"twenty-four" is 24, "nineteen ninety-four" the year 1994, and "5 1/2 hours" the TimeML
duration PT5H30M. Pure functions on strings; the rules (`rules`) call them.
"""

from __future__ import annotations

import re

from services.extractor.timex.lexicon import NUMBER_WORDS, UNITS


def number(text: str) -> int | float | None:
    """The quantity written in `text` ("twenty-four", "3", "a"), or None when vague."""
    words = re.sub(r"\s+", " ", text.strip().lower().replace(",", ""))
    factor = 1
    for scale, size in ((" hundred", 100), ("-hundred", 100), (" thousand", 1000)):
        if words.endswith(scale):
            words, factor = words[: -len(scale)], size
    if words in ("hundred", "thousand"):
        return factor
    try:
        quantity: float = float(words)
    except ValueError:
        parts = re.split(r"[- ]", words)
        if words in NUMBER_WORDS:
            quantity = NUMBER_WORDS[words]
        elif len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
            quantity = NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]]
        else:
            return None
    quantity *= factor
    return int(quantity) if quantity == int(quantity) else quantity


def year_number(text: str) -> int | None:
    """The year written in `text`: "1994", "nineteen ninety-four", "two thousand"."""
    if text.isdigit():
        return int(text)
    found = re.fullmatch(
        r"nineteen\s+(?:hundred\s+(?:and\s+)?)?(?P<n>.+)|two\s+thousand(?:\s+(?:and\s+)?(?P<n2>.+))?",
        text.strip().lower(),
    )
    if found is None:
        return None
    rest = number(found["n"] or found["n2"] or "0")
    if rest is None or rest != int(rest) or not 0 <= rest < 100:
        return None
    return (1900 if found["n"] else 2000) + int(rest)


def unit_of(word: str) -> tuple[str, int]:
    """The TimeML designator of a unit word and how many of it the word means ("decades": Y, 10)."""
    word = word.lower().rstrip("s")
    word = "century" if word == "centurie" else word
    return UNITS.get(word, ("Y", 1000) if word.startswith("millenni") else ("D", 1))


def duration_value(quantity: int | float | None, unit_word: str) -> str:
    """P4Y, PT3H, PXD: `quantity` units (None: an unknown number)."""
    unit, size = unit_of(unit_word)
    time = unit.startswith("T")
    letter = unit[-1]
    if quantity is None:
        return ("PT" if time else "P") + "X" + letter
    total = quantity * size
    whole = int(total)
    if total == whole:
        return ("PT" if time else "P") + str(whole) + letter
    if unit in _SMALLER:  # TimeML writes a fraction in the next unit down: P2Y6M, PT5H30M
        count, smaller = _SMALLER[unit]
        rest = round((total - whole) * count)
        if smaller.startswith("T"):
            head = f"P{whole}{letter}T" if not time else f"PT{whole}{letter}"
            return f"{head}{rest}{smaller[-1]}"
        return f"P{whole}{letter}{rest}{smaller}"
    return ("PT" if time else "P") + str(total) + letter


# The next smaller TimeML unit and how many of it make one: for fractions ("5 1/2 hours").
_SMALLER: dict[str, tuple[int, str]] = {
    "Y": (12, "M"),
    "W": (7, "D"),
    "D": (24, "TH"),
    "TH": (60, "TM"),
    "TM": (60, "TS"),
}
