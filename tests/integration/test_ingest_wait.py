"""`ingest --wait` against a real search API: what it counts as searchable, and what it says."""

from __future__ import annotations

import datetime as dt
import io
import re
import time
from pathlib import Path

import pytest
from rich.console import Console

from services.cli import ingest_cmd
from tests import factories as f
from tests.api_server import serving

pytestmark = pytest.mark.timeout(120)


async def test_wait_counts_only_fresh_copies_and_names_what_is_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    published_at = dt.datetime.now(dt.UTC)
    fresh = f.article("https://example.com/fresh", title="Fresh")
    stale = f.article("https://example.com/stale", title="Stale")
    missing = f.article("https://example.com/missing", title="Missing")
    indexed = [
        f.enriched(fresh, extracted_at=published_at + dt.timedelta(seconds=2)),
        # Indexed by an earlier ingest of the same text: not this one's copy.
        f.enriched(stale, extracted_at=published_at - dt.timedelta(hours=1)),
    ]
    out = io.StringIO()
    console = Console(file=out, width=200)
    with serving(tmp_path / "index.sqlite3", indexed) as port:
        monkeypatch.setenv("NEWSFLOW_API_PORT", str(port))
        monkeypatch.delenv("NEWSFLOW_API_URL", raising=False)
        monkeypatch.setattr(ingest_cmd, "WAIT_SECONDS", 2.0)
        started = time.monotonic()
        code = await ingest_cmd.wait_searchable(
            [fresh, stale, missing], published_at, started, console
        )
        assert code == 1
        assert "1 of 3 articles searchable after " in out.getvalue()
        assert "dead-letter topic (`newsflow dlq list`)" in out.getvalue()

        out.truncate(0)
        out.seek(0)
        code = await ingest_cmd.wait_searchable([fresh], published_at, time.monotonic(), console)
        assert code == 0
        assert re.fullmatch(r"1 article searchable \d+ s after publishing", out.getvalue().strip())


async def test_wait_says_when_the_api_is_away(monkeypatch: pytest.MonkeyPatch) -> None:
    from shared.bundled_broker import free_port

    monkeypatch.setenv("NEWSFLOW_API_PORT", str(free_port()))
    monkeypatch.delenv("NEWSFLOW_API_URL", raising=False)
    out = io.StringIO()
    code = await ingest_cmd.wait_searchable(
        [f.article()], dt.datetime.now(dt.UTC), time.monotonic(), Console(file=out)
    )
    assert code == 3
    assert "cannot ask the search API at http://127.0.0.1:" in out.getvalue()
