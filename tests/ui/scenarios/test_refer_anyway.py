"""Found 2 and 3 and item 4, through the real main window at 1280×720: refer anyway, refer outside the catalogue.

- A client detained in Gevangenis Mechelen wants VCA and NT2; the catalogue offers nothing inside that
  prison, so the counsellor refers anyway with a reason; the letters name the offering, Opvolging shows the
  referral and the database keeps the reason in the status history.
- A referral to a provider outside the catalogue, with its letters and follow-up.
- A jobseeker no longer sees the prison-only LIO offerings as proposals.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QListWidgetItem, QWidget
from pytestqt.qtbot import QtBot

from leerwinkel.app import Leerwinkel
from leerwinkel.referrals.overrides import ExternalProvider
from leerwinkel.storage.models import Referral, ReferralStatusChange
from tests.pdfcheck import pdf_text
from tests.ui.conftest import show_active
from ui.common.widgets import RestoreDraftDialog, UnsavedChangesDialog
from ui.intake.external import ExternalReferralDialog
from ui.intake.override import OverrideDialog
from ui.intake.page import IntakePage
from ui.intake.proposals import EXCLUDED_ROLE
from ui.mainwindow import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
REASON = "Vrijlating over twee weken; VCA daarna in Mechelen"


@pytest.fixture
def window(qtbot: QtBot, facade: Leerwinkel, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(UnsavedChangesDialog, "ask", classmethod(lambda cls, parent: UnsavedChangesDialog.DISCARD))
    monkeypatch.setattr(RestoreDraftDialog, "ask", classmethod(lambda cls, parent, saved_at: False))

    def warning(parent: QWidget, title: str, text: str, *args: object) -> None:
        raise AssertionError(f"unexpected message: {text}")

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))
    window = MainWindow(facade)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    show_active(qtbot, window)
    return window


def new_intake(qtbot: QtBot, window: MainWindow, first: str, last: str) -> IntakePage:
    page = window.intake_pages.intake
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    qtbot.keyClicks(page.lines["first_name"], first)
    qtbot.keyClicks(page.lines["last_name"], last)
    for box in (page.consent.store, page.consent.share):
        page.scroll_area.ensureWidgetVisible(box)
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(6, box.height() // 2))
    return page


def choose_wish(qtbot: QtBot, page: IntakePage, number: int, label: str) -> None:
    while len(page.wishes.rows) < number:
        page.wishes.add_button.click()
    combo = page.wishes.rows[number - 1].category
    page.scroll_area.ensureWidgetVisible(combo)
    combo.setFocus()
    qtbot.keyClicks(combo, label)


def proposals(page: IntakePage) -> list[QListWidgetItem]:
    return [page.proposals.list.item(i) for i in range(page.proposals.list.count())]


def test_prisoner_in_mechelen_is_referred_anyway_with_a_reason(
    qtbot: QtBot, window: MainWindow, facade: Leerwinkel, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[tuple[str, tuple[str, ...]]] = []

    def ask(cls: type[OverrideDialog], parent: QWidget, *, title: str, provider: str, reasons: tuple[str, ...]) -> str:
        asked.append((title, reasons))
        dialog = cls(title, provider, reasons, parent)  # the real dialog; only its modal loop is skipped
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.keyClicks(dialog.reason, REASON)
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
        assert dialog.result() == OverrideDialog.DialogCode.Accepted
        return dialog.reason_text()

    monkeypatch.setattr(OverrideDialog, "ask", classmethod(ask))
    page = new_intake(qtbot, window, "Testfried", "Verzonnen")
    situation = page.situation
    page.scroll_area.ensureWidgetVisible(situation.detained)
    qtbot.mouseClick(situation.detained, Qt.MouseButton.LeftButton, pos=QPoint(6, situation.detained.height() // 2))
    situation.prison.setFocus()  # a space would open the combo's popup: choose the prison by its code
    situation.prison.setCurrentIndex(situation.prison.findData("gevangenis-mechelen"))
    assert situation.prison.currentData() == "gevangenis-mechelen"
    choose_wish(qtbot, page, 1, "VCA")
    choose_wish(qtbot, page, 2, "Nederlands")
    page.proposals.wish.setCurrentIndex(0)

    items = proposals(page)
    outside = [i for i in items if i.data(EXCLUDED_ROLE) is not None and "wordt niet in de gevangenis" in i.text()]
    assert outside, [i.text() for i in items]  # found 2: greyed out, and now with a way to refer anyway
    page.proposals.list.setCurrentItem(outside[0])
    chosen_title = outside[0].text().split(" — ")[0]
    assert page.refer_actions.override_button.isEnabled()
    page.proposals.list.setFocus()
    with qtbot.waitSignal(page.saved, timeout=10000):  # Enter on a greyed-out offering: "Toch verwijzen…"
        qtbot.keyClick(page.proposals.list, Qt.Key.Key_Return)
    assert asked and asked[0][0] == chosen_title and "wordt niet in de gevangenis gegeven" in asked[0][1]

    (referral,) = facade.referrals.list()
    assert referral.title == chosen_title and referral.override_reason == REASON
    letter = pdf_text(facade.letters.referral_letter(referral.id).pdf)
    handout = pdf_text(facade.letters.handout(referral.id).pdf)
    first_words = " ".join(chosen_title.split()[:3])
    assert first_words in " ".join(letter.split()) and first_words in " ".join(handout.split())
    assert "Testfried Verzonnen" in letter  # consent to share was ticked
    assert REASON not in letter and REASON not in handout

    qtbot.keyClick(window, Qt.Key.Key_5, CTRL)  # Opvolging
    followup = window.intake_pages.followup
    qtbot.waitUntil(lambda: any(r.id == referral.id for r in followup.model.rows))
    followup.table.selectRow([r.id for r in followup.model.rows].index(referral.id))
    assert f"Toch verwezen: {REASON}" in followup.selected.text()

    with facade.store.unit_of_work() as session:
        history = session.query(ReferralStatusChange).filter(ReferralStatusChange.referral_id == referral.id).all()
        assert [(c.status, c.override_reason, c.overridden) for c in history] == [
            ("voorgesteld", REASON, "wordt niet in de gevangenis gegeven")
        ]
        client = facade.clients.get(referral.client_id)
        assert client.detained and client.prison_site_code == "gevangenis-mechelen"
        assert [w.category for w in facade.clients.wishes(client.id)] == ["vca", "nt2"]


def test_referral_outside_the_catalogue_end_to_end(
    qtbot: QtBot, window: MainWindow, facade: Leerwinkel, monkeypatch: pytest.MonkeyPatch
) -> None:
    def ask(cls: type[ExternalReferralDialog], parent: QWidget, *, wish: str) -> ExternalProvider:
        assert wish == "Beroepsopleiding"
        dialog = cls(wish, parent)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.keyClicks(dialog.name, "Lasatelier Voorbeeld")
        qtbot.keyClicks(dialog.service, "Opleiding lassen voor beginners")
        dialog.contact.setFocus()
        qtbot.keyClicks(dialog.contact, "Testine Bedenksel, 015 00 00 00")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        assert dialog.result() == ExternalReferralDialog.DialogCode.Accepted
        return dialog.provider()

    monkeypatch.setattr(ExternalReferralDialog, "ask", classmethod(ask))
    page = new_intake(qtbot, window, "Lasse", "Proefkonijn")
    choose_wish(qtbot, page, 1, "Beroeps")
    with qtbot.waitSignal(page.saved, timeout=10000):
        qtbot.mouseClick(page.refer_actions.external_button, Qt.MouseButton.LeftButton)

    (referral,) = facade.referrals.list()
    assert (referral.provider_name, referral.title) == ("Lasatelier Voorbeeld", "Opleiding lassen voor beginners")
    letter = pdf_text(facade.letters.referral_letter(referral.id).pdf)
    handout = pdf_text(facade.letters.handout(referral.id).pdf)
    for text in ("Lasatelier Voorbeeld", "Opleiding lassen voor beginners", "015 00 00 00"):
        assert text in letter and text in handout

    qtbot.keyClick(window, Qt.Key.Key_5, CTRL)
    followup = window.intake_pages.followup
    qtbot.waitUntil(lambda: any(r.id == referral.id for r in followup.model.rows))
    followup.table.selectRow([r.id for r in followup.model.rows].index(referral.id))
    assert "Buiten de catalogus: Lasatelier Voorbeeld, Testine Bedenksel, 015 00 00 00" in followup.selected.text()
    with facade.store.unit_of_work() as session:
        row = session.get(Referral, referral.id)
        assert row is not None and row.offering_id is None
        assert (row.external_provider, row.external_contact, row.external_service) == (
            "Lasatelier Voorbeeld",
            "Testine Bedenksel, 015 00 00 00",
            "Opleiding lassen voor beginners",
        )


def test_jobseeker_no_longer_sees_lio_offerings(qtbot: QtBot, window: MainWindow) -> None:
    page = new_intake(qtbot, window, "Werner", "Zoekmans")
    qtbot.keyClicks(page.lines["municipality"], "Mechelen")
    box = page.situation.target_groups["werkzoekende"]
    page.scroll_area.ensureWidgetVisible(box)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(6, box.height() // 2))
    choose_wish(qtbot, page, 1, "Studie")
    items = proposals(page)
    proposed = [i.text() for i in items if i.data(Qt.ItemDataRole.UserRole) is not None]
    greyed = [i.text() for i in items if i.data(EXCLUDED_ROLE) is not None]
    assert proposed, [i.text() for i in items]
    assert not [t for t in proposed if "LIO" in t or "gedetineerden" in t]  # found 3
    lio = [t for t in greyed if "LIO" in t]
    assert lio and all("alleen voor gedetineerden, in de gevangenis" in t for t in lio)
