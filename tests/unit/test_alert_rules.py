"""The alert rules, run by Prometheus' own tool: `promtool test rules` makes each alert fire on
a synthetic series (deploy/prometheus/alerts.test.yml), and `promtool check` reads the rules
and the scrape configuration as Prometheus will."""

from __future__ import annotations

import subprocess
from typing import Any

import yaml

from tests.conftest import REPO, program

PROMETHEUS_DIR = REPO / "deploy" / "prometheus"


def promtool(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [program("promtool"), *args],
        cwd=PROMETHEUS_DIR,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _load(name: str) -> Any:
    return yaml.safe_load((PROMETHEUS_DIR / name).read_text(encoding="utf-8"))


def test_every_alert_fires_in_the_unit_tests_of_the_rules() -> None:
    alerts = {r["alert"] for g in _load("alerts.yml")["groups"] for r in g["rules"]}
    firing = {
        case["alertname"]
        for test in _load("alerts.test.yml")["tests"]
        for case in test["alert_rule_test"]
        if case["exp_alerts"]
    }
    assert firing == alerts
    run = promtool("test", "rules", "alerts.test.yml")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "SUCCESS" in run.stdout


def test_the_rules_and_the_scrape_configuration_load() -> None:
    rules = promtool("check", "rules", "alerts.yml")
    assert rules.returncode == 0, rules.stdout + rules.stderr
    config = promtool("check", "config", "--syntax-only", "prometheus.yml")
    assert config.returncode == 0, config.stdout + config.stderr
