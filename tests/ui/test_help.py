"""F1 opens the Dutch user guide inside the app, at the section of the current page; Qt's own texts in Dutch."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QImage, QPixmap, QTextDocument
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QLabel, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from leerwinkel.app import Leerwinkel
from leerwinkel.paths import resource
from leerwinkel.reports.definitions import figure_definitions
from tests.ui.conftest import show_active
from ui.help.window import GUIDE, PAGE_SECTIONS, HelpWindow
from ui.mainwindow import MainWindow

ROOT = Path(__file__).resolve().parents[2]
PAGE_SHORTCUTS = {
    "today": Qt.Key.Key_1,
    "clients": Qt.Key.Key_2,
    "intake": Qt.Key.Key_3,
    "catalogue": Qt.Key.Key_4,
    "followup": Qt.Key.Key_5,
    "reports": Qt.Key.Key_6,
    "settings": Qt.Key.Key_7,
}


@pytest.fixture
def window(qtbot: QtBot, facade: Leerwinkel) -> Iterator[MainWindow]:
    main = MainWindow(facade)
    qtbot.addWidget(main)
    main.resize(1280, 720)
    show_active(qtbot, main)
    yield main
    main.close()


def _guide(window: MainWindow) -> HelpWindow:
    found = window.findChild(HelpWindow)
    assert isinstance(found, HelpWindow)
    return found


def test_f1_opens_the_guide_at_the_section_of_each_page(qtbot: QtBot, window: MainWindow) -> None:
    for key, digit in PAGE_SHORTCUTS.items():
        qtbot.keyClick(window, digit, Qt.KeyboardModifier.ControlModifier)
        assert window.current_page_key() == key
        qtbot.keyClick(window, Qt.Key.Key_F1)
        guide = _guide(window)
        qtbot.waitUntil(guide.isVisible)
        assert guide.section_at_top() == PAGE_SECTIONS[key], key
        assert guide.contents.currentItem().text() == PAGE_SECTIONS[key]
        window.activateWindow()
        window.windowHandle().requestActivate()
        qtbot.waitUntil(window.isActiveWindow)
    assert len(window.findChildren(HelpWindow)) == 1  # F1 again raises the one guide


def test_every_page_has_a_section_in_the_guide(window: MainWindow, qtbot: QtBot) -> None:
    guide = HelpWindow(window)
    qtbot.addWidget(guide)
    titles = [section.title for section in guide.sections]
    keys = [window.navigation.item(i).data(Qt.ItemDataRole.UserRole) for i in range(window.navigation.count())]
    assert sorted(keys) == sorted(PAGE_SECTIONS)
    for key in keys:
        assert titles.count(PAGE_SECTIONS[key]) == 1, key
        assert window.navigation.item(keys.index(key)).text() == PAGE_SECTIONS[key]


def test_the_guide_renders_without_markdown_marks(window: MainWindow, qtbot: QtBot) -> None:
    guide = HelpWindow(window)
    qtbot.addWidget(guide)
    text = guide.browser.document().toPlainText()
    assert "Gebruikersgids Leerwinkel Intake" in text
    for mark in ("`", "**", "|---", "## "):
        assert mark not in text, mark


def test_search_in_the_guide_finds_and_says_when_not(window: MainWindow, qtbot: QtBot) -> None:
    guide = HelpWindow(window)
    qtbot.addWidget(guide)
    guide.show()
    qtbot.keyClicks(guide.search, "herstelsleutel")
    qtbot.keyClick(guide.search, Qt.Key.Key_Return)
    assert guide.browser.textCursor().selectedText().lower() == "herstelsleutel"
    guide.search.clear()
    qtbot.keyClicks(guide.search, "xyzzy-niet-in-de-gids")
    qtbot.keyClick(guide.search, Qt.Key.Key_Return)
    assert guide.message.text() == "Niet gevonden"


def test_the_guide_is_bundled_and_defines_every_report_figure() -> None:
    text = resource(*GUIDE).read_text(encoding="utf-8")
    for item in figure_definitions():
        assert f"| {item.label} | {item.text} |" in text, item.key
    pointer = (ROOT / "docs" / "gebruikersgids.md").read_text(encoding="utf-8")
    assert "resources/help/gebruikersgids.md" in pointer
    assert len(pointer.splitlines()) < 10  # one source: docs/ only points to the bundled guide


def test_qt_standard_buttons_are_dutch(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    from ui.application import install_translators

    monkeypatch.delenv("LEERWINKEL_LANGUAGE", raising=False)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translators(app)
    try:
        box = QMessageBox()
        qtbot.addWidget(box)
        box.setStandardButtons(QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel)
        assert sorted(b.text().replace("&", "") for b in box.buttons()) == ["Annuleren", "Opslaan"]
        dialog = QFileDialog(None, "Rapport opslaan")
        qtbot.addWidget(dialog)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        texts = {b.text().replace("&", "") for b in dialog.findChildren(QPushButton)}
        assert {"Opslaan", "Annuleren"} <= texts
        labels = {label.text().replace("&", "") for label in dialog.findChildren(QLabel)}
        # Qt 6's own source texts that qtbase_nl.qm lacks come from ui/common/qtdutch.py.
        assert {"Zoeken in:", "Bestandsnaam:", "Bestanden van type:"} <= labels, labels
        assert QCoreApplication.translate("QAbstractFileIconProvider", "Folder") == "Map"
        assert QCoreApplication.translate("QFileDialog", "Back") == "Terug"  # from Qt's catalogue
        assert QCoreApplication.translate("NoSuchContext", "Laat dit staan") == "Laat dit staan"
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        qtbot.addWidget(close)
        assert close.button(QDialogButtonBox.StandardButton.Close).text().replace("&", "") == "Sluiten"
    finally:
        for translator in translators:
            app.removeTranslator(translator)


def test_every_picture_of_the_guide_is_bundled_and_shown(qtbot: QtBot) -> None:
    """The guide shows a picture of each page (made by docs/screenshots/pages.py from the real window)."""
    text = resource(*GUIDE).read_text(encoding="utf-8")
    names = re.findall(r"!\[[^\]]+\]\((images/[a-z]+\.png)\)", text)
    assert len(names) >= 8
    window = HelpWindow()
    qtbot.addWidget(window)
    document = window.browser.document()
    for name in names:
        assert (resource(*GUIDE).parent / name).is_file(), name
        image = document.resource(QTextDocument.ResourceType.ImageResource, QUrl(name))
        assert isinstance(image, QImage | QPixmap) and not image.isNull() and image.width() <= 600, name
