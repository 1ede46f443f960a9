"""The error presenter: decides only how an error is shown; the sentence comes from leerwinkel.messages."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from leerwinkel import __version__
from leerwinkel.errors import LeerwinkelError
from leerwinkel.logs import TailHandler
from leerwinkel.messages import describe

log = logging.getLogger(__name__)


class ErrorPresenter(QObject):
    """Shows expected errors as a calm Dutch sentence, and bugs with a "copy technical details" button."""

    def __init__(self, tail: TailHandler | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tail = tail

    def show(self, parent: QWidget | None, error: BaseException) -> None:
        if isinstance(error, LeerwinkelError):
            # Something the user can act on: the Dutch sentence, nothing technical.
            QMessageBox.warning(parent, self.tr("Leerwinkel Intake"), describe(error))
            return
        log.error("unexpected error", exc_info=(type(error), error, error.__traceback__))
        details = self.details(error)
        self._ask(parent, QMessageBox.Icon.Critical, describe(error), details=details)

    def details(self, error: BaseException) -> str:
        lines = [f"Leerwinkel Intake {__version__}", f"Python {sys.version.split()[0]}", ""]
        lines += traceback.format_exception(type(error), error, error.__traceback__)
        if self.tail is not None:
            lines += ["", "Logboek:", self.tail.text()]
        return "".join(line if line.endswith("\n") else line + "\n" for line in lines)

    def _ask(self, parent: QWidget | None, icon: QMessageBox.Icon, text: str, *, details: str | None) -> None:
        from PySide6.QtCore import Qt  # here: the namespace's enums cost ~25 ms, before the login dialog

        box = QMessageBox(icon, self.tr("Leerwinkel Intake"), text, QMessageBox.StandardButton.Ok, parent)
        box.setTextFormat(Qt.TextFormat.PlainText)  # user data in messages is never markup
        if details is not None:
            copy = box.addButton(self.tr("Technische details &kopiëren"), QMessageBox.ButtonRole.ActionRole)
            copy.clicked.connect(lambda: QApplication.clipboard().setText(details))
        box.exec()

    def install_excepthook(self) -> None:
        """Send uncaught exceptions in slots to the presenter instead of letting Qt abort."""

        def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
            if issubclass(kind, KeyboardInterrupt):
                sys.__excepthook__(kind, error, tb)
                return
            self.show(QApplication.activeWindow(), error)

        sys.excepthook = hook
