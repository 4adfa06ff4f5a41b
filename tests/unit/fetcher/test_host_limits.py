"""Per-host concurrency and rate, with a fake clock (no real sleeping)."""

from __future__ import annotations

import asyncio

from services.fetcher.host_limits import HostLimiter


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


async def test_rate_spaces_request_starts_per_host() -> None:
    clock = FakeClock()
    limiter = HostLimiter(concurrency=4, rate=2.0, clock=clock, sleep=clock.sleep)
    starts: list[tuple[str, float]] = []
    for host in ["a.com", "a.com", "b.com", "a.com"]:
        async with limiter.slot(host):
            starts.append((host, clock.now))
    assert starts == [("a.com", 0.0), ("a.com", 0.5), ("b.com", 0.5), ("a.com", 1.0)]


async def test_concurrency_is_bounded_per_host() -> None:
    limiter = HostLimiter(concurrency=2, rate=1000.0)
    inside = 0
    peak = 0

    async def work() -> None:
        nonlocal inside, peak
        async with limiter.slot("a.com"):
            inside += 1
            peak = max(peak, inside)
            await asyncio.sleep(0.01)
            inside -= 1

    await asyncio.gather(*(work() for _ in range(6)))
    assert peak == 2
