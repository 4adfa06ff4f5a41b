"""Where the given-name list comes from: Faker's per-locale first names (MIT licence).

Faker carries first names for some 80 locales in `faker.providers.person.<locale>.Provider`.
Names in the Latin script are taken as they are (and also without accents: English copy
writes "Jose" as often as "José"); the Cyrillic locales are transliterated the way English
news spells their names, with a per-language table, because news writes "Volodymyr" and
"Kirill", never "Володимир" or "Кирилл". Other scripts (Arabic, Greek, CJK, Indic) are left
out: no single romanisation matches English copy well enough, and Faker's Japanese and Chinese
providers carry romanised lists of their own.

Importing Faker and its 80 locale modules costs a third of a second, which every
`newsflow extract` would pay; so the list is generated once into `given_names.txt` (committed,
checked fresh by a unit test) and Faker is needed only to regenerate it:

    python -m scripts.given_names_table
"""

from __future__ import annotations

import importlib
import itertools
import pkgutil
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

import faker.providers.person

from services.extractor.actors import given_names
from services.extractor.actors.given_names import GENDERED, GENERATED
from services.extractor.parse.words import without_accents

# The Provider attributes that hold given names (tuples, or dicts of name -> weight).
_NAME_ATTRIBUTES = (
    "first_names",
    "first_names_male",
    "first_names_female",
    "first_names_nonbinary",
    "first_romanized_names",
    "first_romanized_names_male",
    "first_romanized_names_female",
)

# Russian, as English news spells Russian names (BGN/PCGN, simplified): "Кирилл" -> "kirill",
# "Дмитрий" -> "dmitriy", "dmitry" or "dmitri". A letter with several usual spellings lists
# them all, the standard one first. Keys of two characters are read before single letters;
# "^" marks the start of the name (initial "Е" is "Ye": "Евгений" -> "yevgeniy", "evgeniy").
_RUSSIAN: dict[str, tuple[str, ...]] = {
    "^": ("",),
    "^е": ("ye", "e"),
    "ий": ("iy", "y", "i", "ii"),  # Dmitriy, Dmitry, Dmitri; Yuriy, Yury, Yuri
    "кс": ("ks", "x"),  # Aleksei / Alexei, Maksim / Maxim
    "а": ("a",),
    "б": ("b",),
    "в": ("v",),
    "г": ("g",),
    "д": ("d",),
    "е": ("e",),
    "ё": ("e", "yo"),
    "ж": ("zh",),
    "з": ("z",),
    "и": ("i",),
    "й": ("y", "i"),  # Sergey / Sergei
    "к": ("k",),
    "л": ("l",),
    "м": ("m",),
    "н": ("n",),
    "о": ("o",),
    "п": ("p",),
    "р": ("r",),
    "с": ("s",),
    "т": ("t",),
    "у": ("u",),
    "ф": ("f",),
    "х": ("kh", "h"),  # Mikhail; Khristina / Hristina
    "ц": ("ts",),
    "ч": ("ch",),
    "ш": ("sh",),
    "щ": ("shch",),
    "ъ": ("",),
    "ы": ("y",),
    "ь": ("",),
    "э": ("e",),
    "ю": ("yu", "iu"),
    "я": ("ya", "ia"),
}

# The Russian table without its Russian-only digraphs: the base of the other languages' tables.
_RUSSIAN_LETTERS = {key: value for key, value in _RUSSIAN.items() if len(key) == 1}

# Ukrainian, by the official 2010 national system that Ukrainian names in English news follow:
# "и" is "y" ("Володимир" -> "volodymyr"), "й" inside a name is "i" ("Андрій" -> "andrii",
# news also writes "andriy"), "г" is "h" ("Ольга" -> "olha"); "є", "ї", "ю", "я" start a name
# as "ye", "yi", "yu", "ya" and are "ie", "i", "iu", "ia" inside it.
_UKRAINIAN: dict[str, tuple[str, ...]] = {
    **_RUSSIAN_LETTERS,
    "^є": ("ye",),
    "^ї": ("yi",),
    "^й": ("y",),
    "^ю": ("yu",),
    "^я": ("ya",),
    "г": ("h",),
    "ґ": ("g",),
    "е": ("e",),
    "є": ("ie", "ye"),
    "и": ("y",),
    "і": ("i",),
    "ї": ("i", "yi"),
    "й": ("i", "y"),
    "х": ("kh",),
    "ю": ("iu", "yu"),
    "я": ("ia", "ya"),
    "ʼ": ("",),  # the apostrophe of "Вʼячеслав"
    "'": ("",),
    "’": ("",),
}

# Bulgarian (the 2009 Streamlined System): "ъ" is "a", "щ" is "sht", "х" is "h".
_BULGARIAN: dict[str, tuple[str, ...]] = {
    **_RUSSIAN_LETTERS,
    "ъ": ("a",),
    "щ": ("sht",),
    "х": ("h",),
    "ю": ("yu",),
    "я": ("ya",),
    "й": ("y",),
}

# Macedonian: the Russian table plus its own letters.
_MACEDONIAN: dict[str, tuple[str, ...]] = {
    **_RUSSIAN_LETTERS,
    "х": ("h",),
    "ј": ("j",),
    "љ": ("lj",),
    "њ": ("nj",),
    "ѓ": ("gj",),
    "ќ": ("kj",),
    "ѕ": ("dz",),
    "џ": ("dzh", "dz"),
}

# Which table reads which locale's names; the other locales are used as written.
_TRANSLITERATION: dict[str, dict[str, tuple[str, ...]]] = {
    "ru_RU": _RUSSIAN,
    "uk_UA": _UKRAINIAN,
    "bg_BG": _BULGARIAN,
    "mk_MK": _MACEDONIAN,
}

# A cap on the spellings one name may expand to; real names have at most three ambiguous
# letters (Юрий: 2 x 3 = 6), so this only guards against a pathological entry.
_MAX_SPELLINGS = 32


def transliterate(name: str, table: dict[str, tuple[str, ...]]) -> list[str]:
    """The Latin spellings of a Cyrillic `name` (lower case), the standard one first.

    Characters outside the table are kept, so a name with an unknown letter keeps it and is
    then dropped as not Latin by the caller.
    """
    text = "^" + name.casefold()
    choices: list[tuple[str, ...]] = []
    i = 0
    while i < len(text):
        pair = text[i : i + 2]
        if len(pair) == 2 and pair in table:
            choices.append(table[pair])
            i += 2
        else:
            choices.append(table.get(text[i], (text[i],)))
            i += 1
    spellings = ("".join(parts) for parts in itertools.product(*choices))
    return list(itertools.islice(dict.fromkeys(spellings), _MAX_SPELLINGS))


def _is_latin(word: str) -> bool:
    return word.isascii() or all(
        not char.isalpha() or unicodedata.name(char, "").startswith("LATIN") for char in word
    )


def _names_of(provider: type) -> Iterator[str]:
    """Every given name a Faker person Provider class (or its bases) defines as data.

    Read from the class `__dict__`: on the base Provider some of these are properties.
    """
    for klass in provider.__mro__:
        for attribute in _NAME_ATTRIBUTES:
            value = klass.__dict__.get(attribute)
            if isinstance(value, tuple | list | dict):
                yield from (str(name) for name in value)


def _faker_locales() -> Iterator[tuple[str, type]]:
    for module in pkgutil.iter_modules(faker.providers.person.__path__):
        if module.ispkg:
            package = importlib.import_module(f"faker.providers.person.{module.name}")
            provider = getattr(package, "Provider", None)
            if isinstance(provider, type):
                yield module.name, provider


def _latin_forms(words: Iterable[str]) -> Iterator[str]:
    """The lookup forms of casefolded words: Latin ones as they are and without accents."""
    for word in words:
        if word.isascii():
            yield word
        elif _is_latin(word):
            yield word
            yield without_accents(word)


def _words(entries: Iterable[str]) -> set[str]:
    # "José Pedro", "Mia Valentina": each part of a compound entry is a given name.
    return {word.casefold() for entry in entries for word in entry.split()}


def faker_given_names() -> list[str]:
    """Every given name Faker knows in a Latin spelling, casefolded, sorted."""
    # Locales share much of their lists (every en_* has the US names): collect, then convert.
    as_written: set[str] = set()
    cyrillic: dict[str, set[str]] = {}
    for locale, provider in _faker_locales():
        table = _TRANSLITERATION.get(locale)
        (as_written if table is None else cyrillic.setdefault(locale, set())).update(
            _names_of(provider)
        )
    names = set(_latin_forms(_words(as_written)))
    for locale, entries in cyrillic.items():
        table = _TRANSLITERATION[locale]
        spellings = (s for word in _words(entries) for s in transliterate(word, table))
        names.update(_latin_forms(spellings))
    return sorted(names)


# The Provider attributes that hold given names of one gender, by the gender they say.
_GENDERED_ATTRIBUTES = {
    "m": ("first_names_male", "first_romanized_names_male"),
    "f": ("first_names_female", "first_romanized_names_female"),
}


def _gendered_of(provider: type, gender: str) -> Iterator[str]:
    for klass in provider.__mro__:
        for attribute in _GENDERED_ATTRIBUTES[gender]:
            value = klass.__dict__.get(attribute)
            if isinstance(value, tuple | list | dict):
                yield from (str(name) for name in value)


def faker_gendered_names() -> dict[str, str]:
    """Given names that Faker lists for one gender only in every locale ("m" or "f"), Latin
    spellings casefolded: "olena" f, "volodymyr" m; "andrea" (male in Italian, female in
    English) is in neither."""
    said: dict[str, set[str]] = {}
    for locale, provider in _faker_locales():
        table = _TRANSLITERATION.get(locale)
        for gender in _GENDERED_ATTRIBUTES:
            words = _words(_gendered_of(provider, gender))
            if table is not None:
                words = {s for word in words for s in transliterate(word, table)}
            for form in _latin_forms(words):
                said.setdefault(form, set()).add(gender)
    return {name: next(iter(g)) for name, g in sorted(said.items()) if len(g) == 1}


def render_gendered() -> str:
    """The text of `gendered_names.txt`."""
    lines = [
        "# Given names Faker lists for one gender only (https://github.com/joke2k/faker, MIT",
        "# licence), as in given_names.txt: name, then m or f. Generated by",
        "# `python -m scripts.given_names_table`: do not edit by hand.",
        *(f"{name} {gender}" for name, gender in faker_gendered_names().items()),
    ]
    return "\n".join(lines) + "\n"


def render() -> str:
    """The text of `given_names.txt`."""
    lines = [
        "# Given names from Faker's person providers (https://github.com/joke2k/faker, MIT",
        "# licence), Latin script, Cyrillic transliterated, casefolded. Generated by",
        "# `python -m scripts.given_names_table`: do not edit by hand; add missing",
        "# names to supplementary_given_names.txt instead.",
        *faker_given_names(),
    ]
    return "\n".join(lines) + "\n"


def main() -> int:
    for name, text in ((GENERATED, render()), (GENDERED, render_gendered())):
        path = Path(given_names.__file__).with_name(name)
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
