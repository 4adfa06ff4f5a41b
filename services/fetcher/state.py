"""The fetcher's durable memory in SQLite: seen items, validators, schedules, redirects, and
the near-duplicate index (near_duplicates.py) with the URLs found to duplicate a published one.

WAL mode lets `newsflow feeds list` read while the service writes. An item becomes "seen" only
through `mark_published`, which the caller invokes after the broker acknowledged the publish, so
a crash between fetch and acknowledgement refetches the item instead of losing it.
"""

from __future__ import annotations

import asyncio
import functools
import sqlite3
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, Literal, ParamSpec, TypeVar

from shared.identity import article_id as id_of_url
from shared.models import Article

from .near_duplicates import Fingerprint, same_story, stored_band_keys

# Writers wait this long for a lock held by another process (the CLI) instead of failing.
BUSY_TIMEOUT_MS = 5000
# The near-duplicate index forgets articles first seen longer ago than this: wire copies appear
# on other sites within hours, three days covers a weekend's lag, and beyond that a republished
# story is rare enough to publish again. It also bounds the index (32 band rows per article).
NEAR_INDEX_MAX_AGE_SECONDS = 3 * 24 * 3600.0
# ...and keeps at most this many articles whatever their age (~1,000 busy feeds for 3 days):
# about 100 MB of SQLite at most, and candidate look-ups stay index range scans.
NEAR_INDEX_MAX_ENTRIES = 100_000
# Pruning runs on open and after this many insertions: often enough to stay near the bounds,
# rarely enough that its DELETEs cost nothing per article.
PRUNE_EVERY = 500

DuplicateReason = Literal["url", "content", "near"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS seen (
    article_id   TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL,
    url          TEXT NOT NULL,
    first_seen   REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS seen_by_hash ON seen (content_hash);
CREATE TABLE IF NOT EXISTS seen_alias (
    alias_id   TEXT PRIMARY KEY,  -- article id of another URL that led to the same article
    url        TEXT NOT NULL,
    article_id TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS seen_alias_by_article ON seen_alias (article_id);
CREATE TABLE IF NOT EXISTS near_sig (
    doc        INTEGER PRIMARY KEY,  -- small integer key keeps the band rows small
    article_id TEXT NOT NULL UNIQUE,
    signature  BLOB NOT NULL,        -- MinHash, near_duplicates.NUM_PERM uint32
    size       INTEGER NOT NULL,     -- distinct shingles, for the containment estimate
    first_seen REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS near_sig_by_age ON near_sig (first_seen);
CREATE TABLE IF NOT EXISTS near_band (
    band_key INTEGER NOT NULL,
    doc      INTEGER NOT NULL,
    PRIMARY KEY (band_key, doc)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS feeds (
    url             TEXT PRIMARY KEY,
    etag            TEXT,
    last_modified   TEXT,
    next_poll_at    REAL NOT NULL DEFAULT 0,
    interval        REAL NOT NULL,
    failures        INTEGER NOT NULL DEFAULT 0,
    failing_since   REAL,
    last_success_at REAL,
    last_error      TEXT,
    last_error_at   REAL,
    items_total     INTEGER NOT NULL DEFAULT 0,
    disabled        INTEGER NOT NULL DEFAULT 0,
    disabled_reason TEXT,
    redirect_to     TEXT
);
"""


@dataclass(frozen=True, slots=True)
class Duplicate:
    """Why an article is not published again: which published article it repeats and how.

    reason: `url` (its URL or an alias was published), `content` (identical normalised text),
    `near` (near_duplicates.same_story); similarity is the estimated Jaccard (1.0 unless near).
    """

    reason: DuplicateReason
    article_id: str
    similarity: float = 1.0


@dataclass(frozen=True, slots=True)
class Alias:
    """Another URL recorded for a published article, and why."""

    url: str
    reason: str  # `url` (item link, redirect), `content` or `near`
    similarity: float | None


@dataclass(frozen=True, slots=True)
class Validators:
    """Conditional GET validators the server gave for a feed."""

    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True, slots=True)
class FeedSchedule:
    """A feed's polling state. Times are Unix seconds."""

    url: str
    interval: float
    next_poll_at: float = 0.0
    failures: int = 0
    failing_since: float | None = None
    last_success_at: float | None = None
    last_error: str | None = None
    last_error_at: float | None = None
    items_total: int = 0
    disabled: bool = False
    disabled_reason: str | None = None
    redirect_to: str | None = None


# seen_alias columns added after the first release: (name, type and default).
_ALIAS_COLUMNS = (
    ("reason", "TEXT NOT NULL DEFAULT 'url'"),
    ("similarity", "REAL"),
    ("recorded_at", "REAL NOT NULL DEFAULT 0"),
)

_SCHEDULE_COLUMNS = (
    "url, interval, next_poll_at, failures, failing_since, last_success_at, last_error, "
    "last_error_at, items_total, disabled, disabled_reason, redirect_to"
)


# The one thread every state call of the event loop runs on (`off_loop`): SQLite waits on its
# disk and up to BUSY_TIMEOUT_MS on a lock, which must never hold the loop that serves every
# feed, and one thread keeps each connection's calls in order, one at a time.
_STATE_THREAD = ThreadPoolExecutor(max_workers=1, thread_name_prefix="fetcher-state")

T = TypeVar("T")
P = ParamSpec("P")


async def off_loop(call: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """Run a `FetcherState` call on the state thread and await it."""
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(_STATE_THREAD, functools.partial(call, *args, **kwargs))


class FetcherState:
    """SQLite-backed state; one instance per process. Async code calls it through `off_loop`,
    so its calls run on one thread, one at a time; sync code (tests, the CLI) calls it directly.
    """

    def __init__(self, path: Path, *, clock: Callable[[], float] = time.time) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._clock = clock
        self._inserted_since_prune = 0
        # Opened here, used on the state thread: never by two threads at once (`off_loop`).
        self._db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self._db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        self._db.execute("PRAGMA journal_mode = WAL")
        # NORMAL is durable across application crashes in WAL mode; only a power loss can drop
        # the last transactions, which then are refetched (at-least-once).
        self._db.execute("PRAGMA synchronous = NORMAL")
        self._db.executescript(_SCHEMA)
        self._migrate()
        self.prune_near_index()

    def _migrate(self) -> None:
        """Columns added after the first release, added in place to an older database."""
        have = {row[1] for row in self._db.execute("PRAGMA table_info(seen_alias)")}
        for column, ddl in _ALIAS_COLUMNS:
            if column not in have:
                self._db.execute(f"ALTER TABLE seen_alias ADD COLUMN {column} {ddl}")

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> FetcherState:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # Seen items -------------------------------------------------------------------------

    def is_seen(self, article_id: str, content_hash: str | None = None) -> bool:
        """True when this article (by id, or by a URL that led to it) or this exact normalised
        text was already published."""
        row = self._db.execute(
            "SELECT 1 FROM seen WHERE article_id = ? "
            "UNION ALL SELECT 1 FROM seen_alias WHERE alias_id = ? LIMIT 1",
            (article_id, article_id),
        ).fetchone()
        if row is not None:
            return True
        if content_hash is None:
            return False
        row = self._db.execute(
            "SELECT 1 FROM seen WHERE content_hash = ? LIMIT 1", (content_hash,)
        ).fetchone()
        return row is not None

    def is_url_seen(self, url: str) -> bool:
        """Shortcut before fetching a page: the item link's article id was seen."""
        return self.is_seen(id_of_url(url))

    def mark_published(
        self,
        article: Article,
        *,
        aliases: Iterable[str] = (),
        fingerprint: Fingerprint | None = None,
    ) -> None:
        """Record a published article; `aliases` are other URLs (item link, pre-redirect URL)
        that led to it, so they are recognised before their page is fetched again; with a
        `fingerprint` its text joins the near-duplicate index."""
        now = self._clock()
        with self._db:
            self._db.execute("BEGIN")
            self._db.execute(
                "INSERT OR IGNORE INTO seen (article_id, content_hash, url, first_seen) "
                "VALUES (?, ?, ?, ?)",
                (article.id, article.content_hash, article.url, now),
            )
            self._insert_aliases(article.id, aliases, reason="url", similarity=None, now=now)
            if fingerprint is not None:
                self._index(article.id, fingerprint, now)
        if fingerprint is not None:
            self._inserted_since_prune += 1
            if self._inserted_since_prune >= PRUNE_EVERY:
                self.prune_near_index()

    def find_duplicate(self, article: Article, fingerprint: Fingerprint | None) -> Duplicate | None:
        """The published article that `article` repeats: by URL (or alias), by exact content
        hash, else (with a fingerprint) by near-duplicate text; None when it is new."""
        row = self._db.execute(
            "SELECT article_id FROM seen WHERE article_id = ? "
            "UNION ALL SELECT article_id FROM seen_alias WHERE alias_id = ? LIMIT 1",
            (article.id, article.id),
        ).fetchone()
        if row is not None:
            return Duplicate("url", str(row[0]))
        row = self._db.execute(
            "SELECT article_id FROM seen WHERE content_hash = ? LIMIT 1", (article.content_hash,)
        ).fetchone()
        if row is not None:
            return Duplicate("content", str(row[0]))
        if fingerprint is None:
            return None
        return self._near_duplicate(fingerprint)

    def record_duplicate(self, duplicate: Duplicate, urls: Iterable[str]) -> None:
        """Record `urls` (the duplicate's item link and final URL) as aliases of the article it
        repeats: they are skipped before any fetch from now on, and listed by `aliases`."""
        similarity = duplicate.similarity if duplicate.reason == "near" else None
        with self._db:
            self._db.execute("BEGIN")
            self._insert_aliases(
                duplicate.article_id,
                urls,
                reason=duplicate.reason,
                similarity=similarity,
                now=self._clock(),
            )

    def aliases(self, article_id: str) -> list[Alias]:
        """The other URLs recorded for a published article, in the order they were found."""
        rows = self._db.execute(
            "SELECT url, reason, similarity FROM seen_alias WHERE article_id = ? "
            "ORDER BY recorded_at, url",
            (article_id,),
        ).fetchall()
        return [Alias(str(url), str(reason), _opt_float(sim)) for url, reason, sim in rows]

    def near_index_size(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM near_sig").fetchone()[0])

    def prune_near_index(self) -> int:
        """Forget index entries beyond NEAR_INDEX_MAX_AGE_SECONDS or NEAR_INDEX_MAX_ENTRIES
        (oldest first); the seen table keeps them for exact deduplication. Returns how many."""
        self._inserted_since_prune = 0
        cutoff = self._clock() - NEAR_INDEX_MAX_AGE_SECONDS
        rows = self._db.execute(
            "SELECT doc, signature FROM near_sig WHERE first_seen < ? "
            "UNION SELECT doc, signature FROM near_sig WHERE doc NOT IN "
            "(SELECT doc FROM near_sig ORDER BY first_seen DESC, doc DESC LIMIT ?)",
            (cutoff, NEAR_INDEX_MAX_ENTRIES),
        ).fetchall()
        if not rows:
            return 0
        with self._db:
            self._db.execute("BEGIN")
            for doc, signature in rows:
                keys = stored_band_keys(bytes(signature))
                self._db.executemany(
                    "DELETE FROM near_band WHERE band_key = ? AND doc = ?",
                    [(key, doc) for key in keys],
                )
                self._db.execute("DELETE FROM near_sig WHERE doc = ?", (doc,))
        return len(rows)

    def _index(self, article_id: str, fingerprint: Fingerprint, now: float) -> None:
        cursor = self._db.execute(
            "INSERT OR IGNORE INTO near_sig (article_id, signature, size, first_seen) "
            "VALUES (?, ?, ?, ?)",
            (article_id, fingerprint.signature, fingerprint.size, now),
        )
        if cursor.rowcount != 1:
            return  # already indexed
        doc = cursor.lastrowid
        self._db.executemany(
            "INSERT OR IGNORE INTO near_band (band_key, doc) VALUES (?, ?)",
            [(key, doc) for key in fingerprint.band_keys],
        )

    def _near_duplicate(self, fingerprint: Fingerprint) -> Duplicate | None:
        marks = ", ".join("?" * len(fingerprint.band_keys))
        rows = self._db.execute(
            "SELECT article_id, signature, size FROM near_sig WHERE doc IN "
            f"(SELECT doc FROM near_band WHERE band_key IN ({marks})) "
            "ORDER BY first_seen, doc",
            fingerprint.band_keys,
        ).fetchall()
        best: Duplicate | None = None
        for article_id, signature, size in rows:
            candidate = Fingerprint(bytes(signature), int(size), ())
            score = same_story(fingerprint, candidate)
            if score is not None and (best is None or score > best.similarity):
                best = Duplicate("near", str(article_id), score)
        return best

    def _insert_aliases(
        self,
        article_id: str,
        urls: Iterable[str],
        *,
        reason: str,
        similarity: float | None,
        now: float,
    ) -> None:
        for url in urls:
            alias = id_of_url(url)
            if alias != article_id:
                self._db.execute(
                    "INSERT OR IGNORE INTO seen_alias "
                    "(alias_id, url, article_id, reason, similarity, recorded_at) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (alias, url, article_id, reason, similarity, now),
                )

    def seen_count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM seen").fetchone()[0])

    # Feeds ------------------------------------------------------------------------------

    def validators(self, feed_url: str) -> Validators:
        row = self._db.execute(
            "SELECT etag, last_modified FROM feeds WHERE url = ?", (feed_url,)
        ).fetchone()
        return Validators() if row is None else Validators(row[0], row[1])

    def save_validators(self, feed_url: str, validators: Validators, *, interval: float) -> None:
        """Store the validators of the latest 200; `interval` seeds a feed not seen before."""
        self._ensure_feed(feed_url, interval)
        self._db.execute(
            "UPDATE feeds SET etag = ?, last_modified = ? WHERE url = ?",
            (validators.etag, validators.last_modified, feed_url),
        )

    def schedule(self, feed_url: str, *, default_interval: float) -> FeedSchedule:
        """The feed's schedule; a feed never polled is due now with the default interval."""
        row = self._db.execute(
            f"SELECT {_SCHEDULE_COLUMNS} FROM feeds WHERE url = ?", (feed_url,)
        ).fetchone()
        if row is None:
            return FeedSchedule(url=feed_url, interval=default_interval)
        return _schedule_from_row(row)

    def schedules(self) -> list[FeedSchedule]:
        rows = self._db.execute(f"SELECT {_SCHEDULE_COLUMNS} FROM feeds ORDER BY url").fetchall()
        return [_schedule_from_row(row) for row in rows]

    def save_schedule(self, schedule: FeedSchedule) -> None:
        self._ensure_feed(schedule.url, schedule.interval)
        self._db.execute(
            "UPDATE feeds SET interval = ?, next_poll_at = ?, failures = ?, failing_since = ?, "
            "last_success_at = ?, last_error = ?, last_error_at = ?, items_total = ?, "
            "disabled = ?, disabled_reason = ?, redirect_to = ? WHERE url = ?",
            (
                schedule.interval,
                schedule.next_poll_at,
                schedule.failures,
                schedule.failing_since,
                schedule.last_success_at,
                schedule.last_error,
                schedule.last_error_at,
                schedule.items_total,
                int(schedule.disabled),
                schedule.disabled_reason,
                schedule.redirect_to,
                schedule.url,
            ),
        )

    def enable(self, feed_url: str) -> None:
        """Operator override: poll a disabled feed again, now, with a clean failure count."""
        self._db.execute(
            "UPDATE feeds SET disabled = 0, disabled_reason = NULL, failures = 0, "
            "failing_since = NULL, next_poll_at = 0 WHERE url = ?",
            (feed_url,),
        )

    def set_permanent_redirect(self, feed_url: str, target: str, *, interval: float) -> None:
        """A 301/308 for the feed: poll `target` from now on (the TOML file keeps the old URL)."""
        self._ensure_feed(feed_url, interval)
        self._db.execute("UPDATE feeds SET redirect_to = ? WHERE url = ?", (target, feed_url))

    def permanent_redirect(self, feed_url: str) -> str | None:
        row = self._db.execute(
            "SELECT redirect_to FROM feeds WHERE url = ?", (feed_url,)
        ).fetchone()
        return None if row is None or row[0] is None else str(row[0])

    def _ensure_feed(self, feed_url: str, interval: float) -> None:
        self._db.execute(
            "INSERT OR IGNORE INTO feeds (url, interval) VALUES (?, ?)", (feed_url, interval)
        )


def _schedule_from_row(row: Any) -> FeedSchedule:  # a sqlite3 row: column types by schema
    (
        url, interval, next_poll_at, failures, failing_since, last_success_at,
        last_error, last_error_at, items_total, disabled, disabled_reason, redirect_to,
    ) = row  # fmt: skip
    return FeedSchedule(
        url=str(url),
        interval=float(interval),
        next_poll_at=float(next_poll_at),
        failures=int(failures),
        failing_since=_opt_float(failing_since),
        last_success_at=_opt_float(last_success_at),
        last_error=None if last_error is None else str(last_error),
        last_error_at=_opt_float(last_error_at),
        items_total=int(items_total),
        disabled=bool(disabled),
        disabled_reason=None if disabled_reason is None else str(disabled_reason),
        redirect_to=None if redirect_to is None else str(redirect_to),
    )


def _opt_float(value: Any) -> float | None:
    return None if value is None else float(value)
