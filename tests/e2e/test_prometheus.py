"""A real Prometheus scrapes `newsflow up --demo`: every metric the dashboard and the alert
rules query exists, and the dead-letter alert fires on the first dead letter.

Prometheus (Debian's package, installed by `make tools`) runs as a process on a loopback port
with the repository's alert rules and one scrape job per service, named as in compose.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import httpx
import pytest
import yaml
from aiokafka import AIOKafkaProducer

from shared import topics
from shared.bundled_broker import free_port
from shared.settings import NewsflowSettings, resolve_bootstrap
from tests.conftest import REPO, program
from tests.e2e.test_up import FLOW_SECONDS, STARTUP_SECONDS, Up

DEPLOY = REPO / "deploy"
# Scrape and evaluate every second: a test waits seconds, not the 15 s of production.
INTERVAL = "1s"
PROMETHEUS_START_SECONDS = 60
# Every series name a query can name (histograms through _bucket, _sum and _count).
METRIC = re.compile(r"\b(?:newsflow|faststream)_[a-z_]+\b|\bup\b(?=\s*\{)")
SERVICES = ("fetcher", "extractor", "indexer")
SERVICE_LINE = re.compile(r"^(fetcher|extractor|indexer)\S*: http://([\d.]+:\d+)/metrics", re.M)

pytestmark = pytest.mark.timeout(480)

T = TypeVar("T")


def until(check: Callable[[], T | None], timeout: float, what: str) -> T:
    """Ask `check` until it returns something (not None, not empty); fail naming `what`."""
    deadline = time.monotonic() + timeout
    last: T | None = None
    while time.monotonic() < deadline:
        last = check()
        if last:
            return last
        time.sleep(0.5)
    raise AssertionError(f"{what} not seen in {timeout:.0f} s (last: {last!r})")


def queried_metrics() -> set[str]:
    """The metric names in the dashboard's and the alert rules' expressions."""
    exprs: list[str] = []
    rules = yaml.safe_load((DEPLOY / "prometheus" / "alerts.yml").read_text(encoding="utf-8"))
    exprs += [rule["expr"] for group in rules["groups"] for rule in group["rules"]]
    dashboard = json.loads(
        (DEPLOY / "grafana" / "dashboards" / "newsflow.json").read_text(encoding="utf-8")
    )
    panels = dashboard["panels"] + [p for row in dashboard["panels"] for p in row.get("panels", [])]
    exprs += [t["expr"] for panel in panels for t in panel.get("targets", ()) if "expr" in t]
    return {name for expr in exprs for name in METRIC.findall(expr)}


class Prometheus:
    def __init__(self, url: str, process: subprocess.Popen[bytes], log: Path) -> None:
        self.url = url
        self.process = process
        self.log = log

    def api(self, path: str, **params: str) -> Any:
        response = httpx.get(f"{self.url}/api/v1/{path}", params=params, timeout=10)
        response.raise_for_status()
        body = response.json()
        assert body["status"] == "success", body
        return body["data"]

    def query(self, expr: str) -> list[dict[str, Any]]:
        return list(self.api("query", query=expr)["result"])

    def series(self, name: str) -> list[dict[str, str]]:
        return list(self.api("series", **{"match[]": name}))


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("NEWSFLOW_")}
    return {
        **clean,
        "NEWSFLOW_STATE_DIR": str(tmp_path / "state"),
        "NEWSFLOW_API_PORT": str(free_port()),
        "NEWSFLOW_FETCHER_OPS_PORT": str(free_port()),
        "NEWSFLOW_EXTRACTOR_OPS_PORT": str(free_port()),
        "NEWSFLOW_LOG_FORMAT": "json",
    }


@pytest.fixture
def up(env: dict[str, str]) -> Iterator[Up]:
    running = Up(["--demo"], env)
    try:
        running.wait_for("search API listening", STARTUP_SECONDS)
        running.wait_for("indexer: http://", 10)
        yield running
    finally:
        code = running.stop()
    assert code == 0, running.output()


def start_prometheus(tmp_path: Path, targets: dict[str, list[str]]) -> Prometheus:
    config = {
        "global": {"scrape_interval": INTERVAL, "evaluation_interval": INTERVAL},
        "rule_files": [str(DEPLOY / "prometheus" / "alerts.yml")],
        "scrape_configs": [
            {"job_name": job, "static_configs": [{"targets": addresses}]}
            for job, addresses in targets.items()
        ],
    }
    config_file = tmp_path / "prometheus.yml"
    config_file.write_text(yaml.safe_dump(config), encoding="utf-8")
    address = f"127.0.0.1:{free_port()}"
    log = tmp_path / "prometheus.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [
                program("prometheus"),
                f"--config.file={config_file}",
                f"--storage.tsdb.path={tmp_path / 'tsdb'}",
                f"--web.listen-address={address}",
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    prometheus = Prometheus(f"http://{address}", process, log)

    def ready() -> bool | None:
        if process.poll() is not None:
            raise AssertionError(f"prometheus exited:\n{log.read_text(errors='replace')}")
        try:
            return httpx.get(f"{prometheus.url}/-/ready", timeout=2).status_code == 200 or None
        except httpx.HTTPError:
            return None

    until(ready, PROMETHEUS_START_SECONDS, "Prometheus ready")
    return prometheus


@pytest.fixture
def prometheus(tmp_path: Path, up: Up) -> Iterator[Prometheus]:
    targets: dict[str, list[str]] = {}
    for job, address in SERVICE_LINE.findall(up.output()):
        targets.setdefault(job, []).append(address)
    assert set(targets) == set(SERVICES), up.output()
    started = start_prometheus(tmp_path, targets)
    try:
        yield started
    finally:
        started.process.terminate()
        try:
            started.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            started.process.kill()
            started.process.wait()


async def _send_poison(bootstrap: str) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all")
    await producer.start()
    try:
        await producer.send_and_wait(topics.ARTICLES, b"not an article", key=b"poison")
    finally:
        await producer.stop()


def test_prometheus_finds_every_queried_metric_and_the_first_dead_letter_alerts(
    prometheus: Prometheus, up: Up, env: dict[str, str]
) -> None:
    wanted = queried_metrics()
    assert len(wanted) > 30
    assert "newsflow_build_info" in wanted

    def all_up() -> list[dict[str, Any]] | None:
        result = prometheus.query("up == 1")
        return result if {r["metric"]["job"] for r in result} == {*SERVICES} else None

    until(all_up, 60, "all three services scraped")
    # The demo's articles go through: then every series that depends on traffic has had it.
    up.wait_for("(CONSULT)", FLOW_SECONDS)
    versions = until(
        lambda: prometheus.query("newsflow_build_info"), 30, "newsflow_build_info scraped"
    )
    assert {r["metric"]["service"] for r in versions} >= set(SERVICES)

    def missing() -> list[str]:
        return sorted(name for name in wanted if not prometheus.series(name))

    # A scrape after the flow: allow a few intervals, then every name must be there.
    deadline = time.monotonic() + 30
    while (gone := missing()) and time.monotonic() < deadline:
        time.sleep(1)
    assert gone == [], f"queried but never exported: {gone}"
    assert not prometheus.series('{__name__=~".+_created"}')

    # No dead letter yet, and the counter is scraped at 0: the alert is quiet.
    dlq = 'newsflow_dlq_messages_total{service="extractor", reason="invalid_message"}'
    assert [r["value"][1] for r in prometheus.query(dlq)] == ["0"]
    assert not [a for a in prometheus.api("alerts")["alerts"] if a["state"] == "firing"]

    # The first dead letter after the start fires the alert.
    bootstrap, _ = resolve_bootstrap(NewsflowSettings(state_dir=Path(env["NEWSFLOW_STATE_DIR"])))
    asyncio.run(_send_poison(bootstrap))

    def dead_letter_alert() -> list[dict[str, Any]]:
        return [
            a
            for a in prometheus.api("alerts")["alerts"]
            if a["labels"]["alertname"] == "NewsflowDeadLetters" and a["state"] == "firing"
        ]

    [alert] = until(dead_letter_alert, 60, "NewsflowDeadLetters firing")
    assert alert["labels"]["service"] == "extractor"
    assert alert["labels"]["reason"] == "invalid_message"
