"""docs/OPERATIONS.md says what the code does: a section per alert rule, the dead-letter reasons
the services give, the commands and options the CLI has, the dashboard's rows, the compose
volumes and the names of the things an operator backs up."""

from __future__ import annotations

import json
import re

import typer.main
import yaml

from services.cli.main import app
from services.extractor.app import EXTRACTION_FAILED
from services.extractor.settings import ExtractorSettings
from services.fetcher.settings import STATE_DB_NAME
from shared.headers import DLQ_REASONS, H_REASON, H_REPLAYED
from shared.kafka import HANDLER_EXCEPTIONS, PUBLISH_EXCEPTIONS
from tests.conftest import REPO

DOC = (REPO / "docs" / "OPERATIONS.md").read_text(encoding="utf-8")
DEPLOY = REPO / "deploy"


def section(title: str) -> str:
    return DOC.split(f"## {title}\n", 1)[1].split("\n## ", 1)[0]


def test_every_alert_rule_has_a_section_and_every_section_a_rule() -> None:
    rules = yaml.safe_load((DEPLOY / "prometheus" / "alerts.yml").read_text(encoding="utf-8"))
    alerts = {rule["alert"] for group in rules["groups"] for rule in group["rules"]}
    documented = set(re.findall(r"^### (\w+)$", section("Alerts"), re.M))
    assert documented == alerts


def test_the_dead_letter_reasons_are_the_ones_the_services_give() -> None:
    replay = section("Replay the dead-letter queue")
    table = set(re.findall(r"^\| `(\w+)` \|", replay, re.M))
    assert table == {*DLQ_REASONS, EXTRACTION_FAILED}
    assert f"`{H_REASON}`" in replay
    assert f"`{H_REPLAYED}`" in replay


def _cli() -> dict[str, set[str]]:
    """Command path ("dlq replay") -> its long options."""
    out: dict[str, set[str]] = {}

    def walk(group: object, prefix: str) -> None:
        for name, command in group.commands.items():  # type: ignore[attr-defined]
            path = f"{prefix}{name}"
            if hasattr(command, "commands"):
                walk(command, path + " ")
            else:
                out[path] = {o for p in command.params for o in p.opts if o.startswith("--")}

    walk(typer.main.get_command(app), "")
    return out


def test_every_newsflow_command_in_the_doc_exists_with_its_options() -> None:
    commands = _cli()
    used = re.findall(r"newsflow ((?:[a-z]+)(?: [a-z]+)?)((?: (?:--[a-z-]+|[A-Z0-9:.]+))*)", DOC)
    assert used
    for words, options in used:
        path = words if words in commands else words.split(" ")[0]
        if any(c.startswith(f"{path} ") for c in commands):
            continue  # a command group (its subcommand on the next line)
        assert path in commands, f"`newsflow {words}` is no command"
        for option in set(re.findall(r"--[a-z-]+", options)) - {"--help"}:
            assert option in commands[path], f"`newsflow {path}` has no {option}"


def test_the_dashboard_rows_are_the_ones_described() -> None:
    dashboard = json.loads(
        (DEPLOY / "grafana" / "dashboards" / "newsflow.json").read_text(encoding="utf-8")
    )
    rows = {p["title"] for p in dashboard["panels"] if p["type"] == "row"}
    described = set(re.findall(r"^- \*\*([^*]+)\.\*\*", section("Read the dashboard"), re.M))
    assert described == rows
    for exception in (*HANDLER_EXCEPTIONS, *PUBLISH_EXCEPTIONS):
        assert f"`{exception}`" in section("Read the dashboard")


def test_names_an_operator_types_match_the_deployment() -> None:
    compose = yaml.safe_load((REPO / "docker-compose.yml").read_text(encoding="utf-8"))
    for volume in re.findall(r"`([a-z]+-(?:data|state))`", DOC):
        assert volume in compose["volumes"], volume
    assert f"`{STATE_DB_NAME}`" in section("Back up")
    assert f"`{ExtractorSettings().group_id}`" in section("Scale the extractor")
    assert "--scale extractor=" in section("Scale the extractor")
    assert "extractor" in compose["services"]
