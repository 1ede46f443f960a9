"""Letters from the intake workflow: the referral letter and the client's handout for one referral.

``LetterButtons`` sits on the intake form, the Opvolging page and the client detail. It opens the
letter module's dialogs (``ReferralLetterDialog.show_for`` and ``show_handout``); what they print or
save is registered by the letter service with the signed-in counsellor and appears in the timeline.
Once a referral letter of a referral that is still "voorgesteld" was printed or saved, it offers to
set the referral's status to "verstuurd" (``MarkSentDialog``) and emits ``changed`` with the flags.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QMessageBox, QPushButton, QVBoxLayout, QWidget

from leerwinkel.app import Leerwinkel
from leerwinkel.changes import Changes
from leerwinkel.dates import format_date
from leerwinkel.errors import LeerwinkelError
from leerwinkel.ids import ReferralId
from leerwinkel.letters.model import LetterKind
from leerwinkel.referrals.service import ReferralRecord
from leerwinkel.taxonomy import REFERRAL_STATUSES
from ui.common.i18n import QT_TRANSLATE_NOOP
from ui.common.operations import WriteOp
from ui.common.widgets import buddy_label, plain_label, show_error
from ui.letters.options import ReferralLetterDialog, show_handout

#: What the timeline shows for a registered letter (kind and action codes of the letter service).
LETTER_KIND_LABELS = {
    LetterKind.REFERRAL.value: QT_TRANSLATE_NOOP("ui.letters.buttons", "Verwijsbrief"),
    LetterKind.HANDOUT.value: QT_TRANSLATE_NOOP("ui.letters.buttons", "Afsprakenblad"),
    LetterKind.CATALOGUE.value: QT_TRANSLATE_NOOP("ui.letters.buttons", "Aanbodblad"),
}
LETTER_ACTION_LABELS = {
    "printed": QT_TRANSLATE_NOOP("ui.letters.buttons", "afgedrukt"),
    "saved": QT_TRANSLATE_NOOP("ui.letters.buttons", "opgeslagen als PDF"),
}

#: A referral in this status has not gone out yet: printing its letter offers to mark it sent.
NOT_SENT, SENT = "voorgesteld", "verstuurd"


class MarkSentDialog:
    """Asks whether the referral whose letter was just printed or saved is now "verstuurd"."""

    @classmethod
    def ask(cls, parent: QWidget, title: str) -> bool:
        answer = QMessageBox.question(
            parent,
            QCoreApplication.translate("ui.letters.buttons", "Status van de verwijzing"),
            QCoreApplication.translate(
                "ui.letters.buttons",
                "De verwijsbrief voor “%1” is klaar. Zet je de verwijzing op “verstuurd” (vandaag)?",
            ).replace("%1", title),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        return answer == QMessageBox.StandardButton.Yes


class LetterButtons(QWidget):
    """Buttons for the referral letter (Ctrl+P) and the handout of one referral.

    With ``current`` the page says which referral is meant (its selection); without it, the widget
    shows its own list of referrals to choose from (fill it with :meth:`set_referrals`).
    ``printed`` is emitted after a dialog registered at least one letter; ``changed`` (with the
    ``Changes``) after the referral was set to "verstuurd" from here.
    """

    printed = Signal()
    changed = Signal(object)

    def __init__(
        self,
        app: Leerwinkel,
        *,
        current: Callable[[], uuid.UUID | None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.app = app
        self._current = current
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.referral: QComboBox | None = None
        if current is None:
            self.referral = QComboBox()
            # Room for the whole "02/12/2026  title (status)" text: the date was cut to "02/12/20" (found 8).
            self.referral.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            self.referral.setMinimumContentsLength(42)
            choose = QHBoxLayout()
            choose.addWidget(
                buddy_label(self.tr("Brief over verwij&zing"), self.referral, self.tr("Verwijzing voor de brief"))
            )
            choose.addWidget(self.referral, 1)
            outer.addLayout(choose)
            self.referral.currentIndexChanged.connect(lambda _i: self.update_enabled())
            # The picker gets its own line: beside the buttons it pushed the intake form wider than a 1200 px screen.
            outer.addLayout(row)
            row = QHBoxLayout()
        self.language = QComboBox()
        # Long labels ("… (vertaling nog niet nagekeken)") must not widen the row; the open list shows them whole.
        self.language.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.language.setMinimumContentsLength(18)
        for choice in app.letters.language_choices():  # labels from the core, e.g. "vertaling nog niet nagekeken"
            self.language.addItem(choice.label, choice.code)
        self.language.view().setMinimumWidth(self.language.view().sizeHintForColumn(0) + 24)
        self.letter_button = QPushButton(self.tr("Verwijsbrief afdr&ukken…"))
        self.letter_button.setToolTip(self.tr("Ctrl+P: de verwijsbrief voor de aanbieder"))
        self.handout_button = QPushButton(self.tr("Afsprakenblad afdrukken…"))
        self.handout_button.setToolTip(self.tr("Het afsprakenblad voor de cliënt, in de gekozen taal"))
        self.handout_button.setAccessibleName(self.tr("Afsprakenblad afdrukken"))
        self.letter_button.setAccessibleName(self.tr("Verwijsbrief afdrukken"))
        row.addWidget(self.letter_button)
        row.addWidget(
            buddy_label(self.tr("Taal van &het afsprakenblad"), self.language, self.tr("Taal van het afsprakenblad"))
        )
        row.addWidget(self.language)
        row.addWidget(self.handout_button)
        row.addStretch(1)
        outer.addLayout(row)
        self.message = plain_label(wrap=True)
        self.message.setVisible(False)
        outer.addWidget(self.message)
        self.letter_button.clicked.connect(self.print_letter)
        self.handout_button.clicked.connect(self.print_handout)
        self.update_enabled()

    def set_referrals(self, records: Sequence[ReferralRecord], *, select: uuid.UUID | None = None) -> None:
        """The referrals to choose from, newest first; ``select`` (else the newest) is chosen."""
        assert self.referral is not None, "only without a page selection"
        self.referral.blockSignals(True)
        self.referral.clear()
        ordered = sorted(records, key=lambda r: (r.referred_on, str(r.id)), reverse=True)
        for record in ordered:
            text = f"{format_date(record.referred_on)}  {record.title} ({REFERRAL_STATUSES.label(record.status)})"
            self.referral.addItem(text, record.id)
            self.referral.setItemData(self.referral.count() - 1, text, Qt.ItemDataRole.ToolTipRole)
        if select is not None and self.referral.findData(select) >= 0:
            self.referral.setCurrentIndex(self.referral.findData(select))
        self.referral.blockSignals(False)
        self.update_enabled()

    def referral_id(self) -> uuid.UUID | None:
        if self._current is not None:
            return self._current()
        data = self.referral.currentData() if self.referral is not None else None
        return data if isinstance(data, uuid.UUID) else None

    def update_enabled(self) -> None:
        chosen = self.referral_id() is not None
        for widget in (self.letter_button, self.handout_button, self.language):
            widget.setEnabled(chosen)
        if chosen:
            self.message.setVisible(False)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(True)

    def print_letter(self) -> bool:
        """Open the referral letter dialog for the chosen referral (then its preview); True if registered."""
        referral_id = self.referral_id()
        if referral_id is None:
            self._say(self.tr("Kies eerst een verwijzing; maak er een met “Verwijzen naar het gekozen aanbod”."))
            return False
        try:
            result = ReferralLetterDialog.show_for(self, self.app, referral_id)
        except LeerwinkelError as error:
            show_error(self, error)
            return False
        registered = self._done(bool(result and result.records))
        if registered:
            self._offer_sent(ReferralId(referral_id))
        return registered

    def _offer_sent(self, referral_id: ReferralId) -> None:
        """A letter for a referral that is still "voorgesteld" went out: offer to mark it "verstuurd"."""
        record = self.app.referrals.get(referral_id)
        if record.status != NOT_SENT or not MarkSentDialog.ask(self, record.title):
            return
        referrals, actor = self.app.referrals, self.app.auth.current

        def write(_progress: object) -> Changes:
            return referrals.set_status(record, SENT, actor=actor).changes

        WriteOp(parent=self, op=write, success=self._on_marked_sent).run_in_background()

    def _on_marked_sent(self, changes: Changes) -> None:
        self._say(self.tr("De verwijzing staat op “verstuurd”."))
        self.changed.emit(changes)

    def print_handout(self) -> bool:
        """Preview the client's handout for the chosen referral in the chosen language; True if registered."""
        referral_id = self.referral_id()
        if referral_id is None:
            self._say(self.tr("Kies eerst een verwijzing; maak er een met “Verwijzen naar het gekozen aanbod”."))
            return False
        try:
            result = show_handout(self, self.app, referral_id, str(self.language.currentData() or "nl"))
        except LeerwinkelError as error:
            show_error(self, error)
            return False
        return self._done(bool(result.records))

    def _done(self, registered: bool) -> bool:
        if registered:
            self.printed.emit()
        return registered
