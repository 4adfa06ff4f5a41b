"""What `/metrics` shows before anything happens: build info, every known series at zero, no
`*_created` series; and that `HEAD /metrics` is served."""

from __future__ import annotations

import importlib

import httpx
from fastapi import FastAPI
from prometheus_client import REGISTRY, CollectorRegistry, Counter, Histogram, generate_latest
from pydantic import BaseModel

from shared.consume import BatchProcessor, RetryPolicy, Unavailable
from shared.headers import DLQ_REASONS
from shared.kafka import HANDLER_EXCEPTIONS, PUBLISH_EXCEPTIONS, make_broker
from shared.metrics import zero
from shared.runtime import add_ops_routes
from shared.settings import NewsflowSettings
from shared.version import VERSION


class Ping(BaseModel):
    n: int


def value(name: str, **labels: str) -> float | None:
    return REGISTRY.get_sample_value(name, labels)


async def _work(_items: object) -> None:
    return None


async def _publish(*_args: object, **_kwargs: object) -> None:
    return None


def test_zero_creates_every_combination_at_zero_and_nothing_else() -> None:
    registry = CollectorRegistry()
    counter = Counter("x_events", "x", ["kind", "status"], registry=registry)
    histogram = Histogram("x_seconds", "x", ["kind"], buckets=(1,), registry=registry)
    zero(counter, kind=["a", "b"], status=["ok"])
    zero(histogram, kind=["a"])
    samples = {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for metric in registry.collect()
        for s in metric.samples
    }
    assert samples == {
        ("x_events_total", (("kind", "a"), ("status", "ok"))): 0.0,
        ("x_events_total", (("kind", "b"), ("status", "ok"))): 0.0,
        ("x_seconds_bucket", (("kind", "a"), ("le", "1.0"))): 0.0,
        ("x_seconds_bucket", (("kind", "a"), ("le", "+Inf"))): 0.0,
        ("x_seconds_count", (("kind", "a"),)): 0.0,
        ("x_seconds_sum", (("kind", "a"),)): 0.0,
    }


def test_a_consumer_exports_its_outcomes_and_dead_letter_reasons_from_the_start() -> None:
    BatchProcessor(
        "zeroed",
        Ping,
        _work,
        _publish,
        RetryPolicy(),
        reject_reasons=("extraction_failed",),
    )
    for outcome in ("ok", "dead_lettered"):
        assert value("newsflow_messages_processed_total", service="zeroed", outcome=outcome) == 0
    for reason in (*DLQ_REASONS, "extraction_failed"):
        assert value("newsflow_dlq_messages_total", service="zeroed", reason=reason) == 0


def test_each_service_exports_its_labelled_series_before_any_event() -> None:
    # Imported as each service process does: the series exist before the first event.
    for service in ("fetcher", "extractor", "indexer"):
        importlib.import_module(f"services.{service}.metrics")
    assert value("newsflow_feed_polls_total", outcome="error") is not None
    assert value("newsflow_articles_deduplicated_total", reason="url") is not None
    assert value("newsflow_fetch_refusals_total", reason="private_address") is not None
    assert value("newsflow_http_responses_total", kind="page", status_class="5xx") is not None
    assert value("newsflow_fetch_duration_seconds_count", kind="feed") is not None
    assert value("newsflow_extraction_failures_total", reason="not_english") is not None
    assert value("newsflow_events_published_total", type="ASSAULT") is not None
    assert value("newsflow_search_requests_total", type="events", status="500") is not None
    assert value("newsflow_freshness_seconds_count", since="fetched") is not None
    assert value("newsflow_index_writes_total", kind="events") is not None


def test_no_created_series_and_build_info_once_a_service_is_made() -> None:
    from shared.runtime import Service

    Service(
        name="announced",
        settings=None,  # type: ignore[arg-type]  # not used by the constructor
        broker=None,  # type: ignore[arg-type]
        app=FastAPI(),
        host="127.0.0.1",
        port=0,
    )
    assert value("newsflow_build_info", service="announced", version=VERSION) == 1
    text = generate_latest(REGISTRY).decode()
    assert "newsflow_dlq_messages_total" in text
    assert "_created" not in text


async def test_metrics_answers_head_as_get_without_a_body() -> None:
    async def ready() -> bool:
        return True

    app = add_ops_routes(FastAPI(), ready)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://ops") as client:
        head = await client.head("/metrics")
        get = await client.get("/metrics")
    assert head.status_code == 200
    assert head.headers["content-type"] == get.headers["content-type"]
    assert head.content == b""
    assert get.content


def test_a_broker_exports_faststreams_series_for_its_topics_from_the_start() -> None:
    registry = CollectorRegistry()
    make_broker(
        NewsflowSettings(kafka_bootstrap="127.0.0.1:9"),
        service="zeroed",
        consumes=["in.v1"],
        publishes=["out.v1"],
        registry=registry,
    )
    received = {"app_name": "zeroed", "broker": "kafka", "handler": "in.v1"}
    sent = {"app_name": "zeroed", "broker": "kafka", "destination": "out.v1"}

    def get(name: str, **labels: str) -> float | None:
        return registry.get_sample_value(name, labels)

    assert get("faststream_received_messages_total", **received) == 0
    assert get("faststream_received_processed_messages_total", **received, status="acked") == 0
    # The one exception a handler lets out by design: an outage rewinds the batch.
    assert Unavailable.__name__ in HANDLER_EXCEPTIONS
    for exception_type in HANDLER_EXCEPTIONS:
        assert (
            get(
                "faststream_received_processed_messages_exceptions_total",
                **received,
                exception_type=exception_type,
            )
            == 0
        )
    assert get("faststream_published_messages_total", **sent, status="error") == 0
    assert get("faststream_published_messages_duration_seconds_count", **sent) == 0
    for exception_type in PUBLISH_EXCEPTIONS:
        assert (
            get(
                "faststream_published_messages_exceptions_total",
                **sent,
                exception_type=exception_type,
            )
            == 0
        )
