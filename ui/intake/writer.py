"""The intake page's writes: "Opslaan" and "Verwijzen" as one WriteOp each, and reload after a conflict."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from leerwinkel.dates import format_date
from leerwinkel.errors import ConflictError, InvalidInputError
from leerwinkel.ids import OfferingId
from leerwinkel.intake.actions import OpenIntake, Referred
from leerwinkel.intake.reload import merge_consent, merge_person
from leerwinkel.intake.types import ClientRecord, SavedIntake
from leerwinkel.referrals.overrides import ExternalProvider
from ui.common.operations import QueryOp, WriteOp
from ui.common.widgets import show_error
from ui.intake.duplicates import ConflictDialog
from ui.intake.form import IntakeForm

log = logging.getLogger(__name__)


class IntakeWriter(QObject):
    """Runs the page's writes off the UI thread and takes back the fresh records they return.

    While a write runs the page is busy (Opslaan and Verwijzen are disabled); the page never saves
    from a copy older than what the last write returned.
    """

    def __init__(self, page: IntakeForm, widget: QWidget) -> None:
        super().__init__(widget)
        self.widget = widget  # the page as a widget: the parent of its dialogs and operations
        self.page = page

    def save(self, *, then: Callable[[], object] | None = None) -> bool:
        """Save the intake (Ctrl+S) as one write off the UI thread; ``then`` runs after it succeeded.

        Returns False when the save did not start (a write is running, or possible duplicates to check).
        """
        page = self.page
        if page._busy:
            return False
        page.clear_problems()
        if page._client is None and not page._duplicates_acknowledged and page.check_duplicates():
            page.duplicates.list.setFocus()
            page.status_message.emit(self.tr("Kijk eerst na of deze cliënt al bestaat."))
            page.save_failed.emit()
            return False
        current = page.open_intake()
        actor = page.app.auth.current

        def done(saved: SavedIntake) -> None:
            self._after_write(saved, current)
            page.status_message.emit(self.tr("Intake opgeslagen voor %1.").replace("%1", saved.client.display_name))
            page.hub.publish(saved.changes, self.widget)  # sent by the page: it skips its own
            page.saved.emit(saved)
            if then is not None:
                then()

        self._run(lambda _p: page.app.intakes.save(current, actor=actor), done)
        return True

    def refer(
        self,
        wish_index: int,
        offering_id: OfferingId | None,
        *,
        override_reason: str = "",
        external: ExternalProvider | None = None,
    ) -> bool:
        """Save what is open and refer the client to the chosen offering: one write, all or nothing.

        ``override_reason``: refer anyway to an offering that does not fit; ``external``: a provider
        outside the catalogue instead of ``offering_id``.
        """
        page = self.page
        if page._busy:
            return False
        rows = page.wishes.rows
        row = rows[wish_index] if 0 <= wish_index < len(rows) else None
        if row is None or row.is_blank:
            page.status_message.emit(self.tr("Kies eerst een categorie voor de leerwens."))
            return False
        page.clear_problems()
        current = page.open_intake()
        index = page.wishes.filled_rows().index(row)
        actor = page.app.auth.current

        def done(result: Referred) -> None:
            self._after_write(result.saved, current)
            referral = result.referral
            page.referral.show_referrals(result.open_referrals, select=referral.id)
            page.status_message.emit(
                self.tr("Verwijzing naar %1 aangemaakt; opvolging op %2.")
                .replace("%1", referral.title)
                .replace("%2", format_date(referral.follow_up_on))
            )
            page.hub.publish(result.changes, self.widget)
            page.saved.emit(result.saved)

        self._run(
            lambda _p: page.app.intakes.refer(
                current,
                wish_index=index,
                offering_id=offering_id,
                actor=actor,
                override_reason=override_reason,
                external=external,
            ),
            done,
        )
        return True

    def _run(self, op: Callable[[Any], Any], done: Callable[[Any], None]) -> None:
        self._set_busy(True)

        def success(result: Any) -> None:
            self._set_busy(False)
            done(result)

        def failure(error: BaseException) -> None:
            self._set_busy(False)
            self._on_write_failed(error)

        WriteOp(parent=self.widget, op=op, success=success).failure(failure).run_in_background()

    def _set_busy(self, busy: bool) -> None:
        page = self.page
        page._busy = busy
        page.save_button.setEnabled(not busy)
        page.proposals.refer_button.setEnabled(not busy)
        page.refer_actions.set_busy(busy)

    def _after_write(self, saved: SavedIntake, sent: OpenIntake) -> None:
        """Take the fresh records the service returned; the form keeps what was typed meanwhile."""
        page = self.page
        page._show_client(saved.client)
        page._intake_id = saved.intake.id
        for row, wish in zip(page.wishes.filled_rows(), saved.wishes, strict=False):
            row.wish_id = wish.id
        page.duplicates.setVisible(False)
        if page.open_intake().form != sent.form:
            return  # typed on while the write ran: that stays unsaved (and in the draft)
        page._autosave.stop()
        page._set_filling(True)
        try:
            page.consent.show_record(saved.client.consent, fallback="")
        finally:
            page._set_filling(False)
        page._dirty = False
        page.draft.discard()

    def _on_write_failed(self, error: BaseException) -> None:
        page = self.page
        page.save_failed.emit()
        if isinstance(error, InvalidInputError):
            page.show_problems(error.problems)
        elif isinstance(error, ConflictError) and error.entity == "clients" and page._client is not None:
            log.info(
                "intake save refused: client %s changed elsewhere (%s)", error.record_id, ",".join(error.changed_fields)
            )
            if ConflictDialog.ask_reload(self.widget, error):
                self.reload_keeping_typed()
        else:
            show_error(self.widget, error)

    def reload_keeping_typed(self) -> None:
        """Read the client again; fields typed here keep their text, the others take the stored values."""
        page = self.page
        if page._client is None:
            return
        base, typed, typed_consent = page._client, page.person_input(), page.consent_input()

        def loaded(fresh: ClientRecord) -> None:
            page._set_filling(True)
            try:
                page.fill_person(merge_person(base.to_input(), typed, fresh.to_input()))
                page.consent.fill(merge_consent(base, typed_consent, fresh))
                page._show_client(fresh)
            finally:
                page._set_filling(False)
            page._dirty = True
            page.status_message.emit(
                self.tr("Cliënt opnieuw geladen; wat je typte, staat er nog. Sla op om te bewaren.")
            )

        client_id = base.id
        QueryOp(parent=self.widget, op=lambda _p: page.app.clients.get(client_id), success=loaded).run_in_background()
