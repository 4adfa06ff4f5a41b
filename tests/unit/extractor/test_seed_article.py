"""The standing acceptance test: the seed article read right (DESIGN.md, "The seed article")."""

from __future__ import annotations

import datetime as dt

import pytest

from eval.seed_reading import PEOPLE, PLACES, RUSSIAN_SIDE, US_SIDE, check_reading
from services.cli.textfile import split_date_header
from services.extractor.pipeline import Extractor
from shared.models import EnrichedArticle, Event
from tests.conftest import material
from tests.unit.conftest import SEED_PUBLISHED


@pytest.fixture(scope="module")
def seed(extractor: Extractor) -> EnrichedArticle:
    raw = material("samples", "seed-article.txt").read_text(encoding="utf-8")
    day, text = split_date_header(raw)
    assert day == dt.date(2025, 12, 20)
    return extractor.extract_one(text, SEED_PUBLISHED, title="seed")


def test_each_person_once_under_the_full_name(seed: EnrichedArticle) -> None:
    people = [e.name for e in seed.entities if e.kind == "person"]
    assert sorted(people) == sorted(PEOPLE)


def test_kyiv_is_never_a_person(seed: EnrichedArticle) -> None:
    for entity in seed.entities:
        if entity.kind == "person":
            assert all(m.text != "Kyiv" for m in entity.mentions), entity.name


def test_surnames_and_possessives_join_the_full_name(seed: EnrichedArticle) -> None:
    by_name = {e.name: e for e in seed.entities}
    putin = {m.text for m in by_name["Vladimir Putin"].mentions}
    trump = {m.text for m in by_name["Donald Trump"].mentions}
    assert putin == {"Vladimir Putin", "Putin"}
    assert trump == {"Donald Trump", "Trump"}  # "Trump’s" trimmed to the name
    assert len(by_name["Donald Trump"].mentions) == 3


def test_places_with_country_codes(seed: EnrichedArticle) -> None:
    places = {p.name: p for p in seed.places}
    for name, code in PLACES.items():
        assert name in places, name
        assert places[name].country_code == code, name
    assert places["Hallandale Beach"].lat is not None
    assert places["Kyiv"].kind == "city"
    assert places["Florida"].kind == "region"


def test_countries_are_actors_with_codes(seed: EnrichedArticle) -> None:
    codes = {e.name: e.country_code for e in seed.entities if e.kind == "country"}
    assert codes["Russia"] == "RU"
    assert codes["United States"] == "US"
    assert codes["Ukraine"] == "UA"


def _is_the_florida_meeting(event: Event) -> bool:
    # A meeting is mutual: "US negotiators are set to meet Russian officials" has the US as
    # its source, "Russian officials ... meet with US negotiators" Russia.
    sides = set(event.sources) | set(event.targets)
    russian = RUSSIAN_SIDE & sides
    american = US_SIDE & sides
    return bool(russian and american and "Florida" in event.places)


def test_russian_officials_meet_us_negotiators_in_florida(seed: EnrichedArticle) -> None:
    meetings = [e for e in seed.events if _is_the_florida_meeting(e)]
    assert meetings, [(e.trigger, e.sources, e.targets, e.places) for e in seed.events]
    meeting = meetings[0]
    assert meeting.type == "CONSULT"
    assert meeting.quad == "verbal_cooperation"
    assert meeting.trigger == "meet"
    assert meeting.date is not None
    assert (meeting.date.value, meeting.date_source) == ("2025-12-20", "explicit")
    assert meeting.date.start_date == dt.date(2025, 12, 20)


def test_every_span_points_into_the_text(seed: EnrichedArticle) -> None:
    text = seed.article.text
    mentions = [m for e in seed.entities for m in e.mentions]
    for m in mentions + [m for p in seed.places for m in p.mentions]:
        assert text[m.start : m.end] == m.text
    for event in seed.events:
        assert text[event.start : event.end] == event.sentence
        span = event.trigger_span
        assert text[span.start : span.end] == span.text
        assert event.id == f"{seed.article.id}-{seed.events.index(event)}"
        assert set(event.sources) | set(event.targets) <= {e.name for e in seed.entities}
        assert set(event.places) <= {p.name for p in seed.places}


def test_every_claim_of_the_design_reading_holds(seed: EnrichedArticle) -> None:
    """The same checks `make eval` scores, here as one assertion per failing claim."""
    assert [c.name for c in check_reading(seed) if not c.passed] == []
