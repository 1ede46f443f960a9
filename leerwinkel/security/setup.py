"""First start: create the administrator, the database key and the recovery key."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path

from leerwinkel.actor import Actor
from leerwinkel.app import open_app
from leerwinkel.config import Config, device_id, is_set_up, sqlite_file
from leerwinkel.credentials import Credentials
from leerwinkel.errors import AlreadyExistsError, AuthenticationError, NotFoundError, StorageError, StorageProblem
from leerwinkel.fileio import secure_dir
from leerwinkel.security.audit import record
from leerwinkel.security.crypto import (
    DEFAULT_PARAMS as DEFAULT_PARAMS,  # kept importable: older callers patch it; setup uses target_params()
)
from leerwinkel.security.crypto import (
    KdfParams,
    hash_password,
    new_database_key,
    new_recovery_key,
    sqlcipher_key_pragma,
    target_params,
)
from leerwinkel.security.grants import RECOVERY, GrantChecker, grant_keys, make_grant, roots_from
from leerwinkel.security.keyring import Keyring, Unlock, check_password, check_username
from leerwinkel.security.keys import new_backup_keypair
from leerwinkel.security.rotation import rotate_database_key
from leerwinkel.security.throttle import LoginThrottle, new_throttle_key
from leerwinkel.storage.models import Counsellor
from leerwinkel.storage.store import (
    SQLITE_HEADER,
    Clock,
    Store,
    connect_sqlite_file,
    open_database,
    sqlcipher_module,
    system_clock,
)


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
    params = params or target_params()
    name = check_username(admin)
    check_password(password)
    credentials = Credentials(name, password)
    if not config.uses_sqlite:
        with open_app(dataclasses.replace(config, require_account=False), clock=clock, credentials=None) as app:
            actor = app.auth.create_first_admin(name, password)
        return SetupResult(actor, None)
    path = sqlite_file(config)
    if is_set_up(config):
        raise AlreadyExistsError("installation", str(config.data_dir))
    if path is not None and path.exists() and path.stat().st_size > 0 and not _is_plain(path):
        # an encrypted database whose key file is gone: a new key file would not open it
        raise AuthenticationError("keyring-missing", location=str(config.data_dir / "keys.json"))
    key = new_database_key()
    existed = path is not None and path.exists() and path.stat().st_size > 0
    if path is not None and path.exists() and path.stat().st_size > 0:
        encrypt_existing(path, key)  # a database from a version without encryption
        for copy in sorted(config.backup_dir.glob("*.sqlite3")) if config.backup_dir.is_dir() else []:
            if _is_plain(copy):
                encrypt_existing(copy, key)  # its upgrade copies too
    recovery_key = new_recovery_key()
    backup_private, backup_public = new_backup_keypair()
    # an existing trail was never signed: the first sign-in notes where signing starts
    keyring = Keyring(first_admin=name, backup_public=backup_public, signed_from=None if existed else 1)
    admin_keys = keyring.add_account(name, password, key, params=params, backup_private=backup_private)
    keyring.set_recovery(recovery_key, key, params=params, backup_private=backup_private)
    keyring.pinned_admin_key = admin_keys.sign_public  # role grants are checked against this key
    keyring.throttle_key = new_throttle_key()

    secure_dir(config.data_dir)
    # the sealed login count first: a key file with a throttle key and no sealed file counts as a reset
    LoginThrottle(config.data_dir, key=None).seal(keyring.throttle_key)
    keyring.save(config)
    with open_app(config, clock=clock, credentials=credentials) as app:
        signed_in = app.auth.current
        assert signed_in is not None
        app.audit.record(signed_in, "setup", "account", signed_in.id)
    return SetupResult(signed_in, recovery_key)


def recover_account(
    config: Config,
    recovery_key: str,
    username: str,
    new_password: str,
    *,
    clock: Clock = system_clock,
    params: KdfParams | None = None,
) -> None:
    """Set a new password for ``username`` with the recovery key (a forgotten administrator password).

    Like any password change this rotates the database key: the old password opens nothing after it.
    """
    from sqlalchemy import func, select

    params = params or target_params()
    check_password(new_password)
    keyring = Keyring.load(config)
    unlocked = keyring.unlock_recovery(recovery_key)
    if unlocked is None:
        raise AuthenticationError("bad-recovery-key")
    store = open_database(config, device_id=device_id(config), clock=clock, key=unlocked.database_key)
    store.unlocked = unlocked
    try:
        with store.unit_of_work() as session:
            row = session.scalars(select(Counsellor).where(func.lower(Counsellor.username) == username.lower())).first()
            if row is None:
                raise NotFoundError("counsellor", username)
            row.password_hash = hash_password(new_password, params)
            row.active = True
            record(session, None, "account.password", "account", row.id, detail={"recovery": True})
            name = row.username
        if keyring.find(name) is None:
            keyring.add_account(name, new_password, unlocked.database_key, params=params)
            keyring.save(config)  # an account that had no key copy (disabled): give it one first
        rotate_database_key(config, store, unlocked, replace={name: new_password}, params=params)
        _regrant_after_recovery(config, store, name, unlocked)
    finally:
        store.dispose()


def _regrant_after_recovery(config: Config, store: object, name: str, unlocked: object) -> None:
    """The recovered account's new signing key joins its grant, signed by the recovery key."""
    assert isinstance(store, Store)
    if not isinstance(unlocked, Unlock) or unlocked.keys is None:
        return
    keyring = Keyring.load(config)
    new = keyring.sign_public(name)
    with store.unit_of_work() as session:
        row = session.query(Counsellor).filter(Counsellor.username == name).first()
        if row is None or new is None or not GrantChecker(session, roots_from(keyring)).check(row).ok:
            return  # a role nobody signed is not signed by a recovery either
        row.role_grant = make_grant(
            row,
            sign_keys=[*grant_keys(row), new],
            by=RECOVERY,
            signer=unlocked.keys.signer,
            at=store.now().isoformat(),
        )


def encrypt_existing(path: Path, key: bytes) -> None:
    """Turn a plain SQLite database into an SQLCipher one with ``key``, and wipe the plain bytes.

    The encrypted copy is made beside it (sqlcipher_export), checked, and only then is the plain
    file overwritten with zeros and replaced. A file that is neither plain SQLite nor empty is
    refused (StorageError NOT_A_DATABASE) and left alone. Note: on SSDs, overwriting does not
    guarantee the old blocks are gone; use disk encryption too (docs/administration.md).
    """
    import os

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
    with open(path, "rb") as handle:
        return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
