"""The database's full integrity check, after sign-in and once a day, on its own worker (issue 15)."""

from __future__ import annotations

import concurrent.futures
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ui.common.operations import QueryOp

if TYPE_CHECKING:
    from leerwinkel.app import Leerwinkel


class IntegrityCheckOp(QueryOp[bool | None]):
    """A QueryOp on a thread of its own: the check reads the whole file, and must not hold up searches."""

    _executor = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="leerwinkel-check")


def check_database_in_background(window: QWidget, app: Leerwinkel) -> IntegrityCheckOp | None:
    """Start the full check when it is due; it reports only damage, through the error presenter.

    It stops by itself when the window is destroyed or the application quits, so closing never waits for it.
    The op (or None when the check was not due) is returned for tests.
    """
    if not app.is_database_check_due():
        return None
    stop = threading.Event()
    window.destroyed.connect(stop.set)
    instance = QCoreApplication.instance()
    if instance is not None:
        instance.aboutToQuit.connect(stop.set)
    op = IntegrityCheckOp(parent=window, op=lambda _progress: app.check_database(should_stop=stop.is_set), success=_ok)
    op.run_in_background()  # damage (StorageError CORRUPT) goes to the error presenter: the Dutch sentence
    return op


def _ok(_verdict: bool | None) -> None:
    """A sound file (or a check stopped at exit): nothing to tell the counsellor."""
