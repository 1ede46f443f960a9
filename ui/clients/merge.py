"""Merging two records of one person: find the other (the duplicate warning), compare side by side, merge."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from leerwinkel.app import Leerwinkel
from leerwinkel.changes import Changes
from leerwinkel.ids import ClientId
from leerwinkel.intake.merge import MergeResult, SideBySide
from leerwinkel.intake.types import ClientSummary
from leerwinkel.messages import field_label
from ui.common.operations import QueryOp, WriteOp
from ui.common.widgets import buddy_label, heading, plain_label


class MergeDialog(QDialog):
    """Pick the other record (similar clients first), choose per field which value stays, and merge."""

    def __init__(
        self, app: Leerwinkel, kept_id: ClientId, publish: Callable[[Changes], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.app = app
        self.kept_id = kept_id
        self.publish = publish
        self.sides: SideBySide | None = None
        self.groups: dict[str, QButtonGroup] = {}
        self.outcome: MergeResult | None = None
        self.setWindowTitle(self.tr("Cliënten samenvoegen"))
        self.resize(860, 640)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Twee records van dezelfde persoon samenvoegen")))
        self.intro = plain_label(wrap=True)
        layout.addWidget(self.intro)
        row = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        row.addWidget(buddy_label(self.tr("&Zoeken"), self.search, self.tr("Andere cliënt zoeken")))
        row.addWidget(self.search, 1)
        layout.addLayout(row)
        self.candidates = QListWidget()
        self.candidates.setAccessibleName(self.tr("Cliënten die op deze persoon lijken"))
        self.candidates.setMaximumHeight(140)
        layout.addWidget(self.candidates)
        self.compare_button = QPushButton(self.tr("&Vergelijken"))
        layout.addWidget(self.compare_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.area = QScrollArea()
        self.area.setWidgetResizable(True)
        layout.addWidget(self.area, 1)
        self.moved = plain_label(wrap=True)
        layout.addWidget(self.moved)
        buttons = QHBoxLayout()
        self.merge_button = QPushButton(self.tr("&Samenvoegen"))
        self.merge_button.setEnabled(False)
        cancel = QPushButton(self.tr("Annu&leren"))
        buttons.addStretch(1)
        buttons.addWidget(self.merge_button)
        buttons.addWidget(cancel)
        layout.addLayout(buttons)
        self.search.returnPressed.connect(self._on_search)
        self.candidates.itemActivated.connect(lambda _item: self.compare())
        self.compare_button.clicked.connect(self.compare)
        self.merge_button.clicked.connect(self.start_merge)
        cancel.clicked.connect(self.reject)
        self._load_similar()

    def _load_similar(self) -> None:
        record = self.app.clients.get(self.kept_id)
        self.kept_name = record.display_name
        self.intro.setText(
            self.tr(
                "%1 blijft bestaan. Kies de andere cliënt: die gaat op in %1, met al zijn intakes, "
                "verwijzingen, brieven en contacten."
            ).replace("%1", record.display_name)
        )
        found = [c.client for c in self.app.clients.find_duplicates(record.to_input()) if c.client.id != self.kept_id]
        self._show_candidates(found)

    def _on_search(self) -> None:
        found = [c for c in self.app.clients.search(self.search.text(), limit=50) if c.id != self.kept_id]
        self._show_candidates(found)

    def _show_candidates(self, found: list[ClientSummary]) -> None:
        self.candidates.clear()
        for client in found:
            text = " · ".join(p for p in (client.name, str(client.birth_year or ""), client.municipality) if p)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, client.id)
            self.candidates.addItem(item)
        if found:
            self.candidates.setCurrentRow(0)

    def compare(self) -> None:
        item = self.candidates.currentItem()
        if item is None:
            return
        other_id = item.data(Qt.ItemDataRole.UserRole)
        actor = self.app.auth.current
        QueryOp(
            parent=self,
            op=lambda _progress: self.app.merges.compare(self.kept_id, other_id, actor=actor),
            success=self.show_sides,
        ).run_in_background()

    def show_sides(self, sides: SideBySide) -> None:
        """Both records side by side; each differing field gets a choice, the kept value chosen first."""
        self.sides = sides
        grid_widget = QWidget()
        grid = QGridLayout(grid_widget)
        grid.addWidget(heading(sides.kept.display_name), 0, 1)
        grid.addWidget(heading(sides.other.display_name), 0, 2)
        self.groups = {}
        row = 1
        for name, mine, theirs in sides.fields:
            if not (mine or theirs):
                continue
            grid.addWidget(plain_label(field_label(name)), row, 0)
            if mine == theirs:
                grid.addWidget(plain_label(mine), row, 1, 1, 2)
            else:
                group = QButtonGroup(self)
                for column, value in ((1, mine), (2, theirs)):
                    button = QRadioButton(value or self.tr("(leeg)"))
                    button.setAccessibleName(f"{field_label(name)}: {value or self.tr('leeg')}")
                    group.addButton(button, column)
                    grid.addWidget(button, row, column)
                group.button(1 if mine else 2).setChecked(True)
                self.groups[name] = group
            row += 1
        self.area.setWidget(grid_widget)
        names = {
            "intakes": self.tr("intakes"),
            "learning_wishes": self.tr("leerwensen"),
            "consents": self.tr("toestemmingen"),
            "referrals": self.tr("verwijzingen"),
            "letters": self.tr("brieven"),
            "contacts": self.tr("contacten"),
        }
        counts = ", ".join(f"{count} {names.get(table, table)}" for table, count in sides.other_counts.items() if count)
        self.moved.setText(
            self.tr("Naar %1 gaan: %2. Drempels, doelgroepen en notities van beide blijven.")
            .replace("%1", sides.kept.display_name)
            .replace("%2", counts or self.tr("geen andere gegevens"))
        )
        self.merge_button.setEnabled(True)

    def taken(self) -> frozenset[str]:
        """The fields whose value comes from the other record."""
        return frozenset(name for name, group in self.groups.items() if group.checkedId() == 2)

    def start_merge(self) -> None:
        if self.sides is None:
            return
        kept, other, take = self.sides.kept, self.sides.other, self.taken()
        actor = self.app.auth.current
        self.merge_button.setEnabled(False)
        WriteOp(
            parent=self,
            op=lambda _progress: self.app.merges.merge(kept, other, take=take, actor=actor),
            success=self._merged,
        ).with_progress(self.tr("Samenvoegen…")).run_in_background()

    def _merged(self, result: MergeResult) -> None:
        self.outcome = result
        self.publish(result.changes)
        self.accept()
