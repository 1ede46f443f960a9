"""The dialogs for referring anyway and referring outside the catalogue, driven with the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from leerwinkel.referrals.overrides import ExternalProvider
from ui.intake.external import ExternalReferralDialog
from ui.intake.override import OverrideDialog


def test_override_dialog_says_why_and_needs_a_reason(qtbot: QtBot) -> None:
    dialog = OverrideDialog("B-VCA dagcursus", "Veiligheid Test", ("wordt niet in de gevangenis gegeven",))
    qtbot.addWidget(dialog)
    dialog.show()
    texts = " ".join(label.text() for label in dialog.findChildren(type(dialog.error)))
    assert "Past niet: wordt niet in de gevangenis gegeven" in texts
    assert "B-VCA dagcursus — Veiligheid Test" in texts
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.isVisible()
    assert dialog.error.isVisible() and "korte reden" in dialog.error.text()
    qtbot.keyClicks(dialog.reason, "  vrijlating   volgende week ")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert dialog.reason_text() == "vrijlating volgende week"
    assert dialog.reason.accessibleName() == "Reden om toch te verwijzen"


def test_external_dialog_needs_a_name_and_keeps_the_contact_lines(qtbot: QtBot) -> None:
    dialog = ExternalReferralDialog("Beroepsopleiding")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.error.isVisible()
    qtbot.keyClicks(dialog.name, "Lasatelier Voorbeeld")
    qtbot.keyClicks(dialog.service, "Opleiding lassen")
    dialog.contact.setFocus()
    qtbot.keyClicks(dialog.contact, "Testine Bedenksel")
    qtbot.keyClick(dialog.contact, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.contact, "015 00 00 00")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.provider() == ExternalProvider(
        name="Lasatelier Voorbeeld", contact="Testine Bedenksel\n015 00 00 00", service="Opleiding lassen"
    )
    for widget in (dialog.name, dialog.service, dialog.contact):
        assert widget.accessibleName()
