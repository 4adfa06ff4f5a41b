"""Kafka clients are closed on every path, also when starting one of them fails (issue 12)."""

from __future__ import annotations

import gc
import warnings
from pathlib import Path

import pytest
from aiokafka import AIOKafkaConsumer
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.errors import KafkaConnectionError

from shared import lag
from shared.bundled_broker import BundledBroker
from shared.settings import NewsflowSettings


async def test_group_lag_closes_its_admin_client_when_the_consumer_cannot_start(
    kafka: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    admins: list[AIOKafkaAdminClient] = []

    class Admin(AIOKafkaAdminClient):  # type: ignore[misc]  # aiokafka is untyped
        async def start(self) -> None:
            admins.append(self)
            await super().start()

    class Consumer(AIOKafkaConsumer):  # type: ignore[misc]  # aiokafka's consumer is untyped
        async def start(self) -> None:
            await self.stop()
            raise KafkaConnectionError("the broker went away between the two clients")

    monkeypatch.setattr(lag, "AIOKafkaAdminClient", Admin)
    monkeypatch.setattr(lag, "AIOKafkaConsumer", Consumer)
    with pytest.raises(KafkaConnectionError):
        await lag.group_lag(NewsflowSettings(kafka_bootstrap=kafka), "g", "t")
    [admin] = admins
    assert admin._closed


def test_the_bundled_broker_leaves_no_log_file_unclosed(tmp_path: Path) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ResourceWarning)
        broker = BundledBroker(log_path=tmp_path / "broker.log")
        broker.spawn()
        try:
            gc.collect()
        finally:
            broker.stop()
    assert [str(w.message) for w in caught if issubclass(w.category, ResourceWarning)] == []
