"""The key file beside the SQLite database, the login credentials, and the failed-login delay.

``keys.json`` in the data folder gives the database key to each account and to the recovery key
(format 2: see leerwinkel.security.keys; format 1 entries are migrated at the next sign-in). Without a
right password it reveals nothing: no client data, no key. Roles live in the (encrypted) database,
never here; only the first administrator is marked, so that the first open of a new database can
create that account, and its signing key is pinned. During a key rotation ``keys.json.next`` holds
the new key file until the database has its new key (see leerwinkel.security.rotation).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from leerwinkel.config import Config, keyring_path, sqlite_file
from leerwinkel.credentials import Credentials
from leerwinkel.errors import AuthenticationError, InvalidInputError
from leerwinkel.fileio import atomic_write_bytes
from leerwinkel.security.crypto import (
    DEFAULT_PARAMS,
    KdfParams,
    KdfParamsError,
    WrappedKey,
    normalise_recovery_key,
    unwrap_key,
)
from leerwinkel.security.keys import AccountKeys, Unlocked, b64, unb64
from leerwinkel.security.throttle import THROTTLE_KEY_BYTES, LoginThrottle

RECOVERY_LABEL = "*recovery*"
MIN_PASSWORD_LENGTH = 8
MAX_PASSWORD_LENGTH = 1024
MAX_USERNAME_LENGTH = 80
MAX_KEYRING_BYTES = 1024 * 1024  # a key file for hundreds of accounts stays far below this


def check_username(username: str) -> str:
    name = username.strip()
    if not name:
        raise InvalidInputError.single("required", field="username")
    if len(name) > MAX_USERNAME_LENGTH:
        raise InvalidInputError.single("too-long", field="username", maximum=MAX_USERNAME_LENGTH)
    if not all(ch.isalnum() or ch in "._-@" for ch in name):
        raise InvalidInputError.single("bad-username", field="username")
    return name


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInputError.single("password-too-short", field="password", minimum=MIN_PASSWORD_LENGTH)
    if len(password) > MAX_PASSWORD_LENGTH:
        raise InvalidInputError.single("too-long", field="password", maximum=MAX_PASSWORD_LENGTH)
    if any(ord(ch) < 32 or ch == "\x7f" for ch in password):
        raise InvalidInputError.single("control-characters", field="password")


Entry = WrappedKey | AccountKeys


@dataclass(frozen=True)
class Unlock:
    """What one secret opened: the database key, and (format 2) the account's private keys."""

    name: str
    database_key: bytes = field(repr=False)
    keys: Unlocked | None = field(default=None, repr=False)  # None: a format 1 entry (not migrated yet)
    backup_private: bytes | None = field(default=None, repr=False)  # administrators and recovery only


def _entry_from(label: str, data: object) -> Entry:
    if not isinstance(data, dict):
        raise ValueError("bad entry")
    if data.get("format") == 2:
        return AccountKeys.from_dict(label, data)
    return WrappedKey.from_dict(data)


@dataclass
class Keyring:
    """The key file (see module docstring). Format 1 entries (XOR wrap) are read and migrated on sign-in.

    ``generation`` counts database key rotations; ``backup_public`` is the X25519 key every backup is
    encrypted to (its private key is sealed to administrators and the recovery key only);
    ``pinned_admin_key`` is the Ed25519 key of the first administrator, pinned at setup.
    """

    accounts: dict[str, Entry] = field(default_factory=dict)
    recovery: Entry | None = None
    first_admin: str = ""
    generation: int = 0
    backup_public: bytes | None = None
    pinned_admin_key: bytes | None = None
    signed_from: int | None = None  # the first audit event that must carry a signature
    throttle_key: bytes | None = field(default=None, repr=False)  # seals login-attempts.json (throttle.py)

    # -- file --------------------------------------------------------------------------------------

    @classmethod
    def load(cls, config: Config, *, path: Path | None = None) -> Keyring:
        """Read keys.json; AuthenticationError with a reason that says what is wrong with it.

        Reasons: not-set-up (no key file and no database), keyring-missing (a database without its
        key file), keyring-too-large, keyring-encoding, keyring-damaged, kdf-params (out of bounds).
        """
        path = path or keyring_path(config)
        where = str(path)
        try:
            with open(path, "rb") as handle:
                raw = handle.read(MAX_KEYRING_BYTES + 1)
        except FileNotFoundError:
            database = sqlite_file(config)
            if database is not None and database.is_file() and database.stat().st_size > 0:
                raise AuthenticationError("keyring-missing", location=where) from None
            raise AuthenticationError("not-set-up") from None
        except OSError as error:
            raise AuthenticationError("keyring-unreadable", location=where) from error
        if len(raw) > MAX_KEYRING_BYTES:
            raise AuthenticationError("keyring-too-large", location=where, detail=str(MAX_KEYRING_BYTES // 1024))
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            raise AuthenticationError("keyring-encoding", location=where) from error
        try:
            data = json.loads(text)
            accounts = {str(name): _entry_from(str(name).casefold(), copy) for name, copy in data["accounts"].items()}
            recovery = _entry_from(RECOVERY_LABEL, data["recovery"]) if data.get("recovery") else None
            backup_public = data.get("backup_public")
            pinned = data.get("pinned_admin_key")
            throttle_key = unb64(data["throttle_key"]) if data.get("throttle_key") else None
            if throttle_key is not None and len(throttle_key) != THROTTLE_KEY_BYTES:
                raise ValueError("throttle_key")
            return cls(
                accounts,
                recovery,
                str(data.get("first_admin", "")),
                generation=int(data.get("generation", 0)),
                backup_public=unb64(backup_public) if backup_public else None,
                pinned_admin_key=unb64(pinned) if pinned else None,
                signed_from=int(data["signed_from"]) if data.get("signed_from") else None,
                throttle_key=throttle_key,
            )
        except KdfParamsError as error:
            detail = f"{error.name}: {error.low}..{error.high}"
            raise AuthenticationError("kdf-params", location=where, detail=detail) from error
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise AuthenticationError("keyring-damaged", location=where) from error

    def to_bytes(self) -> bytes:
        data = {
            "format": 2,
            "first_admin": self.first_admin,
            "generation": self.generation,
            "backup_public": b64(self.backup_public) if self.backup_public else None,
            "pinned_admin_key": b64(self.pinned_admin_key) if self.pinned_admin_key else None,
            "signed_from": self.signed_from,
            "throttle_key": b64(self.throttle_key) if self.throttle_key else None,
            "accounts": {name: copy.to_dict() for name, copy in sorted(self.accounts.items())},
            "recovery": self.recovery.to_dict() if self.recovery else None,
        }
        return (json.dumps(data, indent=2) + "\n").encode("utf-8")

    def save(self, config: Config, *, path: Path | None = None) -> None:
        """Write keys.json safely (temporary file, fsync, rename; mode 600)."""
        atomic_write_bytes(path or keyring_path(config), self.to_bytes())

    # -- keys --------------------------------------------------------------------------------------

    def find(self, username: str) -> str | None:
        wanted = username.strip().casefold()
        return next((name for name in self.accounts if name.casefold() == wanted), None)

    def _open(self, entry: Entry, name: str, secret: str, label: str) -> Unlock | None:
        if isinstance(entry, WrappedKey):
            key = unwrap_key(entry, secret, label=label)
            return Unlock(name, key) if key is not None else None
        keys = entry.unlock(secret)
        if keys is None:
            return None
        database_key = keys.database_key(entry, self.generation)
        if database_key is None:
            return None  # sealed for another key generation: this entry was not given the current key
        return Unlock(name, database_key, keys, keys.backup_private(entry))

    def unlock_account(self, credentials: Credentials) -> Unlock | None:
        name = self.find(credentials.username)
        if name is None:
            return None
        return self._open(self.accounts[name], name, credentials.password, name.casefold())

    def unlock(self, credentials: Credentials) -> bytes | None:
        found = self.unlock_account(credentials)
        return found.database_key if found is not None else None

    def unlock_recovery(self, recovery_key: str) -> Unlock | None:
        if self.recovery is None:
            return None
        return self._open(self.recovery, RECOVERY_LABEL, normalise_recovery_key(recovery_key), RECOVERY_LABEL)

    def unlock_with_recovery(self, recovery_key: str) -> bytes | None:
        found = self.unlock_recovery(recovery_key)
        return found.database_key if found is not None else None

    def add_account(
        self,
        username: str,
        password: str,
        key: bytes,
        *,
        params: KdfParams = DEFAULT_PARAMS,
        backup_private: bytes | None = None,
        signer: Any = None,
    ) -> Unlocked:
        """A new format 2 entry for ``username`` (replacing any): new key pairs, the database key sealed to it.

        ``signer``: keep this Ed25519 signing key (a password change by the account itself).
        """
        existing = self.find(username) or username
        entry, keys = AccountKeys.create(existing.casefold(), password, params, signer=signer)
        entry.give(database_key=key, generation=self.generation, backup_private=backup_private)
        self.accounts[existing] = entry
        return keys

    def remove_account(self, username: str) -> None:
        name = self.find(username)
        if name is not None:
            del self.accounts[name]

    def set_recovery(
        self, recovery_key: str, key: bytes, *, params: KdfParams = DEFAULT_PARAMS, backup_private: bytes | None = None
    ) -> None:
        entry, _keys = AccountKeys.create(RECOVERY_LABEL, normalise_recovery_key(recovery_key), params)
        entry.give(database_key=key, generation=self.generation, backup_private=backup_private)
        self.recovery = entry

    def sign_public(self, username: str) -> bytes | None:
        name = self.find(username)
        entry = self.accounts.get(name) if name else None
        return entry.sign_public if isinstance(entry, AccountKeys) else None

    def holds_backup_key(self, username: str) -> bool:
        name = self.find(username)
        entry = self.accounts.get(name) if name else None
        return isinstance(entry, AccountKeys) and bool(entry.backup_private)


def needs_rehash(entry: Entry, target: KdfParams) -> bool:
    """check_needs_rehash for a key file entry: format 1, or parameters weaker than ``target``."""
    return isinstance(entry, WrappedKey) or entry.params.is_weaker_than(target)


# -- failed logins -------------------------------------------------------------------------------


def login_throttle(config: Config, keyring: Keyring | None = None) -> LoginThrottle:
    """The failed-login count of this data folder, sealed with the key file's throttle key when it has one."""
    if keyring is None:
        try:
            keyring = Keyring.load(config)
        except AuthenticationError:
            keyring = None  # PostgreSQL, or not set up: nothing to seal with
    return LoginThrottle(config.data_dir, key=keyring.throttle_key if keyring is not None else None)


def unlock_account(config: Config, credentials: Credentials | None, *, now: dt.datetime) -> Unlock:
    """What these credentials open in the key file; AuthenticationError when they are missing or wrong."""
    keyring = Keyring.load(config)
    if credentials is None:
        raise AuthenticationError("credentials-required")
    throttle = login_throttle(config, keyring)
    throttle.check(credentials.username, now)
    found = keyring.unlock_account(credentials)
    if found is None:
        wait = throttle.failed(credentials.username, now)
        raise AuthenticationError("bad-credentials", wait_seconds=wait)
    return found


def unlock_database_key(config: Config, credentials: Credentials | None, *, now: dt.datetime) -> bytes:
    """The database key for these credentials; AuthenticationError when they are missing or wrong."""
    return unlock_account(config, credentials, now=now).database_key
