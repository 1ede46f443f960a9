"""The op helper: results on the main thread, failures to the handler, writes on one thread."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from leerwinkel.errors import NotFoundError
from tests.ui.messagemock import MessageMock
from ui.common import operations
from ui.common.operations import OperationCancelledError, Progress, QueryOp, WriteOp


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_result_is_delivered_on_the_main_thread(qtbot: QtBot, parent: QWidget) -> None:
    seen: list[tuple[str, str, bool]] = []

    def work(_progress: Progress) -> str:
        return threading.current_thread().name

    def done(worker: str) -> None:
        seen.append((worker, threading.current_thread().name, threading.current_thread() is threading.main_thread()))

    QueryOp(parent=parent, op=work, success=done).run_in_background()
    qtbot.waitUntil(lambda: len(seen) == 1)
    worker, _, on_main = seen[0]
    assert worker.startswith("leerwinkel-read") and on_main


def test_an_exception_goes_to_the_failure_handler(qtbot: QtBot, parent: QWidget) -> None:
    errors: list[tuple[BaseException, bool]] = []

    def work(_progress: Progress) -> None:
        raise NotFoundError("client", "x")

    def failed(error: BaseException) -> None:
        errors.append((error, threading.current_thread() is threading.main_thread()))

    QueryOp(parent=parent, op=work, success=lambda _r: pytest.fail("no result expected")).failure(
        failed
    ).run_in_background()
    qtbot.waitUntil(lambda: len(errors) == 1)
    error, on_main = errors[0]
    assert isinstance(error, NotFoundError) and on_main


def test_without_a_handler_the_error_presenter_shows_it(
    qtbot: QtBot, parent: QWidget, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[tuple[QWidget | None, BaseException]] = []

    class Presenter:
        def show(self, widget: QWidget | None, error: BaseException) -> None:
            shown.append((widget, error))

    monkeypatch.setattr(operations, "_presenter", Presenter())

    def work(_progress: Progress) -> None:
        raise RuntimeError("a bug")

    QueryOp(parent=parent, op=work, success=lambda _r: None).run_in_background()
    qtbot.waitUntil(lambda: len(shown) == 1)
    assert shown[0][0] is parent and isinstance(shown[0][1], RuntimeError)


def test_writes_run_one_at_a_time_on_one_thread(qtbot: QtBot, parent: QWidget) -> None:
    threads: list[int] = []
    order: list[int] = []
    busy = threading.Lock()
    overlapped: list[bool] = []

    def write(number: int) -> int:
        if not busy.acquire(blocking=False):
            overlapped.append(True)
            return number
        try:
            threads.append(threading.get_ident())
            for _ in range(20_000):  # a little work, so overlapping writes would show
                pass
            return number
        finally:
            busy.release()

    for number in range(8):
        WriteOp(parent=parent, op=lambda _p, n=number: write(n), success=order.append).run_in_background()
    qtbot.waitUntil(lambda: len(order) == 8)
    assert order == list(range(8))
    assert not overlapped
    assert len(set(threads)) == 1 and threads[0] != threading.main_thread().ident


def test_progress_reaches_the_dialog_and_cancel_stops_the_op(qtbot: QtBot, parent: QWidget) -> None:
    parent.show()
    started = threading.Event()
    go_on = threading.Event()
    progress_seen: list[tuple[int, int]] = []
    cancelled: list[bool] = []

    def work(progress: Progress) -> str:
        progress(1, 4)
        started.set()
        go_on.wait(timeout=10)
        progress(2, 4)  # raises OperationCancelledError: the user cancelled meanwhile
        return "not reached"

    op = (
        QueryOp(parent=parent, op=work, success=lambda _r: pytest.fail("cancelled op delivered a result"))
        .with_progress("Bezig…", cancellable=True)
        .on_progress(lambda done, total: progress_seen.append((done, total)))
        .on_cancelled(lambda: cancelled.append(True))
    )
    op.run_in_background()
    qtbot.waitUntil(lambda: progress_seen == [(1, 4)])
    dialog = op.progress_dialog
    assert dialog is not None and dialog.maximum() == 4 and dialog.value() == 1
    button = dialog.findChild(QPushButton)
    assert button is not None and button.text() == "Annuleren"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    go_on.set()
    qtbot.waitUntil(lambda: cancelled == [True])
    assert op.progress_dialog is None
    assert started.is_set()


def test_nothing_is_delivered_after_the_parent_is_gone(qtbot: QtBot) -> None:
    widget = QWidget()
    release = threading.Event()
    delivered: list[object] = []
    op = QueryOp(parent=widget, op=lambda _p: release.wait(timeout=10), success=delivered.append)
    op.run_in_background()
    widget.deleteLater()
    qtbot.waitUntil(lambda: not operations.shiboken6.isValid(widget))
    release.set()
    assert operations.wait_for_background_work(timeout=10)
    qtbot.waitUntil(lambda: op._relay is None)
    assert delivered == []


def test_a_cancelled_op_shows_no_error_and_delivers_nothing(
    qtbot: QtBot, parent: QWidget, message_mock: MessageMock
) -> None:
    def cancelled(_progress: Progress) -> None:
        raise OperationCancelledError

    def refused(_progress: Progress) -> None:
        raise NotFoundError("client", "onbekend")

    delivered: list[object] = []
    first = QueryOp(parent=parent, op=cancelled, success=delivered.append)
    first.run_in_background()
    second = QueryOp(parent=parent, op=refused, success=delivered.append)
    second.run_in_background()
    qtbot.waitUntil(lambda: first._relay is None and second._relay is None)
    assert delivered == []
    # only the refusal reaches the user (through the real error presenter); the cancellation is silent
    assert [m.kind for m in message_mock.messages] == ["warning"]


def test_many_ops_leave_the_reference_count_of_true_alone(qtbot: QtBot, parent: QWidget) -> None:
    # PySide6 6.12.0's Signal.emit() drops a reference to True per call ("bool_dealloc" crash);
    # the helper posts events instead, so running ops must not lower the count.
    import gc
    import sys

    from PySide6.QtCore import QCoreApplication, QEvent

    def settle() -> int:
        # Earlier tests' widgets are deleted through the event loop; let that happen first.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()
        gc.collect()
        return sys.getrefcount(True)

    results: list[int] = []
    before = settle()
    for number in range(500):
        QueryOp(parent=parent, op=lambda _p, n=number: n, success=results.append).run_in_background()
    qtbot.waitUntil(lambda: len(results) == 500)
    assert settle() > before - 100  # with emit() it would be 500 lower
