"""Building blocks of the intake sections: a titled section with labelled fields and inline errors."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ui.common.i18n import QT_TRANSLATE_NOOP
from ui.common.widgets import buddy_label, error_label, plain_label

TRI = (
    ("", QT_TRANSLATE_NOOP("ui.intake.fields", "Onbekend")),
    ("ja", QT_TRANSLATE_NOOP("ui.intake.fields", "Ja")),
    ("nee", QT_TRANSLATE_NOOP("ui.intake.fields", "Nee")),
)


def tri_items() -> list[tuple[str, str]]:
    """The choices unknown, yes, no (codes "", "ja", "nee") in the window's language."""
    return [(code, QCoreApplication.translate("ui.intake.fields", text)) for code, text in TRI]


def tri_value(combo: QComboBox) -> bool | None:
    data = combo.currentData()
    return None if not data else data == "ja"


def set_tri(combo: QComboBox, value: bool | None) -> None:
    combo.setCurrentIndex(combo.findData("" if value is None else ("ja" if value else "nee")))


def set_combo(combo: QComboBox, value: object) -> None:
    combo.setCurrentIndex(max(combo.findData(value), 0))


def combo(items: Sequence[tuple[object, str]]) -> QComboBox:
    box = QComboBox()
    # Long names (prisons, sites) must not widen the form past the window (found item 8).
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(12)
    for data, text in items:
        box.addItem(text, data)
    return box


class Section(QGroupBox):
    """One titled part of the intake form; its fields report edits through ``edited``.

    ``inputs`` and ``errors`` map a service field name (as in ``Problem.field``) to the widget that
    gets the focus and to the inline label that shows the problem; editing a field hides its error.
    """

    edited = Signal()

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.form = QFormLayout(self)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.inputs: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.filling = False

    def field(self, key: str, label: str, accessible: str, widget: QWidget, *, buddy: QWidget | None = None) -> QWidget:
        """Add a labelled row (label with an optional mnemonic) with an inline error under the input."""
        container = QWidget()
        box = QVBoxLayout(container)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(widget)
        error = error_label()
        box.addWidget(error)
        if buddy is None:
            self.form.addRow(buddy_label(label, widget, accessible), container)
        else:  # a group of check boxes: the label jumps to the first box, which keeps its own name
            title = plain_label(label)
            title.setTextFormat(Qt.TextFormat.AutoText)
            title.setBuddy(buddy)
            widget.setAccessibleName(accessible)
            self.form.addRow(title, container)
        self.inputs[key] = buddy or widget
        self.errors[key] = error
        self.watch(widget, key)
        return widget

    def watch(self, widget: QWidget, key: str | None = None) -> None:
        """Report edits of ``widget``; with ``key``, an edit also hides that field's error (it may be fixed)."""

        def on_edit(*_args: object) -> None:
            if self.filling:
                return
            if key is not None:
                self.clear_error(key)
            self.edited.emit()

        if isinstance(widget, QLineEdit):
            widget.textChanged.connect(on_edit)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(on_edit)
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(on_edit)
        elif isinstance(widget, QCheckBox):
            widget.toggled.connect(on_edit)
        else:
            for child in widget.findChildren(QWidget):
                if isinstance(child, (QLineEdit, QComboBox, QPlainTextEdit, QCheckBox)):
                    self.watch(child, key)

    def clear_error(self, key: str) -> None:
        label = self.errors.get(key)
        if label is not None and label.isVisible():
            label.clear()
            label.setVisible(False)
            widget = self.inputs.get(key)
            if widget is not None:
                widget.setAccessibleDescription("")

    def clear_errors(self) -> None:
        for key in self.errors:
            self.clear_error(key)

    def show_error(self, key: str, text: str) -> QWidget | None:
        """Show ``text`` under the field ``key``; returns the widget to focus (None: not in this section)."""
        label = self.errors.get(key)
        if label is None:
            return None
        label.setText((label.text() + "\n" + text) if label.text() else text)
        label.setVisible(True)
        widget = self.inputs.get(key)
        if widget is not None:
            widget.setAccessibleDescription(text)
        return widget
