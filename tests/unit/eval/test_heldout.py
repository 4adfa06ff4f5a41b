"""The hand-judged sample's bookkeeping: verdicts reused where an event did not change."""

from __future__ import annotations

import json
from pathlib import Path

from eval.heldout import DEV, FIELDS, JUDGED, LIST, Verdicts, draw, figures, judged_files


def _row(key: str, **fields: object) -> dict[str, object]:
    base = {
        "type": "CONSULT",
        "sources": ["A"],
        "targets": ["B"],
        "date": "2020-01-01",
        "date_source": "explicit",
        "place": [],
    }
    return {"key": key, "fields": {**base, **fields}}


def _verdict(row: dict[str, object], real: bool, **wrong: bool) -> dict[str, object]:
    record: dict[str, object] = {**row, "real": real}
    if real:
        record["verdict"] = {name: wrong.get(name, True) for name in FIELDS}
    return record


def test_a_changed_field_needs_judging_again_and_the_rest_is_reused() -> None:
    judged = _row("doc|1|5")
    verdicts = Verdicts([_verdict(judged, True, date=False)])
    assert verdicts.judged(judged) == {"real": True, **{n: n != "date" for n in FIELDS}}
    # A new date: judged again; a new place alone: the same.
    assert verdicts.judged(_row("doc|1|5", date="2020-01-02")) is None
    assert verdicts.judged(_row("doc|1|5", date_source="context")) is None
    assert verdicts.judged(_row("doc|9|12")) is None


def test_an_event_judged_not_real_needs_no_field_verdicts() -> None:
    row = _row("doc|1|5")
    verdicts = Verdicts([_verdict(row, False)])
    assert verdicts.judged(_row("doc|1|5", targets=["C"])) == {
        "real": False,
        **dict.fromkeys(FIELDS),
    }


def test_figures_count_real_and_all_right_and_report_the_unjudged() -> None:
    rows = [_row(f"doc|{i}|{i + 1}") for i in range(4)]
    verdicts = Verdicts(
        [_verdict(rows[0], True), _verdict(rows[1], True, place=False), _verdict(rows[2], False)]
    )
    result = figures(rows, verdicts)
    assert result == {
        "sampled": 4,
        "unjudged": 1,
        "real": 2,
        "type_right": 2,
        "sources_right": 2,
        "targets_right": 2,
        "date_right": 2,
        "place_right": 1,
        "all_right": 1,
    }


def test_the_draw_is_fixed_by_its_seed_and_keeps_text_order() -> None:
    rows = [_row(f"doc|{i}|{i + 1}") for i in range(50)]
    first, again = draw(rows, 10, 7), draw(rows, 10, 7)
    assert first == again
    assert [rows.index(r) for r in first] == sorted(rows.index(r) for r in first)
    assert draw(rows[:5], 10, 7) == rows[:5]


def test_one_event_more_or_less_swaps_at_most_one_in_the_draw() -> None:
    """A change that adds or drops an event keeps the rest of the sample, and its verdicts."""
    rows = [_row(f"doc|{i}|{i + 1}") for i in range(60)]
    first = {r["key"] for r in draw(rows, 20, 7)}
    dropped = {r["key"] for r in draw(rows[1:], 20, 7)}
    added = {r["key"] for r in draw([_row("doc|999|1000"), *rows], 20, 7)}
    assert len(first - dropped) <= 1
    assert len(first - added) <= 1
    assert draw(rows, 20, 8) != draw(rows, 20, 7)


def test_every_verdict_file_is_in_the_order_once() -> None:
    """The order of the files decides which of two rulings stands: none may be left out."""
    listed = [path.name for path in judged_files()]
    assert sorted(listed) == sorted(path.name for path in JUDGED.glob("*.jsonl"))
    assert len(set(listed)) == len(listed)


def test_the_committed_verdicts_hold_keys_fields_and_booleans_only() -> None:
    """No article text in the repository: a verdict file holds what the figures need."""
    files = sorted(JUDGED.glob("*.jsonl"))
    assert files
    development = sorted((DEV / "judged").glob("*.jsonl"))
    assert development
    files += development
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            assert set(record) <= {"key", "fields", "real", "verdict"}
            assert isinstance(record["real"], bool)
            assert set(record["fields"]) == {
                "type",
                "sources",
                "targets",
                "date",
                "date_source",
                "place",
            }
            if record["real"]:
                assert set(record["verdict"]) == set(FIELDS)


def _names(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]
    assert all(len(row) == 3 for row in rows), path
    return [row[0] for row in rows]


def test_no_development_sample_names_a_held_out_article() -> None:
    """Rules are written on the development samples: none of them may hold a held-out item."""
    held_out = set(_names(LIST))
    lists = sorted(DEV.glob("*.txt"))
    assert len(lists) >= 5
    for path in lists:
        names = _names(path)
        assert names, path
        # feed items ("<feed file>#<index>") or TimeBank and AQUAINT documents ("timeml:...")
        assert all("#" in name or name.startswith("timeml:") for name in names)
        assert not held_out & set(names), path
        assert len(set(names)) == len(names), path


def test_every_development_verdict_file_names_its_list() -> None:
    lists = {path.stem for path in DEV.glob("*.txt")}
    for path in (DEV / "judged").glob("*.jsonl"):
        assert path.stem.split("-", 1)[0] in lists, path
