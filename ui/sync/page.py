"""Uitwisselen: make a file for the laptop or the office, read one in, see what changed, settle conflicts."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from leerwinkel.app import Leerwinkel
from leerwinkel.changes import Changes
from leerwinkel.dates import format_datetime
from leerwinkel.errors import LeerwinkelError
from leerwinkel.messages import describe
from leerwinkel.sync.devices import Device, Enrolment
from leerwinkel.sync.service import ConflictInfo, ExportSummary, ImportSummary, Peer, SessionScope
from ui.common.changes import ChangeHub
from ui.common.operations import WriteOp
from ui.common.widgets import buddy_label, heading, plain_label
from ui.sync.conflicts import ConflictsBox


class EnrolDialog:
    """Asks to trust a device after showing its fingerprint (patched in tests)."""

    @classmethod
    def ask(cls, parent: QWidget, enrolment: Enrolment) -> bool:
        text = QCoreApplication.translate(
            "ui.sync.page",
            "Toestel “%1” inschrijven?\n\nVingerafdruk: %2\n\nVergelijk ze met wat dat toestel toont "
            "(Uitwisselen, bovenaan). Schrijf het alleen in als ze gelijk zijn.",
        )
        answer = QMessageBox.question(
            parent,
            QCoreApplication.translate("ui.sync.page", "Toestel inschrijven"),
            text.replace("%1", enrolment.name).replace("%2", enrolment.fingerprint),
        )
        return answer == QMessageBox.StandardButton.Yes


class DeviceDialog(QDialog):
    """This installation's name and role (administrators); :meth:`ask` is patched in tests."""

    def __init__(self, device: Device, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Dit toestel"))
        self.name = QLineEdit(device.name)
        self.role = QComboBox()
        self.role.addItem(self.tr("kantoor"), "office")
        self.role.addItem(self.tr("laptop voor sessies"), "laptop")
        self.role.setCurrentIndex(max(self.role.findData(device.role), 0))
        form = QFormLayout()
        form.addRow(buddy_label(self.tr("&Naam:"), self.name, self.tr("Naam van dit toestel")), self.name)
        form.addRow(buddy_label(self.tr("&Rol:"), self.role, self.tr("Rol van dit toestel")), self.role)
        note = plain_label(
            self.tr(
                "De andere toestellen zien deze naam bij de bestanden van dit toestel. Een laptop krijgt van "
                "het kantoor alleen sessiepakketten; het kantoor krijgt van een laptop alles wat die maakte."
            ),
            wrap=True,
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, parent: QWidget, device: Device) -> tuple[str, str] | None:
        """The new name and role, or None when cancelled."""
        dialog = cls(device, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.name.text(), str(dialog.role.currentData())


class ForgetDialog:
    """Asks which office holds everything before this laptop's session clients are removed (patched in tests)."""

    @classmethod
    def ask(cls, parent: QWidget, offices: list[str]) -> str | None:
        if not offices:
            return None
        text = QCoreApplication.translate(
            "ui.sync.page",
            "De cliënten van de sessie van deze laptop halen? Alleen wie “%1” volledig heeft, verdwijnt van "
            "deze laptop; het auditlogboek blijft. Het kantoor stuurt ze opnieuw als een sessie ze nodig heeft.",
        )
        answer = QMessageBox.question(
            parent,
            QCoreApplication.translate("ui.sync.page", "Sessie van deze laptop halen"),
            text.replace("%1", offices[0]),
        )
        return offices[0] if answer == QMessageBox.StandardButton.Yes else None


class FileChooser:
    """The file dialogs of the page, in one place (patched in tests)."""

    @classmethod
    def save(cls, parent: QWidget, title: str, name: str, pattern: str) -> str:
        path, _filter = QFileDialog.getSaveFileName(parent, title, name, pattern)
        return path

    @classmethod
    def open(cls, parent: QWidget, title: str, pattern: str) -> str:
        path, _filter = QFileDialog.getOpenFileName(parent, title, "", pattern)
        return path


class SyncPage(QWidget):
    """The exchange with a prison-session laptop (or the office), by a file on a USB stick."""

    def __init__(self, app: Leerwinkel, hub: ChangeHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.hub = hub
        self.device: Device | None = None
        self.last_import: ImportSummary | None = None
        self.last_export: ExportSummary | None = None

        self.device_text = plain_label(wrap=True)
        self.device_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.enrolment_button = QPushButton(self.tr("Inschrijvingsbestand &bewaren…"))
        self.enrolment_button.clicked.connect(self._on_write_enrolment)
        self.enrol_button = QPushButton(self.tr("&Toestel inschrijven…"))
        self.enrol_button.clicked.connect(self._on_enrol)
        self.device_button = QPushButton(self.tr("Naam en &rol…"))
        self.device_button.setToolTip(self.tr("De naam en de rol van dit toestel wijzigen (beheerders)"))
        self.device_button.clicked.connect(self._on_configure)
        actor = app.auth.current
        self.device_button.setVisible(actor is not None and actor.is_admin)
        self.forget_button = QPushButton(self.tr("Sessie van deze &laptop halen…"))
        self.forget_button.setToolTip(
            self.tr("Na de sessie: de cliënten die het kantoor volledig heeft van deze laptop halen")
        )
        self.forget_button.clicked.connect(self._on_forget)
        self.forget_button.setVisible(False)  # a laptop's button: shown once this device is known to be one
        self._peers: list[Peer] = []
        self.peers_text = plain_label(wrap=True)

        self.peer = QComboBox()
        self.peer.setEditable(True)
        self.session_box = QCheckBox(self.tr("&Sessiepakket voor een gevangenis"))
        self.session_box.setChecked(True)
        self.session_box.toggled.connect(self._on_session_toggled)
        self.prison = QComboBox()
        for site in app.clients.sites():  # the prisons the Leerwinkel works in come first
            if site.kind == "gevangenis":
                self.prison.addItem(site.name, site.code)
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd/MM/yyyy")
        today = app.reports.today()
        self.day.setDate(QDate(today.year, today.month, today.day))
        self.export_passphrase = QLineEdit()
        self.export_passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.export_passphrase.setPlaceholderText(self.tr("leeg: het toestel is ingeschreven"))
        self.export_button = QPushButton(self.tr("Bestand &maken…"))
        self.export_button.clicked.connect(self._on_export)
        self.print_button = QPushButton(self.tr("A&fsprakenbladen voor deze sessie…"))
        self.print_button.setToolTip(
            self.tr("Alle afsprakenbladen en brieven van deze gevangenis en dag in één afdruk")
        )
        self.print_button.clicked.connect(self._on_print_session)

        self.import_passphrase = QLineEdit()
        self.import_passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.import_passphrase.setPlaceholderText(self.tr("leeg: het toestel is ingeschreven"))
        self.import_button = QPushButton(self.tr("Bestand &inlezen…"))
        self.import_button.clicked.connect(self._on_import)
        self.summary = plain_label(wrap=True)
        self.summary.setAccessibleName(self.tr("Resultaat van de uitwisseling"))

        self.conflicts = ConflictsBox()
        self.conflicts.resolve_requested.connect(self._on_resolve)

        self._build()
        self._on_session_toggled(True)

    def _build(self) -> None:
        device_box = QGroupBox(self.tr("Dit toestel"))
        device_layout = QVBoxLayout(device_box)
        device_layout.addWidget(self.device_text)
        row = QHBoxLayout()
        row.addWidget(self.enrolment_button)
        row.addWidget(self.enrol_button)
        row.addStretch(1)
        device_layout.addLayout(row)
        row = QHBoxLayout()
        row.addWidget(self.device_button)
        row.addWidget(self.forget_button)
        row.addStretch(1)
        device_layout.addLayout(row)
        device_layout.addWidget(self.peers_text)

        export_box = QGroupBox(self.tr("Bestand maken voor een ander toestel"))
        export_form = QFormLayout(export_box)
        export_form.addRow(buddy_label(self.tr("&Naar"), self.peer, self.tr("Naar welk toestel")), self.peer)
        export_form.addRow(self.session_box)
        export_form.addRow(buddy_label(self.tr("&Gevangenis"), self.prison, self.tr("Gevangenis")), self.prison)
        export_form.addRow(buddy_label(self.tr("&Dag"), self.day, self.tr("Dag van de sessie")), self.day)
        export_form.addRow(
            buddy_label(self.tr("&Wachtzin"), self.export_passphrase, self.tr("Wachtzin voor het bestand")),
            self.export_passphrase,
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.print_button)
        export_form.addRow(buttons)

        import_box = QGroupBox(self.tr("Bestand inlezen"))
        import_form = QFormLayout(import_box)
        import_form.addRow(
            buddy_label(self.tr("W&achtzin"), self.import_passphrase, self.tr("Wachtzin van het bestand")),
            self.import_passphrase,
        )
        import_form.addRow(self.import_button)
        import_form.addRow(self.summary)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(heading(self.tr("Uitwisselen")))
        intro = plain_label(
            self.tr(
                "Gegevens gaan tussen het kantoor en de laptop voor de gevangenis met een versleuteld bestand "
                "op een USB-stick, zonder netwerk. Wie het bestand vindt, kan het niet lezen."
            ),
            wrap=True,
        )
        layout.addWidget(intro)
        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(export_box)
        left.addWidget(import_box)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(device_box)
        right.addWidget(self.conflicts)
        right.addStretch(1)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout.addLayout(columns)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    # -- refresh ---------------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        """Reload this device, the peers and the open conflicts (off the UI thread)."""
        actor = self.app.auth.current
        sync = self.app.sync

        def load(_progress: object) -> tuple[Device, list[Peer], list[ConflictInfo]]:
            return sync.device(), sync.peers(), sync.conflicts(actor)

        WriteOp(parent=self, op=load, success=self._show_state).run_in_background()

    def _show_state(self, state: tuple[Device, list[Peer], list[ConflictInfo]]) -> None:
        device, peers, conflicts = state
        self.device = device
        self._peers = peers
        self.forget_button.setVisible(device.role == "laptop")
        role = self.tr("kantoor") if device.role == "office" else self.tr("laptop voor sessies")
        self.device_text.setText(
            self.tr("%1 (%2)\nVingerafdruk: %3")
            .replace("%1", device.name)
            .replace("%2", role)
            .replace("%3", device.fingerprint)
        )
        typed = self.peer.currentText()
        self.peer.clear()
        for peer in peers:
            self.peer.addItem(peer.name, peer.device_id)
        if typed:
            self.peer.setCurrentText(typed)
        lines = []
        for peer in peers:
            how = self.tr("ingeschreven") if peer.enrolled else self.tr("met wachtzin")
            when = format_datetime(peer.last_import_at) if peer.last_import_at else self.tr("nog niets")
            lines.append(
                self.tr("%1 (%2), laatst ingelezen: %3").replace("%1", peer.name).replace("%2", how).replace("%3", when)
            )
        self.peers_text.setText("\n".join(lines) or self.tr("Nog geen andere toestellen."))
        self.conflicts.show_conflicts(conflicts)

    def _on_session_toggled(self, checked: bool) -> None:
        self.prison.setEnabled(checked)
        self.day.setEnabled(checked)
        self.print_button.setEnabled(checked)

    def _on_print_session(self) -> None:
        """The session's papers, printed beforehand in one job: the print dialog, set to this prison and day."""
        from ui.letters.session import SessionHandoutsDialog

        dialog = SessionHandoutsDialog(self.app, self)
        index = dialog.site.findData(self.prison.currentData())
        if index >= 0:
            dialog.site.setCurrentIndex(index)
        dialog.day.setDate(self.day.date())
        for box in (dialog.with_booked, dialog.with_catalogue):  # beforehand: the list of appointments, the offer
            box.setChecked(True)
        dialog.exec()

    # -- actions ---------------------------------------------------------------------------------------

    def _on_configure(self) -> None:
        if self.device is None:
            return
        answer = DeviceDialog.ask(self, self.device)
        if answer is None:
            return
        name, role = answer
        actor, sync = self.app.auth.current, self.app.sync

        def done(device: Device) -> None:
            self.summary.setText(self.tr("Dit toestel heet nu “%1”.").replace("%1", device.name))
            self.refresh()

        WriteOp(parent=self, op=lambda _progress: sync.configure(actor, name=name, role=role), success=done).failure(
            self._on_failed
        ).run_in_background()

    def _on_forget(self) -> None:
        offices = [peer.name for peer in self._peers if peer.role == "office"]
        if not offices:
            self.summary.setText(self.tr("Er is nog geen kantoor waarmee deze laptop uitwisselde."))
            return
        office = ForgetDialog.ask(self, offices)
        if office is None:
            return
        actor, sync = self.app.auth.current, self.app.sync

        def done(count: int) -> None:
            text = self.tr("%1 cliënt(en) van deze laptop gehaald; wat nog niet op het kantoor is, bleef staan.")
            self.summary.setText(text.replace("%1", str(count)))
            self.hub.publish(Changes(clients=True, intakes=True, referrals=True))
            self.refresh()

        WriteOp(parent=self, op=lambda _progress: sync.forget_session(actor, office), success=done).failure(
            self._on_failed
        ).run_in_background()

    def _on_export(self) -> None:
        peer = (
            self.peer.currentData() if self.peer.currentText() == self.peer.itemText(self.peer.currentIndex()) else None
        )
        to = str(peer or self.peer.currentText()).strip()
        if not to:
            self.summary.setText(self.tr("Kies of typ het toestel waarvoor het bestand is."))
            self.peer.setFocus()
            return
        scope = None
        if self.session_box.isChecked():
            day = self.day.date()
            scope = SessionScope(str(self.prison.currentData()), dt.date(day.year(), day.month(), day.day()))
        name = f"{'sessie' if scope else 'terug'}-{self.app.reports.today().isoformat()}.lwsync"
        target = FileChooser.save(
            self, self.tr("Uitwisselbestand bewaren"), name, self.tr("Uitwisselbestand (*.lwsync)")
        )
        if not target:
            return
        passphrase = self.export_passphrase.text() or None
        actor = self.app.auth.current
        sync = self.app.sync

        def export(progress: object) -> ExportSummary:
            return sync.export(actor, to=to, target=Path(target), passphrase=passphrase, scope=scope, progress=progress)  # type: ignore[arg-type]

        (
            WriteOp(parent=self, op=export, success=self._on_exported)
            .failure(self._on_failed)
            .with_progress(self.tr("Uitwisselbestand maken…"))
            .run_in_background()
        )

    def _on_exported(self, summary: ExportSummary) -> None:
        self.last_export = summary
        self.export_passphrase.clear()
        self.summary.setText(
            self.tr("Bestand %1 gemaakt voor %2: %3 cliënten, %4 records. Neem het mee op de USB-stick.")
            .replace("%1", Path(summary.path).name)
            .replace("%2", summary.peer)
            .replace("%3", str(summary.clients))
            .replace("%4", str(summary.records))
        )
        self.refresh()

    def _on_import(self) -> None:
        source = FileChooser.open(self, self.tr("Uitwisselbestand inlezen"), self.tr("Uitwisselbestand (*.lwsync)"))
        if not source:
            return
        passphrase = self.import_passphrase.text() or None
        actor = self.app.auth.current
        sync = self.app.sync

        def read(progress: object) -> ImportSummary:
            return sync.import_file(actor, Path(source), passphrase=passphrase, progress=progress)  # type: ignore[arg-type]

        (
            WriteOp(parent=self, op=read, success=self._on_imported)
            .failure(self._on_failed)
            .with_progress(self.tr("Uitwisselbestand inlezen…"))
            .run_in_background()
        )

    def _on_imported(self, summary: ImportSummary) -> None:
        self.last_import = summary
        self.import_passphrase.clear()
        text = (
            self.tr("Ingelezen van %1. Nieuw: %2, bijgewerkt: %3, ongewijzigd: %4, conflicten: %5, verwijderd: %6.")
            .replace("%1", summary.sender)
            .replace("%2", str(summary.new))
            .replace("%3", str(summary.updated))
            .replace("%4", str(summary.unchanged))
            .replace("%5", str(summary.conflicts))
            .replace("%6", str(summary.removed))
        )
        if summary.conflicts:
            text += " " + self.tr("Kies hieronder per veld welke versie blijft.")
        self.summary.setText(text)
        self.hub.publish(summary.changes, self)
        self.refresh()

    def _on_failed(self, error: BaseException) -> None:
        if isinstance(error, LeerwinkelError):
            self.summary.setText(describe(error))
        else:
            from ui.common.operations import present_error

            present_error(self, error)

    def _on_resolve(self, conflict_id: uuid.UUID, choices: dict[str, str]) -> None:
        actor = self.app.auth.current
        sync = self.app.sync
        WriteOp(
            parent=self,
            op=lambda _progress: sync.resolve(actor, conflict_id, choices),
            success=self._on_resolved,
        ).failure(self._on_failed).run_in_background()

    def _on_resolved(self, changes: Changes) -> None:
        self.summary.setText(self.tr("Conflict opgelost; de gekozen versie gaat mee met het volgende bestand."))
        self.hub.publish(changes, self)
        self.refresh()

    def _on_write_enrolment(self) -> None:
        target = FileChooser.save(
            self, self.tr("Inschrijvingsbestand bewaren"), "inschrijving.json", self.tr("Inschrijving (*.json)")
        )
        if not target:
            return
        actor = self.app.auth.current
        sync = self.app.sync
        WriteOp(
            parent=self,
            op=lambda _progress: sync.write_enrolment(actor, Path(target)),
            success=lambda _device: self.summary.setText(
                self.tr("Inschrijvingsbestand bewaard: %1").replace("%1", Path(target).name)
            ),
        ).failure(self._on_failed).run_in_background()

    def _on_enrol(self) -> None:
        source = FileChooser.open(
            self, self.tr("Inschrijvingsbestand van een ander toestel"), self.tr("Inschrijving (*.json)")
        )
        if not source:
            return
        try:
            enrolment = self.app.sync.read_enrolment(Path(source))  # a small file: read here, before asking
        except LeerwinkelError as error:
            self.summary.setText(describe(error))
            return
        if not EnrolDialog.ask(self, enrolment):
            return
        actor = self.app.auth.current
        sync = self.app.sync
        WriteOp(
            parent=self,
            op=lambda _progress: sync.enrol(actor, Path(source)),
            success=self._on_enrolled,
        ).failure(self._on_failed).run_in_background()

    def _on_enrolled(self, peer: Peer) -> None:
        self.summary.setText(self.tr("Ingeschreven: %1").replace("%1", peer.name))
        self.refresh()
