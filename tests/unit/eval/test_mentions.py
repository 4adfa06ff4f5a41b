"""The mention reading of `make eval`: strict scores, the two systems' label maps, the gold."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from eval.mentions import GOLD, MentionCounts, newsflow_spans, read_gold, spacy_spans
from eval.texts import digest, text_of
from shared.models import Entity, EntityKind, Mention, Place
from tests.conftest import material
from tests.factories import article, enriched


def test_scores_are_strict_micro_averages() -> None:
    counts = MentionCounts()
    gold = [(0, 5, "PER"), (10, 16, "LOC"), (20, 24, "ORG")]
    system = [(0, 5, "PER"), (10, 16, "ORG"), (30, 34, "LOC")]  # one right, one mislabelled
    counts.add(gold, system)
    assert counts.f1("PER") == pytest.approx(1.0)
    assert counts.f1("ORG") == 0.0
    assert counts.f1() == pytest.approx(1 / 3)  # P 1/3, R 1/3


def test_spacy_labels_map_to_three() -> None:
    ents = [
        SimpleNamespace(start_char=0, end_char=5, label_="PERSON"),
        SimpleNamespace(start_char=6, end_char=10, label_="GPE"),
        SimpleNamespace(start_char=11, end_char=15, label_="FAC"),
        SimpleNamespace(start_char=16, end_char=20, label_="NORP"),
        SimpleNamespace(start_char=21, end_char=25, label_="DATE"),
    ]
    assert spacy_spans(SimpleNamespace(ents=ents)) == [
        (0, 5, "PER"),
        (6, 10, "LOC"),
        (11, 15, "LOC"),
    ]


def test_newsflow_mentions_map_to_three_and_groups_are_left_out() -> None:
    text = "Putin met NATO in Russia. Turkish police came. Russia said. Iraqi troops left."
    source = article(text=text)

    def at(word: str, nth: int = 0) -> Mention:
        start = -1
        for _ in range(nth + 1):
            start = text.index(word, start + 1)
        return Mention(text=word, start=start, end=start + len(word), sentence=0)

    def actor(name: str, kind: EntityKind, mentions: list[Mention]) -> Entity:
        return Entity(name=name, kind=kind, mentions=mentions)

    found = enriched(
        source,
        entities=[
            actor("Putin", "person", [at("Putin")]),
            actor("NATO", "organization", [at("NATO")]),
            actor("Turkish police", "group", [at("Turkish police")]),
            actor("Russia", "country", [at("Russia"), at("Russia", 1)]),
            actor("Iraq", "country", [at("Iraqi")]),  # a demonym: no named place
        ],
        places=[Place(name="Russia", kind="country", country_code="RU", mentions=[at("Russia")])],
    )
    assert newsflow_spans(found) == [
        (0, 5, "PER"),
        (10, 14, "ORG"),
        (18, 24, "LOC"),
        (47, 53, "LOC"),
    ]


@pytest.mark.skipif(not GOLD.is_file(), reason="no mention gold committed")
def test_the_gold_points_into_the_texts_it_names() -> None:
    material("corpora")
    documents = read_gold()
    assert len(documents) >= 60
    for document in documents:
        text = text_of(document.doc)
        assert digest(text) == document.digest, document.doc
        previous_end = -1
        for start, end, label in document.spans:
            assert label in {"PER", "ORG", "LOC"}
            assert previous_end <= start < end <= len(text), document.doc
            previous_end = end
