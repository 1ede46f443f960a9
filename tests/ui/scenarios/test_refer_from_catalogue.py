"""Found 14 (first half): from the Catalogus page, choose a client and refer them, with a reason if needed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from leerwinkel.app import Leerwinkel
from leerwinkel.intake.types import ConsentInput, IntakeInput, PersonInput, WishInput
from leerwinkel.storage.models import ReferralStatusChange
from tests.ui.conftest import show_active
from ui.catalogue.refer import ClientPickerDialog
from ui.intake.override import OverrideDialog
from ui.mainwindow import MainWindow

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
REASON = "Vrijlating over twee weken; start daarna"


def test_refer_a_prisoner_from_the_catalogue_with_a_reason(
    qtbot: QtBot, facade: Leerwinkel, monkeypatch: pytest.MonkeyPatch
) -> None:
    person = PersonInput(
        first_name="Catalina",
        last_name="Proefmans",
        detained=True,
        prison_site_code="gevangenis-mechelen",
        dutch_level="B1",
    )
    form = IntakeInput(person=person, wishes=(WishInput("vca"),), consent=ConsentInput(store_data=True))
    client = facade.clients.record_intake(form, actor=facade.auth.current).client
    asked: list[tuple[str, tuple[str, ...]]] = []

    def choose(cls: type[ClientPickerDialog], parent: QWidget, app: Leerwinkel) -> object:
        dialog = cls(app, parent)  # the real dialog, typed into; only its modal loop is skipped
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.keyClicks(dialog.search, "catal")
        assert dialog.results.count() == 1
        qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
        assert dialog.result() == ClientPickerDialog.DialogCode.Accepted
        return dialog.chosen()

    def ask(cls: type[OverrideDialog], parent: QWidget, *, title: str, provider: str, reasons: tuple[str, ...]) -> str:
        asked.append((title, reasons))
        dialog = cls(title, provider, reasons, parent)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.keyClicks(dialog.reason, REASON)
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
        assert dialog.result() == OverrideDialog.DialogCode.Accepted
        return dialog.reason_text()

    monkeypatch.setattr(ClientPickerDialog, "choose", classmethod(choose))
    monkeypatch.setattr(OverrideDialog, "ask", classmethod(ask))

    window = MainWindow(facade)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    page = window.catalogue_page
    with qtbot.waitSignal(page.index_ready, timeout=20000):
        show_active(qtbot, window)
        qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    page.category.setCurrentIndex(page.category.findData("vca"))
    titles = [page.model.index(r, 0).data() for r in range(page.model.rowCount())]
    outside = next(i for i, t in enumerate(titles) if "gevangenis" not in t and "gedetineerden" not in t)
    page.table.selectRow(outside)
    page.table.setFocus()
    qtbot.keyClick(page, Qt.Key.Key_R, ALT)  # "Ve&rwijzen…"
    qtbot.waitUntil(lambda: bool(facade.referrals.list(client_id=client.id)), timeout=10000)

    assert asked and asked[0][0] == titles[outside]
    assert "wordt niet in de gevangenis gegeven" in asked[0][1]
    qtbot.waitUntil(lambda: "Verwijzing van Catalina Proefmans" in page.status.text())
    (referral,) = facade.referrals.list(client_id=client.id)
    assert referral.title == titles[outside]
    assert referral.override_reason == REASON
    assert referral.wish_id is not None  # the client's VCA wish

    qtbot.keyClick(window, Qt.Key.Key_5, CTRL)  # Opvolging shows it
    followup = window.intake_pages.followup
    qtbot.waitUntil(lambda: any(r.id == referral.id for r in followup.model.rows))
    followup.table.selectRow([r.id for r in followup.model.rows].index(referral.id))
    assert f"Toch verwezen: {REASON} (paste niet: wordt niet in de gevangenis gegeven" in followup.selected.text()
    with facade.store.unit_of_work() as session:
        reasons = [
            c.override_reason
            for c in session.query(ReferralStatusChange).filter(ReferralStatusChange.referral_id == referral.id)
        ]
    assert reasons == [REASON]


def test_refer_a_free_client_to_a_fitting_offering_asks_no_reason_and_cancel_writes_nothing(
    qtbot: QtBot, facade: Leerwinkel, monkeypatch: pytest.MonkeyPatch
) -> None:
    form = IntakeInput(
        person=PersonInput(first_name="Vrije", last_name="Proefmans", municipality="Mechelen", dutch_level="B2"),
        wishes=(WishInput("vca"),),
        consent=ConsentInput(store_data=True),
    )
    client = facade.clients.record_intake(form, actor=facade.auth.current).client
    cancel = {"search": True}  # first the counsellor cancels the client search, then chooses

    def choose(cls: type[ClientPickerDialog], parent: QWidget, app: Leerwinkel) -> object:
        if cancel["search"]:
            return None
        dialog = cls(app, parent)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.keyClicks(dialog.search, "vrije")
        qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
        return dialog.chosen()

    def ask(*args: object, **kwargs: object) -> str:
        raise AssertionError("an offering that fits needs no reason")

    monkeypatch.setattr(ClientPickerDialog, "choose", classmethod(choose))
    monkeypatch.setattr(OverrideDialog, "ask", classmethod(ask))
    window = MainWindow(facade)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    page = window.catalogue_page
    with qtbot.waitSignal(page.index_ready, timeout=20000):
        show_active(qtbot, window)
        qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    page.category.setCurrentIndex(page.category.findData("vca"))
    titles = [page.model.index(r, 0).data() for r in range(page.model.rowCount())]
    outside = next(i for i, t in enumerate(titles) if "gevangenis" not in t and "gedetineerden" not in t)
    page.table.selectRow(outside)
    chosen = page.selected_offering()
    assert chosen is not None and facade.referrals.reasons_against(client.id, chosen) == ()
    qtbot.mouseClick(page.refer_button, Qt.MouseButton.LeftButton)  # cancelled: nothing written
    assert facade.referrals.list(client_id=client.id) == ()
    cancel["search"] = False
    qtbot.mouseClick(page.refer_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(facade.referrals.list(client_id=client.id)), timeout=10000)
    (referral,) = facade.referrals.list(client_id=client.id)
    assert referral.override_reason == "" and referral.title == titles[outside]
