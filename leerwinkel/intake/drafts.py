"""Drafts: the open form saved as you type, in the (encrypted) database, offered back after a crash.

A draft belongs to one account on one device: another desk, or another counsellor at the same
desk, never sees it. Drafts expire (setting ``drafts.expiry_days``, default 14) and a draft about
a stored client is erased with that client (GDPR erasure, retention purge). Drafts never leave the
database: no file, no log line holds their content.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from leerwinkel.actor import Actor
from leerwinkel.config import SETTINGS_BY_KEY
from leerwinkel.errors import AuthenticationError
from leerwinkel.storage.models import Draft, Setting
from leerwinkel.storage.store import Store

EXPIRY_SETTING = "drafts.expiry_days"


@dataclass(frozen=True)
class DraftRecord:
    key: str
    data: dict[str, Any]
    saved_at: dt.datetime
    client_id: uuid.UUID | None = None


def _owner(actor: Actor | None) -> uuid.UUID:
    if actor is None:
        raise AuthenticationError("sign-in-required")  # a draft holds client data
    return actor.id


class DraftService:
    """Keeps one draft per form key, account and device; removed once the form is saved.

    Each save is its own committed transaction (WAL, synchronous=FULL), so a killed process keeps
    the last draft. Callers should debounce: save after a short pause in typing, not per key.
    """

    def __init__(self, store: Store) -> None:
        self.store = store

    def _get(self, session: Session, key: str, actor: Actor | None) -> Draft | None:
        return session.get(Draft, (key, _owner(actor), self.store.device_id))

    def save(self, key: str, data: dict[str, Any], *, actor: Actor | None, client_id: uuid.UUID | None = None) -> None:
        """Keep ``data`` as ``actor``'s draft on this device; ``client_id``: the stored client it is about."""
        payload = json.dumps(data, ensure_ascii=False, sort_keys=True)
        with self.store.unit_of_work() as session:
            draft = self._get(session, key, actor)
            if draft is None:
                session.add(
                    Draft(
                        key=key,
                        owner_id=_owner(actor),
                        device_id=self.store.device_id,
                        client_id=client_id,
                        payload=payload,
                        saved_at=self.store.now(),
                    )
                )
            elif draft.payload != payload or draft.client_id != client_id:
                draft.payload = payload
                draft.client_id = client_id
                draft.saved_at = self.store.now()

    def load(self, key: str, *, actor: Actor | None) -> DraftRecord | None:
        """``actor``'s draft on this device, or None (none, unreadable, or older than the expiry: then erased).

        Nobody signed in (``actor`` None) has no drafts.
        """
        if actor is None:
            return None
        cutoff = self.store.now() - dt.timedelta(days=self.expiry_days())
        with self.store.unit_of_work() as session:
            draft = self._get(session, key, actor)
            if draft is None:
                return None
            if draft.saved_at < cutoff:
                session.delete(draft)
                return None
            try:
                data = json.loads(draft.payload)
            except ValueError:
                return None
            if not isinstance(data, dict):
                return None
            return DraftRecord(draft.key, data, draft.saved_at, draft.client_id)

    def discard(self, key: str, *, actor: Actor | None) -> None:
        """Remove ``actor``'s draft on this device (nothing to do when nobody is signed in, e.g. at exit)."""
        if actor is None:
            return
        with self.store.unit_of_work() as session:
            draft = self._get(session, key, actor)
            if draft is not None:
                session.delete(draft)

    def purge_expired(self) -> int:
        """Erase every draft (of any account or device) older than the expiry; return how many."""
        cutoff = self.store.now() - dt.timedelta(days=self.expiry_days())
        with self.store.unit_of_work() as session:
            result = session.execute(delete(Draft).where(Draft.saved_at < cutoff))
            return int(getattr(result, "rowcount", 0) or 0)

    def expiry_days(self) -> int:
        """Days a draft is kept (setting drafts.expiry_days); the default when the stored value is unusable."""
        spec = SETTINGS_BY_KEY[EXPIRY_SETTING]
        default = int(str(spec.default))
        with self.store.unit_of_work() as session:
            row = session.scalars(select(Setting).where(Setting.key == EXPIRY_SETTING)).first()
        try:
            value = int(json.loads(row.value)) if row is not None else default
        except (ValueError, TypeError):
            return default
        return value if (spec.minimum or 1) <= value <= (spec.maximum or 90) else default


def erase_client_drafts(session: Session, client_id: uuid.UUID) -> int:
    """Delete every draft about ``client_id`` in the caller's unit of work (GDPR erasure, retention)."""
    result = session.execute(delete(Draft).where(Draft.client_id == client_id))
    return int(getattr(result, "rowcount", 0) or 0)
