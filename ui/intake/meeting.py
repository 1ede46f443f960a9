"""The intake form's last section: where and how the conversation took place, the report, the next appointment."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from leerwinkel.intake.types import SiteRef
from leerwinkel.taxonomy import INTAKE_CHANNELS
from ui.intake.fields import Section, combo, set_combo


class MeetingSection(Section):
    """Site, channel, referring partner, date of the intake, next appointment and the report."""

    def __init__(self, sites: Sequence[SiteRef], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Gesprek"), parent)
        # The Leerwinkel's own sites first; every other site (the prisons of Flanders and Brussels it does not
        # work in) after a separator, for the occasional intake elsewhere.
        own = [(s.code, s.name) for s in sites if s.own]
        others = [(s.code, s.name) for s in sites if not s.own]
        self.site = combo([("", ""), *own, *others])
        if own and others:
            self.site.insertSeparator(1 + len(own))
        self.field("site", self.tr("Locatie"), self.tr("Locatie van de intake"), self.site)
        self.channel = combo([(t.code, t.label()) for t in INTAKE_CHANNELS])
        self.field("channel", self.tr("Kanaal"), self.tr("Kanaal van de intake"), self.channel)
        self.referred_by = QLineEdit()
        self.field(
            "referred_by", self.tr("Doorverwezen door partner"), self.tr("Doorverwijzende partner"), self.referred_by
        )
        self.held_on = QLineEdit()
        self.held_on.setPlaceholderText(self.tr("dd/mm/jjjj"))
        self.field("held_on", self.tr("Datum intake"), self.tr("Datum van de intake (dd/mm/jjjj)"), self.held_on)
        self.next_appointment = QLineEdit()
        self.next_appointment.setPlaceholderText(self.tr("dd/mm/jjjj uu:mm"))
        self.field(
            "next_appointment",
            self.tr("Volgende afspraak"),
            self.tr("Volgende afspraak (dd/mm/jjjj uu:mm)"),
            self.next_appointment,
        )
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(90)
        self.field("intake_notes", self.tr("Verslag"), self.tr("Verslag van de intake"), self.notes)
        self.channel.currentIndexChanged.connect(self.update_enabled)
        self.update_enabled()

    def update_enabled(self, *_args: object) -> None:
        self.referred_by.setEnabled(self.channel.currentData() == "partner")

    def values(self) -> dict[str, str]:
        return {
            "site": str(self.site.currentData() or ""),
            "channel": str(self.channel.currentData()),
            "referred_by": self.referred_by.text() if self.channel.currentData() == "partner" else "",
            "held_on": self.held_on.text(),
            "next_appointment": self.next_appointment.text(),
            "intake_notes": self.notes.toPlainText(),
        }

    def fill(self, values: dict[str, object]) -> None:
        set_combo(self.site, values.get("site") or "")
        set_combo(self.channel, values.get("channel") or "inloop")
        self.referred_by.setText(str(values.get("referred_by", "") or ""))
        self.held_on.setText(str(values.get("held_on", "") or ""))
        self.next_appointment.setText(str(values.get("next_appointment", "") or ""))
        self.notes.setPlainText(str(values.get("intake_notes", "") or ""))
        self.update_enabled()
