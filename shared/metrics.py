"""Metrics every service exposes (service-specific ones live in services/<name>/metrics.py).

Prometheus conventions: base units, `_total` counters, no unbounded labels (never a URL).
Every labelled counter and histogram is created at zero for the label values it is known to
take (`zero`), so its series exists from the first scrape and `rate()`/`increase()` see the
first event; `*_created` series are off (they double every counter and say nothing we use).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable

from prometheus_client import Counter, Gauge, Histogram, disable_created_metrics

from shared.version import VERSION

disable_created_metrics()  # type: ignore[no-untyped-call]  # prometheus_client leaves it untyped

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
# The outcomes of MESSAGES_PROCESSED (shared.consume counts them).
OUTCOMES = ("ok", "dead_lettered")


def zero(metric: Counter | Gauge | Histogram, **values: Iterable[str]) -> None:
    """Create `metric`'s series for every combination of the given label values, at zero."""
    names = list(values)
    for combination in itertools.product(*(tuple(v) for v in values.values())):
        metric.labels(**dict(zip(names, combination, strict=True)))


def announce(service: str) -> None:
    """`newsflow_build_info{service, version} 1`: which service and version this process runs."""
    BUILD_INFO.labels(service=service, version=VERSION).set(1)
