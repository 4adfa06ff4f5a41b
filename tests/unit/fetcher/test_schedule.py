"""Scheduling arithmetic: adaptive interval, backoff with jitter, Retry-After, disabling."""

from __future__ import annotations

import random

from services.fetcher.schedule import (
    MAX_RETRY_AFTER_SECONDS,
    Bounds,
    backoff_delay,
    disable_reason,
    failure_delay,
    next_interval,
)

BOUNDS = Bounds(minimum=300, maximum=21600)


def test_interval_shrinks_with_news_and_grows_without() -> None:
    assert next_interval(900, new_items=4, bounds=BOUNDS) == 450
    assert next_interval(900, new_items=0, bounds=BOUNDS) == 1350


def test_interval_stays_within_bounds() -> None:
    assert next_interval(400, new_items=1, bounds=BOUNDS) == 300
    assert next_interval(20000, new_items=0, bounds=BOUNDS) == 21600


def test_backoff_doubles_and_jitters_within_half() -> None:
    rng = random.Random(7)
    for failures, full in ((1, 60), (2, 120), (3, 240), (6, 1920)):
        delays = [backoff_delay(failures, rng=rng) for _ in range(200)]
        assert min(delays) >= full / 2
        assert max(delays) <= full
        assert len(set(delays)) > 100  # jittered, not constant


def test_backoff_is_capped_even_after_many_failures() -> None:
    assert backoff_delay(10_000, rng=random.Random(1), cap=3600) <= 3600


def test_retry_after_honoured_for_429_and_503_only() -> None:
    rng = random.Random(3)
    assert failure_delay(1, status=429, retry_after=7200, rng=rng) == 7200
    assert failure_delay(1, status=503, retry_after=7200, rng=rng) == 7200
    assert failure_delay(1, status=500, retry_after=7200, rng=rng) <= 60


def test_retry_after_is_capped() -> None:
    delay = failure_delay(1, status=429, retry_after=10**9, rng=random.Random(0))
    assert delay == MAX_RETRY_AFTER_SECONDS


def test_disable_on_gone_and_after_long_failure_only() -> None:
    week = 7 * 86400.0

    def reason(status: int | None, failures: int, now: float) -> str | None:
        return disable_reason(
            status=status,
            failures=failures,
            failing_since=0.0,
            now=now,
            max_failures=10,
            max_failing_seconds=week,
        )

    assert reason(410, 1, 0) == "gone"
    assert reason(500, 50, 3600) is None  # many failures in a short time: keep trying
    assert reason(None, 3, 30 * 86400) is None  # a long time but few failures: keep trying
    assert reason(None, 10, 8 * 86400) == "failing"
