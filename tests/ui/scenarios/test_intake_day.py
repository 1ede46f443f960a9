"""Whole days at the intake desk, through the real main window at 1280×720, checked in the database at the end."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from leerwinkel.app import Leerwinkel, open_app
from leerwinkel.config import Config
from leerwinkel.intake.actions import OpenIntake
from leerwinkel.intake.types import ConsentInput, IntakeInput, PersonInput, ThresholdRecord, WishInput
from tests.conftest import FIXED_NOW
from tests.factories import TEST_CREDENTIALS, TickingClock
from tests.pdfcheck import pdf_text
from tests.ui.scenarios.conftest import Counsellor, Desk, open_window
from tests.ui.test_intake_flow import add_nt2_offering
from ui.common.operations import wait_for_background_work


def choose_proposal(me: Counsellor, title: str) -> None:
    proposals = me.page.proposals.list
    rows = [i for i in range(proposals.count()) if proposals.item(i).text().startswith(title)]
    assert rows, [proposals.item(i).text() for i in range(proposals.count())]
    item = proposals.item(rows[0])
    me.page.scroll_area.ensureWidgetVisible(proposals)
    proposals.scrollToItem(item)
    me.qtbot.mouseClick(proposals.viewport(), Qt.MouseButton.LeftButton, pos=proposals.visualItemRect(item).center())
    assert proposals.currentRow() == rows[0]


def test_intake_refer_consent_letter_and_back_the_next_day(
    qtbot: QtBot, facade: Leerwinkel, desk: Desk, data_dir: Path
) -> None:
    add_nt2_offering(facade)
    window = open_window(qtbot, facade)
    me = Counsellor(qtbot, window)
    page = me.page
    me.press(Qt.Key.Key_N)
    assert page.lines["first_name"].hasFocus()
    qtbot.keyClicks(page.lines["first_name"], "Wendelien")
    me.type(page.lines["last_name"], "Proefhuys")
    me.type(page.lines["birth_date"], "12/05/1988")
    me.type(page.lines["phone"], "0470 11 22 33")
    me.type(page.lines["municipality"], "Mechelen")
    me.choose(page.person.dutch_level, "A2")
    me.tick(page.situation.target_groups["werkzoekende"])
    me.type(page.situation.thresholds["vervoer"][1], "geen auto")  # typing a note ticks the threshold
    assert page.wishes.rows[0].category.currentData() == ""  # no category is preset (found 7)
    me.choose(page.wishes.rows[0].category, "Nederlands")
    me.type(page.wishes.rows[0].description, "lessen overdag")
    me.type(page.meeting.next_appointment, "20/03/2026 15:00")
    me.type(page.meeting.notes, "eerste gesprek")

    choose_proposal(me, "Nederlands voor anderstaligen")
    me.click(page.proposals.refer_button)
    me.wait_for_writes()
    [referral] = facade.referrals.list()
    assert page.letters.referral_id() == referral.id

    # Found item 1: consent after the referral, then save again: no false conflict, nothing lost.
    for box in (page.consent.store, page.consent.share, page.consent.contact):
        me.tick(box)
    me.save()
    assert desk.warnings == [] and desk.conflicts == [] and not page.is_dirty

    me.press(Qt.Key.Key_P)  # the referral letter names the client now that sharing is allowed
    [letter] = desk.letters
    assert "Proefhuys" in pdf_text(letter.pdf)

    window.close()
    wait_for_background_work(timeout=30)
    facade.close()

    # The next morning: open the app again on the same file and read what was stored.
    again = open_app(
        Config(data_dir=data_dir),
        clock=TickingClock(FIXED_NOW + dt.timedelta(days=1)),
        credentials=TEST_CREDENTIALS,
    )
    try:
        [found] = again.clients.search("proefhuys")
        client = again.clients.get(found.id)
        assert (client.first_name, client.last_name, client.birth_date) == (
            "Wendelien",
            "Proefhuys",
            dt.date(1988, 5, 12),
        )
        assert (client.phone, client.municipality, client.dutch_level) == ("0470 11 22 33", "Mechelen", "A2")
        assert client.target_groups == ("werkzoekende",)
        assert client.thresholds == (ThresholdRecord("vervoer", "geen auto"),)
        assert client.consent is not None
        assert (client.consent.store_data, client.consent.share_with_provider, client.consent.contact_follow_up) == (
            True,
            True,
            True,
        )
        assert [(w.category, w.description) for w in again.clients.wishes(client.id)] == [("nt2", "lessen overdag")]
        [stored] = again.referrals.list(client_id=client.id)
        assert (stored.id, stored.title, stored.status) == (referral.id, "Nederlands voor anderstaligen", "voorgesteld")
        [appointment] = again.clients.appointments_on(dt.date(2026, 3, 20))
        assert appointment.client_id == client.id
        assert appointment.at == dt.datetime(2026, 3, 20, 14, 0, tzinfo=dt.UTC)  # 15:00 in Brussels
        intakes = [e for e in again.clients.timeline(client.id) if e.kind == "intake"]
        assert [e.detail for e in intakes] == ["eerste gesprek"]  # one intake, saved twice
        assert again.drafts.load("intake", actor=again.auth.current) is None
    finally:
        again.close()


def test_walk_in_who_already_exists_continues_with_the_stored_client(
    qtbot: QtBot, facade: Leerwinkel, desk: Desk
) -> None:
    earlier = facade.intakes.save(
        OpenIntake(
            IntakeInput(
                person=PersonInput(
                    first_name="Noor", last_name="Proefmans", birth_date="03/04/1990", phone="015 12 34 56"
                ),
                wishes=(WishInput("vca", "basisveiligheid"),),
                consent=ConsentInput(store_data=True),
            )
        ),
        actor=facade.auth.current,
    )
    window = open_window(qtbot, facade)
    me = Counsellor(qtbot, window)
    page = me.page
    me.press(Qt.Key.Key_N)
    qtbot.keyClicks(page.lines["first_name"], "noor")
    me.type(page.lines["last_name"], "proefmans")
    me.type(page.lines["birth_date"], "3/4/1990")
    me.choose(page.wishes.rows[0].category, "Nederlands")
    me.press(Qt.Key.Key_S)
    assert page.duplicates.isVisible() and page.duplicates.list.count() == 1
    assert page.duplicates.list.hasFocus() and page.client is None
    qtbot.mouseClick(page.duplicates.use_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.client is not None, timeout=20000)

    assert page.client is not None and page.client.id == earlier.client.id
    assert page.lines["phone"].text() == "015 12 34 56"  # the stored record, not a new person
    assert page.wishes.earlier.count() == 1 and "basisveiligheid" in page.wishes.earlier.item(0).text()
    assert page.wishes.rows[0].category.currentData() == "nt2"  # what was typed stays
    me.tick(page.consent.share)
    me.save()
    assert desk.warnings == [] and not page.is_dirty

    [only] = facade.clients.search("proefmans")
    assert only.id == earlier.client.id
    assert [w.category for w in facade.clients.wishes(only.id)] == ["vca", "nt2"]
    client = facade.clients.get(only.id)
    assert client.consent is not None and client.consent.store_data and client.consent.share_with_provider
    assert client.phone == "015 12 34 56"


def test_a_second_desk_changes_the_client_and_reload_keeps_what_was_typed(
    qtbot: QtBot, facade: Leerwinkel, desk: Desk, data_dir: Path
) -> None:
    window = open_window(qtbot, facade)
    me = Counsellor(qtbot, window)
    page = me.page
    me.press(Qt.Key.Key_N)
    qtbot.keyClicks(page.lines["first_name"], "Ilias")
    me.type(page.lines["last_name"], "Proefdesk")
    me.type(page.lines["phone"], "0470 00 00 01")
    me.choose(page.wishes.rows[0].category, "Nederlands")
    me.save()
    assert page.client is not None
    client_id = page.client.id

    other = open_app(Config(data_dir=data_dir), clock=TickingClock(FIXED_NOW), credentials=TEST_CREDENTIALS)
    try:
        loaded = other.clients.get(client_id)
        other.clients.update_client(
            loaded, dataclasses.replace(loaded.to_input(), phone="0470 99 99 99"), actor=other.auth.current
        )
    finally:
        other.close()

    me.type(page.person.notes, "belt liever 's avonds")
    me.press(Qt.Key.Key_S)
    me.wait_for_writes()
    assert desk.conflicts == [["phone"]]  # named, and only the field the other desk changed
    qtbot.waitUntil(lambda: page.lines["phone"].text() == "0470 99 99 99", timeout=20000)
    assert page.person.notes.toPlainText() == "belt liever 's avonds" and page.is_dirty
    me.save()
    assert desk.conflicts == [["phone"]] and not page.is_dirty
    stored = facade.clients.get(client_id)
    assert (stored.phone, stored.notes) == ("0470 99 99 99", "belt liever 's avonds")
