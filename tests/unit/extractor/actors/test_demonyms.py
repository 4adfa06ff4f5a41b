from __future__ import annotations

import pytest

from services.extractor.actors.demonyms import country_of_demonym, group_of_demonym, is_demonym


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("Russian", "RU"),
        ("Russians", "RU"),
        ("American", "US"),
        ("Ukrainian", "UA"),
        ("British", "GB"),
        ("Israelis", "IL"),
        ("Chinese", "CN"),
        ("Briton", "GB"),
        ("Spaniards", "ES"),
        ("Frenchman", "FR"),
    ],
)
def test_country_demonyms(word: str, code: str) -> None:
    assert country_of_demonym(word) == code


def test_supranational_demonyms_are_groups() -> None:
    assert country_of_demonym("European") is None
    assert group_of_demonym("European") == "Europe"


def test_not_a_demonym() -> None:
    assert not is_demonym("Republicans")
    assert not is_demonym("Moscow")
    # given names that are nationals' nouns too: Brit Hume, Scot Peterson, Dane Cook
    assert not any(is_demonym(name) for name in ("Brit", "Scot", "Dane", "Finn"))
