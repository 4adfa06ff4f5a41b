"""End to end: `newsflow up` as a process, a loopback feed, then `newsflow search` and `ingest`."""

from __future__ import annotations

import codecs
import datetime as dt
import fcntl
import json
import os
import pty
import re
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from services.cli.demo.site import DemoArticle, DemoSite
from shared.bundled_broker import free_port
from tests.conftest import material

NEWSFLOW = [sys.executable, "-m", "services.cli.main"]
# Start-up loads spaCy and joins two consumer groups; generous for a loaded CI machine.
STARTUP_SECONDS = 150
FLOW_SECONDS = 120

pytestmark = pytest.mark.timeout(420)

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07")


class Up:
    """A running `newsflow up` with its output collected in the background: through a pipe,
    or with `columns`, on a pseudo-terminal that wide (as a person runs it)."""

    def __init__(self, args: list[str], env: dict[str, str], columns: int | None = None) -> None:
        self.env = env
        self.chunks: list[str] = []
        self.master: int | None = None
        self.process: subprocess.Popen[Any]
        if columns is None:
            self.process = subprocess.Popen(
                [*NEWSFLOW, "up", *args],
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            )
        else:
            self.master, slave = pty.openpty()
            fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
            clean = {k: v for k, v in env.items() if k not in ("COLUMNS", "LINES")}
            self.process = subprocess.Popen(
                [*NEWSFLOW, "up", *args],
                env={**clean, "TERM": "xterm-256color"},
                stdin=slave,
                stdout=slave,
                stderr=slave,
            )
            os.close(slave)
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        if self.master is None:
            assert self.process.stdout is not None
            for line in self.process.stdout:
                self.chunks.append(line)
            return
        decoder = codecs.getincrementaldecoder("utf-8")("replace")
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:  # the terminal closed (EIO)
                return
            if not chunk:
                return
            self.chunks.append(decoder.decode(chunk))

    def output(self) -> str:
        text = "".join(self.chunks)
        return ANSI.sub("", text).replace("\r\n", "\n") if self.master is not None else text

    def wait_for(self, text: str, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while text not in self.output():
            if self.process.poll() is not None:
                raise AssertionError(f"`newsflow up` exited early:\n{self.output()}")
            if time.monotonic() > deadline:
                raise AssertionError(f"no {text!r} after {timeout}s:\n{self.output()}")
            time.sleep(0.3)

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=90)
        except subprocess.TimeoutExpired:
            self.process.kill()
            raise
        finally:
            self.reader.join(timeout=10)  # to the end of the output, then close it
            if self.master is not None:
                os.close(self.master)
            if self.process.stdout is not None:
                self.process.stdout.close()


def newsflow(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*NEWSFLOW, *args], env=env, capture_output=True, text=True, timeout=120)


def search_until(
    env: dict[str, str], args: list[str], timeout: float = FLOW_SECONDS
) -> dict[str, object]:
    """Run `newsflow search ... --json` until it returns at least one result."""
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        last = newsflow(env, "search", *args, "--json")
        if last.returncode == 0:
            body = json.loads(last.stdout)
            if body["results"]:
                return dict(body)
        time.sleep(1)
    raise AssertionError(f"search {args} found nothing; last: {last}")


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    api_port = free_port()
    clean = {k: v for k, v in os.environ.items() if not k.startswith("NEWSFLOW_")}
    return {
        **clean,
        "NEWSFLOW_STATE_DIR": str(tmp_path / "state"),
        "NEWSFLOW_API_PORT": str(api_port),
        "NEWSFLOW_LOG_FORMAT": "json",
    }


@pytest.fixture
def site() -> Iterator[DemoSite]:
    published = dt.datetime.now(dt.UTC).replace(microsecond=0) - dt.timedelta(hours=2)
    article = DemoArticle(
        slug="harbour-talks",
        title="Norway and Iceland hold fishing talks in Reykjavik",
        author="Test Desk",
        published_at=published,
        paragraphs=(
            "Norwegian Prime Minister Jonas Gahr Store met Icelandic Prime Minister Kristrun "
            "Frostadottir in Reykjavik on Tuesday to discuss mackerel quotas.",
            "Store said the two governments agreed to resume talks next month.",
        ),
    )
    site = DemoSite([article]).start()
    yield site
    site.stop()


def test_feed_to_search_and_ingest_to_events(
    env: dict[str, str], site: DemoSite, tmp_path: Path
) -> None:
    feeds = tmp_path / "feeds.toml"
    feeds.write_text(f'[[feeds]]\nname = "loopback"\nurl = "{site.feed_url}"\n')
    env = {**env, "NEWSFLOW_FEEDS_FILE": str(feeds), "NEWSFLOW_ALLOW_PRIVATE_ADDRESSES": "true"}
    up = Up([], env)
    try:
        up.wait_for("search API listening", STARTUP_SECONDS)
        # Where every service's metrics and health listen.
        for name in ("fetcher", "extractor", "indexer"):
            up.wait_for(f"{name}: http://", 10)
        assert re.search(r"^indexer: http://127\.0\.0\.1:\d+/metrics", up.output(), re.M)
        # The feed's article travels fetcher -> extractor -> indexer and becomes searchable.
        found = search_until(env, ["mackerel"])
        assert found["results"][0]["title"] == "Norway and Iceland hold fishing talks in Reykjavik"  # type: ignore[index]

        # A second terminal's `ingest` finds the bundled broker through the state directory.
        seed = material("samples", "seed-article.txt")
        ingested = newsflow(env, "ingest", str(seed), "--published", "2025-12-20", "--wait")
        assert ingested.returncode == 0, ingested.stderr
        assert re.search(
            r"^1 article searchable (\d+ min )?\d+ s after publishing$", ingested.stderr, re.M
        ), ingested.stderr
        # --wait returned, so the article is searchable now: no polling.
        witkoff = newsflow(env, "search", "Witkoff", "--json")
        assert witkoff.returncode == 0, witkoff.stderr
        assert "Witkoff" in witkoff.stdout
        events = search_until(
            env,
            [
                "",
                "--actor",
                "Steve Witkoff",
                "--since",
                "2025-12-20",
                "--until",
                "2025-12-20",
                "--type",
                "events",
            ],
        )
        for event in events["results"]:  # type: ignore[attr-defined]
            assert "Steve Witkoff" in event["sources"] + event["targets"]
            assert event["date"]["start_date"] <= "2025-12-20" <= event["date"]["end_date"]

        # The human-readable table names the event's actors too.
        table = newsflow(env, "search", "", "--actor", "Steve Witkoff", "--type", "events")
        assert table.returncode == 0
        assert "Witkoff" in table.stdout
    finally:
        code = up.stop()
    assert code == 0, up.output()
    assert re.search(r"^stopped \(ran (\d+ h )?(\d+ min )?\d+ s\)$", up.output(), re.M)


@pytest.mark.parametrize("columns", [80, 200])
def test_demo_prints_events(env: dict[str, str], columns: int) -> None:
    up = Up(["--demo"], env, columns=columns)
    try:
        up.wait_for("search API listening", STARTUP_SECONDS)
        # The demo articles name these actors; at least one of their events reaches the list.
        up.wait_for("(CONSULT)", FLOW_SECONDS)
        # Another terminal's `feeds list` shows the feed `up --demo` polls.
        listed = newsflow(env, "feeds", "list")
        assert listed.returncode == 0, listed.stderr
        assert "1 feed in " in listed.stdout
        assert "demo-feeds.toml" in listed.stdout.replace("\n", "")
    finally:
        assert up.stop() == 0, up.output()
    shown = up.output()
    # Every line fits, but status lines naming a URL or a path, printed whole for the terminal
    # to wrap (a URL cut by the program cannot be opened).
    for line in shown.splitlines():
        assert len(line) <= columns or re.search(r"https?://|/logs", line), shown
    assert re.search(r"^\d+ events?\s*$", shown, re.M), shown
    if columns == 200:
        # A table of one row per event: every body row starts with the event's date (or "?"),
        # none is the continuation of a wrapped one.
        rows = [line for line in shown.splitlines() if line.startswith("│")]
        assert rows, shown
        assert all(re.match(r"│ (\d{4}|\?)", row) for row in rows), shown
    else:
        # A line per event (and its title a second), never a table squeezed to 80 columns.
        assert not any(line.startswith("│") for line in shown.splitlines()), shown
        assert any(
            re.match(r"(\d{4}|\?)\S*  .* → .*\(CONSULT\)", line) for line in shown.splitlines()
        )


def _processed(port: int) -> float:
    """The articles an extractor has read (its `newsflow_messages_processed_total`, ok)."""
    body = httpx.get(f"http://127.0.0.1:{port}/metrics", timeout=10).text
    found = re.search(
        r'^newsflow_messages_processed_total\{outcome="ok",service="extractor"\} (\S+)$',
        body,
        re.M,
    )
    return float(found.group(1)) if found else 0.0


def _extractor_pid(up: Up, ops_port: int) -> int:
    """The pid of the extractor child of `up` that listens on `ops_port`."""
    setting = f"NEWSFLOW_EXTRACTOR_OPS_PORT={ops_port}".encode()
    task = Path(f"/proc/{up.process.pid}/task/{up.process.pid}/children")
    for pid in task.read_text().split():
        if setting in Path(f"/proc/{pid}/environ").read_bytes().split(b"\0"):
            return int(pid)
    raise AssertionError(f"no child of `newsflow up` listens on {ops_port}")


def _write_articles(folder: Path, wave: str, count: int) -> None:
    folder.mkdir()
    for n in range(count):
        (folder / f"{wave}-{n}.txt").write_text(
            f"Harbour talks {wave} {n}\n\nThe mayor of Bergen met the mayor of Tromso on "
            f"Tuesday to discuss ferry route {wave} {n}, officials said.\n",
            encoding="utf-8",
        )


def test_two_extractors_share_the_articles_and_one_killed_comes_back(
    env: dict[str, str], tmp_path: Path
) -> None:
    env = {**env, "NEWSFLOW_EXTRACTOR_PROCESSES": "2"}
    up = Up([], env)
    try:
        up.wait_for("search API listening", STARTUP_SECONDS)
        up.wait_for("extractor-2: http://", 10)
        assert "(2 extractor processes)" in up.output()
        ports = {
            name: int(port)
            for name, port in re.findall(
                r"^(extractor(?:-2)?): http://127\.0\.0\.1:(\d+)/", up.output(), re.M
            )
        }
        assert set(ports) == {"extractor", "extractor-2"}
        assert len(set(ports.values())) == 2
        # 24 articles keyed by id over 4 partitions, two each: both extractors get some
        # (all on one side has odds of 2 in 2**24).
        _write_articles(tmp_path / "first", "first", 24)
        ingested = newsflow(
            env, "ingest", str(tmp_path / "first"), "--published", "2025-12-20", "--wait"
        )
        assert ingested.returncode == 0, ingested.stderr
        read = {name: _processed(port) for name, port in ports.items()}
        assert all(count > 0 for count in read.values()), read
        assert sum(read.values()) >= 24, read

        # One extractor killed outright: `up` restarts it, and the pipeline goes on.
        os.kill(_extractor_pid(up, ports["extractor-2"]), signal.SIGKILL)
        up.wait_for("extractor-2 exited with status", 30)
        _write_articles(tmp_path / "second", "second", 8)
        ingested = newsflow(
            env, "ingest", str(tmp_path / "second"), "--published", "2025-12-21", "--wait"
        )
        assert ingested.returncode == 0, ingested.stderr
        # --wait returned: every article of the second wave is searchable now.
        found = newsflow(env, "search", "ferry second", "--limit", "50", "--json")
        assert found.returncode == 0, found.stderr
        assert len(json.loads(found.stdout)["results"]) == 8
    finally:
        code = up.stop()
    assert code == 0, up.output()
