"""The evaluation harness: TimeML reading and TempEval-3 scoring on a hand-made document,
the floors check, and (where ../shared is present) a fixed subset of TimeBank + AQUAINT."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from spacy.language import Language

from eval import evaluation
from eval.timeml import Tagged, TimeMLError, read_timeml, score
from tests.conftest import material

# Made up for this test (not from any corpus): a DCT and three gold expressions.
TIMEML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>HANDMADE-1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2025-12-20" temporalFunction="false"
 functionInDocument="CREATION_TIME">20251220</TIMEX3></DCT>
<TEXT>
Envoys <EVENT eid="e1" class="OCCURRENCE">met</EVENT> on <TIMEX3 tid="t1" type="DATE"
 value="2025-12-19">Friday</TIMEX3> in Miami &amp; will meet again <TIMEX3 tid="t2" type="DATE"
 value="2026">next year</TIMEX3> after <TIMEX3 tid="t3" type="DURATION"
 value="P4Y">nearly four years</TIMEX3> of war.
</TEXT>
</TimeML>
"""


def test_read_timeml_offsets_point_into_the_text() -> None:
    document = read_timeml("handmade", TIMEML)
    assert document.creation_time == dt.date(2025, 12, 20)
    assert "Miami & will" in document.text
    assert [document.text[g.start : g.end] for g in document.gold] == [
        "Friday",
        "next year",
        "nearly four years",
    ]
    assert [g.value for g in document.gold] == ["2025-12-19", "2026", "P4Y"]


def test_read_timeml_without_dct_is_an_error() -> None:
    with pytest.raises(TimeMLError):
        read_timeml("broken", "<TimeML><TEXT>Friday</TEXT></TimeML>")


def test_score_strict_relaxed_and_values() -> None:
    gold = (
        Tagged(0, 6, "DATE", "2025-12-19"),
        Tagged(10, 19, "DATE", "2026"),
        Tagged(30, 47, "DURATION", "P4Y"),
    )
    system = [
        Tagged(0, 6, "DATE", "2025-12-19"),  # strict, right value
        Tagged(15, 19, "DATE", "2025"),  # relaxed only, wrong value
        Tagged(50, 55, "DATE", "PAST_REF"),  # spurious
    ]
    counts = score(gold, system)
    assert (counts.gold, counts.system, counts.strict, counts.relaxed) == (3, 3, 1, 2)
    assert (counts.type_correct, counts.value_correct) == (2, 1)
    scores = counts.scores()
    assert scores["strict_f1"] == pytest.approx(1 / 3)
    assert scores["relaxed_f1"] == pytest.approx(2 / 3)
    assert scores["value_accuracy"] == pytest.approx(1 / 2)
    # TempEval-3: attribute F1 = accuracy over relaxed matches x relaxed F1.
    assert scores["value_f1"] == pytest.approx(scores["value_accuracy"] * scores["relaxed_f1"])
    assert len(counts.errors) == 3  # the wrong value, the spurious one and the missed one


def test_one_system_expression_matches_one_gold() -> None:
    gold = (Tagged(0, 6, "DATE", "a"), Tagged(7, 12, "DATE", "b"))
    counts = score(gold, [Tagged(0, 12, "DATE", "a")])
    assert (counts.relaxed, counts.value_correct) == (1, 1)


def test_evaluate_tags_a_handmade_document(nlp: Language) -> None:
    counts = evaluation.evaluate(nlp, [read_timeml("handmade", TIMEML)])
    scores = counts.scores()
    assert (counts.gold, counts.system) == (3, 3)
    assert scores["strict_f1"] == 1.0
    assert scores["value_f1"] == 1.0


def test_below_floors_reports_drops_and_missing_scores() -> None:
    scores = {"timeml": {"value_f1": 0.70, "strict_f1": 0.90}}
    floors = {"timeml": {"value_f1": 0.75, "strict_f1": 0.85}, "seed": {"passed": 8}}
    failures = evaluation.below_floors(scores, floors)
    assert len(failures) == 2
    assert failures[0].startswith("timeml.value_f1")
    assert failures[1].startswith("seed.passed: not measured")


def test_floors_file_covers_every_reading() -> None:
    floors = json.loads(evaluation.FLOORS.read_text(encoding="utf-8"))
    assert {"timeml", "timeml_subset", "seed"} <= set(floors)
    assert floors["seed"]["passed"] == len(evaluation.SEED_EXPECTED)


def test_seed_reading_passes_every_check(nlp: Language, seed_article_text: str) -> None:
    checks = evaluation.seed_reading(nlp, seed_article_text)
    assert [c.expression for c in checks if not c.passed] == []


def test_main_exits_2_without_the_corpus(tmp_path: Path) -> None:
    assert evaluation.main(["--corpus", str(tmp_path / "absent")]) == 2


def test_corpus_subset_meets_its_floors(nlp: Language) -> None:
    root = material("corpora", "timeml", "TBAQ-cleaned")
    corpora = evaluation.load_corpus(root)
    documents = [d for docs in corpora.values() for d in evaluation.subset(docs)]
    counts = evaluation.evaluate(nlp, documents)
    scores = {"timeml_subset": counts.scores()}
    floors = json.loads(evaluation.FLOORS.read_text(encoding="utf-8"))
    assert evaluation.below_floors(scores, {"timeml_subset": floors["timeml_subset"]}) == []
