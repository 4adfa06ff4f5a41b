from __future__ import annotations

import os
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from services.extractor.places import cache as gazetteer_cache
from services.extractor.places.gazetteer import (
    DEFAULT_MIN_CITY_POPULATION,
    Gazetteer,
    load_gazetteer,
)

_KYIV = ("Kyiv", "UA", 50.45, 30.52, 703448, 2797553, "12")


def test_round_trip(tmp_path: Path) -> None:
    tables = ({"kyiv": [_KYIV]}, {"kiev": [_KYIV, _KYIV]})
    gazetteer_cache.write(tmp_path, "5000-abc", tables)
    store = gazetteer_cache.open_cache(tmp_path, "5000-abc")
    assert store is not None
    assert store.tables == 2
    assert store.get(0, "kyiv") == [_KYIV]
    assert store.get(1, "kiev") == [_KYIV, _KYIV]
    assert store.get(0, "kiev") is None  # tables are kept apart
    assert store.get(1, "nowhere") is None
    assert store.items(1) == {"kiev": [_KYIV, _KYIV]}
    assert store.items(2) == {}  # no such table: empty, not an error
    assert gazetteer_cache.open_cache(tmp_path, "5000-other") is None


def test_unreadable_table_reads_as_none(tmp_path: Path) -> None:
    gazetteer_cache.write(tmp_path, "5000-abc", ({"UA": (49.0, 31.4)},))
    path = tmp_path / "gazetteer-cities-5000-abc.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE entries SET value = ? WHERE key = 'UA'", (b"\xff\x00",))
    connection.close()
    store = gazetteer_cache.open_cache(tmp_path, "5000-abc")
    assert store is not None
    assert store.items(0) is None


def test_store_answers_from_several_threads(tmp_path: Path) -> None:
    gazetteer_cache.write(tmp_path, "5000-abc", ({"kyiv": [_KYIV]},))
    store = gazetteer_cache.open_cache(tmp_path, "5000-abc")
    assert store is not None
    answers: list[object] = []
    threads = [
        threading.Thread(target=lambda: answers.append(store.get(0, "kyiv"))) for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == [[_KYIV]] * 4


def test_unreadable_file_reads_as_absent(tmp_path: Path) -> None:
    (tmp_path / "gazetteer-cities-5000-abc.sqlite3").write_bytes(b"\xffnot a database" * 100)
    assert gazetteer_cache.open_cache(tmp_path, "5000-abc") is None


def test_write_removes_stale_files_of_its_family_only(tmp_path: Path) -> None:
    (tmp_path / "gazetteer-cities-5000-older.marshal").write_bytes(b"an earlier format")
    gazetteer_cache.write(tmp_path, "5000-old", ({},))
    gazetteer_cache.write(tmp_path, "15000-old", ({},))
    gazetteer_cache.write(tmp_path, "5000-new", ({},))
    names = sorted(path.name for path in tmp_path.iterdir())
    assert names == ["gazetteer-cities-15000-old.sqlite3", "gazetteer-cities-5000-new.sqlite3"]


def test_unwritable_directory_is_not_an_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    gazetteer_cache.write(blocker / "cache", "5000-abc", ({},))  # logs, does not raise
    assert gazetteer_cache.open_cache(blocker / "cache", "5000-abc") is None


def test_key_changes_with_the_population_floor_and_each_source(tmp_path: Path) -> None:
    source, other = tmp_path / "source.py", tmp_path / "other.py"
    source.write_text("x = 1\n")
    other.write_text("y = 1\n")
    first = gazetteer_cache.cache_key([source, other], 5000)
    assert first == gazetteer_cache.cache_key([source, other], 5000)
    assert first != gazetteer_cache.cache_key([source, other], 15000)
    other.write_text("y = 2\n")
    second = gazetteer_cache.cache_key([source, other], 5000)
    assert second != first
    source.write_text("x = 2\n")
    assert gazetteer_cache.cache_key([source, other], 5000) not in {first, second}


def test_key_changes_with_a_data_file(tmp_path: Path) -> None:
    source, table = tmp_path / "source.py", tmp_path / "table.txt"
    source.write_text("x = 1\n")
    table.write_text("UA.05\tDonetsk Oblast\n")
    first = gazetteer_cache.cache_key([source], 5000, [table])
    assert first == gazetteer_cache.cache_key([source], 5000, [table])
    assert first != gazetteer_cache.cache_key([source], 5000)
    table.write_text("UA.05\tDonetsk Oblast\nUA.08\tKherson Oblast\n")
    assert gazetteer_cache.cache_key([source], 5000, [table]) != first


def test_cached_gazetteer_answers_like_a_built_one(tmp_path: Path) -> None:
    built = Gazetteer(15000, cache_dir=tmp_path)  # builds and writes
    assert len(list(tmp_path.iterdir())) == 1
    cached = Gazetteer(15000, cache_dir=tmp_path)  # reads
    plain = Gazetteer(15000)
    for name in ("Kyiv", "Kiev", "Springfield", "Hallandale Beach", "Geneva", "Nowhere", "KYIV"):
        for _ in range(2):  # the second answer comes from the store's memo
            assert cached.cities(name) == built.cities(name) == plain.cities(name), name
    assert cached.is_place("Kyiv", 100_000)
    assert not cached.is_place("Nowhere", 0)
    # Countries and states carry the points stored with the index.
    for country in ("Ukraine", "Russia", "Fiji", "Antarctica"):
        assert cached.country(country) == built.country(country) == plain.country(country)
    for state in ("Florida", "Texas", "Georgia"):
        assert cached.us_state(state) == built.us_state(state) == plain.us_state(state)
    ukraine = cached.country("Ukraine")
    assert ukraine is not None
    assert ukraine.lat is not None


def test_store_of_an_earlier_layout_is_rebuilt(tmp_path: Path) -> None:
    Gazetteer(15000, cache_dir=tmp_path)
    (path,) = tmp_path.iterdir()
    key = path.name.removeprefix("gazetteer-cities-").removesuffix(".sqlite3")
    # The same key, written as before regions were stored: cities and points only.
    gazetteer_cache.write(tmp_path, key, ({"kyiv": []}, {}, {"UA": (49.0, 31.4)}))
    store = gazetteer_cache.open_cache(tmp_path, key)
    assert store is not None
    assert store.tables == 3
    store.close()
    rebuilt = Gazetteer(15000, cache_dir=tmp_path)
    florida = rebuilt.us_state("Florida")
    assert florida is not None
    assert florida.lat is not None
    assert rebuilt.cities("Kyiv")  # the index was rebuilt too, not read from the stub
    ukraine = rebuilt.country("Ukraine")
    assert ukraine is not None
    assert (ukraine.lat, ukraine.lon) != (49.0, 31.4)  # nor the points
    store = gazetteer_cache.open_cache(tmp_path, key)
    assert store is not None
    assert store.tables == 4
    store.close()


def test_cached_gazetteer_answers_regions_like_a_built_one(tmp_path: Path) -> None:
    built = Gazetteer(15000, cache_dir=tmp_path)  # builds and writes
    cached = Gazetteer(15000, cache_dir=tmp_path)  # reads
    plain = Gazetteer(15000)
    for name in ("Bavaria", "Donetsk Oblast", "Donetsk region", "Punjab", "N.Y.", "Nowhere"):
        for _ in range(2):  # the second answer comes from the store's memo
            assert cached.regions(name) == built.regions(name) == plain.regions(name), name
    (bavaria,) = cached.regions("Bavaria")
    assert (bavaria.country_code, bavaria.admin1, bavaria.kind) == ("DE", "02", "region")
    assert bavaria.lat is not None


class _StoppedWhileReading(dict[str, list[int]]):
    def items(self) -> Any:
        raise SystemExit(0)  # what a SIGTERM during start-up raises (shared.runtime)


def test_a_write_cut_short_by_system_exit_leaves_no_temporary_file(tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        gazetteer_cache.write(tmp_path, "5000-abc", [{"kyiv": [1]}, _StoppedWhileReading()])
    assert list(tmp_path.iterdir()) == []


def test_an_old_orphaned_temporary_file_is_swept(tmp_path: Path) -> None:
    old = tmp_path / "gazetteer-cities-5000-old.sqlite3.123.tmp"
    recent = tmp_path / "gazetteer-cities-5000-new.sqlite3.456.tmp"
    for orphan in (old, recent):
        orphan.write_bytes(b"partial")
    os.utime(old, (time.time() - 2 * 3600,) * 2)
    gazetteer_cache.write(tmp_path, "5000-abc", [{"kyiv": [1]}])
    assert not old.exists()
    assert recent.exists()  # may be a live writer's


def test_the_gazetteer_keeps_its_index_in_the_configured_directory(tmp_path: Path) -> None:
    load_gazetteer(DEFAULT_MIN_CITY_POPULATION, tmp_path)
    assert list(tmp_path.iterdir()), "the index was written where the setting says"
