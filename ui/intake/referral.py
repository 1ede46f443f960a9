"""The intake form's referral section: the client's referrals, the letter and the handout."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from PySide6.QtWidgets import QGroupBox, QListWidget, QVBoxLayout, QWidget

from leerwinkel.app import Leerwinkel
from leerwinkel.dates import format_date
from leerwinkel.referrals.service import ReferralRecord
from leerwinkel.taxonomy import REFERRAL_STATUSES
from ui.common.widgets import plain_label
from ui.letters.buttons import LetterButtons


class ReferralSection(QGroupBox):
    """Open referrals of this client (earlier ones too), and the buttons for the letter and the handout."""

    def __init__(self, app: Leerwinkel, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Verwijzing"), parent)
        layout = QVBoxLayout(self)
        self.empty = plain_label(self.tr("Nog geen verwijzing voor deze cliënt."), wrap=True)
        layout.addWidget(self.empty)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Open verwijzingen van de cliënt"))
        self.list.setMaximumHeight(100)
        layout.addWidget(self.list)
        self.letters = LetterButtons(app)
        layout.addWidget(self.letters)
        self.show_referrals(())

    def show_referrals(self, records: Sequence[ReferralRecord], *, select: uuid.UUID | None = None) -> None:
        """The client's open referrals (oldest first); the letter buttons choose ``select`` or the newest."""
        self.list.clear()
        for record in records:
            parts = [record.title, record.provider_name, REFERRAL_STATUSES.label(record.status)]
            parts.append(self.tr("sinds %1").replace("%1", format_date(record.referred_on)))
            self.list.addItem(" · ".join(p for p in parts if p))
        self.list.setVisible(bool(records))
        self.empty.setVisible(not records)
        self.letters.set_referrals(records, select=select)
