"""Prison mode in the window: choose today's prison, show it in the status bar, and leave it.

The window holds the mode (:class:`PrisonModeState`, one per window) and tells the pages when it changes;
the core keeps the choice for the day (``app.prison_mode``), so a restart inside the prison keeps it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from leerwinkel.app import Leerwinkel
from leerwinkel.errors import LeerwinkelError
from ui.common.widgets import buddy_label, plain_label, show_error

if TYPE_CHECKING:
    from leerwinkel.sync.prisonmode import PrisonMode


class PrisonModeState(QObject):
    """Today's prison for this window, or None; ``changed`` carries the new :class:`PrisonMode` (or None)."""

    changed = Signal(object)

    def __init__(self, app: Leerwinkel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.mode: PrisonMode | None = app.prison_mode.current()

    @property
    def site_code(self) -> str | None:
        return self.mode.site_code if self.mode is not None else None

    def start(self, site_code: str) -> PrisonMode:
        """Work in this prison for the rest of today (InvalidInputError for a code that is no active prison)."""
        self.mode = self.app.prison_mode.start(site_code)
        self.changed.emit(self.mode)
        return self.mode

    def stop(self) -> None:
        self.app.prison_mode.stop()
        self.mode = None
        self.changed.emit(None)


class PrisonModeDialog(QDialog):
    """Choose the prison of today's session."""

    def __init__(self, app: Leerwinkel, current: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Gevangenismodus"))
        self.prison = QComboBox()
        prisons = app.prison_mode.prisons()
        for prison in prisons:
            self.prison.addItem(prison.name, prison.code)
        own = sum(1 for p in prisons if p.own)
        if 0 < own < len(prisons):
            self.prison.insertSeparator(own)
        if current:
            self.prison.setCurrentIndex(max(self.prison.findData(current), 0))
        explanation = plain_label(
            self.tr(
                "Vandaag werk je in deze gevangenis. De catalogus en de voorstellen tonen dan alleen het aanbod "
                "dat daar gegeven wordt, een nieuwe intake staat op deze gevangenis en de afdruk van de sessie "
                "bevat de lijst met afspraken en het aanbodblad. Het blijft zo tot je het stopt of tot morgen."
            ),
            wrap=True,
        )
        form = QFormLayout()
        form.addRow(buddy_label(self.tr("&Gevangenis:"), self.prison, self.tr("Gevangenis van de sessie")), self.prison)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.start_button = buttons.addButton(self.tr("&Starten"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.start_button.setDefault(True)
        self.resize(480, self.sizeHint().height())

    def chosen(self) -> str:
        return str(self.prison.currentData() or "")

    @classmethod
    def choose(cls, parent: QWidget, app: Leerwinkel, current: str | None) -> str | None:
        """Ask for the prison; its site code, or None when cancelled (tests patch this)."""
        dialog = cls(app, current, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.chosen():
            return None
        return dialog.chosen()


class PrisonModeControls(QObject):
    """The menu entries and the status bar's indicator with its "Stoppen" button."""

    def __init__(self, window: QMainWindow, state: PrisonModeState) -> None:
        super().__init__(window)
        self.window = window
        self.state = state
        self.title = window.windowTitle()

        menu = self.menu = window.menuBar().addMenu(self.tr("Sessie"))  # no Alt+letter: see ui/letters/actions.py
        self.start_action = QAction(self.tr("&Gevangenismodus starten…"), window)
        self.start_action.setShortcut(QKeySequence("Ctrl+Shift+G"))
        self.start_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.start_action.triggered.connect(self.ask_start)
        self.stop_action = QAction(self.tr("Gevangenismodus s&toppen"), window)
        self.stop_action.triggered.connect(self.stop)
        menu.addAction(self.start_action)
        menu.addAction(self.stop_action)
        window.addAction(self.start_action)  # the shortcut works with the menu closed

        self.indicator = QWidget()
        row = QHBoxLayout(self.indicator)
        row.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setAccessibleName(self.tr("Gevangenismodus"))
        # A band that catches the eye without a popup (STYLE 7): dark text on amber, readable in both themes.
        self.label.setStyleSheet("QLabel { background: #ffd866; color: #221a00; padding: 2px 8px; font-weight: bold; }")
        self.stop_button = QPushButton(self.tr("Stoppen"))
        self.stop_button.setAccessibleName(self.tr("Gevangenismodus stoppen"))
        self.stop_button.setToolTip(self.tr("Terug naar de hele catalogus"))
        self.stop_button.clicked.connect(self.stop)
        row.addWidget(self.label)
        row.addWidget(self.stop_button)
        window.statusBar().addPermanentWidget(self.indicator)
        state.changed.connect(lambda _mode: self.show_state())
        self.show_state()

    def show_state(self) -> None:
        mode = self.state.mode
        self.indicator.setVisible(mode is not None)
        self.stop_action.setEnabled(mode is not None)
        if mode is None:
            self.window.setWindowTitle(self.title)
            return
        text = self.tr("Gevangenismodus: %1").replace("%1", mode.site_name)
        self.label.setText(text)
        self.window.setWindowTitle(f"{self.title} — {text}")

    def ask_start(self) -> None:
        code = PrisonModeDialog.choose(self.window, self.state.app, self.state.site_code)
        if code is None:
            return
        try:
            mode = self.state.start(code)
        except LeerwinkelError as error:
            show_error(self.window, error)
            return
        self.window.statusBar().showMessage(
            self.tr("Gevangenismodus staat aan: alleen het aanbod in %1 wordt getoond.").replace("%1", mode.site_name),
            10000,
        )

    def stop(self) -> None:
        if self.state.mode is None:
            return
        self.state.stop()
        self.window.statusBar().showMessage(
            self.tr("Gevangenismodus gestopt: de hele catalogus is terug."),
            10000,
        )


def install_prison_mode(window: QMainWindow, state: PrisonModeState) -> PrisonModeControls:
    """Put the Sessie menu and the prison-mode indicator in the main window (one call)."""
    return PrisonModeControls(window, state)
