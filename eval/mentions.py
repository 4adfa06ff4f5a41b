"""Persons, organisations and places against a hand-made gold, beside bare spaCy in one run.

The gold (`eval/gold/mentions.jsonl`) names each document by where its text comes from
(`eval.texts`) and holds only offsets and labels: PER, ORG, LOC, annotated by annotators who
do not write the rules, to the guidelines in docs/QUALITY.md ("Mentions"). A document whose
text no longer has the recorded digest is left out and counted.

Both systems are scored on the same texts, strict (same span, same label), micro-averaged:
- **bare spaCy**: the stock model's entities, PERSON -> PER, ORG -> ORG, GPE, LOC and FAC -> LOC;
- **Newsflow**: the whole extractor's mentions: a person's -> PER, an organisation's -> ORG, a
  country's and every place's -> LOC (a span both an actor and a place is one LOC). Groups
  named by common nouns ("Turkish police") and a country's demonym mentions ("Iraqi" in
  "Iraqi troops", which names Iraq as an actor) are not named entities and are left out, as
  bare spaCy's NORP is.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eval.events import extract_texts
from eval.texts import digest, text_of

if TYPE_CHECKING:
    from services.extractor.pipeline import Extractor
    from shared.models import EnrichedArticle

GOLD = Path(__file__).resolve().parent / "gold" / "mentions.jsonl"
LABELS = ("PER", "ORG", "LOC")
SPACY_LABELS = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
KIND_LABELS = {"person": "PER", "organization": "ORG", "country": "LOC"}
# Any date will do: mentions do not depend on it.
PUBLISHED = dt.datetime(2020, 1, 1, 12, tzinfo=dt.UTC)

Span = tuple[int, int, str]


@dataclass(frozen=True)
class GoldDocument:
    doc: str
    digest: str
    spans: tuple[Span, ...]


@dataclass
class MentionCounts:
    """True positives, system and gold counts per label; they add across documents."""

    tp: Counter[str] = field(default_factory=Counter)
    system: Counter[str] = field(default_factory=Counter)
    gold: Counter[str] = field(default_factory=Counter)

    def add(self, gold: Iterable[Span], system: Iterable[Span]) -> None:
        gold_set, system_set = set(gold), set(system)
        for _, _, label in gold_set:
            self.gold[label] += 1
        for span in system_set:
            self.system[span[2]] += 1
            self.tp[span[2]] += span in gold_set

    def f1(self, label: str | None = None) -> float:
        labels = LABELS if label is None else (label,)
        tp = sum(self.tp[x] for x in labels)
        system = sum(self.system[x] for x in labels)
        gold = sum(self.gold[x] for x in labels)
        precision = tp / system if system else 0.0
        recall = tp / gold if gold else 0.0
        return 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    def scores(self) -> dict[str, float]:
        return {"micro_f1": self.f1(), **{f"{x.lower()}_f1": self.f1(x) for x in LABELS}}


def read_gold(path: Path = GOLD) -> list[GoldDocument]:
    documents = []
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        spans = tuple((int(s), int(e), str(label)) for s, e, label in record["spans"])
        documents.append(GoldDocument(record["doc"], record["digest"], spans))
    return documents


def spacy_spans(doc: Any) -> list[Span]:
    return [
        (ent.start_char, ent.end_char, SPACY_LABELS[ent.label_])
        for ent in doc.ents
        if ent.label_ in SPACY_LABELS
    ]


def newsflow_spans(enriched: EnrichedArticle) -> list[Span]:
    spans: dict[tuple[int, int], str] = {}
    for place in enriched.places:
        for m in place.mentions:
            spans[(m.start, m.end)] = "LOC"
    from services.extractor.actors.demonyms import is_demonym

    for entity in enriched.entities:
        label = KIND_LABELS.get(entity.kind)
        if label is None:
            continue  # a group named by a common noun is no named entity
        for m in entity.mentions:
            if entity.kind == "country" and is_demonym(m.text):
                continue  # "Iraqi" officials name Iraq as an actor, not a place: spaCy's NORP
            if m.text.islower():
                continue  # an office named by its description ("the mayor"): no name
            spans.setdefault((m.start, m.end), label)
    return [(start, end, label) for (start, end), label in sorted(spans.items())]


@dataclass
class MentionReading:
    bare: MentionCounts = field(default_factory=MentionCounts)
    ours: MentionCounts = field(default_factory=MentionCounts)
    documents: int = 0
    stale: list[str] = field(default_factory=list)
    # The extractor's reading of each scored document, for the other readings of the same gold
    # (`eval.places`), so that nothing is extracted twice.
    extracted: dict[str, EnrichedArticle] = field(default_factory=dict)

    def scores(self) -> dict[str, float]:
        ours, bare = self.ours.scores(), self.bare.scores()
        labels = [f"{label.lower()}_f1" for label in LABELS]
        return {
            **ours,
            **{f"bare_{k}": v for k, v in bare.items()},
            "margin_micro_f1": ours["micro_f1"] - bare["micro_f1"],
            # The bar: never below bare spaCy on any label.
            "min_label_margin": min(ours[key] - bare[key] for key in labels),
            "documents": float(self.documents),
        }


def evaluate_mentions(
    extractor: Extractor, bare_nlp: Any, documents: Sequence[GoldDocument]
) -> MentionReading:
    """Both systems on every gold document whose text is still the one annotated."""
    reading = MentionReading()
    texts: list[tuple[GoldDocument, str]] = []
    for document in documents:
        text = text_of(document.doc)
        if digest(text) != document.digest:
            reading.stale.append(document.doc)
            continue
        texts.append((document, text))
    enriched = extract_texts(
        extractor, [(f"urn:newsflow:gold:{d.doc}", t, PUBLISHED) for d, t in texts]
    )
    for (document, _), parsed, ours in zip(
        texts, bare_nlp.pipe(t for _, t in texts), enriched, strict=True
    ):
        reading.bare.add(document.spans, spacy_spans(parsed))
        reading.ours.add(document.spans, newsflow_spans(ours))
        reading.extracted[document.doc] = ours
        reading.documents += 1
    return reading
