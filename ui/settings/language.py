"""Instellingen > Taal: the window's language for this installation; a change asks to restart the window."""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QComboBox, QHBoxLayout, QLabel, QMessageBox, QVBoxLayout, QWidget

from leerwinkel.app import Leerwinkel
from leerwinkel.i18n import LANGUAGES, choose_language

#: The application property that asks ui.application.run to start the window again once it has closed.
RESTART_PROPERTY = "leerwinkel_restart"


def restart_command() -> list[str]:
    """The command that starts this window again: the bundle's program, or this Python with the launcher."""
    if getattr(sys, "frozen", False):
        return [sys.executable, *sys.argv[1:]]
    return [sys.executable, "-m", "ui.launcher", *sys.argv[1:]]


def request_restart(window: QWidget) -> bool:
    """Close ``window`` (it may still ask about unsaved work) and start the window again after it closed.

    The new process starts only in ui.application.run, after the database was closed: two processes must
    never have it open at once. Returns False when the window stayed open.
    """
    app = QApplication.instance()
    if app is None:
        return False
    app.setProperty(RESTART_PROPERTY, True)
    if window.close():
        return True
    app.setProperty(RESTART_PROPERTY, False)
    return False


def restart_if_requested(app: QApplication) -> None:
    if app.property(RESTART_PROPERTY):
        subprocess.Popen(restart_command(), close_fds=True)


class LanguageSettings(QWidget):
    """A choice of the window's language: the system's, or one of the languages the app is complete in."""

    def __init__(self, app: Leerwinkel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        system = choose_language(override=None, stored=None, system=QLocale.system().uiLanguages())
        self.combo = QComboBox()
        self.combo.addItem(self.tr("Taal van het systeem (%1)").replace("%1", LANGUAGES[system]), "")
        for code, name in app.language.languages.items():
            self.combo.addItem(name, code)
        self.combo.setCurrentIndex(max(self.combo.findData(app.language.chosen() or ""), 0))
        self.combo.setAccessibleName(self.tr("Taal van het venster"))
        self.combo.activated.connect(self._on_chosen)
        label = QLabel(self.tr("T&aal van het venster"))
        label.setBuddy(self.combo)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Status van de taal"))
        override = app.language.overridden_by()
        if override:
            self.status.setText(
                self.tr("LEERWINKEL_LANGUAGE=%1 is ingesteld: die taal gaat voor op deze keuze.").replace(
                    "%1", override
                )
            )
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.combo)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.status)

    def _on_chosen(self, index: int) -> None:
        code = str(self.combo.itemData(index) or "") or None
        if not self.app.language.choose(code, system=QLocale.system().uiLanguages()):
            self.status.setText(self.tr("De taal is bewaard."))
            return
        if self.ask_restart(self):
            request_restart(self.window())
        else:
            self.status.setText(self.tr("De nieuwe taal geldt vanaf de volgende keer dat je het venster opent."))

    @classmethod
    def ask_restart(cls, parent: QWidget) -> bool:
        """Ask whether to restart the window now (monkeypatched in tests)."""
        answer = QMessageBox.question(
            parent,
            parent.window().windowTitle() or "Leerwinkel Intake",
            QApplication.translate(
                "LanguageSettings",
                "De nieuwe taal geldt vanaf de volgende start van het venster. Nu opnieuw starten? "
                "Je meldt je daarna opnieuw aan.",
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        return answer == QMessageBox.StandardButton.Yes
