"""First start: create the administrator, the database key and the recovery key."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from leerwinkel.config import Config
from leerwinkel.errors import AlreadyExistsError, AuthenticationError
from leerwinkel.security.auth import Actor
from leerwinkel.security.crypto import DEFAULT_PARAMS, KdfParams, hash_password, new_database_key, new_recovery_key
from leerwinkel.security.keyring import Credentials, Keyring, check_password, check_username, is_set_up
from leerwinkel.storage.store import Clock, sqlite_file, system_clock


@dataclass(frozen=True)
class SetupResult:
    admin: Actor
    recovery_key: str | None = field(repr=False)  # None with PostgreSQL (no database key)


def setup_installation(
    config: Config,
    admin: str,
    password: str,
    *,
    clock: Clock = system_clock,
    params: KdfParams | None = None,
) -> SetupResult:
    """Create the first administrator (and on SQLite the encrypted database and the recovery key).

    Show ``recovery_key`` once and never store it. Raises AlreadyExistsError when already set up.
    """
    from leerwinkel.app import open_app

    params = params or DEFAULT_PARAMS
    name = check_username(admin)
    check_password(password)
    credentials = Credentials(name, password)
    if not config.uses_sqlite:
        app = open_app(config, clock=clock, credentials=None)
        try:
            actor = app.auth.create_first_admin(name, password)
        finally:
            app.close()
        return SetupResult(actor, None)
    path = sqlite_file(config)
    if is_set_up(config):
        raise AlreadyExistsError("installation", str(config.data_dir))
    key = new_database_key()
    if path is not None and path.exists() and path.stat().st_size > 0:
        encrypt_existing(path, key)  # a database from a version without encryption
        for copy in sorted(config.backup_dir.glob("*.sqlite3")) if config.backup_dir.is_dir() else []:
            if _is_plain(copy):
                encrypt_existing(copy, key)  # its upgrade copies too
    recovery_key = new_recovery_key()
    keyring = Keyring(first_admin=name)
    keyring.add_account(name, password, key, params=params)
    keyring.set_recovery(recovery_key, key, params=params)
    config.data_dir.mkdir(parents=True, exist_ok=True)
    keyring.save(config)
    app = open_app(config, clock=clock, credentials=credentials)
    try:
        signed_in = app.auth.current
        assert signed_in is not None
        app.audit.record(signed_in, "setup", "account", signed_in.id)
    finally:
        app.close()
    return SetupResult(signed_in, recovery_key)


def recover_account(
    config: Config,
    recovery_key: str,
    username: str,
    new_password: str,
    *,
    clock: Clock = system_clock,
    params: KdfParams = DEFAULT_PARAMS,
) -> None:
    """Set a new password for ``username`` with the recovery key (a forgotten administrator password)."""
    from sqlalchemy import func, select

    from leerwinkel.security.audit import record
    from leerwinkel.storage.models import Counsellor
    from leerwinkel.storage.store import open_database

    check_password(new_password)
    keyring = Keyring.load(config)
    key = keyring.unlock_with_recovery(recovery_key)
    if key is None:
        raise AuthenticationError("bad-recovery-key")
    from leerwinkel.config import device_id

    store = open_database(config, device_id=device_id(config), clock=clock, key=key)
    try:
        with store.unit_of_work() as session:
            row = session.scalars(select(Counsellor).where(func.lower(Counsellor.username) == username.lower())).first()
            if row is None:
                from leerwinkel.errors import NotFoundError

                raise NotFoundError("counsellor", username)
            row.password_hash = hash_password(new_password, params)
            row.active = True
            record(session, None, "account.password", "account", row.id, detail={"recovery": True})
            keyring.add_account(row.username, new_password, key, params=params)
            keyring.save(config)
    finally:
        store.dispose()


def encrypt_existing(path: Path, key: bytes) -> None:
    """Turn a plain SQLite database into an SQLCipher one with ``key``, and wipe the plain bytes.

    The encrypted copy is made beside it (sqlcipher_export), checked, and only then is the plain
    file overwritten with zeros and replaced. A file that is neither plain SQLite nor empty is
    refused (StorageError NOT_A_DATABASE) and left alone. Note: on SSDs, overwriting does not
    guarantee the old blocks are gone; use disk encryption too (docs/administration.md).
    """
    import os

    from leerwinkel.errors import StorageError, StorageProblem
    from leerwinkel.security.crypto import sqlcipher_key_pragma
    from leerwinkel.storage.store import SQLITE_HEADER, connect_sqlite_file, sqlcipher_module

    with open(path, "rb") as handle:
        if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise StorageError(StorageProblem.NOT_A_DATABASE, location=str(path))
    target = path.with_name(f".{path.name}.encrypting")
    target.unlink(missing_ok=True)
    plain = sqlcipher_module().connect(str(path), isolation_level=None)
    try:
        plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        literal = str(target).replace("'", "''")
        pragma = sqlcipher_key_pragma(key)
        key_literal = pragma.split("=", 1)[1].strip()
        plain.execute(f"ATTACH DATABASE '{literal}' AS encrypted KEY {key_literal}")
        plain.execute("SELECT sqlcipher_export('encrypted')")
        version = plain.execute("PRAGMA user_version").fetchone()[0]
        plain.execute(f"PRAGMA encrypted.user_version = {int(version)}")
        plain.execute("DETACH DATABASE encrypted")
    finally:
        plain.close()
    check = connect_sqlite_file(target, key)
    try:
        if check.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise StorageError(StorageProblem.CORRUPT, location=str(target))
    finally:
        check.close()
    for victim in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        if victim.exists():
            size = victim.stat().st_size
            with open(victim, "r+b") as handle:
                handle.write(b"\x00" * size)
                handle.flush()
                os.fsync(handle.fileno())
            if victim != path:
                victim.unlink()
    os.replace(target, path)


def _is_plain(path: Path) -> bool:
    from leerwinkel.storage.store import SQLITE_HEADER

    with open(path, "rb") as handle:
        return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
