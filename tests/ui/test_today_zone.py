"""Found 5: an appointment typed as 15:00 shows as 15:00 on Vandaag, whatever zone the machine's clock is in."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from leerwinkel.app import Leerwinkel
from leerwinkel.dates import format_date
from leerwinkel.intake.types import IntakeInput, PersonInput
from ui.mainwindow import MainWindow


@pytest.fixture(params=["UTC", "America/New_York", "Europe/Brussels"])
def machine_zone(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("TZ", request.param)
    time.tzset()
    try:
        yield request.param
    finally:
        monkeypatch.undo()
        time.tzset()


def test_vandaag_shows_the_time_that_was_typed(qtbot: QtBot, facade: Leerwinkel, machine_zone: str) -> None:
    today = facade.clients.today()
    typed = IntakeInput(person=PersonInput(first_name="Zonia"), next_appointment=f"{format_date(today)} 15:00")
    facade.clients.record_intake(typed, actor=facade.auth.current)
    window = MainWindow(facade)
    qtbot.addWidget(window)
    window.show_page("today")
    page = window.intake_pages.today
    texts = [page.appointments.item(i).text() for i in range(page.appointments.count())]
    assert texts == ["15:00  Zonia"]
