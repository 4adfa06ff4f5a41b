"""Offline geocoding of place mentions with the gazetteer (countries, first-level regions,
cities, continents).

Lookup order for a name: country (names, variants, aliases), continent, then first-level
regions and cities. Among several candidates of one kind the article decides: each scores
log10(population) (a region's: its cities' total) plus `CONTEXT_BONUS` when its country is one
the article names as a place (a country, or a region of one) plus `STATE_BONUS` when it lies in
a US state the article names; the highest wins, so "Moscow" next to "Russia" is the Russian
capital and "Springfield" next to "Illinois" is Illinois's.

A region and a city of one name ("Donetsk", "Kherson", "New York", "Ontario"):
- a region word makes it the region: "Donetsk region", "the Kherson oblast", "New York state",
  "the state of Punjab";
- else the article's countries decide when they name one's country and not the other's;
- else the city wins when it lies in that region (the region is named after it: Donetsk, New
  York) or is a national capital (Washington), and news means the city far more often;
- else the larger wins by the same score ("Ontario" is the province, not Ontario, California;
  "Saint Paul" the city, not a parish of Antigua).
A region name that several countries share ("Central", "Northern") needs its country named.

The words around a mention (when the caller gives the text):
- a dateline names the city the story was filed from ("NEW YORK (AP) _" is the city, not the
  state; "LUXEMBOURG (AP)" the city, not the country);
- "City, Region" pairs put the city in that country or region: "Birmingham, Ala." is in
  Alabama (AP abbreviations and postal codes are read), "Paris, Texas" in Texas, "Nairobi,
  Kenya" in Kenya; a city the region does not hold is looked up as if alone ("Berlin,
  Brandenburg and Saxony" is a list).

A name the gazetteer lacks is kept, with null coordinates and the country of a resolved place
in the same sentence ("Hallandale Beach" beside "Miami" would be US even if it were missing),
unless it names a part of a continent ("East Africa", "Southeast Asia"), which has no country.
A name the article also tags as an organisation, written in capitals ("NATO"), that would only
be a town abroad is an organisation misread, not a place, and is left out.
"""

from __future__ import annotations

import dataclasses
import math
import re
from dataclasses import dataclass

from services.extractor.parse.candidates import Candidate
from services.extractor.parse.dateline import find_dateline
from services.extractor.parse.words import strip_possessive
from services.extractor.places.gazetteer import (
    MIN_POPULATION_TO_OVERRULE_PERSON,
    WELL_KNOWN_BY_OTHER_NAMES,
    Gazetteer,
    GeoEntry,
    called_otherwise,
)
from services.extractor.places.names import (
    COMPASS_WORDS,
    PLACE_PREPOSITIONS,
    ap_state_code,
    compass_word_before,
    former_country,
    former_name,
    is_natural_feature,
    is_pair_gap,
    region_core,
    region_word_around,
    spans_countries,
)
from shared.models import Mention, Place, PlaceKind

# A country the article names is worth a factor of 10 in population: Paris (2.1M) stays in
# France though the article names the US (Paris, Texas: 25k), Geneva (202k) in Switzerland,
# while a town that shares a name with a city abroad is taken at home when home is named.
CONTEXT_BONUS = 1.0
# A US state the article names: "Springfield" with "Illinois" is Springfield, IL (116k) over
# Springfield, MO (169k).
STATE_BONUS = 1.0
# The publisher's country is weaker evidence than a country the article names: a factor of
# about 3 in population ("Hamilton" on a New Zealand site: Hamilton, NZ, 192k, over Hamilton,
# Canada, 569k; Perth on a British one is still Perth, Australia).
PUBLISHER_BONUS = 0.5
# A region name shared by regions of this many countries or more ("Central", "Northern",
# "Eastern": provinces of Kenya, Zambia, Sri Lanka, Ghana...) says nothing without its country.
GENERIC_REGION_COUNTRIES = 3
# ... unless one of them is this much larger in log10 of population (a factor of 10, as a
# country named in the article is worth).
DOMINANT_REGION = 1.0
# A region whose towns add up to fewer people than this needs its country named: a parish of
# Antigua ("Saint Paul"), a district of American Samoa ("Western District") or a province of
# Papua New Guinea ("Gulf") is rarely news without its country ("the Gulf" is the Persian).
SMALL_REGION_POPULATION = 100_000
# A capitalised name the article tags as an organisation elsewhere, or an acronym, that would
# be a town smaller than this abroad is the organisation ("NATO" and Nato, Philippines: 5.6k).
# The bound keeps datelines of large cities ("MOSCOW (AP)") whatever else the article says.
ACRONYM_TOWN_POPULATION = 100_000
# Acronyms are short ("NATO", "OPEC", "UNHCR"); a longer name in capitals is a heading's or a
# dateline's word, asked only when the article tags it as an organisation too.
ACRONYM_LENGTH = 5

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
    # The publisher's country (`publisher.publisher_country`): weaker than a country the
    # article names (PUBLISHER_BONUS).
    publisher: str | None = None


@dataclass(frozen=True)
class Hint:
    """What the words around a mention say about it."""

    region: bool = False  # a region word follows or precedes it ("Kherson region")
    city: bool = False  # a dateline's place ("NEW YORK (AP)")
    within: GeoEntry | None = None  # the country or region after its comma ("Birmingham, Ala.")
    qualifier: GeoEntry | None = None  # it is that country or region ("Ala.", "MO")
    # `within` is surely where it lies, not the next item of a list ("Southport, Conn.,",
    # "Surrey, England."; not "New York, Washington and Chicago").
    surely_within: bool = False


_NO_HINT = Hint()


@dataclass(frozen=True)
class Places:
    """The article's places and, for the event reader, which token belongs to which place."""

    places: list[Place]
    by_token: dict[int, str]


def article_context(candidates: list[Candidate], gazetteer: Gazetteer) -> GeoContext:
    """Countries and US states the article names as places in their own right, and the
    countries of the other regions it names that no city shares a name with ("Bavaria": DE),
    unless small or named like a sea or river (see `_best_region`).

    Names that only qualify a noun ("US negotiators", "Russian officials") are left out: they
    say who acts, not where, and would pull "Geneva" to Geneva, Illinois.
    """
    countries: set[str] = set()
    states: set[str] = set()
    for c in candidates:
        if c.label not in PLACE_LABELS or c.modifier:
            continue
        country = gazetteer.country(c.text)
        if country is not None and country.country_code:
            countries.add(country.country_code)
            continue
        regions = gazetteer.regions(c.text)
        state = next((r for r in regions if r.country_code == "US"), None)
        if state is not None and state.admin1:
            countries.add("US")
            states.add(state.admin1)
        elif (
            len({r.country_code for r in regions}) == 1
            and max(r.population for r in regions) >= SMALL_REGION_POPULATION
            and not is_natural_feature(c.text)
            and not gazetteer.cities(c.text)
        ):
            countries.add(regions[0].country_code or "")
    countries.discard("")
    return GeoContext(frozenset(countries), frozenset(states))


def _score(entry: GeoEntry, context: GeoContext) -> float:
    score = math.log10(entry.population + 1)
    if entry.country_code in context.countries:
        score += CONTEXT_BONUS
    elif entry.country_code == context.publisher:
        score += PUBLISHER_BONUS
    if entry.country_code == "US" and entry.admin1 in context.us_states:
        score += STATE_BONUS
    return score


def _best(entries: list[GeoEntry], context: GeoContext) -> GeoEntry:
    return max(entries, key=lambda entry: _score(entry, context))


def _best_region(
    regions: list[GeoEntry], context: GeoContext, *, named_as_region: bool
) -> GeoEntry | None:
    """The region `regions` most likely means; None when the article names no country of
    theirs and the name is shared alike by several countries ("Central", "Northern") or the
    region is small."""
    if named_as_region:
        # "Kyiv region" is the oblast around Kyiv, not the city that is a region of its own.
        ranked = sorted(regions, key=lambda r: (not r.city_region, _score(r, context)))[::-1]
    else:
        ranked = sorted(regions, key=lambda r: _score(r, context), reverse=True)
    best = ranked[0]
    if best.country_code in context.countries:
        return best
    shared = len({r.country_code for r in regions}) >= GENERIC_REGION_COUNTRIES
    # One far larger than the rest is the one meant: Florida (15M) and its namesakes in Puerto
    # Rico and Uruguay (42k).
    dominant = len(ranked) == 1 or (
        _score(best, context) - max(_score(r, context) for r in ranked[1:]) >= DOMINANT_REGION
    )
    if (shared and not dominant) or best.population < SMALL_REGION_POPULATION:
        return None
    return best


def _inside(entry: GeoEntry, where: GeoEntry) -> bool:
    if entry.country_code != where.country_code:
        return False
    return where.kind == "country" or entry.admin1 == where.admin1


def _city_or_region(
    name: str,
    cities: list[GeoEntry],
    region: GeoEntry,
    gazetteer: Gazetteer,
    context: GeoContext,
) -> GeoEntry:
    """A city or a region of the same name (see the module docstring)."""
    city = _best(cities, context)
    region_home = region.country_code in context.countries
    city_home = city.country_code in context.countries
    if region_home != city_home:
        return region if region_home else city
    if any(_inside(c, region) for c in cities):
        return city  # "Donetsk", "New York": the region is named after its city
    if gazetteer.capital_country(name) == city.country_code:
        return city  # "Washington"
    return region if _score(region, context) >= _score(city, context) else city


_DIRECTION = re.compile(rf"{COMPASS_WORDS}\s+", re.IGNORECASE)


def resolve(
    name: str, gazetteer: Gazetteer, context: GeoContext, hint: Hint = _NO_HINT
) -> GeoEntry | None:
    """The gazetteer entry `name` most likely means in this context, or None.

    A name the gazetteer does not hold that is a part of a region or country ("Northern
    California", "western Kenya") is that region or country ("Northern Ireland", "South
    Africa" and "West Virginia" are held under their own names and never cut; nor are a
    former state, "West Germany", or part of a continent, "Central America")."""
    entry = _resolve(name, gazetteer, context, hint)
    if entry is not None or hint.within is not None:
        return entry
    if former_country(name) is not None or gazetteer.names_continent(name):
        return None  # "West Germany" is no part of Germany, "Central America" none of America
    part = _DIRECTION.match(name)
    if part is None or part.end() == len(name):
        return None
    whole = _resolve(name[part.end() :], gazetteer, context, dataclasses.replace(hint, region=True))
    if whole is None:
        return None
    # A country, a US state, or a region of a country the article names: not "the East
    # Coast" as the Coast region of Tanzania.
    known = whole.country_code == "US" or whole.country_code in context.countries
    return whole if whole.kind == "country" or (whole.kind == "region" and known) else None


def _named_or_near(name: str, cities: list[GeoEntry], context: GeoContext) -> list[GeoEntry]:
    """The cities `name` may be: those so named, and those with it as an old or other name
    only in a country the article names, when it names any. "England play at Twickenham":
    not Huntsville, Alabama, once called Twickenham; "born in Braunau, Austria": not
    Broumov (CZ), once Braunau; "Kobani" (Ayn al Arab) in a story that names Syria stays."""
    if not context.countries:
        return cities
    return [
        c
        for c in cities
        if not called_otherwise(c, name)  # "Zürich", "Frankfurt am Main"
        or c.country_code in context.countries
        or c.population >= WELL_KNOWN_BY_OTHER_NAMES  # "Bangalore" (Bengaluru)
    ]


def _resolve(name: str, gazetteer: Gazetteer, context: GeoContext, hint: Hint) -> GeoEntry | None:
    if hint.qualifier is not None:
        return hint.qualifier
    if not hint.city:
        country = gazetteer.country(name)
        if country is not None:
            state = gazetteer.us_state(name)
            # "Georgia": the US state when the article is about the US and not the country.
            us_story = "US" in context.countries and country.country_code not in context.countries
            return state if state is not None and us_story else country
    continent = gazetteer.continent(name)
    if continent is not None:
        return continent
    named_as_region = hint.region or region_core(name) is not None
    regions = gazetteer.regions(name)
    if regions and not named_as_region and is_natural_feature(name):
        regions = []  # "the Red Sea", not the governorate of Egypt named after it
    if regions and named_as_region:
        return _best_region(regions, context, named_as_region=True)
    cities = _named_or_near(name, gazetteer.cities(name), context)
    within = hint.within
    if within is not None:
        inside = [c for c in cities if _inside(c, within)]
        if inside:
            return _best(inside, context)
        inside = [r for r in regions if within.kind == "country" and _inside(r, within)]
        if inside:
            return _best(inside, context)
        if hint.surely_within:
            # "Southport, Conn.": a town too small for the gazetteer is in Connecticut, not
            # Southport, England; the caller keeps it unresolved in the qualifier's country.
            return None
    if hint.city:
        if cities:
            return _best(cities, context)
        country = gazetteer.country(name)
        if country is not None:
            return country
    region = _best_region(regions, context, named_as_region=False) if regions else None
    if not cities:
        return region
    if region is None:
        return _best(cities, context)
    return _city_or_region(name, cities, region, gazetteer, context)


def _qualifier(name: str, gazetteer: Gazetteer) -> GeoEntry | None:
    """The country or region a name after a city's comma stands for ("Kenya", "Ala.", and
    there also postal codes and abbreviations whose period the tokenizer split off: "NY",
    "Vt"), or None when it is no such place or is ambiguous."""
    country = gazetteer.country(name)
    if country is not None:
        return country
    if len(name) == 2 and name.isupper():
        return gazetteer.us_state_by_code(name)  # "Albany, NY"
    regions = gazetteer.regions(name)
    if not regions and "." not in name:
        regions = gazetteer.regions(f"{name}.")  # "St. Albans, Vt." at a sentence's end
    return regions[0] if len(regions) == 1 else None


@dataclass(frozen=True)
class _Spot:
    """A place mention, the name to look it up by, and what the words around it say."""

    candidate: Candidate
    name: str
    hint: Hint
    paired: bool = False  # `hint.within` is the next mention ("Birmingham" before ", Ala.")


def _spots(spots: list[Candidate], text: str | None, gazetteer: Gazetteer) -> list[_Spot]:
    if text is None:
        return [_Spot(c, c.text, _NO_HINT) for c in spots]
    found_dateline = find_dateline(text)
    dateline = None if found_dateline is None else found_dateline.place
    found: list[_Spot] = []
    for i, c in enumerate(spots):
        name = c.text
        within: GeoEntry | None = None
        head, comma, tail = name.partition(",")
        if comma and head.strip() and tail.strip():
            within = _qualifier(tail.strip(), gazetteer)  # one span: "Albany, N.Y."
            if within is not None:
                name = head.strip()
        paired = False
        following = spots[i + 1] if i + 1 < len(spots) else None
        surely = within is not None
        if within is None and following is not None and is_pair_gap(text, c.end, following.start):
            within = _qualifier(following.text, gazetteer)
            paired = within is not None
            after = spots[i + 2] if i + 2 < len(spots) else None
            surely = paired and _qualifier_closes(text, following, after)
        hint = Hint(
            region=region_word_around(text, c.start, c.end)
            or (compass_word_before(text, c.start) and gazetteer.us_state(name) is not None),
            city=dateline is not None and dateline[0] <= c.start < dateline[1],
            within=within,
            surely_within=surely,
        )
        found.append(_Spot(c, name, hint, paired))
    return found


_LIST_GAP = re.compile(r"\s*,?\s*(?:(?:and|or)\s+)?(?:the\s+)?")


def _qualifier_closes(text: str, qualifier: Candidate, after: Candidate | None) -> bool:
    """Whether a name after a comma ends its phrase as a qualifier does ("Southport, Conn.,
    and works", "Surrey, England.") rather than going on as a list, whose next item is a
    place right after a comma or "and" ("New York, Washington and Chicago", "..., Washington,
    and Chicago"). An AP state abbreviation is always a qualifier."""
    if ap_state_code(qualifier.text) is not None or after is None:
        return True
    gap = _LIST_GAP.match(text, qualifier.end, after.start)
    return gap is None or gap.end() != after.start


def _organisation_misread(
    c: Candidate, entry: GeoEntry | None, organisations: set[str], context: GeoContext
) -> bool:
    """A name in capitals that would only be a small town abroad, and that the article tags as
    an organisation elsewhere or that is short enough to be an acronym, is the organisation
    ("NATO"). Datelines, in capitals too, are never asked."""
    if entry is None or entry.kind != "city" or not c.text.isupper() or " " in c.text:
        return False
    if entry.population >= ACRONYM_TOWN_POPULATION or entry.country_code in context.countries:
        return False
    return c.text.casefold() in organisations or len(c.text) <= ACRONYM_LENGTH


def _unresolved(name: str, c: Candidate, gazetteer: Gazetteer, beside: str | None) -> Place:
    """A place the gazetteer does not hold: a former country is placed where its successor
    is; others take the country `beside` them, their qualifier's ("Moonachie, N.J.") or that
    of a resolved place in their sentence, unless they span countries ("the Middle East",
    "East Africa", "Yugoslavia")."""
    code = former_country(name)
    successor = gazetteer.country_by_code(code) if code is not None else None
    if successor is not None:
        return Place(
            name=former_name(name),
            kind="country",
            country_code=successor.country_code,
            lat=successor.lat,
            lon=successor.lon,
        )
    several = gazetteer.names_continent(name) or spans_countries(name)
    return Place(
        name=name,
        kind=_KIND_OF_UNRESOLVED.get(c.label, "location"),
        country_code=None if several else beside,
    )


def _building_named_like_a_town(c: Candidate, entry: GeoEntry | None, text: str | None) -> bool:
    """ "the White House" is not White House, Tennessee: a name the model tags a facility,
    or one written with "the", keeps no small town's coordinates ("the Hague", a city of
    500,000, still does; "Pleasant Grove, Utah" is asked before, by its state)."""
    if entry is None or entry.kind != "city":
        return False
    if entry.population >= MIN_POPULATION_TO_OVERRULE_PERSON:
        return False
    # "in the Atlantic", "in the White House"; not "the Yalta accord", "the Kearny, N.J., maker".
    written_with_the = (
        text is not None
        and not c.modifier
        and text[max(0, c.start - 4) : c.start].lower() == "the "
        and not text.startswith(",", c.end)
    )
    return c.label == "FAC" or written_with_the


# A city this large is meant as the city even where a person of the article bears its name.
_METROPOLIS = 1_000_000
# "in Reno": a place ("a letter to Reno" is to the person).
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:" + "|".join(sorted(PLACE_PREPOSITIONS)) + r")\s+$", re.IGNORECASE
)


@dataclass(frozen=True)
class _People:
    """The names the article's person mentions use: surnames of full names, one-word names."""

    named: frozenset[str]  # given names and surnames of the people named in full
    single: frozenset[str]  # one-word person mentions


def _people_names(candidates: list[Candidate]) -> _People:
    named: set[str] = set()
    single: set[str] = set()
    for c in candidates:
        if c.label == "PERSON":
            words = strip_possessive(c.text).split()
            if len(words) > 1:
                named.update((words[0].casefold(), words[-1].casefold()))
            elif words:
                single.add(words[0].casefold())
    return _People(frozenset(named), frozenset(single))


def _person_misread(
    c: Candidate,
    entry: GeoEntry | None,
    people: _People,
    context: GeoContext,
    hint: Hint,
    text: str | None,
) -> bool:
    """A one-word name the article gives a person, taken for a town: the surname or given
    name of a person it names in full ("Janet Reno ... Reno said" as Reno, Nevada; "Elizabeth
    Brotons ... Elizabeth" as Elizabeth, New Jersey), or a name it also tags as a person that
    would only be a small town in a country it does not name ("President Bush ... Bush" as
    Bush, Egypt). News writes a person's surname alone after the first mention. Never a
    country or region, nor a town qualified ("Reno, Nev.") or after a locative preposition
    ("in Reno")."""
    word = c.text.casefold()
    if " " in word or hint.within is not None or (entry is not None and entry.kind != "city"):
        return False
    if entry is not None and entry.population >= _METROPOLIS:
        return False  # "Herbert London ... flights to London": the city
    if word not in people.named and not (
        word in people.single
        and (
            entry is None
            or (
                entry.population < MIN_POPULATION_TO_OVERRULE_PERSON
                and entry.country_code not in context.countries
            )
        )
    ):
        return False
    before = text[max(0, c.start - 12) : c.start] if text is not None else ""
    return _LOCATIVE_BEFORE.search(before) is None


def _id(entry: GeoEntry | None) -> int | None:
    return None if entry is None else entry.geonames_id


def _place(entry: GeoEntry) -> Place:
    return Place(
        name=entry.name,
        kind=entry.kind,
        country_code=entry.country_code,
        lat=entry.lat,
        lon=entry.lon,
        geonames_id=entry.geonames_id,
    )


def geocode(
    candidates: list[Candidate],
    gazetteer: Gazetteer,
    *,
    text: str | None = None,
    publisher: str | None = None,
) -> Places:
    """One Place per distinct place the article mentions, with every mention, in text order.

    `text` (the parsed text the candidates' offsets point into) lets the words around each
    mention count: datelines, "City, Region" pairs, region words ("the Donetsk region").
    `publisher` (the publisher's country code, `publisher.publisher_country`) breaks ties the
    article leaves: "Hamilton" on a New Zealand site is Hamilton, NZ, unless the article
    names Canada.
    """
    context = article_context(candidates, gazetteer)
    if publisher is not None and gazetteer.country_by_code(publisher) is not None:
        context = dataclasses.replace(context, publisher=publisher)
    organisations = {c.text.casefold() for c in candidates if c.label == "ORG"}
    people = _people_names(candidates)
    spots = [c for c in candidates if c.label in PLACE_LABELS]
    resolved: dict[tuple[str, bool, bool, int | None, int | None, bool], GeoEntry | None] = {}
    # Each place mention, its entry, and for one left unresolved the country its qualifier
    # names ("Moonachie, N.J.": US).
    located: list[tuple[Candidate, GeoEntry | None, str | None]] = []
    qualifier: GeoEntry | None = None  # what the mention after a city's comma stands for
    for spot in _spots(spots, text, gazetteer):
        c, name, hint = spot.candidate, spot.name, spot.hint
        if qualifier is not None:
            hint = dataclasses.replace(hint, qualifier=qualifier)
        key = (
            name.casefold(),
            hint.region,
            hint.city,
            _id(hint.within),
            _id(hint.qualifier),
            hint.surely_within,
        )
        if key not in resolved:
            resolved[key] = resolve(name, gazetteer, context, hint)
        entry = resolved[key]
        if hint.within is None and _building_named_like_a_town(c, entry, text):
            entry = None
        if hint.city or not (
            _organisation_misread(c, entry, organisations, context)
            or _person_misread(c, entry, people, context, hint, text)
        ):
            within = hint.within.country_code if hint.within is not None else None
            located.append((c, entry, within if entry is None else None))
        # "Independence, MO": the city lies in the state, so "MO" is Missouri; in "Kharkiv,
        # Kherson and Odesa" no Kharkiv lies in Kherson Oblast, and Kherson is the city.
        qualifier = None
        if spot.paired and entry is not None and hint.within is not None:
            qualifier = hint.within if _inside(entry, hint.within) else None

    country_in_sentence: dict[int, str] = {}
    for c, entry, _ in located:
        if entry is not None and entry.country_code:
            country_in_sentence.setdefault(c.sentence, entry.country_code)

    places: dict[str, Place] = {}
    by_token: dict[int, str] = {}
    for c, entry, qualified in located:
        if entry is not None:
            identity = f"geonames:{entry.geonames_id or entry.name}"
            if identity not in places:
                places[identity] = _place(entry)
        else:
            name = " ".join(c.text.split())
            if former_country(name) is not None:
                name = former_name(name)  # "USSR" and "the Soviet Union" are one place
            identity = f"unresolved:{name.casefold()}"
            if identity not in places:
                places[identity] = _unresolved(
                    name,
                    c,
                    gazetteer,
                    qualified or country_in_sentence.get(c.sentence),
                )
        place = places[identity]
        place.mentions.append(Mention(text=c.text, start=c.start, end=c.end, sentence=c.sentence))
        for i in range(c.first, c.stop):
            by_token[i] = place.name
    return Places(places=list(places.values()), by_token=by_token)
