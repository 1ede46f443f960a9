"""UI fixtures: offscreen Qt, the real core on a tmp_path SQLite database."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

import pytest

from leerwinkel.app import Leerwinkel, open_app
from leerwinkel.config import Config
from tests.conftest import FIXED_NOW
from tests.factories import TEST_CREDENTIALS, FakeClock
from tests.ui.messagemock import MessageMock

if TYPE_CHECKING:
    from ui.intake.page import IntakePage


@pytest.fixture
def facade(migrated_data: Path) -> Iterator[Leerwinkel]:
    """The real core on a copy of the migrated template database, signed in as the test administrator."""
    app = open_app(Config(data_dir=migrated_data), clock=FakeClock(FIXED_NOW), credentials=TEST_CREDENTIALS)
    try:
        yield app
    finally:
        from ui.common.operations import wait_for_background_work

        wait_for_background_work(timeout=30)  # no op may still use the database when it closes
        app.close()


@pytest.fixture(autouse=True)
def _message_boxes(monkeypatch: pytest.MonkeyPatch) -> Iterator[MessageMock]:
    """No test shows a real message box (it would block): each is recorded, and an unexpected one fails."""
    mock = MessageMock()
    mock.install(monkeypatch)
    yield mock
    mock.check()


@pytest.fixture
def message_mock(_message_boxes: MessageMock) -> MessageMock:
    """The message boxes the test causes (tests/ui/messagemock.py); asking for it declares them expected."""
    _message_boxes.expected = True
    return _message_boxes


@pytest.fixture
def intake_questions_answered(monkeypatch: pytest.MonkeyPatch) -> None:
    """The intake page's own questions answered: unsaved changes are discarded, no draft is restored."""
    from ui.common.widgets import RestoreDraftDialog, UnsavedChangesDialog

    monkeypatch.setattr(UnsavedChangesDialog, "ask", classmethod(lambda cls, parent: UnsavedChangesDialog.DISCARD))
    monkeypatch.setattr(RestoreDraftDialog, "ask", classmethod(lambda cls, parent, saved_at: False))


def show_active(qtbot: object, widget: object) -> None:
    """Show a top-level widget and make it the active window, so its shortcuts work offscreen.

    ``activateWindow`` alone does not activate a window on the offscreen platform;
    ``QWindow.requestActivate`` does.
    """
    from PySide6.QtWidgets import QWidget
    from pytestqt.qtbot import QtBot

    assert isinstance(qtbot, QtBot) and isinstance(widget, QWidget)
    widget.show()
    handle = widget.windowHandle()
    assert handle is not None
    handle.requestActivate()
    qtbot.waitUntil(widget.isActiveWindow, timeout=3000)


def wait_idle(qtbot: object, page: IntakePage) -> None:
    """Wait until the intake page's write (save or refer, run as a WriteOp) has been delivered."""
    from pytestqt.qtbot import QtBot

    assert isinstance(qtbot, QtBot)
    qtbot.waitUntil(lambda: not page.is_busy, timeout=30000)  # the one writer thread is shared by every op


def _translations_tool() -> ModuleType:
    import importlib.util

    root = Path(__file__).resolve().parents[2]
    spec = importlib.util.spec_from_file_location("translations_tool", root / "packaging" / "translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def translations_tool() -> ModuleType:
    """packaging/translations.py, which ``make translations`` runs; it compiles the catalogues when stale."""
    tool = _translations_tool()
    tool.compile_all()
    return tool


@pytest.fixture
def window_in(translations_tool: ModuleType) -> Iterator[Callable[[str], None]]:
    """``window_in("en")``: Qt's and our texts and the core's sentences in that language, until the test ends."""
    from PySide6.QtCore import QLocale, QTranslator
    from PySide6.QtWidgets import QApplication

    from leerwinkel import i18n
    from ui.application import install_translators

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = QLocale()
    installed: list[QTranslator] = []

    def switch(language: str) -> None:
        assert i18n.activate(language)
        installed.extend(install_translators(app, language))

    yield switch
    for translator in installed:
        app.removeTranslator(translator)
    i18n.activate(i18n.SOURCE_LANGUAGE)
    QLocale.setDefault(before)
