"""The Instellingen page: the user settings, and for administrators the tabs of ui/settings/admin.py and the audit log.

Counsellors see the settings read-only and none of the administration tabs. Every change goes
through a core service that checks the role again (app.settings, app.auth, app.backups, app.privacy).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from leerwinkel.app import Leerwinkel
from leerwinkel.errors import InvalidInputError, LeerwinkelError
from leerwinkel.messages import describe, describe_problem
from leerwinkel.settings.service import SettingEntry
from ui.common.i18n import QT_TRANSLATE_NOOP
from ui.session.inactivity import InactivityLock
from ui.settings.admin import AccountsTab, BackupsTab, RetentionTab
from ui.settings.audit import AuditPage
from ui.settings.fields import buddy as _buddy
from ui.settings.fields import label as _label
from ui.settings.language import LanguageSettings

#: The label of each setting on the form (with its mnemonic); the core's description is the tooltip.
SETTING_LABELS: dict[str, str] = {
    "organisation.name": QT_TRANSLATE_NOOP("ui.settings.page", "&Naam van de Leerwinkel"),
    "organisation.street": QT_TRANSLATE_NOOP("ui.settings.page", "St&raat en nummer"),
    "organisation.postcode": QT_TRANSLATE_NOOP("ui.settings.page", "&Postcode"),
    "organisation.city": QT_TRANSLATE_NOOP("ui.settings.page", "&Gemeente"),
    "organisation.phone": QT_TRANSLATE_NOOP("ui.settings.page", "&Telefoon"),
    "organisation.email": QT_TRANSLATE_NOOP("ui.settings.page", "&E-mail"),
    "organisation.logo": QT_TRANSLATE_NOOP("ui.settings.page", "&Logo (PNG of JPEG)"),
    "followup.default_weeks": QT_TRANSLATE_NOOP("ui.settings.page", "&Opvolging na (weken)"),
    "security.lock_minutes": QT_TRANSLATE_NOOP("ui.settings.page", "&Vergrendelen na (minuten zonder activiteit)"),
    "retention.years": QT_TRANSLATE_NOOP("ui.settings.page", "Gegevens be&waren (jaar na het laatste contact)"),
    "drafts.expiry_days": QT_TRANSLATE_NOOP("ui.settings.page", "&Concepten wissen na (dagen)"),
    "catalogue.check_months": QT_TRANSLATE_NOOP("ui.settings.page", "Catalogus nakijken na (maanden)"),
}


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
            label = _buddy(
                QCoreApplication.translate("ui.settings.page", SETTING_LABELS.get(entry.key, entry.key)),
                widget,
                entry.description,
            )
            widget.setToolTip(entry.description)
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
        self.language = LanguageSettings(app)  # for everyone: it is this installation's, not the Leerwinkel's
        layout.addWidget(self.language)
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
