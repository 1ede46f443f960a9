"""Shared bits of the intake pages: plain-text labels, labelled fields, dialogs."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from leerwinkel.dates import format_datetime
from ui.common.changes import ChangeHub as ChangeHub  # re-exported for older imports
from ui.common.errors import ErrorPresenter


def plain_label(text: str = "", *, wrap: bool = False) -> QLabel:
    """A label that never interprets user data as markup."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    return label


def heading(text: str) -> QLabel:
    label = plain_label(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.4)
    font.setBold(True)
    label.setFont(font)
    return label


def buddy_label(text: str, widget: QWidget, accessible_name: str) -> QLabel:
    """A label with a mnemonic (&) whose buddy is ``widget``; the widget gets an accessible name."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setBuddy(widget)
    widget.setAccessibleName(accessible_name)
    return label


def error_label() -> QLabel:
    """The inline validation message next to a field; hidden while there is nothing to say."""
    label = plain_label(wrap=True)
    label.setStyleSheet("color: #b00020;")
    label.setVisible(False)
    return label


def show_error(parent: QWidget, error: BaseException) -> None:
    """Errors the user can act on get their Dutch sentence; a bug is logged and offers technical details."""
    ErrorPresenter().show(parent, error)


class RestoreDraftDialog:
    """Asks whether to restore the form that was open when the app stopped."""

    @classmethod
    def ask(cls, parent: QWidget, saved_at: dt.datetime) -> bool:
        local = format_datetime(saved_at)
        answer = QMessageBox.question(
            parent,
            QCoreApplication.translate("ui.common.widgets", "Concept terugzetten"),
            QCoreApplication.translate(
                "ui.common.widgets", "Er is een intake die niet werd opgeslagen (bewaard op %1). Wil je verder werken?"
            ).replace("%1", local),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        return answer == QMessageBox.StandardButton.Yes


class UnsavedChangesDialog:
    """Asks what to do with an intake that was not saved: save, discard or keep working."""

    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"

    @classmethod
    def ask(cls, parent: QWidget) -> str:
        box = QMessageBox(parent)
        box.setWindowTitle(QCoreApplication.translate("ui.common.widgets", "Niet opgeslagen"))
        box.setText(
            QCoreApplication.translate("ui.common.widgets", "De intake is nog niet opgeslagen. Wat wil je doen?")
        )
        save = box.addButton(
            QCoreApplication.translate("ui.common.widgets", "&Opslaan"), QMessageBox.ButtonRole.AcceptRole
        )
        discard = box.addButton(
            QCoreApplication.translate("ui.common.widgets", "&Niet opslaan"), QMessageBox.ButtonRole.DestructiveRole
        )
        box.addButton(QCoreApplication.translate("ui.common.widgets", "&Annuleren"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)
        box.exec()
        clicked = box.clickedButton()
        if clicked is save:
            return cls.SAVE
        if clicked is discard:
            return cls.DISCARD
        return cls.CANCEL
