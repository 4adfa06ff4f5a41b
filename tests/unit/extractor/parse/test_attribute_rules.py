"""The attribute rules applied by table give exactly what spaCy's AttributeRuler gives."""

from __future__ import annotations

import json
import random
from typing import Any, cast

import pytest
from spacy.attrs import DEP, HEAD, LEMMA, LOWER, MORPH, POS, SENT_START, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler, DependencyParser, Tagger
from spacy.tokens import Doc

from services.extractor.parse.attribute_rules import AttributeTable, compile_rules
from tests.conftest import REPO

# Everything a token carries that the rules could touch, and what the parse set before them.
COLUMNS = [TAG, POS, MORPH, LEMMA, DEP, HEAD, SENT_START, LOWER]
BEFORE_RULES = ["attribute_ruler", "lemmatizer", "ner"]


def _ruler_and_table(nlp: Language) -> tuple[AttributeRuler, AttributeTable]:
    applier = nlp.get_pipe("attribute_ruler")
    ruler, table = getattr(applier, "ruler", None), getattr(applier, "table", None)
    assert isinstance(ruler, AttributeRuler), "load_model puts the table in the ruler's place"
    assert isinstance(table, AttributeTable)
    return ruler, table


def _assert_same(nlp: Language, docs: list[Doc]) -> None:
    ruler, table = _ruler_and_table(nlp)
    for doc in docs:
        by_ruler, by_table = ruler(doc.copy()), table(doc.copy())
        assert by_table.to_array(COLUMNS).tolist() == by_ruler.to_array(COLUMNS).tolist()
        assert [str(t.morph) for t in by_table] == [str(t.morph) for t in by_ruler]


def test_news_texts_read_alike(nlp: Language) -> None:
    articles = json.loads((REPO / "services/cli/demo/articles.json").read_text(encoding="utf-8"))
    texts = ["\n\n".join([a["title"], *a["paragraphs"]]) for a in articles]
    texts.append("Ain't nothin' gonna stop 'em, y'all: there's gotta be a way. Let's go!  C'mon.")
    docs = list(nlp.pipe(texts, disable=BEFORE_RULES))
    assert sum(len(d) for d in docs) > 400
    _assert_same(nlp, docs)


def _pattern_words(ruler: AttributeRuler) -> list[str]:
    """Every word a pattern names, in three casings, and words its regexes match."""
    words = {"nt", "n't", "nothin'", "nuthin'", "y", "y'", "all", "news", "Paris", "ran"}
    for pattern in cast(list[dict[str, Any]], ruler.patterns):
        for alternative in pattern["patterns"]:
            for spec in alternative:
                value = spec.get("LOWER")
                named = value.get("IN", []) if isinstance(value, dict) else [value]
                words.update(w for w in named if isinstance(w, str))
    words.discard("")
    return sorted({v for w in words for v in (w, w.upper(), w.title())})


@pytest.mark.parametrize("seed", range(4))
def test_random_tokens_read_alike(nlp: Language, seed: int) -> None:
    """Docs of words the patterns name, with random tags, labels and spaces: every pattern,
    multi-token ones included, meets tokens it matches and tokens it almost matches."""
    ruler, _ = _ruler_and_table(nlp)
    pick = random.Random(seed)
    words = [*_pattern_words(ruler), " ", "\n\n"]
    tagger, parser = nlp.get_pipe("tagger"), nlp.get_pipe("parser")
    assert isinstance(tagger, Tagger)
    assert isinstance(parser, DependencyParser)
    tags = [*tagger.labels, "_SP"]
    deps = [*parser.labels, "dep"]
    docs = []
    for _ in range(40):
        size = pick.randint(1, 60)
        chosen = [pick.choice(words) for _ in range(size)]
        docs.append(
            Doc(
                nlp.vocab,
                words=chosen,
                spaces=[pick.random() < 0.7 for _ in chosen],
                tags=[pick.choice(tags) for _ in chosen],
                deps=[pick.choice(deps) for _ in chosen],
                heads=[pick.randrange(size) for _ in chosen],
            )
        )
    _assert_same(nlp, docs)


def test_unreadable_patterns_keep_the_ruler(nlp: Language) -> None:
    ruler = AttributeRuler(nlp.vocab)
    ruler.add([[{"LOWER": "a", "OP": "+"}]], {"POS": "DET"})
    assert compile_rules(ruler) is None
    ruler = AttributeRuler(nlp.vocab)
    ruler.add([[{"LOWER": {"IN": ["a"]}, "ORTH": "a"}]], {"POS": "DET"})
    assert compile_rules(ruler) is None
    ruler = AttributeRuler(nlp.vocab)
    ruler.add([[{"LOWER": {"IN": ["a"]}}]], {"POS": "DET"})
    assert compile_rules(ruler) is not None
