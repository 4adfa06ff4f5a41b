"""End to end: `newsflow up` as a process, a loopback feed, then `newsflow search` and `ingest`."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from services.cli.demo.site import DemoArticle, DemoSite
from shared.bundled_broker import free_port
from tests.conftest import material

NEWSFLOW = [sys.executable, "-m", "services.cli.main"]
# Start-up loads spaCy and joins two consumer groups; generous for a loaded CI machine.
STARTUP_SECONDS = 150
FLOW_SECONDS = 120

pytestmark = pytest.mark.timeout(420)


class Up:
    """A running `newsflow up` with its output collected in the background."""

    def __init__(self, args: list[str], env: dict[str, str]) -> None:
        self.env = env
        self.lines: list[str] = []
        self.process = subprocess.Popen(
            [*NEWSFLOW, "up", *args],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line)

    def output(self) -> str:
        return "".join(self.lines)

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
            self.reader.join(timeout=10)  # to the end of the output, then close the pipe
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
        "NEWSFLOW_API_URL": f"http://127.0.0.1:{api_port}",
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
        # The feed's article travels fetcher -> extractor -> indexer and becomes searchable.
        found = search_until(env, ["mackerel"])
        assert found["results"][0]["title"] == "Norway and Iceland hold fishing talks in Reykjavik"  # type: ignore[index]

        # A second terminal's `ingest` finds the bundled broker through the state directory.
        seed = material("samples", "seed-article.txt")
        ingested = newsflow(env, "ingest", str(seed), "--published", "2025-12-20")
        assert ingested.returncode == 0, ingested.stderr
        witkoff = search_until(env, ["Witkoff"])
        assert any("Witkoff" in json.dumps(r) for r in witkoff["results"])  # type: ignore[attr-defined]
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
    assert "stopped" in up.output()


def test_demo_prints_events(env: dict[str, str]) -> None:
    up = Up(["--demo"], env)
    try:
        up.wait_for("search API listening", STARTUP_SECONDS)
        up.wait_for("whom", FLOW_SECONDS)  # the events table's header
        # The demo articles name these actors; at least one of their events reaches the table.
        up.wait_for("CONSULT", FLOW_SECONDS)
    finally:
        assert up.stop() == 0, up.output()
