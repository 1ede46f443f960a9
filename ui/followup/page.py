"""The Opvolging page: open referrals, their status, follow-up date and outcome."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from leerwinkel.app import Leerwinkel
from leerwinkel.changes import Changes
from leerwinkel.errors import InvalidInputError, LeerwinkelError
from leerwinkel.intake.validation import parse_date
from leerwinkel.messages import describe
from leerwinkel.referrals.service import ReferralRecord, ReferralResult
from leerwinkel.taxonomy import CLOSED_STATUSES, OUTCOMES, REFERRAL_STATUSES
from ui.common.tables import REFERRAL_HEADERS, REFERRAL_STRETCH, RowsModel, referral_cell, row_table, selected_row
from ui.common.widgets import buddy_label, format_day, heading, plain_label, show_error
from ui.followup.reply import ReplyBox
from ui.letters.buttons import LetterButtons

if TYPE_CHECKING:
    from ui.workflow import IntakePages


class FollowUpPage(QWidget):
    """All open referrals with status filters; change status, follow-up date, outcome."""

    def __init__(self, app: Leerwinkel, pages: IntakePages, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.pages = pages
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Opvolging")))
        row = QHBoxLayout()
        self.filter = QComboBox()
        self.filter.addItem(self.tr("Alle open verwijzingen"), "open")
        for term in REFERRAL_STATUSES:
            self.filter.addItem(term.label_nl, term.code)
        self.filter.addItem(self.tr("Alle verwijzingen"), "all")
        self.due_only = QCheckBox(self.tr("Alleen wat &nu opvolging vraagt"))
        row.addWidget(buddy_label(self.tr("&Filter"), self.filter, self.tr("Filter op status")))
        row.addWidget(self.filter)
        row.addWidget(self.due_only)
        row.addStretch(1)
        layout.addLayout(row)
        self.model = RowsModel([self.tr(h) for h in REFERRAL_HEADERS], referral_cell(app.referrals.today()))
        self.table = row_table(self.model, self.tr("Verwijzingen"), stretch=REFERRAL_STRETCH)
        layout.addWidget(self.table, 1)

        edit = QGroupBox(self.tr("Gekozen verwijzing"))
        form = QFormLayout(edit)
        self.selected = plain_label(wrap=True)
        form.addRow(plain_label(self.tr("Verwijzing")), self.selected)
        self.status = QComboBox()
        for term in REFERRAL_STATUSES:
            self.status.addItem(term.label_nl, term.code)
        form.addRow(buddy_label(self.tr("&Status"), self.status, self.tr("Nieuwe status")), self.status)
        self.status_note = QLineEdit()
        form.addRow(
            buddy_label(self.tr("Notitie bij s&tatus"), self.status_note, self.tr("Notitie bij de status")),
            self.status_note,
        )
        self.follow_up = QLineEdit()
        self.follow_up.setPlaceholderText("dd/mm/jjjj")
        form.addRow(
            buddy_label(self.tr("&Opvolgdatum"), self.follow_up, self.tr("Opvolgdatum (dd/mm/jjjj)")), self.follow_up
        )
        self.outcome = QComboBox()
        self.outcome.addItem("", "")
        for term in OUTCOMES:
            self.outcome.addItem(term.label_nl, term.code)
        form.addRow(buddy_label(self.tr("&Resultaat"), self.outcome, self.tr("Resultaat")), self.outcome)
        self.outcome_note = QLineEdit()
        form.addRow(
            buddy_label(self.tr("Notitie bij resu&ltaat"), self.outcome_note, self.tr("Notitie bij het resultaat")),
            self.outcome_note,
        )
        self.error = plain_label(wrap=True)
        self.error.setStyleSheet("color: #b00020;")
        form.addRow(self.error)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("&Bewaren"))
        self.history_button = QPushButton(self.tr("&Cliënt tonen"))
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.history_button)
        buttons.addStretch(1)
        form.addRow(buttons)
        self.letters = LetterButtons(app, current=lambda: record.id if (record := self.current()) else None)
        form.addRow(self.letters)
        layout.addWidget(edit)
        self.reply = ReplyBox(app, self._on_reply_recorded)
        layout.addWidget(self.reply)
        self.filter.currentIndexChanged.connect(self.refresh)
        self.due_only.toggled.connect(self.refresh)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._showselected_row())
        self.save_button.clicked.connect(self.save)
        self.history_button.clicked.connect(self._open_client)
        self.refresh()

    def refresh(self) -> None:
        chosen = str(self.filter.currentData())
        today = self.app.referrals.today()
        self.model.cell = referral_cell(today)
        if chosen == "open":
            rows = self.app.referrals.list(open_only=True, due_on=today if self.due_only.isChecked() else None)
        elif chosen == "all":
            rows = self.app.referrals.list(due_on=today if self.due_only.isChecked() else None)
        else:
            rows = self.app.referrals.list(statuses=(chosen,), due_on=today if self.due_only.isChecked() else None)
        previous = self.current()
        self.model.set_rows(rows)
        ids = [r.id for r in rows]
        if rows:
            self.table.selectRow(ids.index(previous.id) if previous and previous.id in ids else 0)
        self._showselected_row()

    def current(self) -> ReferralRecord | None:
        record: ReferralRecord | None = selected_row(self.table, self.model)
        return record

    def select_referral(self, title: str) -> None:
        for number, record in enumerate(self.model.rows):
            if record.title == title:
                self.table.selectRow(number)
                return

    def _showselected_row(self) -> None:
        record = self.current()
        self.error.clear()
        self.letters.update_enabled()
        enabled = record is not None
        for widget in (
            self.status,
            self.status_note,
            self.follow_up,
            self.outcome,
            self.outcome_note,
            self.save_button,
            self.history_button,
        ):
            widget.setEnabled(enabled)
        if record is None:
            self.selected.setText(self.tr("Geen verwijzing gekozen."))
            return
        lines = [f"{record.client_name} — {record.title}"]
        if record.external is not None:
            where = ", ".join(part for part in (record.external.name, record.external.contact) if part)
            lines.append(self.tr("Buiten de catalogus: %1").replace("%1", " ".join(where.split())))
        if record.override_reason:
            lines.append(
                self.tr("Toch verwezen: %1 (paste niet: %2)")
                .replace("%1", record.override_reason)
                .replace("%2", record.overridden)
            )
        self.selected.setText("\n".join(lines))
        self.status.setCurrentIndex(self.status.findData(record.status))
        self.status_note.clear()
        self.follow_up.setText(format_day(record.follow_up_on))
        self.outcome.setCurrentIndex(max(self.outcome.findData(record.outcome or ""), 0))
        self.outcome_note.setText(record.outcome_note)

    def save(self) -> bool:
        record = self.current()
        if record is None:
            return False
        self.error.clear()
        text = self.follow_up.text().strip()
        try:
            follow_up = parse_date(text) if text else None
        except ValueError:
            self.error.setText(self.tr("Opvolgdatum: “%1” is geen geldige datum (dd/mm/jjjj)").replace("%1", text))
            self.follow_up.setFocus()
            return False
        status = str(self.status.currentData())
        try:
            changes = Changes()
            if status != record.status:
                result = self.app.referrals.set_status(
                    record, status, note=self.status_note.text(), actor=self.app.auth.current
                )
                record, changes = result.referral, changes | result.changes
            outcome = str(self.outcome.currentData() or "") or None
            if (follow_up, outcome, self.outcome_note.text().strip()) != (
                record.follow_up_on,
                record.outcome,
                record.outcome_note,
            ):
                if status in CLOSED_STATUSES and text == format_day(record.follow_up_on):
                    follow_up = record.follow_up_on
                result = self.app.referrals.update_follow_up(
                    record,
                    follow_up_on=follow_up,
                    outcome=outcome,
                    outcome_note=self.outcome_note.text(),
                    actor=self.app.auth.current,
                )
                changes = changes | result.changes
        except InvalidInputError as error:
            self.error.setText(describe(error))
            return False
        except LeerwinkelError as error:
            show_error(self, error)
            self.refresh()
            return False
        self.pages.broadcast(changes)
        self.pages.status(self.tr("Verwijzing bewaard."))
        return True

    def _on_reply_recorded(self, result: ReferralResult) -> None:
        self.pages.broadcast(result.changes)
        for number, record in enumerate(self.model.rows):  # show the referral the reply was about
            if record.id == result.referral.id:
                self.table.selectRow(number)
        self.pages.status(
            self.tr("Antwoord geregistreerd: %1 — %2")
            .replace("%1", result.referral.client_name)
            .replace("%2", REFERRAL_STATUSES.label(result.referral.status))
        )

    def _open_client(self) -> None:
        record = self.current()
        if record is not None:
            self.pages.open_client(record.client_id)
