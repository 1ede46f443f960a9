"""The Cliënten page: find a client by name, birth year and municipality."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from leerwinkel.app import Leerwinkel
from leerwinkel.dates import format_date
from leerwinkel.intake.types import ClientSummary
from ui.common.tables import RowsModel, row_table, selected_row
from ui.common.widgets import buddy_label, heading, plain_label

if TYPE_CHECKING:
    from ui.clients.importwizard import ImportDialog
    from ui.clients.merge import MergeDialog
    from ui.common.navigator import Navigator


class ClientsPage(QWidget):
    """Search by name or alias, birth year and municipality; most recent first; filters as you type."""

    LIMIT = 200

    def __init__(self, app: Leerwinkel, pages: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.pages = pages
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Cliënten")))
        row = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("naam of roepnaam"))
        self.search.setClearButtonEnabled(True)
        self.birth_year = QLineEdit()
        self.birth_year.setPlaceholderText(self.tr("jjjj"))
        self.birth_year.setMaximumWidth(90)
        self.municipality = QComboBox()
        self.municipality.setEditable(True)
        self.municipality.setMinimumWidth(180)
        row.addWidget(buddy_label(self.tr("&Zoeken"), self.search, self.tr("Zoeken op naam of roepnaam")))
        row.addWidget(self.search, 2)
        row.addWidget(buddy_label(self.tr("Geboorte&jaar"), self.birth_year, self.tr("Geboortejaar")))
        row.addWidget(self.birth_year)
        row.addWidget(buddy_label(self.tr("Ge&meente"), self.municipality, self.tr("Gemeente")))
        row.addWidget(self.municipality, 1)
        layout.addLayout(row)
        self.model = RowsModel(
            [self.tr("Naam"), self.tr("Geboortejaar"), self.tr("Gemeente"), self.tr("Laatste activiteit")],
            self._cell,
        )
        self.table = row_table(self.model, self.tr("Gevonden cliënten"))
        layout.addWidget(self.table, 1)
        self.count = plain_label()
        layout.addWidget(self.count)
        buttons = QHBoxLayout()
        self.open_button = QPushButton(self.tr("&Openen"))
        self.intake_button = QPushButton(self.tr("Nieuwe &intake voor deze cliënt"))
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.intake_button)
        self.merge_button = QPushButton(self.tr("Samen&voegen met…"))
        self.import_button = QPushButton(self.tr("Inlezen uit &rekenblad…"))
        current = app.auth.current
        self.import_button.setVisible(current is not None and current.is_admin)
        buttons.addWidget(self.merge_button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        layout.addLayout(buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._timer.start)
        self.birth_year.textChanged.connect(self._timer.start)
        self.municipality.currentTextChanged.connect(self._timer.start)
        self.table.activated.connect(lambda _index: self._open())
        self.open_button.clicked.connect(self._open)
        self.intake_button.clicked.connect(self._intake)
        self.merge_button.clicked.connect(self.open_merge)
        self.import_button.clicked.connect(self.open_import)
        self.reload_municipalities()
        self.refresh()

    def _cell(self, c: ClientSummary, column: int) -> str:
        at = format_date(c.last_activity_at)
        return [c.name, str(c.birth_year or ""), c.municipality, at][column]

    def reload_municipalities(self) -> None:
        current = self.municipality.currentText()
        self.municipality.blockSignals(True)
        self.municipality.clear()
        self.municipality.addItems(["", *self.app.clients.municipalities()])
        self.municipality.setCurrentText(current)
        self.municipality.blockSignals(False)

    def refresh(self) -> None:
        year_text = self.birth_year.text().strip()
        year = int(year_text) if year_text.isdigit() and len(year_text) == 4 else None
        rows = self.app.clients.search(
            self.search.text(), birth_year=year, municipality=self.municipality.currentText(), limit=self.LIMIT
        )
        self.model.set_rows(rows)
        if rows:
            self.table.selectRow(0)
        text = self.tr("%1 cliënten").replace("%1", str(len(rows)))
        if len(rows) == self.LIMIT:
            text = self.tr("De eerste %1 cliënten; typ verder om te verfijnen.").replace("%1", str(self.LIMIT))
        self.count.setText(text)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _open(self) -> None:
        record = selected_row(self.table, self.model)
        if record is not None:
            self.pages.open_client(record.id)

    def _intake(self) -> None:
        record = selected_row(self.table, self.model)
        if record is not None:
            self.pages.start_intake_for(record.id)

    def open_import(self) -> ImportDialog:
        """The import assistant (administrators); the list refreshes through the change hub."""
        from ui.clients.importwizard import ImportDialog

        dialog = ImportDialog(self.app, self.pages.broadcast, self)
        dialog.open()
        return dialog

    def open_merge(self) -> MergeDialog | None:
        """Merge the chosen client with a similar one (the duplicate warning lists those first)."""
        from ui.clients.merge import MergeDialog

        record = selected_row(self.table, self.model)
        if record is None:
            return None
        dialog = MergeDialog(self.app, record.id, self.pages.broadcast, self)
        dialog.open()
        return dialog
