"""The seed-reading checks of `make eval` can fail: each claim is checked on its own."""

import datetime as dt

from eval.seed_reading import PEOPLE, PLACES, Check, check_reading
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


def read(entities: list[Entity], places: list[Place], events: list[Event]) -> list[Check]:
    return check_reading(enriched(SEED, entities=entities, places=places, events=events))


def failed(checks: list[Check]) -> set[str]:
    return {c.name for c in checks if not c.passed}


PEOPLE_RIGHT = [entity(name) for name in PEOPLE]
PLACES_RIGHT = [place(name, country_code=code) for name, code in PLACES.items()]


def test_the_right_reading_passes_every_check() -> None:
    checks = read(PEOPLE_RIGHT, PLACES_RIGHT, [talks(DAY)])
    assert failed(checks) == set()
    assert len(checks) == len(PEOPLE) + 2 + len(PLACES) + 1


def test_wrong_readings_fail_the_claims_they_break() -> None:
    people = [*PEOPLE_RIGHT[1:], entity("Putin"), entity("Kyiv")]
    places = [p for p in PLACES_RIGHT if p.name != "Miami"] + [place("Miami", country_code="PA")]
    assert failed(read(people, places, [talks(FRIDAY)])) == {
        "person Vladimir Putin",
        "no partial names",
        "no place as a person",
        "place Miami (US)",
        "Florida talks: CONSULT, 2025-12-20, Russian and US sides",
    }
