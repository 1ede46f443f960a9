"""Encrypted backups of the SQLite database: create, list, verify, restore, rotate (7 daily, 4 weekly).

A backup is a consistent copy made with SQLite's backup API, written under a fresh random file key (SQLCipher
encrypts each page for the copy as it goes: one pass). The file key is sealed to the installation's backup key
(``backup-….lwbak.key`` beside it, which also carries the audit anchor); the backup key's private
half is sealed to administrators and the recovery key only. So every signed-in account can make a
backup, but only an administrator or the recovery key opens one, and a disabled account's password
opens no backup made after it was disabled (see leerwinkel.security.rotation for re-encryption).
Backups made by an older version (keyed with the database key itself, with keys.json copied beside
them) are still read; ``backup reencrypt`` and every key rotation convert them.
Restoring never overwrites: the current database (with its WAL) is first moved aside.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from leerwinkel.actor import Actor, require_admin
from leerwinkel.config import KEYRING_FILENAME, Config, keyring_path, sqlite_file
from leerwinkel.credentials import Credentials
from leerwinkel.errors import InvalidInputError, LeerwinkelError, NotFoundError, StorageError, StorageProblem
from leerwinkel.fileio import atomic_write_bytes, secure_dir, secure_file
from leerwinkel.security.anchors import current_anchor
from leerwinkel.security.audit import record
from leerwinkel.security.crypto import new_database_key, sqlcipher_key_pragma
from leerwinkel.security.keyring import Keyring, unlock_account
from leerwinkel.security.keys import backup_private_key, seal, unseal
from leerwinkel.storage import integrity
from leerwinkel.storage.errors import storage_error_from
from leerwinkel.storage.store import SQLITE_HEADER, Store, connect_sqlite_file, copy_into_new_file, page_cache_kib

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


SIDECAR_SUFFIX = ".key"
_SEAL_PURPOSE = b"leerwinkel-backup-file-key-v1"


def sidecar_path(backup: Path) -> Path:
    return backup.with_name(backup.name + SIDECAR_SUFFIX)


def read_sidecar(backup: Path) -> dict[str, object] | None:
    """The JSON beside a backup (file key, audit anchor), or None for a backup of the older kind."""
    for candidate in (sidecar_path(backup), sidecar_path(backup).with_name(sidecar_path(backup).name + ".next")):
        try:
            data = json.loads(candidate.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(data, dict):
            return data
    return None


def file_key(backup: Path, *, database_key: bytes | None, backup_private: bytes | None) -> bytes | None:
    """The key that opens ``backup``: its sealed file key (needs the backup key), else the database key."""
    candidates = [sidecar_path(backup), sidecar_path(backup).with_name(sidecar_path(backup).name + ".next")]
    sealed = []
    for candidate in candidates:
        try:
            data = json.loads(candidate.read_text(encoding="utf-8"))
            sealed.append(str(data["file_key"]))
        except (OSError, ValueError, KeyError, TypeError):
            continue
    if not sealed:
        return database_key
    if backup_private is None:
        return None
    private = backup_private_key(backup_private)
    for item in sealed:
        key = unseal(private, item, _SEAL_PURPOSE)
        if key is not None and verify_backup(backup, key).ok:
            return key
    return None


def _rekey_file(path: Path, old: bytes, new: bytes) -> None:
    connection = connect_sqlite_file(path, old)
    try:
        connection.execute(sqlcipher_key_pragma(new).replace("PRAGMA key", "PRAGMA rekey", 1))
    finally:
        connection.close()


def _seal_file_key(key: bytes, backup_public: bytes, anchor: dict[str, object] | None) -> bytes:
    data = {"format": 1, "file_key": seal(backup_public, key, _SEAL_PURPOSE), "anchor": anchor or {}}
    return (json.dumps(data, indent=1, sort_keys=True) + "\n").encode("utf-8")


def reencrypt_backups(
    config: Config,
    *,
    old_database_key: bytes,
    old_backup_private: bytes | None,
    new_backup_public: bytes,
) -> int:
    """Give every backup (and upgrade copy) a new file key sealed to ``new_backup_public``; return how many.

    Backups of the older kind (keyed with the database key) are converted too. The copies of
    keys.json that older versions left beside the backups are removed. A backup that neither key
    opens is left as it is (and reported by ``backup verify``).
    """
    folder = backup_folder(config)
    if not folder.is_dir():
        return 0
    done = 0
    paths = [info.path for info in list_backups(config)] + sorted(folder.glob("before-upgrade-*.sqlite3"))
    for path in paths:
        old = file_key(path, database_key=old_database_key, backup_private=old_backup_private)
        if old is None or not verify_backup(path, old).ok:
            log.warning("backup %s could not be opened for re-encryption", path.name)
            continue
        new = new_database_key()
        sidecar = read_sidecar(path) or {}
        anchor = sidecar.get("anchor") if isinstance(sidecar.get("anchor"), dict) else None
        pending = sidecar_path(path).with_name(sidecar_path(path).name + ".next")
        atomic_write_bytes(pending, _seal_file_key(new, new_backup_public, anchor))  # type: ignore[arg-type]
        _rekey_file(path, old, new)
        os.replace(pending, sidecar_path(path))
        done += 1
    (folder / KEYRING_FILENAME).unlink(missing_ok=True)
    return done


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
            # The full check looks every index entry up in its table: with SQLite's default 8 MB page cache it
            # read and decrypted the same pages again and again (190 s for a backup of 100,000 clients; 21 s
            # with the cache the database itself gets).
            connection.execute(f"PRAGMA cache_size = -{page_cache_kib(path)}")
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


def restore_backup(
    config: Config, key: bytes, backup: Path, now: dt.datetime, *, database_key: bytes | None = None
) -> RestoreResult:
    """Put ``backup`` (opened with ``key``) in place of the database (closed!), moving the current one aside.

    The restored copy is re-encrypted under ``database_key`` (the key that keys.json gives the
    accounts) when that differs from the backup's own key. Raises InvalidInputError("backup-invalid")
    when the backup does not pass :func:`verify_backup`; nothing is moved then.
    """
    path = sqlite_file(config)
    if path is None:
        raise InvalidInputError.single("backup-postgres")
    check = verify_backup(backup, key)
    if not check.ok:
        raise InvalidInputError.single("backup-invalid", field="backup", value=backup.name, why=check.reason)
    partial = path.with_name(f".{path.name}.restoring")
    try:
        partial.unlink(missing_ok=True)  # what an interrupted restore left
        reader = connect_sqlite_file(backup, key)
        try:  # one pass: read under the backup's key, written under the database's
            copy_into_new_file(reader, partial, database_key if database_key is not None else key)
        finally:
            reader.close()
        with open(partial, "rb") as handle:
            os.fsync(handle.fileno())
        moved = move_aside(config, now, label="replaced")
        os.replace(partial, path)
        # verify_backup ran the full integrity check: the next open need not (leerwinkel/storage/integrity.py)
        integrity.write_state(path, integrity.CheckState(now, True))
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise storage_error_from(error, location=str(path)) or StorageError(
            StorageProblem.UNREACHABLE, location=str(path)
        ) from error
    log.info("database restored from %s", backup.name)
    return RestoreResult(backup, moved)


def latest_good_backup(config: Config, key: bytes | None, *, backup_private: bytes | None = None) -> BackupInfo | None:
    """The newest backup that opens (with its file key, or ``key`` for one of the older kind) and verifies."""
    for info in list_backups(config):
        opened = file_key(info.path, database_key=key, backup_private=backup_private)
        if opened is not None and verify_backup(info.path, opened).ok:
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
        # The store's count of committed writes that the newest backup made here holds (None: none made yet).
        self._writes_backed_up: int | None = None

    @property
    def available(self) -> bool:
        """True when backups can be made here: an SQLite database that exists (PostgreSQL has its own tools)."""
        return self.config.uses_sqlite and sqlite_file(self.config) is not None

    def _require(self) -> None:
        if not self.available:
            raise InvalidInputError.single("backup-postgres")

    def create(self, actor: Actor | None, *, reason: str = "manual") -> BackupInfo:
        """Make a backup now, then rotate. ``reason``: manual, daily, exit (a code, for the audit trail)."""
        self._require()
        now = self.store.now()
        folder = backup_folder(self.config)
        secure_dir(folder)
        stamp = now.strftime(_STAMP)
        same_second = [_order(b)[1] for b in self.backups() if b.path.name.startswith(f"backup-{stamp}")]
        counter = max(same_second, default=0) + 1  # newer than any survivor of the same second
        target = folder / (f"backup-{stamp}.lwbak" if counter == 1 else f"backup-{stamp}-{counter}.lwbak")
        partial = folder / f".{target.name}.partial"
        try:
            with self.store.unit_of_work() as session:
                record(session, actor, "backup.create", "backup", target.name, detail={"reason": reason})
            writes = self.store.committed_writes  # before the copy: a write meanwhile makes the next one due
            backup_public = self._backup_public()
            key = new_database_key() if backup_public is not None else None
            self.store.copy_sqlite(partial, key=key)  # written under its own file key at once
            if backup_public is not None and key is not None:
                atomic_write_bytes(sidecar_path(target), _seal_file_key(key, backup_public, self.anchor()))
            with open(partial, "rb") as handle:
                os.fsync(handle.fileno())
            os.replace(partial, target)
            keys = keyring_path(self.config)
            if backup_public is None and keys.exists():
                # an installation whose backup key does not exist yet (no administrator signed in
                # since the upgrade): the older kind of backup, opened through keys.json
                shutil.copyfile(keys, folder / KEYRING_FILENAME)
                secure_file(folder / KEYRING_FILENAME)
        except OSError as error:
            partial.unlink(missing_ok=True)
            raise storage_error_from(error, location=str(folder)) or error from error
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        self._writes_backed_up = writes
        self.rotate()
        return BackupInfo(target, now.replace(microsecond=0), target.stat().st_size)

    def _backup_public(self) -> bytes | None:
        try:
            return Keyring.load(self.config).backup_public
        except LeerwinkelError:
            return None

    def _backup_private(self) -> bytes | None:
        unlocked = self.store.unlocked
        return getattr(unlocked, "backup_private", None)

    def anchor(self) -> dict[str, object] | None:
        """The audit chain head to anchor in a backup (see leerwinkel.security.anchors)."""
        return current_anchor(self.store)

    def _key_for(self, path: Path) -> bytes | None:
        return file_key(path, database_key=self.store.database_key, backup_private=self._backup_private())

    def reencrypt(self, actor: Actor | None) -> int:
        """Convert backups of the older kind (keyed with the database key) to the backup key (administrators)."""
        require_admin(actor, "backup.reencrypt")
        self._require()
        backup_public = self._backup_public()
        if backup_public is None or self.store.database_key is None:
            raise InvalidInputError.single("no-backup-key")
        count = reencrypt_backups(
            self.config,
            old_database_key=self.store.database_key,
            old_backup_private=self._backup_private(),
            new_backup_public=backup_public,
        )
        with self.store.unit_of_work() as session:
            record(session, actor, "backup.reencrypt", "backup", "", detail={"backups": count})
        return count

    def is_daily_due(self) -> bool:
        """True when the automatic daily backup is due: backups are possible and none exists of today (UTC)."""
        if not self.available:
            return False
        today = self.store.now().date()
        return not any(info.created_at.date() == today for info in self.backups())

    def is_exit_due(self) -> bool:
        """True when the backup at exit is due: backups are possible, and none was made in this session or
        something was written since the newest one (a counsellor who only looked, after the daily backup,
        does not wait for a second copy of the same file; at 100,000 clients that is half a minute)."""
        return self.available and self._writes_backed_up != self.store.committed_writes

    def create_daily(self, actor: Actor | None) -> BackupInfo | None:
        """The automatic daily backup: made when no backup exists of today yet (UTC)."""
        if not self.is_daily_due():
            return None
        return self.create(actor, reason="daily")

    def backups(self) -> list[BackupInfo]:
        """The rotated backups in the backup folder, newest first (upgrade copies are not listed)."""
        return list_backups(self.config)

    def verify(self, path: Path | None = None) -> list[BackupCheck]:
        """Check one backup, or all of them (newest first)."""
        self._require()
        paths = [path] if path is not None else [info.path for info in self.backups()]
        checks = []
        for p in paths:
            key = self._key_for(p)
            checks.append(verify_backup(p, key) if key is not None else BackupCheck(p, False, "no-key"))
        return checks

    def rotate(self) -> list[Path]:
        """Delete the backups rotation does not keep; return them."""
        backups = self.backups()
        kept = choose_kept(backups)
        removed = [info.path for info in backups if info.path not in kept]
        for path in removed:
            path.unlink(missing_ok=True)
            sidecar_path(path).unlink(missing_ok=True)
        return removed

    def find(self, name: str) -> Path:
        """A backup by file name (as ``backup list`` shows it) or by path; NotFoundError when there is none."""
        return named_backup(self.config, name)

    def choose(self, name: str | None) -> Path:
        """The backup called ``name``, or without a name the newest that verifies (:func:`choose_backup`)."""
        return choose_backup(
            self.config, name, database_key=self.store.database_key, backup_private=self._backup_private()
        )

    def restore(self, actor: Actor | None, backup: Path) -> RestoreResult:
        """Replace the database with ``backup`` (administrators only); the current file is moved aside.

        The store reconnects to the restored file on its next unit of work.
        """
        require_admin(actor, "backup.restore")
        self._require()
        key = self._key_for(backup)
        if key is None:
            raise InvalidInputError.single("backup-invalid", field="backup", value=backup.name, why="no-key")
        self.store.dispose()
        result = restore_backup(self.config, key, backup, self.store.now(), database_key=self.store.database_key)
        self.store.forget_damage()  # the backup passed the integrity check (restore_backup verifies it)
        with self.store.unit_of_work() as session:
            record(session, actor, "backup.restore", "backup", backup.name)
        return result


def named_backup(config: Config, name: str) -> Path:
    """A backup by file name in the backup folder (as ``backup list`` shows it) or by path."""
    for info in list_backups(config):
        if info.path.name == name or str(info.path) == name:
            return info.path
    candidate = Path(name)
    try:
        if candidate.is_file():
            return candidate
    except OSError:  # a name no file system accepts (too long, say) names no backup either
        pass
    raise NotFoundError("backup", name)


def choose_backup(
    config: Config, name: str | None, *, database_key: bytes | None, backup_private: bytes | None
) -> Path:
    """The backup to restore: the one called ``name``, or without a name the newest that opens and verifies.

    Reads and decrypts every backup until one verifies (slow with many large files). Raises NotFoundError
    for an unknown name, InvalidInputError("no-backup") when no backup verifies.
    """
    if name:
        return named_backup(config, name)
    found = latest_good_backup(config, database_key, backup_private=backup_private)
    if found is None:
        raise InvalidInputError.single("no-backup")
    return found.path


def find_backup_to_restore(config: Config, credentials: Credentials, *, now: dt.datetime) -> BackupInfo | None:
    """The latest backup that passes verification, unlocked with ``credentials`` (for a damaged database)."""
    found = unlock_account(config, credentials, now=now)
    return latest_good_backup(config, found.database_key, backup_private=found.backup_private)


def restore_with_credentials(
    config: Config, credentials: Credentials | None, backup: str | Path | None, *, now: dt.datetime
) -> RestoreResult:
    """:func:`restore_backup` of :func:`choose_backup`, unlocking the keys with ``credentials`` (else the
    environment's), for a database that cannot be opened: the database must be closed.

    Raises AuthenticationError for wrong or missing credentials, and what :func:`choose_backup` raises.
    """
    found = unlock_account(config, credentials, now=now)
    path = choose_backup(
        config, str(backup) if backup else None, database_key=found.database_key, backup_private=found.backup_private
    )
    key = file_key(path, database_key=found.database_key, backup_private=found.backup_private)
    if key is None:
        raise InvalidInputError.single("backup-invalid", field="backup", value=path.name, why="no-key")
    return restore_backup(config, key, path, now, database_key=found.database_key)
