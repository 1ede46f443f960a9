"""The intake form: person, situation, vulnerabilities, thresholds, wishes with proposals, consent."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from leerwinkel.app import Leerwinkel
from leerwinkel.errors import ConflictError, InvalidInputError, LeerwinkelError, Problem
from leerwinkel.ids import OfferingId
from leerwinkel.intake.proposals import client_profile
from leerwinkel.intake.service import EMPLOYMENT
from leerwinkel.intake.types import (
    ClientRecord,
    ConsentInput,
    DuplicateCandidate,
    IntakeInput,
    PersonInput,
    SavedIntake,
    ThresholdInput,
    WishInput,
)
from leerwinkel.messages import describe_problem
from leerwinkel.taxonomy import (
    DUTCH_LEVELS,
    INTAKE_CHANNELS,
    TARGET_GROUPS,
    THRESHOLDS,
    VULNERABILITIES,
    WISH_CATEGORIES,
)
from ui.common.widgets import (
    ChangeHub,
    buddy_label,
    error_label,
    format_day,
    heading,
    plain_label,
    show_error,
)
from ui.letters.buttons import LetterButtons

log = logging.getLogger(__name__)

DRAFT_KEY = "intake"
AUTOSAVE_MS = 400

_LINE_FIELDS = (
    # key, label with mnemonic, accessible name, placeholder
    ("first_name", "&Voornaam", "Voornaam", ""),
    ("alias", "&Roepnaam", "Roepnaam", ""),
    ("last_name", "&Familienaam", "Familienaam", ""),
    ("birth_date", "&Geboortedatum", "Geboortedatum (dd/mm/jjjj)", "dd/mm/jjjj"),
    ("gender", "Ge&nder", "Gender", ""),
    ("phone", "&Telefoon", "Telefoon", ""),
    ("email", "&E-mail", "E-mail", ""),
    ("street", "S&traat en nummer", "Straat en nummer", ""),
    ("postcode", "&Postcode", "Postcode", "4 cijfers"),
    ("municipality", "Ge&meente", "Gemeente", ""),
    ("languages", "Ta&len", "Gesproken talen", "bv. Arabisch, Frans"),
)
_TRI = (("", "Onbekend"), ("ja", "Ja"), ("nee", "Nee"))


def _tri_value(combo: QComboBox) -> bool | None:
    data = combo.currentData()
    return None if not data else data == "ja"


def _set_tri(combo: QComboBox, value: bool | None) -> None:
    combo.setCurrentIndex(combo.findData("" if value is None else ("ja" if value else "nee")))


def _set_combo(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(max(index, 0))


class WishRow(QWidget):
    """One learning wish: category, free description, goal."""

    changed = Signal()
    remove_requested = Signal(object)

    def __init__(self, number: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wish_id: object | None = None
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.category = QComboBox()
        for term in WISH_CATEGORIES:
            self.category.addItem(term.label_nl, term.code)
        self.description = QLineEdit()
        self.goal = QLineEdit()
        self.remove = QPushButton(self.tr("Verwijderen"))
        self.remove.setAccessibleName(self.tr("Leerwens %1 verwijderen").replace("%1", str(number)))
        layout.addWidget(buddy_label(self.tr("Cate&gorie"), self.category, f"Leerwens {number}: categorie"), 0, 0)
        layout.addWidget(self.category, 0, 1)
        layout.addWidget(
            buddy_label(self.tr("Omschrijving"), self.description, f"Leerwens {number}: omschrijving"), 1, 0
        )
        layout.addWidget(self.description, 1, 1)
        layout.addWidget(buddy_label(self.tr("Doel"), self.goal, f"Leerwens {number}: doel"), 2, 0)
        layout.addWidget(self.goal, 2, 1)
        layout.addWidget(self.remove, 0, 2)
        self.category.currentIndexChanged.connect(self.changed)
        self.description.textChanged.connect(self.changed)
        self.goal.textChanged.connect(self.changed)
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self))

    def to_input(self) -> WishInput:
        return WishInput(str(self.category.currentData()), self.description.text(), self.goal.text())

    def to_data(self) -> dict[str, str]:
        return {
            "category": str(self.category.currentData()),
            "description": self.description.text(),
            "goal": self.goal.text(),
        }

    def fill(self, data: dict[str, Any]) -> None:
        _set_combo(self.category, data.get("category", "nt2"))
        self.description.setText(str(data.get("description", "")))
        self.goal.setText(str(data.get("goal", "")))


class IntakePage(QWidget):
    """The full intake form, for a new or a returning client; saved as a draft while you type."""

    status_message = Signal(str)

    def __init__(self, app: Leerwinkel, hub: ChangeHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.hub = hub
        self._client: ClientRecord | None = None
        self._saved: SavedIntake | None = None
        self._dirty = False
        self._filling = False
        self._duplicates_acknowledged = False
        self._inputs: dict[str, QWidget] = {}
        self._errors: dict[str, Any] = {}
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.save_draft)
        self.sites = self.app.clients.sites()

        outer = QVBoxLayout(self)
        self.title = heading(self.tr("Nieuwe intake"))
        outer.addWidget(self.title)
        self.duplicates_box = self._build_duplicates()
        outer.addWidget(self.duplicates_box)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        self.body_layout = QVBoxLayout(body)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

        self._build_person()
        self._build_situation()
        self._build_vulnerabilities_and_thresholds()
        self._build_wishes()
        self._build_proposals()
        self._build_consent()
        self._build_intake()
        self.body_layout.addStretch(1)
        # What matching looks at: refresh the proposals when it changes.
        self.dutch_level.currentIndexChanged.connect(self.refresh_proposals)
        self.detained.toggled.connect(self.refresh_proposals)
        self.prison.currentIndexChanged.connect(self.refresh_proposals)
        self.vulnerabilities["laaggeletterd"].toggled.connect(self.refresh_proposals)

        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("&Opslaan"))
        self.save_button.setToolTip(self.tr("Ctrl+S"))
        self.new_button = QPushButton(self.tr("Nieuw &formulier"))
        buttons.addStretch(1)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.save_button)
        outer.addLayout(buttons)
        self.save_button.clicked.connect(self.save)
        self.new_button.clicked.connect(self._on_new_clicked)
        self.clear()

    # -- building ------------------------------------------------------------------------------

    def _field(
        self, form: QFormLayout, key: str, label: str, accessible: str, widget: QWidget, *, buddy: QWidget | None = None
    ) -> None:
        container = QWidget()
        box = QVBoxLayout(container)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(widget)
        error = error_label()
        box.addWidget(error)
        if buddy is None:
            form.addRow(buddy_label(self.tr(label), widget, self.tr(accessible)), container)
        else:  # a group of check boxes: the label jumps to the first box, which keeps its own name
            title = plain_label(self.tr(label))
            title.setTextFormat(Qt.TextFormat.AutoText)
            title.setBuddy(buddy)
            widget.setAccessibleName(self.tr(accessible))
            form.addRow(title, container)
        self._inputs[key] = buddy or widget
        self._errors[key] = error
        if isinstance(widget, QLineEdit):
            widget.textChanged.connect(self._on_changed)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(self._on_changed)
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(self._on_changed)
        elif isinstance(widget, QCheckBox):
            widget.toggled.connect(self._on_changed)

    def _combo(self, items: Sequence[tuple[object, str]]) -> QComboBox:
        combo = QComboBox()
        for data, text in items:
            combo.addItem(text, data)
        return combo

    def _group(self, title: str) -> tuple[QGroupBox, QFormLayout]:
        group = QGroupBox(title)
        form = QFormLayout(group)
        self.body_layout.addWidget(group)
        return group, form

    def _build_person(self) -> None:
        _, form = self._group(self.tr("Persoon"))
        self.lines: dict[str, QLineEdit] = {}
        for key, label, accessible, placeholder in _LINE_FIELDS:
            edit = QLineEdit()
            edit.setPlaceholderText(placeholder)
            self.lines[key] = edit
            self._field(form, key, label, accessible, edit)
        for key in ("first_name", "last_name", "birth_date", "municipality"):
            self.lines[key].editingFinished.connect(self.check_duplicates)
        self.dutch_level = self._combo([(t.code, t.label_nl) for t in DUTCH_LEVELS])
        self._field(form, "dutch_level", "&Niveau Nederlands", "Niveau Nederlands", self.dutch_level)
        self.education_level = QLineEdit()
        self._field(form, "education_level", "&Opleidingsniveau", "Opleidingsniveau", self.education_level)
        self.foreign_diploma = QLineEdit()
        self._field(form, "foreign_diploma", "&Buitenlands diploma", "Buitenlands diploma", self.foreign_diploma)
        self.diploma_recognised = self._combo(list(_TRI))
        self._field(
            form, "foreign_diploma_recognised", "Diploma e&rkend", "Buitenlands diploma erkend", self.diploma_recognised
        )
        self.client_notes = QPlainTextEdit()
        self.client_notes.setTabChangesFocus(True)
        self.client_notes.setMaximumHeight(70)
        self._field(form, "notes", "Notities over de &cliënt", "Notities over de cliënt", self.client_notes)

    def _build_situation(self) -> None:
        _, form = self._group(self.tr("Situatie"))
        groups = QWidget()
        grid = QGridLayout(groups)
        grid.setContentsMargins(0, 0, 0, 0)
        self.target_groups: dict[str, QCheckBox] = {}
        for index, term in enumerate(TARGET_GROUPS):
            box = QCheckBox(term.label_nl)
            box.setAccessibleName(self.tr("Doelgroep: %1").replace("%1", term.label_nl))
            box.toggled.connect(self._on_changed)
            self.target_groups[term.code] = box
            grid.addWidget(box, index // 3, index % 3)
        self._field(
            form, "target_groups", "&Doelgroepen", "Doelgroepen", groups, buddy=next(iter(self.target_groups.values()))
        )
        self.detained = QCheckBox(self.tr("In detentie"))
        self._field(form, "detained", "Dete&ntie", "In detentie", self.detained)
        self.prison = self._combo([("", "")] + [(s.code, s.name) for s in self.sites if s.kind == "gevangenis"])
        self._field(form, "prison_site_code", "Ge&vangenis", "Gevangenis", self.prison)
        self.release_date = QLineEdit()
        self.release_date.setPlaceholderText("dd/mm/jjjj")
        self._field(
            form,
            "expected_release_date",
            "Verwachte vri&jlating",
            "Verwachte vrijlating (dd/mm/jjjj)",
            self.release_date,
        )
        self.detained.toggled.connect(self._update_enabled)
        self.employment = self._combo([(t.code, t.label_nl) for t in EMPLOYMENT])
        self._field(form, "employment", "&Werksituatie", "Werksituatie", self.employment)
        self.vdab = self._combo(list(_TRI))
        self._field(form, "vdab_registered", "Ingeschreven bij VDA&B", "Ingeschreven bij VDAB", self.vdab)

    def _build_vulnerabilities_and_thresholds(self) -> None:
        _, form = self._group(self.tr("Kwetsbaarheden en drempels"))
        vulnerabilities = QWidget()
        grid = QGridLayout(vulnerabilities)
        grid.setContentsMargins(0, 0, 0, 0)
        self.vulnerabilities: dict[str, QCheckBox] = {}
        for index, term in enumerate(VULNERABILITIES):
            box = QCheckBox(term.label_nl)
            box.setAccessibleName(self.tr("Kwetsbaarheid: %1").replace("%1", term.label_nl))
            box.toggled.connect(self._on_changed)
            self.vulnerabilities[term.code] = box
            grid.addWidget(box, index // 3, index % 3)
        self._field(
            form,
            "vulnerabilities",
            "&Kwetsbaarheden",
            "Kwetsbaarheden",
            vulnerabilities,
            buddy=next(iter(self.vulnerabilities.values())),
        )
        thresholds = QWidget()
        grid = QGridLayout(thresholds)
        grid.setContentsMargins(0, 0, 0, 0)
        self.thresholds: dict[str, tuple[QCheckBox, QLineEdit]] = {}
        for index, term in enumerate(THRESHOLDS):
            box = QCheckBox(term.label_nl)
            box.setAccessibleName(self.tr("Drempel: %1").replace("%1", term.label_nl))
            if term.description_nl:
                box.setToolTip(term.description_nl)
            note = QLineEdit()
            note.setPlaceholderText(self.tr("notitie (optioneel)"))
            note.setAccessibleName(self.tr("Notitie bij drempel %1").replace("%1", term.label_nl))
            box.toggled.connect(self._on_changed)
            note.textChanged.connect(self._on_changed)
            note.textEdited.connect(lambda _text, b=box: b.setChecked(True))
            self.thresholds[term.code] = (box, note)
            grid.addWidget(box, index, 0)
            grid.addWidget(note, index, 1)
        self._field(
            form, "thresholds", "D&rempels", "Drempels", thresholds, buddy=next(iter(self.thresholds.values()))[0]
        )

    def _build_wishes(self) -> None:
        group = QGroupBox(self.tr("Leerwensen"))
        layout = QVBoxLayout(group)
        self.wish_rows: list[WishRow] = []
        self.wish_layout = QVBoxLayout()
        layout.addLayout(self.wish_layout)
        self.wish_error = error_label()
        layout.addWidget(self.wish_error)
        self.add_wish_button = QPushButton(self.tr("Leerwens &toevoegen"))
        self.add_wish_button.clicked.connect(lambda: self.add_wish_row(focus=True))
        layout.addWidget(self.add_wish_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.body_layout.addWidget(group)
        for key in ("category", "description", "goal"):
            self._errors[key] = self.wish_error

    def _build_proposals(self) -> None:
        group = QGroupBox(self.tr("Voorstellen uit de catalogus"))
        layout = QVBoxLayout(group)
        row = QHBoxLayout()
        self.proposal_wish = QComboBox()
        row.addWidget(buddy_label(self.tr("Voor leer&wens"), self.proposal_wish, self.tr("Voorstellen voor leerwens")))
        row.addWidget(self.proposal_wish, 1)
        layout.addLayout(row)
        self.proposals = QListWidget()
        self.proposals.setAccessibleName(self.tr("Passend aanbod met redenen"))
        self.proposals.setWordWrap(True)
        self.proposals.setMinimumHeight(140)
        layout.addWidget(self.proposals)
        self.refer_button = QPushButton(self.tr("&Verwijzen naar het gekozen aanbod"))
        layout.addWidget(self.refer_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.letters = LetterButtons(self.app)
        layout.addWidget(self.letters)
        self.body_layout.addWidget(group)
        self.proposal_wish.currentIndexChanged.connect(self.refresh_proposals)
        self.proposals.itemActivated.connect(lambda _item: self.refer_selected())
        self.refer_button.clicked.connect(self.refer_selected)

    def _build_consent(self) -> None:
        _, form = self._group(self.tr("Toestemming"))
        self.consent_store = QCheckBox(self.tr("Gegevens bewaren"))
        self.consent_share = QCheckBox(self.tr("Delen met de aanbieder"))
        self.consent_contact = QCheckBox(self.tr("Contact opnemen voor opvolging"))
        self._field(form, "consent_store", "Toestemming &bewaren", "Toestemming: gegevens bewaren", self.consent_store)
        self._field(
            form, "consent_share", "Toestemming &delen", "Toestemming: delen met de aanbieder", self.consent_share
        )
        self._field(
            form, "consent_contact", "Toestemming &contact", "Toestemming: contact voor opvolging", self.consent_contact
        )
        self.consent_date = QLineEdit()
        self.consent_date.setPlaceholderText("dd/mm/jjjj")
        self._field(
            form, "consent_given_on", "Datum toe&stemming", "Datum van de toestemming (dd/mm/jjjj)", self.consent_date
        )
        self.consent_recorded = plain_label()
        form.addRow(plain_label(self.tr("Vastgelegd door")), self.consent_recorded)

    def _build_intake(self) -> None:
        _, form = self._group(self.tr("Intake"))
        self.site = self._combo([("", "")] + [(s.code, s.name) for s in self.sites])
        self._field(form, "site", "&Locatie", "Locatie van de intake", self.site)
        self.channel = self._combo([(t.code, t.label_nl) for t in INTAKE_CHANNELS])
        self._field(form, "channel", "&Kanaal", "Kanaal van de intake", self.channel)
        self.referred_by = QLineEdit()
        self._field(form, "referred_by", "Doorverwezen door &partner", "Doorverwijzende partner", self.referred_by)
        self.channel.currentIndexChanged.connect(self._update_enabled)
        self.held_on = QLineEdit()
        self.held_on.setPlaceholderText("dd/mm/jjjj")
        self._field(form, "held_on", "Datum &intake", "Datum van de intake (dd/mm/jjjj)", self.held_on)
        self.next_appointment = QLineEdit()
        self.next_appointment.setPlaceholderText("dd/mm/jjjj uu:mm")
        self._field(
            form,
            "next_appointment",
            "Volgende &afspraak",
            "Volgende afspraak (dd/mm/jjjj uu:mm)",
            self.next_appointment,
        )
        self.intake_notes = QPlainTextEdit()
        self.intake_notes.setTabChangesFocus(True)
        self.intake_notes.setMaximumHeight(90)
        self._field(form, "intake_notes", "Ve&rslag", "Verslag van de intake", self.intake_notes)

    def _build_duplicates(self) -> QGroupBox:
        group = QGroupBox(self.tr("Bestaat deze cliënt al?"))
        layout = QVBoxLayout(group)
        self.duplicates_text = plain_label(wrap=True)
        layout.addWidget(self.duplicates_text)
        self.duplicates = QListWidget()
        self.duplicates.setAccessibleName(self.tr("Mogelijke dubbele cliënten"))
        self.duplicates.setMaximumHeight(110)
        layout.addWidget(self.duplicates)
        row = QHBoxLayout()
        self.use_existing_button = QPushButton(self.tr("Deze cliënt &gebruiken"))
        self.new_anyway_button = QPushButton(self.tr("Toch een nieuwe cliënt &maken"))
        row.addWidget(self.use_existing_button)
        row.addWidget(self.new_anyway_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.use_existing_button.clicked.connect(self._on_use_existing)
        self.duplicates.itemActivated.connect(lambda _item: self._on_use_existing())
        self.new_anyway_button.clicked.connect(self._on_new_anyway)
        group.setVisible(False)
        return group

    # -- state ---------------------------------------------------------------------------------

    @property
    def is_dirty(self) -> bool:
        return self._dirty

    @property
    def client(self) -> ClientRecord | None:
        return self._client

    def add_wish_row(self, *, focus: bool = False) -> WishRow:
        row = WishRow(len(self.wish_rows) + 1)
        row.changed.connect(self._on_changed)
        row.category.currentIndexChanged.connect(self._update_proposal_wishes)  # not per keystroke
        row.remove_requested.connect(self._remove_wish_row)
        self.wish_rows.append(row)
        self.wish_layout.addWidget(row)
        self._update_proposal_wishes()
        if focus:
            row.category.setFocus()
            self._on_changed()
        return row

    def _remove_wish_row(self, row: WishRow) -> None:
        if row.wish_id is not None:
            self.status_message.emit(self.tr("Een opgeslagen leerwens blijft in de geschiedenis van de cliënt."))
            return
        self.wish_rows.remove(row)
        row.setParent(None)
        row.deleteLater()
        self._update_proposal_wishes()
        self._on_changed()

    def clear(self) -> None:
        """An empty form for a new client."""
        self._filling = True
        try:
            self._client = None
            self._saved = None
            self._duplicates_acknowledged = False
            for edit in self.lines.values():
                edit.clear()
            for widget in (
                self.education_level,
                self.foreign_diploma,
                self.release_date,
                self.referred_by,
                self.next_appointment,
            ):
                widget.clear()
            self.client_notes.clear()
            self.intake_notes.clear()
            for combo in (
                self.dutch_level,
                self.diploma_recognised,
                self.prison,
                self.employment,
                self.vdab,
                self.site,
                self.channel,
            ):
                combo.setCurrentIndex(0)
            for box in [
                *self.target_groups.values(),
                *self.vulnerabilities.values(),
                self.detained,
                self.consent_store,
                self.consent_share,
                self.consent_contact,
            ]:
                box.setChecked(False)
            for box, note in self.thresholds.values():
                box.setChecked(False)
                note.clear()
            for row in list(self.wish_rows):
                row.setParent(None)
                row.deleteLater()
            self.wish_rows.clear()
            self.add_wish_row()
            today = format_day(self.app.clients.today())
            self.held_on.setText(today)
            self.consent_date.setText(today)
            actor = self.app.auth.current
            self.consent_recorded.setText(actor.display_name if actor else self.tr("(geen account aangemeld)"))
            self.letters.set_referrals(())
            self.duplicates_box.setVisible(False)
            self._clear_errors()
            self.title.setText(self.tr("Nieuwe intake"))
            self.proposals.clear()
        finally:
            self._filling = False
        self._dirty = False
        self._update_enabled()

    def start_for_client(self, client: ClientRecord) -> None:
        """A new intake for a returning client: the form shows what is stored."""
        self.clear()
        self._filling = True
        try:
            self._client = client
            self._fill_person(client.to_input())
            if client.consent is not None:
                self.consent_store.setChecked(client.consent.store_data)
                self.consent_share.setChecked(client.consent.share_with_provider)
                self.consent_contact.setChecked(client.consent.contact_follow_up)
                self.consent_date.setText(format_day(client.consent.given_on))
                self.consent_recorded.setText(client.consent.recorded_by_name or self.tr("(onbekend)"))
            self.title.setText(self.tr("Intake voor %1").replace("%1", client.display_name))
        finally:
            self._filling = False
        self.refresh_referrals()
        self._dirty = False
        self._update_enabled()

    def refresh_referrals(self, select: uuid.UUID | None = None) -> None:
        """The client's referrals in the letter bar (the newest, or ``select``, chosen)."""
        if self._client is None:
            self.letters.set_referrals(())
            return
        self.letters.set_referrals(self.app.referrals.list(client_id=self._client.id), select=select)
        self.refresh_proposals()

    def _fill_person(self, person: PersonInput) -> None:
        for key, edit in self.lines.items():
            edit.setText(str(getattr(person, key)))
        _set_combo(self.dutch_level, person.dutch_level)
        self.education_level.setText(person.education_level)
        self.foreign_diploma.setText(person.foreign_diploma)
        _set_tri(self.diploma_recognised, person.foreign_diploma_recognised)
        for code, box in self.target_groups.items():
            box.setChecked(code in person.target_groups)
        self.detained.setChecked(person.detained)
        _set_combo(self.prison, person.prison_site_code)
        self.release_date.setText(person.expected_release_date)
        _set_combo(self.employment, person.employment)
        _set_tri(self.vdab, person.vdab_registered)
        for code, box in self.vulnerabilities.items():
            box.setChecked(code in person.vulnerabilities)
        notes = {t.code: t.note for t in person.thresholds}
        for code, (box, note) in self.thresholds.items():
            box.setChecked(code in notes)
            note.setText(notes.get(code, ""))
        self.client_notes.setPlainText(person.notes)

    def person_input(self) -> PersonInput:
        return PersonInput(
            **{key: edit.text() for key, edit in self.lines.items()},
            dutch_level=str(self.dutch_level.currentData()),
            education_level=self.education_level.text(),
            foreign_diploma=self.foreign_diploma.text(),
            foreign_diploma_recognised=_tri_value(self.diploma_recognised),
            target_groups=tuple(code for code, box in self.target_groups.items() if box.isChecked()),
            detained=self.detained.isChecked(),
            prison_site_code=str(self.prison.currentData() or ""),
            expected_release_date=self.release_date.text(),
            employment=str(self.employment.currentData() or ""),
            vdab_registered=_tri_value(self.vdab),
            vulnerabilities=tuple(code for code, box in self.vulnerabilities.items() if box.isChecked()),
            thresholds=tuple(
                ThresholdInput(code, note.text()) for code, (box, note) in self.thresholds.items() if box.isChecked()
            ),
            notes=self.client_notes.toPlainText(),
        )

    def consent_input(self) -> ConsentInput:
        return ConsentInput(
            self.consent_store.isChecked(),
            self.consent_share.isChecked(),
            self.consent_contact.isChecked(),
            self.consent_date.text(),
        )

    def intake_input(self) -> IntakeInput:
        return IntakeInput(
            person=self.person_input(),
            wishes=tuple(row.to_input() for row in self.wish_rows),
            consent=self.consent_input(),
            site_code=str(self.site.currentData() or ""),
            channel=str(self.channel.currentData()),
            referred_by=self.referred_by.text() if self.channel.currentData() == "partner" else "",
            held_on=self.held_on.text(),
            notes=self.intake_notes.toPlainText(),
            next_appointment=self.next_appointment.text(),
        )

    # -- drafts --------------------------------------------------------------------------------

    def form_data(self) -> dict[str, Any]:
        """Everything typed, as plain JSON data (for the draft)."""
        person = self.person_input()
        data: dict[str, Any] = {
            "person": {
                **{k: getattr(person, k) for k in PersonInput.__dataclass_fields__ if k != "thresholds"},
                "target_groups": list(person.target_groups),
                "vulnerabilities": list(person.vulnerabilities),
                "thresholds": [[t.code, t.note] for t in person.thresholds],
            },
            "wishes": [row.to_data() for row in self.wish_rows],
            "consent": [
                self.consent_store.isChecked(),
                self.consent_share.isChecked(),
                self.consent_contact.isChecked(),
                self.consent_date.text(),
            ],
            "site": self.site.currentData(),
            "channel": self.channel.currentData(),
            "referred_by": self.referred_by.text(),
            "held_on": self.held_on.text(),
            "next_appointment": self.next_appointment.text(),
            "intake_notes": self.intake_notes.toPlainText(),
            "client_id": str(self._client.id) if self._client else None,
        }
        return data

    def restore(self, data: dict[str, Any]) -> None:
        """Put a draft back in the form (for a returning client, the stored client is reloaded first)."""
        self.clear()
        client_id = data.get("client_id")
        if client_id:
            from leerwinkel.ids import ClientId

            try:
                client = self.app.clients.view(ClientId(uuid.UUID(client_id)), actor=self.app.auth.current)
                self.start_for_client(client)
            except (LeerwinkelError, ValueError):
                log.info("draft refers to a client that is gone")
        self._filling = True
        try:
            raw = dict(data.get("person", {}))
            thresholds = tuple(ThresholdInput(str(c), str(n)) for c, n in raw.pop("thresholds", []))
            raw["target_groups"] = tuple(raw.get("target_groups", ()))
            raw["vulnerabilities"] = tuple(raw.get("vulnerabilities", ()))
            known = {k: v for k, v in raw.items() if k in PersonInput.__dataclass_fields__}
            self._fill_person(PersonInput(**known, thresholds=thresholds))
            for row in list(self.wish_rows):
                row.setParent(None)
                row.deleteLater()
            self.wish_rows.clear()
            for wish in data.get("wishes", []) or [{}]:
                self.add_wish_row().fill(wish)
            store, share, contact, given_on = (data.get("consent") or [False, False, False, ""])[:4]
            self.consent_store.setChecked(bool(store))
            self.consent_share.setChecked(bool(share))
            self.consent_contact.setChecked(bool(contact))
            self.consent_date.setText(str(given_on))
            _set_combo(self.site, data.get("site") or "")
            _set_combo(self.channel, data.get("channel") or "inloop")
            self.referred_by.setText(str(data.get("referred_by", "")))
            self.held_on.setText(str(data.get("held_on", "")))
            self.next_appointment.setText(str(data.get("next_appointment", "")))
            self.intake_notes.setPlainText(str(data.get("intake_notes", "")))
        finally:
            self._filling = False
        self._dirty = True
        self._update_enabled()

    def save_draft(self) -> None:
        if not self._dirty:
            return
        try:
            self.app.drafts.save(DRAFT_KEY, self.form_data())
        except LeerwinkelError as error:
            self.status_message.emit(self.tr("Concept niet bewaard: %1").replace("%1", str(type(error).__name__)))

    def offer_restore(self) -> bool:
        """After a crash: offer the draft that was left; returns True when it was restored."""
        from ui.common.widgets import RestoreDraftDialog

        draft = self.app.drafts.load(DRAFT_KEY)
        if draft is None:
            return False
        if RestoreDraftDialog.ask(self, draft.saved_at):
            self.restore(draft.data)
            return True
        self.app.drafts.discard(DRAFT_KEY)
        return False

    def discard(self) -> None:
        self._autosave.stop()
        self.app.drafts.discard(DRAFT_KEY)
        self.clear()

    def _on_changed(self, *_args: object) -> None:
        if self._filling:
            return
        self._dirty = True
        if not self._autosave.isActive():  # at most AUTOSAVE_MS after the first unsaved keystroke, even mid-typing
            self._autosave.start()

    def _on_new_clicked(self) -> None:
        from ui.common.widgets import UnsavedChangesDialog

        if self._dirty:
            answer = UnsavedChangesDialog.ask(self)
            if answer == UnsavedChangesDialog.CANCEL or (answer == UnsavedChangesDialog.SAVE and not self.save()):
                return
        self.discard()
        self.lines["first_name"].setFocus()

    def _update_enabled(self, *_args: object) -> None:
        detained = self.detained.isChecked()
        self.prison.setEnabled(detained)
        self.release_date.setEnabled(detained)
        self.referred_by.setEnabled(self.channel.currentData() == "partner")

    # -- validation ----------------------------------------------------------------------------

    def _clear_errors(self) -> None:
        for label in self._errors.values():
            label.clear()
            label.setVisible(False)

    def show_problems(self, problems: list[Problem]) -> None:
        """Each problem next to its field, in Dutch; the focus goes to the first one."""
        self._clear_errors()
        first: QWidget | None = None
        for problem in problems:
            key = problem.field or ""
            label = self._errors.get(key)
            if label is None:
                self.status_message.emit(describe_problem(problem))
                continue
            text = describe_problem(problem)
            label.setText((label.text() + "\n" + text) if label.text() else text)
            label.setVisible(True)
            widget = self._inputs.get(key)
            if widget is None and key in ("category", "description", "goal") and self.wish_rows:
                widget = self.wish_rows[0].category
            if key == "thresholds":
                widget = next((b for b, _n in self.thresholds.values() if b.isChecked()), None)
            if widget is not None:
                widget.setAccessibleDescription(text)
                if first is None:
                    first = widget
        if first is not None:
            self._ensure_visible(first)
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _ensure_visible(self, widget: QWidget) -> None:
        scroll = self.findChild(QScrollArea)
        if scroll is not None:
            scroll.ensureWidgetVisible(widget)

    # -- duplicates ----------------------------------------------------------------------------

    def check_duplicates(self) -> tuple[DuplicateCandidate, ...]:
        """Show existing clients that may be this person (only for a new client)."""
        if self._client is not None:
            return ()
        found = self.app.clients.find_duplicates(self.person_input())
        self.duplicates.clear()
        for candidate in found:
            reason = (
                self.tr("zelfde naam en geboortedatum")
                if candidate.reason == "same-name-and-birth-date"
                else self.tr("gelijkaardige naam in dezelfde gemeente")
            )
            year = str(candidate.client.birth_year or "")
            text = " · ".join(p for p in (candidate.client.name, year, candidate.client.municipality, reason) if p)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, candidate.client.id)
            self.duplicates.addItem(item)
        if found:
            self.duplicates.setCurrentRow(0)
            self.duplicates_text.setText(
                self.tr("Er bestaan al cliënten die op deze persoon lijken. Kijk eerst na of het dezelfde persoon is.")
            )
        self.duplicates_box.setVisible(bool(found) and not self._duplicates_acknowledged)
        return found

    def _on_use_existing(self) -> None:
        item = self.duplicates.currentItem()
        if item is None:
            return
        record = self.app.clients.view(item.data(Qt.ItemDataRole.UserRole), actor=self.app.auth.current)
        typed_wishes = [row.to_data() for row in self.wish_rows]
        self.start_for_client(record)
        if any(w.get("description") or w.get("goal") for w in typed_wishes):
            for row in list(self.wish_rows):
                row.setParent(None)
            self.wish_rows.clear()
            for wish in typed_wishes:
                self.add_wish_row().fill(wish)
        self._dirty = True
        self.lines["first_name"].setFocus()

    def _on_new_anyway(self) -> None:
        self._duplicates_acknowledged = True
        self.duplicates_box.setVisible(False)
        self.lines["first_name"].setFocus()

    # -- saving --------------------------------------------------------------------------------

    def save(self) -> bool:
        """Save the intake (Ctrl+S). Returns False when it was refused; problems show at the fields."""
        self._clear_errors()
        try:
            if self._saved is not None and self._client is not None:
                changes = self._save_again()
            else:
                problems = self.app.clients.check(self.intake_input())
                if problems:
                    raise InvalidInputError(problems)
                if self._client is None and not self._duplicates_acknowledged and self.check_duplicates():
                    self.duplicates.setFocus()
                    self.status_message.emit(self.tr("Kijk eerst na of deze cliënt al bestaat."))
                    return False
                saved = self.app.clients.record_intake(
                    self.intake_input(), client=self._client, actor=self.app.auth.current
                )
                self._saved = saved
                self._client = saved.client
                for row, wish in zip(self.wish_rows, saved.wishes, strict=False):
                    row.wish_id = wish.id
                changes = saved.changes
        except InvalidInputError as error:
            self.show_problems(error.problems)
            return False
        except ConflictError as error:
            show_error(self, error)
            return False
        except LeerwinkelError as error:
            show_error(self, error)
            return False
        self._autosave.stop()
        self.app.drafts.discard(DRAFT_KEY)
        self._dirty = False
        self.title.setText(self.tr("Intake voor %1").replace("%1", self._client.display_name))
        self.duplicates_box.setVisible(False)
        self.status_message.emit(self.tr("Intake opgeslagen voor %1.").replace("%1", self._client.display_name))
        self.hub.publish(changes, self)
        self.refresh_proposals()
        self.refresh_referrals(select=self.letters.referral_id())
        return True

    def _save_again(self) -> Any:
        assert self._client is not None
        actor = self.app.auth.current
        record, changes = self.app.clients.update_client(
            self._client, self.person_input(), consent=self.consent_input(), actor=actor
        )
        self._client = record
        for row in self.wish_rows:
            if row.wish_id is None:
                wish = row.to_input()
                row.wish_id = self.app.clients.add_wish(
                    record.id, wish.category, description=wish.description, goal=wish.goal, actor=actor
                ).id
        self._client = self.app.clients.get(record.id)
        return changes

    # -- proposals -----------------------------------------------------------------------------

    def _update_proposal_wishes(self) -> None:
        current = self.proposal_wish.currentIndex()
        self.proposal_wish.blockSignals(True)
        self.proposal_wish.clear()
        for number, row in enumerate(self.wish_rows, start=1):
            self.proposal_wish.addItem(f"{number}. {row.category.currentText()}", number - 1)
        self.proposal_wish.setCurrentIndex(min(max(current, 0), self.proposal_wish.count() - 1))
        self.proposal_wish.blockSignals(False)
        self.refresh_proposals()

    def refresh_proposals(self) -> None:
        """Matching offerings (with reasons) for the chosen wish; excluded ones greyed out with why."""
        self.proposals.clear()
        index = self.proposal_wish.currentData()
        if index is None or not 0 <= int(index) < len(self.wish_rows):
            return
        category = str(self.wish_rows[int(index)].category.currentData())
        try:
            result = self.app.catalogue.match(category, client_profile(self.person_input()))
        except LeerwinkelError as error:
            log.info("no proposals: %s", type(error).__name__)
            return
        for match in result.matches:
            text = f"{match.title} — {match.provider_name}"
            if match.reasons:
                text += "\n    " + "; ".join(match.reasons)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, match.offering_id)
            self.proposals.addItem(item)
        for exclusion in result.excluded:
            text = f"{exclusion.title} — {exclusion.provider_name}\n    " + self.tr("Past niet: %1").replace(
                "%1", "; ".join(exclusion.reasons)
            )
            item = QListWidgetItem(text)
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.proposals.addItem(item)
        if not result.matches:
            self.proposals.addItem(QListWidgetItem(self.tr("Geen passend aanbod in de catalogus voor deze leerwens.")))
            self.proposals.item(self.proposals.count() - 1).setFlags(Qt.ItemFlag.NoItemFlags)
        else:
            self.proposals.setCurrentRow(0)

    def refer_selected(self) -> bool:
        """One click: save the intake if needed, then refer the client to the chosen offering."""
        item = self.proposals.currentItem()
        offering_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if offering_id is None:
            self.status_message.emit(self.tr("Kies eerst een aanbod in de lijst."))
            return False
        index = int(self.proposal_wish.currentData() or 0)
        if (self._saved is None or self._dirty) and not self.save():
            return False
        row = self.wish_rows[index]
        assert self._client is not None
        try:
            result = self.app.referrals.create(
                self._client.id,
                category=str(row.category.currentData()),
                wish_id=row.wish_id,  # type: ignore[arg-type]
                offering_id=OfferingId(offering_id),
                actor=self.app.auth.current,
            )
        except LeerwinkelError as error:
            show_error(self, error)
            return False
        referral = result.referral
        self.refresh_referrals(select=referral.id)
        self.status_message.emit(
            self.tr("Verwijzing naar %1 aangemaakt; opvolging op %2.")
            .replace("%1", referral.title)
            .replace("%2", format_day(referral.follow_up_on))
        )
        self.hub.publish(result.changes, self)
        return True
