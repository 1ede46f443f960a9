"""Lock the window after inactivity; unlocking with the password keeps whatever form was open."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from leerwinkel.errors import AuthenticationError
from leerwinkel.messages import describe

if TYPE_CHECKING:
    from leerwinkel.app import Leerwinkel

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class LockDialog(QDialog):
    """Covers the window until the signed-in counsellor types their password. Escape does not close it."""

    def __init__(self, app: Leerwinkel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.setModal(True)
        self.setWindowTitle(self.tr("Vergrendeld"))
        user = app.auth.current.display_name if app.auth.current else ""
        text = QLabel(self.tr("Leerwinkel Intake is vergrendeld. Typ het wachtwoord van %1 om verder te werken."))
        text.setText(text.text().replace("%1", user))
        text.setTextFormat(Qt.TextFormat.PlainText)
        text.setWordWrap(True)
        form = QFormLayout()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Wachtwoord"))
        label = QLabel(self.tr("&Wachtwoord:"))
        label.setBuddy(self.password)
        form.addRow(label, self.password)
        self.error = QLabel()
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.unlock_button = QPushButton(self.tr("&Ontgrendelen"))
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self._on_unlock)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.unlock_button)

    def _on_unlock(self) -> None:
        try:
            ok = self.app.auth.verify(self.password.text())
        except AuthenticationError as error:
            ok = False
            self.error.setText(describe(error))
        else:
            if not ok:
                self.error.setText(self.tr("Dat wachtwoord klopt niet."))
        self.password.clear()
        if ok:
            self.accept()

    def reject(self) -> None:  # Escape and the close button must not unlock
        pass


class InactivityLock(QObject):
    """Watches keyboard and mouse activity in the whole application and locks ``window`` when idle.

    Locking hides nothing that was typed: the dialog sits on top of the window, whose widgets
    (an open form included) stay as they are.
    """

    def __init__(self, window: QWidget, app: Leerwinkel, *, minutes: int | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.app = app
        self.dialog: LockDialog | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(int((minutes if minutes is not None else app.auth.lock_minutes()) * 60_000))
        self.timer.timeout.connect(self.lock_now)
        instance = QApplication.instance()
        if instance is not None:
            instance.installEventFilter(self)
        self.timer.start()

    @property
    def is_locked(self) -> bool:
        return self.dialog is not None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if self.dialog is None and event.type() in _ACTIVITY:
            self.timer.start()
        return False

    def lock_now(self) -> None:
        if self.dialog is not None:
            return
        self.timer.stop()
        self.dialog = LockDialog(self.app, self.window)
        self.dialog.accepted.connect(self._on_unlocked)
        self.dialog.open()
        self.dialog.password.setFocus()

    def _on_unlocked(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        instance = QApplication.instance()
        if instance is not None:
            instance.removeEventFilter(self)
