"""Dialogs of the Catalogus page: edit an offering or a provider, and the report of a refused file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from leerwinkel.app import Leerwinkel
from leerwinkel.errors import InvalidInputError, LeerwinkelError
from leerwinkel.ids import OfferingId
from leerwinkel.messages import describe, describe_problem
from leerwinkel.taxonomy import DUTCH_LEVELS, SCHEDULES, WISH_CATEGORIES
from ui.catalogue.places import place_text
from ui.common.i18n import QT_TRANSLATE_NOOP

TRI_STATE = (
    ("", None),
    (QT_TRANSLATE_NOOP("ui.catalogue.dialogs", "ja"), True),
    (QT_TRANSLATE_NOOP("ui.catalogue.dialogs", "nee"), False),
)


def _labelled(form: QFormLayout, text: str, widget: QWidget, accessible: str) -> None:
    """A buddy label with a mnemonic (&) and an accessible name on the input."""
    label = QLabel(text)
    label.setBuddy(widget)
    widget.setAccessibleName(accessible)
    form.addRow(label, widget)


def _contact_fields(
    owner: QDialog, form: QFormLayout, *, website_label: str
) -> tuple[QLineEdit, QLineEdit, QLineEdit, QPlainTextEdit]:
    """Website, e-mail, phone and sources rows, as providers and offerings both have them."""
    website, email, phone = QLineEdit(), QLineEdit(), QLineEdit()
    _labelled(form, website_label, website, QCoreApplication.translate("ui.catalogue.dialogs", "Website"))
    _labelled(
        form,
        QCoreApplication.translate("ui.catalogue.dialogs", "&E-mail"),
        email,
        QCoreApplication.translate("ui.catalogue.dialogs", "E-mail"),
    )
    _labelled(
        form,
        QCoreApplication.translate("ui.catalogue.dialogs", "Tele&foon"),
        phone,
        QCoreApplication.translate("ui.catalogue.dialogs", "Telefoon"),
    )
    sources = QPlainTextEdit()
    sources.setTabChangesFocus(True)
    _labelled(
        form,
        QCoreApplication.translate("ui.catalogue.dialogs", "B&ronnen (een per regel)"),
        sources,
        QCoreApplication.translate("ui.catalogue.dialogs", "Bronnen"),
    )
    return website, email, phone, sources


class OfferingDialog(QDialog):
    """Add or edit one offering; problems are shown inline and the dialog stays open."""

    def __init__(self, app: Leerwinkel, offering_id: OfferingId | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.offering_id = offering_id
        self.saved_id: OfferingId | None = None
        self.setWindowTitle(self.tr("Aanbod bewerken") if offering_id else self.tr("Nieuw aanbod"))
        form = QFormLayout()

        self.provider = QComboBox()
        self._providers = app.catalogue.editor.providers()
        for provider in self._providers:
            self.provider.addItem(provider.name, provider.external_id)
        _labelled(form, self.tr("&Aanbieder"), self.provider, self.tr("Aanbieder"))
        self.places = QListWidget()  # the provider's places, ticked where this offering is given
        self.places.setMaximumHeight(90)
        _labelled(form, self.tr("&Waar (locaties)"), self.places, self.tr("Locaties van het aanbod"))
        self.provider.currentIndexChanged.connect(lambda _index: self._fill_places(set()))
        self.title = QLineEdit()
        _labelled(form, self.tr("&Titel"), self.title, self.tr("Titel"))
        self.category = QComboBox()
        for term in WISH_CATEGORIES:
            self.category.addItem(term.label(), term.code)
        _labelled(form, self.tr("&Categorie"), self.category, self.tr("Categorie"))
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        _labelled(form, self.tr("&Beschrijving"), self.description, self.tr("Beschrijving"))

        schedule_row = QWidget()
        schedule_layout = QHBoxLayout(schedule_row)
        schedule_layout.setContentsMargins(0, 0, 0, 0)
        self.schedules: dict[str, QCheckBox] = {}
        for term in SCHEDULES:
            box = QCheckBox(term.label())
            box.setAccessibleName(self.tr("Lesmoment %1").replace("%1", term.label()))
            self.schedules[term.code] = box
            schedule_layout.addWidget(box)
        form.addRow(QLabel(self.tr("Lesmomenten")), schedule_row)

        self.is_free = self._tri_state()
        _labelled(form, self.tr("&Gratis"), self.is_free, self.tr("Gratis"))
        self.reduced_jobseekers = self._tri_state()
        _labelled(form, self.tr("Korting &werkzoekenden"), self.reduced_jobseekers, self.tr("Korting werkzoekenden"))
        self.reduced_prisoners = self._tri_state()
        _labelled(form, self.tr("Korting ge&detineerden"), self.reduced_prisoners, self.tr("Korting gedetineerden"))
        self.cost_note = QLineEdit()
        _labelled(form, self.tr("&Kostprijs"), self.cost_note, self.tr("Kostprijs"))
        self.in_prison = QCheckBox(self.tr("Aanbod in de gevangeni&s"))
        self.in_prison.setAccessibleName(self.tr("Aanbod in de gevangenis"))
        form.addRow("", self.in_prison)
        self.level = QComboBox()
        for term in DUTCH_LEVELS:
            self.level.addItem(term.label(), "" if term.code == "onbekend" else term.code)
        _labelled(form, self.tr("Vereist &niveau Nederlands"), self.level, self.tr("Vereist niveau Nederlands"))
        self.website, self.email, self.phone, self.sources = _contact_fields(
            self, form, website_label=self.tr("Webs&ite")
        )
        self.last_verified = QLineEdit()
        self.last_verified.setPlaceholderText(self.tr("jjjj-mm-dd"))
        _labelled(form, self.tr("&Laatst nagekeken"), self.last_verified, self.tr("Laatst nagekeken"))

        self.problems = QLabel()
        self.problems.setTextFormat(Qt.TextFormat.PlainText)
        self.problems.setWordWrap(True)
        self.problems.setAccessibleName(self.tr("Problemen"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._on_save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        self._fill_places(set())
        if offering_id is not None:
            self._load(offering_id)

    def _fill_places(self, ticked: set[str]) -> None:
        """List the chosen provider's places; tick ``ticked`` (external ids), or the only one of a new offering."""
        self.places.clear()
        provider = self.provider.currentData()
        chosen = next((p for p in self._providers if p.external_id == provider), None)
        places = self.app.catalogue.editor.locations(chosen.id) if chosen is not None else []
        for place in places:
            item = QListWidgetItem(place_text(place, self.tr("(gestopt)")))
            item.setData(Qt.ItemDataRole.UserRole, place.external_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            tick = place.external_id in ticked or (self.offering_id is None and len(places) == 1)
            item.setCheckState(Qt.CheckState.Checked if tick else Qt.CheckState.Unchecked)
            self.places.addItem(item)

    def ticked_places(self) -> list[str]:
        items = (self.places.item(i) for i in range(self.places.count()))
        return [str(i.data(Qt.ItemDataRole.UserRole)) for i in items if i.checkState() == Qt.CheckState.Checked]

    def _tri_state(self) -> QComboBox:
        box = QComboBox()
        for text, value in TRI_STATE:
            box.addItem(
                self.tr("onbekend") if value is None else QCoreApplication.translate("ui.catalogue.dialogs", text),
                value,
            )
        return box

    def _load(self, offering_id: OfferingId) -> None:
        info = self.app.catalogue.get_offering(offering_id)
        self.provider.setCurrentIndex(max(self.provider.findData(info.provider_external_id), 0))
        self._fill_places({place.external_id for place in info.locations})
        self.title.setText(info.title)
        self.category.setCurrentIndex(max(self.category.findData(info.category), 0))
        self.description.setPlainText(info.description)
        for code, box in self.schedules.items():
            box.setChecked(code in info.schedules)
        for combo, value in (
            (self.is_free, info.is_free),
            (self.reduced_jobseekers, info.reduced_for_jobseekers),
            (self.reduced_prisoners, info.reduced_for_prisoners),
        ):
            combo.setCurrentIndex([v for _t, v in TRI_STATE].index(value))
        self.cost_note.setText(info.cost_note)
        self.in_prison.setChecked(info.in_prison)
        self.level.setCurrentIndex(max(self.level.findData(info.dutch_level_min or ""), 0))
        self.website.setText(info.website)
        self.email.setText(info.email)
        self.phone.setText(info.phone)
        self.sources.setPlainText("\n".join(info.sources))
        self.last_verified.setText(info.last_verified.isoformat() if info.last_verified else "")

    def values(self) -> dict[str, object]:
        return {
            "provider": self.provider.currentData() or "",
            "title": self.title.text(),
            "category": self.category.currentData(),
            "description": self.description.toPlainText(),
            "schedules": [code for code, box in self.schedules.items() if box.isChecked()],
            "is_free": self.is_free.currentData(),
            "reduced_for_jobseekers": self.reduced_jobseekers.currentData(),
            "reduced_for_prisoners": self.reduced_prisoners.currentData(),
            "cost_note": self.cost_note.text(),
            "in_prison": self.in_prison.isChecked(),
            "dutch_level_min": self.level.currentData() or None,
            "website": self.website.text(),
            "email": self.email.text(),
            "phone": self.phone.text(),
            "sources": self.sources.toPlainText(),
            "last_verified": self.last_verified.text(),
            "locations": self.ticked_places(),
        }

    def _on_save(self) -> None:
        try:
            self.saved_id = self.app.catalogue.editor.save_offering(
                self.values(), actor=self.app.auth.current, offering_id=self.offering_id
            )
        except InvalidInputError as error:
            self.problems.setText("\n".join(describe_problem(p) for p in error.problems))
            return
        except LeerwinkelError as error:
            self.problems.setText(describe(error))
            return
        self.accept()

    @classmethod
    def edit(cls, app: Leerwinkel, offering_id: OfferingId | None, parent: QWidget | None) -> OfferingId | None:
        """Show the dialog; the id of the saved offering, or None when cancelled."""
        dialog = cls(app, offering_id, parent)
        dialog.exec()
        return dialog.saved_id


class ProviderDialog(QDialog):
    """Add a provider (name, kind, contact, sources)."""

    def __init__(self, app: Leerwinkel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.saved = False
        self.setWindowTitle(self.tr("Nieuwe aanbieder"))
        form = QFormLayout()
        self.name = QLineEdit()
        _labelled(form, self.tr("&Naam"), self.name, self.tr("Naam"))
        self.kind = QLineEdit()
        _labelled(form, self.tr("&Soort"), self.kind, self.tr("Soort"))
        self.website, self.email, self.phone, self.sources = _contact_fields(
            self, form, website_label=self.tr("&Website")
        )
        self.problems = QLabel()
        self.problems.setTextFormat(Qt.TextFormat.PlainText)
        self.problems.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problems)
        layout.addWidget(buttons)

    def _on_save(self) -> None:
        values = {
            "name": self.name.text(),
            "kind": self.kind.text(),
            "website": self.website.text(),
            "email": self.email.text(),
            "phone": self.phone.text(),
            "sources": self.sources.toPlainText(),
        }
        try:
            self.app.catalogue.editor.save_provider(values, actor=self.app.auth.current)
        except InvalidInputError as error:
            self.problems.setText("\n".join(describe_problem(p) for p in error.problems))
            return
        self.saved = True
        self.accept()

    @classmethod
    def add(cls, app: Leerwinkel, parent: QWidget | None) -> bool:
        dialog = cls(app, parent)
        dialog.exec()
        return dialog.saved


class ProblemReportDialog(QDialog):
    """Every problem of a refused file, with a button to save the list as a text file."""

    def __init__(self, file_name: str, problems: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Bestand geweigerd"))
        intro = QLabel(
            self.tr("%1 werd niet ingelezen: %2 problemen. Er is niets gewijzigd.")
            .replace("%1", file_name)
            .replace("%2", str(len(problems)))
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        self.report = QPlainTextEdit("\n".join(problems))
        self.report.setReadOnly(True)
        self.report.setAccessibleName(self.tr("Foutenrapport"))
        self.save_button = QPushButton(self.tr("Rapport &opslaan…"))
        self.save_button.clicked.connect(self._on_save)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.report)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)

    def choose_save_path(self) -> str:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Foutenrapport opslaan"), "foutenrapport.txt", self.tr("Tekst (*.txt)")
        )
        return path

    def _on_save(self) -> None:
        path = self.choose_save_path()
        if path:
            from leerwinkel.fileio import atomic_write_bytes

            atomic_write_bytes(Path(path), (self.report.toPlainText() + "\n").encode("utf-8"))

    @classmethod
    def show_report(cls, file_name: str, problems: list[str], parent: QWidget | None) -> None:
        cls(file_name, problems, parent).exec()
