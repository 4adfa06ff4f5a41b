"""The seed-reading checks of `make eval` can fail: each claim is checked on its own."""

import datetime as dt

from eval.seed_reading import EVENTS, PEOPLE, PLACES, Check, check_reading
from shared.models import Entity, Event, Place
from tests.factories import article, enriched, entity, event, place

SEED = article()
DAY = dt.date(2025, 12, 20)
FRIDAY = dt.date(2025, 12, 19)


def talks(day: dt.date) -> Event:
    return event(
        SEED,
        0,
        sources=["Russia"],
        targets=["Steve Witkoff"],
        places=["Florida"],
        date=(day.isoformat(), day, day),
    )


# DESIGN.md's other events, read right: the Friday talks, the invasion, Putin's demand.
OTHERS = [
    event(SEED, 1, date=("2025-12-19", FRIDAY, FRIDAY)),
    event(SEED, 2, type="ASSAULT", date=("2022-02", dt.date(2022, 2, 1), dt.date(2022, 2, 28))),
    event(SEED, 3, type="DEMAND", date=("2024-06", dt.date(2024, 6, 1), dt.date(2024, 6, 30))),
]


def read(entities: list[Entity], places: list[Place], events: list[Event]) -> list[Check]:
    return check_reading(enriched(SEED, entities=entities, places=places, events=events))


def failed(checks: list[Check]) -> set[str]:
    return {c.name for c in checks if not c.passed}


PEOPLE_RIGHT = [entity(name) for name in PEOPLE]
PLACES_RIGHT = [place(name, country_code=code) for name, code in PLACES.items()]


def test_the_right_reading_passes_every_check() -> None:
    checks = read(PEOPLE_RIGHT, PLACES_RIGHT, [talks(DAY), *OTHERS])
    assert failed(checks) == set()
    assert len(checks) == len(PEOPLE) + 2 + len(PLACES) + 1 + len(EVENTS) + len(EVENTS) - 1


def test_wrong_readings_fail_the_claims_they_break() -> None:
    people = [*PEOPLE_RIGHT[1:], entity("Putin"), entity("Kyiv")]
    places = [p for p in PLACES_RIGHT if p.name != "Miami"] + [place("Miami", country_code="PA")]
    undated = event(SEED, 2, type="ASSAULT", date=None)  # the publication date stands in
    assert failed(read(people, places, [talks(FRIDAY), OTHERS[0], undated])) == {
        "person Vladimir Putin",
        "no partial names",
        "no place as a person",
        "place Miami (US)",
        "Florida talks: CONSULT, 2025-12-20, Russian and US sides",
        "the invasion: ASSAULT, 2022-02",
        "the invasion not dated 2025-12-20",
        "Putin's demand: DEMAND, 2024-06",
    }
