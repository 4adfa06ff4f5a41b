"""How English news writes place names around the gazetteer's own: region words, AP state
abbreviations, datelines.

Pure string rules, shared by the gazetteer (which keys first-level regions by their bare names)
and the geocoder (which reads the words around a mention):
- a region word after or before a name makes it the region: "Donetsk region", "the Donetsk
  oblast", "Kherson Oblast", "New York state", "the state of Punjab", "Free State of Bavaria";
- AP style abbreviates US states after a city ("Birmingham, Ala.", "Albany, N.Y.").
Datelines ("NAIROBI, Kenya (AP) _") are the parse's (`parse.dateline`).
"""

from __future__ import annotations

import functools
import re


def lookup_key(name: str) -> str:
    """The gazetteer's key of a name: casefolded, single spaces, typographic apostrophes plain,
    no leading "the"."""
    key = " ".join(name.replace("’", "'").split()).casefold()
    return key.removeprefix("the ") if key.startswith("the ") and len(key) > 4 else key


# English words that name a first-level division, as news and GeoNames' English names write
# them after the name ("Donetsk Oblast", "Kabul Province", "Nairobi County") or before it with
# "of" ("State of Sikkim", "Region of Murcia"). County, district and department are first-level
# in some countries (Kenya, Romania; Colombia, Peru), second-level in others.
_REGION_WORDS = (
    "oblast",
    "oblast'",
    "region",
    "province",
    "state",
    "governorate",
    "prefecture",
    "krai",
    "kray",
    "territory",
    "voivodeship",
    "canton",
    "emirate",
    "county",
    "district",
    "department",
    "republic",
    "autonomous region",
    "autonomous republic",
    "autonomous province",
    "union territory",
    "capital territory",
    "federal district",
)
# Words that name a region only before it: "Community of Madrid", while "Valencian Community"
# and "the Jewish community" have an adjective before the word.
_PREFIX_WORDS = ("community", "autonomous community")


def _alternatives(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


_WORDS = _alternatives(_REGION_WORDS)
_ALL_WORDS = _alternatives(_REGION_WORDS + _PREFIX_WORDS)
# Adjectives of official long forms: "Free State of Bavaria", "National Capital Territory of
# Delhi", "Autonomous Republic of Crimea".
_QUALIFIERS = r"(?:(?:free|autonomous|federal|special|national|national capital|union)\s+)*"
_SUFFIXED = re.compile(rf"(?P<core>.+?)\s+(?:{_WORDS})", re.IGNORECASE)
_PREFIXED = re.compile(
    rf"{_QUALIFIERS}(?:{_ALL_WORDS})\s+of\s+(?:the\s+)?(?P<core>.+)", re.IGNORECASE
)

# A region word right after a mention ("Kherson region", "New York state"), or "<word> of"
# right before it ("the state of Punjab", "the Indian state of Punjab").
_WORD_AFTER = re.compile(rf"\s+(?:{_WORDS})\b", re.IGNORECASE)
_WORD_BEFORE = re.compile(rf"\b(?:{_ALL_WORDS})\s+of\s+(?:the\s+)?$", re.IGNORECASE)

# How far before a mention "<word> of " can start: the longest word plus " of the ".
_LOOK_BEHIND = max(len(word) for word in _REGION_WORDS) + 10


# Recent names: the gazetteer and the geocoder ask for each of an article's names several
# times, and news repeats its names; the bound caps memory.
@functools.lru_cache(maxsize=8192)
def region_core(name: str) -> str | None:
    """The bare name in a region name with a region word ("Donetsk Oblast" -> "Donetsk", "the
    state of New York" -> "New York", "Free State of Bavaria" -> "Bavaria"), else None."""
    text = " ".join(name.split())
    if text[:4].casefold() == "the ":
        text = text[4:]
    if " " not in text:
        return None  # one word has no region word beside the name
    for pattern in (_PREFIXED, _SUFFIXED):
        found = pattern.fullmatch(text)
        if found is not None:
            core = found.group("core").strip(" ,")
            return core if core and core.casefold() != "the" else None
    return None


# Prepositions before a name that write it as a place ("in Reno", "from Lincoln").
PLACE_PREPOSITIONS = frozenset({"in", "at", "from", "near", "into", "outside"})
# "upstate New York": only a state has an upstate.
_STATE_PART_BEFORE = re.compile(r"\b(?:upstate|downstate)\s+$", re.IGNORECASE)
# "western New York", "northern Kentucky": a compass word before a US state's name (a city's,
# "western Moscow", stays the city).
COMPASS_WORDS = (
    r"(?:northern|southern|eastern|western|central|northeastern|northwestern|southeastern|"
    r"southwestern|north|south|east|west|upstate|downstate)"
)
_COMPASS_BEFORE = re.compile(rf"\b{COMPASS_WORDS}\s+$", re.IGNORECASE)


def compass_word_before(text: str, start: int) -> bool:
    """Whether a compass word ("western", "northern") stands right before `text[start:]`."""
    return _COMPASS_BEFORE.search(text, max(0, start - 14), start) is not None


def region_word_around(text: str, start: int, end: int) -> bool:
    """Whether a region word follows `text[start:end]`, "<word> of" precedes it, or
    "upstate"/"downstate" does."""
    if _WORD_AFTER.match(text, end) is not None:
        return True
    if _STATE_PART_BEFORE.search(text, max(0, start - 14), start) is not None:
        return True
    # Most mentions have no "of" before them: look for the word only when there is one.
    before = text[max(0, start - _LOOK_BEHIND) : start].rstrip().casefold()
    if not before.endswith((" of", " of the")):
        return False
    return _WORD_BEFORE.search(text, max(0, start - _LOOK_BEHIND), start) is not None


# Last words of names of seas, rivers and landforms. A few first-level regions are named after
# one ("Red Sea" governorate of Egypt, state of Sudan; "Tana River" county of Kenya), but news
# means the feature unless a region word says otherwise ("the Red Sea state").
_FEATURE_WORDS = frozenset(
    {
        "sea", "ocean", "gulf", "bay", "river", "lake", "lakes", "strait", "straits",
        "channel", "canal", "mountains", "desert", "peninsula",
    }
)  # fmt: skip


def is_natural_feature(name: str) -> bool:
    """Whether `name` ends with the word of a sea, river or landform ("Red Sea", "the gulf")."""
    words = name.casefold().split()
    return bool(words) and words[-1] in _FEATURE_WORDS


# Regions that span several countries and name none of their continents ("East Africa" is
# `Gazetteer.names_continent`'s): the country of a place beside them is not theirs.
_MULTINATIONAL = frozenset(
    {
        "middle east", "mideast", "near east", "far east", "gulf", "persian gulf",
        "arabian gulf", "gulf region", "balkans", "caribbean", "scandinavia", "levant",
        "maghreb", "sahel", "horn of africa", "mediterranean", "baltics", "baltic states",
        "west bank and gaza", "arab world", "arabian peninsula", "indochina", "the west",
    }
)  # fmt: skip
# Countries under a former name, with the code of the state that continues them (Russia is
# the Soviet Union's continuator; both Germanys are Germany's territory today). Names of
# states that split into several (Yugoslavia, Czechoslovakia) are left without a country.
FORMER_COUNTRIES: dict[str, str] = {
    "west germany": "DE",
    "east germany": "DE",
    "soviet union": "RU",
    "ussr": "RU",
    "u.s.s.r.": "RU",
    "zaire": "CD",
    "ceylon": "LK",
    "rhodesia": "ZW",
    "siam": "TH",
}


# Last words of waters that most often wash several countries ("Red Sea", "Gulf of Aden",
# "the Florida Straits").
_OPEN_WATERS = frozenset({"sea", "ocean", "gulf", "strait", "straits"})
# Words that name a water after a people's name ("the Persian gulf", "the Irish sea").
WATER_WORDS = _OPEN_WATERS | {"bay", "channel"}
# Former states that split into several: no one country continues them.
_SPLIT_STATES = frozenset({"yugoslavia", "czechoslovakia"})


def spans_countries(name: str) -> bool:
    """Whether `name` is a region or sea of several countries ("the Middle East", "the Gulf",
    "the Red Sea", "the Gulf of Aden")."""
    key = lookup_key(name)
    words = key.split()
    return (
        key in _MULTINATIONAL
        or f"the {key}" in _MULTINATIONAL
        or key in _SPLIT_STATES
        or (bool(words) and words[-1] in _OPEN_WATERS)
        or key.startswith(("gulf of ", "sea of ", "strait of ", "straits of "))
    )


# One name for each former state written several ways.
_FORMER_NAMES: dict[str, str] = {"ussr": "Soviet Union", "u.s.s.r.": "Soviet Union"}


def former_country(name: str) -> str | None:
    """The code of the country that continues a former one ("West Germany" -> "DE")."""
    return FORMER_COUNTRIES.get(lookup_key(name))


def former_name(name: str) -> str:
    """The one name of a former state written several ways ("USSR" -> "Soviet Union")."""
    bare = " ".join(name.split())
    bare = bare[4:] if bare.casefold().startswith("the ") else bare
    return _FORMER_NAMES.get(lookup_key(bare), bare)


# The AP Stylebook's abbreviations of US states, used after a city name and in datelines
# ("Birmingham, Ala."); the eight states it never abbreviates (Alaska, Hawaii, Idaho, Iowa,
# Maine, Ohio, Texas, Utah) have none. Value: the state's postal code.
AP_STATE_ABBREVIATIONS: dict[str, str] = {
    "Ala.": "AL",
    "Ariz.": "AZ",
    "Ark.": "AR",
    "Calif.": "CA",
    "Colo.": "CO",
    "Conn.": "CT",
    "Del.": "DE",
    "D.C.": "DC",
    "Fla.": "FL",
    "Ga.": "GA",
    "Ill.": "IL",
    "Ind.": "IN",
    "Kan.": "KS",
    "Ky.": "KY",
    "La.": "LA",
    "Md.": "MD",
    "Mass.": "MA",
    "Mich.": "MI",
    "Minn.": "MN",
    "Miss.": "MS",
    "Mo.": "MO",
    "Mont.": "MT",
    "Neb.": "NE",
    "Nev.": "NV",
    "N.H.": "NH",
    "N.J.": "NJ",
    "N.M.": "NM",
    "N.Y.": "NY",
    "N.C.": "NC",
    "N.D.": "ND",
    "Okla.": "OK",
    "Ore.": "OR",
    "Pa.": "PA",
    "R.I.": "RI",
    "S.C.": "SC",
    "S.D.": "SD",
    "Tenn.": "TN",
    "Vt.": "VT",
    "Va.": "VA",
    "Wash.": "WA",
    "W.Va.": "WV",
    "Wis.": "WI",
    "Wyo.": "WY",
}
# Looked up without the final period and spaces: spaCy may leave the period out of the span
# ("Ala" before "(AP)"), and "W. Va." is also written.
_AP_KEYS: dict[str, str] = {
    abbreviation.replace(" ", "").rstrip(".").casefold(): code
    for abbreviation, code in AP_STATE_ABBREVIATIONS.items()
}


def ap_state_code(name: str) -> str | None:
    """The postal code of the US state an AP abbreviation stands for ("N.Y." -> "NY")."""
    if "." not in name:
        # "Ala", "Mass", "Miss" and "Wash" without their period are words or names, not states.
        return None
    return _AP_KEYS.get(name.replace(" ", "").rstrip(".").casefold())


_PAIR_GAP = re.compile(r"\s*,\s*")


def is_pair_gap(text: str, end: int, start: int) -> bool:
    """Whether `text[end:start]` is the comma of "City, Region" ("Birmingham, Ala.")."""
    return _PAIR_GAP.fullmatch(text, end, start) is not None
