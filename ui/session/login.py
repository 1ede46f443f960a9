"""The login dialog and the recovery key shown once (the first start is in ui/session/firstrun.py)."""

from __future__ import annotations

import contextlib
import importlib
import logging
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QFont, QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from leerwinkel.config import Config
from leerwinkel.credentials import Credentials
from leerwinkel.errors import LeerwinkelError
from leerwinkel.messages import describe

if TYPE_CHECKING:
    from leerwinkel.app import Leerwinkel

log = logging.getLogger(__name__)


def labelled_field(
    form: QFormLayout, label_text: str, edit: QWidget, accessible: str, *, row: QWidget | None = None
) -> QLabel:
    """Add a form row whose label is the field's buddy (Alt+letter); ``row`` holds the field and its buttons."""
    label = QLabel(label_text)
    label.setBuddy(edit)
    if accessible:
        edit.setAccessibleName(accessible)
    form.addRow(label, row or edit)
    return label


# ``Qt.TextFormat.PlainText``'s value. Set through the property system, it keeps the login dialog from
# building the Python enums of Qt's whole ``Qt`` namespace (about 25 ms, all at once, at the first use of
# any of them) before it is painted (benchmarks/startup.py); tests/ui/test_launcher.py checks the format.
PLAIN_TEXT = 0


def plain_text(label: QLabel) -> QLabel:
    """``label`` never interprets its text (a name, a message) as markup."""
    label.setProperty("textFormat", PLAIN_TEXT)
    return label


def error_label() -> QLabel:
    label = plain_text(QLabel())
    label.setWordWrap(True)
    label.setStyleSheet("color: #a00000")
    label.setAccessibleName(QCoreApplication.translate("ui.session.login", "Foutmelding"))
    return label


class RecoveryKeyDialog(QDialog):
    """Shows the recovery key once, with a copy button, and asks to print or write it down."""

    def __init__(self, recovery_key: str, parent: QWidget | None = None) -> None:
        from PySide6.QtCore import Qt  # not at the module's import: see PLAIN_TEXT

        super().__init__(parent)
        self.setWindowTitle(self.tr("Herstelsleutel"))
        text = QLabel(
            self.tr(
                "Dit is de herstelsleutel. Druk ze af of schrijf ze op en bewaar ze veilig, apart van deze "
                "computer. Ze wordt nooit opnieuw getoond. Met de herstelsleutel stel je een nieuw wachtwoord "
                "in als de beheerder het vergeet."
            )
        )
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.PlainText)
        self.key_label = QLabel(recovery_key)
        self.key_label.setTextFormat(Qt.TextFormat.PlainText)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_label.setAccessibleName(self.tr("Herstelsleutel"))
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSizeF(max(self.font().pointSizeF(), 9.0) * 1.6)
        self.key_label.setFont(font)
        copy = QPushButton(self.tr("&Kopiëren"))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(recovery_key))
        done = QPushButton(self.tr("Ik heb de sleutel &bewaard"))
        done.setDefault(True)
        done.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.key_label)
        layout.addWidget(copy)
        layout.addWidget(done)

    @classmethod
    def show_key(cls, recovery_key: str, parent: QWidget | None = None) -> None:
        cls(recovery_key, parent).exec()


Opener = Callable[[Config, Credentials], "Leerwinkel"]


def open_signed_in(config: Config, credentials: Credentials) -> Leerwinkel:
    """Open the database with these credentials and sign in (both backends)."""
    # The core (SQLAlchemy, every service) is imported here, after the password is typed, not before the
    # login dialog is painted; the preload thread has usually imported it by then (benchmarks/startup.py).
    from leerwinkel.app import open_app
    from leerwinkel.errors import AuthenticationError

    app = open_app(config, credentials=credentials)
    try:
        if app.auth.current is None and app.auth.has_accounts():
            app.auth.login(credentials)
        if app.auth.current is None:  # nobody signed in: the window never opens like that
            raise AuthenticationError("bad-credentials")
    except BaseException:
        app.close()
        raise
    return app


#: What the main window needs after sign-in, imported while the password is typed (benchmarks/startup.py).
PRELOAD = ("leerwinkel.app", "leerwinkel.storage.store", "leerwinkel.storage.migrate", "ui.mainwindow")
_preloading: list[threading.Thread] = []


def _preload() -> None:
    for name in PRELOAD:
        try:
            importlib.import_module(name)
        except Exception:  # the import is repeated, and fails loudly, where the module is really used
            log.warning("preloading %s failed", name, exc_info=True)
            return


def preload_in_background() -> None:
    """Import the heavy modules in a background thread, once; Python's import lock keeps this safe."""
    if not _preloading:
        thread = threading.Thread(target=_preload, name="preload", daemon=True)
        _preloading.append(thread)
        thread.start()


class LoginDialog(QDialog):
    """Login at start: user name and password; wrong attempts say so inline (and how long to wait)."""

    def __init__(self, config: Config, parent: QWidget | None = None, *, opener: Opener = open_signed_in) -> None:
        super().__init__(parent)
        self.config = config
        self.opener = opener
        self.app: Leerwinkel | None = None
        self.failure: LeerwinkelError | None = None
        self.credentials: Credentials | None = None  # kept only when opening failed (to offer a backup)
        self.setWindowTitle(self.tr("Aanmelden bij Leerwinkel Intake"))
        form = QFormLayout()
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        labelled_field(form, self.tr("&Gebruikersnaam:"), self.username, self.tr("Gebruikersnaam"))
        labelled_field(form, self.tr("&Wachtwoord:"), self.password, self.tr("Wachtwoord"))
        self.error = error_label()
        self.status = plain_text(QLabel(self.tr("Bezig met aanmelden…")))
        self.status.setAccessibleName(self.tr("Status"))
        self.status.hide()
        buttons = QDialogButtonBox()
        self.login_button = buttons.addButton(self.tr("&Aanmelden"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.login_button.setDefault(True)
        self.cancel_button = buttons.addButton(self.tr("&Stoppen"), QDialogButtonBox.ButtonRole.RejectRole)
        self.login_button.clicked.connect(self._on_login)
        self.cancel_button.clicked.connect(self.reject)
        heading = plain_text(QLabel(self.tr("Leerwinkel Intake")))
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        heading.setFont(font)
        intro = QLabel(
            self.tr(
                "Meld je aan met je eigen account. De gegevens zijn versleuteld en alleen met je wachtwoord te openen."
            )
        )
        plain_text(intro)
        intro.setWordWrap(True)
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        log.info("login dialog shown")  # the bundle test waits for this line
        QTimer.singleShot(250, preload_in_background)  # after the first paint, while the password is typed

    def _on_login(self) -> None:
        from leerwinkel.errors import AuthenticationError

        credentials = Credentials(self.username.text().strip(), self.password.text())
        try:
            with self._busy():
                self.app = self._open(credentials)
        except AuthenticationError as error:
            self.error.setText(describe(error))
            self.password.clear()
            self.password.setFocus()
            return
        except LeerwinkelError as error:
            self.failure = error  # e.g. a damaged database: the caller offers a backup
            self.credentials = credentials
            self.error.setText(describe(error))
            self.reject()
            return
        self.password.clear()
        self.accept()

    def _open(self, credentials: Credentials) -> Leerwinkel:
        """The opener on a worker, this dialog kept painted: the key derivation takes a fraction of a second, but
        after a crash the whole file is checked first, and after an update it is copied and upgraded (seconds
        on a large database): a progress dialog says so when it takes longer than a second."""
        from ui.common.operations import run_with_progress

        label = self.tr("De databank wordt geopend (na een onderbreking of een update ook gecontroleerd)…")
        return run_with_progress(lambda: self.opener(self.config, credentials), label, parent=self, shown_after_ms=1000)

    def reject(self) -> None:
        if self.status.isVisible():  # Esc or the close button while the database opens: it finishes first
            return
        super().reject()

    @contextlib.contextmanager
    def _busy(self) -> Iterator[None]:
        """While the key is derived and the database opened (a second or more on a large file): a wait cursor,
        the fields and buttons disabled and a line saying so."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QApplication

        inputs = (self.username, self.password, self.login_button, self.cancel_button)
        self.error.clear()
        self.status.show()
        for widget in inputs:
            widget.setEnabled(False)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        self.repaint()
        try:
            yield
        finally:
            QApplication.restoreOverrideCursor()
            for widget in inputs:
                widget.setEnabled(True)
            self.status.hide()

    @classmethod
    def sign_in(cls, config: Config, parent: QWidget | None = None) -> LoginOutcome:
        """Show the dialog; the opened facade, or the error that stopped it (both None: cancelled)."""
        dialog = cls(config, parent)
        dialog.exec()
        return LoginOutcome(dialog.app, dialog.failure, dialog.credentials)


@dataclass(frozen=True)
class LoginOutcome:
    app: Leerwinkel | None
    failure: LeerwinkelError | None = None
    credentials: Credentials | None = field(default=None, repr=False)
