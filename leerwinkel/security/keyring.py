"""The key file beside the SQLite database, the login credentials, and the failed-login delay.

``keys.json`` in the data folder holds one wrapped copy of the database key per account and one for
the recovery key. Without a right password it reveals nothing: no client data, no key. Roles live in
the (encrypted) database, never here; only the first administrator is marked, so that the first open
of a new database can create that account.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from leerwinkel.config import Config
from leerwinkel.errors import AuthenticationError, InvalidInputError, Problem
from leerwinkel.fileio import atomic_write_bytes
from leerwinkel.security.crypto import (
    DEFAULT_PARAMS,
    KdfParams,
    WrappedKey,
    normalise_recovery_key,
    unwrap_key,
    wrap_key,
)

KEYRING_FILENAME = "keys.json"
ATTEMPTS_FILENAME = "login-attempts.json"
USER_ENV = "LEERWINKEL_USER"
PASSWORD_FILE_ENV = "LEERWINKEL_PASSWORD_FILE"
RECOVERY_LABEL = "*recovery*"
FREE_ATTEMPTS = 5
MAX_DELAY_SECONDS = 300.0
MIN_PASSWORD_LENGTH = 8
MAX_PASSWORD_LENGTH = 1024
MAX_USERNAME_LENGTH = 80


@dataclass(frozen=True)
class Credentials:
    """A user name and a password, as typed or read from a password file."""

    username: str
    password: str = field(repr=False)


def keyring_path(config: Config) -> Path:
    return config.data_dir / KEYRING_FILENAME


def is_set_up(config: Config) -> bool:
    """True once ``leerwinkel setup`` (or the first-start dialog) has created the key file."""
    return keyring_path(config).is_file()


def read_password_file(path: Path) -> str:
    """The first line of a password file, without its line end."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InvalidInputError([Problem("unreadable-file", field="password_file", file=str(path))]) from error
    return text.splitlines()[0] if text else ""


def credentials_from_env(environ: Mapping[str, str] | None = None) -> Credentials | None:
    """Credentials from LEERWINKEL_USER and LEERWINKEL_PASSWORD_FILE, when both are set."""
    env = os.environ if environ is None else environ
    user = env.get(USER_ENV, "").strip()
    password_file = env.get(PASSWORD_FILE_ENV, "").strip()
    if not user or not password_file:
        return None
    return Credentials(user, read_password_file(Path(password_file)))


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


@dataclass
class Keyring:
    """The wrapped copies of the database key (see module docstring)."""

    accounts: dict[str, WrappedKey] = field(default_factory=dict)
    recovery: WrappedKey | None = None
    first_admin: str = ""

    # -- file --------------------------------------------------------------------------------------

    @classmethod
    def load(cls, config: Config) -> Keyring:
        path = keyring_path(config)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            accounts = {str(name): WrappedKey.from_dict(copy) for name, copy in data["accounts"].items()}
            recovery = WrappedKey.from_dict(data["recovery"]) if data.get("recovery") else None
            return cls(accounts, recovery, str(data.get("first_admin", "")))
        except FileNotFoundError:
            raise AuthenticationError("not-set-up") from None
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise AuthenticationError("keyring-damaged") from error

    def save(self, config: Config) -> None:
        data = {
            "format": 1,
            "first_admin": self.first_admin,
            "accounts": {name: copy.to_dict() for name, copy in sorted(self.accounts.items())},
            "recovery": self.recovery.to_dict() if self.recovery else None,
        }
        atomic_write_bytes(keyring_path(config), (json.dumps(data, indent=2) + "\n").encode("utf-8"))

    # -- keys --------------------------------------------------------------------------------------

    def find(self, username: str) -> str | None:
        wanted = username.strip().casefold()
        return next((name for name in self.accounts if name.casefold() == wanted), None)

    def unlock(self, credentials: Credentials) -> bytes | None:
        name = self.find(credentials.username)
        if name is None:
            return None
        return unwrap_key(self.accounts[name], credentials.password, label=name.casefold())

    def unlock_with_recovery(self, recovery_key: str) -> bytes | None:
        if self.recovery is None:
            return None
        return unwrap_key(self.recovery, normalise_recovery_key(recovery_key), label=RECOVERY_LABEL)

    def add_account(self, username: str, password: str, key: bytes, *, params: KdfParams = DEFAULT_PARAMS) -> None:
        existing = self.find(username) or username
        self.accounts[existing] = wrap_key(key, password, label=existing.casefold(), params=params)

    def remove_account(self, username: str) -> None:
        name = self.find(username)
        if name is not None:
            del self.accounts[name]

    def set_recovery(self, recovery_key: str, key: bytes, *, params: KdfParams = DEFAULT_PARAMS) -> None:
        self.recovery = wrap_key(key, normalise_recovery_key(recovery_key), label=RECOVERY_LABEL, params=params)


# -- failed logins -------------------------------------------------------------------------------


def delay_after(failures: int) -> float:
    """Seconds to wait after ``failures`` failed attempts in a row: none for the first four."""
    if failures < FREE_ATTEMPTS:
        return 0.0
    return float(min(2 ** (failures - FREE_ATTEMPTS + 1), MAX_DELAY_SECONDS))


class LoginThrottle:
    """Counts failed logins per user name in the data folder, for both backends.

    The file holds user names and times only. A user who is made to wait gets an
    AuthenticationError with ``wait_seconds``; the password is not even tried. Failures seen while
    the database was still locked are kept as "pending" until the audit trail can record them.
    """

    def __init__(self, config: Config) -> None:
        self.path = config.data_dir / ATTEMPTS_FILENAME

    @staticmethod
    def _user(username: str) -> str:
        # a hash, not the name: people sometimes type their password into the user name field
        return hashlib.sha256(username.strip().casefold().encode("utf-8")).hexdigest()[:32]

    def _load(self) -> dict[str, dict[str, list[str]]]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return {
                str(user): {
                    "failures": [str(t) for t in entry.get("failures", [])],
                    "pending": [str(t) for t in entry.get("pending", [])],
                }
                for user, entry in data.items()
            }
        except (OSError, ValueError, AttributeError, TypeError):
            return {}

    def _save(self, data: dict[str, dict[str, list[str]]]) -> None:
        atomic_write_bytes(self.path, (json.dumps(data, indent=1) + "\n").encode("utf-8"))

    def check(self, username: str, now: dt.datetime) -> None:
        """Raise AuthenticationError("throttled") while this user must still wait."""
        failures = self._load().get(self._user(username), {}).get("failures", [])
        wait = delay_after(len(failures))
        if failures and wait > 0:
            remaining = (dt.datetime.fromisoformat(failures[-1]) + dt.timedelta(seconds=wait) - now).total_seconds()
            if remaining > 0:
                raise AuthenticationError("throttled", wait_seconds=remaining)

    def failed(self, username: str, now: dt.datetime, *, audited: bool = False) -> float:
        """Count one failure; return the seconds the user must now wait.

        ``audited``: the caller recorded the failure in the audit trail already.
        """
        data = self._load()
        entry = data.setdefault(self._user(username), {"failures": [], "pending": []})
        entry["failures"].append(now.isoformat())
        del entry["failures"][:-100]
        if not audited:
            entry["pending"].append(now.isoformat())
            del entry["pending"][:-100]
        self._save(data)
        return delay_after(len(entry["failures"]))

    def succeeded(self, username: str) -> list[dt.datetime]:
        """Reset the count; return the failures not yet in the audit trail (to record them now)."""
        data = self._load()
        entry = data.pop(self._user(username), None)
        if entry is None:
            return []
        self._save(data)
        return [dt.datetime.fromisoformat(t) for t in entry["pending"]]


def unlock_database_key(config: Config, credentials: Credentials | None, *, now: dt.datetime) -> bytes:
    """The database key for these credentials; AuthenticationError when they are missing or wrong."""
    keyring = Keyring.load(config)
    if credentials is None:
        raise AuthenticationError("credentials-required")
    throttle = LoginThrottle(config)
    throttle.check(credentials.username, now)
    key = keyring.unlock(credentials)
    if key is None:
        wait = throttle.failed(credentials.username, now)
        raise AuthenticationError("bad-credentials", wait_seconds=wait)
    return key
