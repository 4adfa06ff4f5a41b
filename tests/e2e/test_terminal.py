"""What a person sees: `newsflow` run as a process in 80- and 200-column pseudo-terminals.

A real search API (uvicorn, a SQLite index) serves a small corpus with long titles and URLs;
the CLI finds it through NEWSFLOW_API_PORT alone, as `newsflow up` in another terminal would
be found.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from shared.bundled_broker import free_port
from shared.models import EnrichedArticle
from tests import factories as f
from tests.api_server import serving

pytestmark = pytest.mark.timeout(300)

NEWSFLOW = [sys.executable, "-m", "services.cli.main"]
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07")
LONG_URL = "https://news.example.org/2025/12/20/world/europe/" + "very-long-slug-" * 6 + "end"
LONG_TITLE = "Trade ministers from twelve countries agree " + "on a long list of things " * 4
TRADE_ARTICLES = 31  # "trade" matches these many articles: 30 bulk ones and LONG_TITLE's


def _corpus() -> list[EnrichedArticle]:
    wide = f.article(
        LONG_URL,
        title=LONG_TITLE,
        text="Ministers agreed on trade terms in Geneva on Saturday.",
        published_at=dt.datetime(2025, 12, 20, 12, tzinfo=dt.UTC),
    )
    event = f.event(
        wide,
        0,
        sources=["European Union trade commissioners and their deputies"],
        targets=["The Association of Southeast Asian Nations secretariat"],
    )
    return [*f.corpus(), *f.many(30, word="trade"), f.enriched(wide, events=[event])]


@dataclass
class Api:
    port: int


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    """The real API over a real SQLite index."""
    with serving(tmp_path_factory.mktemp("index") / "index.sqlite3", _corpus()) as port:
        yield Api(port)


@dataclass
class Seen:
    code: int
    text: str  # what the terminal showed, escapes removed

    @property
    def lines(self) -> list[str]:
        return self.text.splitlines()


def in_terminal(columns: int, *args: str, env: dict[str, str] | None = None) -> Seen:
    """Run `newsflow ARGS` with stdout and stderr on a pseudo-terminal of `columns` x 50."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    clean = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    clean = {k: v for k, v in clean.items() if not k.startswith("NEWSFLOW_")}
    process = subprocess.Popen(
        [*NEWSFLOW, *args],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env={**clean, "TERM": "xterm-256color", **(env or {})},
        close_fds=True,
    )
    os.close(slave)
    chunks: list[bytes] = []
    try:
        while True:
            ready, _, _ = select.select([master], [], [], 60)
            if not ready:
                raise AssertionError(f"no output for 60 s: {b''.join(chunks)!r}")
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the child closed the terminal (EIO on Linux)
                break
            if not chunk:
                break
            chunks.append(chunk)
        code = process.wait(timeout=60)
    finally:
        os.close(master)
        if process.poll() is None:
            process.kill()
    text = ANSI.sub("", b"".join(chunks).decode("utf-8", "replace")).replace("\r\n", "\n")
    return Seen(code, text)


def api_env(api: Api) -> dict[str, str]:
    return {"NEWSFLOW_API_PORT": str(api.port)}


def fits(seen: Seen, columns: int) -> None:
    """Every line fits the terminal, but for a URL or cursor printed whole on its own line."""
    for line in seen.lines:
        if line.strip().startswith(("http://", "https://", "--cursor ")):
            continue
        assert len(line) <= columns, f"{len(line)} columns: {line!r}\n{seen.text}"


@pytest.mark.parametrize("columns", [80, 200])
def test_a_page_says_of_how_many_and_how_to_get_the_next(api: Api, columns: int) -> None:
    first = in_terminal(columns, "search", "trade", "--limit", "3", env=api_env(api))
    assert first.code == 0, first.text
    assert f"3 of {TRADE_ARTICLES} articles" in first.text
    fits(first, columns)
    assert "Traceback" not in first.text
    assert "next page (or --all for every page):" in first.text
    (cursor,) = re.findall(r"^--cursor (\S+)$", first.text, re.M)
    # NEWSFLOW_API_PORT alone says where the CLI asks: here a port where nothing listens.
    closed = free_port()
    args = ("search", "trade", "--limit", "3", "--cursor", cursor)
    second = in_terminal(columns, *args, env={"NEWSFLOW_API_PORT": str(closed)})
    assert second.code == 3
    assert f"cannot reach the search API at http://127.0.0.1:{closed}/v1/search" in second.text
    assert "Traceback" not in second.text
    second = in_terminal(
        columns, "search", "trade", "--limit", "3", "--cursor", cursor, env=api_env(api)
    )
    assert second.code == 0, second.text
    assert f"3 of {TRADE_ARTICLES} articles" in second.text
    assert set(re.findall(r"Story \d+", first.text)).isdisjoint(
        re.findall(r"Story \d+", second.text)
    )


@pytest.mark.parametrize("columns", [80, 200])
def test_urls_are_never_cut_and_titles_fit(api: Api, columns: int) -> None:
    seen = in_terminal(columns, "search", "Ministers", env=api_env(api))
    assert seen.code == 0, seen.text
    assert "1 article" in seen.lines[0]
    assert "1 articles" not in seen.text
    fits(seen, columns)
    if columns == 80:
        assert LONG_URL in [line.strip() for line in seen.lines], "the URL whole on its line"
        assert any(line.endswith("…") for line in seen.lines), "the title is cut with …"
    else:
        (row,) = [line for line in seen.lines if LONG_URL in line]  # one row, the URL whole
        assert "Trade ministers" in row
        assert LONG_TITLE.strip() not in row  # too long for the table: cut with …
        assert "…" in row


@pytest.mark.parametrize("columns", [80, 200])
def test_events_are_one_row_each(api: Api, columns: int) -> None:
    seen = in_terminal(columns, "search", "Ministers", "--type", "events", env=api_env(api))
    assert seen.code == 0, seen.text
    assert seen.lines[0].startswith("1 event")
    fits(seen, columns)
    rows = [line for line in seen.lines if "2025-12-20" in line]
    assert len(rows) == 1, seen.text  # one row, however long the names: no wrapping
    if columns == 200:
        assert "European Union trade commissioners" in rows[0]
        assert "meet (CONSULT)" in rows[0]


@pytest.mark.parametrize("columns", [80, 200])
def test_api_errors_are_one_readable_line(api: Api, columns: int) -> None:
    seen = in_terminal(columns, "search", "", "--country", "USA", env=api_env(api))
    assert seen.code == 2
    assert seen.lines == [
        "newsflow: country: must be an ISO 3166-1 alpha-2 code such as UA (HTTP 400)"
    ]
    language = in_terminal(columns, "search", "talks OR", env=api_env(api))
    assert language.code == 2
    assert len(language.lines) == 1
    assert language.lines[0].startswith("newsflow: q: OR needs a word or phrase")
    assert "{" not in language.text


def test_all_pages_for_scripts(api: Api) -> None:
    done = subprocess.run(
        [*NEWSFLOW, "search", "trade", "--all", "--limit", "7", "--json"],
        env={**os.environ, **api_env(api)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    pages = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(pages) == 5  # 31 results, 7 a page
    ids = [hit["id"] for page in pages for hit in page["results"]]
    assert len(ids) == len(set(ids)) == TRADE_ARTICLES
    assert set(pages[0]) == {"results", "next_cursor", "total", "total_exact", "query", "facets"}
    table = in_terminal(200, "search", "trade", "--all", env=api_env(api))
    assert table.code == 0, table.text
    assert table.lines[0].startswith(f"{TRADE_ARTICLES} articles")
    assert "next page" not in table.text


@pytest.mark.parametrize("columns", [80, 200])
def test_help_fits_and_shows_flags_as_flags(columns: int) -> None:
    seen = in_terminal(columns, "search", "--help")
    assert seen.code == 0
    fits(seen, columns)
    assert "<bool>" not in seen.text
    assert re.search(r"^\s+--json\s+The API's JSON", seen.text, re.M)
    assert '"a phrase"' in seen.text
    assert "OR binds tighter than the space" in seen.text
    version = in_terminal(columns, "--version")
    assert version.code == 0
    assert re.fullmatch(r"newsflow \S+\n?", version.text)


def test_unreachable_broker_is_one_line(tmp_path: Path) -> None:
    text = tmp_path / "a.txt"
    text.write_text("Officials met in Kyiv on Friday.")
    env = {"NEWSFLOW_KAFKA_BOOTSTRAP": "127.0.0.1:1", "NEWSFLOW_STATE_DIR": str(tmp_path)}
    seen = in_terminal(80, "ingest", str(text), env=env)
    assert seen.code == 3
    assert "Traceback" not in seen.text
    assert seen.text.count("\n") <= 1, seen.text
    assert "cannot reach Kafka at 127.0.0.1:1" in seen.text
    assert "NEWSFLOW_KAFKA_BOOTSTRAP" in seen.text
    # A broker.json left behind by a `newsflow up` that is gone.
    state = tmp_path / "stale"
    state.mkdir()
    (state / "broker.json").write_text(json.dumps({"bootstrap": "127.0.0.1:1", "pid": 1}))
    for command in (["dlq", "list"], ["dlq", "replay"], ["ingest", str(text)]):
        stale = in_terminal(80, *command, env={"NEWSFLOW_STATE_DIR": str(state)})
        assert stale.code == 3, (command, stale.text)
        assert "Traceback" not in stale.text
        assert stale.text.count("\n") <= 1, stale.text
        assert "cannot reach the bundled broker at 127.0.0.1:1" in stale.text
        assert "broker.json" in stale.text


@pytest.mark.parametrize("columns", [80, 200])
def test_feeds_list_fits_and_counts(tmp_path: Path, columns: int) -> None:
    env = {"NEWSFLOW_STATE_DIR": str(tmp_path), "NEWSFLOW_FEEDS_FILE": str(tmp_path / "f.toml")}
    added = in_terminal(columns, "feeds", "add", LONG_URL, "--name", "long", env=env)
    assert added.code == 0, added.text
    assert "added 1 feed to" in added.text
    seen = in_terminal(columns, "feeds", "list", env=env)
    assert seen.code == 0, seen.text
    assert seen.lines[0].startswith("1 feed in ")
    fits(seen, columns)
    assert any(LONG_URL in line for line in seen.lines), "the feed's URL is whole"


def test_the_heading_says_what_was_searched_when_it_differs(api: Api) -> None:
    seen = in_terminal(100, "search", "the Ministers NOT Kyiv", env=api_env(api))
    assert seen.code == 0, seen.text
    assert seen.lines[0].startswith("1 article for Ministers -Kyiv")
    plain = in_terminal(100, "search", "Ministers", env=api_env(api))
    assert plain.lines[0].strip() == "1 article"
