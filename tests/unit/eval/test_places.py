"""The geocoding reading of `make eval`: the gold read, the scores counted right."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eval.places import GOLD, PlaceCounts, read_gold


def test_gold_lines_are_read(tmp_path: Path) -> None:
    path = tmp_path / "places.jsonl"
    lines = [
        {"doc": "page:x", "start": 0, "end": 4, "country": "UA", "geonames": 703448},
        {"doc": "page:x", "start": 9, "end": 20, "country": None, "scope": "multinational"},
    ]
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    first, second = read_gold(path)
    assert (first.country, first.geonames, first.multinational) == ("UA", 703448, False)
    assert (second.country, second.geonames, second.multinational) == (None, None, True)


def test_scores_are_shares_of_what_can_be_judged() -> None:
    counts = PlaceCounts(gold=10, found=8, with_country=8, country_right=6, with_id=4, id_right=3)
    assert counts.scores() == {
        "places": 10.0,
        "found": pytest.approx(0.8),
        "country_accuracy": pytest.approx(0.75),
        "place_accuracy": pytest.approx(0.75),
    }


@pytest.mark.skipif(not GOLD.is_file(), reason="no place gold committed")
def test_the_committed_gold_has_enough_places() -> None:
    places = read_gold()
    assert len(places) >= 200
    assert all(p.end > p.start for p in places)
