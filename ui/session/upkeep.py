"""The daily upkeep after sign-in: the database's integrity check and the daily backup, on a worker of their own.

Both read the whole file (seconds, up to half a minute for 100,000 clients), so neither runs before the window is
shown or on the UI thread (issue 15); and at exit the backup shows that it is being made
(:func:`ui.common.operations.run_with_progress`).
"""

from __future__ import annotations

import concurrent.futures
import logging
import threading
import weakref
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow, QWidget

from leerwinkel.errors import LeerwinkelError
from leerwinkel.messages import describe
from ui.common.operations import QueryOp, present_error

if TYPE_CHECKING:
    from leerwinkel.app import Leerwinkel
    from leerwinkel.backup import BackupInfo

log = logging.getLogger(__name__)

# How long a finished backup stays named in the status bar.
DONE_MESSAGE_MS = 8000


class UpkeepOp(QueryOp["BackupInfo | None"]):
    """A QueryOp on a thread of its own: the upkeep reads the whole file and must not hold up searches."""

    _executor = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="leerwinkel-upkeep")


# The op running for a facade: the hourly timer never starts a second one beside it.
_running: weakref.WeakKeyDictionary[Leerwinkel, UpkeepOp] = weakref.WeakKeyDictionary()


def is_running(app: Leerwinkel) -> bool:
    return app in _running


def start_daily_upkeep(window: QWidget, app: Leerwinkel) -> UpkeepOp | None:
    """Start the integrity check and the daily backup when one of them is due (None: nothing to do now).

    The status bar says while it works and when a backup was made; damage is said through the error presenter
    (the Dutch sentence), once. It stops by itself when the window goes or the application quits: closing never
    waits for the check, only for a backup already being written.
    """
    if app in _running or not app.is_daily_upkeep_due():
        return None
    stop = threading.Event()
    window.destroyed.connect(stop.set)
    instance = QCoreApplication.instance()
    if instance is not None:
        instance.aboutToQuit.connect(stop.set)
    status = window.statusBar() if isinstance(window, QMainWindow) else None
    actor = app.auth.current

    def done(backup: BackupInfo | None) -> None:
        _running.pop(app, None)
        if status is None:
            return
        status.clearMessage()
        if backup is not None:
            made = backup.created_at.astimezone().strftime("%H:%M")
            status.showMessage(
                QCoreApplication.translate("ui.session.upkeep", "Reservekopie van vandaag gemaakt om %1.").replace(
                    "%1", made
                ),
                DONE_MESSAGE_MS,
            )

    def failed(error: BaseException) -> None:
        done(None)
        if app.store.damage is not None or not isinstance(error, LeerwinkelError):
            present_error(window, error)  # damage: the Dutch sentence, once; a bug: with its details
            return
        log.warning("daily backup failed: %s", type(error).__name__)  # a full disk, a backup folder gone
        if status is not None:
            status.showMessage(
                QCoreApplication.translate(
                    "ui.session.upkeep", "De reservekopie van vandaag is niet gelukt: %1"
                ).replace("%1", describe(error))
            )

    op = UpkeepOp(parent=window, op=lambda _progress: app.daily_upkeep(actor, should_stop=stop.is_set), success=done)
    op.failure(failed)
    if status is not None:
        status.showMessage(
            QCoreApplication.translate("ui.session.upkeep", "Controle en reservekopie van vandaag worden gemaakt…")
        )
    _running[app] = op
    op.run_in_background()
    return op
