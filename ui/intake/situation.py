"""The intake form's second section: target groups, detention, work, vulnerabilities and thresholds."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QCheckBox, QGridLayout, QLineEdit, QWidget

from leerwinkel.intake.checked import EMPLOYMENT
from leerwinkel.intake.types import SiteRef, ThresholdInput
from leerwinkel.taxonomy import TARGET_GROUPS, THRESHOLDS, VULNERABILITIES, Vocabulary
from ui.intake.fields import Section, combo, set_combo, set_tri, tri_items, tri_value

COLUMNS = 3


class SituationSection(Section):
    """Who the person is in the eyes of the offer: the fields matching and reports look at."""

    def __init__(self, sites: Sequence[SiteRef], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Situatie"), parent)
        holder, self.target_groups = self._boxes(TARGET_GROUPS, self.tr("Doelgroep: %1"))
        first = next(iter(self.target_groups.values()))
        self.field("target_groups", self.tr("&Doelgroepen"), self.tr("Doelgroepen"), holder, buddy=first)
        self.detained = QCheckBox(self.tr("&In detentie"))
        self.field("detained", self.tr("Detentie"), self.tr("In detentie"), self.detained)
        prisons = [s for s in sites if s.kind == "gevangenis"]  # the Leerwinkel's own prisons first, then the rest
        self.prison = combo([("", "")] + [(s.code, s.name) for s in prisons])
        own = sum(1 for s in prisons if s.own)
        if 0 < own < len(prisons):
            self.prison.insertSeparator(1 + own)
        self.field("prison_site_code", self.tr("Gevangenis"), self.tr("Gevangenis"), self.prison)
        self.release_date = QLineEdit()
        self.release_date.setPlaceholderText(self.tr("dd/mm/jjjj"))
        self.field(
            "expected_release_date",
            self.tr("Verwachte vri&jlating"),
            self.tr("Verwachte vrijlating (dd/mm/jjjj)"),
            self.release_date,
        )
        self.employment = combo([(t.code, t.label()) for t in EMPLOYMENT])
        self.field("employment", self.tr("Werksituatie"), self.tr("Werksituatie"), self.employment)
        self.vdab = combo(tri_items())
        self.field("vdab_registered", self.tr("Ingeschreven bij VDAB"), self.tr("Ingeschreven bij VDAB"), self.vdab)
        holder, self.vulnerabilities = self._boxes(VULNERABILITIES, self.tr("Kwetsbaarheid: %1"))
        first = next(iter(self.vulnerabilities.values()))
        self.field("vulnerabilities", self.tr("&Kwetsbaarheden"), self.tr("Kwetsbaarheden"), holder, buddy=first)
        holder, self.thresholds = self._thresholds()
        first = next(iter(self.thresholds.values()))[0]
        self.field("thresholds", self.tr("Drempel&s"), self.tr("Drempels"), holder, buddy=first)
        self.detained.toggled.connect(self.update_enabled)
        self.update_enabled()

    def _boxes(self, vocabulary: Vocabulary, accessible: str) -> tuple[QWidget, dict[str, QCheckBox]]:
        holder = QWidget()
        grid = QGridLayout(holder)
        grid.setContentsMargins(0, 0, 0, 0)
        boxes: dict[str, QCheckBox] = {}
        for index, term in enumerate(vocabulary):
            box = QCheckBox(term.label())
            box.setAccessibleName(accessible.replace("%1", term.label()))
            boxes[term.code] = box
            grid.addWidget(box, index // COLUMNS, index % COLUMNS)
        return holder, boxes

    def _thresholds(self) -> tuple[QWidget, dict[str, tuple[QCheckBox, QLineEdit]]]:
        holder = QWidget()
        grid = QGridLayout(holder)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnStretch(1, 1)
        thresholds: dict[str, tuple[QCheckBox, QLineEdit]] = {}
        for index, term in enumerate(THRESHOLDS):
            box = QCheckBox(term.label())
            box.setAccessibleName(self.tr("Drempel: %1").replace("%1", term.label()))
            if term.description():
                box.setToolTip(term.description())
            note = QLineEdit()
            note.setPlaceholderText(self.tr("notitie (optioneel)"))
            note.setAccessibleName(self.tr("Notitie bij drempel %1").replace("%1", term.label()))
            note.textEdited.connect(lambda _text, b=box: b.setChecked(True))
            thresholds[term.code] = (box, note)
            grid.addWidget(box, index, 0)
            grid.addWidget(note, index, 1)
        return holder, thresholds

    def update_enabled(self, *_args: object) -> None:
        detained = self.detained.isChecked()
        self.prison.setEnabled(detained)
        self.release_date.setEnabled(detained)

    def values(self) -> dict[str, object]:
        """This section's part of a PersonInput."""
        return {
            "target_groups": tuple(code for code, box in self.target_groups.items() if box.isChecked()),
            "detained": self.detained.isChecked(),
            "prison_site_code": str(self.prison.currentData() or ""),
            "expected_release_date": self.release_date.text(),
            "employment": str(self.employment.currentData() or ""),
            "vdab_registered": tri_value(self.vdab),
            "vulnerabilities": tuple(code for code, box in self.vulnerabilities.items() if box.isChecked()),
            "thresholds": tuple(
                ThresholdInput(code, note.text()) for code, (box, note) in self.thresholds.items() if box.isChecked()
            ),
        }

    def fill(self, values: dict[str, object]) -> None:
        groups = values.get("target_groups") or ()
        assert isinstance(groups, (tuple, list))
        for code, box in self.target_groups.items():
            box.setChecked(code in groups)
        self.detained.setChecked(bool(values.get("detained")))
        set_combo(self.prison, values.get("prison_site_code", ""))
        self.release_date.setText(str(values.get("expected_release_date", "") or ""))
        set_combo(self.employment, values.get("employment", ""))
        vdab = values.get("vdab_registered")
        set_tri(self.vdab, vdab if isinstance(vdab, bool) else None)
        vulnerabilities = values.get("vulnerabilities") or ()
        assert isinstance(vulnerabilities, (tuple, list))
        for code, box in self.vulnerabilities.items():
            box.setChecked(code in vulnerabilities)
        thresholds = values.get("thresholds") or ()
        assert isinstance(thresholds, (tuple, list))
        notes = {t.code: t.note for t in thresholds if isinstance(t, ThresholdInput)}
        for code, (box, note) in self.thresholds.items():
            box.setChecked(code in notes)
            note.setText(notes.get(code, ""))
        self.update_enabled()
