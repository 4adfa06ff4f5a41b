"""`python -m bench`: --help lists the benchmarks and runs none; names choose which run."""

from __future__ import annotations

import pytest

import bench.__main__ as bench_main

pytestmark = pytest.mark.unit


def _recorder(ran: list[str]) -> object:
    def run_one(name: str) -> int:
        ran.append(name)
        return 0

    return run_one


def test_help_lists_the_benchmarks_and_runs_none(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    ran: list[str] = []
    monkeypatch.setattr(bench_main, "run_one", _recorder(ran))
    with pytest.raises(SystemExit) as exit_:
        bench_main.main(["--help"])
    assert exit_.value.code == 0
    assert ran == []
    assert "pipeline" in capsys.readouterr().out


def test_named_benchmarks_run_alone_and_unknown_ones_are_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ran: list[str] = []
    monkeypatch.setattr(bench_main, "run_one", _recorder(ran))
    assert bench_main.main(["pipeline", "extract_steady"]) == 0
    assert ran == ["bench.pipeline", "bench.extract_steady"]
    with pytest.raises(SystemExit) as exit_:
        bench_main.main(["nosuch"])
    assert exit_.value.code == 2
    assert ran == ["bench.pipeline", "bench.extract_steady"]
