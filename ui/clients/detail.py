"""The client detail: what is stored about one client, and the timeline."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from leerwinkel.app import Leerwinkel
from leerwinkel.ids import ClientId
from leerwinkel.taxonomy import DUTCH_LEVELS, TARGET_GROUPS
from ui.common.widgets import buddy_label, format_day, heading, plain_label
from ui.letters.buttons import LETTER_ACTION_LABELS, LETTER_KIND_LABELS, LetterButtons

if TYPE_CHECKING:
    from ui.workflow import IntakePages


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
