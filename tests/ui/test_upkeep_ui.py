"""The daily upkeep after sign-in (integrity check, then the daily backup): on its own worker once the window is
shown, silent when the file is sound, one warning and no backup when not; the backup at exit says it is made."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from leerwinkel.app import Leerwinkel, open_app
from leerwinkel.backup import list_backups
from leerwinkel.config import Config
from leerwinkel.storage import integrity
from leerwinkel.storage.models import Client
from tests.factories import TEST_CREDENTIALS
from tests.ui.messagemock import MessageMock
from ui.common.operations import run_with_progress
from ui.session.upkeep import is_running, start_daily_upkeep

PAGE = 4096


def test_a_sound_database_is_checked_in_the_background_without_a_word(
    qtbot: QtBot, facade: Leerwinkel, migrated_data: Path
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    config = Config(data_dir=migrated_data)
    assert list_backups(config) == []
    op = start_daily_upkeep(window, facade)
    assert op is not None
    qtbot.waitUntil(lambda: not is_running(facade), timeout=30_000)
    assert integrity.read_state(config.sqlite_path) == integrity.CheckState(facade.store.now(), True)
    assert [info.created_at.date() for info in list_backups(config)] == [facade.store.now().date()]
    assert start_daily_upkeep(window, facade) is None  # done for today


def test_damage_found_in_the_background_is_shown_once(
    expected_warnings: list[logging.LogRecord], qtbot: QtBot, message_mock: MessageMock, migrated_data: Path
) -> None:
    config = Config(data_dir=migrated_data)
    app = open_app(config, credentials=TEST_CREDENTIALS)
    with app.store.unit_of_work() as session:
        session.add_all(Client(first_name=f"Verzonnen-{i:04d}-{'x' * 60}") for i in range(1500))
    app.close()
    data = bytearray(config.sqlite_path.read_bytes())
    offset = (len(data) // PAGE - 1) * PAGE
    data[offset + 100 : offset + 200] = b"\xff" * 100
    config.sqlite_path.write_bytes(bytes(data))
    app = open_app(config, credentials=TEST_CREDENTIALS)
    try:
        window = QWidget()
        qtbot.addWidget(window)
        start_daily_upkeep(window, app)
        qtbot.waitUntil(lambda: bool(message_mock.messages), timeout=30_000)
        assert "beschadigd" in message_mock.getmsg("warning").text
        assert start_daily_upkeep(window, app) is None  # said once in this session
        assert list_backups(config) == []  # a damaged file never pushes a good backup out of the rotation
    finally:
        app.close()
    assert any("damage" in record.getMessage() for record in expected_warnings)


def test_the_window_opens_before_the_daily_backup_and_the_status_bar_says_when_it_is_made(
    qtbot: QtBot, facade: Leerwinkel, migrated_data: Path
) -> None:
    """Sign-in (issue 15): the integrity check and the daily backup read the whole file, seconds on a large one;
    the window does not wait for them, and the counsellor sees them happen."""
    from ui.mainwindow import MainWindow
    from ui.session.lifecycle import watch_session

    config = Config(data_dir=migrated_data)
    window = MainWindow(facade)
    qtbot.addWidget(window)
    lock = watch_session(window, facade)
    window.show()
    assert list_backups(config) == []  # nothing read or copied before the window is shown
    qtbot.waitUntil(lambda: is_running(facade), timeout=5_000)
    assert window.statusBar().currentMessage() == "Controle en reservekopie van vandaag worden gemaakt…"
    qtbot.waitUntil(lambda: not is_running(facade), timeout=30_000)
    assert len(list_backups(config)) == 1
    assert window.statusBar().currentMessage().startswith("Reservekopie van vandaag gemaakt om ")
    lock.stop()


def test_a_slow_exit_shows_a_dialog_and_returns_what_the_work_returned(qtbot: QtBot) -> None:
    import threading

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QProgressDialog

    release = threading.Event()
    seen: list[str] = []

    def look() -> None:
        seen.extend(
            w.labelText() for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()
        )
        release.set()

    QTimer.singleShot(300, look)
    assert run_with_progress(lambda: release.wait(10) and "klaar", "Reservekopie maken…", shown_after_ms=0) == "klaar"
    assert seen == ["Reservekopie maken…"]
    assert not any(isinstance(w, QProgressDialog) and w.isVisible() for w in QApplication.topLevelWidgets())

    def fails() -> None:
        raise OSError("schijf vol")

    with pytest.raises(OSError, match="schijf vol"):
        run_with_progress(fails, "Reservekopie maken…")


def _day_in_the_window(qtbot: QtBot, config: Config, intake_name: str | None) -> list[str]:
    """Sign in, let the daily upkeep make the day's backup, walk the pages with the keyboard, save an intake
    through the form when ``intake_name`` is given, close: the reasons of the backups in the folder."""
    from PySide6.QtCore import Qt

    from leerwinkel.backup import read_sidecar
    from tests.ui.conftest import show_active, wait_idle
    from ui.common.operations import wait_for_background_work
    from ui.mainwindow import MainWindow
    from ui.session.lifecycle import finish_session, watch_session

    ctrl = Qt.KeyboardModifier.ControlModifier
    app = open_app(config, credentials=TEST_CREDENTIALS)
    window = MainWindow(app)
    qtbot.addWidget(window)
    lock = watch_session(window, app)
    show_active(qtbot, window)
    qtbot.waitUntil(lambda: len(list_backups(config)) == 1 and not is_running(app), timeout=30_000)
    for key in (Qt.Key.Key_2, Qt.Key.Key_5, Qt.Key.Key_1):
        qtbot.keyClick(window, key, ctrl)
    if intake_name is not None:
        form = window.intake_pages.intake
        qtbot.keyClick(window, Qt.Key.Key_N, ctrl)
        qtbot.keyClicks(form.lines["first_name"], intake_name)
        qtbot.mouseClick(form.consent.store, Qt.MouseButton.LeftButton)
        qtbot.keyClick(window, Qt.Key.Key_S, ctrl)
        wait_idle(qtbot, form)
        assert not form.is_dirty
    assert wait_for_background_work(timeout=30)
    lock.stop()
    window.activateWindow()  # the backup's progress dialog had the focus last
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_Q, ctrl)  # Ctrl+Q closes the window as its close button does
    assert not window.isVisible()
    finish_session(app)
    audit = {info.path.name: read_sidecar(info.path) for info in list_backups(config)}
    assert all(audit.values())  # every backup has its sealed key beside it
    reopened = open_app(config, credentials=TEST_CREDENTIALS)
    try:
        events = reopened.audit.events(reopened.auth.current, limit=50)
    finally:
        reopened.close()
    return [json.loads(e.detail)["reason"] for e in reversed(events) if e.action == "backup.create"]


def test_closing_after_only_looking_makes_no_second_copy_of_the_same_file(
    qtbot: QtBot, migrated_data: Path, intake_questions_answered: None
) -> None:
    """Issue 15: closing waited for the day's backup and then wrote another one of the same file (half a
    minute at 100,000 clients); nothing was written after the daily backup, so none is made at exit."""
    assert _day_in_the_window(qtbot, Config(data_dir=migrated_data), None) == ["daily"]


def test_closing_after_a_save_makes_the_backup_at_exit(
    qtbot: QtBot, migrated_data: Path, intake_questions_answered: None
) -> None:
    assert _day_in_the_window(qtbot, Config(data_dir=migrated_data), "Mira") == ["daily", "exit"]
