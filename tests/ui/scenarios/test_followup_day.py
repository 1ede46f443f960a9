"""A counsellor's follow-up day through the real main window, and the next morning on the same database.

Yesterday's phone call is recorded on Opvolging with yesterday's date; the client detail is opened,
the person's data and consent are changed, a contact is logged; then the app is closed and opened
again the next day on the same SQLite file, and every value typed is read back through the core.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from leerwinkel.app import Leerwinkel, open_app
from leerwinkel.config import Config
from leerwinkel.dates import format_date
from leerwinkel.ids import ClientId, ReferralId
from leerwinkel.intake.types import ConsentInput, IntakeInput, PersonInput, WishInput
from tests.conftest import FIXED_NOW
from tests.factories import TEST_CREDENTIALS, FakeClock
from tests.ui.conftest import show_active
from ui.clients.contact import ContactDialog
from ui.clients.detail import ClientDialog
from ui.clients.edit import ClientEditDialog
from ui.common.operations import wait_for_background_work
from ui.common.widgets import RestoreDraftDialog, UnsavedChangesDialog
from ui.mainwindow import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture(autouse=True)
def _answers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(UnsavedChangesDialog, "ask", classmethod(lambda cls, parent: UnsavedChangesDialog.DISCARD))
    monkeypatch.setattr(RestoreDraftDialog, "ask", classmethod(lambda cls, parent, saved_at: False))


def open_day(data_dir: Path, now: dt.datetime) -> Leerwinkel:
    return open_app(Config(data_dir=data_dir), clock=FakeClock(now), credentials=TEST_CREDENTIALS)


def close_day(app: Leerwinkel) -> None:
    wait_for_background_work(timeout=30)
    app.close()


def visible(kind: type) -> object:
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
    assert len(found) == 1, f"expected one open {kind.__name__}, found {len(found)}"
    return found[0]


def client_referred_last_week(app: Leerwinkel) -> tuple[ClientId, ReferralId]:
    saved = app.clients.record_intake(
        IntakeInput(
            person=PersonInput(first_name="Opvolgia", last_name="Voorbeeldt", municipality="Mechelen"),
            wishes=(WishInput("vca"),),
            consent=ConsentInput(store_data=True),
        ),
        actor=app.auth.current,
    )
    referral = app.referrals.create(saved.client.id, category="vca", actor=app.auth.current).referral
    return saved.client.id, referral.id


def test_status_yesterday_edit_client_add_contact_and_the_next_morning(qtbot: QtBot, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    week_ago = FIXED_NOW - dt.timedelta(days=7)
    setup = open_day(data_dir, week_ago)
    client_id, referral_id = client_referred_last_week(setup)
    close_day(setup)

    app = open_day(data_dir, FIXED_NOW)
    today = app.referrals.today()
    yesterday = today - dt.timedelta(days=1)
    window = MainWindow(app)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    show_active(qtbot, window)
    assert window.signed_in_label.text() == f"Aangemeld als {app.auth.current.display_name}"  # type: ignore[union-attr]

    # Opvolging: yesterday's phone call sent the referral on.
    qtbot.keyClick(window, Qt.Key.Key_5, CTRL)
    followup = window.intake_pages.followup
    followup.table.selectRow([r.id for r in followup.model.rows].index(referral_id))
    assert not followup.status_date.isEnabled()  # no new status chosen yet
    followup.status.setFocus()
    qtbot.keyClick(followup.status, Qt.Key.Key_Down)  # voorgesteld -> verstuurd (typing a name races the search timer)
    assert followup.status.currentData() == "verstuurd"
    assert followup.status_date.isEnabled() and followup.status_date.text() == format_date(today)
    followup.status_date.selectAll()
    qtbot.keyClicks(followup.status_date, format_date(yesterday))
    qtbot.keyClicks(followup.status_note, "Gebeld met de aanbieder")
    qtbot.mouseClick(followup.save_button, LEFT)
    qtbot.waitUntil(lambda: app.referrals.get(referral_id).status == "verstuurd")

    # A date in the future is refused beside the field; nothing changes.
    qtbot.waitUntil(lambda: followup.save_button.isEnabled())
    followup.status.setFocus()
    qtbot.keyClick(followup.status, Qt.Key.Key_Down)
    assert followup.status.currentData() == "ingeschreven"
    followup.status_date.selectAll()
    qtbot.keyClicks(followup.status_date, format_date(today + dt.timedelta(days=1)))
    qtbot.mouseClick(followup.save_button, LEFT)
    qtbot.waitUntil(lambda: followup.error.isVisible())
    assert "toekomst" in followup.error.text()
    assert app.referrals.get(referral_id).status == "verstuurd"

    # The client detail: change the person's data and consent.
    qtbot.mouseClick(followup.history_button, LEFT)
    detail = visible(ClientDialog)
    assert isinstance(detail, ClientDialog)
    qtbot.addWidget(detail)
    qtbot.mouseClick(detail.edit_button, LEFT)
    edit = visible(ClientEditDialog)
    assert isinstance(edit, ClientEditDialog)
    typed = {
        "phone": "+32 470 00 00 01",
        "street": "Voorbeeldstraat 7",
        "postcode": "2800",
        "languages": "Nederlands, Arabisch",
    }
    for name, value in typed.items():
        edit.lines[name].selectAll()
        qtbot.keyClicks(edit.lines[name], value)
    edit.consent_share.setFocus()
    qtbot.keyClick(edit.consent_share, Qt.Key.Key_Space)
    assert edit.consent_share.isChecked()
    qtbot.mouseClick(edit.save_button, LEFT)
    qtbot.waitUntil(lambda: not edit.isVisible())
    facts = {detail.facts.itemAt(i).widget().text() for i in range(detail.facts.count())}  # type: ignore[union-attr]
    assert "Voorbeeldstraat 7\n2800 Mechelen" in facts and "Nederlands, Arabisch" in facts
    assert "delen met de aanbieder: ja" in detail.consent_now.text()

    # A contact: today's visit in prison, with a note.
    qtbot.mouseClick(detail.contact_button, LEFT)
    contact = visible(ContactDialog)
    assert isinstance(contact, ContactDialog)
    assert contact.day.text() == format_date(today)
    contact.kind.setFocus()
    qtbot.keyClicks(contact.kind, "Bezoek")
    qtbot.keyClicks(contact.note, "Bezoek: wil starten in januari")
    qtbot.mouseClick(contact.save_button, LEFT)
    qtbot.waitUntil(lambda: not contact.isVisible())
    lines = [detail.timeline.item(i).text() for i in range(detail.timeline.count())]
    me = app.auth.current
    assert me is not None
    assert any(
        line.startswith(f"{format_date(today)}  Contact: Bezoek in de gevangenis · door {me.display_name}")
        for line in lines
    )
    assert any(line.startswith(f"{format_date(yesterday)}  Status: ") and "Verstuurd" in line for line in lines)
    detail.close()
    window.close()
    close_day(app)

    # The next morning, on the same database file.
    tomorrow = open_day(data_dir, FIXED_NOW + dt.timedelta(days=1))
    try:
        next_window = MainWindow(tomorrow)
        qtbot.addWidget(next_window)
        today_page = next_window.intake_pages.today
        assert [r.name for r in today_page.mine_model.rows] == ["Opvolgia Voorbeeldt"]
        assert today_page.title.text().startswith("Vandaag, ")

        referral = tomorrow.referrals.get(referral_id)
        assert referral.status == "verstuurd"
        assert [(h.status, h.changed_on, h.note, h.counsellor_name) for h in referral.history] == [
            ("voorgesteld", (week_ago + dt.timedelta(hours=1)).date(), "", me.display_name),
            ("verstuurd", yesterday, "Gebeld met de aanbieder", me.display_name),
        ]
        client = tomorrow.clients.get(client_id)
        assert (client.phone, client.street, client.postcode, client.municipality, client.languages) == (
            "+32 470 00 00 01",
            "Voorbeeldstraat 7",
            "2800",
            "Mechelen",
            "Nederlands, Arabisch",
        )
        assert client.consent is not None
        assert (client.consent.store_data, client.consent.share_with_provider, client.consent.given_on) == (
            True,
            True,
            today,
        )
        [logged] = tomorrow.contacts.list(client_id, actor=tomorrow.auth.current)
        assert (logged.kind, logged.happened_on, logged.note, logged.counsellor_id) == (
            "bezoek-gevangenis",
            today,
            "Bezoek: wil starten in januari",
            me.id,
        )
        actions = [e.action for e in tomorrow.audit.events(tomorrow.auth.current, limit=200)]
        assert {"referral.status", "client.update", "contact.add", "client.view"} <= set(actions)
    finally:
        close_day(tomorrow)
