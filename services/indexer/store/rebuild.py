"""A new index built beside the live one, then put in its place in one step (`newsflow reindex`).

`rebuild_for(url)` gives the `Rebuild` of an index URL: `staging()` is a store where no reader
looks, `promote()` makes it the live index atomically, `discard()` removes it after a failure.

- SQLite: the new index is a file of its own beside the live path (`index.sqlite3.<stamp>`),
  and promoting makes the live path a symbolic link to it, replaced by one `rename`. SQLite
  names a database's WAL after the file a link points to, so the two never share a WAL; a
  store with the old file open sees its path name another file and reopens
  (`SqliteStore._follow`). The replaced file is removed (processes that still have it open
  keep reading it until they reopen). SQLite keeps the WAL of a database removed while open
  rather than checkpoint into it; the next rebuild's `prepare` removes such orphans, when
  every process has long reopened on the live file.
- PostgreSQL: the new index is built in a schema of its own (`<live>_reindex`); promoting
  locks the live tables, moves them to a scratch schema and the new ones into the live schema,
  and drops the scratch schema, in one transaction. Only Newsflow's tables and functions (an
  index of word pairs is made with one) move, so anything else in the live schema (`public`,
  say) stays. Statements re-resolve table names after the
  commit, so the running indexer and its API read and write the new tables.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from services.indexer.store.base import Store, StoreUnavailable, sqlite_path

if TYPE_CHECKING:
    import asyncpg

# How long promoting waits for one lock on a live table: searches queue behind a waiting
# exclusive lock, so it must be short; a busy table is tried again.
PROMOTE_LOCK_TIMEOUT_MS = 2000
PROMOTE_ATTEMPTS = 10
PROMOTE_RETRY_SECONDS = 0.5


class Rebuild(Protocol):
    """Where a new index is built and how it replaces the live one."""

    @property
    def where(self) -> str:
        """The new index's location, for messages."""

    async def prepare(self) -> None:
        """Remove what an interrupted rebuild left behind."""

    def staging(self, *, pool_size: int = 8) -> Store:
        """A store on the new index (not yet opened)."""

    async def promote(self) -> None:
        """Make the new index the live one, atomically."""

    async def discard(self) -> None:
        """Remove the new index (the rebuild failed or was stopped)."""


def rebuild_for(url: str) -> Rebuild:
    """The rebuild of the index at `url` (`sqlite:///path` or `postgresql://...`)."""
    scheme = url.split(":", 1)[0].lower()
    if scheme == "sqlite":
        return SqliteRebuild(sqlite_path(url))
    if scheme in ("postgresql", "postgres"):
        return PostgresRebuild(url)
    raise ValueError(f"unsupported index URL scheme {scheme!r}: use sqlite:/// or postgresql://")


class SqliteRebuild:
    """A new file beside the live path; the path becomes a link to it."""

    def __init__(self, live: Path) -> None:
        self.live = live.absolute()
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
        self.new = self.live.with_name(f"{self.live.name}.{stamp}")
        # The files a rebuild makes: the index and SQLite's companions of it.
        self._made = re.compile(re.escape(self.live.name) + r"\.\d{8}T\d{12}Z(-wal|-shm|-journal)?")

    @property
    def where(self) -> str:
        return str(self.new)

    async def prepare(self) -> None:
        await asyncio.to_thread(self._remove_leftovers)

    def _remove_leftovers(self) -> None:
        if not self.live.parent.is_dir():
            return
        orphans: set[str] = set()
        current = None
        if self.live.is_symlink():
            current = self.live.resolve().name
            orphans = {f"{self.live.name}-wal", f"{self.live.name}-shm"}  # of the plain file
        for path in self.live.parent.iterdir():
            made = self._made.fullmatch(path.name)
            if (made and not (current and path.name.startswith(current))) or path.name in orphans:
                path.unlink(missing_ok=True)

    def staging(self, *, pool_size: int = 8) -> Store:
        from services.indexer.store.sqlite import SqliteStore

        return SqliteStore(self.new, readers=pool_size)

    async def promote(self) -> None:
        await asyncio.to_thread(self._swap)

    def _swap(self) -> None:
        previous = self.live.resolve() if self.live.is_symlink() else None
        link = self.live.with_name(f".{self.live.name}.link")
        link.unlink(missing_ok=True)
        # Relative, so the state directory can be moved or mounted elsewhere.
        os.symlink(self.new.name, link)
        os.replace(link, self.live)  # the one atomic step: readers see the old file or the new
        _sync_directory(self.live.parent)
        # Only a file an earlier rebuild made: a link an operator set to their own file stays.
        if (
            previous is not None
            and previous.parent == self.live.parent
            and self._made.fullmatch(previous.name)
        ):
            previous.unlink(missing_ok=True)

    async def discard(self) -> None:
        def remove() -> None:
            if self.live.resolve() == self.new.resolve():
                return  # promoted after all (a stop came during the swap): it is the index
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{self.new}{suffix}").unlink(missing_ok=True)

        await asyncio.to_thread(remove)


def _sync_directory(path: Path) -> None:
    """Make a rename in `path` survive a power loss."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class PostgresRebuild:
    """A new schema; promoting moves its tables into the live schema."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.live_schema = ""

    @property
    def new_schema(self) -> str:
        return f"{self.live_schema}_reindex"

    @property
    def where(self) -> str:
        return f"schema {self.new_schema}"

    async def _connect(self) -> asyncpg.Connection[Any]:
        import asyncpg

        from services.indexer.store.postgres import CONNECT_TIMEOUT_SECONDS

        try:
            return await asyncpg.connect(self.url, timeout=CONNECT_TIMEOUT_SECONDS)
        except (OSError, TimeoutError) as exc:
            raise StoreUnavailable(f"{type(exc).__name__}: {exc}") from exc

    async def prepare(self) -> None:
        from services.indexer.store.postgres import quote_ident

        conn = await self._connect()
        try:
            # The schema the indexer's tables are in: the first of its search path that exists.
            self.live_schema = await conn.fetchval("SELECT current_schema()") or "public"
            await conn.execute(f"DROP SCHEMA IF EXISTS {quote_ident(self.new_schema)} CASCADE")
        finally:
            await conn.close()

    def staging(self, *, pool_size: int = 8) -> Store:
        from services.indexer.store.postgres import PostgresStore

        if not self.live_schema:
            raise RuntimeError("prepare() first: the live schema is not known yet")
        return PostgresStore(self.url, pool_size=pool_size, schema=self.new_schema)

    async def promote(self) -> None:
        import asyncpg

        conn = await self._connect()
        try:
            for attempt in range(PROMOTE_ATTEMPTS):
                try:
                    async with conn.transaction():
                        await self._move(conn)
                    return
                except (asyncpg.LockNotAvailableError, asyncpg.DeadlockDetectedError):
                    if attempt == PROMOTE_ATTEMPTS - 1:
                        raise StoreUnavailable(
                            "the live index stayed busy: could not lock its tables to swap"
                        ) from None
                    await asyncio.sleep(PROMOTE_RETRY_SECONDS)
        finally:
            await conn.close()

    async def _move(self, conn: asyncpg.Connection[Any]) -> None:
        from services.indexer.store.postgres import quote_ident

        run, fetch = conn.execute, conn.fetch
        live, new = quote_ident(self.live_schema), quote_ident(self.new_schema)
        scratch = quote_ident(f"{self.live_schema}_replaced")
        await run(f"SET LOCAL lock_timeout = {PROMOTE_LOCK_TIMEOUT_MS}")
        tables_sql = "SELECT tablename FROM pg_tables WHERE schemaname = $1"
        tables = [r[0] for r in await fetch(tables_sql, self.new_schema)]
        # `articles` first: every upsert starts with it, so waiting for it holds no other lock.
        tables.sort(key=lambda name: (name != "articles", name))
        held = {r[0] for r in await fetch(tables_sql, self.live_schema)}
        old = [t for t in tables if t in held]
        if old:
            await run(
                f"LOCK TABLE {', '.join(f'{live}.{quote_ident(t)}' for t in old)} "
                "IN ACCESS EXCLUSIVE MODE"
            )
        # The functions the new indexes are made with move with them (the live ones, same
        # names, go with the live tables): an index refers to its function, not its name.
        functions_sql = (
            "SELECT quote_ident(p.proname) || '(' || pg_get_function_identity_arguments(p.oid) "
            "|| ')' FROM pg_proc p JOIN pg_namespace s ON s.oid = p.pronamespace "
            "WHERE s.nspname = $1"
        )
        functions = [r[0] for r in await fetch(functions_sql, self.new_schema)]
        replaced = set(functions) & {r[0] for r in await fetch(functions_sql, self.live_schema)}
        await run(f"DROP SCHEMA IF EXISTS {scratch} CASCADE")
        await run(f"CREATE SCHEMA {scratch}")
        for table in old:
            await run(f"ALTER TABLE {live}.{quote_ident(table)} SET SCHEMA {scratch}")
        for function in sorted(replaced):
            await run(f"ALTER FUNCTION {live}.{function} SET SCHEMA {scratch}")
        for table in tables:
            await run(f"ALTER TABLE {new}.{quote_ident(table)} SET SCHEMA {live}")
        for function in functions:
            await run(f"ALTER FUNCTION {new}.{function} SET SCHEMA {live}")
        await run(f"DROP SCHEMA {scratch} CASCADE")
        await run(f"DROP SCHEMA {new}")

    async def discard(self) -> None:
        from services.indexer.store.postgres import quote_ident

        if not self.live_schema:
            return  # prepare never ran: nothing was made
        conn = await self._connect()
        try:
            await conn.execute(f"DROP SCHEMA IF EXISTS {quote_ident(self.new_schema)} CASCADE")
        finally:
            await conn.close()
