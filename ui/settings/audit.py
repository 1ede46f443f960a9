"""The administrator's view of the audit trail: the latest events, verify the chain, export."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from leerwinkel.app import Leerwinkel
from leerwinkel.dates import format_datetime
from leerwinkel.errors import LeerwinkelError
from leerwinkel.messages import describe
from ui.common.i18n import QT_TRANSLATE_NOOP
from ui.common.operations import QueryOp, WriteOp, present_error
from ui.common.tables import fit_columns

if TYPE_CHECKING:
    from leerwinkel.security.audit import VerifyResult

COLUMNS = (
    QT_TRANSLATE_NOOP("ui.settings.audit", "Nr."),
    QT_TRANSLATE_NOOP("ui.settings.audit", "Tijdstip (UTC)"),
    QT_TRANSLATE_NOOP("ui.settings.audit", "Handeling"),
    QT_TRANSLATE_NOOP("ui.settings.audit", "Soort"),
    QT_TRANSLATE_NOOP("ui.settings.audit", "Id"),
    QT_TRANSLATE_NOOP("ui.settings.audit", "Door"),
)


class AuditPage(QWidget):
    """Shows the newest events (ids and codes only); administrators only (the service checks)."""

    LIMIT = 500

    def __init__(self, app: Leerwinkel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([QCoreApplication.translate("ui.settings.audit", c) for c in COLUMNS])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setAccessibleName(self.tr("Gebeurtenissen in het auditlogboek"))
        fit_columns(self.table)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.refresh_button = QPushButton(self.tr("&Vernieuwen"))
        self.verify_button = QPushButton(self.tr("&Controleren"))
        self.export_button = QPushButton(self.tr("&Exporteren…"))
        self.refresh_button.clicked.connect(self.refresh)
        self.verify_button.clicked.connect(self._on_verify)
        self.export_button.clicked.connect(self._on_export)
        buttons = QHBoxLayout()
        for button in (self.refresh_button, self.verify_button, self.export_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        heading = QLabel(self.tr("Auditlogboek"))
        heading.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        layout.addWidget(self.status)
        self.refresh()

    def refresh(self) -> None:
        try:
            events = self.app.audit.events(self.app.auth.current, limit=self.LIMIT)
        except LeerwinkelError as error:
            self.status.setText(describe(error))
            self.table.setRowCount(0)
            return
        self.table.setRowCount(len(events))
        for row, event in enumerate(events):
            values = (
                str(event.sequence),
                format_datetime(event.occurred_at, seconds=True),
                event.action,
                event.object_type,
                event.object_id,
                event.actor_id,
            )
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))

    def _on_verify(self) -> None:
        def done(result: VerifyResult) -> None:
            self._set_busy(False)
            if result.ok:
                text = self.tr("Het auditlogboek is volledig en ongewijzigd (%1 gebeurtenissen).")
                self.status.setText(text.replace("%1", str(result.events)))
            elif result.reason.startswith("peer-"):  # our own trail is fine; one another device sent is not
                first = result.problems[0]
                text = self.tr("Het auditlogboek dat %1 stuurde, is NIET in orde vanaf gebeurtenis %2.")
                self.status.setText(text.replace("%1", first.detail).replace("%2", str(first.sequence or "?")))
            else:
                text = self.tr("Het auditlogboek is NIET in orde vanaf gebeurtenis %1.")
                self.status.setText(text.replace("%1", str(result.broken_at)))

        self._set_busy(True)
        # Every event is read and its hash recomputed: seconds on years of events, so off the UI thread.
        QueryOp(parent=self, op=lambda _progress: self.app.audit.verify(), success=done).failure(
            self._failed
        ).with_progress(self.tr("Auditlogboek controleren…")).run_in_background()

    def _on_export(self) -> None:
        target = self.ask_export_file()
        if not target:
            return
        actor = self.app.auth.current

        def done(count: int) -> None:
            self._set_busy(False)
            self.status.setText(self.tr("%1 gebeurtenissen geëxporteerd.").replace("%1", str(count)))
            self.refresh()

        self._set_busy(True)
        WriteOp(parent=self, op=lambda _progress: self.app.audit.export(actor, Path(target)), success=done).failure(
            self._failed
        ).with_progress(self.tr("Auditlogboek exporteren…")).run_in_background()

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if isinstance(error, LeerwinkelError):
            self.status.setText(describe(error))
        else:
            present_error(self, error)

    def _set_busy(self, busy: bool) -> None:
        for button in (self.refresh_button, self.verify_button, self.export_button):
            button.setEnabled(not busy)

    def ask_export_file(self) -> str:
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Auditlogboek exporteren"), "auditlogboek.jsonl", self.tr("JSON-regels (*.jsonl)")
        )
        return name
