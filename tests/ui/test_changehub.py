"""The main window owns the one change hub; pages subscribe by flag and refresh from it."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from leerwinkel.app import Leerwinkel
from leerwinkel.changes import Changes
from leerwinkel.intake.types import IntakeInput, PersonInput
from ui.common.changes import ChangeHub
from ui.mainwindow import MainWindow


def test_subscribe_by_flag_and_skip_the_source(qtbot: QtBot) -> None:
    from PySide6.QtCore import QObject

    hub = ChangeHub()
    page = QObject()
    calls: list[str] = []
    hub.subscribe(lambda: calls.append("referrals"), "referrals")
    hub.subscribe(lambda: calls.append("page"), "clients", skip=page)
    hub.publish(Changes(catalogue=True))
    hub.publish(Changes(clients=True), page)
    hub.publish(Changes(clients=True, referrals=True))
    hub.publish(Changes())
    assert calls == ["referrals", "page"]
    with pytest.raises(ValueError, match="unknown change flags"):
        hub.subscribe(lambda: None, "client")


def test_window_hub_refreshes_the_daily_pages(qtbot: QtBot, facade: Leerwinkel) -> None:
    window = MainWindow(facade)
    qtbot.addWidget(window)
    assert window.intake_pages.hub is window.changes
    clients = window.intake_pages.clients  # pages are built when first used: this one before the intake
    before = clients.model.rowCount()
    facade.clients.record_intake(
        IntakeInput(person=PersonInput(first_name="Noor", last_name="Proef")), actor=facade.auth.current
    )
    window.intake_pages.broadcast(Changes(clients=True))  # the old name still works
    qtbot.waitUntil(lambda: clients.model.rowCount() == before + 1)
