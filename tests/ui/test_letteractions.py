"""The "Afdrukken" menu dialogs: session batch of handouts and the catalogue sheet."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from leerwinkel.app import Leerwinkel
from leerwinkel.letters.model import LetterKind, RenderedLetter
from tests.lettersdata import build_referral
from tests.pdfcheck import pdf_text
from ui.letters.actions import CatalogueSheetDialog, SessionHandoutsDialog
from ui.letters.preview import LetterPreviewDialog, PreviewResult
from ui.mainwindow import MainWindow


def test_session_dialog_prints_every_handout_of_the_session(
    qtbot: QtBot, facade: Leerwinkel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_referral(facade.store, first_name="Øyvind")
    build_referral(facade.store, first_name="Al-Saïd")
    out = tmp_path / "sessie.pdf"

    def ask(cls: object, parent: object, printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setResolution(100)
        return True

    monkeypatch.setattr(LetterPreviewDialog, "ask_printer", classmethod(ask))
    dialog = SessionHandoutsDialog(facade)
    qtbot.addWidget(dialog)
    assert dialog.site.currentData() == "gevangenis-mechelen"  # prisons first
    assert dialog.selected_day().isoformat() == "2026-03-16"
    dialog.language.setCurrentIndex(dialog.language.findData("nl-fr"))
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "2 van 2 afsprakenbladen afgedrukt."
    assert out.stat().st_size > 0


def test_session_dialog_says_when_there_is_nothing_to_print(qtbot: QtBot, facade: Leerwinkel) -> None:
    dialog = SessionHandoutsDialog(facade)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert "geen verwijzingen" in dialog.message.text()


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
