"""`newsflow up`: the bundled broker (unless Kafka is configured) and the three services.

Children are separate processes, as in production; the supervisor restarts one that dies
(with backoff), and on SIGTERM or Ctrl-C stops them all, each draining its batch in hand.
The parse is the one CPU-bound stage, so `NEWSFLOW_EXTRACTOR_PROCESSES` extractors (default:
cores - 1) share the articles topic's partitions in one consumer group; the topics get at least
that many partitions.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import socket
import sys
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from aiokafka import AIOKafkaConsumer
from rich.console import Console
from rich.text import Text

from services.cli.demo.site import DemoSite, load_demo_articles
from services.cli.output import duration, plural
from services.cli.output import print_events as show_events
from services.cli.settings import CliSettings
from services.cli.up_state import clear_up, record_up
from services.fetcher.settings import FEEDS_FILE_NAME
from services.indexer.settings import IndexerSettings
from shared import topics
from shared.bundled_broker import BundledBroker, free_port
from shared.kafka import admin_kwargs
from shared.models import EventMessage
from shared.settings import (
    NewsflowSettings,
    clear_bundled_broker,
    write_bundled_broker,
)

log = logging.getLogger(__name__)

# Default ops ports of fetcher and extractor (the indexer serves them on its API port).
OPS_PORTS = {"fetcher": 9101, "extractor": 9102}
# A child that dies is restarted after this many seconds, doubling up to the cap.
RESTART_BACKOFF_SECONDS = 1.0
RESTART_BACKOFF_CAP_SECONDS = 30.0
# Loading spaCy and connecting take a few seconds; a slow CI machine may need much longer.
READY_TIMEOUT_SECONDS = 120.0
# The demo feed is polled as often as the fetcher allows (its floor is 60 s), so new demo
# articles show up quickly; the first poll is immediate anyway.
DEMO_POLL_SECONDS = 60


def _port_free(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind((host, port))
        except OSError:
            return False
        return True


@dataclass
class Child:
    name: str  # as `up` names it: the service, numbered from the second extractor on
    env: dict[str, str]
    log_path: Path
    process: asyncio.subprocess.Process | None = None
    restarts: int = 0

    @property
    def service(self) -> str:
        """The `newsflow` subcommand this child runs."""
        return self.name.partition("-")[0]

    async def start(self) -> None:
        # Opening a log file is instant; the child inherits the descriptor and we close ours.
        log_file = open(self.log_path, "ab")  # noqa: ASYNC230, SIM115
        self.process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "services.cli.main",
            self.service,
            env=self.env,
            stdin=asyncio.subprocess.DEVNULL,
            stdout=log_file,
            stderr=log_file,
        )
        log_file.close()

    async def stop(self, timeout: float = 40.0) -> None:
        if self.process is None or self.process.returncode is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            await asyncio.wait_for(self.process.wait(), timeout)
        except TimeoutError:
            self.process.kill()
            await self.process.wait()


def child_names(extractors: int) -> list[str]:
    """The children `up` starts: one fetcher, `extractors` extractors, one indexer."""
    numbered = [f"extractor-{n}" for n in range(2, extractors + 1)]
    return ["fetcher", "extractor", *numbered, "indexer"]


@dataclass
class Supervisor:
    settings: CliSettings
    demo: bool
    console: Console
    children: list[Child] = field(default_factory=list)
    broker: BundledBroker | None = None
    site: DemoSite | None = None

    def say(self, text: str, style: str | None = None) -> None:
        """A status line, never broken by the console: the URLs and paths in it stay whole
        (the terminal may wrap it), and no markup or highlighting is read into it."""
        self.console.print(Text(text, style=style or ""), soft_wrap=True)

    async def run(self, stop: asyncio.Event) -> int:
        state = self.settings.state_dir
        state.mkdir(parents=True, exist_ok=True)
        env = dict(os.environ)
        env["NEWSFLOW_STATE_DIR"] = str(state.resolve())
        extractors = self.settings.extractor_processes
        if extractors > self.settings.kafka_partitions:
            # A consumer beyond the partition count would idle. Topics that already exist on a
            # configured Kafka keep their partitions: say so rather than idle silently.
            env["NEWSFLOW_KAFKA_PARTITIONS"] = str(extractors)
            if self.settings.kafka_bootstrap:
                self.say(
                    f"{extractors} extractor processes need {topics.ARTICLES} to have at least "
                    f"{extractors} partitions (new topics get them; existing ones keep theirs)",
                    "yellow",
                )
        if self.settings.kafka_bootstrap:
            bootstrap = self.settings.kafka_bootstrap
        else:
            self.broker = BundledBroker(log_path=state / "broker.log")
            await self.broker.start()
            bootstrap = self.broker.bootstrap
            assert self.broker.process is not None
            write_bundled_broker(state, bootstrap, self.broker.process.pid)
            env["NEWSFLOW_KAFKA_BOOTSTRAP"] = bootstrap
            env.setdefault("NEWSFLOW_KAFKA_IDEMPOTENCE", "false")
            self.say(f"bundled Kafka-compatible broker (memory only) at {bootstrap}")
        if self.demo:
            self.site = DemoSite(load_demo_articles()).start()
            feeds = state / "demo-feeds.toml"
            feeds.write_text(
                f'[[feeds]]\nname = "demo"\nurl = "{self.site.feed_url}"\n'
                f"interval = {DEMO_POLL_SECONDS}\n"
            )
            env["NEWSFLOW_FEEDS_FILE"] = str(feeds.resolve())
            env["NEWSFLOW_ALLOW_PRIVATE_ADDRESSES"] = "true"
            self.say(f"demo site serving {self.site.feed_url}")
        feeds_file = env.get("NEWSFLOW_FEEDS_FILE")
        record_up(state, Path(feeds_file) if feeds_file else state / FEEDS_FILE_NAME)

        indexer = IndexerSettings()
        logs = state / "logs"
        logs.mkdir(exist_ok=True)
        ops: dict[str, int] = {}
        for name in child_names(extractors):
            child = Child(name, dict(env), logs / f"{name}.log")
            if child.service in OPS_PORTS:
                wanted = OPS_PORTS[child.service] if name == child.service else 0
                port = wanted if wanted and _port_free(wanted) else free_port()
                child.env[f"NEWSFLOW_{child.service.upper()}_OPS_PORT"] = str(port)
                ops[name] = port
            self.children.append(child)
        for child in self.children:
            await child.start()
        api = f"http://{indexer.api_host}:{indexer.api_port}"
        processes = plural(extractors, "extractor process", "extractor processes")
        self.say(f"services starting ({processes}); logs in {logs}")
        if not await _wait_ready(f"{api}/readyz", stop):
            if not stop.is_set():
                self.say(
                    f"the services were not ready after {duration(READY_TIMEOUT_SECONDS)} "
                    f"(Kafka at {bootstrap}, API at {api}); see the logs in {logs}",
                    "red",
                )
            return 1
        self.say(f"search API listening at {api}/v1/search", "bold")
        self.say(f"API docs: {api}/docs and {api}/redoc")
        for name, port in ops.items():
            self.say(f"{name}: http://127.0.0.1:{port}/metrics, /healthz, /readyz")
        self.say(f"indexer: {api}/metrics, /healthz, /readyz")
        tasks = [asyncio.create_task(self._watch(child, stop)) for child in self.children]
        if self.demo:
            tasks.append(asyncio.create_task(print_events(self.settings, self.console, stop)))
        await stop.wait()
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        return 0

    async def _watch(self, child: Child, stop: asyncio.Event) -> None:
        """Restart a child that exits while we are not stopping."""
        backoff = RESTART_BACKOFF_SECONDS
        while not stop.is_set():
            assert child.process is not None
            code = await child.process.wait()
            if stop.is_set():
                return
            child.restarts += 1
            self.say(
                f"{child.name} exited with status {code}; restarting in "
                f"{duration(backoff)} (see {child.log_path})",
                "red",
            )
            await asyncio.sleep(backoff)
            backoff = min(backoff * 2, RESTART_BACKOFF_CAP_SECONDS)
            await child.start()

    async def shutdown(self) -> None:
        await asyncio.gather(*(child.stop() for child in self.children))
        clear_up(self.settings.state_dir)
        if self.site:
            self.site.stop()
        if self.broker:
            self.broker.stop()
            clear_bundled_broker(self.settings.state_dir)


async def _wait_ready(url: str, stop: asyncio.Event) -> bool:
    deadline = asyncio.get_running_loop().time() + READY_TIMEOUT_SECONDS
    async with httpx.AsyncClient(timeout=2.0) as client:
        while not stop.is_set() and asyncio.get_running_loop().time() < deadline:
            with contextlib.suppress(httpx.HTTPError):
                if (await client.get(url)).status_code == 200:
                    return True
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), 0.5)
    return False


def event_rows(messages: list[EventMessage]) -> list[dict[str, object]]:
    """Event messages as the event dicts `output.print_events` shows, with their titles."""
    return [{**m.event.model_dump(mode="json"), "title": m.title} for m in messages]


async def print_events(settings: NewsflowSettings, console: Console, stop: asyncio.Event) -> None:
    """Follow news.events.v2 from the beginning and print each batch of events as a table."""
    consumer = AIOKafkaConsumer(
        topics.EVENTS,
        auto_offset_reset="earliest",
        enable_auto_commit=False,
        **admin_kwargs(settings),
    )
    await consumer.start()
    try:
        while not stop.is_set():
            batches = await consumer.getmany(timeout_ms=1000)
            messages = []
            for records in batches.values():
                for record in records:
                    try:
                        messages.append(EventMessage.model_validate_json(record.value or b""))
                    except ValueError:
                        continue  # the DLQ is the extractor's business; this is only a view
            if messages:
                show_events(console, plural(len(messages), "event"), event_rows(messages))
    finally:
        await consumer.stop()


async def run_up(settings: CliSettings, demo: bool) -> int:
    console = Console()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    supervisor = Supervisor(settings, demo, console)
    started = loop.time()
    try:
        return await supervisor.run(stop)
    finally:
        console.print("stopping services…")
        await supervisor.shutdown()
        console.print(f"stopped (ran {duration(loop.time() - started)})")
