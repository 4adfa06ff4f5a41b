"""Metrics every service exposes (service-specific ones live in services/<name>/metrics.py).

Prometheus conventions: base units, `_total` counters, no unbounded labels (never a URL).
"""

from __future__ import annotations

from prometheus_client import Counter, Gauge

from shared.version import VERSION

BUILD_INFO = Gauge(
    "newsflow_build_info",
    "Always 1; labels say which service and version run.",
    ["service", "version"],
)
MESSAGES_PROCESSED = Counter(
    "newsflow_messages_processed",
    "Consumed messages by final outcome (each counted exactly once).",
    ["service", "outcome"],
)
DLQ_MESSAGES = Counter(
    "newsflow_dlq_messages",
    "Messages sent to the dead-letter topic, by service and reason.",
    ["service", "reason"],
)
CONSUMER_LAG = Gauge(
    "newsflow_consumer_lag_messages",
    "Messages behind the end of the consumed topic, summed over partitions.",
    ["service"],
)


def announce(service: str) -> None:
    BUILD_INFO.labels(service=service, version=VERSION).set(1)
