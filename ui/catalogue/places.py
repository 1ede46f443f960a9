"""The places of a provider: add and edit locations (address, phone, opening hours, inside which prison)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
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
from leerwinkel.catalogue.records import LocationInfo
from leerwinkel.errors import InvalidInputError, LeerwinkelError
from leerwinkel.ids import LocationId, ProviderId
from leerwinkel.messages import describe, describe_problem
from ui.common.widgets import buddy_label, plain_label


def place_text(place: LocationInfo, stopped: str) -> str:
    """One line for a list: name, street, postcode and town; ``stopped`` added when no longer active."""
    town = " ".join(part for part in (place.postcode, place.city) if part)
    text = ", ".join(part for part in (place.name, place.street, town) if part) or place.external_id
    return text if place.active else f"{text} {stopped}"


class LocationDialog(QDialog):
    """Add or edit one place of a provider; problems are shown inline and the dialog stays open."""

    def __init__(
        self,
        app: Leerwinkel,
        provider_id: ProviderId,
        place: LocationInfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.app = app
        self.provider_id = provider_id
        self.place = place
        self.saved_id: LocationId | None = None
        self.setWindowTitle(self.tr("Locatie bewerken") if place else self.tr("Nieuwe locatie"))
        form = QFormLayout()
        self.name = QLineEdit()
        self.street = QLineEdit()
        self.postcode = QLineEdit()
        self.postcode.setMaxLength(4)
        self.postcode.setMaximumWidth(80)
        self.city = QLineEdit()
        self.phone = QLineEdit()
        self.hours = QPlainTextEdit()
        self.hours.setTabChangesFocus(True)
        self.hours.setMaximumHeight(70)
        self.prison = QComboBox()
        self.prison.addItem(self.tr("(niet in een gevangenis)"), "")
        for site in app.clients.sites():
            if site.kind == "gevangenis":
                self.prison.addItem(site.name, site.code)
        self.sources = QPlainTextEdit()
        self.sources.setTabChangesFocus(True)
        self.sources.setMaximumHeight(70)
        self.active = QCheckBox(self.tr("&Actief (nog in gebruik)"))
        self.active.setChecked(True)
        for text, widget, name in (
            (self.tr("&Naam"), self.name, self.tr("Naam van de locatie")),
            (self.tr("&Straat en nummer"), self.street, self.tr("Straat en nummer")),
            (self.tr("&Postcode"), self.postcode, self.tr("Postcode")),
            (self.tr("&Gemeente"), self.city, self.tr("Gemeente")),
            (self.tr("&Telefoon"), self.phone, self.tr("Telefoon")),
            (self.tr("&Openingsuren"), self.hours, self.tr("Openingsuren")),
            (self.tr("In de ge&vangenis"), self.prison, self.tr("In de gevangenis")),
            (self.tr("B&ronnen (een per regel)"), self.sources, self.tr("Bronnen")),
        ):
            form.addRow(buddy_label(text, widget, name), widget)
        form.addRow("", self.active)
        self.problems = plain_label(wrap=True)
        self.problems.setAccessibleName(self.tr("Problemen"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problems)
        layout.addWidget(buttons)
        if place is not None:
            self.name.setText(place.name)
            self.street.setText(place.street)
            self.postcode.setText(place.postcode)
            self.city.setText(place.city)
            self.phone.setText(place.phone)
            self.hours.setPlainText(place.opening_hours)
            self.prison.setCurrentIndex(max(self.prison.findData(place.prison_site_code or ""), 0))
            self.sources.setPlainText("\n".join(place.sources))
            self.active.setChecked(place.active)

    def values(self) -> dict[str, object]:
        return {
            "name": self.name.text(),
            "street": self.street.text(),
            "postcode": self.postcode.text(),
            "city": self.city.text(),
            "phone": self.phone.text(),
            "opening_hours": self.hours.toPlainText(),
            "prison_site_code": self.prison.currentData() or None,
            "sources": self.sources.toPlainText(),
            "active": self.active.isChecked(),
        }

    def _on_save(self) -> None:
        try:
            self.saved_id = self.app.catalogue.editor.save_location(
                self.values(),
                provider_id=self.provider_id,
                actor=self.app.auth.current,
                location_id=self.place.id if self.place else None,
            )
        except InvalidInputError as error:
            self.problems.setText("\n".join(describe_problem(p) for p in error.problems))
            return
        except LeerwinkelError as error:
            self.problems.setText(describe(error))
            return
        self.accept()


class PlacesDialog(QDialog):
    """Every place of one provider, with "Nieuwe locatie…" and "Bewerken…" (Enter or a double click)."""

    def __init__(self, app: Leerwinkel, provider_id: ProviderId, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.provider_id = provider_id
        self.changed = False
        self.setWindowTitle(self.tr("Locaties van %1").replace("%1", name))
        self.resize(640, 380)
        self.list = QListWidget()
        self.places: list[LocationInfo] = []
        intro = QLabel(self.tr("&Locaties:"))
        intro.setBuddy(self.list)
        self.list.setAccessibleName(self.tr("Locaties van de aanbieder"))
        self.new_button = QPushButton(self.tr("&Nieuwe locatie…"))
        self.edit_button = QPushButton(self.tr("&Bewerken…"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addWidget(self.edit_button)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        self.new_button.clicked.connect(lambda: self._edit(None))
        self.edit_button.clicked.connect(self._edit_current)
        self.list.itemActivated.connect(lambda _item: self._edit_current())
        self.refresh()

    def refresh(self, select: LocationId | None = None) -> None:
        self.places = self.app.catalogue.editor.locations(self.provider_id)
        self.list.clear()
        for place in self.places:
            item = QListWidgetItem(place_text(place, self.tr("(gestopt)")))
            item.setData(Qt.ItemDataRole.UserRole, str(place.id))
            self.list.addItem(item)
            if place.id == select:
                self.list.setCurrentItem(item)
        if self.list.currentRow() < 0 and self.places:
            self.list.setCurrentRow(0)
        self.edit_button.setEnabled(bool(self.places))

    def _edit_current(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.places):
            self._edit(self.places[row])

    def _edit(self, place: LocationInfo | None) -> None:
        dialog = LocationDialog(self.app, self.provider_id, place, self)
        if self.ask(dialog):
            self.changed = True
            self.refresh(dialog.saved_id)

    @staticmethod
    def ask(dialog: LocationDialog) -> bool:
        """Run the location dialog; True when it saved (tests fill and save it instead)."""
        return dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved_id is not None
