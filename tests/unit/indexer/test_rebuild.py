"""A SQLite index rebuilt beside the live one replaces it in one step, and open stores follow."""

from __future__ import annotations

from pathlib import Path

from services.indexer.query import SearchQuery
from services.indexer.store import Store
from services.indexer.store.rebuild import SqliteRebuild, rebuild_for
from services.indexer.store.sqlite import SqliteStore
from tests.factories import many

EVERYTHING = SearchQuery(limit=100)


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def _touch(*names: str) -> None:
    for name in names:
        Path(name).write_bytes(b"")


async def _ids(store: Store) -> set[str]:
    return {hit.id for hit in (await store.search(EVERYTHING)).results}


async def test_promote_swaps_the_file_and_open_stores_read_and_write_the_new_one(
    tmp_path: Path,
) -> None:
    old, new, later = many(30)[:10], many(30)[10:25], many(30)[25:]
    live_path = tmp_path / "index.sqlite3"
    live = SqliteStore(live_path, readers=2)
    await live.open()
    await live.upsert(old)
    rebuild = rebuild_for(f"sqlite:///{live_path}")
    assert isinstance(rebuild, SqliteRebuild)
    await rebuild.prepare()
    staging = rebuild.staging(pool_size=1)
    await staging.open()
    try:
        await staging.upsert(new)
        # Until the swap, readers of the live path see the old index whole.
        assert await _ids(live) == {e.article.id for e in old}
        await rebuild.promote()
        assert live_path.is_symlink()
        assert live_path.resolve() == rebuild.new
        # The store opened on the old file reopens on the new one at its next call...
        assert await _ids(live) == {e.article.id for e in new}
        # ... and writes there too.
        await live.upsert(later)
        assert await _ids(staging) == {e.article.id for e in new + later}
    finally:
        await staging.close()
        await live.close()
    # The replaced file was a plain file: the link took its name. SQLite keeps the WAL of a
    # file removed while open; no other database file is left.
    names = set(_names(tmp_path)) - {"index.sqlite3-wal", "index.sqlite3-shm"}
    assert names == {"index.sqlite3", rebuild.new.name}


async def test_a_second_rebuild_removes_the_first_ones_file_and_any_leftover(
    tmp_path: Path,
) -> None:
    live_path = tmp_path / "index.sqlite3"
    first = rebuild_for(f"sqlite:///{live_path}")
    assert isinstance(first, SqliteRebuild)
    store = first.staging()
    await store.open()
    await store.upsert(many(2))
    await store.close()
    await first.promote()
    # What an interrupted rebuild leaves (its file and SQLite's companions), and the WAL
    # SQLite keeps of a replaced file.
    stale = tmp_path / "index.sqlite3.20200101T000000000000Z"
    _touch(f"{stale}", f"{stale}-wal", f"{stale}-shm", f"{live_path}-wal")
    second = rebuild_for(f"sqlite:///{live_path}")
    assert isinstance(second, SqliteRebuild)
    await second.prepare()
    assert _names(tmp_path) == ["index.sqlite3", first.new.name]
    store = second.staging()
    await store.open()
    await store.upsert(many(3))
    await store.close()
    await second.promote()
    assert _names(tmp_path) == ["index.sqlite3", second.new.name]
    reader = SqliteStore(live_path)
    await reader.open()
    try:
        assert len(await _ids(reader)) == 3
    finally:
        await reader.close()


async def test_discard_removes_the_new_index_unless_it_went_live(tmp_path: Path) -> None:
    live_path = tmp_path / "index.sqlite3"
    rebuild = rebuild_for(f"sqlite:///{live_path}")
    assert isinstance(rebuild, SqliteRebuild)
    store = rebuild.staging()
    await store.open()
    await store.close()
    await rebuild.discard()
    assert _names(tmp_path) == []

    rebuild = rebuild_for(f"sqlite:///{live_path}")
    assert isinstance(rebuild, SqliteRebuild)
    store = rebuild.staging()
    await store.open()
    await store.close()
    await rebuild.promote()
    await rebuild.discard()  # a stop that came during the swap: the index stays
    assert live_path.resolve() == rebuild.new
    assert _names(tmp_path) == ["index.sqlite3", rebuild.new.name]
