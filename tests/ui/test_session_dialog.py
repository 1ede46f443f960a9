"""A prison session in one print job, as the counsellor does it: Afdrukken → sessie → make → preview → print or save.

The PDF is made on a worker thread with progress and cancel; printing goes to a PDF-file printer at a real
resolution; the database is read at the end to check what was registered.
"""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from leerwinkel.app import Leerwinkel
from leerwinkel.letters.model import LetterAction, LetterKind
from tests.lettersdata import build_referral
from tests.pdfcheck import assert_pages_not_blank, pdf_text
from tests.ui.conftest import show_active
from tests.ui.test_letterpreview import configure_pdf_printer, page_count, page_count_of
from ui.clients.contact import ContactDialog
from ui.clients.edit import ClientEditDialog
from ui.letters.actions import CatalogueSheetDialog
from ui.letters.options import ReferralLetterDialog
from ui.letters.preview import PdfPreviewDialog
from ui.letters.session import SessionHandoutsDialog, SessionPreviewDialog

SITE, DAY = "gevangenis-mechelen", dt.date(2026, 3, 16)
NAMES = ["Øyvind", "Al-Saïd", "Nguyễn Thị"]


def _session(facade: Leerwinkel, count: int = 3) -> list[object]:
    return [build_referral(facade.store, first_name=name).referral_id for name in NAMES[:count]]


def _registered(facade: Leerwinkel, referral_ids: list[object]) -> list[tuple[LetterKind, LetterAction]]:
    return sorted(
        ((r.kind, r.action) for rid in referral_ids for r in facade.letters.letters_for_referral(rid)),  # type: ignore[arg-type]
        key=str,
    )


@pytest.fixture
def dialog(qtbot: QtBot, facade: Leerwinkel) -> SessionHandoutsDialog:
    dialog = SessionHandoutsDialog(facade)
    qtbot.addWidget(dialog)
    return dialog


def _print_to_file(monkeypatch: pytest.MonkeyPatch, out: Path) -> None:
    """Qt's print dialog answered with a PDF-file printer at a real resolution."""

    def ask(cls: object, parent: object, printer: QPrinter) -> bool:
        configure_pdf_printer(printer, out)
        return True

    monkeypatch.setattr(PdfPreviewDialog, "ask_printer", classmethod(ask))


def _make(qtbot: QtBot, dialog: SessionHandoutsDialog) -> None:
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.print_button.isEnabled(), timeout=60000)


def test_one_pdf_with_every_paper_is_previewed_printed_and_registered(
    qtbot: QtBot, facade: Leerwinkel, dialog: SessionHandoutsDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = _session(facade)
    out = tmp_path / "printer.pdf"
    seen: list[SessionPreviewDialog] = []

    def preview_and_print(preview: SessionPreviewDialog) -> int:
        seen.append(preview)
        assert preview.page_labels and preview.windowTitle().endswith("sessie-gevangenis-mechelen-2026-03-16.pdf")
        show_active(qtbot, preview)
        qtbot.keyClick(preview, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
        return 0

    _print_to_file(monkeypatch, out)
    monkeypatch.setattr(SessionPreviewDialog, "exec", preview_and_print)
    assert dialog.site.currentData() == SITE and dialog.selected_day() == DAY  # prisons first, the session's day
    dialog.language.setCurrentIndex(dialog.language.findData("nl-ar"))
    _make(qtbot, dialog)

    [preview] = seen
    text = pdf_text(preview.pdf)
    for name in NAMES:
        assert name in text
    assert page_count(out) == page_count_of(preview.pdf)
    assert_pages_not_blank(out.read_bytes())
    assert "geregistreerd" in preview.status.text()
    assert dialog.message.text().startswith("Klaar: de papieren van 3 cliënt(en)")
    # every client: one handout and one referral letter, registered as printed, none before the print
    assert _registered(facade, ids) == sorted(
        [(LetterKind.HANDOUT, LetterAction.PRINTED), (LetterKind.REFERRAL, LetterAction.PRINTED)] * 3, key=str
    )


def test_save_writes_the_pdf_and_registers_it_as_saved_without_letters_when_unticked(
    qtbot: QtBot, facade: Leerwinkel, dialog: SessionHandoutsDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = _session(facade, 2)
    target = tmp_path / "sessie.pdf"
    saved: list[bytes] = []

    def preview_and_save(preview: SessionPreviewDialog) -> int:
        monkeypatch.setattr(PdfPreviewDialog, "ask_save_path", classmethod(lambda cls, p, s: target))
        show_active(qtbot, preview)
        qtbot.keyClick(preview, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        saved.append(preview.pdf)
        return 0

    monkeypatch.setattr(SessionPreviewDialog, "exec", preview_and_save)
    dialog.with_letters.setChecked(False)
    _make(qtbot, dialog)
    assert target.read_bytes() == saved[0]
    assert _registered(facade, ids) == [(LetterKind.HANDOUT, LetterAction.SAVED)] * 2


def test_a_closed_preview_registers_nothing(
    qtbot: QtBot, facade: Leerwinkel, dialog: SessionHandoutsDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = _session(facade, 2)
    monkeypatch.setattr(SessionPreviewDialog, "exec", lambda preview: 0)
    _make(qtbot, dialog)
    assert _registered(facade, ids) == []
    assert dialog.message.text() == "Niets afgedrukt of opgeslagen (2 cliënt(en) in de sessie)."


def test_cancel_while_making_makes_and_registers_nothing(
    qtbot: QtBot, facade: Leerwinkel, dialog: SessionHandoutsDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = _session(facade)
    shown: list[object] = []
    pressed = threading.Event()
    find = facade.letters.session_handouts

    def find_after_the_press(site: str, day: dt.date, **options: bool) -> object:
        pressed.wait(30)  # the worker holds until Annuleren is pressed, so the job is surely still running
        return find(site, day, **options)

    monkeypatch.setattr(facade.letters, "session_handouts", find_after_the_press)
    monkeypatch.setattr(SessionPreviewDialog, "exec", lambda preview: shown.append(preview) or 0)
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert dialog.op is not None and dialog.op.progress_dialog is not None
    [cancel] = dialog.op.progress_dialog.findChildren(QPushButton)
    assert cancel.text() == "Annuleren"
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)  # the counsellor presses Annuleren; the job stops
    pressed.set()
    qtbot.waitUntil(lambda: dialog.print_button.isEnabled(), timeout=60000)
    assert dialog.message.text() == "Gestopt; er is niets gemaakt of afgedrukt."
    assert shown == [] and _registered(facade, ids) == []


def test_cancel_while_printing_aborts_the_job_and_registers_nothing(
    qtbot: QtBot, facade: Leerwinkel, dialog: SessionHandoutsDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = _session(facade)
    out = tmp_path / "printer.pdf"
    statuses: list[str] = []

    def preview_and_print(preview: SessionPreviewDialog) -> int:
        show_active(qtbot, preview)
        qtbot.keyClick(preview, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
        statuses.append(preview.status.text())
        return 0

    _print_to_file(monkeypatch, out)
    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda progress: progress.value() >= 1)  # after page 1
    monkeypatch.setattr(SessionPreviewDialog, "exec", preview_and_print)
    _make(qtbot, dialog)
    assert statuses == ["Afdrukken gestopt; er is niets naar de printer gegaan."]
    assert _registered(facade, ids) == []


def test_an_empty_session_says_so(qtbot: QtBot, dialog: SessionHandoutsDialog) -> None:
    _make(qtbot, dialog)
    assert dialog.message.text() == "Er zijn geen verwijzingen op deze locatie en datum."
    for widget in (dialog.site, dialog.day, dialog.language):
        assert widget.accessibleName()


def _default_buttons(dialog: QDialog) -> list[str]:
    return [b.text() for b in dialog.findChildren(QPushButton) if b.isDefault() and b.isVisible()]


def test_enter_makes_the_session_and_does_not_close_the_dialog(qtbot: QtBot, dialog: SessionHandoutsDialog) -> None:
    """Found walking it with the keyboard: Enter pressed "Sluiten" (the default was set too early)."""
    show_active(qtbot, dialog)
    assert _default_buttons(dialog) == ["&Maken en bekijken…"]
    qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.print_button.isEnabled(), timeout=60000)
    assert dialog.isVisible() and dialog.message.text() == "Er zijn geen verwijzingen op deze locatie en datum."


def test_the_other_dialogs_press_their_main_button_on_enter(qtbot: QtBot, facade: Leerwinkel) -> None:
    built = build_referral(facade.store)
    client = facade.clients.get(built.client_id)
    for made, expected in (
        (ReferralLetterDialog(facade, built.referral_id), "&Voorbeeld…"),
        (CatalogueSheetDialog(facade), "&Voorbeeld…"),
        (ContactDialog(facade, built.client_id, "Nguyễn Thị"), "Op&slaan"),
        (ClientEditDialog(facade, client), "Op&slaan"),
    ):
        qtbot.addWidget(made)
        show_active(qtbot, made)
        assert _default_buttons(made) == [expected], type(made).__name__
        made.close()
