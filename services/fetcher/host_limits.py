"""Politeness per host: at most N requests in flight and at most R request starts per second."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

# Hosts tracked before idle ones are forgotten; item links span many hosts over a long run.
MAX_TRACKED_HOSTS = 10_000


class HostLimiter:
    """Per-host semaphore plus a start-time spacing of 1/rate seconds."""

    def __init__(
        self,
        concurrency: int,
        rate: float,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self._concurrency = concurrency
        self._spacing = 1.0 / rate
        self._clock = clock
        self._sleep = sleep
        self._slots: dict[str, asyncio.Semaphore] = {}
        self._next_start: dict[str, float] = {}

    @asynccontextmanager
    async def slot(self, host: str) -> AsyncIterator[None]:
        """Hold one of the host's slots, starting no sooner than its rate allows."""
        host = host.lower()
        if len(self._slots) > MAX_TRACKED_HOSTS:
            self._forget_idle()
        semaphore = self._slots.setdefault(host, asyncio.Semaphore(self._concurrency))
        async with semaphore:
            now = self._clock()
            start = max(now, self._next_start.get(host, now))
            self._next_start[host] = start + self._spacing
            if start > now:
                await self._sleep(start - now)
            yield

    def _forget_idle(self) -> None:
        now = self._clock()
        for host in list(self._slots):
            idle = not self._slots[host].locked() and self._next_start.get(host, 0) <= now
            if idle:
                del self._slots[host]
                self._next_start.pop(host, None)
