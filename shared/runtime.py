"""Running a service process: broker, HTTP endpoints, background loops, clean shutdown.

Every service is the same shape: start its dependencies (waiting for Kafka while it is away),
serve `/metrics`, `/healthz` and `/readyz` (the indexer adds its API to the same server), run,
and on SIGTERM or SIGINT drain the batch in hand, commit and stop.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Awaitable, Callable, Coroutine, Generator, Iterable
from dataclasses import dataclass, field
from typing import Any

import uvicorn
from fastapi import FastAPI, Response
from faststream.kafka import KafkaBroker
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, generate_latest

from shared.consume import PING_TIMEOUT_SECONDS, BatchProcessor
from shared.kafka import ensure_topics
from shared.metrics import announce
from shared.settings import NewsflowSettings

log = logging.getLogger(__name__)

# While the broker is away at start, try again this often; operators see one log line per try.
CONNECT_RETRY_SECONDS = 2.0


class StoppedWhileStarting(SystemExit):
    """SIGTERM/SIGINT came while the service was still starting (loading a model, say)."""


def stop_cleanly_while_starting() -> None:
    """Until `Service.run` takes the signals over, SIGTERM or SIGINT ends the process with 0.

    Start-up can take seconds (the extractor loads its spaCy model); an orchestrator that stops
    the service then should see a clean exit, not death by signal (143) or a traceback.
    """

    def stop(signum: int, _frame: object) -> None:
        log.info("stopped while starting", extra={"signal": signal.Signals(signum).name})
        raise StoppedWhileStarting(0)

    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, stop)


class _QuietServer(uvicorn.Server):
    """uvicorn without its own signal handling: the service owns SIGTERM/SIGINT."""

    @contextlib.contextmanager
    def capture_signals(self) -> Generator[None, None, None]:
        yield


def add_ops_routes(
    app: FastAPI,
    ready: Callable[[], Awaitable[bool]],
    registry: CollectorRegistry = REGISTRY,
    *,
    health: bool = True,
) -> FastAPI:
    """`/metrics` (Prometheus), `/healthz` (alive) and `/readyz` (connected and consuming).

    `health=False` for an app that serves its own health routes (the indexer's API).
    """

    # HEAD too: uptime checks and some scrapers ask whether the page is there before reading it.
    @app.api_route("/metrics", methods=["GET", "HEAD"], include_in_schema=False)
    async def metrics() -> Response:
        return Response(generate_latest(registry), media_type=CONTENT_TYPE_LATEST)

    if not health:
        return app

    @app.get("/healthz", include_in_schema=False)
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/readyz", include_in_schema=False)
    async def readyz(response: Response) -> dict[str, str]:
        try:
            ok = await ready()
        except Exception:
            log.exception("readiness check failed")
            ok = False
        response.status_code = 200 if ok else 503
        return {"status": "ready" if ok else "not ready"}

    return app


@dataclass
class Service:
    """One Newsflow service process."""

    name: str
    settings: NewsflowSettings
    broker: KafkaBroker
    app: FastAPI
    host: str
    port: int
    startup: list[Callable[[], Awaitable[None]]] = field(default_factory=list)
    shutdown: list[Callable[[], Awaitable[None]]] = field(default_factory=list)
    loops: list[Callable[[asyncio.Event], Coroutine[Any, Any, None]]] = field(default_factory=list)
    # Its batch consumers: while one holds its batch for a dependency, the service is unready.
    consumers: list[BatchProcessor[Any]] = field(default_factory=list)
    started: bool = False

    def __post_init__(self) -> None:
        announce(self.name)

    async def ready(self) -> bool:
        if not self.started or any(consumer.blocked for consumer in self.consumers):
            return False
        return await self.broker.ping(timeout=PING_TIMEOUT_SECONDS)

    async def _connect(self, stop: asyncio.Event) -> bool:
        """Create topics and start the broker, retrying while Kafka is away. False if stopped."""
        while not stop.is_set():
            try:
                await ensure_topics(self.settings)
                await self.broker.start()
                return True
            except Exception as exc:
                log.warning(
                    "Kafka not reachable yet; retrying",
                    extra={"error": repr(exc), "retry_in_s": CONNECT_RETRY_SECONDS},
                )
                with contextlib.suppress(Exception):
                    await self.broker.stop()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), CONNECT_RETRY_SECONDS)
        return False

    async def run(self, stop: asyncio.Event | None = None, *, handle_signals: bool = True) -> None:
        """Run until SIGTERM/SIGINT (or `stop`, for tests that run a service in-process)."""
        stop = stop or asyncio.Event()
        if handle_signals:
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGTERM, signal.SIGINT):
                loop.add_signal_handler(sig, stop.set)

        server = _QuietServer(
            uvicorn.Config(
                self.app, host=self.host, port=self.port, log_level="warning", lifespan="off"
            )
        )
        server_task = asyncio.create_task(server.serve(), name=f"{self.name}-http")
        tasks: list[asyncio.Task[Any]] = []
        try:
            for hook in self.startup:
                await hook()
            if await self._connect(stop):
                self.started = True
                log.info("service started", extra={"service": self.name, "port": self.port})
                tasks = [asyncio.create_task(loop_fn(stop)) for loop_fn in self.loops]
                await _wait_any(stop, server_task, tasks)
        finally:
            stop.set()
            log.info("service stopping", extra={"service": self.name})
            for consumer in self.consumers:
                consumer.stop()
            await _finish(tasks)
            # FastStream waits (graceful_timeout) for handlers in flight, which commit on success.
            with contextlib.suppress(Exception):
                await self.broker.stop()
            for consumer in self.consumers:
                with contextlib.suppress(Exception):
                    await consumer.close()
            for hook in self.shutdown:
                try:
                    await hook()
                except Exception:
                    log.exception("shutdown hook failed")
            server.should_exit = True
            await _finish([server_task])
            log.info("service stopped", extra={"service": self.name})


async def _wait_any(
    stop: asyncio.Event, server_task: asyncio.Task[Any], tasks: Iterable[asyncio.Task[Any]]
) -> None:
    """Until stop is set, or the HTTP server or a loop ends (which is a failure: re-raise)."""
    stopper = asyncio.create_task(stop.wait())
    watched = {stopper, server_task, *tasks}
    done, _ = await asyncio.wait(watched, return_when=asyncio.FIRST_COMPLETED)
    stopper.cancel()
    for task in done:
        if task is not stopper and not task.cancelled() and task.exception() is not None:
            raise task.exception()  # type: ignore[misc]
    if server_task in done and not stop.is_set():
        raise RuntimeError("the HTTP server stopped (is the port in use?)")


async def _finish(tasks: Iterable[asyncio.Task[Any]], timeout: float = 30.0) -> None:
    """Let loops see the stop event and end; cancel what does not end in time."""
    pending = [t for t in tasks if not t.done()]
    if not pending:
        return
    _, still = await asyncio.wait(pending, timeout=timeout)
    for task in still:
        task.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
