"""The main window opens, shows the navigation and where the data lives."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from leerwinkel.app import Leerwinkel
from tests.ui.conftest import show_active
from ui.mainwindow import MainWindow

EXPECTED_PAGES = [
    "Vandaag",
    "Cliënten",
    "Nieuwe intake",
    "Catalogus",
    "Opvolging",
    "Rapporten",
    "Instellingen",
    "Uitwisselen",
]


def test_main_window_has_navigation_and_status(qtbot: QtBot, facade: Leerwinkel) -> None:
    window = MainWindow(facade)
    qtbot.addWidget(window)
    window.show()
    assert window.windowTitle() == "Leerwinkel Intake"
    titles = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert titles == EXPECTED_PAGES
    assert str(facade.config.data_dir) in window.location_label.text()
    assert window.current_page_key() == "today"


def test_keyboard_moves_between_pages(qtbot: QtBot, facade: Leerwinkel) -> None:
    window = MainWindow(facade)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    window.navigation.setFocus()
    qtbot.keyClick(window.navigation, Qt.Key.Key_Down)
    assert window.current_page_key() == "clients"
    qtbot.keyClick(window.navigation, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key() == "catalogue"


def test_pages_are_built_when_first_shown(qtbot: QtBot, facade: Leerwinkel) -> None:
    from ui.reports.page import ReportsPage
    from ui.today.page import TodayPage

    window = MainWindow(facade)
    qtbot.addWidget(window)
    built = [key for key in window._page_keys if window.is_page_built(key)]
    assert built == ["today"]  # signing in waits for the first page only
    assert isinstance(window.pages.currentWidget(), TodayPage)
    show_active(qtbot, window)
    qtbot.keyClick(window.navigation, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert window.is_page_built("reports") and isinstance(window.pages.currentWidget(), ReportsPage)
    assert window.current_page_key() == "reports"
    assert not window.is_page_built("catalogue")
    assert window.catalogue_page is window.page("catalogue")  # asking for a page builds it once


def test_dutch_is_the_default_language(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    from ui.application import install_translators

    monkeypatch.delenv("LEERWINKEL_LANGUAGE", raising=False)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translators(app)
    try:
        assert QLocale().name() == "nl_BE"
        assert all(t.language().startswith("nl") for t in translators), [t.language() for t in translators]
    finally:
        for translator in translators:
            app.removeTranslator(translator)
