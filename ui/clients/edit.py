"""Change a client's own data from the client detail: person, address, languages, consent."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from leerwinkel.app import Leerwinkel
from leerwinkel.changes import Changes
from leerwinkel.dates import format_date
from leerwinkel.errors import ConflictError, InvalidInputError
from leerwinkel.intake.types import ClientRecord, ConsentInput
from leerwinkel.messages import describe
from leerwinkel.taxonomy import DUTCH_LEVELS
from ui.common.i18n import QT_TRANSLATE_NOOP
from ui.common.operations import WriteOp
from ui.common.widgets import buddy_label, error_label, show_error

#: The person's fields this dialog edits: (field, label with mnemonic, accessible name).
PERSON_FIELDS = (
    ("first_name", QT_TRANSLATE_NOOP("ui.clients.edit", "&Voornaam"), QT_TRANSLATE_NOOP("ui.clients.edit", "Voornaam")),
    ("alias", QT_TRANSLATE_NOOP("ui.clients.edit", "&Roepnaam"), QT_TRANSLATE_NOOP("ui.clients.edit", "Roepnaam")),
    (
        "last_name",
        QT_TRANSLATE_NOOP("ui.clients.edit", "&Familienaam"),
        QT_TRANSLATE_NOOP("ui.clients.edit", "Familienaam"),
    ),
    (
        "birth_date",
        QT_TRANSLATE_NOOP("ui.clients.edit", "&Geboortedatum"),
        QT_TRANSLATE_NOOP("ui.clients.edit", "Geboortedatum (dd/mm/jjjj)"),
    ),
    ("phone", QT_TRANSLATE_NOOP("ui.clients.edit", "&Telefoon"), QT_TRANSLATE_NOOP("ui.clients.edit", "Telefoon")),
    ("email", QT_TRANSLATE_NOOP("ui.clients.edit", "&E-mail"), QT_TRANSLATE_NOOP("ui.clients.edit", "E-mailadres")),
    (
        "street",
        QT_TRANSLATE_NOOP("ui.clients.edit", "Straat en n&ummer"),
        QT_TRANSLATE_NOOP("ui.clients.edit", "Straat en nummer"),
    ),
    ("postcode", QT_TRANSLATE_NOOP("ui.clients.edit", "&Postcode"), QT_TRANSLATE_NOOP("ui.clients.edit", "Postcode")),
    (
        "municipality",
        QT_TRANSLATE_NOOP("ui.clients.edit", "Ge&meente"),
        QT_TRANSLATE_NOOP("ui.clients.edit", "Gemeente"),
    ),
    (
        "languages",
        QT_TRANSLATE_NOOP("ui.clients.edit", "T&alen"),
        QT_TRANSLATE_NOOP("ui.clients.edit", "Talen die de cliënt spreekt"),
    ),
)


class ClientEditDialog(QDialog):
    """The person's data and consent of one client; saves in the background and emits ``saved``.

    What the dialog does not show (target groups, detention, thresholds, ...) is kept as stored.
    """

    saved = Signal(object, object)  # the fresh ClientRecord and the Changes

    def __init__(self, app: Leerwinkel, client: ClientRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.client = client
        self.setWindowTitle(self.tr("Gegevens wijzigen: %1").replace("%1", client.display_name))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.lines: dict[str, QLineEdit] = {}
        values = client.to_input()
        for name, label, accessible in PERSON_FIELDS:
            line = QLineEdit(str(getattr(values, name)))
            self.lines[name] = line
            form.addRow(
                buddy_label(
                    QCoreApplication.translate("ui.clients.edit", label),
                    line,
                    QCoreApplication.translate("ui.clients.edit", accessible),
                ),
                line,
            )
        self.lines["birth_date"].setPlaceholderText(self.tr("dd/mm/jjjj"))
        self.dutch_level = QComboBox()
        for term in DUTCH_LEVELS:
            self.dutch_level.addItem(term.label(), term.code)
        self.dutch_level.setCurrentIndex(max(self.dutch_level.findData(client.dutch_level), 0))
        form.addRow(
            buddy_label(self.tr("&Niveau Nederlands"), self.dutch_level, self.tr("Niveau Nederlands")),
            self.dutch_level,
        )
        self.notes = QPlainTextEdit(client.notes)
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(80)
        form.addRow(buddy_label(self.tr("N&otities"), self.notes, self.tr("Notities")), self.notes)
        layout.addLayout(form)
        layout.addWidget(self._consent_box(client))
        self.error = error_label()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(self.tr("Op&slaan"), QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(self.tr("Annu&leren"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.save)
        cancel.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.save_button.setDefault(True)  # only once the box sits in the dialog: before, Qt ignores it
        self.resize(560, self.sizeHint().height())

    def _consent_box(self, client: ClientRecord) -> QGroupBox:
        box = QGroupBox(self.tr("Toestemming"))
        form = QVBoxLayout(box)
        consent = client.consent
        self.consent_store = QCheckBox(self.tr("Gegevens &bewaren"))
        self.consent_share = QCheckBox(self.tr("Gegevens &delen met de aanbieder"))
        self.consent_contact = QCheckBox(self.tr("Later &contact opnemen"))
        for box_widget, value in (
            (self.consent_store, consent.store_data if consent else False),
            (self.consent_share, consent.share_with_provider if consent else False),
            (self.consent_contact, consent.contact_follow_up if consent else False),
        ):
            box_widget.setChecked(value)
            form.addWidget(box_widget)
        row = QHBoxLayout()
        self.consent_date = QLineEdit(format_date(self.app.clients.today()))
        self.consent_date.setPlaceholderText(self.tr("dd/mm/jjjj"))
        self.consent_date.setMaximumWidth(130)
        row.addWidget(
            buddy_label(
                self.tr("Toestemming gegeven op (bij een &wijziging)"),
                self.consent_date,
                self.tr("Datum van de toestemming (dd/mm/jjjj)"),
            )
        )
        row.addWidget(self.consent_date)
        row.addStretch(1)
        form.addLayout(row)
        return box

    def consent_input(self) -> ConsentInput:
        return ConsentInput(
            store_data=self.consent_store.isChecked(),
            share_with_provider=self.consent_share.isChecked(),
            contact_follow_up=self.consent_contact.isChecked(),
            given_on=self.consent_date.text().strip(),
        )

    def save(self) -> None:
        """Save in the background; a problem stays in the dialog with what was typed."""
        typed: dict[str, object] = {name: line.text() for name, line in self.lines.items()}
        typed |= {"dutch_level": str(self.dutch_level.currentData()), "notes": self.notes.toPlainText()}
        person = dataclasses.replace(self.client.to_input(), **typed)  # type: ignore[arg-type]  # text fields only
        consent = self.consent_input()
        clients, actor, base = self.app.clients, self.app.auth.current, self.client
        self.save_button.setEnabled(False)
        self.error.setVisible(False)

        def write(_progress: object) -> tuple[ClientRecord, Changes]:
            return clients.update_client(base, person, consent=consent, actor=actor)

        WriteOp(parent=self, op=write, success=self._on_saved).failure(self._on_failed).run_in_background()

    def _on_saved(self, result: tuple[ClientRecord, Changes]) -> None:
        record, changes = result
        self.saved.emit(record, changes)
        self.accept()

    def _on_failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(error, InvalidInputError):
            self.error.setText(describe(error))
            self.error.setVisible(True)
            return
        show_error(self, error)
        if isinstance(error, ConflictError):  # changed elsewhere: keep the dialog, with a note to reload
            self.error.setText(self.tr("Sluit dit venster en open de cliënt opnieuw om de nieuwe gegevens te zien."))
            self.error.setVisible(True)
