"""Choose what goes into a referral letter (background, thresholds, vulnerabilities, detention), then preview.

Entry points for the intake pages: ``ReferralLetterDialog.show_for(parent, app, referral_id)`` and
``show_handout(parent, app, referral_id, language)``.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from leerwinkel.app import Leerwinkel
from leerwinkel.errors import LeerwinkelError
from leerwinkel.letters.model import ReferralLetterOptions
from leerwinkel.messages import describe
from ui.letters.preview import LetterPreviewDialog, PreviewResult


class ReferralLetterDialog(QDialog):
    """Ticks for the personal parts of one referral letter; nothing personal is ticked by default.

    Without the client's consent to share with the provider, the personal parts are disabled and
    the dialog says why; the letter is then anonymous.
    """

    def __init__(self, app: Leerwinkel, referral_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.referral_id = referral_id
        self.result_of_preview: PreviewResult | None = None
        info = app.letters.referral_info(referral_id)
        shared = info.client.share_with_provider
        self.setWindowTitle(self.tr("Verwijsbrief maken"))

        self.consent = QLabel(
            self.tr("De cliënt gaf toestemming om gegevens met de aanbieder te delen.")
            if shared
            else self.tr(
                "De cliënt gaf geen toestemming om gegevens met de aanbieder te delen: "
                "de brief vermeldt geen naam of contactgegevens, alleen een referentie."
            )
        )
        self.consent.setTextFormat(Qt.TextFormat.PlainText)
        self.consent.setWordWrap(True)
        self.contact = QCheckBox(self.tr("&Contactgegevens van de cliënt"))
        self.contact.setChecked(shared)
        self.thresholds = QCheckBox(self.tr("&Drempels"))
        self.vulnerabilities = QCheckBox(self.tr("&Kwetsbaarheden"))
        self.detention = QCheckBox(self.tr("D&etentie"))
        self.background = QPlainTextEdit()
        self.background.setAccessibleName(self.tr("Achtergrond voor de aanbieder"))
        self.background.setTabChangesFocus(True)
        background_label = QLabel(self.tr("&Achtergrond voor de aanbieder:"))
        background_label.setBuddy(self.background)
        self.request = QPlainTextEdit()
        self.request.setAccessibleName(self.tr("Eigen vraag aan de aanbieder"))
        self.request.setTabChangesFocus(True)
        self.request.setPlaceholderText(self.tr("Leeg laten voor de standaardvraag"))
        request_label = QLabel(self.tr("Eigen &vraag aan de aanbieder:"))
        request_label.setBuddy(self.request)
        for box in (self.contact, self.thresholds, self.vulnerabilities, self.detention):
            box.setAccessibleName(box.text().replace("&", ""))
            box.setEnabled(shared)
        self.background.setEnabled(shared)
        background_label.setEnabled(shared)
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.preview_button = buttons.addButton(self.tr("&Voorbeeld…"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self._on_preview)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.consent)
        for box in (self.contact, self.thresholds, self.vulnerabilities, self.detention):
            layout.addWidget(box)
        layout.addWidget(background_label)
        layout.addWidget(self.background)
        layout.addWidget(request_label)
        layout.addWidget(self.request)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.preview_button.setDefault(True)  # only once the box sits in the dialog: before, Qt ignores it

    @classmethod
    def show_for(cls, parent: QWidget | None, app: Leerwinkel, referral_id: uuid.UUID) -> PreviewResult | None:
        """Ask for the letter's contents, then preview it; None when cancelled before the preview."""
        dialog = cls(app, referral_id, parent)
        dialog.exec()
        return dialog.result_of_preview

    def options(self) -> ReferralLetterOptions:
        return ReferralLetterOptions(
            include_contact=self.contact.isChecked(),
            background=self.background.toPlainText() if self.background.isEnabled() else "",
            include_thresholds=self.thresholds.isChecked(),
            include_vulnerabilities=self.vulnerabilities.isChecked(),
            include_detention=self.detention.isChecked(),
            request=self.request.toPlainText(),
        )

    def _on_preview(self) -> None:
        try:
            letter = self.app.letters.referral_letter(self.referral_id, self.options())
        except LeerwinkelError as error:
            self.message.setText(describe(error))
            return
        self.result_of_preview = LetterPreviewDialog.show_for(self, self.app, letter)
        self.accept()


def show_handout(
    parent: QWidget | None, app: Leerwinkel, referral_id: uuid.UUID, language: str = "nl"
) -> PreviewResult:
    """Make the client's handout in ``language`` (nl, nl-en, nl-fr ...) and preview it."""
    return LetterPreviewDialog.show_for(parent, app, app.letters.handout(referral_id, language))
