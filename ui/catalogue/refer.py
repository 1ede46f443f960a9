"""Verwijzen from the Catalogus page: choose a client, then refer them to the chosen offering."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from leerwinkel.app import Leerwinkel
from leerwinkel.catalogue.records import OfferingInfo
from leerwinkel.changes import Changes
from leerwinkel.dates import format_date
from leerwinkel.intake.types import ClientSummary
from leerwinkel.referrals.service import ReferralResult
from ui.common.operations import WriteOp
from ui.common.widgets import buddy_label
from ui.intake.override import OverrideDialog


class ClientPickerDialog(QDialog):
    """Find a client by name (as on Cliënten) and choose one; Enter or a double click chooses."""

    LIMIT = 50

    def __init__(self, app: Leerwinkel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.setWindowTitle(self.tr("Cliënt kiezen"))
        self.setMinimumSize(440, 360)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("naam of roepnaam"))
        self.search.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setAccessibleName(self.tr("Gevonden cliënten"))
        self.buttons = QDialogButtonBox()
        self.choose_button = self.buttons.addButton(self.tr("&Kiezen"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("&Annuleren"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self._on_accept)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(buddy_label(self.tr("&Zoeken"), self.search, self.tr("Cliënt zoeken op naam of roepnaam")))
        row.addWidget(self.search, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.buttons)
        self.search.textChanged.connect(self.refresh)
        self.search.returnPressed.connect(self._on_accept)
        self.results.itemActivated.connect(lambda _item: self._on_accept())
        self.refresh()
        self.search.setFocus()

    def refresh(self) -> None:
        self.results.clear()
        for client in self.app.clients.search(self.search.text(), limit=self.LIMIT):
            details = ", ".join(p for p in (str(client.birth_year or ""), client.municipality) if p)
            item = QListWidgetItem(f"{client.name} ({details})" if details else client.name)
            item.setData(Qt.ItemDataRole.UserRole, client)
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)
        self.choose_button.setEnabled(self.results.count() > 0)

    def chosen(self) -> ClientSummary | None:
        item = self.results.currentItem()
        value = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return value if isinstance(value, ClientSummary) else None

    def _on_accept(self) -> None:
        if self.chosen() is not None:
            self.accept()

    @classmethod
    def choose(cls, parent: QWidget, app: Leerwinkel) -> ClientSummary | None:
        """The chosen client, or None when the counsellor cancels."""
        dialog = cls(app, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.chosen()


def refer_to_offering(
    parent: QWidget,
    app: Leerwinkel,
    offering: OfferingInfo,
    *,
    publish: Callable[[Changes], None],
    tell: Callable[[str], None],
) -> WriteOp[ReferralResult] | None:
    """Choose a client, ask a reason when the offering does not fit them, then refer (a WriteOp).

    ``publish`` receives the change flags, ``tell`` the Dutch status line; returns the started op
    (None when the counsellor cancelled).
    """
    client = ClientPickerDialog.choose(parent, app)
    if client is None:
        return None
    reasons = app.referrals.reasons_against(client.id, offering.id)
    reason = ""
    if reasons:
        answer = OverrideDialog.ask(parent, title=offering.title, provider=offering.provider_name, reasons=reasons)
        if answer is None:
            return None
        reason = answer
    wishes = [w for w in app.clients.wishes(client.id) if w.category == offering.category]
    wish_id = wishes[-1].id if wishes else None
    actor = app.auth.current

    def done(result: ReferralResult) -> None:
        referral = result.referral
        publish(result.changes)
        tell(
            QCoreApplication.translate("ui.catalogue.refer", "Verwijzing van %1 naar %2 aangemaakt; opvolging op %3.")
            .replace("%1", client.name)
            .replace("%2", referral.title)
            .replace("%3", format_date(referral.follow_up_on))
        )

    op = WriteOp(
        parent=parent,
        op=lambda _progress: app.referrals.create(
            client.id,
            category=offering.category,
            wish_id=wish_id,
            offering_id=offering.id,
            override_reason=reason,
            actor=actor,
        ),
        success=done,
    )
    op.run_in_background()
    return op
