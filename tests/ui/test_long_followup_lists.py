"""Years of referrals: Vandaag and Opvolging show the first ones (the oldest follow-up first) and say how many there
are in all, instead of reading every referral with its history on the UI thread (at sign-in: 4 s for 14,000 due)."""

from __future__ import annotations

import datetime as dt

import pytest
from pytestqt.qtbot import QtBot

from leerwinkel.app import Leerwinkel
from leerwinkel.intake.types import IntakeInput, PersonInput
from ui.mainwindow import MainWindow


def _referrals(facade: Leerwinkel) -> None:
    """Seven referrals that will be due, one for later, two closed; then four weeks pass."""
    actor = facade.auth.current
    today = facade.referrals.today()
    for number in range(10):
        person = PersonInput(first_name=f"Opvolgia{number}", last_name="Voorbeeldt")
        client = facade.clients.record_intake(IntakeInput(person=person), actor=actor).client
        follow_up = today + dt.timedelta(days=60 if number == 7 else 20 - number)
        referral = facade.referrals.create(client.id, category="vca", follow_up_on=follow_up, actor=actor).referral
        if number >= 8:
            facade.referrals.set_status(referral, "geannuleerd", actor=actor)
    facade.store.clock.advance(weeks=4)  # type: ignore[attr-defined]


def test_the_pages_show_the_first_referrals_and_say_how_many_there_are(
    qtbot: QtBot, facade: Leerwinkel, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("ui.today.page.DUE_LIMIT", 3)
    monkeypatch.setattr("ui.followup.page.LIMIT", 4)
    _referrals(facade)
    due = facade.referrals.due()
    assert len(due) == 7

    window = MainWindow(facade)
    qtbot.addWidget(window)
    window.show()
    today = window.intake_pages.today
    assert list(today.model.rows) == list(due[:3])  # the most overdue first, as the whole list orders them
    assert [r.client_name for r in today.model.rows] == [f"Opvolgia{n} Voorbeeldt" for n in (6, 5, 4)]
    assert today.due_count.text() == "De eerste 3 van 7 op te volgen (de oudste eerst); de andere staan in Opvolging."

    window.show_page("followup")
    followup = window.intake_pages.followup
    assert [r.id for r in followup.model.rows] == [r.id for r in facade.referrals.list(open_only=True)[:4]]
    assert followup.count.text() == "De eerste 4 van 8 verwijzingen (de oudste opvolgdatum eerst); kies een filter."
    followup.due_only.setChecked(True)
    assert followup.count.text() == "De eerste 4 van 7 verwijzingen (de oudste opvolgdatum eerst); kies een filter."
    followup.filter.setCurrentIndex(followup.filter.findData("all"))
    followup.due_only.setChecked(False)
    assert followup.count.text() == "De eerste 4 van 10 verwijzingen (de oudste opvolgdatum eerst); kies een filter."
    followup.filter.setCurrentIndex(followup.filter.findData("geannuleerd"))
    assert followup.count.text() == "Verwijzingen: 2"
    assert {r.status for r in followup.model.rows} == {"geannuleerd"}


def test_a_short_list_is_shown_whole_with_its_count(qtbot: QtBot, facade: Leerwinkel) -> None:
    _referrals(facade)
    window = MainWindow(facade)
    qtbot.addWidget(window)
    window.show()
    today = window.intake_pages.today
    assert list(today.model.rows) == list(facade.referrals.due())
    assert today.due_count.text() == "Op te volgen: 7"
    page = facade.referrals.first(100, open_only=True)
    assert (len(page.rows), page.total, page.is_complete) == (8, 8, True)
    assert facade.referrals.first(2, statuses=("geannuleerd",)).total == 2
