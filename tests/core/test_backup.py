"""Backups: encrypted, listed, verified, rotated (7 daily + 4 weekly), restored end to end."""

from __future__ import annotations

import datetime as dt
import io
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from leerwinkel.app import Leerwinkel, open_app
from leerwinkel.backup import BackupInfo, choose_kept, list_backups, verify_backup
from leerwinkel.cli import main
from leerwinkel.config import Config
from leerwinkel.errors import InvalidInputError, PermissionDeniedError, StorageError
from leerwinkel.storage.models import Client
from leerwinkel.storage.store import SQLITE_HEADER
from tests.factories import TEST_CREDENTIALS, FakeClock


@pytest.fixture
def app(sqlite_config: Config, clock: FakeClock) -> Iterator[Leerwinkel]:
    facade = open_app(sqlite_config, clock=clock, credentials=TEST_CREDENTIALS)
    try:
        yield facade
    finally:
        facade.close()


def _add_client(app: Leerwinkel, name: str) -> None:
    with app.store.unit_of_work() as session:
        session.add(Client(first_name=name))


def _names(app: Leerwinkel) -> set[str]:
    with app.store.unit_of_work() as session:
        return set(session.scalars(select(Client.first_name)))


def test_backup_is_encrypted_and_verifies(app: Leerwinkel) -> None:
    _add_client(app, "Bewaarda-Kopie")
    info = app.backups.create(app.auth.current)
    data = info.path.read_bytes()
    assert data[:16] != SQLITE_HEADER and b"Bewaarda" not in data
    assert not (info.path.parent / "keys.json").exists()  # its own file key, sealed to the backup key
    assert (info.path.parent / (info.path.name + ".key")).is_file()
    assert verify_backup(info.path, app.store.database_key or b"").reason == "wrong-key"
    assert [c.ok for c in app.backups.verify()] == [True]
    assert [b.path for b in app.backups.backups()] == [info.path]
    assert app.audit.events(app.auth.current, limit=1)[0].action == "backup.create"
    assert verify_backup(info.path, b"\x01" * 32).reason == "wrong-key"


def test_restore_end_to_end_moves_the_current_database_aside(
    expected_warnings: list[logging.LogRecord], app: Leerwinkel, clock: FakeClock
) -> None:
    _add_client(app, "Voor-Kopie")
    backup = app.backups.create(app.auth.current)
    clock.advance(hours=1)
    _add_client(app, "Na-Kopie")
    result = app.backups.restore(app.auth.current, backup.path)
    assert _names(app) == {"Voor-Kopie"}
    assert result.moved_aside is not None and result.moved_aside.exists()
    assert app.audit.verify().ok
    assert app.audit.events(app.auth.current, limit=1)[0].action == "backup.restore"
    assert expected_warnings and all("moved aside" in record.getMessage() for record in expected_warnings)


def test_a_counsellor_cannot_restore(app: Leerwinkel) -> None:
    backup = app.backups.create(app.auth.current)
    app.auth.create_account(app.auth.current, "balie", "een-goed-wachtwoord")
    app.auth.logout()
    counsellor = app.auth.login(TEST_CREDENTIALS.__class__("balie", "een-goed-wachtwoord"))
    with pytest.raises(PermissionDeniedError):
        app.backups.restore(counsellor, backup.path)


def test_a_damaged_backup_is_not_restored(app: Leerwinkel, tmp_path: Path) -> None:
    backup = app.backups.create(app.auth.current)
    data = bytearray(backup.path.read_bytes())
    data[5000:5100] = b"\x00" * 100
    backup.path.write_bytes(bytes(data))
    _add_client(app, "Blijft-Staan")
    assert not app.backups.verify()[0].ok
    with pytest.raises(InvalidInputError):
        app.backups.restore(app.auth.current, backup.path)
    assert "Blijft-Staan" in _names(app)


def test_damaged_database_is_refused_at_start_and_restored_from_the_command_line(
    expected_warnings: list[logging.LogRecord], sqlite_config: Config, clock: FakeClock
) -> None:
    app = open_app(sqlite_config, clock=clock, credentials=TEST_CREDENTIALS)
    _add_client(app, "Gered-Uit-Kopie")
    app.backups.create(app.auth.current)
    app.close()
    path = sqlite_config.sqlite_path
    data = bytearray(path.read_bytes())
    for offset in range(4096, len(data), 4096):
        data[offset + 100 : offset + 200] = b"\xff" * 100
    path.write_bytes(bytes(data))
    damaged = bytes(data)
    with pytest.raises(StorageError):
        open_app(sqlite_config, clock=clock, credentials=TEST_CREDENTIALS)
    out, err = io.StringIO(), io.StringIO()
    code = main(["backup", "restore"], out=out, err=err)
    assert code == 0, err.getvalue()
    aside = [p for p in path.parent.iterdir() if ".replaced-" in p.name and not p.name.endswith(("-wal", "-shm"))]
    assert len(aside) == 1 and aside[0].read_bytes() == damaged  # moved, never overwritten
    again = open_app(sqlite_config, clock=clock, credentials=TEST_CREDENTIALS)
    try:
        assert "Gered-Uit-Kopie" in _names(again)
    finally:
        again.close()
    assert expected_warnings and all("moved aside" in record.getMessage() for record in expected_warnings)


def test_rotation_keeps_seven_daily_and_four_weekly(tmp_path: Path) -> None:
    start = dt.datetime(2026, 1, 1, 12, tzinfo=dt.UTC)
    backups = [
        BackupInfo(tmp_path / f"b{i}-{h}", start + dt.timedelta(days=i, hours=h), 1) for i in range(60) for h in (0, 6)
    ]
    kept = choose_kept(backups)
    kept_times = sorted(b.created_at for b in backups if b.path in kept)
    newest_days = {b.created_at.date() for b in backups if b.path in kept and b.created_at.hour == 18}
    assert len(newest_days) >= 7
    assert len(kept) <= 7 + 4
    assert kept_times[-1] == max(b.created_at for b in backups)
    weeks = {t.isocalendar()[:2] for t in kept_times}
    assert len(weeks) >= 4


def test_rotation_deletes_old_backup_files(app: Leerwinkel, clock: FakeClock) -> None:
    for _ in range(40):
        app.backups.create(app.auth.current)
        clock.advance(days=1)
    backups = list_backups(app.config)
    assert 7 <= len(backups) <= 11
    days = sorted(b.created_at.date() for b in backups)
    assert days[-7:] == [days[-1] - dt.timedelta(days=n) for n in range(6, -1, -1)]


def test_daily_backup_once_a_day(app: Leerwinkel, clock: FakeClock) -> None:
    assert app.backups.create_daily(app.auth.current) is not None
    assert app.backups.create_daily(app.auth.current) is None
    clock.advance(days=1)
    assert app.backups.create_daily(app.auth.current) is not None


def test_the_backup_at_exit_is_due_only_after_a_write_since_the_last_backup(app: Leerwinkel) -> None:
    """A counsellor who only looked after the daily backup closes without a second copy of the same file;
    one who saved something gets it (issue 15: closing waited for two backups at 100,000 clients)."""
    assert app.backups.is_exit_due()  # no backup in this session yet
    app.backups.create_daily(app.auth.current)
    assert not app.backups.is_exit_due()
    assert _names(app) == set()  # reading writes nothing
    with pytest.raises(RuntimeError), app.store.unit_of_work() as session:
        session.add(Client(first_name="Teruggedraaid"))
        session.flush()
        raise RuntimeError("the unit of work is rolled back")
    assert not app.backups.is_exit_due()  # a write rolled back is no write
    with app.store.engine.begin() as connection:  # text SQL counts as well as the ORM
        connection.exec_driver_sql("UPDATE settings SET value = value WHERE 1 = 0")
    assert not app.backups.is_exit_due()  # a statement that changed no row is no write
    _add_client(app, "Na-De-Kopie")
    assert app.backups.is_exit_due()
    info = app.backups.create(app.auth.current, reason="exit")
    assert not app.backups.is_exit_due()
    assert app.backups.backups()[0].path == info.path  # newest first


def test_backup_commands(tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert main(["backup", "create"], out=out, err=err) == 0, err.getvalue()
    assert main(["backup", "list"], out=out, err=err) == 0
    assert "backup-" in out.getvalue()
    assert main(["backup", "verify"], out=out, err=err) == 0
    assert "in orde" in out.getvalue()
    assert main(["backup", "restore", "bestaat-niet.lwbak"], out=out, err=err) == 2


def test_backups_in_the_same_second_keep_the_newest(app: Leerwinkel) -> None:
    made = [app.backups.create(app.auth.current) for _ in range(3)]
    assert made[-1].path.exists()
    assert app.backups.backups()[0].path == made[-1].path


@pytest.mark.parametrize("name", ["../../etc/passwd", "\x00", "x" * 3000, "'; DROP TABLE clients; --"])
def test_hostile_backup_names_are_refused(app: Leerwinkel, name: str) -> None:
    out, err = io.StringIO(), io.StringIO()
    code = main(["backup", "restore", name], out=out, err=err)
    assert code in (1, 2) and "Traceback" not in err.getvalue()
    assert err.getvalue().strip()
