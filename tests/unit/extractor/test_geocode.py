from __future__ import annotations

import pytest
from spacy.language import Language

from services.extractor.gazetteer import Gazetteer
from services.extractor.geocode import GeoContext, Places, geocode, resolve
from services.extractor.mentions import read_candidates


def _geocode(nlp: Language, gazetteer: Gazetteer, text: str) -> Places:
    doc = nlp(text)
    found = geocode(read_candidates(doc, gazetteer), gazetteer)
    for place in found.places:
        for m in place.mentions:
            assert text[m.start : m.end] == m.text
    return found


def test_hallandale_beach_is_in_the_gazetteer(gazetteer: Gazetteer) -> None:
    entry = resolve("Hallandale Beach", gazetteer, GeoContext())
    assert entry is not None
    assert (entry.country_code, entry.kind, entry.admin1) == ("US", "city", "FL")
    assert entry.lat == pytest.approx(25.98, abs=0.05)


def test_countries_states_and_aliases(gazetteer: Gazetteer) -> None:
    for name, code, kind in [
        ("US", "US", "country"),
        ("the United States", "US", "country"),
        ("Britain", "GB", "country"),
        ("Russia", "RU", "country"),
        ("Florida", "US", "region"),
        ("Europe", None, "location"),
    ]:
        entry = resolve(name, gazetteer, GeoContext())
        assert entry is not None, name
        assert (entry.country_code, entry.kind) == (code, kind), name


def test_alternate_name_finds_the_city(gazetteer: Gazetteer) -> None:
    entry = resolve("Kiev", gazetteer, GeoContext())
    assert entry is not None
    assert (entry.name, entry.country_code) == ("Kyiv", "UA")


def test_most_populous_without_context(gazetteer: Gazetteer) -> None:
    for name, code in [("Moscow", "RU"), ("Paris", "FR"), ("Geneva", "CH")]:
        entry = resolve(name, gazetteer, GeoContext())
        assert entry is not None, name
        assert entry.country_code == code, name


def test_context_decides_between_namesakes(gazetteer: Gazetteer) -> None:
    plain = resolve("Springfield", gazetteer, GeoContext())
    illinois = resolve("Springfield", gazetteer, GeoContext(frozenset({"US"}), frozenset({"IL"})))
    assert plain is not None
    assert plain.admin1 == "MO"
    assert illinois is not None
    assert illinois.admin1 == "IL"
    # A world city is not pulled abroad by a mere mention of the US.
    paris = resolve("Paris", gazetteer, GeoContext(frozenset({"US"})))
    assert paris is not None
    assert paris.country_code == "FR"


def test_georgia_follows_the_story(gazetteer: Gazetteer) -> None:
    us_story = resolve("Georgia", gazetteer, GeoContext(frozenset({"US"})))
    caucasus = resolve("Georgia", gazetteer, GeoContext(frozenset({"RU", "US", "GE"})))
    assert us_story is not None
    assert us_story.kind == "region"
    assert caucasus is not None
    assert caucasus.kind == "country"


def test_unresolvable_place_is_kept_with_null_coordinates(
    nlp: Language, gazetteer: Gazetteer
) -> None:
    found = _geocode(nlp, gazetteer, "Fighting continued near Zzyzxville and in Miami, Florida.")
    places = {p.name: p for p in found.places}
    missing = places["Zzyzxville"]
    assert (missing.lat, missing.lon, missing.geonames_id) == (None, None, None)
    assert missing.country_code == "US"  # from Miami and Florida in the same sentence


def test_article_context_resolves_in_text(nlp: Language, gazetteer: Gazetteer) -> None:
    found = _geocode(
        nlp, gazetteer, "Officials in Illinois met in Springfield. Later they flew to Moscow."
    )
    places = {p.name: p for p in found.places}
    assert places["Springfield"].country_code == "US"
    assert places["Moscow"].country_code == "RU"
    assert places["Illinois"].kind == "region"
    assert set(found.by_token.values()) == set(places)


def test_demonym_is_not_a_place(nlp: Language, gazetteer: Gazetteer) -> None:
    found = _geocode(nlp, gazetteer, "US, Ukrainian and European officials met in Kyiv.")
    assert "Ukrainian" not in {p.name for p in found.places}
