"""The intake form's consent section: before wishes and referrals, so a referral letter can name the client."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLineEdit, QVBoxLayout, QWidget

from leerwinkel.dates import format_date
from leerwinkel.intake.types import ConsentInput, ConsentRecord
from ui.common.widgets import plain_label
from ui.intake.fields import Section


class ConsentSection(Section):
    """Store, share with the provider, contact for follow-up; the date and who recorded it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Toestemming"), parent)
        self.store = QCheckBox(self.tr("Gegevens bewaren"))
        self.store.setAccessibleName(self.tr("Toestemming: gegevens bewaren"))
        self.share = QCheckBox(self.tr("Delen met de aanbieder (naam en gegevens in de verwijsbrief)"))
        self.share.setAccessibleName(self.tr("Toestemming: delen met de aanbieder"))
        self.contact = QCheckBox(self.tr("Contact opnemen voor opvolging"))
        self.contact.setAccessibleName(self.tr("Toestemming: contact voor opvolging"))
        boxes = QWidget()
        column = QVBoxLayout(boxes)
        column.setContentsMargins(0, 0, 0, 0)
        for box in (self.store, self.share, self.contact):
            column.addWidget(box)
        self.field("consent", self.tr("&Toestemming"), self.tr("Toestemming"), boxes, buddy=self.store)
        for key, box in (
            ("consent_store", self.store),
            ("consent_share", self.share),
            ("consent_contact", self.contact),
        ):
            self.inputs[key] = box
            self.errors[key] = self.errors["consent"]
        self.given_on = QLineEdit()
        self.given_on.setPlaceholderText(self.tr("dd/mm/jjjj"))
        self.field(
            "consent_given_on",
            self.tr("Datum toestemming"),
            self.tr("Datum van de toestemming (dd/mm/jjjj)"),
            self.given_on,
        )
        self.recorded_by = plain_label()
        self.form.addRow(plain_label(self.tr("Vastgelegd door")), self.recorded_by)

    def boxes(self) -> tuple[QCheckBox, QCheckBox, QCheckBox]:
        return (self.store, self.share, self.contact)

    def to_input(self) -> ConsentInput:
        return ConsentInput(
            self.store.isChecked(), self.share.isChecked(), self.contact.isChecked(), self.given_on.text()
        )

    def fill(self, consent: ConsentInput) -> None:
        self.store.setChecked(consent.store_data)
        self.share.setChecked(consent.share_with_provider)
        self.contact.setChecked(consent.contact_follow_up)
        self.given_on.setText(consent.given_on)

    def show_record(self, record: ConsentRecord | None, *, fallback: str) -> None:
        """Show the stored consent (its answers, date and recorder); ``fallback`` names who records a new one."""
        if record is None:
            self.recorded_by.setText(fallback)
            return
        self.fill(
            ConsentInput(
                record.store_data, record.share_with_provider, record.contact_follow_up, format_date(record.given_on)
            )
        )
        self.recorded_by.setText(record.recorded_by_name or self.tr("(onbekend)"))
