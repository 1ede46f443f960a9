"""The GUI session around the main window: first start, login, damaged database, lock, backups."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from leerwinkel.config import Config, is_set_up
from leerwinkel.credentials import Credentials
from leerwinkel.errors import LeerwinkelError, StorageError, StorageProblem
from leerwinkel.messages import describe
from ui.session.login import LoginDialog, open_signed_in

if TYPE_CHECKING:
    from leerwinkel.app import Leerwinkel
    from ui.session.inactivity import InactivityLock

log = logging.getLogger(__name__)

DAMAGED = {StorageProblem.CORRUPT, StorageProblem.NOT_A_DATABASE}
DAILY_CHECK_MS = 60 * 60 * 1000


def ask_restore(parent: QWidget | None, text: str) -> bool:
    """Ask whether to restore the latest good backup (monkeypatched in tests)."""
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("Session", "Databank beschadigd"),
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def offer_backup(config: Config, credentials: Credentials, error: StorageError, parent: QWidget | None) -> bool:
    """The database is damaged: move it aside and put the latest good backup in place, if the user agrees."""
    import datetime as dt

    from leerwinkel.app import restore_damaged  # rare: not at start-up
    from leerwinkel.backup import find_backup_to_restore
    from leerwinkel.dates import format_datetime

    now = dt.datetime.now(dt.UTC)
    good = find_backup_to_restore(config, credentials, now=now)
    if good is None:
        QMessageBox.critical(
            parent,
            "Leerwinkel Intake",
            describe(error) + "\n" + QCoreApplication.translate("Session", "Er is geen reservekopie."),
        )
        return False
    text = (
        describe(error)
        + "\n\n"
        + QCoreApplication.translate(
            "Session", "De laatste goede reservekopie is van %1. Terugzetten? Het beschadigde bestand blijft bewaard."
        )
    ).replace("%1", format_datetime(good.created_at))
    if not ask_restore(parent, text):
        return False
    restore_damaged(config, good.path, credentials=credentials)
    return True


def needs_setup(config: Config) -> bool:
    """True on first start: no key file (SQLite) or no accounts yet (PostgreSQL)."""
    if config.uses_sqlite:
        return not is_set_up(config)
    from leerwinkel.app import open_app

    with open_app(config, credentials=None) as probe:
        return not probe.auth.has_accounts()


def start_session(config: Config, parent: QWidget | None = None) -> Leerwinkel | None:
    """First start (the assistant, which signs the new administrator in), else login; None when stopped."""
    if needs_setup(config):
        from ui.session.firstrun import FirstRunWizard  # only on a new installation

        return FirstRunWizard.run(config, parent)
    while True:
        outcome = LoginDialog.sign_in(config, parent)
        if outcome.app is not None:
            return outcome.app
        failure = outcome.failure
        if failure is None:
            return None
        if (
            isinstance(failure, StorageError)
            and failure.problem in DAMAGED
            and config.uses_sqlite
            and outcome.credentials is not None
            and offer_backup(config, outcome.credentials, failure, parent)
        ):
            return open_signed_in(config, outcome.credentials)
        raise failure


def watch_session(window: QMainWindow, app: Leerwinkel) -> InactivityLock:
    """Install the inactivity lock and the daily upkeep: the integrity check and the daily backup, in the
    background once the window is shown, and again every hour when the day has changed."""
    from ui.session.inactivity import InactivityLock  # after sign-in, not before the login dialog
    from ui.session.upkeep import start_daily_upkeep

    lock = InactivityLock(window, app)
    window.setProperty("leerwinkel_lock", lock)
    QTimer.singleShot(0, window, lambda: start_daily_upkeep(window, app))
    timer = QTimer(window)
    timer.setInterval(DAILY_CHECK_MS)
    timer.timeout.connect(lambda: start_daily_upkeep(window, app))
    timer.start()
    instance = QCoreApplication.instance()
    if instance is not None:
        instance.aboutToQuit.connect(timer.stop)
    return lock


def quit_on_termination(parent: QWidget, quit_app: Callable[[], None]) -> Callable[[], None]:
    """On SIGTERM (the desktop logging out or shutting down, a service manager, ``kill``) call ``quit_app``:
    the session then ends as closing the window ends it (:func:`finish_session`: the work still running, the
    backup at exit when due, the database closed) instead of stopping mid-way and leaving SQLite's log behind,
    which costs a full integrity check at the next sign-in (seconds on a large file; issue 15).

    Python runs a signal handler only between bytecodes, never while Qt's event loop waits; the signal's
    number written to a socket (``signal.set_wakeup_fd``) wakes the loop through a QSocketNotifier. Returns
    the function that puts the previous handler back.
    """
    import signal
    import socket

    from PySide6.QtCore import QSocketNotifier

    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    previous_fd = signal.set_wakeup_fd(writer.fileno())
    previous_handler = signal.signal(signal.SIGTERM, lambda _number, _frame: None)  # the socket does the work
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, parent)

    def woken() -> None:
        try:
            numbers = reader.recv(64)
        except BlockingIOError:
            return
        if signal.SIGTERM in numbers:
            log.info("terminated: ending the session as a closed window would")
            quit_app()

    notifier.activated.connect(woken)

    def restore() -> None:
        notifier.setEnabled(False)
        signal.signal(signal.SIGTERM, previous_handler)
        signal.set_wakeup_fd(previous_fd)
        reader.close()
        writer.close()

    return restore


def finish_session(app: Leerwinkel) -> None:
    """At exit: the work still running finished, an automatic backup (rotated) unless nothing was written since
    this session's last one, then sign out and close; a dialog says so when it takes a while (a large file's
    backup takes seconds)."""
    from ui.common.operations import run_with_progress, wait_for_background_work

    def finish() -> None:
        wait_for_background_work(timeout=60)  # an op still writing must finish before the database closes
        if app.backups.is_exit_due():  # not when nothing was written since this session's last backup
            app.backups.create(app.auth.current, reason="exit")
        elif app.backups.available:
            log.info("no backup at exit: nothing was written since the last one")

    try:
        run_with_progress(finish, QCoreApplication.translate("Session", "Reservekopie maken voor het afsluiten…"))
    except LeerwinkelError:
        log.warning("backup at exit failed", exc_info=True)
    finally:
        app.close()
