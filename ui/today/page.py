"""The Vandaag page: today's appointments, the signed-in counsellor's clients and the follow-ups that are due."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QModelIndex, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from leerwinkel.app import Leerwinkel
from leerwinkel.contacts.service import MyClient
from leerwinkel.dates import format_date, format_long_date, format_time
from ui.common.i18n import QT_TRANSLATE_NOOP
from ui.common.tables import REFERRAL_HEADERS, REFERRAL_STRETCH, RowsModel, referral_cell, row_table, selected_row
from ui.common.widgets import buddy_label, heading, plain_label
from ui.letters.buttons import LetterButtons

if TYPE_CHECKING:
    from ui.common.navigator import Navigator

# The most due follow-ups Vandaag shows (years not followed up make thousands); the rest are in Opvolging.
DUE_LIMIT = 200

MY_CLIENT_HEADERS = [
    QT_TRANSLATE_NOOP("ui.today.page", "Cliënt"),
    QT_TRANSLATE_NOOP("ui.today.page", "Open verwijzingen"),
    QT_TRANSLATE_NOOP("ui.today.page", "Volgende opvolging"),
    QT_TRANSLATE_NOOP("ui.today.page", "Laatste activiteit"),
]


def my_client_cell(row: MyClient, column: int) -> str:
    return [
        row.name,
        str(row.open_referrals),
        format_date(row.next_follow_up),
        format_date(row.last_activity_at),
    ][column]


class TodayPage(QWidget):
    """Today's appointments, "Mijn cliënten" and the follow-ups that are due, overdue ones first."""

    def __init__(self, app: Leerwinkel, pages: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.pages = pages
        layout = QVBoxLayout(self)
        self.title = heading("")
        layout.addWidget(self.title)
        top = QHBoxLayout()
        left = QVBoxLayout()
        self.appointments = QListWidget()
        left.addWidget(buddy_label(self.tr("Afspraken van&daag"), self.appointments, self.tr("Afspraken vandaag")))
        left.addWidget(self.appointments)
        right = QVBoxLayout()
        self.mine_model = RowsModel(
            [QCoreApplication.translate("ui.today.page", h) for h in MY_CLIENT_HEADERS], my_client_cell
        )
        self.mine = row_table(self.mine_model, self.tr("Mijn cliënten"), stretch=(0,))
        self.mine.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        right.addWidget(buddy_label(self.tr("&Mijn cliënten"), self.mine, self.tr("Mijn cliënten")))
        right.addWidget(self.mine)
        top.addLayout(left, 2)
        top.addLayout(right, 3)
        top_box = QWidget()
        top_box.setLayout(top)
        top_box.setMaximumHeight(220)
        top.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(top_box)
        self.model = RowsModel(
            [QCoreApplication.translate("ui.common.tables", h) for h in REFERRAL_HEADERS],
            referral_cell(self.app.referrals.today()),
        )
        self.due = row_table(
            self.model, self.tr("Opvolging die vandaag of eerder gepland is"), stretch=REFERRAL_STRETCH
        )
        layout.addWidget(buddy_label(self.tr("&Op te volgen (te laat eerst)"), self.due, self.tr("Op te volgen")))
        layout.addWidget(self.due, 1)
        self.due_count = plain_label()
        layout.addWidget(self.due_count)
        self.appointments.itemActivated.connect(
            lambda item: self.pages.open_client(item.data(Qt.ItemDataRole.UserRole))
        )
        self.mine.activated.connect(self._on_mine_activated)
        self.due.activated.connect(self._on_due_activated)
        self.letters = LetterButtons(app, current=self._selected_referral)
        self.letters.changed.connect(self.pages.broadcast)
        self.due.selectionModel().currentRowChanged.connect(lambda *_: self.letters.update_enabled())
        layout.addWidget(self.letters)
        self.refresh()

    def _selected_referral(self) -> uuid.UUID | None:
        record = selected_row(self.due, self.model)
        return record.id if record is not None else None

    def refresh(self) -> None:
        today = self.app.referrals.today()
        self.title.setText(self.tr("Vandaag, %1").replace("%1", format_long_date(today)))
        self.appointments.clear()
        for appointment in self.app.clients.appointments_on(today):
            item = QListWidgetItem(f"{format_time(appointment.at)}  {appointment.client_name}")
            item.setData(Qt.ItemDataRole.UserRole, appointment.client_id)
            self.appointments.addItem(item)
        if not self.appointments.count():
            empty = QListWidgetItem(self.tr("Geen afspraken."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.appointments.addItem(empty)
        actor = self.app.auth.current
        self.mine_model.set_rows(self.app.contacts.my_clients(actor=actor) if actor is not None else ())
        self.model.cell = referral_cell(today)
        due = self.app.referrals.first(DUE_LIMIT, due_on=today)
        self.model.set_rows(due.rows)
        if due.is_complete:
            self.due_count.setText(self.tr("Op te volgen: %1").replace("%1", QLocale().toString(due.total)))
        else:
            text = self.tr("De eerste %1 van %2 op te volgen (de oudste eerst); de andere staan in Opvolging.")
            shown, total = QLocale().toString(len(due.rows)), QLocale().toString(due.total)
            self.due_count.setText(text.replace("%1", shown).replace("%2", total))
        self.letters.update_enabled()

    def _on_mine_activated(self, index: QModelIndex) -> None:
        self.pages.open_client(self.mine_model.rows[index.row()].client_id)

    def _on_due_activated(self, index: QModelIndex) -> None:
        record = self.model.rows[index.row()]
        self.pages.open_client(record.client_id)
