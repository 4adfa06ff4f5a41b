"""DESIGN.md's right reading of the seed article, as checks on a whole extraction.

The dates are checked by `evaluation.seed_reading` (expression by expression); these checks
cover the rest of the reading: the people, the places and the four events DESIGN.md names
(the Florida talks, the Friday talks, the invasion and Putin's demand, each typed and dated).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from shared.models import EnrichedArticle, Event

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
# "Russian officials ... meet with US negotiators": either side may be named by its country, its
# people, or the common noun that names them.
RUSSIAN_SIDE = {"Russia", "Kirill Dmitriev", "Russian officials", "Russian delegation"}
US_SIDE = {"United States", "Steve Witkoff", "Jared Kushner", "US negotiators"}
# DESIGN.md's other events of the seed article: (what, PLOVER type, date value).
EVENTS = (
    ("Friday talks", "CONSULT", "2025-12-19"),
    ("the invasion", "ASSAULT", "2022-02"),
    ("Putin's demand", "DEMAND", "2024-06"),
)


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
        and _dated(e, "2025-12-20")
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
    for name, kind, value in EVENTS:
        typed = [e for e in enriched.events if e.type == kind]
        found = [e for e in typed if _dated(e, value)]
        checks.append(
            Check(
                f"{name}: {kind}, {value}",
                bool(found),
                f"{len(found)} matching; {kind} dated "
                f"{sorted({e.date.value if e.date else 'null' for e in typed})}",
            )
        )
    # "never dated 2025-12-20": neither the invasion nor the demand takes the publication date.
    for name, kind, _ in EVENTS[1:]:
        wrong = [e for e in enriched.events if e.type == kind and _dated(e, "2025-12-20")]
        checks.append(Check(f"{name} not dated 2025-12-20", not wrong, f"{len(wrong)} so dated"))
    return checks


def _dated(event: Event, value: str) -> bool:
    return event.date is not None and event.date.value == value
