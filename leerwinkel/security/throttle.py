"""The failed-login delay: a count per user name in ``login-attempts.json``, sealed so that a reset shows.

The count must be read before anybody has signed in, when an encrypted database cannot be opened yet,
so it lives in the data folder beside the key file. Once the key file has a throttle key (setup, or the
first sign-in after an upgrade), the file carries an HMAC-SHA256 under that key and must exist: a
missing, unreadable or altered file counts as a reset. A reset gives every user name the longest delay
until it signs in again, and is written to the audit trail at the next sign-in (``login.reset``).
The key sits in the key file in plain form, so this stops a reset that deletes or edits the file, not
someone who reads the code and rewrites both; docs/security.md says what that means.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import logging
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from leerwinkel.errors import AuthenticationError
from leerwinkel.fileio import atomic_write_bytes

log = logging.getLogger(__name__)

ATTEMPTS_FILENAME = "login-attempts.json"
FREE_ATTEMPTS = 5
MAX_DELAY_SECONDS = 300.0
MAX_ATTEMPTS_BYTES = 1024 * 1024
THROTTLE_KEY_BYTES = 32
_FORMAT = 2
_KEPT = 100  # failures kept per user name


def delay_after(failures: int) -> float:
    """Seconds to wait after ``failures`` failed attempts in a row: none for the first four."""
    if failures < FREE_ATTEMPTS:
        return 0.0
    return float(min(2 ** (failures - FREE_ATTEMPTS + 1), MAX_DELAY_SECONDS))


#: the failures that give the longest delay: what every user name counts after a detected reset
MAX_FAILURES = next(n for n in range(FREE_ATTEMPTS, 64) if delay_after(n) >= MAX_DELAY_SECONDS)


def new_throttle_key() -> bytes:
    return secrets.token_bytes(THROTTLE_KEY_BYTES)


@dataclass(frozen=True)
class Cleared:
    """What a successful sign-in takes from the file to record in the audit trail."""

    failures: list[dt.datetime] = field(default_factory=list)  # failed attempts not audited yet
    resets: list[dt.datetime] = field(default_factory=list)  # detected resets of the file


@dataclass
class _State:
    users: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    suspect_since: str | None = None  # a reset was detected: every name waits the longest until it signs in
    cleared: list[str] = field(default_factory=list)  # names that signed in since that reset
    resets: list[str] = field(default_factory=list)  # resets not yet in the audit trail

    def body(self) -> dict[str, Any]:
        return {
            "format": _FORMAT,
            "users": self.users,
            "suspect_since": self.suspect_since,
            "cleared": self.cleared,
            "resets": self.resets,
        }


def _mac(key: bytes, body: dict[str, Any]) -> str:
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode("ascii")
    return hmac.new(key, canonical, hashlib.sha256).hexdigest()


def _users(data: object) -> dict[str, dict[str, list[str]]]:
    if not isinstance(data, dict):
        raise ValueError("users")
    return {
        str(user): {
            "failures": [str(t) for t in entry.get("failures", [])],
            "pending": [str(t) for t in entry.get("pending", [])],
        }
        for user, entry in data.items()
    }


class LoginThrottle:
    """Counts failed logins per user name, for both backends (user names are hashed, times kept).

    A user who must wait gets AuthenticationError("throttled") with ``wait_seconds``; the password is
    not even tried. Failures seen while the database was still locked stay "pending" until the audit
    trail can record them. ``key``: the key file's throttle key; None (PostgreSQL, or a key file from
    before the seal) reads and writes the file without a seal, and a deleted file then resets the count.
    """

    def __init__(self, data_dir: Path, *, key: bytes | None) -> None:
        self.path = data_dir / ATTEMPTS_FILENAME
        self.key = key

    @staticmethod
    def _user(username: str) -> str:
        # a hash, not the name: people sometimes type their password into the user name field
        return hashlib.sha256(username.strip().casefold().encode("utf-8")).hexdigest()[:32]

    # -- file --------------------------------------------------------------------------------------

    def _read(self) -> _State | None:
        """The file's state; None when it is missing, unreadable, or (with a key) not sealed by it."""
        try:
            with open(self.path, "rb") as handle:
                raw = handle.read(MAX_ATTEMPTS_BYTES + 1)
            data = json.loads(raw.decode("utf-8"))
            if not isinstance(data, dict) or len(raw) > MAX_ATTEMPTS_BYTES:
                return None
            if data.get("format") != _FORMAT:
                # format 1 (the counts only) was written before the key file had a throttle key
                return _State(users=_users(data)) if self.key is None else None
            state = _State(
                users=_users(data["users"]),
                suspect_since=str(data["suspect_since"]) if data.get("suspect_since") else None,
                cleared=[str(u) for u in data.get("cleared", [])],
                resets=[str(t) for t in data.get("resets", [])],
            )
            if self.key is not None and not hmac.compare_digest(str(data.get("mac", "")), _mac(self.key, state.body())):
                return None
            return state
        except (OSError, ValueError, KeyError, AttributeError, TypeError):
            return None

    def _load(self, now: dt.datetime) -> _State:
        state = self._read()
        if state is not None:
            return state
        if self.key is None:
            return _State()  # nothing sealed it: an unreadable file of an unsealed installation counts nothing
        # the file was sealed, so it existed: deleted, replaced or edited. Nobody gets free attempts now.
        log.warning("%s is missing or altered: every user name waits the longest until it signs in", self.path.name)
        state = _State(suspect_since=now.isoformat(), resets=[now.isoformat()])
        self._save(state)
        return state

    def _save(self, state: _State) -> None:
        body = state.body()
        if self.key is not None:
            body["mac"] = _mac(self.key, body)
        atomic_write_bytes(self.path, (json.dumps(body, indent=1) + "\n").encode("utf-8"))

    def seal(self, key: bytes) -> None:
        """Rewrite the file under a new throttle key (before the key file that holds it is saved).

        The current content is taken as it is: before a key exists there is no seal to check.
        """
        state = self._read() or _State()
        self.key = key
        self._save(state)

    # -- counting ----------------------------------------------------------------------------------

    def _count(self, state: _State, user: str) -> tuple[int, dt.datetime | None]:
        """The failures that count for ``user`` and the time the delay runs from."""
        failures = state.users.get(user, {}).get("failures", [])
        count = len(failures)
        last = dt.datetime.fromisoformat(failures[-1]) if failures else None
        if state.suspect_since is not None and user not in state.cleared:
            since = dt.datetime.fromisoformat(state.suspect_since)
            count = max(count, MAX_FAILURES)
            last = max(last, since) if last is not None else since
        return count, last

    def check(self, username: str, now: dt.datetime) -> None:
        """Raise AuthenticationError("throttled") while this user must still wait."""
        count, last = self._count(self._load(now), self._user(username))
        wait = delay_after(count)
        if last is not None and wait > 0:
            remaining = (last + dt.timedelta(seconds=wait) - now).total_seconds()
            if remaining > 0:
                raise AuthenticationError("throttled", wait_seconds=remaining)

    def failed(self, username: str, now: dt.datetime, *, audited: bool = False) -> float:
        """Count one failure; return the seconds the user must now wait.

        ``audited``: the caller recorded the failure in the audit trail already.
        """
        state = self._load(now)
        user = self._user(username)
        entry = state.users.setdefault(user, {"failures": [], "pending": []})
        entry["failures"].append(now.isoformat())
        del entry["failures"][:-_KEPT]
        if not audited:
            entry["pending"].append(now.isoformat())
            del entry["pending"][:-_KEPT]
        self._save(state)
        return delay_after(self._count(state, user)[0])

    def succeeded(self, username: str, now: dt.datetime) -> Cleared:
        """Reset this user's count; return what the audit trail does not have yet, to record it now."""
        state = self._load(now)
        user = self._user(username)
        entry = state.users.pop(user, None)
        resets = state.resets
        changed = entry is not None or bool(resets)
        state.resets = []
        if state.suspect_since is not None and user not in state.cleared:
            state.cleared.append(user)
            changed = True
        if changed:
            self._save(state)
        return Cleared(
            [dt.datetime.fromisoformat(t) for t in (entry or {}).get("pending", [])],
            [dt.datetime.fromisoformat(t) for t in resets],
        )
