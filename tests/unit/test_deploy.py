"""The operator-facing deployment files, checked without Docker, Prometheus or Grafana.

docker-compose.yml against the official Compose JSON Schema, the compose wiring (commands, health
checks, ports, settings names, mounts), Prometheus' scrape targets and alert rules, the Grafana
provisioning and dashboard, and that every metric a query names is documented in
deploy/METRICS.md (or is one of FastStream's own).
"""

from __future__ import annotations

import importlib
import inspect
import json
import re
import tomllib
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from faststream.kafka.prometheus import KafkaPrometheusMiddleware
from prometheus_client import CollectorRegistry

from services.cli.settings import CliSettings
from shared.settings import ENV_PREFIX, NewsflowSettings
from tests.conftest import IN_CI, REPO, material

DEPLOY = REPO / "deploy"
COMPOSE_FILE = REPO / "docker-compose.yml"
METRICS_DOC = DEPLOY / "METRICS.md"
PROMETHEUS_DIR = DEPLOY / "prometheus"
DASHBOARD_FILE = DEPLOY / "grafana" / "dashboards" / "newsflow.json"
GRAFANA_PROVISIONING = DEPLOY / "grafana" / "provisioning"

# The compose services that run the Newsflow image, each named for its `newsflow` subcommand.
NEWSFLOW_SERVICES = ("fetcher", "extractor", "indexer")
# Settings that tell a service where to listen for /metrics and /healthz.
PORT_SETTINGS = ("NEWSFLOW_OPS_PORT", "NEWSFLOW_API_PORT")
# Labels Prometheus attaches to every scraped series, plus the histogram bucket bound.
IMPLICIT_LABELS = frozenset({"job", "instance", "le"})

METRIC_NAME = re.compile(r"\b(?:newsflow|faststream)_[a-z_]+\b")
HISTOGRAM_SERIES_SUFFIX = re.compile(r"_(?:bucket|sum|count)$")
# `name{label="x", other=~"y"}`: the metric and its matcher block.
SELECTOR = re.compile(r"\b((?:newsflow|faststream)_[a-z_]+)\s*\{([^}]*)\}")
MATCHER_LABEL = re.compile(r"([a-zA-Z_][a-zA-Z0-9_]*)\s*(?:=~|!~|!=|=)")
GROUPING = re.compile(r"\b(?:by|without)\s*\(([^)]*)\)")
# A row of a METRICS.md table: | `name` | type | labels | meaning |
DOC_ROW = re.compile(r"^\|\s*`([a-z_]+)`\s*\|\s*([a-z]+)\s*\|([^|]*)\|", re.MULTILINE)
BACKTICKED = re.compile(r"`([^`]+)`")


# --- loading ---


def _yaml(path: Path) -> Any:
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    data = _yaml(COMPOSE_FILE)
    assert isinstance(data, dict)
    return data


@pytest.fixture(scope="module")
def compose_validator() -> jsonschema.Draft7Validator:
    schema = json.loads(material("schemas", "compose-spec.json").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


@pytest.fixture(scope="module")
def alert_rules() -> list[dict[str, Any]]:
    data = _yaml(PROMETHEUS_DIR / "alerts.yml")
    return [rule for group in data["groups"] for rule in group["rules"]]


@pytest.fixture(scope="module")
def dashboard() -> dict[str, Any]:
    data = json.loads(DASHBOARD_FILE.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


@pytest.fixture(scope="module")
def documented() -> dict[str, tuple[str, frozenset[str]]]:
    """METRICS.md: metric name -> (type, label names)."""
    out: dict[str, tuple[str, frozenset[str]]] = {}
    for name, kind, labels in DOC_ROW.findall(METRICS_DOC.read_text(encoding="utf-8")):
        assert name not in out, f"{name} is documented twice"
        # Parenthesised parts list a label's values, not label names.
        label_names = BACKTICKED.findall(re.sub(r"\([^)]*\)", "", labels))
        out[name] = (kind, frozenset(label_names))
    return out


def _faststream_metrics() -> dict[str, str]:
    """The metrics FastStream's Kafka middleware registers (the one shared/kafka.py installs)."""
    registry = CollectorRegistry()
    KafkaPrometheusMiddleware(registry=registry)
    out = {}
    for family in registry.collect():
        # prometheus_client names a counter's family without the `_total` it exposes.
        name = family.name + "_total" if family.type == "counter" else family.name
        out[name] = family.type
    return out


def _newsflow_services(compose: dict[str, Any]) -> dict[str, dict[str, Any]]:
    services: dict[str, dict[str, Any]] = compose["services"]
    return {name: services[name] for name in NEWSFLOW_SERVICES}


def _listen_port(service: dict[str, Any]) -> int:
    env = service["environment"]
    ports = [int(env[key]) for key in PORT_SETTINGS if key in env]
    assert len(ports) == 1, f"expected exactly one of {PORT_SETTINGS} in {sorted(env)}"
    return ports[0]


def _alert_exprs(rules: list[dict[str, Any]]) -> list[str]:
    return [str(rule["expr"]) for rule in rules]


def _dashboard_panels(dashboard: dict[str, Any]) -> list[dict[str, Any]]:
    panels: list[dict[str, Any]] = []
    for panel in dashboard["panels"]:
        panels.append(panel)
        # Collapsed rows carry their panels inside.
        panels.extend(panel.get("panels", []))
    return [p for p in panels if p["type"] != "row"]


def _dashboard_exprs(dashboard: dict[str, Any]) -> list[str]:
    return [str(t["expr"]) for p in _dashboard_panels(dashboard) for t in p.get("targets", [])]


def _resolve(name: str, known: dict[str, tuple[str, frozenset[str]]]) -> str | None:
    """The documented metric a series name belongs to (histogram series map to the histogram)."""
    if name in known:
        return name
    base = HISTOGRAM_SERIES_SUFFIX.sub("", name)
    if base != name and base in known and known[base][0] == "histogram":
        return base
    return None


# --- docker-compose.yml ---


def test_compose_file_is_valid_against_the_compose_spec(
    compose: dict[str, Any], compose_validator: jsonschema.Draft7Validator
) -> None:
    errors = sorted(compose_validator.iter_errors(compose), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)


def test_newsflow_services_run_their_subcommand_and_restart(compose: dict[str, Any]) -> None:
    for name, service in _newsflow_services(compose).items():
        assert service["command"] == [name]
        assert service["restart"] == "unless-stopped"
        assert "build" in service
        assert service["image"] == compose["services"]["fetcher"]["image"], "one image for all"


def test_extractor_can_be_scaled(compose: dict[str, Any]) -> None:
    extractor = compose["services"]["extractor"]
    # A fixed container name or host port would make `--scale extractor=N` fail.
    assert "container_name" not in extractor
    assert "ports" not in extractor
    # The replicas are the setting `newsflow up` reads for its number of extractor processes.
    assert "extractor_processes" in CliSettings.model_fields
    assert re.fullmatch(
        r"\$\{NEWSFLOW_EXTRACTOR_PROCESSES:-[1-9]\d*\}", extractor["deploy"]["replicas"]
    )


def test_dependencies_wait_for_healthy_services(compose: dict[str, Any]) -> None:
    services = compose["services"]
    for name, service in services.items():
        for dependency, spec in service.get("depends_on", {}).items():
            assert spec["condition"] == "service_healthy", f"{name} -> {dependency}"
            assert "healthcheck" in services[dependency], f"{dependency} has no health check"
    assert set(services["indexer"]["depends_on"]) == {"kafka", "postgres"}
    for name in ("fetcher", "extractor"):
        assert set(services[name]["depends_on"]) == {"kafka"}


def test_newsflow_health_checks_probe_healthz_on_the_listening_port(
    compose: dict[str, Any],
) -> None:
    for name, service in _newsflow_services(compose).items():
        test = service["healthcheck"]["test"]
        # The slim image has no curl; the check must use the image's Python.
        assert test[:2] == ["CMD", "python"], name
        urls = re.findall(r"http://[^'\"\s]+", " ".join(test))
        assert urls == [f"http://127.0.0.1:{_listen_port(service)}/healthz"], name


def test_newsflow_services_listen_on_all_interfaces(compose: dict[str, Any]) -> None:
    for name, service in _newsflow_services(compose).items():
        env = service["environment"]
        hosts = [env[key] for key in ("NEWSFLOW_OPS_HOST", "NEWSFLOW_API_HOST") if key in env]
        assert hosts == ["0.0.0.0"], name


def test_compose_settings_are_well_formed_names(compose: dict[str, Any]) -> None:
    for name, service in _newsflow_services(compose).items():
        env = service["environment"]
        assert env["NEWSFLOW_KAFKA_BOOTSTRAP"] == "kafka:9092", name
        for key in env:
            assert re.fullmatch(r"NEWSFLOW_[A-Z][A-Z0-9_]*", key), f"{name}: {key}"


@pytest.mark.parametrize("service_name", NEWSFLOW_SERVICES)
def test_compose_settings_exist_in_the_service_settings(
    compose: dict[str, Any], service_name: str
) -> None:
    module_name = f"services.{service_name}.settings"
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError:
        if IN_CI:
            raise
        pytest.skip(f"{module_name} is not written yet")
    classes = [
        obj
        for obj in vars(module).values()
        if inspect.isclass(obj)
        and issubclass(obj, NewsflowSettings)
        and obj.__module__ == module.__name__
    ]
    assert len(classes) == 1, f"{module_name} should define one settings class: {classes}"
    known = {ENV_PREFIX + field.upper() for field in classes[0].model_fields}
    env = set(compose["services"][service_name]["environment"])
    assert env <= known, f"not settings of {service_name}: {sorted(env - known)}"


def test_bind_mounts_exist_in_the_repository(compose: dict[str, Any]) -> None:
    sources = [
        volume.split(":", 1)[0]
        for service in compose["services"].values()
        for volume in service.get("volumes", [])
        if isinstance(volume, str) and volume.startswith("./")
    ]
    assert sources, "expected the deploy/ files to be mounted"
    for source in sources:
        assert (REPO / source).exists(), source


def test_named_volumes_are_declared(compose: dict[str, Any]) -> None:
    used = {
        volume.split(":", 1)[0]
        for service in compose["services"].values()
        for volume in service.get("volumes", [])
        if isinstance(volume, str) and not volume.startswith(("./", "/"))
    }
    assert used == set(compose["volumes"])
    assert {"kafka-data", "postgres-data", "fetcher-state"} <= used


# --- Dockerfile ---


def test_dockerfile_runs_the_console_script_as_a_non_root_user() -> None:
    lines = [
        line.strip()
        for line in (REPO / "Dockerfile").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    bases = [line.split()[1] for line in lines if line.startswith("FROM ")]
    assert bases, "no FROM"
    assert set(bases) == {"python:3.11-slim"}
    users = [line.split()[1] for line in lines if line.startswith("USER ")]
    assert users, "no USER: the services would run as root"
    assert users[-1] not in {"root", "0"}
    entrypoints = [line for line in lines if line.startswith("ENTRYPOINT ")]
    assert entrypoints == ['ENTRYPOINT ["newsflow"]']
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert "newsflow" in pyproject["project"]["scripts"]


def test_dockerignore_keeps_local_state_out_of_the_build_context() -> None:
    ignored = {
        line.strip()
        for line in (REPO / ".dockerignore").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }
    assert {".git", ".venv", ".newsflow", ".env"} <= ignored


# --- feeds ---


def test_example_feeds_parse() -> None:
    feeds = tomllib.loads((DEPLOY / "feeds.toml").read_text(encoding="utf-8"))["feeds"]
    assert feeds
    urls = [feed["url"] for feed in feeds]
    assert len(set(urls)) == len(urls)
    for feed in feeds:
        assert set(feed) <= {"url", "name"}
        assert feed["url"].startswith("https://")


# --- Prometheus ---


def test_prometheus_scrapes_every_service_on_its_port(compose: dict[str, Any]) -> None:
    config = _yaml(PROMETHEUS_DIR / "prometheus.yml")
    jobs = {job["job_name"]: job for job in config["scrape_configs"]}
    for name, service in _newsflow_services(compose).items():
        job = jobs[name]
        assert job.get("metrics_path", "/metrics") == "/metrics"
        targets = [t for sc in job.get("static_configs", []) for t in sc["targets"]]
        targets += [
            f"{host}:{sd['port']}" for sd in job.get("dns_sd_configs", []) for host in sd["names"]
        ]
        assert targets == [f"{name}:{_listen_port(service)}"], name
    for rule_file in config["rule_files"]:
        assert (PROMETHEUS_DIR / rule_file).is_file(), rule_file


def test_alert_rules_are_complete(alert_rules: list[dict[str, Any]]) -> None:
    names = [rule["alert"] for rule in alert_rules]
    assert len(set(names)) == len(names)
    for rule in alert_rules:
        assert rule["labels"]["severity"] in {"critical", "warning", "info"}, rule["alert"]
        assert rule["annotations"]["summary"], rule["alert"]
    exprs = " ".join(_alert_exprs(alert_rules))
    # The conditions operators asked to be told about.
    for needle in (
        "up{",
        "newsflow_dlq_messages_total",
        'newsflow_feed_polls_total{outcome="error"}',
        "newsflow_feed_last_success_timestamp_seconds",
        "newsflow_freshness_seconds_bucket",
        "newsflow_consumer_lag_messages",
        "newsflow_search_requests_total{status=~",
    ):
        assert needle in exprs, needle


# --- metric names and labels used by the queries ---


def test_faststream_metrics_in_the_doc_match_faststream(
    documented: dict[str, tuple[str, frozenset[str]]],
) -> None:
    in_doc = {name: kind for name, (kind, _) in documented.items() if name.startswith("faststream")}
    assert in_doc == _faststream_metrics()


def test_documented_metrics_follow_conventions(
    documented: dict[str, tuple[str, frozenset[str]]],
) -> None:
    assert any(name.startswith("newsflow_") for name in documented)
    for name, (kind, _) in documented.items():
        assert kind in {"counter", "gauge", "histogram"}, name
        assert name.endswith("_total") == (kind == "counter"), name


@pytest.mark.parametrize("source", ["alerts", "dashboard"])
def test_queries_name_only_documented_metrics_and_labels(
    source: str,
    alert_rules: list[dict[str, Any]],
    dashboard: dict[str, Any],
    documented: dict[str, tuple[str, frozenset[str]]],
) -> None:
    exprs = _alert_exprs(alert_rules) if source == "alerts" else _dashboard_exprs(dashboard)
    assert exprs
    for expr in exprs:
        metrics = {_resolve(name, documented) or name for name in METRIC_NAME.findall(expr)}
        unknown = {name for name in metrics if name not in documented}
        assert not unknown, f"undocumented metric in {expr!r}: {sorted(unknown)}"
        for metric, matchers in SELECTOR.findall(expr):
            labels = set(MATCHER_LABEL.findall(matchers))
            allowed = documented[_resolve(metric, documented) or metric][1] | IMPLICIT_LABELS
            assert labels <= allowed, f"{metric}: unknown labels {sorted(labels - allowed)}"
        in_expr = set().union(IMPLICIT_LABELS, *(documented[m][1] for m in metrics))
        for group in GROUPING.findall(expr):
            grouped = {label.strip() for label in group.split(",") if label.strip()}
            assert grouped <= in_expr, f"unknown grouping labels in {expr!r}"


@pytest.mark.parametrize("source", ["alerts", "dashboard"])
def test_histograms_are_queried_through_their_series(
    source: str,
    alert_rules: list[dict[str, Any]],
    dashboard: dict[str, Any],
    documented: dict[str, tuple[str, frozenset[str]]],
) -> None:
    """Prometheus exposes a histogram only as `_bucket`, `_sum` and `_count` series: a query on
    its bare name matches nothing, and the panel or alert stays silent for good."""
    histograms = {name for name, (kind, _) in documented.items() if kind == "histogram"}
    exprs = _alert_exprs(alert_rules) if source == "alerts" else _dashboard_exprs(dashboard)
    for expr in exprs:
        bare = histograms & set(METRIC_NAME.findall(expr))
        assert not bare, f"histogram queried by its bare name in {expr!r}: {sorted(bare)}"


# --- Grafana ---


def test_every_dashboard_panel_queries_prometheus(dashboard: dict[str, Any]) -> None:
    datasource = _yaml(GRAFANA_PROVISIONING / "datasources" / "prometheus.yml")
    uid = datasource["datasources"][0]["uid"]
    panels = _dashboard_panels(dashboard)
    assert len(panels) >= 20
    ids = [p["id"] for p in dashboard["panels"]]
    assert len(set(ids)) == len(ids)
    for panel in panels:
        title = panel["title"]
        assert panel["datasource"]["uid"] == uid, title
        targets = panel["targets"]
        assert targets, title
        for target in targets:
            assert target["expr"].strip(), title
        assert len({t["refId"] for t in targets}) == len(targets), title
        grid = panel["gridPos"]
        assert grid["x"] + grid["w"] <= 24, title


def test_dashboard_covers_the_design_metrics(dashboard: dict[str, Any]) -> None:
    used = {
        HISTOGRAM_SERIES_SUFFIX.sub("", name)
        for expr in _dashboard_exprs(dashboard)
        for name in METRIC_NAME.findall(expr)
    }
    wanted = {
        "newsflow_feed_polls_total",
        "newsflow_http_responses_total",
        "newsflow_fetched_bytes_total",
        "newsflow_articles_published_total",
        "newsflow_articles_deduplicated_total",
        "newsflow_extraction_failures_total",
        "newsflow_article_entities",
        "newsflow_article_places",
        "newsflow_article_times",
        "newsflow_article_events",
        "newsflow_events_published_total",
        "newsflow_freshness_seconds",
        "newsflow_index_writes_total",
        "newsflow_search_duration_seconds",
        "newsflow_search_requests_total",
        "newsflow_dlq_messages_total",
        "faststream_received_messages_total",
        "faststream_received_processed_messages_duration_seconds",
    }
    assert wanted <= used, sorted(wanted - used)


def test_grafana_provisioning_points_at_the_mounted_dashboards(compose: dict[str, Any]) -> None:
    providers = _yaml(GRAFANA_PROVISIONING / "dashboards" / "newsflow.yml")["providers"]
    mounts = dict(
        volume.split(":")[:2]
        for volume in compose["services"]["grafana"]["volumes"]
        if volume.startswith("./")
    )
    assert providers[0]["options"]["path"] == mounts["./deploy/grafana/dashboards"]
    datasource = _yaml(GRAFANA_PROVISIONING / "datasources" / "prometheus.yml")["datasources"][0]
    assert datasource["url"] == "http://prometheus:9090"


def test_code_metrics_and_the_doc_agree(
    documented: dict[str, tuple[str, frozenset[str]]],
) -> None:
    """Every newsflow_ metric the services define is documented, with its type and labels."""
    import importlib

    from prometheus_client import REGISTRY

    for module in (
        "shared.metrics",
        "services.fetcher.metrics",
        "services.extractor.metrics",
        "services.indexer.metrics",
    ):
        importlib.import_module(module)
    in_code: dict[str, tuple[str, frozenset[str]]] = {}
    for collector in list(REGISTRY._collector_to_names):
        describe = getattr(collector, "describe", None)
        for family in describe() if describe else ():
            if not family.name.startswith("newsflow_"):
                continue
            name = family.name + "_total" if family.type == "counter" else family.name
            labels = frozenset(getattr(collector, "_labelnames", ()))
            in_code[name] = (family.type, labels)
    ours = {k: v for k, v in documented.items() if k.startswith("newsflow_")}
    assert in_code == ours
