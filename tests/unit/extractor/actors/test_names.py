from __future__ import annotations

import pytest

from services.extractor.actors.names import (
    canonical_person,
    has_known_given_name,
    is_role_word,
    surname,
    titles,
)
from services.extractor.parse.words import possessive_suffix_length


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("President Vladimir Putin‘s", "Vladimir Putin"),
        ("Russian President Vladimir Putin", "Vladimir Putin"),
        ("Secretary of State Marco Rubio", "Marco Rubio"),
        ("Prime Minister Keir Starmer", "Keir Starmer"),
        ("Mr Trump", "Trump"),
        ("Trump’s", "Trump"),
        ("Witkoff's", "Witkoff"),
        ("President", "President"),  # a lone title is left alone, not emptied
    ],
)
def test_canonical_person(text: str, name: str) -> None:
    assert canonical_person(text) == name


@pytest.mark.parametrize(
    ("text", "cut"), [("Putin‘s", 2), ("Trump’s", 2), ("officials’", 1), ("Putin", 0), ("'s", 0)]
)
def test_possessive_suffix_length(text: str, cut: int) -> None:
    assert possessive_suffix_length(text) == cut


def test_surname_skips_generational_suffix() -> None:
    assert surname("Martin Luther King Jr.") == "King"
    assert surname("Vladimir Putin") == "Putin"


def test_known_given_names() -> None:
    assert has_known_given_name("Rustem Umerov")
    assert not has_known_given_name("Morgan")  # one word is not a full name
    assert not has_known_given_name("Hallandale Beach")


def test_titles_are_nameparsers() -> None:
    from nameparser.config import CONSTANTS

    assert titles() == frozenset(CONSTANTS.titles)
    assert "president" in titles()


def test_role_words_match_like_nameparser() -> None:
    assert is_role_word("President")
    assert is_role_word("Gen.")
    assert is_role_word("envoy")
    assert not is_role_word("Vladimir")
