import datetime as dt
import json
import logging
import time

import httpx
import pytest
from fastapi import FastAPI

from shared.logs import JsonFormatter
from shared.runtime import add_ops_routes


def test_json_log_lines_carry_extra_fields_and_service() -> None:
    record = logging.makeLogRecord(
        {"name": "x", "levelname": "WARNING", "msg": "dead-lettered %s", "args": ("a message",)}
    )
    record.article_id = "ab" * 16
    line = json.loads(JsonFormatter("extractor").format(record))
    assert line["msg"] == "dead-lettered a message"
    assert line["service"] == "extractor"
    assert line["article_id"] == "ab" * 16
    assert line["level"] == "warning"


async def test_readyz_reflects_readiness_and_metrics_are_served() -> None:
    state = {"ready": False}

    async def ready() -> bool:
        if state.get("boom"):
            raise RuntimeError("store exploded")
        return state["ready"]

    app = add_ops_routes(FastAPI(), ready)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://ops") as client:
        assert (await client.get("/healthz")).status_code == 200
        assert (await client.get("/readyz")).status_code == 503
        state["ready"] = True
        assert (await client.get("/readyz")).status_code == 200
        state["boom"] = True
        assert (await client.get("/readyz")).status_code == 503
        metrics = await client.get("/metrics")
        assert metrics.status_code == 200
        assert "python_info" in metrics.text


def test_json_log_time_is_utc_whatever_the_machine_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        record = logging.makeLogRecord({"name": "x", "levelname": "INFO", "msg": "m"})
        record.created = dt.datetime(2025, 12, 20, 15, 4, 5, 678000, tzinfo=dt.UTC).timestamp()
        record.msecs = 678.0
        line = json.loads(JsonFormatter("extractor").format(record))
    finally:
        monkeypatch.undo()
        time.tzset()
    assert line["ts"] == "2025-12-20T15:04:05.678Z"
