"""A new Leerwinkel takes over its old spreadsheet in the window, then merges a person kept twice (issue 14)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from leerwinkel.app import Leerwinkel
from leerwinkel.intake.types import IntakeInput, PersonInput
from leerwinkel.storage.models import AuditEvent, Client, Consent
from tests import takeover_data as sheet
from ui.clients.importwizard import ImportDialog
from ui.mainwindow import MainWindow


def test_import_the_old_sheet_then_merge_a_double(
    qtbot: QtBot, facade: Leerwinkel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow(facade)
    qtbot.addWidget(window)
    window.show()
    window.navigation.setCurrentRow(1)
    page = window.intake_pages.clients
    assert page.import_button.isVisible()  # the test account is an administrator

    source = sheet.write_csv(tmp_path / "oud.csv", encoding="cp1252")
    monkeypatch.setattr(ImportDialog, "choose_file", classmethod(lambda cls, parent: str(source)))
    dialog = page.open_import()
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=20000)
    assert "Windows-1252" in dialog.summary.text() and "40 rijen" in dialog.summary.text()
    assert dialog.rows.rowCount() == 10 and "voornaam" in dialog.rows.horizontalHeaderItem(0).text()
    assert "rijbewijs" in dialog.problems.toPlainText()
    dialog.consent_store.setChecked(True)
    dialog.consent_date.setText("01/02/2025")
    assert dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=30000)
    assert "40 cliënten ingelezen" in dialog.summary.text()
    qtbot.waitUntil(lambda: page.model.rowCount() == 40, timeout=5000)  # the list refreshed by the hub

    # the same file again: all 40 are recognised; one is merged, the rest skipped
    dialog.check()
    qtbot.waitUntil(lambda: dialog.plan is not None and len(dialog.plan.duplicates) == 40, timeout=20000)
    combo = dialog.duplicates.cellWidget(0, 2)
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData("merge"))
    dialog.outcome = None
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=30000)
    assert (dialog.outcome.created, dialog.outcome.merged, dialog.outcome.skipped) == (0, 1, 39)
    dialog.accept()

    # someone was typed in twice by hand: merge the two from the Cliënten page
    person = PersonInput(first_name="Chloe", last_name="Vermeulen", municipality="Lier", phone="0470 55 44 33")
    facade.clients.record_intake(IntakeInput(person=person), actor=facade.auth.current)
    page.search.setText("Chloë Vermeulen")
    page.refresh()
    names = [page.model.rows[i].name for i in range(page.model.rowCount())]
    assert sorted(names) == ["Chloe Vermeulen", "Chloë Vermeulen"]  # search ignores the accent
    page.table.selectRow(names.index("Chloë Vermeulen"))
    merge = page.open_merge()
    assert merge is not None and merge.candidates.count() == 1  # the duplicate check found the other record
    qtbot.mouseClick(merge.compare_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: merge.sides is not None, timeout=10000)
    merge.groups["first_name"].button(1).setChecked(True)  # keep "Chloë"
    merge.groups["phone"].button(2).setChecked(True)  # take the newer phone
    qtbot.mouseClick(merge.merge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: merge.outcome is not None, timeout=10000)

    with facade.store.unit_of_work() as session:
        assert session.scalar(select(func.count()).select_from(Client)) == 40
        chloe = session.scalars(select(Client).where(Client.last_name == "Vermeulen")).one()
        assert (chloe.first_name, chloe.phone) == ("Chloë", "0470 55 44 33")
        consents = session.scalars(select(Consent).where(Consent.client_id == chloe.id)).all()
        assert len(consents) == 2  # the imported one (as chosen) and the one typed in, both kept as history
        imported = next(c for c in consents if c.store_data)
        assert not imported.share_with_provider and imported.recorded_by_id is not None
        actions = set(session.scalars(select(AuditEvent.action)))
        assert {"client.import", "client.merge"} <= actions
