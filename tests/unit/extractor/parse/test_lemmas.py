"""Lemmas read through the memo are the rule lemmatizer's own."""

from __future__ import annotations

import json
import random

from spacy.attrs import LEMMA, MORPH, POS
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

from services.extractor.parse.lemmas import LemmaMemo
from tests.conftest import REPO

EXTRA = [
    "She was running faster than the others; they had seen better days and worse ones.",
    "The mice were caught, the geese flew off, and the children's toys lay broken.",
    "He'd've gone, but we're told it isn't ours. Gonna stop? Y'all ain't leaving!",
]


def _memo_and_lemmatizer(nlp: Language) -> tuple[LemmaMemo, Lemmatizer]:
    memo = nlp.get_pipe("lemmatizer")
    assert isinstance(memo, LemmaMemo), "load_model puts the memo in the lemmatizer's place"
    assert memo.lemmatizer is not None
    return memo, memo.lemmatizer


def _texts() -> list[str]:
    articles = json.loads((REPO / "services/cli/demo/articles.json").read_text(encoding="utf-8"))
    return ["\n\n".join([a["title"], *a["paragraphs"]]) for a in articles] + EXTRA


def _assert_same(memo: LemmaMemo, lemmatizer: Lemmatizer, docs: list[Doc]) -> None:
    for doc in docs:
        expected = lemmatizer(doc.copy())
        assert isinstance(expected, Doc)
        # Twice: the first reading fills the memo, the second reads from it.
        for _ in range(2):
            got = memo(doc.copy())
            assert got.to_array([LEMMA]).tolist() == expected.to_array([LEMMA]).tolist()
            assert [t.lemma_ for t in got] == [t.lemma_ for t in expected]


def test_news_texts_get_the_lemmatizers_lemmas(nlp: Language) -> None:
    memo, lemmatizer = _memo_and_lemmatizer(nlp)
    docs = list(nlp.pipe(_texts(), disable=["lemmatizer", "ner"]))
    _assert_same(memo, lemmatizer, docs)


def test_words_with_other_pos_and_morphology(nlp: Language) -> None:
    """The same words under parts of speech and morphologies shuffled among them: the memo's
    key holds all three, so none answers for another."""
    memo, lemmatizer = _memo_and_lemmatizer(nlp)
    pick = random.Random(7)
    docs = []
    for doc in nlp.pipe(_texts(), disable=["lemmatizer", "ner"]):
        order = list(range(len(doc)))
        pick.shuffle(order)
        shuffled = doc.copy()
        shuffled.from_array([POS, MORPH], doc.to_array([POS, MORPH])[order])  # type: ignore[arg-type]  # spaCy types it as thinc's Ints2d, an alias of ndarray
        docs.append(shuffled)
    _assert_same(memo, lemmatizer, docs)
