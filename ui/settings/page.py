"""The Instellingen page: the user settings, and for administrators accounts, backups, retention and the audit log.

Counsellors see the settings read-only and none of the administration tabs. Every change goes
through a core service that checks the role again (app.settings, app.auth, app.backups, app.privacy).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from leerwinkel.app import Leerwinkel
from leerwinkel.dates import format_date, format_datetime
from leerwinkel.errors import InvalidInputError, LeerwinkelError
from leerwinkel.messages import describe, describe_problem
from leerwinkel.security.privacy import RetentionCandidate
from leerwinkel.settings.service import SettingEntry
from ui.common.tables import fit_columns
from ui.session.inactivity import InactivityLock
from ui.settings.audit import AuditPage

#: The label of each setting on the form (with its mnemonic); the core's description is the tooltip.
SETTING_LABELS: dict[str, str] = {
    "organisation.name": "&Naam van de Leerwinkel",
    "organisation.street": "St&raat en nummer",
    "organisation.postcode": "&Postcode",
    "organisation.city": "&Gemeente",
    "organisation.phone": "&Telefoon",
    "organisation.email": "&E-mail",
    "organisation.logo": "&Logo (PNG of JPEG)",
    "followup.default_weeks": "&Opvolging na (weken)",
    "security.lock_minutes": "&Vergrendelen na (minuten zonder activiteit)",
    "retention.years": "Gegevens be&waren (jaar na het laatste contact)",
    "drafts.expiry_days": "&Concepten wissen na (dagen)",
}
ROLE_LABELS = {"counsellor": "Begeleider", "admin": "Beheerder"}


def _label(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def _buddy(text: str, widget: QWidget, accessible: str) -> QLabel:
    label = QLabel(text)  # rich text off would show the "&"; QLabel turns "&" into the mnemonic
    label.setBuddy(widget)
    widget.setAccessibleName(accessible)
    return label


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


class GeneralSettings(QWidget):
    """The typed settings of leerwinkel.config.SETTINGS: editable for administrators, read-only otherwise."""

    def __init__(self, app: Leerwinkel, *, editable: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.editable = editable
        self.fields: dict[str, QLineEdit | QSpinBox] = {}
        form = QFormLayout()
        for entry in app.settings.entries():
            widget = self._field(entry)
            self.fields[entry.key] = widget
            label = _buddy(self.tr(SETTING_LABELS.get(entry.key, entry.key)), widget, self.tr(entry.description))
            widget.setToolTip(self.tr(entry.description))
            if entry.key == "organisation.logo":
                row = QHBoxLayout()
                row.addWidget(widget, 1)
                self.browse_button = QPushButton(self.tr("&Bladeren…"))
                self.browse_button.setVisible(editable)
                self.browse_button.clicked.connect(self._on_browse)
                row.addWidget(self.browse_button)
                form.addRow(label, row)
            else:
                form.addRow(label, widget)
        self.save_button = QPushButton(self.tr("Op&slaan"))
        self.save_button.clicked.connect(self.save)
        self.save_button.setVisible(editable)
        self.status = _label("")
        self.status.setAccessibleName(self.tr("Status van de instellingen"))
        layout = QVBoxLayout(self)
        if not editable:
            layout.addWidget(_label(self.tr("Alleen een beheerder kan de instellingen wijzigen.")))
        layout.addLayout(form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addStretch(1)

    def _field(self, entry: SettingEntry) -> QLineEdit | QSpinBox:
        if entry.kind == "number":
            spin = QSpinBox()
            spin.setRange(entry.minimum or 0, entry.maximum or 9999)
            spin.setValue(int(str(entry.value)))
            spin.setReadOnly(not self.editable)
            return spin
        line = QLineEdit(str(entry.value))
        line.setReadOnly(not self.editable)
        return line

    def values(self) -> dict[str, object]:
        return {
            key: widget.value() if isinstance(widget, QSpinBox) else widget.text()
            for key, widget in self.fields.items()
        }

    def reload(self) -> None:
        for entry in self.app.settings.entries():
            widget = self.fields[entry.key]
            if isinstance(widget, QSpinBox):
                widget.setValue(int(str(entry.value)))
            else:
                widget.setText(str(entry.value))

    def save(self) -> None:
        if not self.editable:
            return
        try:
            change = self.app.settings.update(self.app.auth.current, self.values())
        except InvalidInputError as error:
            self.status.setText("\n".join(describe_problem(p) for p in error.problems))
            return
        except LeerwinkelError as error:
            self.status.setText(describe(error))
            return
        self.reload()
        if "security.lock_minutes" in change.changed:
            self._apply_lock_minutes(change.settings.number("security.lock_minutes"))
        if change.changed:
            self.status.setText(self.tr("De instellingen zijn opgeslagen (%1 gewijzigd).").replace(
                "%1", str(len(change.changed))))  # fmt: skip
        else:
            self.status.setText(self.tr("Er was niets gewijzigd."))

    def _apply_lock_minutes(self, minutes: int) -> None:
        """The running inactivity lock (ui.session.lifecycle.watch_session) takes the new time at once."""
        lock = self.window().property("leerwinkel_lock")
        if isinstance(lock, InactivityLock):
            lock.timer.setInterval(minutes * 60_000)
            if not lock.is_locked:
                lock.timer.start()

    def choose_logo(self) -> str:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Logo kiezen"), "", self.tr("Afbeeldingen (*.png *.jpg *.jpeg)")
        )
        return path

    def _on_browse(self) -> None:
        path = self.choose_logo()
        field = self.fields["organisation.logo"]
        if path and isinstance(field, QLineEdit):
            field.setText(path)


class AccountsTab(QWidget):
    """List accounts, add one, set a new password, disable one (administrators only; the service checks)."""

    COLUMNS = ("Gebruikersnaam", "Naam", "Rol", "Actief")

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
            self.role.addItem(self.tr(text), code)
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
                self.tr(ROLE_LABELS.get(account.role, account.role)),
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
            parent.tr("Nieuw wachtwoord"),
            parent.tr("Nieuw wachtwoord voor %1:").replace("%1", username),
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

    COLUMNS = ("Bestand", "Gemaakt (UTC)", "Grootte (kB)", "Controle")

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

    def _on_create(self) -> None:
        try:
            info = self.app.backups.create(self.app.auth.current)
        except LeerwinkelError as error:
            self.status.setText(describe(error))
            return
        self.refresh()
        self.status.setText(self.tr("Reservekopie gemaakt: %1").replace("%1", info.path.name))

    def _on_verify(self) -> None:
        try:
            results = self.app.backups.verify(self.selected_path())
        except LeerwinkelError as error:
            self.status.setText(describe(error))
            return
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
        try:
            result = self.app.backups.restore(self.app.auth.current, path)
        except LeerwinkelError as error:
            self.status.setText(describe(error))
            return
        self.refresh()
        self.status.setText(
            self.tr("Teruggezet uit %1. Herstart het programma om overal de teruggezette gegevens te zien.").replace(
                "%1", result.restored_from.name
            )
        )


class RetentionTab(QWidget):
    """Clients without activity for N years (at least the retention setting), purged after confirmation."""

    COLUMNS = ("Cliënt", "Laatste activiteit")

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


class SettingsPage(QWidget):
    """Instellingen: the settings for everyone (read-only for counsellors), administration tabs for admins."""

    def __init__(self, app: Leerwinkel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        actor = app.auth.current
        self.is_admin = actor is not None and actor.is_admin
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Instellingen en beheer"))
        self.general = GeneralSettings(app, editable=self.is_admin)
        self.tabs.addTab(self.general, self.tr("Alge&meen"))
        self.accounts: AccountsTab | None = None
        self.backups: BackupsTab | None = None
        self.retention: RetentionTab | None = None
        self.audit: AuditPage | None = None
        if self.is_admin:
            self.accounts = AccountsTab(app)
            self.backups = BackupsTab(app)
            self.retention = RetentionTab(app)
            self.audit = AuditPage(app)
            self.tabs.addTab(self.accounts, self.tr("Acco&unts"))
            self.tabs.addTab(self.backups, self.tr("Reserve&kopieën"))
            self.tabs.addTab(self.retention, self.tr("Bewaarterm&ijn"))
            self.tabs.addTab(self.audit, self.tr("Au&ditlogboek"))
            self.tabs.currentChanged.connect(self._on_tab_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    def _on_tab_changed(self, index: int) -> None:
        page = self.tabs.widget(index)
        if page is self.audit and self.audit is not None:
            self.audit.refresh()  # the trail grows while the window is open
        elif page is self.backups and self.backups is not None:
            self.backups.refresh()
        elif page is self.retention and self.retention is not None:
            self.retention.follow_setting()
