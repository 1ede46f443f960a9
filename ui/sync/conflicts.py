"""The conflicts of the Uitwisselen page: a list, and for the chosen one a choice per field."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from leerwinkel.messages import field_label
from leerwinkel.sync.service import ConflictInfo
from ui.common.widgets import plain_label


class ConflictsBox(QGroupBox):
    """Lists open conflicts; the counsellor chooses, per field, the version kept here or the other one."""

    resolve_requested = Signal(object, object)  # conflict id, {field: "local" | "remote"}

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Conflicten"))
        self.conflicts: list[ConflictInfo] = []
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Conflicten die op een keuze wachten"))
        self.list.setMaximumHeight(110)
        self.list.currentRowChanged.connect(self._on_chosen)
        self.empty = plain_label(self.tr("Geen conflicten."))
        self.fields = QWidget()
        self.grid = QGridLayout(self.fields)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.groups: dict[str, QButtonGroup] = {}
        self.resolve_button = QPushButton(self.tr("Conflict &oplossen"))
        self.resolve_button.setEnabled(False)
        self.resolve_button.clicked.connect(self._on_resolve)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.list)
        layout.addWidget(self.fields)
        row = QHBoxLayout()
        row.addWidget(self.resolve_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.show_conflicts([])

    def table_name(self, table: str) -> str:
        names = {
            "clients": self.tr("Cliënt"),
            "intakes": self.tr("Intake"),
            "learning_wishes": self.tr("Leerwens"),
            "referrals": self.tr("Verwijzing"),
            "referral_status_changes": self.tr("Status van een verwijzing"),
            "consents": self.tr("Toestemming"),
            "contacts": self.tr("Contact"),
            "client_thresholds": self.tr("Drempel"),
            "client_vulnerabilities": self.tr("Kwetsbaarheid"),
            "letters": self.tr("Brief"),
        }
        return names.get(table, table)

    def shown_value(self, value: object) -> str:
        if value is None or value == "":
            return self.tr("(leeg)")
        if value is True:
            return self.tr("ja")
        if value is False:
            return self.tr("nee")
        text = str(value)
        return text if len(text) <= 80 else text[:79] + "…"

    def show_conflicts(self, conflicts: list[ConflictInfo]) -> None:
        self.conflicts = conflicts
        self.list.clear()
        for conflict in conflicts:
            names = ", ".join(field_label(f.field) for f in conflict.fields)
            what = self.table_name(conflict.table)
            if conflict.client_name:
                what = self.tr("%1 van %2").replace("%1", what).replace("%2", conflict.client_name)
            text = self.tr("%1 (met %2): %3").replace("%1", what)
            item = QListWidgetItem(text.replace("%2", conflict.peer).replace("%3", names))
            self.list.addItem(item)
        self.empty.setVisible(not conflicts)
        self.list.setVisible(bool(conflicts))
        if conflicts:
            self.list.setCurrentRow(0)
        else:
            self._show_fields(None)

    def _on_chosen(self, row: int) -> None:
        self._show_fields(self.conflicts[row] if 0 <= row < len(self.conflicts) else None)

    def _show_fields(self, conflict: ConflictInfo | None) -> None:
        while self.grid.count():
            taken = self.grid.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.deleteLater()
        self.groups = {}
        self.resolve_button.setEnabled(conflict is not None)
        self.fields.setVisible(conflict is not None)
        if conflict is None:
            return
        self.grid.addWidget(plain_label(self.tr("Veld")), 0, 0)
        self.grid.addWidget(plain_label(self.tr("Hier")), 0, 1)
        self.grid.addWidget(plain_label(self.tr("Bij %1").replace("%1", conflict.peer)), 0, 2)
        for row, item in enumerate(conflict.fields, start=1):
            name = field_label(item.field)
            group = QButtonGroup(self.fields)
            here = QRadioButton(self.shown_value(item.local))
            there = QRadioButton(self.shown_value(item.remote))
            here.setAccessibleName(self.tr("%1: de versie hier houden").replace("%1", name))
            there_name = self.tr("%1: de versie van %2 nemen").replace("%1", name)
            there.setAccessibleName(there_name.replace("%2", conflict.peer))
            for button in (here, there):
                button.setToolTip(button.text())
            group.addButton(here, 0)
            group.addButton(there, 1)
            here.setChecked(True)
            label = plain_label(name)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            self.grid.addWidget(label, row, 0)
            self.grid.addWidget(here, row, 1)
            self.grid.addWidget(there, row, 2)
            self.groups[item.field] = group
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(2, 1)

    def choices(self) -> dict[str, str]:
        return {name: "remote" if group.checkedId() == 1 else "local" for name, group in self.groups.items()}

    def choose(self, field: str, side: str) -> None:
        """Pick a side for one field (the keyboard does the same with the radio buttons)."""
        button = self.groups[field].button(1 if side == "remote" else 0)
        button.setChecked(True)

    def _on_resolve(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.conflicts):
            self.resolve_requested.emit(self.conflicts[row].id, self.choices())
