"""The letter preview: rendered pages, zoom, print to a PDF-file printer, save."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from leerwinkel.app import Leerwinkel
from leerwinkel.letters.model import LetterAction, LetterKind
from tests.lettersdata import build_referral
from tests.pdfcheck import assert_pages_not_blank
from ui.letters.preview import LetterPreviewDialog

PRINT_DPI = 150  # a real printer says 600 or 1200; the code uses whatever the printer reports


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    configure_pdf_printer(printer, path)
    return printer


def configure_pdf_printer(printer: QPrinter, path: Path) -> None:
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(PRINT_DPI)


def page_count(path: Path) -> int:
    document = pdfium.PdfDocument(str(path))
    try:
        return len(document)
    finally:
        document.close()


@pytest.fixture
def dialog(qtbot: QtBot, facade: Leerwinkel) -> LetterPreviewDialog:
    built = build_referral(facade.store)
    letter = facade.letters.referral_letter(built.referral_id)
    dialog = LetterPreviewDialog(facade, letter)
    qtbot.addWidget(dialog)
    return dialog


def test_preview_renders_every_page_and_zooms(qtbot: QtBot, dialog: LetterPreviewDialog) -> None:
    pages = page_count_of(dialog.letter.pdf)
    assert len(dialog.page_labels) == pages
    first = dialog.page_labels[0].pixmap()
    assert first is not None and not first.isNull()
    width = first.width()
    dialog.zoom.setFocus()
    for _ in range(4):
        qtbot.keyClick(dialog.zoom, Qt.Key.Key_Up)
    assert dialog.zoom.value() == 200
    zoomed = dialog.page_labels[0].pixmap()
    assert zoomed.width() == pytest.approx(2 * width, abs=4)
    assert dialog.zoom.accessibleName() and dialog.print_button.text() and dialog.save_button.text()


def page_count_of(pdf: bytes) -> int:
    document = pdfium.PdfDocument(pdf)
    try:
        return len(document)
    finally:
        document.close()


def test_print_goes_through_the_print_dialog_at_the_printer_resolution(
    qtbot: QtBot, dialog: LetterPreviewDialog, facade: Leerwinkel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "printed.pdf"
    asked: list[int] = []

    def fake_ask(parent: QWidget | None, printer: QPrinter) -> bool:
        configure_pdf_printer(printer, out)
        asked.append(printer.resolution())
        return True

    monkeypatch.setattr(LetterPreviewDialog, "ask_printer", classmethod(lambda cls, p, pr: fake_ask(p, pr)))
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert asked == [PRINT_DPI]
    assert page_count(out) == page_count_of(dialog.letter.pdf)
    assert_pages_not_blank(out.read_bytes())
    records = facade.letters.letters_for_referral(dialog.letter.referral_id)  # type: ignore[arg-type]
    assert [(r.kind, r.action) for r in records] == [(LetterKind.REFERRAL, LetterAction.PRINTED)]
    assert "geregistreerd" in dialog.status.text()


def test_cancelled_print_dialog_prints_and_registers_nothing(
    qtbot: QtBot, dialog: LetterPreviewDialog, facade: Leerwinkel, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(LetterPreviewDialog, "ask_printer", classmethod(lambda cls, p, pr: False))
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert dialog.records == []
    assert facade.letters.letters_for_referral(dialog.letter.referral_id) == []  # type: ignore[arg-type]


def test_save_as_pdf_writes_the_file_and_registers_it(
    qtbot: QtBot, dialog: LetterPreviewDialog, facade: Leerwinkel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "brief.pdf"
    monkeypatch.setattr(LetterPreviewDialog, "ask_save_path", classmethod(lambda cls, p, s: target))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert target.read_bytes() == dialog.letter.pdf
    [record] = dialog.records
    assert record.action is LetterAction.SAVED and record.sha256 == dialog.letter.sha256
    assert str(target) in dialog.status.text()
