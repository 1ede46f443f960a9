"""The "Afdrukken" menu: handouts of a prison session in one batch, and a catalogue sheet."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from leerwinkel.app import Leerwinkel
from leerwinkel.errors import LeerwinkelError
from leerwinkel.messages import describe
from leerwinkel.taxonomy import WISH_CATEGORIES
from ui.letters.preview import LetterPreviewDialog
from ui.letters.session import SessionHandoutsDialog
from ui.sync.prisonmode import PrisonModeState


def _buddy(text: str, widget: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(widget)
    return label


class CatalogueSheetDialog(QDialog):
    """Pick categories and a municipality or a prison; preview the catalogue sheet."""

    def __init__(self, app: Leerwinkel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.setWindowTitle(self.tr("Aanbodblad maken"))
        self.categories = QListWidget()
        self.categories.setAccessibleName(self.tr("Categorieën"))
        for term in WISH_CATEGORIES:
            item = QListWidgetItem(term.label())
            item.setData(Qt.ItemDataRole.UserRole, term.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.categories.addItem(item)
        self.city = QLineEdit()
        self.city.setAccessibleName(self.tr("Gemeente"))
        self.prison = QComboBox()
        self.prison.setAccessibleName(self.tr("Gevangenis"))
        self.prison.addItem(self.tr("(geen)"), "")
        for choice in app.letters.sites():
            if choice.is_prison:
                self.prison.addItem(choice.name, choice.code)
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(_buddy(self.tr("&Categorieën:"), self.categories), self.categories)
        form.addRow(_buddy(self.tr("&Gemeente:"), self.city), self.city)
        form.addRow(_buddy(self.tr("G&evangenis:"), self.prison), self.prison)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.preview_button = buttons.addButton(self.tr("&Voorbeeld…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.preview_button.clicked.connect(self._on_preview)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.preview_button.setDefault(True)  # Enter previews (set once the box sits in the dialog)

    def checked_categories(self) -> list[str]:
        items = (self.categories.item(i) for i in range(self.categories.count()))
        return [
            str(item.data(Qt.ItemDataRole.UserRole)) for item in items if item.checkState() == Qt.CheckState.Checked
        ]

    def _on_preview(self) -> None:
        try:
            letter = self.app.letters.catalogue_sheet(
                self.checked_categories(), city=self.city.text(), prison=str(self.prison.currentData())
            )
        except LeerwinkelError as error:
            self.message.setText(describe(error))
            return
        self.message.clear()
        LetterPreviewDialog.show_for(self, self.app, letter)


def install_letter_actions(window: QMainWindow, app: Leerwinkel, prison: PrisonModeState | None = None) -> None:
    """Add the "Afdrukken" menu with the session batch and the catalogue sheet to the main window.

    With ``prison`` (the window's prison mode), the session print starts on today's prison.
    """
    # No Alt+letter on the menu: every letter but q, x and y is taken by the pages' own fields and buttons, and a
    # menu mnemonic would make those ambiguous. F10 opens the menu bar; the session print has its own shortcut.
    menu = window.menuBar().addMenu(QCoreApplication.translate("ui.letters.actions", "Afdrukken"))
    session = menu.addAction(QCoreApplication.translate("ui.letters.actions", "Afsprakenbladen van een &sessie…"))
    session.setShortcut(QKeySequence("Ctrl+Shift+P"))
    session.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    session.triggered.connect(
        lambda: SessionHandoutsDialog(app, window, prison=prison.mode if prison is not None else None).exec()
    )
    sheet = menu.addAction(QCoreApplication.translate("ui.letters.actions", "&Aanbodblad…"))
    sheet.triggered.connect(lambda: CatalogueSheetDialog(app, window).exec())
