"""When to poll a feed next: pure arithmetic, no clocks or I/O (times are passed in)."""

from __future__ import annotations

import random
from dataclasses import dataclass

# New items: poll sooner by this factor; none: later. Halving on news and growing by half on
# silence converges in a few polls yet does not oscillate wildly on bursty feeds.
SPEED_UP = 0.5
SLOW_DOWN = 1.5
# First retry after a failure; doubles per consecutive failure up to MAX_BACKOFF_SECONDS.
BASE_BACKOFF_SECONDS = 60.0
MAX_BACKOFF_SECONDS = 6 * 3600.0
# Retry-After beyond a day is a misconfiguration or a hint to go away; a day is a long enough wait
# and keeps the feed alive.
MAX_RETRY_AFTER_SECONDS = 24 * 3600.0


@dataclass(frozen=True, slots=True)
class Bounds:
    """The operator's limits on the interval between polls of one feed."""

    minimum: float
    maximum: float

    def clamp(self, seconds: float) -> float:
        return min(self.maximum, max(self.minimum, seconds))


def next_interval(current: float, new_items: int, bounds: Bounds) -> float:
    """The adaptive interval after a successful poll."""
    factor = SPEED_UP if new_items > 0 else SLOW_DOWN
    return bounds.clamp(current * factor)


def backoff_delay(
    failures: int,
    *,
    rng: random.Random | None = None,
    base: float = BASE_BACKOFF_SECONDS,
    cap: float = MAX_BACKOFF_SECONDS,
) -> float:
    """Exponential backoff with "equal jitter" for the n-th consecutive failure (n >= 1).

    Half the delay is fixed so retries never come too early; the random half spreads the feeds
    of one failing host apart (AWS Architecture Blog, "Exponential Backoff and Jitter").
    """
    exponent = min(max(failures, 1) - 1, 32)  # 2**32 * base already exceeds any cap
    delay = min(cap, base * 2.0**exponent)
    jitter = (rng or random).random()
    return delay / 2 + jitter * delay / 2


def failure_delay(
    failures: int,
    *,
    status: int | None = None,
    retry_after: float | None = None,
    rng: random.Random | None = None,
) -> float:
    """Seconds until the next try after a failure: backoff, and never earlier than a
    Retry-After sent with 429 or 503."""
    delay = backoff_delay(failures, rng=rng)
    if retry_after is not None and status in (429, 503):
        delay = max(delay, min(retry_after, MAX_RETRY_AFTER_SECONDS))
    return delay


def disable_reason(
    *,
    status: int | None,
    failures: int,
    failing_since: float | None,
    now: float,
    max_failures: int,
    max_failing_seconds: float,
) -> str | None:
    """Why a feed should be disabled now, or None to keep polling.

    410 Gone is the publisher saying the feed will not return. Otherwise a feed is disabled only
    after many consecutive failures spread over a long time, so one bad night does not kill it.
    """
    if status == 410:
        return "gone"
    if (
        failures >= max_failures
        and failing_since is not None
        and now - failing_since >= max_failing_seconds
    ):
        return "failing"
    return None
