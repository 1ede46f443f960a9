"""The client detail: what is stored about one client (editable), consent and its history, the timeline."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from leerwinkel.app import Leerwinkel
from leerwinkel.changes import Changes
from leerwinkel.contacts.service import ContactResult
from leerwinkel.dates import format_date
from leerwinkel.ids import ClientId
from leerwinkel.intake.types import ClientRecord, TimelineEntry
from leerwinkel.taxonomy import DUTCH_LEVELS, TARGET_GROUPS
from ui.clients.contact import ContactDialog, HandOverDialog
from ui.clients.edit import ClientEditDialog
from ui.common.i18n import QT_TRANSLATE_NOOP
from ui.common.widgets import buddy_label, heading, plain_label
from ui.letters.buttons import LETTER_ACTION_LABELS, LETTER_KIND_LABELS, LetterButtons

if TYPE_CHECKING:
    from ui.common.navigator import Navigator

TIMELINE_KINDS = {
    "intake": QT_TRANSLATE_NOOP("ui.clients.detail", "Intake"),
    "wish": QT_TRANSLATE_NOOP("ui.clients.detail", "Leerwens"),
    "referral": QT_TRANSLATE_NOOP("ui.clients.detail", "Verwijzing"),
    "status": QT_TRANSLATE_NOOP("ui.clients.detail", "Status"),
    "letter": QT_TRANSLATE_NOOP("ui.clients.detail", "Brief"),
    "consent": QT_TRANSLATE_NOOP("ui.clients.detail", "Toestemming"),
    "contact": QT_TRANSLATE_NOOP("ui.clients.detail", "Contact"),
}


def _yes_no(value: bool) -> str:
    if value:
        return QCoreApplication.translate("ui.clients.detail", "ja")
    return QCoreApplication.translate("ui.clients.detail", "nee")


class ClientDialog(QDialog):
    """One client: the stored data, consent and its history, the timeline, and what to do next.

    "Gegevens wijzigen…" edits the person's data and consent, "Contact toevoegen…" logs a contact,
    "Overdragen…" hands the client to a colleague; each saves in the background, then the dialog
    and the pages refresh (``pages.broadcast``).
    """

    def __init__(self, app: Leerwinkel, pages: Navigator, client_id: ClientId, parent: QWidget | None = None):
        super().__init__(parent)
        self.app = app
        self.language_labels = {choice.code: choice.label for choice in app.letters.language_choices()}
        self.pages = pages
        self.client = app.clients.view(client_id, actor=app.auth.current)  # audited: a person opens the record
        self.resize(1040, 640)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.title = heading("")
        self.followed = plain_label()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.followed)
        layout.addLayout(top)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        facts_panel = QWidget()
        facts_layout = QVBoxLayout(facts_panel)
        facts_layout.setContentsMargins(0, 0, 0, 0)
        self.facts = QFormLayout()
        self.facts.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        facts_layout.addLayout(self.facts)
        consent_box = QGroupBox(self.tr("Toestemming"))
        consent_layout = QVBoxLayout(consent_box)
        self.consent_now = plain_label(wrap=True)
        self.consent_history = QListWidget()
        self.consent_history.setAccessibleName(self.tr("Geschiedenis van de toestemming"))
        self.consent_history.setMaximumHeight(110)
        self.consent_history.setWordWrap(True)
        consent_layout.addWidget(self.consent_now)
        consent_layout.addWidget(plain_label(self.tr("Geschiedenis")))
        consent_layout.addWidget(self.consent_history)
        facts_layout.addWidget(consent_box)
        facts_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(facts_panel)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        splitter.addWidget(scroll)

        timeline_panel = QWidget()
        timeline_layout = QVBoxLayout(timeline_panel)
        timeline_layout.setContentsMargins(0, 0, 0, 0)
        self.timeline = QListWidget()
        self.timeline.setWordWrap(True)
        self.timeline.setAlternatingRowColors(True)
        timeline_layout.addWidget(buddy_label(self.tr("&Tijdlijn"), self.timeline, self.tr("Tijdlijn van de cliënt")))
        timeline_layout.addWidget(self.timeline, 1)
        splitter.addWidget(timeline_panel)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([420, 600])
        layout.addWidget(splitter, 1)

        self.letters = LetterButtons(app)
        self.letters.printed.connect(self.fill_timeline)
        self.letters.changed.connect(self._on_changed)
        layout.addWidget(self.letters)
        buttons = QDialogButtonBox()
        role = QDialogButtonBox.ButtonRole.ActionRole
        self.edit_button = buttons.addButton(self.tr("Gegevens &wijzigen…"), role)
        self.contact_button = buttons.addButton(self.tr("&Contact toevoegen…"), role)
        self.hand_over_button = buttons.addButton(self.tr("&Overdragen…"), role)
        self.intake_button = buttons.addButton(self.tr("Nieuwe &intake"), role)
        close = buttons.addButton(self.tr("&Sluiten"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        self.edit_button.clicked.connect(self.edit)
        self.contact_button.clicked.connect(self.add_contact)
        self.hand_over_button.clicked.connect(self.hand_over)
        self.intake_button.clicked.connect(self._intake)
        layout.addWidget(buttons)
        QShortcut(QKeySequence.StandardKey.Print, self).activated.connect(self.letters.print_letter)
        self.show_client(self.client)

    # -- showing ---------------------------------------------------------------------------------

    def show_client(self, client: ClientRecord) -> None:
        """Show ``client`` (a fresh record) with its timeline, consent history and referrals."""
        self.client = client
        self.setWindowTitle(self.tr("Cliënt: %1").replace("%1", client.display_name))
        self.title.setText(client.display_name)
        followed = self.app.contacts.followed_by(client.id, actor=self.app.auth.current)
        who = followed.counsellor.name if followed.counsellor else self.tr("nog niemand")
        self.followed.setText(self.tr("Gevolgd door: %1").replace("%1", who))
        self.followed_by = followed
        while self.facts.rowCount():
            self.facts.removeRow(0)
        for label, value in self._facts(client):
            self.facts.addRow(plain_label(label), plain_label(value or "—", wrap=True))
        consent = client.consent
        if consent is None:
            self.consent_now.setText(self.tr("Nog geen toestemming geregistreerd."))
        else:
            self.consent_now.setText(
                self.tr("Gegevens bewaren: %1 · delen met de aanbieder: %2 · later contact: %3\nSinds %4, door %5")
                .replace("%1", _yes_no(consent.store_data))
                .replace("%2", _yes_no(consent.share_with_provider))
                .replace("%3", _yes_no(consent.contact_follow_up))
                .replace("%4", format_date(consent.given_on))
                .replace("%5", consent.recorded_by_name or "—")
            )
        self.letters.set_referrals(self.app.referrals.list(client_id=client.id), select=self.letters.referral_id())
        self.fill_timeline()

    def _facts(self, c: ClientRecord) -> list[tuple[str, str]]:
        birth = format_date(c.birth_date) if c.birth_date else (str(c.birth_year) if c.birth_year else "")
        town = " ".join(p for p in (c.postcode, c.municipality) if p)
        detention = self.tr("nee")
        if c.detained:
            sites = {s.code: s.name for s in self.app.clients.sites()}
            detention = self.tr("ja") + (
                f", {sites.get(c.prison_site_code, c.prison_site_code)}" if c.prison_site_code else ""
            )
            if c.expected_release_date:
                detention += self.tr(" (vrijlating verwacht op %1)").replace("%1", format_date(c.expected_release_date))
        return [
            (self.tr("Geboortedatum"), birth),
            (self.tr("Adres"), "\n".join(p for p in (c.street, town) if p)),
            (self.tr("Telefoon"), c.phone),
            (self.tr("E-mail"), c.email),
            (self.tr("Talen"), c.languages),
            (self.tr("Niveau Nederlands"), DUTCH_LEVELS.label(c.dutch_level)),
            (self.tr("Doelgroepen"), ", ".join(TARGET_GROUPS.label(t) for t in c.target_groups)),
            (self.tr("Detentie"), detention),
            (self.tr("Notities"), c.notes),
        ]

    def fill_timeline(self) -> None:
        """Everything that happened, newest first, with the provider, the letter's language and who acted."""
        self.timeline.clear()
        self.consent_history.clear()
        for entry in self.app.clients.timeline(self.client.id):
            text = self.timeline_text(entry)
            self.timeline.addItem(QListWidgetItem(text))
            if entry.kind == "consent":
                self.consent_history.addItem(QListWidgetItem(f"{format_date(entry.at)}: {entry.title}"))

    def timeline_text(self, entry: TimelineEntry) -> str:
        when = format_date(entry.at)
        title, detail = entry.title, entry.detail
        if entry.kind == "letter":
            title = (
                QCoreApplication.translate("ui.letters.buttons", LETTER_KIND_LABELS.get(title, title))
                + " "
                + QCoreApplication.translate("ui.letters.buttons", LETTER_ACTION_LABELS.get(detail, detail))
            )
            detail = ""
            if entry.language:
                title += f" ({self.language_labels.get(entry.language, entry.language)})"
        kind = QCoreApplication.translate("ui.clients.detail", TIMELINE_KINDS.get(entry.kind, entry.kind))
        text = f"{when}  {kind}: {title}".rstrip(": ")
        if entry.provider:
            text += f" — {entry.provider}"
        if entry.actor:
            text += self.tr(" · door %1").replace("%1", entry.actor)
        if detail:
            text += f"\n    {detail}"
        return text

    # -- actions ---------------------------------------------------------------------------------

    def edit(self) -> ClientEditDialog:
        dialog = ClientEditDialog(self.app, self.client, self)
        dialog.saved.connect(lambda record, changes: self._on_saved(record, changes))
        dialog.open()
        return dialog

    def add_contact(self) -> ContactDialog:
        dialog = ContactDialog(self.app, self.client.id, self.client.display_name, self)
        dialog.saved.connect(lambda result: self._on_contact(result))
        dialog.open()
        return dialog

    def hand_over(self) -> HandOverDialog:
        dialog = HandOverDialog(
            self.app, self.client.id, self.client.display_name, current=self.followed_by.counsellor, parent=self
        )
        dialog.saved.connect(self._on_changed)
        dialog.open()
        return dialog

    def _on_saved(self, record: ClientRecord, changes: Changes) -> None:
        self.show_client(record)
        self.pages.broadcast(changes)
        self.pages.status(self.tr("Gegevens van %1 bewaard.").replace("%1", record.display_name))

    def _on_contact(self, result: ContactResult) -> None:
        self._on_changed(result.changes)
        self.pages.status(self.tr("Contact bewaard."))

    def _on_changed(self, changes: Changes) -> None:
        self.show_client(self.app.clients.get(self.client.id))
        self.pages.broadcast(changes)

    def _intake(self) -> None:
        self.accept()
        self.pages.start_intake_for(self.client.id)
