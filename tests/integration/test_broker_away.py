"""A service outlives its broker: while Kafka is away it is unready and retries, and it resumes
when it is back."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from services.extractor.app import build
from services.extractor.settings import ExtractorSettings
from shared import topics
from shared.bundled_broker import BundledBroker, free_port
from tests.integration.conftest import collect, eventually, produce, running
from tests.samples import article

pytestmark = pytest.mark.timeout(240)


async def test_extractor_resumes_after_the_broker_comes_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    port = free_port()
    ops_port = free_port()
    first = await BundledBroker(port=port, log_path=tmp_path / "broker.log").start()
    for key, value in {
        "NEWSFLOW_KAFKA_BOOTSTRAP": first.bootstrap,
        "NEWSFLOW_KAFKA_IDEMPOTENCE": "false",
        "NEWSFLOW_STATE_DIR": str(tmp_path / "state"),
        "NEWSFLOW_OPS_PORT": str(ops_port),
    }.items():
        monkeypatch.setenv(key, value)
    sent = article()
    payload = [(sent.id.encode(), sent.model_dump_json().encode())]
    second: BundledBroker | None = None
    ops = httpx.AsyncClient(base_url=f"http://127.0.0.1:{ops_port}", timeout=10)

    async def ready() -> bool:
        return (await ops.get("/readyz")).status_code == 200

    async def unready() -> bool:
        return not await ready()

    try:
        async with running(build(ExtractorSettings())):
            await produce(first.bootstrap, topics.ARTICLES, payload)
            await collect(first.bootstrap, topics.ENRICHED, lambda got: len(got) >= 1)
            await eventually(ready)
            first.stop()
            # The service stays up and says it cannot work.
            await eventually(unready)
            # The bundled broker keeps nothing on disk: it comes back empty on the same address.
            second = await BundledBroker(port=port, log_path=tmp_path / "broker.log").start()
            await produce(second.bootstrap, topics.ARTICLES, payload)
            await collect(second.bootstrap, topics.ENRICHED, lambda got: len(got) >= 1, timeout=120)
            await eventually(ready)
    finally:
        await ops.aclose()
        first.stop()
        if second is not None:
            second.stop()
