"""The administrators' tabs of Instellingen: accounts, backups and retention (the core checks the role again)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from leerwinkel.app import Leerwinkel
from leerwinkel.dates import format_date, format_datetime
from leerwinkel.errors import InvalidInputError, LeerwinkelError
from leerwinkel.messages import describe
from leerwinkel.security.privacy import RetentionCandidate
from ui.common.i18n import QT_TRANSLATE_NOOP
from ui.common.operations import QueryOp, WriteOp, present_error
from ui.common.tables import fit_columns
from ui.settings.fields import buddy as _buddy
from ui.settings.fields import label as _label

if TYPE_CHECKING:
    from leerwinkel.backup import BackupCheck, BackupInfo, RestoreResult

T = TypeVar("T")

ROLE_LABELS = {
    "counsellor": QT_TRANSLATE_NOOP("ui.settings.admin", "Begeleider"),
    "admin": QT_TRANSLATE_NOOP("ui.settings.admin", "Beheerder"),
}


def confirm(parent: QWidget, title: str, text: str) -> bool:
    """Ask Yes/No (No is the default). Tests monkeypatch this module function."""
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


class AccountsTab(QWidget):
    """List accounts, add one, set a new password, disable one (administrators only; the service checks)."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("AccountsTab", "Gebruikersnaam"),
        QT_TRANSLATE_NOOP("AccountsTab", "Naam"),
        QT_TRANSLATE_NOOP("AccountsTab", "Rol"),
        QT_TRANSLATE_NOOP("AccountsTab", "Actief"),
    )

    def __init__(self, app: Leerwinkel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in self.COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAccessibleName(self.tr("Accounts"))
        fit_columns(self.table, stretch=(1,))
        self.username = QLineEdit()
        self.display_name = QLineEdit()
        self.role = QComboBox()
        for code, text in ROLE_LABELS.items():
            self.role.addItem(QCoreApplication.translate("ui.settings.admin", text), code)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(_buddy(self.tr("Gebruikers&naam"), self.username, self.tr("Gebruikersnaam")), self.username)
        form.addRow(_buddy(self.tr("Weer&gavenaam"), self.display_name, self.tr("Weergavenaam")), self.display_name)
        form.addRow(_buddy(self.tr("&Rol"), self.role, self.tr("Rol")), self.role)
        form.addRow(_buddy(self.tr("&Wachtwoord"), self.password, self.tr("Wachtwoord")), self.password)
        self.add_button = QPushButton(self.tr("&Toevoegen"))
        self.password_button = QPushButton(self.tr("Wachtwoord &opnieuw instellen…"))
        self.disable_button = QPushButton(self.tr("Uit&schakelen"))
        self.add_button.clicked.connect(self._on_add)
        self.password_button.clicked.connect(self._on_password)
        self.disable_button.clicked.connect(self._on_disable)
        buttons = QHBoxLayout()
        for button in (self.password_button, self.disable_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.status = _label("")
        self.status.setAccessibleName(self.tr("Status van de accounts"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(_label(self.tr("Nieuw account")))
        layout.addLayout(form)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_button)
        add_row.addStretch(1)
        layout.addLayout(add_row)
        layout.addWidget(self.status)
        self.refresh()

    def refresh(self) -> None:
        try:
            accounts = self.app.auth.accounts(self.app.auth.current)
        except LeerwinkelError as error:
            self.status.setText(describe(error))
            return
        self.table.setRowCount(len(accounts))
        for row, account in enumerate(accounts):
            values = (
                account.username,
                account.display_name,
                QCoreApplication.translate("ui.settings.admin", ROLE_LABELS.get(account.role, account.role)),
                self.tr("ja") if account.active else self.tr("nee"),
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, account.username)
                self.table.setItem(row, column, item)

    def selected_username(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def _on_add(self) -> None:
        try:
            account = self.app.auth.create_account(
                self.app.auth.current,
                self.username.text(),
                self.password.text(),
                role=str(self.role.currentData()),
                display_name=self.display_name.text(),
            )
        except LeerwinkelError as error:
            self.status.setText(describe(error))
            return
        self.password.clear()
        self.username.clear()
        self.display_name.clear()
        self.refresh()
        self.status.setText(self.tr("Account “%1” aangemaakt.").replace("%1", account.username))

    @classmethod
    def ask_password(cls, parent: QWidget, username: str) -> str | None:
        """Ask a new password for ``username``; None when cancelled. Tests monkeypatch this."""
        text, ok = QInputDialog.getText(
            parent,
            QCoreApplication.translate("ui.settings.admin", "Nieuw wachtwoord"),
            QCoreApplication.translate("ui.settings.admin", "Nieuw wachtwoord voor %1:").replace("%1", username),
            QLineEdit.EchoMode.Password,
        )
        return text if ok else None

    def _on_password(self) -> None:
        username = self.selected_username()
        if username is None:
            self.status.setText(self.tr("Kies eerst een account."))
            return
        password = self.ask_password(self, username)
        if password is None:
            return
        try:
            self.app.auth.change_password(self.app.auth.current, username, password)
        except LeerwinkelError as error:
            self.status.setText(describe(error))
            return
        self.refresh()
        self.status.setText(self.tr("Het wachtwoord van “%1” is ingesteld.").replace("%1", username))

    def _on_disable(self) -> None:
        username = self.selected_username()
        if username is None:
            self.status.setText(self.tr("Kies eerst een account."))
            return
        question = self.tr("Account “%1” uitschakelen? Wie het gebruikt, kan zich niet meer aanmelden.")
        if not confirm(self, self.tr("Account uitschakelen"), question.replace("%1", username)):
            return
        try:
            self.app.auth.set_active(self.app.auth.current, username, False)
        except LeerwinkelError as error:
            self.status.setText(describe(error))
            return
        self.refresh()
        self.status.setText(self.tr("Account “%1” is uitgeschakeld.").replace("%1", username))


class BackupsTab(QWidget):
    """List backups, make one now, verify them, restore one after confirmation (SQLite only)."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("BackupsTab", "Bestand"),
        QT_TRANSLATE_NOOP("BackupsTab", "Gemaakt (UTC)"),
        QT_TRANSLATE_NOOP("BackupsTab", "Grootte (kB)"),
        QT_TRANSLATE_NOOP("BackupsTab", "Controle"),
    )

    def __init__(self, app: Leerwinkel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.checks: dict[str, str] = {}
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in self.COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAccessibleName(self.tr("Reservekopieën"))
        fit_columns(self.table)
        self.create_button = QPushButton(self.tr("Nu mak&en"))
        self.verify_button = QPushButton(self.tr("Contro&leren"))
        self.restore_button = QPushButton(self.tr("&Terugzetten…"))
        self.create_button.clicked.connect(self._on_create)
        self.verify_button.clicked.connect(self._on_verify)
        self.restore_button.clicked.connect(self._on_restore)
        buttons = QHBoxLayout()
        for button in (self.create_button, self.verify_button, self.restore_button):
            button.setEnabled(app.backups.available)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.status = _label("")
        self.status.setAccessibleName(self.tr("Status van de reservekopieën"))
        layout = QVBoxLayout(self)
        if not app.backups.available:
            layout.addWidget(_label(describe(InvalidInputError.single("backup-postgres"))))
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.refresh()

    def refresh(self) -> None:
        backups = list(reversed(self.app.backups.backups())) if self.app.backups.available else []
        self.table.setRowCount(len(backups))
        for row, info in enumerate(backups):
            values = (
                info.path.name,
                format_datetime(info.created_at, seconds=True),
                str(max(info.size // 1024, 1)),
                self.checks.get(info.path.name, ""),
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, str(info.path))
                self.table.setItem(row, column, item)

    def selected_path(self) -> Path | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        return Path(str(item.data(Qt.ItemDataRole.UserRole))) if item is not None else None

    def _run(
        self, kind: type[QueryOp[T] | WriteOp[T]], work: Callable[[], T], label: str, done: Callable[[T], None]
    ) -> None:
        """Run ``work`` off the UI thread behind a progress dialog (a large database's backup takes seconds);
        the buttons wait meanwhile, and a refusal is said in the status line."""

        def finished(result: T) -> None:
            self._set_busy(False)
            done(result)

        def failed(error: BaseException) -> None:
            self._set_busy(False)
            if isinstance(error, LeerwinkelError):
                self.status.setText(describe(error))
            else:
                present_error(self, error)

        self._set_busy(True)
        kind(parent=self, op=lambda _progress: work(), success=finished).failure(failed).with_progress(
            label
        ).run_in_background()

    def _set_busy(self, busy: bool) -> None:
        for button in (self.create_button, self.verify_button, self.restore_button):
            button.setEnabled(not busy and self.app.backups.available)

    def _on_create(self) -> None:
        actor = self.app.auth.current

        def done(info: BackupInfo) -> None:
            self.refresh()
            self.status.setText(self.tr("Reservekopie gemaakt: %1").replace("%1", info.path.name))

        self._run(WriteOp, lambda: self.app.backups.create(actor), self.tr("Reservekopie maken…"), done)

    def _on_verify(self) -> None:
        selected = self.selected_path()

        def done(results: list[BackupCheck]) -> None:
            for check in results:
                self.checks[check.path.name] = self.tr("in orde") if check.ok else self.tr("NIET bruikbaar")
            self.refresh()
            bad = sum(1 for check in results if not check.ok)
            if bad:
                self.status.setText(self.tr("%1 van %2 reservekopieën zijn niet bruikbaar.").replace(
                    "%1", str(bad)).replace("%2", str(len(results))))  # fmt: skip
            else:
                self.status.setText(self.tr("Alle gecontroleerde reservekopieën (%1) zijn in orde.").replace(
                    "%1", str(len(results))))  # fmt: skip

        self._run(QueryOp, lambda: self.app.backups.verify(selected), self.tr("Reservekopieën controleren…"), done)

    def _on_restore(self) -> None:
        path = self.selected_path()
        if path is None:
            self.status.setText(self.tr("Kies eerst een reservekopie."))
            return
        question = self.tr(
            "De databank terugzetten naar %1? Wat sindsdien werd ingevoerd, staat dan niet meer in de "
            "databank (de huidige databank wordt apart bewaard)."
        ).replace("%1", path.name)
        if not confirm(self, self.tr("Reservekopie terugzetten"), question):
            return
        actor = self.app.auth.current

        def done(result: RestoreResult) -> None:
            self.refresh()
            self.status.setText(
                self.tr(
                    "Teruggezet uit %1. Herstart het programma om overal de teruggezette gegevens te zien."
                ).replace("%1", result.restored_from.name)
            )

        self._run(WriteOp, lambda: self.app.backups.restore(actor, path), self.tr("Reservekopie terugzetten…"), done)


class RetentionTab(QWidget):
    """Clients without activity for N years (at least the retention setting), purged after confirmation."""

    COLUMNS = (QT_TRANSLATE_NOOP("RetentionTab", "Cliënt"), QT_TRANSLATE_NOOP("RetentionTab", "Laatste activiteit"))

    def __init__(self, app: Leerwinkel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.candidates: list[RetentionCandidate] = []
        self.years = QSpinBox()
        setting = app.privacy.retention_years()
        self.years.setRange(setting, 30)  # fewer years than the setting would erase data still kept
        self.years.setValue(setting)
        self.find_button = QPushButton(self.tr("&Zoeken"))
        self.purge_button = QPushButton(self.tr("&Wissen…"))
        self.purge_button.setEnabled(False)
        self.find_button.clicked.connect(self.search)
        self.purge_button.clicked.connect(self._on_purge)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in self.COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAccessibleName(self.tr("Cliënten voorbij de bewaartermijn"))
        fit_columns(self.table, stretch=(0,))
        row = QHBoxLayout()
        row.addWidget(_buddy(self.tr("&Jaren zonder activiteit"), self.years, self.tr("Jaren zonder activiteit")))
        row.addWidget(self.years)
        row.addWidget(self.find_button)
        row.addStretch(1)
        self.status = _label("")
        self.status.setAccessibleName(self.tr("Status van de bewaartermijn"))
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.purge_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)

    def follow_setting(self) -> None:
        """Take a changed retention.years setting as the new minimum (and start value when lower)."""
        setting = self.app.privacy.retention_years()
        if self.years.minimum() != setting:
            self.years.setRange(setting, 30)
            self.years.setValue(setting)

    def search(self) -> None:
        try:
            found = self.app.privacy.retention_candidates(self.app.auth.current, years=self.years.value())
        except LeerwinkelError as error:
            self.status.setText(describe(error))
            return
        self.candidates = list(found)
        self.table.setRowCount(len(found))
        for row, candidate in enumerate(found):
            name = QTableWidgetItem(candidate.display_name)  # a table item shows plain text
            name.setData(Qt.ItemDataRole.UserRole, str(candidate.client_id))
            self.table.setItem(row, 0, name)
            self.table.setItem(row, 1, QTableWidgetItem(format_date(candidate.last_activity)))
        self.purge_button.setEnabled(bool(found))
        self.status.setText(self.tr("%1 cliënten zonder activiteit sinds %2 jaar.").replace(
            "%1", str(len(found))).replace("%2", str(self.years.value())))  # fmt: skip

    def _on_purge(self) -> None:
        ids = [c.client_id for c in self.candidates]
        if not ids:
            return
        question = self.tr(
            "%1 cliënten en al hun gegevens (intakes, verwijzingen, brieven) definitief wissen? "
            "Dit kan niet ongedaan gemaakt worden."
        ).replace("%1", str(len(ids)))
        if not confirm(self, self.tr("Gegevens wissen"), question):
            return
        try:
            count = self.app.privacy.purge(self.app.auth.current, list(ids), confirmed=True)
        except LeerwinkelError as error:
            self.status.setText(describe(error))
            return
        self.search()
        self.status.setText(self.tr("%1 cliënten gewist.").replace("%1", str(count)))
