"""Encrypted backups of the SQLite database: create, list, verify, restore, rotate (7 daily, 4 weekly).

A backup is a consistent copy made with SQLite's backup API into a file keyed with the same
database key, so it is as unreadable as the database itself. A copy of the key file (keys.json)
sits beside the backups: with it, an account password or the recovery key opens any backup.
Restoring never overwrites: the current database (with its WAL) is first moved aside.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from leerwinkel.config import Config
from leerwinkel.errors import InvalidInputError, NotFoundError, StorageError, StorageProblem
from leerwinkel.security.auth import Actor, require_admin
from leerwinkel.security.keyring import KEYRING_FILENAME, Credentials, keyring_path, unlock_database_key
from leerwinkel.storage.errors import storage_error_from
from leerwinkel.storage.store import SQLITE_HEADER, Store, connect_sqlite_file, sqlite_file

log = logging.getLogger(__name__)

DAILY_KEEP = 7
WEEKLY_KEEP = 4
_NAME = re.compile(r"^backup-(\d{8}T\d{6}Z)(?:-(\d+))?\.lwbak$")
_STAMP = "%Y%m%dT%H%M%SZ"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created_at: dt.datetime
    size: int


@dataclass(frozen=True)
class BackupCheck:
    path: Path
    ok: bool
    reason: str = ""  # "", "plain-text", "wrong-key", "damaged", "not-ours"


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    moved_aside: Path | None


def _order(info: BackupInfo) -> tuple[dt.datetime, int]:
    """Newest last: by time, then by the counter of backups made within the same second."""
    match = _NAME.match(info.path.name)
    return info.created_at, int(match.group(2)) if match and match.group(2) else 1


def backup_folder(config: Config) -> Path:
    return config.backup_dir


def list_backups(config: Config) -> list[BackupInfo]:
    """The rotated backups, newest first (upgrade copies are not listed)."""
    folder = backup_folder(config)
    found: list[BackupInfo] = []
    if not folder.is_dir():
        return found
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if match and path.is_file():
            created = dt.datetime.strptime(match.group(1), _STAMP).replace(tzinfo=dt.UTC)
            found.append(BackupInfo(path, created, path.stat().st_size))
    return sorted(found, key=_order, reverse=True)


def verify_backup(path: Path, key: bytes) -> BackupCheck:
    """Open a backup with the database key and run SQLite's integrity check on it."""
    try:
        with open(path, "rb") as handle:
            if handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER:
                return BackupCheck(path, False, "plain-text")
    except OSError:
        return BackupCheck(path, False, "damaged")
    try:
        connection = connect_sqlite_file(path, key)
    except Exception:
        return BackupCheck(path, False, "damaged")
    try:
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except Exception:
            return BackupCheck(path, False, "wrong-key")
        try:
            result = connection.execute("PRAGMA integrity_check").fetchone()
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        except Exception:
            return BackupCheck(path, False, "damaged")
        if not result or result[0] != "ok":
            return BackupCheck(path, False, "damaged")
        if not {"alembic_version", "clients", "audit_events"} <= tables:
            return BackupCheck(path, False, "not-ours")
        return BackupCheck(path, True)
    finally:
        connection.close()


def move_aside(config: Config, now: dt.datetime, *, label: str = "damaged") -> Path | None:
    """Rename the database file (and its -wal/-shm) to ``<name>.<label>-<stamp>``; never deletes."""
    path = sqlite_file(config)
    if path is None or not path.exists():
        return None
    stamp = now.strftime(_STAMP)
    target = path.with_name(f"{path.name}.{label}-{stamp}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}.{label}-{stamp}-{counter}")
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            os.replace(side, target.with_name(target.name + suffix))
    os.replace(path, target)
    log.warning("database moved aside to %s", target.name)
    return target


def restore_backup(config: Config, key: bytes, backup: Path, now: dt.datetime) -> RestoreResult:
    """Put ``backup`` in place of the database (closed!). The current file is moved aside first.

    Raises InvalidInputError("backup-invalid") when the backup does not pass :func:`verify_backup`;
    nothing is moved then.
    """
    path = sqlite_file(config)
    if path is None:
        raise InvalidInputError.single("backup-postgres")
    check = verify_backup(backup, key)
    if not check.ok:
        raise InvalidInputError.single("backup-invalid", field="backup", value=backup.name, why=check.reason)
    partial = path.with_name(f".{path.name}.restoring")
    try:
        shutil.copyfile(backup, partial)
        with open(partial, "rb") as handle:
            os.fsync(handle.fileno())
        moved = move_aside(config, now, label="replaced")
        os.replace(partial, path)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise storage_error_from(error, location=str(path)) or StorageError(
            StorageProblem.UNREACHABLE, location=str(path)
        ) from error
    log.info("database restored from %s", backup.name)
    return RestoreResult(backup, moved)


def latest_good_backup(config: Config, key: bytes) -> BackupInfo | None:
    for info in list_backups(config):
        if verify_backup(info.path, key).ok:
            return info
    return None


def choose_kept(backups: list[BackupInfo]) -> set[Path]:
    """Which backups rotation keeps: the newest of each of the last 7 days and of the last 4 ISO weeks."""
    kept: set[Path] = set()
    days: list[dt.date] = []
    weeks: list[tuple[int, int]] = []
    for info in sorted(backups, key=_order, reverse=True):
        day = info.created_at.date()
        week = day.isocalendar()[:2]
        if day not in days and len(days) < DAILY_KEEP:
            days.append(day)
            kept.add(info.path)
        if week not in weeks and len(weeks) < WEEKLY_KEEP:
            weeks.append((week[0], week[1]))
            kept.add(info.path)
    return kept


class BackupService:
    """Backups of the open database (SQLite only; PostgreSQL is backed up on the server)."""

    def __init__(self, store: Store, config: Config) -> None:
        self.store = store
        self.config = config

    @property
    def available(self) -> bool:
        return self.config.uses_sqlite and sqlite_file(self.config) is not None

    def _require(self) -> None:
        if not self.available:
            raise InvalidInputError.single("backup-postgres")

    def create(self, actor: Actor | None, *, reason: str = "manual") -> BackupInfo:
        """Make a backup now, then rotate. ``reason``: manual, daily, exit (a code, for the audit trail)."""
        from leerwinkel.security.audit import record

        self._require()
        now = self.store.now()
        folder = backup_folder(self.config)
        folder.mkdir(parents=True, exist_ok=True)
        stamp = now.strftime(_STAMP)
        same_second = [_order(b)[1] for b in self.backups() if b.path.name.startswith(f"backup-{stamp}")]
        counter = max(same_second, default=0) + 1  # newer than any survivor of the same second
        target = folder / (f"backup-{stamp}.lwbak" if counter == 1 else f"backup-{stamp}-{counter}.lwbak")
        partial = folder / f".{target.name}.partial"
        try:
            with self.store.unit_of_work() as session:
                record(session, actor, "backup.create", "backup", target.name, detail={"reason": reason})
            self.store.copy_sqlite(partial)
            with open(partial, "rb") as handle:
                os.fsync(handle.fileno())
            os.replace(partial, target)
            keys = keyring_path(self.config)
            if keys.exists():
                shutil.copyfile(keys, folder / KEYRING_FILENAME)
        except OSError as error:
            partial.unlink(missing_ok=True)
            raise storage_error_from(error, location=str(folder)) or error from error
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        self.rotate()
        return BackupInfo(target, now.replace(microsecond=0), target.stat().st_size)

    def create_daily(self, actor: Actor | None) -> BackupInfo | None:
        """The automatic daily backup: made when no backup exists of today yet (UTC)."""
        if not self.available:
            return None
        today = self.store.now().date()
        if any(info.created_at.date() == today for info in self.backups()):
            return None
        return self.create(actor, reason="daily")

    def backups(self) -> list[BackupInfo]:
        return list_backups(self.config)

    def verify(self, path: Path | None = None) -> list[BackupCheck]:
        """Check one backup, or all of them (newest first)."""
        self._require()
        key = self.store.database_key
        assert key is not None
        paths = [path] if path is not None else [info.path for info in self.backups()]
        return [verify_backup(p, key) for p in paths]

    def rotate(self) -> list[Path]:
        """Delete the backups rotation does not keep; return them."""
        backups = self.backups()
        kept = choose_kept(backups)
        removed = [info.path for info in backups if info.path not in kept]
        for path in removed:
            path.unlink(missing_ok=True)
        return removed

    def find(self, name: str) -> Path:
        """A backup by file name (as ``backup list`` shows it) or by path."""
        for info in self.backups():
            if info.path.name == name or str(info.path) == name:
                return info.path
        candidate = Path(name)
        if candidate.is_file():
            return candidate
        raise NotFoundError("backup", name)

    def restore(self, actor: Actor | None, backup: Path) -> RestoreResult:
        """Replace the database with ``backup`` (administrators only); the current file is moved aside.

        The store reconnects to the restored file on its next unit of work.
        """
        from leerwinkel.security.audit import record

        require_admin(actor, "backup.restore")
        self._require()
        key = self.store.database_key
        assert key is not None
        self.store.dispose()
        result = restore_backup(self.config, key, backup, self.store.now())
        with self.store.unit_of_work() as session:
            record(session, actor, "backup.restore", "backup", backup.name)
        return result


def find_backup_to_restore(config: Config, credentials: Credentials, *, now: dt.datetime) -> BackupInfo | None:
    """The latest backup that passes verification, unlocked with ``credentials`` (for a damaged database)."""
    return latest_good_backup(config, unlock_database_key(config, credentials, now=now))


def restore_with_credentials(
    config: Config, credentials: Credentials, backup: Path, *, now: dt.datetime
) -> RestoreResult:
    """:func:`restore_backup`, unlocking the key with ``credentials`` (the database must be closed)."""
    return restore_backup(config, unlock_database_key(config, credentials, now=now), backup, now)
