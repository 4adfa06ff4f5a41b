"""The extractor's memory over a long run of varied articles, and `extract --jsonl`'s (issue 12).

Two measurements, each of whole processes:

- **service:** the extractor service (`newsflow extractor`) on the bundled broker reads N
  articles whose names are invented words (every article brings words no vocabulary holds, as a
  live feed does). Its resident memory (VmRSS) and spaCy string count (`/metrics`) are read when
  it has committed the first SMALL articles and again after all N. Target: RSS(N) <= 1.15 x
  RSS(SMALL).
- **cli:** `newsflow extract --jsonl FILE --json` on files of CLI_SMALL and CLI_LARGE such
  texts; the peak RSS of each process (`ru_maxrss`). Target: the same 1.15 bound.

`python -m bench.extractor_memory [--articles N]`; N defaults to 20,000.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from bench._common import publish_at_once
from shared import topics
from shared.bundled_broker import BundledBroker, free_port
from shared.identity import article_id, content_hash
from shared.lag import group_lag
from shared.models import Article
from shared.settings import NewsflowSettings

REPO = Path(__file__).resolve().parents[1]
# The figures: RSS after 20,000 articles within 15% of RSS after 2,000.
DEFAULT_ARTICLES = 20_000
SMALL = 2_000
MAX_GROWTH = 1.15
# The issue measured `extract --jsonl` at 400 and 3,200 texts (639 MB and 1,542 MB before).
CLI_SMALL = 400
CLI_LARGE = 3_200
# Progress is read this often; a sample lands within one poll of the count it is taken at.
POLL_SECONDS = 1.0
GROUP = "newsflow-extractor"
# Syllables of invented names: 24 of them, 2-4 per word, make some 350,000 words.
SYLLABLES = (
    "ka", "zu", "mir", "tol", "ven", "qua", "rix", "bo", "lem", "sha", "dru", "vok",
    "an", "el", "ist", "or", "ba", "ne", "go", "tha", "ri", "su", "pel", "dan",
)  # fmt: skip
TEMPLATES = (
    "President {A} {B} of {P} met Prime Minister {C} {D} in {Q} on {day} to discuss the "
    "{x} trade agreement, the foreign ministry said in a statement.",
    "Police in {Q} arrested {n} protesters on {day} after clashes near the {x} plant run by "
    "{A} Holdings, officials said.",
    "{A} {B}, a spokesman for the {P} Liberation Front, accused the government of {C} {D} of "
    "shelling villages around {Q} last week.",
    "The {x} party of {C} {D} won the election in {P}, and its leader promised to visit {Q} "
    "next month to meet {A} {B}.",
    "Troops from {P} crossed into {Q} on {day}, and {A} {B} condemned the attack at the "
    "United Nations in New York.",
)
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def varied_texts(count: int, seed: int = 20261206) -> list[str]:
    """`count` texts of 3-6 sentences, each naming people, places and things never seen before."""
    rng = random.Random(seed)

    def word() -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()

    texts = []
    for _ in range(count):
        sentences = [
            rng.choice(TEMPLATES).format(
                A=word(),
                B=word(),
                C=word(),
                D=word(),
                P=word(),
                Q=word(),
                x=word().lower(),
                n=rng.randint(2, 90),
                day=rng.choice(DAYS),
            )
            for _ in range(rng.randint(3, 6))
        ]
        texts.append(" ".join(sentences))
    return texts


def articles(texts: list[str]) -> list[Article]:
    published = dt.datetime(2026, 12, 5, tzinfo=dt.UTC)
    made = []
    for n, text in enumerate(texts):
        url = f"https://bench.example.com/{n}"
        made.append(
            Article(
                id=article_id(url),
                url=url,
                source="bench.example.com",
                text=text,
                published_at=published,
                published_at_source="feed",
                fetched_at=published,
                content_hash=content_hash(text),
            )
        )
    return made


def rss_mb(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    match = re.search(r"VmRSS:\s+(\d+) kB", status)
    return int(match.group(1)) / 1024 if match else float("nan")


def strings_count(ops_port: int) -> float:
    """The extractor's `newsflow_spacy_strings` gauge."""
    with urllib.request.urlopen(f"http://127.0.0.1:{ops_port}/metrics", timeout=10) as r:
        body = r.read().decode()
    match = re.search(r"^newsflow_spacy_strings (\S+)$", body, re.M)
    return float(match.group(1)) if match else float("nan")


@dataclass
class Sample:
    done: int
    rss_mb: float
    strings: float
    seconds: float


async def service_run(count: int, tmp: Path) -> list[Sample]:
    """Samples at SMALL (or the first poll past it) and at `count` articles committed."""
    async with BundledBroker(log_path=tmp / "broker.log") as broker:
        env = {
            **os.environ,
            "NEWSFLOW_KAFKA_BOOTSTRAP": broker.bootstrap,
            "NEWSFLOW_KAFKA_IDEMPOTENCE": "false",
            "NEWSFLOW_STATE_DIR": str(tmp / "state"),
            "NEWSFLOW_OPS_PORT": str(free_port()),
            "NEWSFLOW_LOG_LEVEL": "WARNING",
        }
        settings = NewsflowSettings(kafka_bootstrap=broker.bootstrap, state_dir=tmp / "state")
        await publish_at_once(broker.bootstrap, articles(varied_texts(count)), linger_ms=20)
        with (tmp / "extractor.log").open("w") as log:
            proc = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "services.cli.main",
                "extractor",
                env=env,
                cwd=REPO,
                stdout=log,
                stderr=log,
            )
        started = time.monotonic()
        samples: list[Sample] = []
        try:
            wanted = [SMALL, count] if count > SMALL else [count]
            while wanted:
                if proc.returncode is not None:
                    raise RuntimeError(
                        f"the extractor exited: {(tmp / 'extractor.log').read_text()}"
                    )
                try:
                    done = count - await group_lag(settings, GROUP, topics.ARTICLES)
                except Exception:  # the group is not there yet while the model loads
                    done = 0
                if done >= wanted[0]:
                    samples.append(
                        Sample(
                            done,
                            rss_mb(proc.pid),
                            strings_count(int(env["NEWSFLOW_OPS_PORT"])),
                            time.monotonic() - started,
                        )
                    )
                    print(
                        f"  service: {done} articles, RSS {samples[-1].rss_mb:.1f} MB, "
                        f"{samples[-1].strings:.0f} strings, {samples[-1].seconds:.0f} s",
                        flush=True,
                    )
                    wanted.pop(0)
                    continue
                await asyncio.sleep(POLL_SECONDS)
        finally:
            proc.terminate()
            await asyncio.wait_for(proc.wait(), 60)
        return samples


def cli_peak_rss(count: int, tmp: Path) -> float:
    """Peak RSS in MB of `newsflow extract --jsonl` over `count` varied texts."""
    path = tmp / f"in-{count}.jsonl"
    with path.open("w") as out:
        for text in varied_texts(count, seed=count):
            out.write(json.dumps({"text": text, "published_at": "2026-12-05"}) + "\n")
    with (tmp / f"out-{count}.jsonl").open("w") as sink:
        proc = subprocess.Popen(
            [sys.executable, "-m", "services.cli.main", "extract", "--jsonl", str(path), "--json"],
            cwd=REPO,
            stdout=sink,
            stderr=subprocess.DEVNULL,
        )
        _, status, usage = os.wait4(proc.pid, 0)
    if status != 0:
        raise RuntimeError(f"extract --jsonl exited with {status}")
    lines = sum(1 for _ in (tmp / f"out-{count}.jsonl").open())
    if lines != count:
        raise RuntimeError(f"extract --jsonl wrote {lines} lines for {count} texts")
    return usage.ru_maxrss / 1024  # kB on Linux


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=DEFAULT_ARTICLES)
    parser.add_argument("--skip-cli", action="store_true")
    args = parser.parse_args()
    ok = True
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        samples = asyncio.run(service_run(args.articles, tmp))
        print("| extractor service | articles committed | RSS MB | spaCy strings | s |")
        print("| --- | --- | --- | --- | --- |")
        for s in samples:
            print(f"| | {s.done:,} | {s.rss_mb:.1f} | {s.strings:,.0f} | {s.seconds:.0f} |")
        if len(samples) == 2:
            growth = samples[1].rss_mb / samples[0].rss_mb
            print(f"RSS growth {samples[0].done:,} -> {samples[1].done:,}: x{growth:.3f}")
            ok = growth <= MAX_GROWTH
        if not args.skip_cli:
            small, large = cli_peak_rss(CLI_SMALL, tmp), cli_peak_rss(CLI_LARGE, tmp)
            print("| extract --jsonl | texts | peak RSS MB |")
            print("| --- | --- | --- |")
            print(f"| | {CLI_SMALL:,} | {small:.1f} |")
            print(f"| | {CLI_LARGE:,} | {large:.1f} |")
            print(f"peak RSS growth: x{large / small:.3f}")
            ok = ok and large / small <= MAX_GROWTH
    print(f"extractor_memory: {'met' if ok else 'MISSED'} (target: growth <= x{MAX_GROWTH})")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
