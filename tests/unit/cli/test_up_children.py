"""What `newsflow up` starts: one fetcher, N extractors sharing a consumer group, one indexer."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from services.cli.settings import CliSettings, spare_cores
from services.cli.up import Child, child_names

pytestmark = pytest.mark.unit


def test_one_extractor_by_default_on_two_cores_and_never_none(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for cores, expected in ((1, 1), (2, 1), (4, 3)):
        monkeypatch.setattr(os, "sched_getaffinity", lambda _pid, n=cores: set(range(n)))
        assert spare_cores() == expected
        assert CliSettings().extractor_processes == expected


def test_the_setting_names_the_number_of_extractors(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSFLOW_EXTRACTOR_PROCESSES", "3")
    names = child_names(CliSettings().extractor_processes)
    assert names == ["fetcher", "extractor", "extractor-2", "extractor-3", "indexer"]
    services = [Child(name, {}, Path(f"{name}.log")).service for name in names]
    assert services == ["fetcher", "extractor", "extractor", "extractor", "indexer"]


def test_zero_extractors_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSFLOW_EXTRACTOR_PROCESSES", "0")
    with pytest.raises(ValueError, match="extractor_processes"):
        CliSettings()
