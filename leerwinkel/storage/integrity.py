"""SQLite's integrity check, off the sign-in path: in full at open only after an unclean end, else once a day.

``PRAGMA quick_check`` reads every page of the file: 8-13 s for 100,000 clients (780 MB) on a modest laptop,
all of it on the sign-in path until issue 15. What it protects: a damaged file is refused before more work is
typed into it (and then lost when a backup is put back). How that is kept now:

- At open, always: the header (not plain text), the key, and the schema read through it. SQLCipher checks
  every page it decrypts against the page's HMAC, so any page that sign-in reads and that was damaged is
  refused there and then (StorageError CORRUPT, as before).
- At open, the full check, when the last session did not end cleanly (its write-ahead log is still there:
  a crash, a killed process, a power cut, the usual way a file gets damaged) or when the last full check
  found damage. As before, a damaged file is then refused before anything is written to it.
- Otherwise the full check runs after sign-in, in the background, when the last one is older than
  :data:`FULL_CHECK_INTERVAL`; its outcome is remembered beside the database (:data:`STATE_FILE`). When it
  finds damage, the store refuses every further write (StorageError CORRUPT, the same sentence as at
  open) and the next open refuses the file, which offers the latest good backup.

What changed, in one sentence: after a clean close, a page that sign-in does not read and that was damaged
since is found by the background check seconds after sign-in rather than before it.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from leerwinkel.fileio import atomic_write_bytes

log = logging.getLogger(__name__)

#: Beside the database: when its last full check ran and what it found (no client data).
STATE_FILE = "integrity-check.json"
#: The background check runs again when its last run is older than this.
FULL_CHECK_INTERVAL = dt.timedelta(days=1)
#: SQLite virtual machine steps between two looks at ``should_stop`` during a check.
_STEPS = 20_000


@dataclass(frozen=True)
class CheckState:
    """The last full check of one database file."""

    checked_at: dt.datetime
    ok: bool


def wal_path(database: Path) -> Path:
    return database.with_name(database.name + "-wal")


def ended_uncleanly(database: Path) -> bool:
    """True when the database's write-ahead log is left over (non-empty) from a session that did not close.

    SQLite deletes the log when the last connection closes; a crash, a killed process or a power cut leaves
    it. Another process with the database open (the command line beside the window) leaves it too: that only
    makes this open check in full.
    """
    try:
        return wal_path(database).stat().st_size > 0
    except OSError:
        return False


def _state_file(database: Path) -> Path:
    return database.with_name(STATE_FILE)


def read_state(database: Path) -> CheckState | None:
    """The last full check of ``database`` (None: never, or the state file is unreadable or for another file)."""
    try:
        data = json.loads(_state_file(database).read_text(encoding="utf-8"))
        if data.get("database") != database.name:
            return None
        return CheckState(dt.datetime.fromisoformat(data["checked_at"]), bool(data["ok"]))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def write_state(database: Path, state: CheckState) -> None:
    """Remember the outcome of a full check (atomically; a failure to write is logged, never raised)."""
    data = {"database": database.name, "checked_at": state.checked_at.isoformat(), "ok": state.ok}
    try:
        atomic_write_bytes(_state_file(database), json.dumps(data).encode("utf-8"))
    except Exception:  # the check's outcome still holds for this session; the next open checks again
        log.warning("could not record the integrity check", exc_info=True)


def must_check_at_open(database: Path) -> bool:
    """True when opening ``database`` must run the full check first (see the module docstring)."""
    if ended_uncleanly(database):
        return True
    state = read_state(database)
    return state is not None and not state.ok


def is_check_due(database: Path, now: dt.datetime) -> bool:
    """True when the background check should run: never checked, last check too old, or it found damage."""
    state = read_state(database)
    return state is None or not state.ok or now - state.checked_at >= FULL_CHECK_INTERVAL


def run_quick_check(connection: Any, *, should_stop: Callable[[], bool] | None = None) -> bool | None:
    """``PRAGMA quick_check`` on a DB-API connection: True (sound), False (damaged), None (stopped early).

    ``should_stop`` is asked every few thousand SQLite steps (from the thread that runs the check); when it
    answers True the check is interrupted and None returned. An unreadable page counts as damage.
    """
    import sqlite3

    stopped: list[bool] = []
    if should_stop is not None:

        def handler() -> int:
            try:
                stop = should_stop()
            except Exception:  # never let the callback's error pass through SQLite
                stop = True
            if stop:
                stopped.append(True)
            return 1 if stop else 0

        connection.set_progress_handler(handler, _STEPS)
    try:
        row = connection.execute("PRAGMA quick_check").fetchone()
    except (sqlite3.DatabaseError, _sqlcipher_error()) as error:
        if stopped:
            return None
        log.warning("integrity check: the file could not be read (%s)", type(error).__name__)
        return False
    finally:
        if should_stop is not None:
            with suppress(Exception):
                connection.set_progress_handler(None, _STEPS)
    verdict = row[0] if row else None
    if verdict != "ok":
        log.warning("integrity check found damage")  # never the verdict's text: it may name rows
        return False
    return True


def _sqlcipher_error() -> type[BaseException]:
    try:
        import sqlcipher3.dbapi2

        error: type[BaseException] = sqlcipher3.dbapi2.DatabaseError
        return error
    except ImportError:  # pragma: no cover - SQLCipher is a dependency
        return OSError
