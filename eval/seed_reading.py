"""DESIGN.md's right reading of the seed article, as checks on a whole extraction.

The dates are checked by `evaluation.seed_reading` (expression by expression); these checks
cover the rest of the reading: the people, the places and the Florida talks.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from shared.models import EnrichedArticle

PEOPLE = (
    "Vladimir Putin",
    "Kirill Dmitriev",
    "Steve Witkoff",
    "Jared Kushner",
    "Marco Rubio",
    "Donald Trump",
    "Rustem Umerov",
    "Volodymyr Zelensky",
)
PLACES = {
    "Florida": "US",
    "Miami": "US",
    "Hallandale Beach": "US",
    "Moscow": "RU",
    "Kyiv": "UA",
    "Ukraine": "UA",
    "Russia": "RU",
}
# "Russian officials ... meet with US negotiators": either side may be named by country or person.
RUSSIAN_SIDE = {"Russia", "Kirill Dmitriev"}
US_SIDE = {"United States", "Steve Witkoff", "Jared Kushner"}


@dataclass(frozen=True)
class Check:
    name: str
    passed: bool
    detail: str


def check_reading(enriched: EnrichedArticle) -> list[Check]:
    """One check per claim of DESIGN.md's reading (dates aside)."""
    people = Counter(e.name for e in enriched.entities if e.kind == "person")
    checks = [
        Check(
            f"person {name}",
            people[name] == 1,
            f"found {people[name]} time(s)",
        )
        for name in PEOPLE
    ]
    surname_only = sorted(
        n for n in people if n not in PEOPLE and any(n in full for full in PEOPLE)
    )
    checks.append(Check("no partial names", not surname_only, f"partial: {surname_only}"))
    cities_as_people = sorted(n for n in people if n in PLACES)
    checks.append(Check("no place as a person", not cities_as_people, f"{cities_as_people}"))
    places = {p.name: p.country_code for p in enriched.places}
    for name, code in PLACES.items():
        checks.append(
            Check(f"place {name} ({code})", places.get(name) == code, f"got {places.get(name)}")
        )
    talks = [
        e
        for e in enriched.events
        if e.type == "CONSULT"
        and "Florida" in e.places
        and e.date.value == "2025-12-20"
        and RUSSIAN_SIDE & set(e.sources + e.targets)
        and US_SIDE & set(e.sources + e.targets)
    ]
    checks.append(
        Check(
            "Florida talks: CONSULT, 2025-12-20, Russian and US sides",
            bool(talks),
            f"{len(talks)} matching event(s)",
        )
    )
    return checks
