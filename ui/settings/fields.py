"""Small form helpers shared by the Instellingen tabs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


def label(text: str) -> QLabel:
    """A wrapped plain-text label (never interprets what a user typed as markup)."""
    widget = QLabel(text)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    widget.setWordWrap(True)
    return widget


def buddy(text: str, widget: QWidget, accessible: str) -> QLabel:
    """A label with a mnemonic (&) for ``widget``, which gets ``accessible`` as its accessible name."""
    result = QLabel(text)  # rich text off would show the "&"; QLabel turns "&" into the mnemonic
    result.setBuddy(widget)
    widget.setAccessibleName(accessible)
    return result
