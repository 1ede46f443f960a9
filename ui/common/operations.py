"""Run slow work off the UI thread: QueryOp for reads, WriteOp for database writes (one writer)."""

from __future__ import annotations

import concurrent.futures
import logging
import threading
from collections.abc import Callable
from typing import Any, Generic, Self, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QThread
from PySide6.QtWidgets import QProgressDialog, QWidget

from ui.common.errors import ErrorPresenter

log = logging.getLogger(__name__)

T = TypeVar("T")

Progress = Callable[[int, int], None]
"""What an op calls from the worker to report ``done`` of ``total`` steps; it may raise OperationCancelledError."""

# Reads may overlap; writes go through one thread because SQLite has one writer (compare Anki
# qt/aqt/taskman.py, which keeps a one-thread executor for collection work).
_READERS = concurrent.futures.ThreadPoolExecutor(max_workers=2, thread_name_prefix="leerwinkel-read")
_WRITER = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="leerwinkel-write")
_pending: set[concurrent.futures.Future[None]] = set()
_running: set[_Op[Any]] = set()  # keeps an op and its relay alive until its result is delivered
_presenter: ErrorPresenter | None = None


class OperationCancelledError(Exception):
    """Raised by the progress callback in the worker once the user has cancelled the op."""


def set_error_presenter(presenter: ErrorPresenter) -> None:
    """Make ``presenter`` the one that shows failures of ops without their own failure handler."""
    global _presenter
    _presenter = presenter


def present_error(parent: QWidget | None, error: BaseException) -> None:
    """Show ``error`` through the application's error presenter (main thread only)."""
    global _presenter
    if _presenter is None:
        _presenter = ErrorPresenter()
    _presenter.show(parent, error)


def wait_for_background_work(timeout: float | None = None) -> bool:
    """Block until every op started so far has left its worker; False on timeout.

    For closing the database and for tests. Results still arrive later through the event loop.
    """
    _done, not_done = concurrent.futures.wait(list(_pending), timeout=timeout)
    return not not_done


def run_with_progress(
    work: Callable[[], T], label: str, *, parent: QWidget | None = None, shown_after_ms: int = 500
) -> T:
    """Run ``work`` on a worker and wait for it, the window kept painted, while a busy dialog (shown only when
    it takes longer than ``shown_after_ms``) says ``label``; for the waits that come before any window can go
    on (signing in, the backup at exit when the main event loop has ended). Returns its result, raises its
    exception. The caller keeps its own widgets from being used meanwhile."""
    dialog = QProgressDialog(label, "", 0, 0, parent)
    dialog.setCancelButton(None)  # None removes the button (Qt docs): this work is not cut short
    dialog.setWindowTitle("Leerwinkel Intake")
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(shown_after_ms)
    dialog.setAutoClose(False)
    dialog.setAccessibleName(label)
    dialog.setValue(0)
    try:
        with concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="leerwinkel-wait") as pool:
            future = pool.submit(work)
            while True:
                try:
                    return future.result(timeout=0.05)
                except concurrent.futures.TimeoutError:
                    dialog.setValue(0)  # moves the busy bar; shows the dialog once its minimum duration passed
                    QCoreApplication.processEvents()
    finally:
        dialog.close()
        dialog.deleteLater()


_DELIVERY = QEvent.Type(QEvent.registerEventType())


class _Delivery(QEvent):
    """One message from a worker: progress, a result or an exception."""

    def __init__(self, kind: str, payload: object) -> None:
        super().__init__(_DELIVERY)
        self.kind = kind
        self.payload = payload


class _Relay(QObject):
    """Lives on the main thread; the worker posts events to it, which Qt delivers on the main thread.

    We post events instead of emitting signals from the worker: in PySide6 6.12.0 every Python
    ``Signal.emit()`` drops one reference to ``True`` (it returns a bool it does not own), which
    ends in "Fatal Python error: bool_dealloc". ``QCoreApplication.postEvent`` is thread-safe.
    """

    def __init__(self, op: _Op[Any]) -> None:
        super().__init__()
        self._op = op

    def post(self, kind: str, payload: object) -> None:
        QCoreApplication.postEvent(self, _Delivery(kind, payload))

    def event(self, event: QEvent) -> bool:
        if not isinstance(event, _Delivery):
            return super().event(event)
        if event.kind == "progress":
            assert isinstance(event.payload, tuple)
            done, total = event.payload
            self._op._deliver_progress(int(done), int(total))
        elif event.kind == "result":
            self._op._deliver_success(event.payload)
        else:
            assert isinstance(event.payload, BaseException)
            self._op._deliver_failure(event.payload)
        return True


class _Op(Generic[T]):
    _executor: concurrent.futures.ThreadPoolExecutor

    def __init__(self, *, parent: QWidget, op: Callable[[Progress], T], success: Callable[[T], None]) -> None:
        self._parent = parent
        self._op = op
        self._success = success
        self._failure: Callable[[BaseException], None] | None = None
        self._cancelled_handler: Callable[[], None] | None = None
        self._on_progress: Callable[[int, int], None] | None = None
        self._progress_label: str | None = None
        self._cancellable = False
        self._cancel = threading.Event()
        self._relay: _Relay | None = None
        self.progress_dialog: QProgressDialog | None = None
        self.last_progress: tuple[int, int] | None = None

    def failure(self, handler: Callable[[BaseException], None]) -> Self:
        """Send an exception to ``handler`` (on the main thread) instead of the error presenter."""
        self._failure = handler
        return self

    def with_progress(self, label: str, *, cancellable: bool = False) -> Self:
        """Show a window-modal progress dialog on the parent while the op runs.

        With ``cancellable`` the dialog has a cancel button; the op stops at its next progress call.
        """
        self._progress_label = label
        self._cancellable = cancellable
        return self

    def on_progress(self, handler: Callable[[int, int], None]) -> Self:
        """Also call ``handler(done, total)`` on the main thread whenever the op reports progress."""
        self._on_progress = handler
        return self

    def on_cancelled(self, handler: Callable[[], None]) -> Self:
        """Call ``handler`` on the main thread when the op stopped because it was cancelled."""
        self._cancelled_handler = handler
        return self

    def cancel(self) -> None:
        """Ask the op to stop; it does so at its next progress call (it is never killed)."""
        self._cancel.set()

    def run_in_background(self) -> None:
        """Start the op; call on the main thread. The callbacks run later, on the main thread."""
        app = QCoreApplication.instance()
        assert app is not None and QThread.currentThread() is app.thread(), "start ops on the main thread"
        relay = _Relay(self)  # no parent: _running keeps it alive even if the parent widget goes first
        self._relay = relay
        _running.add(self)
        if self._progress_label is not None:
            dialog = QProgressDialog(self._progress_label, "", 0, 0, self._parent)
            if self._cancellable:
                dialog.setCancelButtonText(QCoreApplication.translate("ui.common.operations", "Annuleren"))
                dialog.canceled.connect(self.cancel)
            else:
                dialog.setCancelButton(None)  # None removes the button (Qt docs)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(0)
            dialog.setAccessibleName(self._progress_label)
            dialog.setValue(0)
            self.progress_dialog = dialog

        future = self._executor.submit(self._work, relay)
        _pending.add(future)
        future.add_done_callback(_pending.discard)

    # -- worker thread -----------------------------------------------------------------------------

    def _work(self, relay: _Relay) -> None:
        def report(done: int, total: int) -> None:
            if self._cancel.is_set():
                raise OperationCancelledError
            relay.post("progress", (done, total))

        try:
            result = self._op(report)
        except Exception as error:  # an edge (STYLE §7): the worker must not die, the main thread decides
            relay.post("error", error)
        else:
            relay.post("result", result)

    # -- main thread -------------------------------------------------------------------------------

    def _alive(self) -> bool:
        return shiboken6.isValid(self._parent)

    def _deliver_progress(self, done: int, total: int) -> None:
        self.last_progress = (done, total)
        if not self._alive():
            return
        dialog = self.progress_dialog
        if dialog is not None and shiboken6.isValid(dialog):
            dialog.setMaximum(total)
            dialog.setValue(done)
        if self._on_progress is not None:
            self._on_progress(done, total)

    def _finish(self) -> bool:
        self._relay = None
        _running.discard(self)
        dialog = self.progress_dialog
        if dialog is not None and shiboken6.isValid(dialog):
            dialog.close()
            dialog.deleteLater()
        self.progress_dialog = None
        return self._alive()

    def _deliver_success(self, result: T) -> None:
        if self._finish():
            self._success(result)

    def _deliver_failure(self, error: BaseException) -> None:
        if not self._finish():
            log.info("op failed after its window closed: %s", type(error).__name__)
            return
        if isinstance(error, OperationCancelledError):
            if self._cancelled_handler is not None:
                self._cancelled_handler()
            return
        if self._failure is not None:
            self._failure(error)
        else:
            present_error(self._parent, error)


class QueryOp(_Op[T]):
    """Run a read (or file work) on a worker thread and deliver the result on the main thread.

    Modelled on Anki's ``aqt.operations.QueryOp``::

        QueryOp(parent=self, op=lambda progress: service.search(text), success=self.show_result)
            .failure(self.show_problem)  # optional; default: the ErrorPresenter
            .with_progress(self.tr("Zoeken…"))  # optional
            .run_in_background()

    ``op`` runs on a worker and receives a ``progress(done, total)`` callable. ``success`` gets its
    return value on the main thread; an exception goes to the failure handler, or else to the
    ErrorPresenter. Nothing is delivered once ``parent`` has been deleted.

    Callers must not:

    - touch Qt widgets (or any QObject of the main thread) inside ``op``: read the widgets first and
      capture plain values in the lambda;
    - let ORM objects or sessions cross threads: ``op`` calls a service, which opens its own unit of
      work and returns frozen dataclasses;
    - write to the database in a QueryOp: use WriteOp, so all writes share one thread;
    - wait for the result by blocking the main thread (no ``future.result()``, no sleeping).
    """

    _executor = _READERS


class WriteOp(_Op[T]):
    """Like QueryOp, but for database writes: every WriteOp runs on the same single writer thread.

    Writes therefore run one after another in the order they were started (SQLite has one writer).
    The same rules apply: no widgets and no ORM objects inside ``op``, and never block on it.
    """

    _executor = _WRITER
