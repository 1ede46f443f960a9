"""The provider's reply slip in Opvolging: type the reference, fill in what came back, register it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QGridLayout, QGroupBox, QLineEdit, QPushButton, QWidget

from leerwinkel.app import Leerwinkel
from leerwinkel.dates import parse_date
from leerwinkel.errors import LeerwinkelError
from leerwinkel.messages import describe
from leerwinkel.referrals.replies import Reply
from leerwinkel.referrals.service import ReferralResult
from ui.common.widgets import buddy_label, plain_label


class ReplyBox(QGroupBox):
    """One step: the reference finds the referral, and the answer becomes its status (and start date)."""

    def __init__(self, app: Leerwinkel, done: Callable[[ReferralResult], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Antwoordstrook van de aanbieder"))
        self.app = app
        self.done = done
        grid = QGridLayout(self)  # two compact rows: the table above keeps its height
        self.reference = QLineEdit()
        self.reference.setPlaceholderText("LW-1A2B3C4D")
        self.reference.setMaximumWidth(180)
        self.enrolled_on = QLineEdit()
        self.enrolled_on.setPlaceholderText(self.tr("dd/mm/jjjj"))
        self.enrolled_on.setMaximumWidth(130)
        self.starts_on = QLineEdit()
        self.starts_on.setPlaceholderText(self.tr("dd/mm/jjjj"))
        self.starts_on.setMaximumWidth(130)
        grid.addWidget(
            buddy_label(self.tr("R&eferentie"), self.reference, self.tr("Referentie op de antwoordstrook")), 0, 0
        )
        grid.addWidget(self.reference, 0, 1)
        grid.addWidget(buddy_label(self.tr("&Ingeschreven op"), self.enrolled_on, self.tr("Ingeschreven op")), 0, 2)
        grid.addWidget(self.enrolled_on, 0, 3)
        grid.addWidget(buddy_label(self.tr("Start o&p"), self.starts_on, self.tr("Start op")), 0, 4)
        grid.addWidget(self.starts_on, 0, 5)
        self.refused = QLineEdit()
        grid.addWidget(
            buddy_label(self.tr("Niet toegelaten, o&mdat"), self.refused, self.tr("Niet toegelaten, omdat")), 1, 0
        )
        grid.addWidget(self.refused, 1, 1, 1, 5)
        self.record_button = QPushButton(self.tr("Antwoord re&gistreren"))
        self.record_button.setAccessibleName(self.tr("Antwoord van de aanbieder registreren"))
        grid.addWidget(self.record_button, 1, 6)
        grid.setColumnStretch(5, 1)
        self.error = plain_label(wrap=True)
        self.error.setStyleSheet("color: #b00020;")
        grid.addWidget(self.error, 2, 0, 1, 7)
        self.record_button.clicked.connect(self.record)
        self.reference.returnPressed.connect(self.record)

    def _date(self, field: QLineEdit, label: str) -> tuple[bool, dt.date | None]:
        """(True, the date or None when empty), or (False, None) after showing why it is no date."""
        text = field.text().strip()
        if not text:
            return True, None
        try:
            return True, parse_date(text)
        except ValueError:
            message = self.tr("%1: “%2” is geen geldige datum (dd/mm/jjjj)")
            self.error.setText(message.replace("%1", label).replace("%2", text))
            field.setFocus()
            return False, None

    def record(self) -> bool:
        """Register the reply; on success clear the fields and hand the result to ``done``."""
        self.error.clear()
        ok_enrolled, enrolled = self._date(self.enrolled_on, self.tr("Ingeschreven op"))
        ok_starts, starts = (ok_enrolled and self._date(self.starts_on, self.tr("Start op"))) or (False, None)
        if not (ok_enrolled and ok_starts):
            return False
        reply = Reply(enrolled_on=enrolled, starts_on=starts, refused_reason=self.refused.text())
        try:
            result = self.app.replies.record(self.reference.text(), reply, actor=self.app.auth.current)
        except LeerwinkelError as error:  # an unknown reference or an empty answer: said here, inline
            self.error.setText(describe(error))
            self.reference.setFocus()
            return False
        for field in (self.reference, self.enrolled_on, self.starts_on, self.refused):
            field.clear()
        self.done(result)
        return True
