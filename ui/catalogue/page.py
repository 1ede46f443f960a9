"""The Catalogus page: search as you type, filters, a detail pane, editing, import and export."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from leerwinkel.app import Leerwinkel
from leerwinkel.catalogue.search import SearchFilters
from leerwinkel.catalogue.service import CatalogueService, ImportReport
from leerwinkel.changes import Changes
from leerwinkel.dates import format_date
from leerwinkel.errors import LeerwinkelError
from leerwinkel.ids import OfferingId
from leerwinkel.messages import describe
from leerwinkel.taxonomy import DUTCH_LEVELS, SCHEDULES, WISH_CATEGORIES
from ui.catalogue.detail import CheckSourceDialog, OfferingDetail
from ui.catalogue.dialogs import OfferingDialog, ProviderDialog
from ui.catalogue.files import CatalogueFiles
from ui.catalogue.model import CatalogueTableModel
from ui.catalogue.places import PlacesDialog
from ui.catalogue.refer import refer_to_offering
from ui.common.operations import QueryOp, WriteOp, present_error
from ui.common.tables import fit_columns

if TYPE_CHECKING:
    from leerwinkel.sync.prisonmode import PrisonMode

EXPORT_CHOICES = (
    ("json", "Leerwinkel JSON (*.json)"),
    ("xlsx", "Excel (*.xlsx)"),
    ("hsds", "Open Referral HSDS 3.0 JSON (*.json)"),
    ("csv", "CSV-map"),
    ("hsds-csv", "HSDS 3.0 CSV-pakket (map)"),
)


def _buddy(text: str, widget: QWidget, accessible: str) -> QLabel:
    label = QLabel(text)
    label.setBuddy(widget)
    widget.setAccessibleName(accessible)
    return label


class CataloguePage(QWidget):
    """Look up providers and offerings offline; add, edit, deactivate, import and export them.

    The search index is built off the UI thread when the page is first shown (and again after an
    import); until then the page says it is loading. Import and export run off the UI thread too.
    """

    index_ready = Signal()

    def __init__(self, app: Leerwinkel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self._index_ready = False
        self._index_building = False
        self.files = CatalogueFiles(self, self)

        self.search_field = QLineEdit()
        self.search_field.setPlaceholderText(self.tr("bv. examencommissie, NT2, VCA avond"))
        self.search_field.setClearButtonEnabled(True)
        search_row = QHBoxLayout()
        search_row.addWidget(_buddy(self.tr("&Zoeken"), self.search_field, self.tr("Zoeken in de catalogus")))
        search_row.addWidget(self.search_field, 1)

        self.category = QComboBox()
        self.category.addItem(self.tr("Alle categorieën"), None)
        for term in WISH_CATEGORIES:
            self.category.addItem(term.label(), term.code)
        self.municipality = QLineEdit()
        self.schedule = QComboBox()
        self.schedule.addItem(self.tr("Alle lesmomenten"), None)
        for term in SCHEDULES:
            self.schedule.addItem(term.label(), term.code)
        self.cost = QComboBox()
        self.cost.addItem(self.tr("Alle kostprijzen"), None)
        self.cost.addItem(self.tr("Gratis"), "free")
        self.cost.addItem(self.tr("Gratis of korting voor werkzoekenden"), "reduced-jobseekers")
        self.cost.addItem(self.tr("Gratis of korting voor gedetineerden"), "reduced-prisoners")
        self.level = QComboBox()
        self.level.addItem(self.tr("Elk niveau"), None)
        for term in DUTCH_LEVELS:
            if term.code != "onbekend":
                self.level.addItem(term.label(), term.code)
        self.language = QLineEdit()
        self.language.setMaximumWidth(60)
        self.prison = QCheckBox(self.tr("In de &gevangenis"))
        self.prison.setAccessibleName(self.tr("Enkel aanbod in de gevangenis"))
        months = str(app.catalogue.check_months())  # setting catalogue.check_months (Instellingen)
        self.stale = QCheckBox(self.tr("Te controleren (%1 maan&den niet nagekeken)").replace("%1", months))
        self.stale.setAccessibleName(self.tr("Enkel aanbod dat %1 maanden niet is nagekeken").replace("%1", months))
        for combo in (self.category, self.schedule, self.cost, self.level):
            # Long labels must not force the page wider than a laptop screen.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(14)
        filters = QGridLayout()
        cells = [
            (self.tr("&Categorie"), self.category, self.tr("Categorie")),
            (self.tr("Ge&meente"), self.municipality, self.tr("Gemeente")),
            (self.tr("&Lesmoment"), self.schedule, self.tr("Lesmoment")),
            (self.tr("&Kostprijs"), self.cost, self.tr("Kostprijs")),
            (self.tr("Ni&veau"), self.level, self.tr("Niveau Nederlands van de cliënt")),
            (self.tr("&Onderwijstaal"), self.language, self.tr("Taal van het onderwijs")),
        ]
        for index, (label, widget, accessible) in enumerate(cells):
            row, column = divmod(index, 4)
            filters.addWidget(_buddy(label, widget, accessible), row, column * 2)
            filters.addWidget(widget, row, column * 2 + 1)
        filters.addWidget(self.prison, 1, 4, 1, 2)
        filters.addWidget(self.stale, 1, 6, 1, 2)
        for column in (1, 3, 5, 7):
            filters.setColumnStretch(column, 1)

        self.model = CatalogueTableModel(app.catalogue.summaries, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Resultaten"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        fit_columns(self.table, stretch=(0, 1), contents=False)  # long names elide, never widen the table
        self.table.verticalHeader().setVisible(False)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.table.doubleClicked.connect(lambda _index: self._on_edit())

        self.detail = OfferingDetail()
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([640, 360])

        self.new_button = QPushButton(self.tr("&Nieuw aanbod"))
        self.new_provider_button = QPushButton(self.tr("Nieu&we aanbieder"))
        self.edit_button = QPushButton(self.tr("&Bewerken"))
        self.places_button = QPushButton(self.tr("Loc&aties…"))
        self.places_button.setToolTip(
            self.tr("De locaties van de aanbieder van het gekozen aanbod toevoegen of bewerken")
        )
        self.deactivate_button = QPushButton(self.tr("S&topzetten"))
        self.import_button = QPushButton(self.tr("&Inlezen…"))
        self.export_button = QPushButton(self.tr("&Uitvoeren…"))
        self.check_button = QPushButton(self.tr("Nag&ekeken…"))
        self.check_button.setToolTip(self.tr("Noteren dat je het gekozen aanbod vandaag hebt nagekeken, en hoe"))
        self.check_button.clicked.connect(self._on_checked)
        self.refer_button = QPushButton(self.tr("Ve&rwijzen…"))
        self.refer_button.setToolTip(self.tr("Een cliënt kiezen en naar het gekozen aanbod verwijzen"))
        self.refer_button.clicked.connect(self._on_refer)
        #: Where the page publishes what a referral changed (the main window's change hub).
        self.publish_changes: Callable[[Changes], None] = lambda _changes: None
        self.new_button.clicked.connect(self._on_new)
        self.new_provider_button.clicked.connect(self._on_new_provider)
        self.edit_button.clicked.connect(self._on_edit)
        self.places_button.clicked.connect(self._on_places)
        self.deactivate_button.clicked.connect(self._on_deactivate)
        self.import_button.clicked.connect(self._on_import)
        self.export_button.clicked.connect(self._on_export)
        buttons = QHBoxLayout()
        for button in (
            self.refer_button,
            self.new_button,
            self.new_provider_button,
            self.edit_button,
            self.places_button,
            self.deactivate_button,
            self.check_button,
            self.import_button,
            self.export_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        # Only administrators change or import the catalogue (issue 6); counsellors search and export.
        actor = app.auth.current
        self.can_edit = actor is not None and actor.is_admin
        for button in (
            self.new_button,
            self.new_provider_button,
            self.edit_button,
            self.places_button,
            self.deactivate_button,
        ):
            button.setVisible(self.can_edit)
        self.import_button.setVisible(self.can_edit)

        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setAccessibleName(self.tr("Status van de catalogus"))

        self._inside: str | None = None  # prison mode: the prison's site code
        self.prison_note = QLabel()
        self.prison_note.setTextFormat(Qt.TextFormat.PlainText)
        self.prison_note.setWordWrap(True)
        self.prison_note.setAccessibleName(self.tr("Gevangenismodus"))
        self.prison_note.setVisible(False)

        layout = QVBoxLayout(self)
        layout.addLayout(search_row)
        layout.addLayout(filters)
        layout.addWidget(self.prison_note)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)

        QShortcut(QKeySequence.StandardKey.Find, self, self.search_field.setFocus)
        QShortcut(QKeySequence(Qt.Key.Key_F2), self, self._on_edit)
        self.search_field.returnPressed.connect(self.table.setFocus)

        self.search_field.textChanged.connect(self.run_search)
        self.municipality.textChanged.connect(self.run_search)
        self.language.textChanged.connect(self.run_search)
        for combo in (self.category, self.schedule, self.cost, self.level):
            combo.currentIndexChanged.connect(self.run_search)
        self.prison.toggled.connect(self.run_search)
        self.stale.toggled.connect(self.run_search)
        self.status.setText(self.tr("De catalogus wordt geladen…"))

    def set_prison_mode(self, mode: PrisonMode | None) -> None:
        """Prison mode: only what is given at that prison's locations (the filter cannot be switched off here)."""
        self._inside = mode.site_code if mode is not None else None
        self.prison.blockSignals(True)
        self.prison.setChecked(mode is not None)
        self.prison.setEnabled(mode is None)
        self.prison.blockSignals(False)
        self.prison_note.setVisible(mode is not None)
        if mode is not None:
            self.prison_note.setText(
                self.tr(
                    "Gevangenismodus: alleen het aanbod in %1. Stop de gevangenismodus voor de hele catalogus."
                ).replace("%1", mode.site_name)
            )
        self.run_search()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._index_ready and not self._index_building:
            self._build_index()

    def _build_index(self, then: Callable[[], None] | None = None) -> None:
        """Build the search index off the UI thread, then search (and run ``then``)."""
        self._index_ready = False
        self._index_building = True
        self.status.setText(self.tr("De catalogus wordt geladen…"))
        catalogue = self.app.catalogue

        def done(_result: None) -> None:
            self._index_building = False
            self._index_ready = True
            self.run_search()
            if then is not None:
                then()
            self.index_ready.emit()

        def failed(error: BaseException) -> None:
            self._index_building = False
            self._show_failure(error)

        QueryOp(parent=self, op=lambda _progress: self._warm(catalogue), success=done).failure(
            failed
        ).run_in_background()

    @staticmethod
    def _warm(catalogue: CatalogueService) -> None:
        # Runs on a worker: the service keeps the built index; nothing is handed back.
        catalogue.search_index()

    def _show_failure(self, error: BaseException) -> None:
        self.status.setText(describe(error))
        if not isinstance(error, LeerwinkelError):
            present_error(self, error)  # a bug: logged, with technical details to copy

    # -- searching ------------------------------------------------------------------------------

    def filters(self) -> SearchFilters:
        schedule = self.schedule.currentData()
        return SearchFilters(
            category=self.category.currentData(),
            municipality=self.municipality.text().strip() or None,
            schedules=frozenset({schedule}) if schedule else frozenset(),
            cost=self.cost.currentData(),
            prison_site_code=self._inside or ("*" if self.prison.isChecked() else None),
            dutch_level=self.level.currentData(),
            language=self.language.text().strip() or None,
            stale_only=self.stale.isChecked(),
        )

    def run_search(self) -> None:
        """Search with the current text and filters; fast enough to run on every key press."""
        if not self._index_ready:
            return  # the index is being built; the search runs when it is ready
        try:
            result = self.app.catalogue.search(self.search_field.text(), self.filters())
        except LeerwinkelError as error:
            self.status.setText(describe(error))
            return
        self.model.set_ids(result.ids)
        if result.total == 0:
            self.status.setText(self.tr("Geen aanbod gevonden."))
        elif result.total == 1:
            self.status.setText(self.tr("1 aanbod gevonden."))
        else:
            self.status.setText(self.tr("%1 aanbiedingen gevonden.").replace("%1", str(result.total)))
        self.detail.show_offering(None)
        if result.total:
            self.table.selectRow(0)

    def selected_offering(self) -> OfferingId | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        found = self.model.offering_id(rows[0].row())
        return OfferingId(found) if found is not None else None

    def _on_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        offering_id = self.selected_offering()
        if offering_id is None:
            self.detail.show_offering(None)
            return
        try:
            info = self.app.catalogue.get_offering(offering_id)
        except LeerwinkelError as error:
            self.detail.show_message(describe(error))
            return
        row = self.table.selectionModel().selectedRows()[0].row()
        summary = self.model.summary(row)
        self.detail.show_offering(info, stale=bool(summary and summary.is_stale))

    # -- editing --------------------------------------------------------------------------------

    def _on_refer(self) -> None:
        offering_id = self.selected_offering()
        if offering_id is None:
            self.status.setText(self.tr("Kies eerst een aanbod in de lijst."))
            return
        try:
            offering = self.app.catalogue.get_offering(offering_id)
        except LeerwinkelError as error:
            present_error(self, error)
            return
        refer_to_offering(self, self.app, offering, publish=self.publish_changes, tell=self.status.setText)

    def _on_new(self) -> None:
        if not self.can_edit:
            return
        saved = OfferingDialog.edit(self.app, None, self)
        if saved is not None:
            self._show_saved(saved)

    def _on_new_provider(self) -> None:
        if not self.can_edit:
            return
        if ProviderDialog.add(self.app, self):
            self.status.setText(self.tr("De aanbieder is toegevoegd."))

    def _on_edit(self) -> None:
        offering_id = self.selected_offering()
        if offering_id is None or not self.can_edit:
            return
        saved = OfferingDialog.edit(self.app, offering_id, self)
        if saved is not None:
            self._show_saved(saved)

    def _on_places(self) -> None:
        offering_id = self.selected_offering()
        if offering_id is None:
            self.status.setText(self.tr("Kies eerst een aanbod; je bewerkt dan de locaties van zijn aanbieder."))
            return
        info = self.app.catalogue.get_offering(offering_id)
        dialog = PlacesDialog(self.app, info.provider_id, info.provider_name, self)
        dialog.exec()
        if dialog.changed:
            self.publish_changes(Changes(catalogue=True))  # letters and proposals show the new address
            self.run_search()
            self.status.setText(self.tr("De locaties van %1 zijn opgeslagen.").replace("%1", info.provider_name))

    def _show_saved(self, offering_id: OfferingId) -> None:
        self.run_search()
        row = self.model.row_of(offering_id)
        if row >= 0:
            self.table.selectRow(row)
        self.status.setText(self.tr("Het aanbod is opgeslagen."))

    def _on_deactivate(self) -> None:
        offering_id = self.selected_offering()
        if offering_id is None:
            return
        try:
            self.app.catalogue.editor.set_offering_active(offering_id, False, actor=self.app.auth.current)
        except LeerwinkelError as error:
            self.status.setText(describe(error))
            return
        self.run_search()
        self.status.setText(self.tr("Het aanbod is stopgezet; het blijft bewaard."))

    def _on_checked(self) -> None:
        """ "Nagekeken": today, by the signed-in account, from a page (URL) or by phone."""
        offering_id = self.selected_offering()
        if offering_id is None:
            return
        source = CheckSourceDialog.ask(self)
        if source is None:
            return
        try:
            day = self.app.catalogue.checks.record_check(
                "offering", offering_id, source=source, actor=self.app.auth.current
            )
        except LeerwinkelError as error:
            self.status.setText(describe(error))
            return
        self.run_search()
        row = self.model.row_of(offering_id)
        if row >= 0:
            self.table.selectRow(row)
        self.status.setText(self.tr("Nagekeken op %1.").replace("%1", format_date(day)))

    # -- files ----------------------------------------------------------------------------------

    def choose_import_path(self) -> str:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Catalogus inlezen"), "", self.tr("Catalogus (*.json *.xlsx *.csv)")
        )
        return path

    def choose_export_target(self) -> tuple[str, str]:
        labels = ";;".join(label for _fmt, label in EXPORT_CHOICES)
        path, chosen = QFileDialog.getSaveFileName(self, self.tr("Catalogus uitvoeren"), "catalogus.json", labels)
        fmt = next((f for f, label in EXPORT_CHOICES if label == chosen), "json")
        return path, fmt

    def _on_import(self) -> None:
        self.files.import_file()

    def _on_export(self) -> None:
        self.files.export_file()

    @property
    def last_import(self) -> WriteOp[ImportReport] | None:
        """The running or last catalogue import (its progress), for tests and the status bar."""
        return self.files.last_import
