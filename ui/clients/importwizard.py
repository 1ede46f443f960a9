"""The import assistant on Cliënten: choose the old spreadsheet, look at what it becomes, then import it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from leerwinkel.app import Leerwinkel
from leerwinkel.changes import Changes
from leerwinkel.intake.importer import ConsentChoice, ImportOptions
from leerwinkel.intake.takeover import ImportPlan, ImportResult
from leerwinkel.messages import describe_problems, field_label
from ui.common.operations import QueryOp, WriteOp
from ui.common.widgets import buddy_label, heading, plain_label

CHOICES = ("skip", "merge", "import")


class ImportDialog(QDialog):
    """Choose a file, see its columns, first rows, problems and duplicates; import it with progress."""

    def __init__(self, app: Leerwinkel, publish: Callable[[Changes], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.publish = publish
        self.plan: ImportPlan | None = None
        self.outcome: ImportResult | None = None
        self.setWindowTitle(self.tr("Cliënten inlezen uit een oud rekenblad"))
        self.resize(980, 720)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Cliënten inlezen")))
        row = QHBoxLayout()
        self.path = QLineEdit()
        self.path.setPlaceholderText(self.tr("CSV- of Excel-bestand (.csv, .txt, .xlsx)"))
        self.choose_button = QPushButton(self.tr("&Kiezen…"))
        self.check_button = QPushButton(self.tr("&Nakijken"))
        row.addWidget(buddy_label(self.tr("&Bestand"), self.path, self.tr("Bestand om in te lezen")))
        row.addWidget(self.path, 1)
        row.addWidget(self.choose_button)
        row.addWidget(self.check_button)
        layout.addLayout(row)
        layout.addLayout(self._options())
        self.summary = plain_label(wrap=True)
        self.summary.setAccessibleName(self.tr("Samenvatting van het bestand"))
        layout.addWidget(self.summary)
        self.rows = QTableWidget()
        self.rows.setAccessibleName(self.tr("Eerste rijen met de herkende kolommen"))
        layout.addWidget(self.rows, 2)
        self.duplicates = QTableWidget(0, 3)
        self.duplicates.setHorizontalHeaderLabels([self.tr("Rij"), self.tr("Lijkt op"), self.tr("Keuze")])
        self.duplicates.setAccessibleName(self.tr("Rijen die op een bekende cliënt lijken"))
        self.duplicates.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.duplicates, 1)
        self.problems = QPlainTextEdit()
        self.problems.setReadOnly(True)
        self.problems.setAccessibleName(self.tr("Problemen en opmerkingen"))
        layout.addWidget(self.problems, 1)
        buttons = QHBoxLayout()
        self.import_button = QPushButton(self.tr("&Inlezen"))
        self.import_button.setEnabled(False)
        self.close_button = QPushButton(self.tr("Sl&uiten"))
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.choose_button.clicked.connect(self._on_choose)
        self.check_button.clicked.connect(self.check)
        self.path.returnPressed.connect(self.check)
        self.import_button.clicked.connect(self.start_import)
        self.close_button.clicked.connect(self.accept)

    def _options(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.unknown = QComboBox()
        self.unknown.addItem(self.tr("in de notities bewaren"), "notes")
        self.unknown.addItem(self.tr("negeren"), "ignore")
        row.addWidget(buddy_label(self.tr("Onbekende &kolommen"), self.unknown, self.tr("Onbekende kolommen")))
        row.addWidget(self.unknown)
        self.consent_store = QCheckBox(self.tr("Toestemming: &bewaren"))
        self.consent_share = QCheckBox(self.tr("&delen met aanbieder"))
        self.consent_contact = QCheckBox(self.tr("&contact later"))
        self.consent_date = QLineEdit()
        self.consent_date.setPlaceholderText(self.tr("dd/mm/jjjj"))
        self.consent_date.setMaximumWidth(110)
        for box in (self.consent_store, self.consent_share, self.consent_contact):
            row.addWidget(box)
        row.addWidget(buddy_label(self.tr("&op"), self.consent_date, self.tr("Datum van de toestemming")))
        row.addWidget(self.consent_date)
        self.default_choice = QComboBox()
        for code, label in self._choice_labels().items():
            self.default_choice.addItem(label, code)
        row.addWidget(buddy_label(self.tr("&Dubbels"), self.default_choice, self.tr("Wat met dubbele rijen")))
        row.addWidget(self.default_choice)
        row.addStretch(1)
        return row

    def _choice_labels(self) -> dict[str, str]:
        return {"skip": self.tr("overslaan"), "merge": self.tr("samenvoegen"), "import": self.tr("toch inlezen")}

    @classmethod
    def choose_file(cls, parent: QWidget) -> str:
        """The file the user picks ("" when cancelled); tests replace this."""
        path, _filter = QFileDialog.getOpenFileName(
            parent,
            QCoreApplication.translate("ui.clients.importwizard", "Oud rekenblad kiezen"),
            "",
            QCoreApplication.translate("ui.clients.importwizard", "Rekenbladen (*.csv *.txt *.tsv *.xlsx)"),
        )
        return path

    def _on_choose(self) -> None:
        path = self.choose_file(self)
        if path:
            self.path.setText(path)
            self.check()

    def options(self) -> ImportOptions:
        chosen = (self.consent_store, self.consent_share, self.consent_contact)
        consent = None
        if any(box.isChecked() for box in chosen) or self.consent_date.text().strip():
            store, share, contact = (box.isChecked() for box in chosen)
            consent = ConsentChoice(store, share, contact, given_on=self.consent_date.text().strip())
        return ImportOptions(unknown=str(self.unknown.currentData()), consent=consent)

    # -- checking ---------------------------------------------------------------------------------

    def check(self) -> None:
        """Read and check the file off the UI thread; nothing is saved."""
        path = Path(self.path.text().strip())
        options = self.options()
        actor = self.app.auth.current
        self.import_button.setEnabled(False)
        self.summary.setText(self.tr("Bezig met nakijken…"))
        QueryOp(
            parent=self,
            op=lambda _progress: self.app.takeover.preview(path, options, actor=actor),
            success=self.show_plan,
        ).failure(self._show_failure).run_in_background()

    def _show_failure(self, error: BaseException) -> None:
        from leerwinkel.messages import describe

        self.plan = None
        self.summary.setText(self.tr("Dit bestand kan niet ingelezen worden."))
        self.problems.setPlainText(describe(error))
        self.import_button.setEnabled(False)

    def show_plan(self, plan: ImportPlan) -> None:
        self.plan = plan
        parsed = plan.parsed
        how = (
            self.tr("gelezen als %1, scheidingsteken %2").replace("%1", parsed.encoding).replace("%2", parsed.delimiter)
            if parsed.encoding
            else self.tr("gelezen als Excel-bestand")
        )
        text = self.tr("%1: %2; %3 rijen, %4 mogelijke dubbels.")
        text = text.replace("%1", parsed.file).replace("%2", how).replace("%3", str(len(parsed.rows)))
        self.summary.setText(text.replace("%4", str(len(plan.duplicates))))
        self.rows.clear()
        self.rows.setColumnCount(len(parsed.columns))
        self.rows.setHorizontalHeaderLabels(
            [f"{c.heading}\n→ {field_label(c.field) if c.field else self.tr('(niet herkend)')}" for c in parsed.columns]
        )
        self.rows.setRowCount(len(parsed.preview))
        for r, (number, cells) in enumerate(parsed.preview):
            self.rows.setVerticalHeaderItem(r, QTableWidgetItem(str(number)))
            for c, cell in enumerate(cells[: len(parsed.columns)]):
                self.rows.setItem(r, c, QTableWidgetItem(cell))
        self._fill_duplicates(plan)
        lines = []
        if plan.problems:
            lines.append(self.tr("Het bestand wordt niet ingelezen zolang deze problemen er zijn:"))
            lines += describe_problems(list(plan.problems), allowed_once=True)
        if parsed.unknown_columns:
            lines.append(self.tr("Niet herkende kolommen: %1").replace("%1", ", ".join(parsed.unknown_columns)))
        if parsed.warnings:
            lines.append(self.tr("Opmerkingen (die rijen worden wel ingelezen):"))
            lines += describe_problems(list(parsed.warnings), allowed_once=True)
        self.problems.setPlainText("\n".join(lines) or self.tr("Geen problemen gevonden."))
        self.import_button.setEnabled(plan.is_importable)

    def _fill_duplicates(self, plan: ImportPlan) -> None:
        labels = self._choice_labels()
        self.duplicates.setRowCount(len(plan.duplicates))
        default = str(self.default_choice.currentData())
        for r, duplicate in enumerate(plan.duplicates):
            if duplicate.client is not None:
                client = duplicate.client
                who = " · ".join(p for p in (client.name, str(client.birth_year or ""), client.municipality) if p)
            else:
                who = self.tr("rij %1 van dit bestand").replace("%1", str(duplicate.other_row))
            self.duplicates.setItem(r, 0, QTableWidgetItem(str(duplicate.row)))
            self.duplicates.setItem(r, 1, QTableWidgetItem(who))
            combo = QComboBox()
            combo.setAccessibleName(self.tr("Keuze voor rij %1").replace("%1", str(duplicate.row)))
            for code, label in labels.items():
                combo.addItem(label, code)
            combo.setCurrentIndex(CHOICES.index(default))
            self.duplicates.setCellWidget(r, 2, combo)
        self.duplicates.resizeColumnsToContents()

    def choices(self) -> dict[int, str]:
        """Row number -> skip/merge/import, as chosen in the duplicates table."""
        found: dict[int, str] = {}
        if self.plan is None:
            return found
        for r, duplicate in enumerate(self.plan.duplicates):
            combo = self.duplicates.cellWidget(r, 2)
            if isinstance(combo, QComboBox):
                found[duplicate.row] = str(combo.currentData())
        return found

    # -- importing --------------------------------------------------------------------------------

    def start_import(self) -> None:
        """Import the checked file with the choices made, off the UI thread, with progress."""
        if self.plan is None or not self.plan.is_importable:
            return
        path = Path(self.path.text().strip())
        options, choices = self.options(), self.choices()
        default = str(self.default_choice.currentData())
        actor = self.app.auth.current
        takeover = self.app.takeover

        def work(progress: Callable[[int, int], None]) -> ImportResult:
            plan = takeover.preview(path, options, actor=actor)  # the consent and columns as chosen now
            return takeover.run(plan, duplicates=default, choices=choices, actor=actor, progress=progress)

        self.import_button.setEnabled(False)
        WriteOp(parent=self, op=work, success=self._imported).with_progress(self.tr("Cliënten inlezen…")).failure(
            self._show_failure
        ).run_in_background()

    def _imported(self, result: ImportResult) -> None:
        self.outcome = result
        text = self.tr("%1 cliënten ingelezen, %2 samengevoegd, %3 overgeslagen.")
        text = text.replace("%1", str(result.created)).replace("%2", str(result.merged))
        self.summary.setText(text.replace("%3", str(result.skipped)))
        self.publish(result.changes)
