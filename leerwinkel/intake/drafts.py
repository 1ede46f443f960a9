"""Drafts: the open form saved as you type, in the database, and offered back after a crash."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from leerwinkel.storage.models import Draft
from leerwinkel.storage.store import Store


@dataclass(frozen=True)
class DraftRecord:
    key: str
    data: dict[str, Any]
    saved_at: dt.datetime


class DraftService:
    """Keeps one draft per form key. Drafts stay on this desk and are removed once the form is saved.

    Each save is its own committed transaction (WAL, synchronous=FULL), so a killed process keeps
    the last draft. Callers should debounce: save after a short pause in typing, not per key.
    """

    def __init__(self, store: Store) -> None:
        self.store = store

    def save(self, key: str, data: dict[str, Any]) -> None:
        payload = json.dumps(data, ensure_ascii=False, sort_keys=True)
        with self.store.unit_of_work() as session:
            draft = session.get(Draft, key)
            if draft is None:
                session.add(Draft(key=key, payload=payload, saved_at=self.store.now()))
            elif draft.payload != payload:
                draft.payload = payload
                draft.saved_at = self.store.now()

    def load(self, key: str) -> DraftRecord | None:
        with self.store.unit_of_work() as session:
            draft = session.get(Draft, key)
            if draft is None:
                return None
            try:
                data = json.loads(draft.payload)
            except ValueError:
                return None
            if not isinstance(data, dict):
                return None
            return DraftRecord(draft.key, data, draft.saved_at)

    def discard(self, key: str) -> None:
        with self.store.unit_of_work() as session:
            draft = session.get(Draft, key)
            if draft is not None:
                session.delete(draft)
