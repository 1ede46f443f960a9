"""The Vandaag page: today's appointments and the follow-ups that are due."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from leerwinkel.app import Leerwinkel
from ui.common.tables import REFERRAL_HEADERS, REFERRAL_STRETCH, RowsModel, referral_cell, row_table, selected_row
from ui.common.widgets import buddy_label, format_day, heading
from ui.letters.buttons import LetterButtons

if TYPE_CHECKING:
    from ui.workflow import IntakePages


class TodayPage(QWidget):
    """Today's appointments and the follow-ups that are due, overdue ones first."""

    def __init__(self, app: Leerwinkel, pages: IntakePages, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.pages = pages
        layout = QVBoxLayout(self)
        self.title = heading("")
        layout.addWidget(self.title)
        self.appointments = QListWidget()
        layout.addWidget(buddy_label(self.tr("&Afspraken vandaag"), self.appointments, self.tr("Afspraken vandaag")))
        self.appointments.setMaximumHeight(160)
        layout.addWidget(self.appointments)
        self.model = RowsModel([self.tr(h) for h in REFERRAL_HEADERS], referral_cell(self.app.referrals.today()))
        self.due = row_table(
            self.model, self.tr("Opvolging die vandaag of eerder gepland is"), stretch=REFERRAL_STRETCH
        )
        layout.addWidget(buddy_label(self.tr("&Op te volgen (te laat eerst)"), self.due, self.tr("Op te volgen")))
        layout.addWidget(self.due, 1)
        self.appointments.itemActivated.connect(
            lambda item: self.pages.open_client(item.data(Qt.ItemDataRole.UserRole))
        )
        self.due.activated.connect(self._on_due_activated)
        self.letters = LetterButtons(app, current=self._selected_referral)
        self.due.selectionModel().currentRowChanged.connect(lambda *_: self.letters.update_enabled())
        layout.addWidget(self.letters)
        self.refresh()

    def _selected_referral(self) -> uuid.UUID | None:
        record = selected_row(self.due, self.model)
        return record.id if record is not None else None

    def refresh(self) -> None:
        today = self.app.referrals.today()
        self.title.setText(self.tr("Vandaag, %1").replace("%1", format_day(today)))
        self.appointments.clear()
        for appointment in self.app.clients.appointments_on(today):
            at = appointment.at.astimezone().strftime("%H:%M")
            item = QListWidgetItem(f"{at}  {appointment.client_name}")
            item.setData(Qt.ItemDataRole.UserRole, appointment.client_id)
            self.appointments.addItem(item)
        if not self.appointments.count():
            empty = QListWidgetItem(self.tr("Geen afspraken."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.appointments.addItem(empty)
        self.model.cell = referral_cell(today)
        self.model.set_rows(self.app.referrals.due(today))
        self.letters.update_enabled()

    def _on_due_activated(self, index: QModelIndex) -> None:
        record = self.model.rows[index.row()]
        self.pages.open_client(record.client_id)
