"""Counts, durations, the API's address and tables that fit, as the command line prints them."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from services.cli.output import _water_fill, duration, plural, print_events
from services.cli.search_cmd import heading
from services.cli.settings import CliSettings


@pytest.mark.parametrize(
    ("count", "text"),
    [(0, "0 articles"), (1, "1 article"), (2, "2 articles"), (201, "201 articles")],
)
def test_plural(count: int, text: str) -> None:
    assert plural(count, "article") == text
    assert plural(1, "match", "matches") == "1 match"
    assert plural(3, "match", "matches") == "3 matches"


@pytest.mark.parametrize(
    ("kind", "shown", "total", "text"),
    [
        ("articles", 3, 201, "3 of 201 articles"),
        ("articles", 1, 1, "1 article"),
        ("events", 0, 0, "0 events"),
        ("events", 1, 2, "1 of 2 events"),
        ("articles", 2, None, "2 articles"),
    ],
)
def test_heading(kind: str, shown: int, total: int | None, text: str) -> None:
    assert heading(kind, shown, total) == text


def test_heading_of_a_total_counted_only_so_far() -> None:
    assert heading("articles", 20, 1001, exact=False) == "20 of over 1000 articles"


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0, "0 s"),
        (0.4, "0 s"),
        (42.6, "43 s"),
        (523.302130, "8 min 43 s"),
        (7509, "2 h 05 min 09 s"),
    ],
)
def test_duration_to_the_second(seconds: float, text: str) -> None:
    assert duration(seconds) == text


def test_water_fill_cuts_the_widest_first() -> None:
    assert _water_fill([10, 20, 30], 100) == [10, 20, 30]
    assert _water_fill([10, 40, 80], 70) == [10, 30, 30]
    assert sum(_water_fill([5, 100, 100, 7], 60)) <= 60


def test_api_url_follows_the_api_port(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEWSFLOW_API_URL", raising=False)
    monkeypatch.setenv("NEWSFLOW_API_PORT", "8123")
    assert CliSettings().search_api == "http://127.0.0.1:8123"
    monkeypatch.setenv("NEWSFLOW_API_HOST", "0.0.0.0")
    assert CliSettings().search_api == "http://127.0.0.1:8123"
    monkeypatch.setenv("NEWSFLOW_API_URL", "http://search.internal:9000/")
    assert CliSettings().search_api == "http://search.internal:9000"


@pytest.mark.parametrize("width", [80, 120, 200])
def test_events_are_one_line_each_at_any_width(width: int) -> None:
    event = {
        "date": {"value": "2025-12-20"},
        "sources": ["European Union trade commissioners and their many deputies"],
        "trigger": "meet",
        "type": "CONSULT",
        "targets": ["The Association of Southeast Asian Nations secretariat"],
        "places": ["Geneva"],
        "title": "Trade ministers from twelve countries agree on a long list of things " * 3,
    }
    out = io.StringIO()
    console = Console(file=out, width=width, force_terminal=False)
    print_events(console, plural(2, "event"), [event, event])
    lines = out.getvalue().splitlines()
    assert lines[0].strip().startswith("2 events")
    assert all(len(line) <= width for line in lines), out.getvalue()
    assert sum("2025-12-20" in line for line in lines) == 2
