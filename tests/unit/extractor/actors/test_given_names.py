from __future__ import annotations

import pytest

from scripts.given_names_table import (
    _BULGARIAN,
    _RUSSIAN,
    _UKRAINIAN,
    faker_gendered_names,
    faker_given_names,
    render,
    render_gendered,
    transliterate,
)
from services.extractor.actors.given_names import (
    GENDERED,
    GENERATED,
    SUPPLEMENT,
    gender_of,
    is_given_name,
    read_list,
)
from services.extractor.parse.words import without_accents


def test_generated_list_is_fresh() -> None:
    # Regenerate with `make tables` when this fails.
    from importlib import resources

    committed = resources.files("services.extractor.actors").joinpath(GENERATED).read_text("utf-8")
    assert committed == render()


def test_generated_gender_list_is_fresh() -> None:
    from importlib import resources

    committed = resources.files("services.extractor.actors").joinpath(GENDERED).read_text("utf-8")
    assert committed == render_gendered()


def test_a_name_has_a_gender_only_when_every_locale_agrees() -> None:
    genders = faker_gendered_names()
    assert (genders.get("olena"), genders.get("donald")) == ("f", "m")
    assert "andrea" not in genders  # a man's name in Italian, a woman's in English
    assert (gender_of("Olena"), gender_of("Volodymyr"), gender_of("Putin")) == ("f", "m", None)
    assert gender_of("Zoë") == gender_of("Zoe") == "f"


def test_supplement_holds_only_names_faker_lacks() -> None:
    faker_names = set(faker_given_names())
    supplement = [name.casefold() for name in read_list(SUPPLEMENT)]
    assert supplement
    assert [name for name in supplement if name in faker_names] == []


@pytest.mark.parametrize(
    ("name", "table", "spelling"),
    [
        ("Володимир", _UKRAINIAN, "volodymyr"),
        ("Андрій", _UKRAINIAN, "andrii"),
        ("Ольга", _UKRAINIAN, "olha"),
        ("Євген", _UKRAINIAN, "yevhen"),
        ("Кирилл", _RUSSIAN, "kirill"),
        ("Дмитрий", _RUSSIAN, "dmitriy"),
        ("Евгений", _RUSSIAN, "yevgeniy"),
        ("Божидар", _BULGARIAN, "bozhidar"),
    ],
)
def test_standard_transliteration_comes_first(
    name: str, table: dict[str, tuple[str, ...]], spelling: str
) -> None:
    assert transliterate(name, table)[0] == spelling


def test_news_spellings_are_variants() -> None:
    assert {"dmitry", "dmitri"} <= set(transliterate("Дмитрий", _RUSSIAN))
    assert "alexei" in transliterate("Алексей", _RUSSIAN)
    assert "andriy" in transliterate("Андрій", _UKRAINIAN)


@pytest.mark.parametrize(
    "word",
    ["Rustem", "Kirill", "Volodymyr", "Andrii", "Samia", "Yoshimasa", "Shigeru", "José", "JOSE"],
)
def test_known_given_names(word: str) -> None:
    assert is_given_name(word)


@pytest.mark.parametrize("word", ["Hallandale", "Beach", "Umerov", "Ministry", "Kyiv"])
def test_not_given_names(word: str) -> None:
    assert not is_given_name(word)


def test_without_accents() -> None:
    assert without_accents("josé") == "jose"
    assert without_accents("håkon") == "hakon"
    assert without_accents("putin") == "putin"
