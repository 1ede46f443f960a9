"""The daily-work pages: Vandaag, Cliënten, Opvolging, the client detail, and their shortcuts."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from leerwinkel.app import Leerwinkel
from leerwinkel.errors import InvalidInputError, LeerwinkelError
from leerwinkel.ids import ClientId
from leerwinkel.intake.types import Changes, ClientSummary
from leerwinkel.intake.validation import parse_date
from leerwinkel.messages import describe
from leerwinkel.referrals.service import ReferralRecord
from leerwinkel.taxonomy import CLOSED_STATUSES, DUTCH_LEVELS, OUTCOMES, REFERRAL_STATUSES, TARGET_GROUPS
from ui.intakecommon import ChangeHub, UnsavedChangesDialog, buddy_label, format_day, heading, plain_label, show_error
from ui.intakeform import IntakePage
from ui.intakeletters import LETTER_ACTION_LABELS, LETTER_KIND_LABELS, LetterButtons

if TYPE_CHECKING:
    from ui.mainwindow import MainWindow

_Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel):
    """A read-only table over a tuple of frozen records; ``columns`` turn a record into cell text."""

    def __init__(self, headers: list[str], cell: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = headers
        self.cell = cell
        self.rows: tuple[Any, ...] = ()

    def set_rows(self, rows: tuple[Any, ...]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt override
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt override
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(self.rows[index.row()], index.column())
        return None

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None


def _table(model: RowsModel, accessible: str, *, stretch: tuple[int, ...] = ()) -> QTableView:
    """A read-only row table; the ``stretch`` columns share the spare width and elide long text."""
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(accessible)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    for column in stretch:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    header.setStretchLastSection(not stretch)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    return view


def _selected(view: QTableView, model: RowsModel) -> Any | None:
    index = view.currentIndex()
    if not index.isValid() or index.row() >= len(model.rows):
        return None
    return model.rows[index.row()]


def _referral_cell(today: dt.date) -> Any:
    def cell(r: ReferralRecord, column: int) -> str:
        late = r.follow_up_on is not None and r.follow_up_on < today and r.is_open
        return [
            format_day(r.follow_up_on) + ("  (te laat)" if late else ""),
            r.client_name,
            r.title,
            r.provider_name,
            REFERRAL_STATUSES.label(r.status),
            OUTCOMES.label(r.outcome) if r.outcome else "",
        ][column]

    return cell


REFERRAL_HEADERS = ["Opvolgdatum", "Cliënt", "Aanbod", "Aanbieder", "Status", "Resultaat"]
#: The offering and provider columns take the spare width; their long names are elided.
REFERRAL_STRETCH = (2, 3)


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
        self.model = RowsModel([self.tr(h) for h in REFERRAL_HEADERS], _referral_cell(self.app.referrals.today()))
        self.due = _table(self.model, self.tr("Opvolging die vandaag of eerder gepland is"), stretch=REFERRAL_STRETCH)
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
        record = _selected(self.due, self.model)
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
        self.model.cell = _referral_cell(today)
        self.model.set_rows(self.app.referrals.due(today))
        self.letters.update_enabled()

    def _on_due_activated(self, index: QModelIndex) -> None:
        record = self.model.rows[index.row()]
        self.pages.open_client(record.client_id)


class ClientsPage(QWidget):
    """Search by name or alias, birth year and municipality; most recent first; filters as you type."""

    LIMIT = 200

    def __init__(self, app: Leerwinkel, pages: IntakePages, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.pages = pages
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Cliënten")))
        row = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("naam of roepnaam"))
        self.search.setClearButtonEnabled(True)
        self.birth_year = QLineEdit()
        self.birth_year.setPlaceholderText(self.tr("jjjj"))
        self.birth_year.setMaximumWidth(90)
        self.municipality = QComboBox()
        self.municipality.setEditable(True)
        self.municipality.setMinimumWidth(180)
        row.addWidget(buddy_label(self.tr("&Zoeken"), self.search, self.tr("Zoeken op naam of roepnaam")))
        row.addWidget(self.search, 2)
        row.addWidget(buddy_label(self.tr("Geboorte&jaar"), self.birth_year, self.tr("Geboortejaar")))
        row.addWidget(self.birth_year)
        row.addWidget(buddy_label(self.tr("Ge&meente"), self.municipality, self.tr("Gemeente")))
        row.addWidget(self.municipality, 1)
        layout.addLayout(row)
        self.model = RowsModel(
            [self.tr("Naam"), self.tr("Geboortejaar"), self.tr("Gemeente"), self.tr("Laatste activiteit")],
            self._cell,
        )
        self.table = _table(self.model, self.tr("Gevonden cliënten"))
        layout.addWidget(self.table, 1)
        self.count = plain_label()
        layout.addWidget(self.count)
        buttons = QHBoxLayout()
        self.open_button = QPushButton(self.tr("&Openen"))
        self.intake_button = QPushButton(self.tr("Nieuwe &intake voor deze cliënt"))
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.intake_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._timer.start)
        self.birth_year.textChanged.connect(self._timer.start)
        self.municipality.currentTextChanged.connect(self._timer.start)
        self.table.activated.connect(lambda _index: self._open())
        self.open_button.clicked.connect(self._open)
        self.intake_button.clicked.connect(self._intake)
        self.reload_municipalities()
        self.refresh()

    def _cell(self, c: ClientSummary, column: int) -> str:
        at = c.last_activity_at.astimezone().strftime("%d/%m/%Y") if c.last_activity_at else ""
        return [c.name, str(c.birth_year or ""), c.municipality, at][column]

    def reload_municipalities(self) -> None:
        current = self.municipality.currentText()
        self.municipality.blockSignals(True)
        self.municipality.clear()
        self.municipality.addItems(["", *self.app.clients.municipalities()])
        self.municipality.setCurrentText(current)
        self.municipality.blockSignals(False)

    def refresh(self) -> None:
        year_text = self.birth_year.text().strip()
        year = int(year_text) if year_text.isdigit() and len(year_text) == 4 else None
        rows = self.app.clients.search(
            self.search.text(), birth_year=year, municipality=self.municipality.currentText(), limit=self.LIMIT
        )
        self.model.set_rows(rows)
        if rows:
            self.table.selectRow(0)
        text = self.tr("%1 cliënten").replace("%1", str(len(rows)))
        if len(rows) == self.LIMIT:
            text = self.tr("De eerste %1 cliënten; typ verder om te verfijnen.").replace("%1", str(self.LIMIT))
        self.count.setText(text)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _open(self) -> None:
        record = _selected(self.table, self.model)
        if record is not None:
            self.pages.open_client(record.id)

    def _intake(self) -> None:
        record = _selected(self.table, self.model)
        if record is not None:
            self.pages.start_intake_for(record.id)


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
        self.model = RowsModel([self.tr(h) for h in REFERRAL_HEADERS], _referral_cell(app.referrals.today()))
        self.table = _table(self.model, self.tr("Verwijzingen"), stretch=REFERRAL_STRETCH)
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
        self.filter.currentIndexChanged.connect(self.refresh)
        self.due_only.toggled.connect(self.refresh)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
        self.save_button.clicked.connect(self.save)
        self.history_button.clicked.connect(self._open_client)
        self.refresh()

    def refresh(self) -> None:
        chosen = str(self.filter.currentData())
        today = self.app.referrals.today()
        self.model.cell = _referral_cell(today)
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
        self._show_selected()

    def current(self) -> ReferralRecord | None:
        record: ReferralRecord | None = _selected(self.table, self.model)
        return record

    def select_referral(self, title: str) -> None:
        for number, record in enumerate(self.model.rows):
            if record.title == title:
                self.table.selectRow(number)
                return

    def _show_selected(self) -> None:
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
        self.selected.setText(f"{record.client_name} — {record.title}")
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

    def _open_client(self) -> None:
        record = self.current()
        if record is not None:
            self.pages.open_client(record.client_id)


class ClientDialog(QDialog):
    """One client: what is stored, and the timeline of intakes, wishes, referrals and letters."""

    def __init__(self, app: Leerwinkel, pages: IntakePages, client_id: ClientId, parent: QWidget | None = None):
        super().__init__(parent)
        self.app = app
        self.pages = pages
        self.client = app.clients.view(client_id, actor=app.auth.current)  # audited: a person opens the record
        c = self.client
        self.setWindowTitle(self.tr("Cliënt: %1").replace("%1", c.display_name))
        self.resize(760, 620)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(c.display_name))
        facts = [
            (self.tr("Geboortedatum"), format_day(c.birth_date)),
            (self.tr("Gemeente"), " ".join(p for p in (c.postcode, c.municipality) if p)),
            (self.tr("Telefoon"), c.phone),
            (self.tr("E-mail"), c.email),
            (self.tr("Niveau Nederlands"), DUTCH_LEVELS.label(c.dutch_level)),
            (self.tr("Doelgroepen"), ", ".join(TARGET_GROUPS.label(t) for t in c.target_groups)),
            (self.tr("Detentie"), self.tr("ja") if c.detained else self.tr("nee")),
            (self.tr("Notities"), c.notes),
        ]
        form = QFormLayout()
        for label, value in facts:
            form.addRow(plain_label(label), plain_label(value or "—", wrap=True))
        layout.addLayout(form)
        self.timeline = QListWidget()
        self.timeline.setWordWrap(True)
        layout.addWidget(buddy_label(self.tr("&Tijdlijn"), self.timeline, self.tr("Tijdlijn van de cliënt")))
        layout.addWidget(self.timeline, 1)
        self.fill_timeline()
        self.letters = LetterButtons(app)
        self.letters.set_referrals(app.referrals.list(client_id=client_id))
        self.letters.printed.connect(self.fill_timeline)
        layout.addWidget(self.letters)
        buttons = QDialogButtonBox()
        self.intake_button = buttons.addButton(self.tr("Nieuwe &intake"), QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(self.tr("&Sluiten"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        self.intake_button.clicked.connect(self._intake)
        layout.addWidget(buttons)
        QShortcut(QKeySequence.StandardKey.Print, self).activated.connect(self.letters.print_letter)

    def fill_timeline(self) -> None:
        """Intakes, wishes, referrals, status changes, consents and registered letters, newest first."""
        kinds = {
            "intake": self.tr("Intake"),
            "wish": self.tr("Leerwens"),
            "referral": self.tr("Verwijzing"),
            "status": self.tr("Status"),
            "letter": self.tr("Brief"),
            "consent": self.tr("Toestemming"),
        }
        self.timeline.clear()
        for entry in self.app.clients.timeline(self.client.id):
            when = entry.at.astimezone().strftime("%d/%m/%Y")
            title, detail = entry.title, entry.detail
            if entry.kind == "letter":
                title = self.tr(LETTER_KIND_LABELS.get(title, title))
                detail = self.tr(LETTER_ACTION_LABELS.get(detail, detail))
            text = f"{when}  {kinds.get(entry.kind, entry.kind)}: {title}".rstrip(": ")
            if detail:
                text += f"\n    {detail}"
            self.timeline.addItem(QListWidgetItem(text))

    def _intake(self) -> None:
        self.accept()
        self.pages.start_intake_for(self.client.id)


HELP_TEXT = (
    "Sneltoetsen\n"
    "Ctrl+N  nieuwe intake\n"
    "Ctrl+F  cliënt zoeken\n"
    "Ctrl+S  intake opslaan\n"
    "Ctrl+P  afdrukken\n"
    "Ctrl+1 … Ctrl+7  naar een pagina\n"
    "Alt + onderstreepte letter  naar dat veld\n"
    "F1  deze hulp\n\n"
    "Wat je typt, wordt als concept bewaard. Na een onverwachte stop biedt het programma aan om verder te werken."
)


class IntakePages(QObject):
    """Installs the intake pages in the main window, with shortcuts, change broadcast and close guard."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.app = window.app
        self.hub = ChangeHub(self)
        self.intake = IntakePage(self.app, self.hub)
        self.today = TodayPage(self.app, self)
        self.clients = ClientsPage(self.app, self)
        self.followup = FollowUpPage(self.app, self)
        window.replace_page("today", self.today)
        window.replace_page("clients", self.clients)
        window.replace_page("intake", self.intake)
        window.replace_page("followup", self.followup)
        self.intake.status_message.connect(self.status)
        self.hub.changed.connect(self._on_changed)
        window.navigation.currentRowChanged.connect(lambda _row: self._on_page_changed())
        for keys, slot in (
            (QKeySequence.StandardKey.New, self.new_intake),
            (QKeySequence.StandardKey.Find, self.find_client),
            (QKeySequence.StandardKey.Save, self.save),
            (QKeySequence.StandardKey.Print, self.print_current),
            (QKeySequence.StandardKey.HelpContents, self.show_help),
        ):
            shortcut = QShortcut(QKeySequence(keys), window)
            shortcut.activated.connect(slot)
        window.installEventFilter(self)
        QTimer.singleShot(0, self.intake.offer_restore)

    def status(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 10000)

    def broadcast(self, changes: Changes) -> None:
        self.hub.publish(changes)

    def _on_changed(self, changes: Changes) -> None:
        if changes.referrals or changes.intakes or changes.clients:
            self.today.refresh()
            self.followup.refresh()
        if changes.clients:
            self.clients.reload_municipalities()
            self.clients.refresh()

    def _on_page_changed(self) -> None:
        key = self.window.current_page_key()
        if key == "today":
            self.today.refresh()

    def new_intake(self) -> None:
        self.window.show_page("intake")
        if self.intake.is_dirty:
            answer = UnsavedChangesDialog.ask(self.window)
            if answer == UnsavedChangesDialog.CANCEL:
                return
            if answer == UnsavedChangesDialog.SAVE and not self.intake.save():
                return
        self.intake.discard()
        self.intake.lines["first_name"].setFocus()

    def find_client(self) -> None:
        self.window.show_page("clients")
        self.clients.focus_search()

    def save(self) -> None:
        key = self.window.current_page_key()
        if key == "intake":
            self.intake.save()
        elif key == "followup":
            self.followup.save()

    def print_current(self) -> None:
        """Ctrl+P: the referral letter for the referral chosen on the current page."""
        key = self.window.current_page_key()
        if key == "intake":
            self.intake.letters.print_letter()
        elif key == "followup":
            self.followup.letters.print_letter()
        elif key == "today":
            self.today.letters.print_letter()
        else:
            self.status(self.tr("Kies eerst een verwijzing op Vandaag of Opvolging, of open een cliënt."))

    def show_help(self) -> None:
        HelpDialog.show_help(self.window)

    def open_client(self, client_id: uuid.UUID) -> None:
        try:
            dialog = ClientDialog(self.app, self, ClientId(client_id), self.window)
        except LeerwinkelError as error:
            show_error(self.window, error)
            return
        dialog.open()

    def start_intake_for(self, client_id: uuid.UUID) -> None:
        if self.intake.is_dirty:
            answer = UnsavedChangesDialog.ask(self.window)
            if answer == UnsavedChangesDialog.CANCEL:
                return
            if answer == UnsavedChangesDialog.SAVE and not self.intake.save():
                return
        self.intake.discard()
        self.intake.start_for_client(self.app.clients.view(ClientId(client_id), actor=self.app.auth.current))
        self.window.show_page("intake")
        self.intake.lines["first_name"].setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.window and event.type() == QEvent.Type.Close and self.intake.is_dirty:
            answer = UnsavedChangesDialog.ask(self.window)
            if answer == UnsavedChangesDialog.CANCEL or (
                answer == UnsavedChangesDialog.SAVE and not self.intake.save()
            ):
                assert isinstance(event, QCloseEvent)
                event.ignore()
                return True
            if answer == UnsavedChangesDialog.DISCARD:
                self.intake.discard()
        return False


class HelpDialog:
    @classmethod
    def show_help(cls, parent: QWidget) -> None:
        box = QMessageBox(parent)
        box.setWindowTitle(parent.tr("Hulp"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(parent.tr(HELP_TEXT))
        box.open()


def install_intake_pages(window: MainWindow) -> IntakePages:
    """Put Vandaag, Cliënten, Nieuwe intake and Opvolging in the main window (one call)."""
    return IntakePages(window)
