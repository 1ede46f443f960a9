"""Handing a client to a colleague from the client detail: "Mijn cliënten" follows, and it is audited."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from leerwinkel.app import Leerwinkel
from leerwinkel.intake.types import IntakeInput, PersonInput
from ui.clients.contact import HandOverDialog
from ui.clients.detail import ClientDialog
from ui.mainwindow import MainWindow


def test_hand_over_from_the_client_detail(qtbot: QtBot, facade: Leerwinkel) -> None:
    me = facade.auth.current
    assert me is not None
    colleague = facade.auth.create_account(me, "collega", "collega-wachtwoord-2026", display_name="Collega Proef")
    saved = facade.clients.record_intake(IntakeInput(person=PersonInput(first_name="Overdrachtia")), actor=me)
    window = MainWindow(facade)
    qtbot.addWidget(window)
    today = window.intake_pages.today
    assert [r.name for r in today.mine_model.rows] == ["Overdrachtia"]

    window.intake_pages.open_client(saved.client.id)
    [detail] = [w for w in QApplication.topLevelWidgets() if isinstance(w, ClientDialog) and w.isVisible()]
    qtbot.addWidget(detail)
    assert detail.followed.text() == f"Gevolgd door: {me.display_name}"
    qtbot.mouseClick(detail.hand_over_button, Qt.MouseButton.LeftButton)
    [dialog] = [w for w in QApplication.topLevelWidgets() if isinstance(w, HandOverDialog) and w.isVisible()]
    names = [dialog.colleague.itemText(i) for i in range(dialog.colleague.count())]
    assert names == ["Collega Proef"]  # not the counsellor who follows the client now
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: detail.followed.text() == "Gevolgd door: Collega Proef")
    qtbot.waitUntil(lambda: today.mine_model.rows == ())
    event = facade.audit.events(me, limit=1)[0]
    assert (event.action, event.object_id) == ("client.handover", str(saved.client.id))
    assert str(colleague.id) in event.detail
    detail.close()
