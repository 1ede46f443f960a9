"""Above the intake form: existing clients that may be the person being typed in, and the conflict question."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from leerwinkel.errors import ConflictError
from leerwinkel.ids import ClientId
from leerwinkel.intake.types import DuplicateCandidate
from leerwinkel.messages import field_label
from ui.common.widgets import plain_label


class DuplicatesBox(QGroupBox):
    """Possible duplicates of a new client; "use this client" or "make a new one anyway"."""

    use_existing = Signal(object)  # ClientId
    new_anyway = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Bestaat deze cliënt al?"), parent)
        layout = QVBoxLayout(self)
        self.text = plain_label(
            self.tr("Er bestaan al cliënten die op deze persoon lijken. Kijk eerst na of het dezelfde persoon is."),
            wrap=True,
        )
        layout.addWidget(self.text)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Mogelijke dubbele cliënten"))
        self.list.setMaximumHeight(110)
        layout.addWidget(self.list)
        row = QHBoxLayout()
        self.use_button = QPushButton(self.tr("Deze cliënt gebruiken"))
        self.new_button = QPushButton(self.tr("Toch een nieuwe cliënt maken"))
        row.addWidget(self.use_button)
        row.addWidget(self.new_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.use_button.clicked.connect(self._on_use)
        self.list.itemActivated.connect(lambda _item: self._on_use())
        self.new_button.clicked.connect(self.new_anyway)
        self.setVisible(False)

    def show_candidates(self, found: Sequence[DuplicateCandidate]) -> None:
        self.list.clear()
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
            self.list.addItem(item)
        if found:
            self.list.setCurrentRow(0)

    def _on_use(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.use_existing.emit(ClientId(item.data(Qt.ItemDataRole.UserRole)))


class ConflictDialog:
    """Another desk changed the client: name the fields, offer to reload keeping what was typed."""

    @classmethod
    def ask_reload(cls, parent: QWidget, error: ConflictError) -> bool:
        """Ask modally; True when the counsellor chose to reload (tests patch this classmethod)."""
        box, reload = cls.build(parent, error)
        box.exec()
        return box.clickedButton() is reload

    @classmethod
    def build(cls, parent: QWidget, error: ConflictError) -> tuple[QMessageBox, QPushButton]:
        fields = ", ".join(field_label(name) for name in error.changed_fields)
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(QCoreApplication.translate("ui.intake.duplicates", "Gewijzigd op een andere computer"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(
            QCoreApplication.translate(
                "ui.intake.duplicates",
                "Deze cliënt werd intussen op een andere computer gewijzigd: %1. Je intake is nog niet opgeslagen.",
            ).replace("%1", fields)
        )
        box.setInformativeText(
            QCoreApplication.translate(
                "ui.intake.duplicates",
                "Laad de cliënt opnieuw: wat jij hier typte blijft staan, de rest komt van de andere computer. "
                "Kijk het na en sla dan op.",
            )
        )
        reload = box.addButton(
            QCoreApplication.translate("ui.intake.duplicates", "&Opnieuw laden"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(
            QCoreApplication.translate("ui.intake.duplicates", "Annuleren"), QMessageBox.ButtonRole.RejectRole
        )
        box.setDefaultButton(reload)
        return box, reload
