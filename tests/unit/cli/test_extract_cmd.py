"""`newsflow extract` says when an article failed, with its exit status."""

from __future__ import annotations

from pathlib import Path

import pytest

from services.cli import extract_cmd
from services.extractor import pipeline


def _text(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text("Russia attacked Ukraine on Friday.", encoding="utf-8")
    return path


def test_a_failed_extraction_is_exit_status_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug in a stage")

    monkeypatch.setattr(pipeline, "read_clauses", broken)
    code = extract_cmd.run_extract(
        file=_text(tmp_path), jsonl=None, published="2025-12-20", as_json=True
    )
    out, err = capsys.readouterr()
    assert code == 1
    assert "extraction failed for 1 of 1 article:" in err
    assert '"events":[]' in out  # the empty result is printed all the same


def test_a_good_extraction_is_exit_status_zero(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = extract_cmd.run_extract(
        file=_text(tmp_path), jsonl=None, published="2025-12-20", as_json=True
    )
    assert code == 0
    assert '"type":"ASSAULT"' in capsys.readouterr().out
