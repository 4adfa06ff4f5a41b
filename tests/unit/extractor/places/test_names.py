from __future__ import annotations

import pytest

from services.extractor.parse.words import without_accents
from services.extractor.places.names import (
    ap_state_code,
    former_country,
    is_natural_feature,
    is_pair_gap,
    lookup_key,
    region_core,
    region_word_around,
    spans_countries,
)


@pytest.mark.parametrize(
    ("name", "core"),
    [
        ("Donetsk Oblast", "Donetsk"),
        ("the Donetsk oblast", "Donetsk"),
        ("Donetsk region", "Donetsk"),
        ("Zaporizhzhia region", "Zaporizhzhia"),
        ("New York state", "New York"),
        ("the state of Punjab", "Punjab"),
        ("Free State of Bavaria", "Bavaria"),
        ("Autonomous Republic of Crimea", "Crimea"),
        ("Community of Madrid", "Madrid"),
        ("Nairobi County", "Nairobi"),
        ("Bavaria", None),
        ("United States", None),  # "States" is no region word
        ("Valencian Community", None),  # an adjective before "community"
        ("the region", None),
        ("Kansas City", None),
    ],
)
def test_region_core(name: str, core: str | None) -> None:
    assert region_core(name) == core


@pytest.mark.parametrize(
    ("text", "mention", "worded"),
    [
        ("Shelling hit the Kherson region on Monday.", "Kherson", True),
        ("The storm moved into New York state.", "New York", True),
        ("Farmers in the Indian state of Punjab protested.", "Punjab", True),
        ("Fighting raged in Kherson, the regional capital.", "Kherson", False),
        ("Kherson said the talks failed.", "Kherson", False),
        ("The mayor of Kherson spoke.", "Kherson", False),
        ("He grew up in upstate New York.", "New York", True),
    ],
)
def test_region_word_around(text: str, mention: str, worded: bool) -> None:
    start = text.index(mention)
    assert region_word_around(text, start, start + len(mention)) is worded


@pytest.mark.parametrize(
    ("abbreviation", "code"),
    [
        ("N.Y.", "NY"),
        ("Ala.", "AL"),
        ("Ore.", "OR"),
        ("Calif.", "CA"),
        ("W. Va.", "WV"),
        ("N.Y", "NY"),  # the period left out of the span
        ("Ala", None),  # a word, not an abbreviation
        ("Mass", None),
        ("Texas", None),
    ],
)
def test_ap_state_code(abbreviation: str, code: str | None) -> None:
    assert ap_state_code(abbreviation) == code


def test_pair_gap_is_a_comma() -> None:
    text = "born in Birmingham, Ala., and Paris and Rome"
    assert is_pair_gap(text, text.index(", Ala"), text.index("Ala."))
    assert not is_pair_gap(text, text.index(" and Paris"), text.index("Paris"))


def test_natural_features() -> None:
    assert is_natural_feature("Red Sea")
    assert is_natural_feature("the gulf")
    assert not is_natural_feature("Red Sea state")
    assert not is_natural_feature("Gaza Strip")


def test_keys_and_folding() -> None:
    assert lookup_key("  The   Donetsk ’Oblast ") == "donetsk 'oblast"
    assert without_accents("Rājasthān") == "Rajasthan"
    assert without_accents("Baden-Württemberg") == "Baden-Wurttemberg"


def test_regions_and_seas_of_several_countries() -> None:
    for name in ("the Middle East", "Persian Gulf", "the Gulf", "Red Sea", "Gulf of Aden"):
        assert spans_countries(name), name
    for name in ("Florida", "Gaza Strip", "Lake Placid", "Red Sea state"):
        assert not spans_countries(name), name


def test_former_countries_and_their_successors() -> None:
    assert former_country("West Germany") == "DE"
    assert former_country("the Soviet Union") == "RU"
    assert former_country("Yugoslavia") is None  # split into several states
    assert former_country("Germany") is None
