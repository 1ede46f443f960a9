"""The window's translations: every text finished and in sync with the code, and the real window in English."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
)
from pytestqt.qtbot import QtBot

from leerwinkel import i18n
from leerwinkel.app import Leerwinkel
from leerwinkel.errors import NotFoundError
from leerwinkel.messages import describe
from tests.ui.conftest import show_active
from ui.mainwindow import MainWindow

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
PLACEHOLDER = re.compile(r"%\d")
MNEMONIC = re.compile(r"(?<!&)&[^&\s]")


def other_languages() -> list[str]:
    return [code for code in i18n.LANGUAGES if code != i18n.SOURCE_LANGUAGE]


def messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, translation element) for every message of a Qt Linguist file."""
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found.append((name, message.findtext("source") or "", translation))
    return found


@pytest.mark.parametrize("language", other_languages())
def test_every_window_text_is_translated(language: str) -> None:
    found = messages(TRANSLATIONS / f"leerwinkel_{language}.ts")
    assert len(found) > 700
    unfinished = [(c, s) for c, s, t in found if t.get("type") or not (t.text or "").strip()]
    assert not unfinished, f"{len(unfinished)} unfinished, vanished or obsolete: {unfinished[:10]}"
    wrong = [
        (c, s, t.text)
        for c, s, t in found
        if sorted(PLACEHOLDER.findall(s)) != sorted(PLACEHOLDER.findall(t.text or ""))
        or bool(MNEMONIC.search(s)) != bool(MNEMONIC.search(t.text or ""))
    ]
    assert not wrong, f"placeholders (%1) or the Alt+letter differ from the source: {wrong[:5]}"
    assert all(c for c, _s, _t in found), "a text outside a class: give QCoreApplication.translate a context"


@pytest.mark.parametrize("language", other_languages())
def test_the_window_catalogue_is_in_sync_with_the_code(
    translations_tool: ModuleType, tmp_path: Path, language: str
) -> None:
    """lupdate on a copy of the catalogue changes nothing: a new self.tr() without a translation fails here."""
    committed = TRANSLATIONS / f"leerwinkel_{language}.ts"
    copy = tmp_path / committed.name
    shutil.copy(committed, copy)
    translations_tool.run_lupdate(copy, language=language)
    before = {(c, s) for c, s, _t in messages(committed)}
    after = messages(copy)
    new = sorted((c, s) for c, s, t in after if t.get("type") == "unfinished")
    gone = sorted(before - {(c, s) for c, s, _t in after})
    assert not new, f"texts without a translation (run make translations and translate them): {new[:20]}"
    assert not gone, f"texts no longer in the code (run make translations): {gone[:20]}"


def test_lupdate_finds_a_new_text(translations_tool: ModuleType, tmp_path: Path) -> None:
    """The sync test can fail: a new self.tr() arrives unfinished."""
    (tmp_path / "ui").mkdir()
    (tmp_path / "ui" / "page.py").write_text(
        "from PySide6.QtWidgets import QWidget\n\n\nclass NewPage(QWidget):\n"
        "    def title(self) -> str:\n        return self.tr('Een nieuwe knop')\n",
        encoding="utf-8",
    )
    ts = tmp_path / "new.ts"
    shutil.copy(TRANSLATIONS / "leerwinkel_en.ts", ts)
    translations_tool.run_lupdate(ts, root=tmp_path, language="en")
    assert [(c, s, t.get("type")) for c, s, t in messages(ts)] == [("NewPage", "Een nieuwe knop", "unfinished")]


def _texts(widget: object) -> set[str]:
    from PySide6.QtWidgets import QWidget

    assert isinstance(widget, QWidget)
    texts = {label.text().replace("&", "") for label in widget.findChildren(QLabel)}
    texts |= {button.text().replace("&", "") for button in widget.findChildren(QAbstractButton)}
    texts |= {box.title().replace("&", "") for box in widget.findChildren(QGroupBox)}
    for tabs in widget.findChildren(QTabWidget):
        texts |= {tabs.tabText(i).replace("&", "") for i in range(tabs.count())}
    return texts


def test_the_main_window_in_english(
    qtbot: QtBot, facade: Leerwinkel, window_in: Callable[[str], None], monkeypatch: pytest.MonkeyPatch
) -> None:
    window_in("en")
    window = MainWindow(facade)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    show_active(qtbot, window)
    navigation = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert navigation[:7] == ["Today", "Clients", "New intake", "Catalogue", "Follow-up", "Reports", "Settings"]
    assert "Exchange" in navigation
    assert [a.text() for a in window.menuBar().actions() if a.isVisible()] == ["Print", "Session", "Help"]
    window.show_page("intake")
    intake = _texts(window.pages.currentWidget())
    assert {"Person", "Situation", "Learning wishes", "First name"} <= intake, sorted(intake)
    window.show_page("catalogue")
    catalogue = _texts(window.pages.currentWidget())
    assert {"Search", "New offering", "In prison"} <= catalogue, sorted(catalogue)
    window.show_page("settings")
    settings = _texts(window.pages.currentWidget())
    assert {"General", "Accounts", "Backups", "Language of the window"} <= settings, sorted(settings)
    window.show_page("reports")
    assert "Figures" in _texts(window.pages.currentWidget())
    # the core's sentences and the vocabulary follow the window
    assert describe(NotFoundError("client", "Tess")) == "No client found with “Tess”."
    # Qt's own dialogs too (qtbase_en has no texts: Qt's source language is English)
    box = QMessageBox(window)
    qtbot.addWidget(box)
    box.setStandardButtons(QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel)
    assert sorted(b.text().replace("&", "") for b in box.buttons()) == ["Cancel", "Save"]
    close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    qtbot.addWidget(close)
    assert [b.text().replace("&", "") for b in close.findChildren(QPushButton)] == ["Close"]


def test_dutch_window_and_qt_dialogs_by_default(
    qtbot: QtBot, facade: Leerwinkel, window_in: Callable[[str], None]
) -> None:
    """The same checks in Dutch: the English test above is not English by accident."""
    window_in("nl")
    window = MainWindow(facade)
    qtbot.addWidget(window)
    assert window.navigation.item(0).text() == "Vandaag"
    box = QMessageBox(window)
    qtbot.addWidget(box)
    box.setStandardButtons(QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel)
    assert sorted(b.text().replace("&", "") for b in box.buttons()) == ["Annuleren", "Opslaan"]


def test_choosing_a_language_in_settings_asks_to_restart(
    qtbot: QtBot, facade: Leerwinkel, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QApplication

    from ui.settings.language import RESTART_PROPERTY, LanguageSettings

    monkeypatch.delenv("LEERWINKEL_LANGUAGE")
    asked: list[bool] = []
    monkeypatch.setattr(LanguageSettings, "ask_restart", classmethod(lambda cls, parent: asked.append(True) or False))
    window = MainWindow(facade)
    qtbot.addWidget(window)
    window.show_page("settings")
    language = window.findChild(LanguageSettings)
    assert language is not None
    index = language.combo.findData("en")
    language.combo.setCurrentIndex(index)
    language.combo.activated.emit(index)
    assert facade.language.chosen() == "en"
    assert asked == [True]
    assert "next time" in language.status.text() or "volgende keer" in language.status.text()
    app = QApplication.instance()
    assert app is not None and not app.property(RESTART_PROPERTY)
    restarted: list[bool] = []
    monkeypatch.setattr(LanguageSettings, "ask_restart", classmethod(lambda cls, parent: True))
    monkeypatch.setattr(window, "close", lambda: restarted.append(True) or True)
    index = language.combo.findData("nl")
    language.combo.activated.emit(index)
    assert facade.language.chosen() == "nl"
    # back to Dutch, the language the window has now: nothing to restart for
    assert restarted == []
    language.combo.activated.emit(language.combo.findData("en"))
    assert restarted == [True] and app.property(RESTART_PROPERTY)
    app.setProperty(RESTART_PROPERTY, False)
