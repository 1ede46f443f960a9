"""Scenario fixtures: the real main window at 1280×720 on a SQLite file whose clock moves like a real one."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QWidget
from pytestqt.qtbot import QtBot

from leerwinkel.app import Leerwinkel, open_app
from leerwinkel.config import Config
from leerwinkel.errors import ConflictError
from leerwinkel.letters.model import RenderedLetter
from tests.conftest import FIXED_NOW
from tests.factories import TEST_CREDENTIALS, TickingClock
from ui.mainwindow import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def facade(data_dir: Path) -> Iterator[Leerwinkel]:
    app = open_app(Config(data_dir=data_dir), clock=TickingClock(FIXED_NOW), credentials=TEST_CREDENTIALS)
    try:
        yield app
    finally:
        from ui.common.operations import wait_for_background_work

        wait_for_background_work(timeout=30)
        app.close()


@dataclass
class Desk:
    """What the patched modal dialogs were asked and answered during a scenario."""

    warnings: list[str] = field(default_factory=list)
    conflicts: list[list[str]] = field(default_factory=list)
    letters: list[RenderedLetter] = field(default_factory=list)


@pytest.fixture
def desk(monkeypatch: pytest.MonkeyPatch) -> Desk:
    """Answer the modal dialogs the way a counsellor would, and remember what they said."""
    from PySide6.QtWidgets import QMessageBox

    from ui.common.widgets import RestoreDraftDialog, UnsavedChangesDialog
    from ui.intake.duplicates import ConflictDialog
    from ui.letters.options import ReferralLetterDialog
    from ui.letters.preview import LetterPreviewDialog, PreviewResult

    desk = Desk()

    def ask_reload(cls: type, parent: object, error: ConflictError) -> bool:
        desk.conflicts.append(list(error.changed_fields))
        return True

    def letter_exec(dialog: ReferralLetterDialog) -> int:
        dialog.preview_button.click()  # the options as they are, then the (patched) preview
        return int(dialog.result())

    def preview(cls: type, parent: object, app: Leerwinkel, letter: RenderedLetter) -> PreviewResult:
        desk.letters.append(letter)
        return PreviewResult(())

    monkeypatch.setattr(UnsavedChangesDialog, "ask", classmethod(lambda cls, parent: UnsavedChangesDialog.DISCARD))
    monkeypatch.setattr(RestoreDraftDialog, "ask", classmethod(lambda cls, parent, saved_at: False))
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda parent, title, text, *a: desk.warnings.append(text))
    )
    monkeypatch.setattr(ConflictDialog, "ask_reload", classmethod(ask_reload))
    monkeypatch.setattr(ReferralLetterDialog, "exec", letter_exec)
    monkeypatch.setattr(LetterPreviewDialog, "show_for", classmethod(preview))
    return desk


class Counsellor:
    """Drives the real main window with keyboard and mouse, as a counsellor at 1280×720 would."""

    def __init__(self, qtbot: QtBot, window: MainWindow) -> None:
        self.qtbot = qtbot
        self.window = window
        self.page = window.intake_pages.intake

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = CTRL) -> None:
        if not self.window.isActiveWindow():
            # The offscreen platform sometimes drops the activation when a focused box is hidden;
            # a window manager keeps the window active. Shortcuts need an active window.
            handle = self.window.windowHandle()
            assert handle is not None
            handle.requestActivate()
            self.qtbot.waitUntil(self.window.isActiveWindow, timeout=3000)
        self.qtbot.keyClick(self.window, key, modifier)

    def type(self, widget: QWidget, text: str) -> None:
        """Click into the field (scrolled into view) and type."""
        self.page.scroll_area.ensureWidgetVisible(widget)
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
        assert widget.hasFocus()
        self.qtbot.keyClicks(widget, text)

    def choose(self, combo: QComboBox, text: str) -> None:
        """Tab-like: focus the combo box and type the start of an item, as keyboard users do."""
        self.page.scroll_area.ensureWidgetVisible(combo)
        combo.setFocus(Qt.FocusReason.TabFocusReason)
        self.qtbot.keyClicks(combo, text)
        assert combo.currentText().startswith(text), combo.currentText()

    def tick(self, box: QCheckBox) -> None:
        """Click the box itself (its indicator), scrolled into view."""
        self.page.scroll_area.ensureWidgetVisible(box)
        self.qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(6, box.height() // 2))

    def click(self, button: QWidget) -> None:
        self.page.scroll_area.ensureWidgetVisible(button)
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    def wait_for_writes(self) -> None:
        self.qtbot.waitUntil(lambda: not self.page.is_busy, timeout=20000)

    def save(self) -> None:
        self.press(Qt.Key.Key_S)
        self.wait_for_writes()


def open_window(qtbot: QtBot, facade: Leerwinkel) -> MainWindow:
    from tests.ui.conftest import show_active

    window = MainWindow(facade)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    show_active(qtbot, window)
    return window
