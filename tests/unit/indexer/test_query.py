"""The query model, cursors and the translation of free text into safe full-text input."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from pydantic import ValidationError

from services.indexer.query import (
    MAX_LIMIT,
    MAX_TERMS,
    Cursor,
    QueryError,
    build_query,
    day_after,
    name_key,
)


def test_defaults() -> None:
    query = build_query({})
    assert (query.type, query.limit, query.q, query.order) == ("articles", 20, None, "published")
    assert build_query({"q": "x"}).order == "rank"
    assert build_query({"q": "x", "type": "events"}).order == "event"


def test_blank_values_mean_unset() -> None:
    query = build_query({"q": "   ", "actor": "", "country": " ", "event_type": ""})
    assert (query.q, query.actor, query.country, query.event_type) == (None, None, None, None)


def test_normalisation() -> None:
    query = build_query({"country": "ua", "event_type": "consult", "actor": "  Putin "})
    assert (query.country, query.event_type, query.actor) == ("UA", "CONSULT", "Putin")


@pytest.mark.parametrize(
    ("value", "since", "until"),
    [
        ("2025-12-20", dt.date(2025, 12, 20), dt.date(2025, 12, 20)),
        ("2025-12", dt.date(2025, 12, 1), dt.date(2025, 12, 31)),
        ("2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        ("2025", dt.date(2025, 1, 1), dt.date(2025, 12, 31)),
        ("9999-12", dt.date(9999, 12, 1), dt.date(9999, 12, 31)),
    ],
)
def test_periods(value: str, since: dt.date, until: dt.date) -> None:
    query = build_query({"since": value, "until": value})
    assert (query.since, query.until) == (since, until)
    query = build_query({"published_since": value, "published_until": value})
    assert (query.published_since, query.published_until) == (since, until)


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"since": "yesterday"}, "must be a date"),
        ({"since": "2025-13"}, "2025-13 has no month 13; the forms are YYYY-MM-DD"),
        ({"until": "2025-02-30"}, "2025-02-30 is not a day of the calendar; the forms are"),
        ({"since": "2025-13-45"}, "2025-13-45 is not a day of the calendar"),
        ({"since": "2025-12-20T10:00"}, "no time of day"),
        ({"since": "0000"}, "year"),
        ({"since": "1734652800"}, "must be a date"),
        ({"since": "2025-12-21", "until": "2025-12-20"}, "since 2025-12-21 is after until"),
        ({"published_since": "2026", "published_until": "2025"}, "after"),
        ({"type": "people"}, "articles"),
        ({"event_type": "HUG"}, "CONSULT"),
        ({"country": "Ukraine"}, "alpha-2"),
        ({"country": "U1"}, "alpha-2"),
        ({"limit": 0}, "greater than or equal to 1"),
        ({"limit": MAX_LIMIT + 1}, "less than or equal to 100"),
        ({"q": "x" * 501}, "at most 500"),
        ({"q": " ".join(["w"] * (MAX_TERMS + 1))}, "at most 32 are searched"),
        ({"q": '" ( ) *'}, "no searchable word"),
        ({"q": "talks\x00"}, "control characters"),
        ({"actor": "Putin\x1b[31m"}, "control characters"),
        ({"place": "Kyiv\ud800"}, "unicode"),
        ({"actor": "x" * 201}, "at most 200"),
        ({"surprise": 1}, "Extra inputs"),
    ],
)
def test_invalid_queries(params: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        build_query(params)


def test_cursor_round_trip() -> None:
    for cursor in [
        Cursor(o="rank", s=-1.25e-06, id="a" * 32),
        Cursor(o="published", s="2025-12-20T18:00:00.000000+00:00", id="b" * 32),
        Cursor(o="event", s="2025-12-20", id=str(123 * 2**20 + 3)),
    ]:
        token = cursor.encode()
        assert token.isascii()
        assert "=" not in token
        assert Cursor.decode(token) == cursor


@pytest.mark.parametrize(
    "token",
    [
        "not base64!",
        "e30",  # {}
        "bnVsbA",  # null
        Cursor(o="rank", s=1.0, id="x").encode()[:-3],
        "x" * 600,
        # valid JSON, wrong shapes:
        "eyJvIjoicmFuayIsInMiOiJ4IiwiaWQiOiJ4In0",  # rank with a string
        "eyJvIjoicmFuayIsInMiOk5hTiwiaWQiOiJ4In0",  # rank with NaN
        "eyJvIjoiZXZlbnQiLCJzIjoiMjAyNS0xMy0wMSIsImlkIjoieCJ9",  # event, month 13
        "eyJvIjoicHVibGlzaGVkIiwicyI6IjIwMjUtMTItMjBUMTA6MDA6MDAiLCJpZCI6IngifQ",  # naive
        "eyJvIjoid2hhdCIsInMiOjEsImlkIjoieCJ9",  # unknown order
        # event with a schema 2 id:
        "eyJvIjoiZXZlbnQiLCJzIjoiMjAyNS0xMi0yMCIsImlkIjoiY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2MtMyJ9",
        # event with a key of 19 digits:
        "eyJvIjoiZXZlbnQiLCJzIjoiMjAyNS0xMi0yMCIsImlkIjoiOTk5OTk5OTk5OTk5OTk5OTk5OSJ9",
    ],
)
def test_forged_cursors_are_refused(token: str) -> None:
    with pytest.raises(QueryError):
        Cursor.decode(token)
    with pytest.raises(ValidationError, match="cursor"):
        build_query({"cursor": token})


def test_cursor_must_fit_the_query() -> None:
    token = Cursor(o="event", s="2025-12-20", id="1048576").encode()
    assert build_query({"type": "events", "cursor": token}).after == Cursor.decode(token)
    with pytest.raises(ValidationError, match="different kind of query"):
        build_query({"type": "articles", "cursor": token})
    with pytest.raises(ValidationError, match="different kind of query"):
        build_query(
            {
                "q": "talks",
                "cursor": Cursor(o="published", s="2025-12-20T00:00:00+00:00", id="x").encode(),
            }
        )


def test_name_key() -> None:
    assert name_key("  Vladimir   PUTIN ") == "vladimir putin"
    assert name_key("STRASSE") == name_key("Straße")
    assert name_key("ＫＹＩＶ") == "kyiv"


def test_day_after_the_end_of_the_calendar() -> None:
    assert day_after(dt.date(2025, 12, 31)) == dt.date(2026, 1, 1)
    assert day_after(dt.date.max) is None
