"""The Kafka broker factory and topic set-up every service uses."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import ssl
from collections.abc import Sequence
from typing import Any, Final

from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import TopicAlreadyExistsError
from faststream.kafka import KafkaBroker
from faststream.kafka.prometheus import KafkaPrometheusMiddleware
from faststream.prometheus.container import MetricsContainer
from faststream.prometheus.types import ProcessingStatus, PublishingStatus
from faststream.security import (
    BaseSecurity,
    SASLPlaintext,
    SASLScram256,
    SASLScram512,
)
from prometheus_client import REGISTRY, CollectorRegistry

from shared import topics
from shared.headers import message_headers
from shared.metrics import zero
from shared.settings import NewsflowSettings, idempotence_for, resolve_bootstrap

log = logging.getLogger(__name__)

# Consumers start from the beginning of a topic they have never committed on: nothing published
# before a service's first start is lost.
AUTO_OFFSET_RESET: Final = "earliest"
# Kafka's default for acks: all in-sync replicas must have the record before it counts as sent.
ACKS: Final = "all"
# The exceptions the design lets out of a handler and a publish, so FastStream's exception
# series exist before the first one: an outage rewinds a batch (shared.consume.Unavailable),
# and a publish times out while the broker is away (aiokafka's KafkaTimeoutError).
HANDLER_EXCEPTIONS: Final = ("Unavailable",)
PUBLISH_EXCEPTIONS: Final = ("KafkaTimeoutError",)


def _ssl_context(settings: NewsflowSettings) -> ssl.SSLContext:
    context = ssl.create_default_context(
        cafile=str(settings.kafka_ssl_cafile) if settings.kafka_ssl_cafile else None
    )
    if settings.kafka_ssl_certfile:
        context.load_cert_chain(
            str(settings.kafka_ssl_certfile),
            str(settings.kafka_ssl_keyfile) if settings.kafka_ssl_keyfile else None,
        )
    return context


def security_from(settings: NewsflowSettings) -> BaseSecurity | None:
    """FastStream security object for NEWSFLOW_KAFKA_SECURITY_PROTOCOL and friends."""
    protocol = settings.kafka_security_protocol
    if protocol == "PLAINTEXT":
        return None
    use_ssl = protocol.endswith("SSL")
    context = _ssl_context(settings) if use_ssl else None
    if protocol == "SSL":
        return BaseSecurity(ssl_context=context, use_ssl=True)
    username = settings.kafka_sasl_username or ""
    password = (
        settings.kafka_sasl_password.get_secret_value() if settings.kafka_sasl_password else ""
    )
    kinds: dict[str, type[SASLPlaintext] | type[SASLScram256] | type[SASLScram512]] = {
        "PLAIN": SASLPlaintext,
        "SCRAM-SHA-256": SASLScram256,
        "SCRAM-SHA-512": SASLScram512,
    }
    kind = kinds[settings.kafka_sasl_mechanism]
    return kind(username=username, password=password, ssl_context=context, use_ssl=use_ssl)


def admin_kwargs(settings: NewsflowSettings) -> dict[str, Any]:
    """aiokafka client keyword arguments for the same connection as the broker."""
    bootstrap, _ = resolve_bootstrap(settings)
    kwargs: dict[str, Any] = {"bootstrap_servers": bootstrap}
    protocol = settings.kafka_security_protocol
    if protocol != "PLAINTEXT":
        kwargs["security_protocol"] = protocol
    if protocol.endswith("SSL"):
        kwargs["ssl_context"] = _ssl_context(settings)
    if protocol.startswith("SASL"):
        kwargs["sasl_mechanism"] = settings.kafka_sasl_mechanism
        kwargs["sasl_plain_username"] = settings.kafka_sasl_username
        kwargs["sasl_plain_password"] = (
            settings.kafka_sasl_password.get_secret_value()
            if settings.kafka_sasl_password
            else None
        )
    return kwargs


def make_broker(
    settings: NewsflowSettings,
    *,
    service: str,
    consumes: Sequence[str] = (),
    publishes: Sequence[str] = (),
    registry: CollectorRegistry = REGISTRY,
    graceful_timeout: float = 30.0,
) -> KafkaBroker:
    """A KafkaBroker with acks=all, the idempotent producer where supported, and RED metrics,
    whose series for the topics it `consumes` and `publishes` to exist from the start."""
    bootstrap, bundled = resolve_bootstrap(settings)
    broker = KafkaBroker(
        bootstrap,
        acks=ACKS,
        enable_idempotence=idempotence_for(settings, bundled),
        max_request_size=settings.kafka_max_message_bytes,
        security=security_from(settings),
        client_id=f"newsflow-{service}",
        # SIGTERM waits this long for the batch in hand before the consumer stops.
        graceful_timeout=graceful_timeout,
        middlewares=[KafkaPrometheusMiddleware(registry=registry, app_name=service)],
        logger=logging.getLogger(f"newsflow.{service}.kafka"),
        log_level=logging.DEBUG,
    )
    _zero_broker_metrics(registry, service, consumes, publishes)
    return broker


def _zero_broker_metrics(
    registry: CollectorRegistry, service: str, consumes: Sequence[str], publishes: Sequence[str]
) -> None:
    """FastStream's series at zero, labelled as its middleware labels them."""
    # The same metric objects as the middleware's: the container reuses what is registered.
    metrics = MetricsContainer(registry, custom_label_names=())
    app = {"app_name": [service], "broker": ["kafka"]}
    received = {**app, "handler": consumes}
    zero(metrics.received_messages_total, **received)
    zero(metrics.received_messages_size_bytes, **received)
    zero(metrics.received_messages_in_process, **received)
    zero(
        metrics.received_processed_messages_total,
        **received,
        status=[s.value for s in ProcessingStatus],
    )
    zero(metrics.received_processed_messages_duration_seconds, **received)
    zero(
        metrics.received_processed_messages_exceptions_total,
        **received,
        exception_type=HANDLER_EXCEPTIONS,
    )
    sent = {**app, "destination": publishes}
    zero(metrics.published_messages_total, **sent, status=[s.value for s in PublishingStatus])
    zero(metrics.published_messages_duration_seconds, **sent)
    zero(metrics.published_messages_exceptions_total, **sent, exception_type=PUBLISH_EXCEPTIONS)


async def ensure_topics(settings: NewsflowSettings) -> None:
    """Create Newsflow's topics with the configured partitions, if they do not exist yet."""
    admin = AIOKafkaAdminClient(**admin_kwargs(settings))
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        wanted = [
            NewTopic(
                name=name,
                num_partitions=settings.kafka_partitions,
                replication_factor=settings.kafka_replication_factor,
                topic_configs={"max.message.bytes": str(settings.kafka_max_message_bytes)},
            )
            for name in topics.ALL
            if name not in existing
        ]
        if wanted:
            # Another service may create them between our list and create: that is the goal.
            with contextlib.suppress(TopicAlreadyExistsError):
                await admin.create_topics(wanted)
            log.info("created topics", extra={"topics": [t.name for t in wanted]})
    finally:
        await admin.close()


async def publish_all(broker: KafkaBroker, messages: list[tuple[str, str, bytes]]) -> None:
    """Publish (topic, key, value) triples and wait until the broker acknowledged every one.

    Sending all before awaiting lets aiokafka batch them; awaiting all before returning is what
    lets the caller commit its input only after its output is safe (at-least-once). Each message
    carries its topic's headers (content type, schema version).
    """
    futures = [
        await broker.publish(
            value, topic, key=key.encode(), headers=message_headers(topic), no_confirm=True
        )
        for topic, key, value in messages
    ]
    await asyncio.gather(*futures)
