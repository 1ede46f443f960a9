"""The SQLite page cache is sized to the database file, between a floor and a ceiling (issue 15)."""

from __future__ import annotations

from pathlib import Path

from leerwinkel.storage.store import CACHE_MAX_KIB, CACHE_MIN_KIB, Store, page_cache_kib


def test_small_or_missing_files_get_the_floor(tmp_path: Path) -> None:
    assert page_cache_kib(None) == CACHE_MIN_KIB
    assert page_cache_kib(tmp_path / "missing.sqlite3") == CACHE_MIN_KIB
    small = tmp_path / "small.sqlite3"
    small.write_bytes(b"\0" * 4096)
    assert page_cache_kib(small) == CACHE_MIN_KIB


def test_a_large_file_and_its_wal_are_cached_whole_up_to_the_ceiling(tmp_path: Path) -> None:
    database = tmp_path / "big.sqlite3"
    with open(database, "wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse: no disk space used
    with open(tmp_path / "big.sqlite3-wal", "wb") as handle:
        handle.truncate(20 * 1024 * 1024)
    kib = page_cache_kib(database)
    assert 220 * 1024 <= kib <= CACHE_MAX_KIB
    with open(database, "wb") as handle:
        handle.truncate(4 * CACHE_MAX_KIB * 1024)
    assert page_cache_kib(database) <= CACHE_MAX_KIB


def test_connections_use_it(sqlite_store: Store) -> None:
    with sqlite_store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA cache_size").scalar() == -CACHE_MIN_KIB
