"""Small dialogs of the client detail: log a contact, hand the client to a colleague."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from leerwinkel.app import Leerwinkel
from leerwinkel.changes import Changes
from leerwinkel.contacts.service import NOTE_LIMIT, ContactResult, CounsellorChoice
from leerwinkel.dates import format_date, parse_date
from leerwinkel.errors import InvalidInputError
from leerwinkel.ids import ClientId
from leerwinkel.messages import describe
from leerwinkel.taxonomy import CONTACT_KINDS
from ui.common.operations import WriteOp
from ui.common.widgets import buddy_label, error_label, plain_label, show_error


class ContactDialog(QDialog):
    """Log one contact with the client: day (today unless changed), kind, short note. Emits ``saved``."""

    saved = Signal(object)  # ContactResult

    def __init__(self, app: Leerwinkel, client_id: ClientId, client_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.client_id = client_id
        self.setWindowTitle(self.tr("Contact toevoegen: %1").replace("%1", client_name))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.day = QLineEdit(format_date(app.contacts.today()))
        self.day.setPlaceholderText(self.tr("dd/mm/jjjj"))
        self.kind = QComboBox()
        for term in CONTACT_KINDS:
            self.kind.addItem(term.label(), term.code)
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(self.tr("Kort: wat werd besproken of afgesproken"))
        form.addRow(buddy_label(self.tr("&Datum"), self.day, self.tr("Datum van het contact (dd/mm/jjjj)")), self.day)
        form.addRow(buddy_label(self.tr("&Soort"), self.kind, self.tr("Soort contact")), self.kind)
        form.addRow(buddy_label(self.tr("&Notitie"), self.note, self.tr("Notitie bij het contact")), self.note)
        me = app.auth.current
        form.addRow(plain_label(self.tr("Trajectbegeleider")), plain_label(me.display_name if me else ""))
        layout.addLayout(form)
        self.error = error_label()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(self.tr("Op&slaan"), QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(self.tr("Annu&leren"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.save)
        cancel.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.save_button.setDefault(True)  # only once the box sits in the dialog: before, Qt ignores it
        self.resize(460, 320)

    def _fail(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(True)
        self.save_button.setEnabled(True)

    def save(self) -> None:
        text = self.day.text().strip()
        try:
            day = parse_date(text) if text else None
        except ValueError:
            self._fail(self.tr("Datum: “%1” is geen geldige datum (dd/mm/jjjj)").replace("%1", text))
            self.day.setFocus()
            return
        note = self.note.toPlainText()
        if len(note) > NOTE_LIMIT:
            self._fail(self.tr("De notitie is te lang (maximaal %1 tekens).").replace("%1", str(NOTE_LIMIT)))
            return
        contacts, actor, client_id, kind = self.app.contacts, self.app.auth.current, self.client_id, self.kind
        chosen = str(kind.currentData())
        self.save_button.setEnabled(False)

        def write(_progress: object) -> ContactResult:
            return contacts.add(client_id, kind=chosen, happened_on=day, note=note, actor=actor)

        WriteOp(parent=self, op=write, success=self._on_saved).failure(self._on_failed).run_in_background()

    def _on_saved(self, result: ContactResult) -> None:
        self.saved.emit(result)
        self.accept()

    def _on_failed(self, error: BaseException) -> None:
        if isinstance(error, InvalidInputError):
            self._fail(describe(error))
            return
        self.save_button.setEnabled(True)
        show_error(self, error)


class HandOverDialog(QDialog):
    """Choose the colleague who follows the client up from now on. Emits ``saved`` with the Changes."""

    saved = Signal(object)  # Changes

    def __init__(
        self,
        app: Leerwinkel,
        client_id: ClientId,
        client_name: str,
        *,
        current: CounsellorChoice | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.app = app
        self.client_id = client_id
        self.setWindowTitle(self.tr("Cliënt overdragen: %1").replace("%1", client_name))
        layout = QVBoxLayout(self)
        now = current.name if current else self.tr("niemand")
        layout.addWidget(plain_label(self.tr("Nu gevolgd door: %1").replace("%1", now), wrap=True))
        self.colleague = QComboBox()
        for choice in app.contacts.counsellors(actor=app.auth.current):
            if current is None or choice.id != current.id:
                self.colleague.addItem(choice.name, choice.id)
        form = QFormLayout()
        form.addRow(
            buddy_label(self.tr("&Collega"), self.colleague, self.tr("Collega die de cliënt opvolgt")), self.colleague
        )
        layout.addLayout(form)
        self.error = error_label()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(self.tr("&Overdragen"), QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(self.tr("Annu&leren"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.setEnabled(self.colleague.count() > 0)
        if not self.colleague.count():
            self.error.setText(self.tr("Er is geen andere actieve collega."))
            self.error.setVisible(True)
        self.save_button.clicked.connect(self.save)
        cancel.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def save(self) -> None:
        contacts, actor, client_id = self.app.contacts, self.app.auth.current, self.client_id
        to = self.colleague.currentData()
        self.save_button.setEnabled(False)

        def write(_progress: object) -> Changes:
            return contacts.hand_over(client_id, to, actor=actor)

        WriteOp(parent=self, op=write, success=self._on_saved).failure(self._on_failed).run_in_background()

    def _on_saved(self, changes: Changes) -> None:
        self.saved.emit(changes)
        self.accept()

    def _on_failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        show_error(self, error)
