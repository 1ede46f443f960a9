"""First start, login, the inactivity lock that keeps the open form, and the audit view."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMainWindow, QProgressDialog, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from leerwinkel.app import Leerwinkel
from leerwinkel.config import Config
from leerwinkel.credentials import Credentials
from leerwinkel.errors import AuthenticationError
from tests.factories import TEST_PASSWORD, TEST_USER
from ui.session.inactivity import InactivityLock, LockDialog
from ui.session.login import LoginDialog, LoginOutcome
from ui.settings.audit import AuditPage


def _labels_have_buddies(widget: QWidget) -> None:
    for edit in widget.findChildren(QLineEdit):
        assert edit.accessibleName(), edit
        assert any(label.buddy() is edit and "&" in label.text() for label in widget.findChildren(QLabel))


def test_login_dialog_says_when_the_password_is_wrong(qtbot: QtBot, tmp_path: Path) -> None:
    config = Config(data_dir=tmp_path / "data")
    dialog = LoginDialog(config)
    qtbot.addWidget(dialog)
    dialog.show()
    _labels_have_buddies(dialog)
    qtbot.keyClicks(dialog.username, TEST_USER)
    qtbot.keyClicks(dialog.password, "fout-wachtwoord")
    qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    assert "klopt niet" in dialog.error.text()
    assert dialog.app is None and dialog.password.text() == ""
    qtbot.keyClicks(dialog.password, TEST_PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.app is not None
    try:
        assert dialog.app.auth.current is not None and dialog.app.auth.current.username == TEST_USER
    finally:
        dialog.app.close()


def test_login_dialog_shows_it_is_busy_while_the_database_opens(qtbot: QtBot, tmp_path: Path) -> None:
    """Opening takes seconds on a large file after a crash or an update: it runs on a worker, the dialog stays
    painted with a wait cursor and a line that says so, nothing in it can be used or closed, and a progress
    dialog appears when it takes longer than a second."""
    release = threading.Event()
    seen: list[tuple[bool, bool, Qt.CursorShape | None, bool]] = []

    def slow_opener(config: Config, credentials: Credentials) -> Leerwinkel:
        release.wait(20)  # the worker waits; the test looks at the window meanwhile
        raise AuthenticationError("bad-credentials")

    dialog = LoginDialog(Config(data_dir=tmp_path / "data"), opener=slow_opener)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.status.isVisible()

    def look() -> None:
        inputs = (dialog.username, dialog.password, dialog.login_button, dialog.cancel_button)
        usable = any(widget.isEnabled() for widget in inputs)
        cursor = QApplication.overrideCursor()
        progress = any(isinstance(w, QProgressDialog) and w.isVisible() for w in QApplication.topLevelWidgets())
        dialog.reject()  # Esc while it opens: refused
        seen.append((usable, dialog.status.isVisible(), cursor.shape() if cursor else None, progress))
        if progress or len(seen) > 60:
            release.set()
        else:
            QTimer.singleShot(50, look)

    qtbot.keyClicks(dialog.username, TEST_USER)
    qtbot.keyClicks(dialog.password, "fout-wachtwoord")
    QTimer.singleShot(100, look)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)  # returns when the opener has
    assert seen[0] == (False, True, Qt.CursorShape.WaitCursor, False)
    assert seen[-1] == (False, True, Qt.CursorShape.WaitCursor, True)  # after a second: the progress dialog
    assert dialog.isVisible() and dialog.result() == 0
    # Afterwards: the cursor back, the dialog usable again, the wrong password said, ready for another try.
    assert QApplication.overrideCursor() is None
    assert dialog.login_button.isEnabled() and dialog.password.isEnabled() and not dialog.status.isVisible()
    assert "klopt niet" in dialog.error.text() and dialog.password.text() == ""


class FormWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        body = QWidget()
        layout = QVBoxLayout(body)
        self.note = QLineEdit()
        self.note.setAccessibleName("Notitie")
        layout.addWidget(self.note)
        self.setCentralWidget(body)


def test_lock_keeps_the_open_form_and_needs_the_password(qtbot: QtBot, facade: Leerwinkel) -> None:
    window = FormWindow()
    qtbot.addWidget(window)
    window.show()
    lock = InactivityLock(window, facade, minutes=10)
    assert lock.timer.interval() == 10 * 60_000
    qtbot.keyClicks(window.note, "half ingevuld formulier")
    lock.lock_now()
    assert lock.is_locked
    dialog = lock.dialog
    assert isinstance(dialog, LockDialog) and dialog.isVisible()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert lock.is_locked  # Escape does not unlock
    qtbot.keyClicks(dialog.password, "fout")
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    assert lock.is_locked and "klopt niet" in dialog.error.text()
    qtbot.keyClicks(dialog.password, TEST_PASSWORD)
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    assert not lock.is_locked
    assert window.note.text() == "half ingevuld formulier"
    lock.stop()


def test_lock_after_inactivity(qtbot: QtBot, facade: Leerwinkel) -> None:
    window = FormWindow()
    qtbot.addWidget(window)
    window.show()
    lock = InactivityLock(window, facade, minutes=0)
    qtbot.waitUntil(lambda: lock.is_locked, timeout=3000)
    assert facade.auth.lock_minutes() == 10  # the setting's default
    lock.stop()


def test_audit_page_shows_verifies_and_exports(
    qtbot: QtBot, facade: Leerwinkel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    facade.backups.create(facade.auth.current)
    page = AuditPage(facade)
    qtbot.addWidget(page)
    assert page.table.rowCount() >= 2
    actions = {page.table.item(r, 2).text() for r in range(page.table.rowCount())}
    assert {"login", "backup.create"} <= actions
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "ongewijzigd" in page.status.text())
    target = tmp_path / "audit.jsonl"
    monkeypatch.setattr(page, "ask_export_file", lambda: str(target))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "geëxporteerd" in page.status.text())
    assert target.is_file() and page.export_button.isEnabled()
    assert page.table.accessibleName()


def test_audit_page_is_for_admins_only(qtbot: QtBot, facade: Leerwinkel) -> None:
    facade.auth.create_account(facade.auth.current, "balie", "een-goed-wachtwoord")
    facade.auth.logout()
    facade.auth.login(Credentials("balie", "een-goed-wachtwoord"))
    page = AuditPage(facade)
    qtbot.addWidget(page)
    assert page.table.rowCount() == 0
    assert "beheerder" in page.status.text()


def test_damaged_database_at_start_offers_the_latest_backup(
    expected_warnings: list[logging.LogRecord], qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ui.session.lifecycle as session_module
    from leerwinkel.app import open_app
    from leerwinkel.errors import StorageError
    from ui.session.login import open_signed_in

    config = Config(data_dir=tmp_path / "data")
    credentials = Credentials(TEST_USER, TEST_PASSWORD)
    app = open_app(config, credentials=credentials)
    app.backups.create(app.auth.current)
    app.close()
    data = bytearray(config.sqlite_path.read_bytes())
    for offset in range(4096, len(data), 4096):
        data[offset + 10 : offset + 300] = b"\x00" * 290
    config.sqlite_path.write_bytes(bytes(data))

    def fake_sign_in(cfg: Config, parent: QWidget | None = None) -> LoginOutcome:
        try:
            return LoginOutcome(open_signed_in(cfg, credentials))
        except StorageError as error:
            return LoginOutcome(None, error, credentials)

    asked: list[str] = []
    monkeypatch.setattr(LoginDialog, "sign_in", classmethod(lambda cls, cfg, parent=None: fake_sign_in(cfg)))
    monkeypatch.setattr(session_module, "ask_restore", lambda parent, text: asked.append(text) or True)
    restored = session_module.start_session(config)
    assert restored is not None
    try:
        assert asked and "reservekopie" in asked[0]
        assert any(".replaced-" in p.name for p in config.data_dir.iterdir())
    finally:
        restored.close()
    assert expected_warnings and all("moved aside" in record.getMessage() for record in expected_warnings)


def test_window_session_leaves_no_plain_text(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Use the window (lock, audit view, backups at start and exit), then grep every file."""
    import tempfile
    import uuid

    from leerwinkel.app import open_app
    from leerwinkel.backup import list_backups
    from leerwinkel.storage.models import Client
    from tests.helpers import grep_tree, needles_for
    from ui.mainwindow import MainWindow
    from ui.session.lifecycle import finish_session, watch_session

    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    name = f"Quokkalina-{uuid.uuid4().hex[:10]}"
    config = Config(data_dir=tmp_path / "data")
    app = open_app(config, credentials=Credentials(TEST_USER, TEST_PASSWORD))
    with app.store.unit_of_work() as session:
        session.add(Client(first_name=name, notes=name))
    window = MainWindow(app)
    qtbot.addWidget(window)
    lock = watch_session(window, app)
    window.show()
    window.show_page("settings")  # an administrator's settings page holds the audit log
    lock.lock_now()
    assert lock.dialog is not None
    qtbot.keyClicks(lock.dialog.password, TEST_PASSWORD)
    qtbot.mouseClick(lock.dialog.unlock_button, Qt.MouseButton.LeftButton)
    assert not lock.is_locked
    lock.stop()
    finish_session(app)
    assert len(list_backups(config)) >= 1
    assert grep_tree(config.data_dir, needles_for(name)) == []
    assert grep_tree(temp, needles_for(name)) == []


@pytest.mark.parametrize(
    "name", ["x" * 5000, "naam\x00", "\u202e😀", "'; DROP TABLE counsellors; --", "=cmd|' /C calc'!A0"]
)
def test_login_dialog_survives_hostile_input(qtbot: QtBot, tmp_path: Path, name: str) -> None:
    dialog = LoginDialog(Config(data_dir=tmp_path / "data"))
    qtbot.addWidget(dialog)
    dialog.username.setText(name)
    dialog.password.setText(name)
    qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    assert dialog.app is None and "klopt niet" in dialog.error.text()
    attempts = (tmp_path / "data" / "login-attempts.json").read_text(encoding="utf-8")
    assert name.encode("unicode_escape").decode()[:20] not in attempts and "DROP" not in attempts


def test_first_start_and_sign_in_on_both_backends(tmp_path: Path, database_url: str | None) -> None:
    from leerwinkel.errors import AuthenticationError
    from leerwinkel.security.setup import setup_installation
    from tests.factories import TEST_KDF
    from ui.session.lifecycle import needs_setup
    from ui.session.login import open_signed_in

    config = Config(data_dir=tmp_path / "data", database_url=database_url)
    if database_url is not None:
        assert needs_setup(config)
        setup_installation(config, TEST_USER, TEST_PASSWORD, params=TEST_KDF)
    assert not needs_setup(config)
    with pytest.raises(AuthenticationError):
        open_signed_in(config, Credentials(TEST_USER, "niet-juist-99"))
    app = open_signed_in(config, Credentials(TEST_USER, TEST_PASSWORD))
    try:
        assert app.auth.current is not None and app.auth.current.is_admin
    finally:
        app.close()
