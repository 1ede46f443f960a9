"""Verwijzen buiten de catalogus: a provider or service the catalogue does not hold (name, contact, what)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from leerwinkel.referrals.overrides import ExternalProvider
from ui.common.widgets import buddy_label, error_label, plain_label


class ExternalReferralDialog(QDialog):
    """Asks for the provider's name (required), how to reach it and what it offers."""

    def __init__(self, wish: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Verwijzen buiten de catalogus"))
        self.setMinimumWidth(480)
        intro = plain_label(
            self.tr(
                "Voor de leerwens %1: een aanbieder of dienst die niet in de catalogus staat. "
                "Wat je hier invult, komt op de verwijsbrief en het afsprakenblad."
            ).replace("%1", wish),
            wrap=True,
        )
        self.name = QLineEdit()
        self.name.setMaxLength(200)
        self.name.setPlaceholderText(self.tr("bv. de naam van een werkgever of vereniging"))
        self.service = QLineEdit()
        self.service.setMaxLength(300)
        self.service.setPlaceholderText(self.tr("bv. opleiding, stage, begeleiding"))
        self.contact = QPlainTextEdit()
        self.contact.setTabChangesFocus(True)
        self.contact.setPlaceholderText(self.tr("contactpersoon, adres, telefoon of e-mail"))
        self.contact.setFixedHeight(self.contact.fontMetrics().lineSpacing() * 5)
        self.error = error_label()
        form = QFormLayout()
        form.addRow(buddy_label(self.tr("&Naam aanbieder"), self.name, self.tr("Naam van de aanbieder")), self.name)
        form.addRow(buddy_label(self.tr("&Wat"), self.service, self.tr("Wat de aanbieder doet")), self.service)
        form.addRow(buddy_label(self.tr("&Contact"), self.contact, self.tr("Contact van de aanbieder")), self.contact)
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(self.tr("&Verwijzen"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("&Annuleren"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self._on_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.name.setFocus()

    def provider(self) -> ExternalProvider:
        return ExternalProvider(
            name=self.name.text().strip(),
            contact=self.contact.toPlainText().strip(),
            service=self.service.text().strip(),
        )

    def _on_accept(self) -> None:
        if not self.name.text().strip():
            self.error.setText(self.tr("Vul de naam van de aanbieder in."))
            self.error.setVisible(True)
            self.name.setFocus()
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget, *, wish: str) -> ExternalProvider | None:
        """The provider outside the catalogue, or None when the counsellor cancels."""
        dialog = cls(wish, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.provider()
