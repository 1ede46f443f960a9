"""Revocation: a new database key when an account is disabled or a password is changed or recovered.

SQLite only (PostgreSQL data is protected by the server's accounts). The steps, in an order that a
crash at any point cannot lock everybody out:

1. the new key file is written beside the old one as ``keys.json.next`` (the database key sealed to
   every remaining account and the recovery key; the removed account's entry is gone, a replaced
   password gets new key pairs);
2. the database is re-encrypted under the new key (SQLCipher ``PRAGMA rekey``);
3. ``keys.json.next`` replaces ``keys.json``.

A crash between 2 and 3 leaves a database that only the ``.next`` file opens: :func:`finish_pending`
(called before every unlock) promotes it. When an administrator (a holder of the backup key) is
removed or replaced, the backup key is replaced too and every backup is re-encrypted under it.
"""

from __future__ import annotations

import dataclasses
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from leerwinkel.backup import reencrypt_backups
from leerwinkel.config import Config, keyring_path, sqlite_file
from leerwinkel.credentials import Credentials
from leerwinkel.errors import AuthenticationError
from leerwinkel.security.crypto import KdfParams, WrappedKey, new_database_key, target_params
from leerwinkel.security.keyring import Keyring, Unlock
from leerwinkel.security.keys import AccountKeys, new_backup_keypair
from leerwinkel.storage.store import Store, connect_sqlite_file

log = logging.getLogger(__name__)

PENDING_SUFFIX = ".next"


@dataclass(frozen=True)
class RotationResult:
    generation: int
    #: accounts whose key file entry was still format 1 and could not be given the new key: they
    #: need a new password from an administrator (``account password NAME``)
    dropped: tuple[str, ...] = ()
    recovery_dropped: bool = False  # a format 1 recovery entry: issue a new recovery key
    backups_reencrypted: int = 0


def pending_path(config: Config) -> Path:
    path = keyring_path(config)
    return path.with_name(path.name + PENDING_SUFFIX)


def _opens_database(config: Config, key: bytes | None) -> bool:
    path = sqlite_file(config)
    if key is None or path is None or not path.exists():
        return False
    try:
        connection = connect_sqlite_file(path, key)
    except Exception:
        return False
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except Exception:
        return False
    finally:
        connection.close()


def finish_pending(config: Config, credentials: Credentials | None) -> None:
    """After a crash during a rotation: keep whichever key file opens the database.

    The pending file is promoted when the key it gives these credentials opens the database, and
    removed when the current file's key does (the rotation never reached the database). Otherwise
    (credentials that neither file knows) both are left as they are.
    """
    pending = pending_path(config)
    if credentials is None or not pending.exists():
        return
    try:
        candidate = Keyring.load(config, path=pending)
        current = Keyring.load(config)
    except AuthenticationError:
        return
    if _opens_database(config, candidate.unlock(credentials)):
        os.replace(pending, keyring_path(config))
        log.warning("key rotation finished after an interruption (generation %s)", candidate.generation)
    elif _opens_database(config, current.unlock(credentials)):
        pending.unlink(missing_ok=True)


def _regive(entry: AccountKeys, new_key: bytes, generation: int, new_backup_private: bytes | None) -> None:
    """The new database key for a remaining entry; its backup key stays, or is the new one if replaced."""
    had_backup = entry.backup_private
    entry.give(database_key=new_key, generation=generation, backup_private=None)
    if had_backup and new_backup_private is not None:
        entry.give_backup(new_backup_private)
    else:
        entry.backup_private = had_backup  # not bound to the key generation: still valid


def rotate_database_key(
    config: Config,
    store: Store,
    acting: Unlock,
    *,
    remove: frozenset[str] = frozenset(),
    replace: dict[str, str] | None = None,
    params: KdfParams | None = None,
    keep_signer: dict[str, object] | None = None,
) -> RotationResult:
    """Give the database a new key, for every account except ``remove``; ``replace`` maps a user name
    to its new password (new key pairs for that account). ``acting`` is the unlocked key material of
    whoever acts (an account or the recovery key). Call only after the database change that caused
    the rotation (disable, new password hash) was committed.
    """
    params = params or target_params()
    replace = replace or {}
    keyring = Keyring.load(config)
    old_key = store.database_key
    assert old_key is not None
    new_key = new_database_key()
    keyring.generation += 1
    removed_names = {n.casefold() for n in remove}
    replaced_names = {n.casefold(): p for n, p in replace.items()}
    removed_holder = any(keyring.holds_backup_key(n) for n in (*remove, *replace))
    backup_private = acting.backup_private
    new_backup: tuple[bytes, bytes] | None = None
    if removed_holder and backup_private is not None:
        new_backup = new_backup_keypair()  # a removed administrator knew the old backup key
    holder_backup = new_backup[0] if new_backup else backup_private
    dropped: list[str] = []
    for name in list(keyring.accounts):
        entry = keyring.accounts[name]
        folded = name.casefold()
        if folded in removed_names:
            del keyring.accounts[name]
        elif folded in replaced_names:
            had_backup = isinstance(entry, AccountKeys) and bool(entry.backup_private)
            keyring.add_account(
                name,
                replaced_names[folded],
                new_key,
                params=params,
                backup_private=holder_backup if had_backup else None,
                signer=(keep_signer or {}).get(folded),
            )
        elif isinstance(entry, WrappedKey):
            del keyring.accounts[name]  # a format 1 copy cannot be given a key without its password
            dropped.append(name)
        else:
            _regive(entry, new_key, keyring.generation, new_backup[0] if new_backup else None)
    recovery_dropped = False
    if isinstance(keyring.recovery, AccountKeys):
        _regive(keyring.recovery, new_key, keyring.generation, new_backup[0] if new_backup else None)
    elif keyring.recovery is not None:
        keyring.recovery = None
        recovery_dropped = True
    if new_backup is not None:
        keyring.backup_public = new_backup[1]
    pending = pending_path(config)
    keyring.save(config, path=pending)
    reencrypted = 0
    if new_backup is not None and backup_private is not None:
        reencrypted = reencrypt_backups(
            config, old_database_key=old_key, old_backup_private=backup_private, new_backup_public=new_backup[1]
        )
    store.rekey(new_key)
    os.replace(pending, keyring_path(config))
    if store.unlocked is not None and isinstance(store.unlocked, Unlock):
        store.unlocked = dataclasses.replace(store.unlocked, database_key=new_key, backup_private=holder_backup)
    log.info("database key rotated (generation %s)", keyring.generation)
    return RotationResult(keyring.generation, tuple(dropped), recovery_dropped, reencrypted)
