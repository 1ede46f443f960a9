"""The "Afdrukken" menu: the catalogue sheet (the session print is in test_session_dialog.py)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from leerwinkel.app import Leerwinkel
from leerwinkel.letters.model import LetterKind, RenderedLetter
from tests.lettersdata import build_referral
from tests.pdfcheck import pdf_text
from ui.letters.actions import CatalogueSheetDialog
from ui.letters.preview import LetterPreviewDialog, PreviewResult
from ui.mainwindow import MainWindow


def test_catalogue_dialog_previews_the_sheet(qtbot: QtBot, facade: Leerwinkel, monkeypatch: pytest.MonkeyPatch) -> None:
    build_referral(facade.store, offering_title="NT2 in de gevangenis")
    shown: list[RenderedLetter] = []
    monkeypatch.setattr(
        LetterPreviewDialog,
        "show_for",
        classmethod(lambda cls, parent, app, letter: shown.append(letter) or PreviewResult(())),
    )
    dialog = CatalogueSheetDialog(facade)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert "categorie is verplicht" in dialog.message.text().lower() and not shown
    row = next(
        i for i in range(dialog.categories.count()) if dialog.categories.item(i).data(Qt.ItemDataRole.UserRole) == "nt2"
    )
    dialog.categories.item(row).setCheckState(Qt.CheckState.Checked)
    dialog.prison.setCurrentIndex(dialog.prison.findData("gevangenis-mechelen"))
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    [letter] = shown
    assert letter.kind is LetterKind.CATALOGUE
    assert "NT2 in de gevangenis" in pdf_text(letter.pdf)
    for widget in (dialog.categories, dialog.city, dialog.prison):
        assert widget.accessibleName()


def test_main_window_has_the_print_menu(qtbot: QtBot, facade: Leerwinkel) -> None:
    window = MainWindow(facade)
    qtbot.addWidget(window)
    titles = [action.text() for action in window.menuBar().actions()]
    assert "Afdrukken" in titles
