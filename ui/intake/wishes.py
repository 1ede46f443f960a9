"""The intake form's learning wishes: the new ones typed now, and a known client's earlier wishes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLineEdit, QListWidget, QPushButton, QVBoxLayout, QWidget

from leerwinkel.ids import WishId
from leerwinkel.intake.types import WishInput, WishRecord
from leerwinkel.taxonomy import WISH_CATEGORIES
from ui.common.widgets import buddy_label, error_label, plain_label
from ui.intake.fields import Section, combo, set_combo


class WishRow(QWidget):
    """One learning wish: category (none chosen at first), free description, goal."""

    changed = Signal()
    remove_requested = Signal(object)

    def __init__(self, number: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wish_id: WishId | None = None
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setColumnStretch(1, 1)
        self.category = combo(
            [("", self.tr("— kies een categorie —"))] + [(t.code, t.label()) for t in WISH_CATEGORIES]
        )
        self.description = QLineEdit()
        self.goal = QLineEdit()
        self.remove = QPushButton(self.tr("Verwijderen"))
        self.remove.setAccessibleName(self.tr("Leerwens %1 verwijderen").replace("%1", str(number)))
        # Only the first wish has a mnemonic: one per page (found item 6).
        label = self.tr("&Categorie") if number == 1 else self.tr("Categorie")
        name = self.tr("Leerwens %1: %2").replace("%1", str(number))
        layout.addWidget(buddy_label(label, self.category, name.replace("%2", self.tr("categorie"))), 0, 0)
        layout.addWidget(self.category, 0, 1)
        layout.addWidget(
            buddy_label(self.tr("Omschrijving"), self.description, name.replace("%2", self.tr("omschrijving"))), 1, 0
        )
        layout.addWidget(self.description, 1, 1)
        layout.addWidget(buddy_label(self.tr("Doel"), self.goal, name.replace("%2", self.tr("doel"))), 2, 0)
        layout.addWidget(self.goal, 2, 1)
        layout.addWidget(self.remove, 0, 2)
        self.category.currentIndexChanged.connect(self.changed)
        self.description.textChanged.connect(self.changed)
        self.goal.textChanged.connect(self.changed)
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self))

    @property
    def is_blank(self) -> bool:
        return not (self.category.currentData() or self.description.text().strip() or self.goal.text().strip())

    def to_input(self) -> WishInput:
        return WishInput(str(self.category.currentData() or ""), self.description.text(), self.goal.text())

    def to_data(self) -> dict[str, str]:
        return {
            "category": str(self.category.currentData() or ""),
            "description": self.description.text(),
            "goal": self.goal.text(),
            "wish_id": str(self.wish_id or ""),
        }

    def fill(self, data: dict[str, Any]) -> None:
        set_combo(self.category, data.get("category", ""))
        self.description.setText(str(data.get("description", "")))
        self.goal.setText(str(data.get("goal", "")))


class WishesSection(Section):
    """The wishes of this intake (add, remove unsaved ones) and, for a known client, the earlier ones."""

    rows_changed = Signal()  # a row was added or removed, or a category changed: proposals follow
    status_message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Leerwensen"), parent)
        self.earlier_title = plain_label(self.tr("Eerdere leerwensen"))
        self.earlier = QListWidget()
        self.earlier.setAccessibleName(self.tr("Eerdere leerwensen van de cliënt"))
        self.earlier.setMaximumHeight(90)
        self.form.addRow(self.earlier_title, self.earlier)
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        self.rows_layout = QVBoxLayout()
        column.addLayout(self.rows_layout)
        self.error = error_label()
        column.addWidget(self.error)
        self.add_button = QPushButton(self.tr("Leer&wens toevoegen"))
        column.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.form.addRow(holder)
        self.rows: list[WishRow] = []
        for key in ("category", "description", "goal", "wishes"):
            self.errors[key] = self.error
        self.add_button.clicked.connect(lambda: self.add_row(focus=True))
        self.show_earlier(())

    def show_earlier(self, wishes: tuple[WishRecord, ...]) -> None:
        """A known client's stored wishes (read-only), newest last."""
        self.earlier.clear()
        for wish in wishes:
            text = WISH_CATEGORIES.label(wish.category)
            if wish.description:
                text += f" — {wish.description}"
            self.earlier.addItem(text)
        self.earlier.setVisible(bool(wishes))
        self.earlier_title.setVisible(bool(wishes))

    def add_row(self, *, focus: bool = False) -> WishRow:
        row = WishRow(len(self.rows) + 1)
        row.changed.connect(self._on_row_changed)
        row.category.currentIndexChanged.connect(self.rows_changed)  # not per keystroke
        row.remove_requested.connect(self._remove_row)
        self.rows.append(row)
        self.rows_layout.addWidget(row)
        self.inputs.setdefault("category", row.category)
        self.rows_changed.emit()
        if focus:
            row.category.setFocus()
            self.edited.emit()
        return row

    def _on_row_changed(self) -> None:
        if not self.filling:
            self.clear_error("category")
            self.edited.emit()

    def _remove_row(self, row: WishRow) -> None:
        if row.wish_id is not None:
            self.status_message.emit(self.tr("Een opgeslagen leerwens blijft in de geschiedenis van de cliënt."))
            return
        self.rows.remove(row)
        row.setParent(None)
        row.deleteLater()
        self.inputs["category"] = self.rows[0].category if self.rows else self.add_button
        self.rows_changed.emit()
        self.edited.emit()

    def set_rows(self, data: list[dict[str, Any]]) -> None:
        """Replace the rows (at least one, empty when ``data`` is empty)."""
        for row in list(self.rows):
            row.setParent(None)
            row.deleteLater()
        self.rows.clear()
        self.inputs.pop("category", None)
        for wish in data or [{}]:
            self.add_row().fill(wish)

    def filled_rows(self) -> list[WishRow]:
        """The rows to save: a blank row (no category, no text) is left out."""
        return [row for row in self.rows if not row.is_blank]
