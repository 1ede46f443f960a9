"""The integrity check: in full at open after an unclean end, else after sign-in, once a day (issue 15)."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select

from leerwinkel.app import Leerwinkel, open_app
from leerwinkel.config import Config
from leerwinkel.errors import StorageError, StorageProblem
from leerwinkel.storage import integrity
from leerwinkel.storage.models import Client
from tests.factories import TEST_CREDENTIALS, FakeClock

PAGE = 4096


def _filled(config: Config, clock: FakeClock) -> Path:
    """A database with enough clients that sign-in does not read its last pages; closed cleanly."""
    app = open_app(config, clock=clock, credentials=TEST_CREDENTIALS)
    try:
        with app.store.unit_of_work() as session:
            session.add_all(Client(first_name=f"Verzonnen-{i:04d}-{'x' * 60}") for i in range(1500))
    finally:
        app.close()
    path = config.sqlite_path
    assert not integrity.wal_path(path).exists()  # a clean close leaves no log
    return path


def _damage_last_page(path: Path) -> None:
    data = bytearray(path.read_bytes())
    offset = (len(data) // PAGE - 1) * PAGE
    data[offset + 100 : offset + 200] = b"\xff" * 100
    path.write_bytes(bytes(data))


def _clients(app: Leerwinkel) -> int:
    with app.store.unit_of_work() as session:
        return session.scalar(select(func.count()).select_from(Client)) or 0


def test_a_sound_file_opens_without_the_full_check_and_checks_once_a_day(
    sqlite_config: Config, clock: FakeClock
) -> None:
    path = _filled(sqlite_config, clock)
    app = open_app(sqlite_config, clock=clock, credentials=TEST_CREDENTIALS)
    try:
        assert integrity.read_state(path) is None  # opened without reading the whole file
        assert app.is_database_check_due()
        assert app.check_database(should_stop=lambda: True) is None  # stopped (at exit): nothing recorded
        assert integrity.read_state(path) is None
        assert app.check_database() is True
        assert integrity.read_state(path) == integrity.CheckState(clock(), True)
        assert not app.is_database_check_due()
        clock.advance(hours=23)
        assert not app.is_database_check_due()
        clock.advance(hours=1)
        assert app.is_database_check_due()
    finally:
        app.close()


def test_damage_found_after_sign_in_refuses_writes_and_the_next_open(
    expected_warnings: list[logging.LogRecord], sqlite_config: Config, clock: FakeClock
) -> None:
    path = _filled(sqlite_config, clock)
    _damage_last_page(path)
    app = open_app(sqlite_config, clock=clock, credentials=TEST_CREDENTIALS)  # sign-in reads no damaged page
    try:
        with pytest.raises(StorageError) as found:
            app.check_database()
        assert found.value.problem is StorageProblem.CORRUPT
        assert integrity.read_state(path) == integrity.CheckState(clock(), False)
        assert not app.is_database_check_due()  # said once; the next open checks again
        before = path.read_bytes()
        with pytest.raises(StorageError) as refused, app.store.unit_of_work() as session:
            session.add(Client(first_name="Na-De-Schade"))
        assert refused.value.problem is StorageProblem.CORRUPT
        with pytest.raises(StorageError):
            app.backups.create(app.auth.current)  # no backup of a damaged file
    finally:
        app.close()
    assert path.read_bytes() == before  # nothing written to the damaged file after the check
    with pytest.raises(StorageError) as again:
        open_app(sqlite_config, clock=clock, credentials=TEST_CREDENTIALS)
    assert again.value.problem is StorageProblem.CORRUPT
    assert any("damage" in record.getMessage() for record in expected_warnings)


def test_after_an_unclean_end_a_damaged_file_is_refused_at_open(
    expected_warnings: list[logging.LogRecord], sqlite_config: Config, clock: FakeClock, tmp_path: Path
) -> None:
    path = _filled(sqlite_config, clock)
    _damage_last_page(path)
    app = open_app(sqlite_config, clock=clock, credentials=TEST_CREDENTIALS)  # signing in writes to the log
    try:
        assert _clients(app) == 1500
        crashed = Config(data_dir=tmp_path / "crashed")
        shutil.copytree(sqlite_config.data_dir, crashed.data_dir)  # the files as a killed process leaves them
    finally:
        app.close()
    assert integrity.ended_uncleanly(crashed.sqlite_path)
    with pytest.raises(StorageError) as refused:
        open_app(crashed, clock=clock, credentials=TEST_CREDENTIALS)
    assert refused.value.problem is StorageProblem.CORRUPT
    assert integrity.read_state(crashed.sqlite_path) == integrity.CheckState(clock(), False)
    # the same damage after a clean close opens; the check after sign-in finds it (the test above)
    open_app(sqlite_config, clock=clock, credentials=TEST_CREDENTIALS).close()
    assert expected_warnings


def test_after_an_unclean_end_a_sound_file_is_checked_at_open(
    sqlite_config: Config, clock: FakeClock, tmp_path: Path
) -> None:
    path = _filled(sqlite_config, clock)
    app = open_app(sqlite_config, clock=clock, credentials=TEST_CREDENTIALS)
    try:
        crashed = Config(data_dir=tmp_path / "crashed")
        shutil.copytree(sqlite_config.data_dir, crashed.data_dir)
    finally:
        app.close()
    assert integrity.read_state(path) is None
    reopened = open_app(crashed, clock=clock, credentials=TEST_CREDENTIALS)
    try:
        assert integrity.read_state(crashed.sqlite_path) == integrity.CheckState(clock(), True)
        assert not reopened.is_database_check_due()  # checked at open: not again today
        assert _clients(reopened) == 1500
    finally:
        reopened.close()


def test_an_unreadable_state_file_means_check_again(sqlite_config: Config, clock: FakeClock) -> None:
    path = _filled(sqlite_config, clock)
    path.with_name(integrity.STATE_FILE).write_text("{niet-json", encoding="utf-8")
    assert integrity.read_state(path) is None
    assert integrity.is_check_due(path, clock())
    assert not integrity.must_check_at_open(path)


def test_a_backup_put_back_in_the_session_that_found_damage_takes_writes_again(
    expected_warnings: list[logging.LogRecord], sqlite_config: Config, clock: FakeClock
) -> None:
    path = _filled(sqlite_config, clock)
    app = open_app(sqlite_config, clock=clock, credentials=TEST_CREDENTIALS)
    try:
        good = app.backups.create(app.auth.current)
    finally:
        app.close()
    _damage_last_page(path)
    app = open_app(sqlite_config, clock=clock, credentials=TEST_CREDENTIALS)
    try:
        with pytest.raises(StorageError):
            app.check_database()
        clock.advance(minutes=5)
        app.backups.restore(app.auth.current, good.path)  # Instellingen > Reservekopieën, as an administrator
        with app.store.unit_of_work() as session:
            session.add(Client(first_name="Na-Het-Terugzetten"))
        assert _clients(app) == 1501
        assert integrity.read_state(path) == integrity.CheckState(clock(), True)  # checked when it was verified
    finally:
        app.close()
    assert not integrity.must_check_at_open(path)
    assert any("damage" in record.getMessage() for record in expected_warnings)
