"""The Opvolging page: open referrals, their status (with the day it happened), follow-up date and outcome."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from leerwinkel.app import Leerwinkel
from leerwinkel.changes import Changes
from leerwinkel.dates import format_date, parse_date
from leerwinkel.errors import InvalidInputError, LeerwinkelError
from leerwinkel.messages import describe
from leerwinkel.referrals.service import ReferralRecord, ReferralResult
from leerwinkel.taxonomy import CLOSED_STATUSES, OUTCOMES, REFERRAL_STATUSES
from ui.common.operations import WriteOp
from ui.common.tables import REFERRAL_HEADERS, REFERRAL_STRETCH, RowsModel, referral_cell, row_table, selected_row
from ui.common.widgets import buddy_label, error_label, heading, plain_label, show_error
from ui.followup.reply import ReplyBox
from ui.letters.buttons import LetterButtons

if TYPE_CHECKING:
    from ui.common.navigator import Navigator

#: The client column starts at this width (the user can drag it); the offering and provider take the rest.
CLIENT_COLUMN_WIDTH = 190
# The most referrals the table shows at once (years of referrals make tens of thousands); a line says the rest.
LIMIT = 500


class FollowUpPage(QWidget):
    """All open referrals with status filters; change status (dated), follow-up date, outcome."""

    def __init__(self, app: Leerwinkel, pages: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.pages = pages
        self._saving = False
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Opvolging")))
        row = QHBoxLayout()
        self.filter = QComboBox()
        self.filter.addItem(self.tr("Alle open verwijzingen"), "open")
        for term in REFERRAL_STATUSES:
            self.filter.addItem(term.label(), term.code)
        self.filter.addItem(self.tr("Alle verwijzingen"), "all")
        self.due_only = QCheckBox(self.tr("Alleen wat &nu opvolging vraagt"))
        row.addWidget(buddy_label(self.tr("&Filter"), self.filter, self.tr("Filter op status")))
        row.addWidget(self.filter)
        row.addWidget(self.due_only)
        row.addStretch(1)
        layout.addLayout(row)
        self.model = RowsModel(
            [QCoreApplication.translate("ui.common.tables", h) for h in REFERRAL_HEADERS],
            referral_cell(app.referrals.today()),
        )
        self.table = row_table(self.model, self.tr("Verwijzingen"), stretch=REFERRAL_STRETCH)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)  # a long name must not take the width
        header.resizeSection(1, CLIENT_COLUMN_WIDTH)
        layout.addWidget(self.table, 1)
        self.count = plain_label()
        layout.addWidget(self.count)
        layout.addWidget(self._edit_box())
        self.reply = ReplyBox(app, self._on_reply_recorded)
        layout.addWidget(self.reply)
        self.filter.currentIndexChanged.connect(self.refresh)
        self.due_only.toggled.connect(self.refresh)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected_row())
        self.save_button.clicked.connect(self.save)
        self.history_button.clicked.connect(self._open_client)
        self.status.currentIndexChanged.connect(lambda _i: self._on_status_chosen())
        self.refresh()

    def _edit_box(self) -> QGroupBox:
        edit = QGroupBox(self.tr("Gekozen verwijzing"))
        grid = QGridLayout(edit)
        self.selected = plain_label(wrap=True)
        grid.addWidget(plain_label(self.tr("Verwijzing")), 0, 0)
        grid.addWidget(self.selected, 0, 1, 1, 5)
        self.status = QComboBox()
        for term in REFERRAL_STATUSES:
            self.status.addItem(term.label(), term.code)
        self.status_date = QLineEdit()
        self.status_date.setPlaceholderText(self.tr("dd/mm/jjjj"))
        self.status_date.setMaximumWidth(130)
        self.status_date.setToolTip(
            self.tr("De dag waarop het gebeurde (vandaag of vroeger), bv. het telefoontje van gisteren")
        )
        self.status_note = QLineEdit()
        grid.addWidget(buddy_label(self.tr("&Status"), self.status, self.tr("Nieuwe status")), 1, 0)
        grid.addWidget(self.status, 1, 1)
        grid.addWidget(
            buddy_label(self.tr("&Datum"), self.status_date, self.tr("Datum van de nieuwe status (dd/mm/jjjj)")), 1, 2
        )
        grid.addWidget(self.status_date, 1, 3)
        grid.addWidget(
            buddy_label(self.tr("Notitie bij s&tatus"), self.status_note, self.tr("Notitie bij de status")), 1, 4
        )
        grid.addWidget(self.status_note, 1, 5)
        self.follow_up = QLineEdit()
        self.follow_up.setPlaceholderText(self.tr("dd/mm/jjjj"))
        self.follow_up.setMaximumWidth(130)
        self.outcome = QComboBox()
        self.outcome.addItem("", "")
        for term in OUTCOMES:
            self.outcome.addItem(term.label(), term.code)
        self.outcome_note = QLineEdit()
        grid.addWidget(buddy_label(self.tr("&Resultaat"), self.outcome, self.tr("Resultaat")), 2, 0)
        grid.addWidget(self.outcome, 2, 1)
        grid.addWidget(buddy_label(self.tr("&Opvolgdatum"), self.follow_up, self.tr("Opvolgdatum (dd/mm/jjjj)")), 2, 2)
        grid.addWidget(self.follow_up, 2, 3)
        grid.addWidget(
            buddy_label(self.tr("Notitie bij resu&ltaat"), self.outcome_note, self.tr("Notitie bij het resultaat")),
            2,
            4,
        )
        grid.addWidget(self.outcome_note, 2, 5)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(5, 2)
        self.error = error_label()
        grid.addWidget(self.error, 3, 0, 1, 6)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("&Bewaren"))
        self.history_button = QPushButton(self.tr("&Cliënt tonen"))
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.history_button)
        buttons.addStretch(1)
        grid.addLayout(buttons, 4, 0, 1, 6)
        self.letters = LetterButtons(self.app, current=lambda: record.id if (record := self.current()) else None)
        self.letters.changed.connect(self.pages.broadcast)
        grid.addWidget(self.letters, 5, 0, 1, 6)
        return edit

    def refresh(self) -> None:
        chosen = str(self.filter.currentData())
        today = self.app.referrals.today()
        self.model.cell = referral_cell(today)
        due_on = today if self.due_only.isChecked() else None
        if chosen == "open":
            page = self.app.referrals.first(LIMIT, open_only=True, due_on=due_on)
        elif chosen == "all":
            page = self.app.referrals.first(LIMIT, due_on=due_on)
        else:
            page = self.app.referrals.first(LIMIT, statuses=(chosen,), due_on=due_on)
        rows = page.rows
        if page.is_complete:
            self.count.setText(self.tr("Verwijzingen: %1").replace("%1", QLocale().toString(page.total)))
        else:
            text = self.tr("De eerste %1 van %2 verwijzingen (de oudste opvolgdatum eerst); kies een filter.")
            shown, total = QLocale().toString(len(rows)), QLocale().toString(page.total)
            self.count.setText(text.replace("%1", shown).replace("%2", total))
        previous = self.current()
        self.model.set_rows(rows)
        ids = [r.id for r in rows]
        if rows:
            self.table.selectRow(ids.index(previous.id) if previous and previous.id in ids else 0)
        self._show_selected_row()

    def current(self) -> ReferralRecord | None:
        record: ReferralRecord | None = selected_row(self.table, self.model)
        return record

    def select_referral(self, title: str) -> None:
        for number, record in enumerate(self.model.rows):
            if record.title == title:
                self.table.selectRow(number)
                return

    def _show_selected_row(self) -> None:
        record = self.current()
        self._set_error("")
        self.letters.update_enabled()
        self._set_editable(record is not None and not self._saving)
        if record is None:
            self.selected.setText(self.tr("Geen verwijzing gekozen."))
            return
        lines = [
            self.tr("%1 — %2 (verwezen op %3)")
            .replace("%1", record.client_name)
            .replace("%2", record.title)
            .replace("%3", format_date(record.referred_on))
        ]
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
        self.status.blockSignals(True)
        self.status.setCurrentIndex(self.status.findData(record.status))
        self.status.blockSignals(False)
        self.status_note.clear()
        self.status_date.setText(format_date(self.app.referrals.today()))
        self._on_status_chosen()
        self.follow_up.setText(format_date(record.follow_up_on))
        self.outcome.setCurrentIndex(max(self.outcome.findData(record.outcome or ""), 0))
        self.outcome_note.setText(record.outcome_note)

    def _on_status_chosen(self) -> None:
        """The date only matters for a new status: today unless the counsellor types an earlier day."""
        record = self.current()
        chosen = str(self.status.currentData())
        self.status_date.setEnabled(record is not None and self.status.isEnabled() and chosen != record.status)

    def _set_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def _read_date(self, field: QLineEdit, label: str) -> tuple[bool, dt.date | None]:
        text = field.text().strip()
        if not text:
            return True, None
        try:
            return True, parse_date(text)
        except ValueError:
            self._set_error(
                self.tr("%1: “%2” is geen geldige datum (dd/mm/jjjj)").replace("%1", label).replace("%2", text)
            )
            field.setFocus()
            return False, None

    def save(self) -> bool:
        """Save what changed in the background; False when nothing was started (no choice, a bad date)."""
        record = self.current()
        if record is None or self._saving:
            return False
        self._set_error("")
        ok, follow_up = self._read_date(self.follow_up, self.tr("Opvolgdatum"))
        if not ok:
            return False
        status = str(self.status.currentData())
        status_on: dt.date | None = None
        if status != record.status:
            ok, status_on = self._read_date(self.status_date, self.tr("Datum van de status"))
            if not ok:
                return False
        if status in CLOSED_STATUSES and self.follow_up.text().strip() == format_date(record.follow_up_on):
            follow_up = record.follow_up_on
        outcome = str(self.outcome.currentData() or "") or None
        status_note, outcome_note = self.status_note.text(), self.outcome_note.text()
        referrals, actor = self.app.referrals, self.app.auth.current

        def write(_progress: object) -> Changes:
            changes = Changes()
            current = record
            if status != current.status:
                result = referrals.set_status(current, status, on=status_on, note=status_note, actor=actor)
                current, changes = result.referral, changes | result.changes
            if (follow_up, outcome, outcome_note.strip()) != (
                current.follow_up_on,
                current.outcome,
                current.outcome_note,
            ):
                result = referrals.update_follow_up(
                    current, follow_up_on=follow_up, outcome=outcome, outcome_note=outcome_note, actor=actor
                )
                changes = changes | result.changes
            return changes

        self._saving = True
        self.save_button.setEnabled(False)
        WriteOp(parent=self, op=write, success=self._on_saved).failure(self._on_save_failed).run_in_background()
        return True

    def _on_saved(self, changes: Changes) -> None:
        self._saving = False
        self.pages.broadcast(changes)
        self._show_selected_row()
        self.pages.status(self.tr("Verwijzing bewaard."))

    def _on_save_failed(self, error: BaseException) -> None:
        """A problem with what was typed stays beside the fields (the input is kept); anything else is shown."""
        self._saving = False
        if isinstance(error, InvalidInputError):
            self._set_editable(True)
            self._set_error(describe(error))
            return
        show_error(self, error)
        if isinstance(error, LeerwinkelError):  # a conflict: show what is stored now
            self.refresh()
        else:
            self._set_editable(True)

    def _set_editable(self, enabled: bool) -> None:
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
        self._on_status_chosen()

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
