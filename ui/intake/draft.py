"""The intake form's draft: everything typed as plain JSON data, written off the UI thread, offered after a crash."""

from __future__ import annotations

import logging
import uuid
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from leerwinkel.errors import LeerwinkelError
from leerwinkel.ids import ClientId, IntakeId, WishId
from leerwinkel.intake.types import ConsentInput, PersonInput, ThresholdInput
from ui.common.operations import WriteOp
from ui.common.widgets import show_error
from ui.intake.form import IntakeForm

log = logging.getLogger(__name__)

DRAFT_KEY = "intake"


class IntakeDraft(QObject):
    """Collects the page's fields into a draft and puts a draft back; every write is a WriteOp."""

    def __init__(self, page: IntakeForm, widget: QWidget) -> None:
        super().__init__(widget)
        self.widget = widget  # the page as a widget: the parent of its dialogs and operations
        self.page = page

    def data(self) -> dict[str, Any]:
        """Everything typed, as plain JSON data."""
        page = self.page
        person = page.person_input()
        consent = page.consent_input()
        return {
            "person": {
                **{k: getattr(person, k) for k in PersonInput.__dataclass_fields__ if k != "thresholds"},
                "target_groups": list(person.target_groups),
                "vulnerabilities": list(person.vulnerabilities),
                "thresholds": [[t.code, t.note] for t in person.thresholds],
            },
            "wishes": [row.to_data() for row in page.wishes.rows],
            "consent": [consent.store_data, consent.share_with_provider, consent.contact_follow_up, consent.given_on],
            **page.meeting.values(),
            "client_id": str(page.client.id) if page.client else None,
            "intake_id": str(page._intake_id) if page._intake_id else None,
        }

    def save(self) -> None:
        data = self.data()
        app = self.page.app
        actor = app.auth.current  # read on the UI thread: the draft belongs to who typed it, on this device
        client_id = self.page.client.id if self.page.client is not None else None

        def failed(error: BaseException) -> None:
            if not isinstance(error, LeerwinkelError):
                show_error(self.widget, error)  # a bug: logged, with technical details to copy
                return
            self.page.status_message.emit(self.tr("Concept niet bewaard: %1").replace("%1", type(error).__name__))

        WriteOp(
            parent=self.widget,
            op=lambda _p: app.drafts.save(DRAFT_KEY, data, actor=actor, client_id=client_id),
            success=lambda _r: None,
        ).failure(failed).run_in_background()

    def discard(self) -> None:
        app = self.page.app
        actor = app.auth.current
        WriteOp(
            parent=self.widget, op=lambda _p: app.drafts.discard(DRAFT_KEY, actor=actor), success=lambda _r: None
        ).run_in_background()

    def offer_restore(self) -> bool:
        """After a crash: offer the draft that was left; returns True when it was restored."""
        from ui.common.widgets import RestoreDraftDialog

        draft = self.page.app.drafts.load(DRAFT_KEY, actor=self.page.app.auth.current)
        if draft is None:
            return False
        if RestoreDraftDialog.ask(self.widget, draft.saved_at):
            self.restore(draft.data)
            return True
        self.discard()
        return False

    def restore(self, data: dict[str, Any]) -> None:
        """Put a draft back in the form (for a returning client, the stored client is read first)."""
        page = self.page
        client_id = data.get("client_id")
        if client_id:
            try:
                page.load_client(ClientId(uuid.UUID(str(client_id))), then=lambda: self._fill(data))
                return
            except ValueError:
                log.info("draft names a client id that is not a UUID")
        page.clear()
        self._fill(data)

    def _fill(self, data: dict[str, Any]) -> None:
        page = self.page
        page._set_filling(True)
        try:
            raw = dict(data.get("person", {}))
            thresholds = tuple(ThresholdInput(str(c), str(n)) for c, n in raw.pop("thresholds", []))
            raw["target_groups"] = tuple(raw.get("target_groups", ()))
            raw["vulnerabilities"] = tuple(raw.get("vulnerabilities", ()))
            known = {k: v for k, v in raw.items() if k in PersonInput.__dataclass_fields__}
            page.fill_person(PersonInput(**known, thresholds=thresholds))
            wishes = list(data.get("wishes", []))
            page.wishes.set_rows(wishes)
            for row, wish in zip(page.wishes.rows, wishes, strict=False):
                row.wish_id = _uuid(wish.get("wish_id"), WishId)
            store, share, contact, given_on = (data.get("consent") or [False, False, False, ""])[:4]
            page.consent.fill(ConsentInput(bool(store), bool(share), bool(contact), str(given_on)))
            page.meeting.fill(data)
            if page.client is not None:
                page._intake_id = _uuid(data.get("intake_id"), IntakeId)
        finally:
            page._set_filling(False)
        page.mark_dirty()


def _uuid(value: object, kind: Any) -> Any:
    try:
        return kind(uuid.UUID(str(value))) if value else None
    except ValueError:
        return None
