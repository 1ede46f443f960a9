"""The Leerwinkel keeps its catalogue: "Nagekeken" records a check, "Te controleren" lists what is due.

A check says when (the record's last_verified), by whom (the account) and how: the page that was read
(a URL) or "telefonisch". Every check is an audit event "catalogue.check" (ids and codes only).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select

from leerwinkel.actor import Actor, require_actor
from leerwinkel.catalogue import index as search_store
from leerwinkel.catalogue.records import _months_before
from leerwinkel.errors import InvalidInputError, NotFoundError
from leerwinkel.security.audit import record
from leerwinkel.settings.service import SettingsService
from leerwinkel.storage.models import Location, Offering, Provider
from leerwinkel.storage.store import Store

KINDS: dict[str, type[Provider] | type[Location] | type[Offering]] = {
    "provider": Provider,
    "location": Location,
    "offering": Offering,
}
BY_PHONE = "telefonisch"


@dataclass(frozen=True)
class DueCheck:
    """One record on the "Te controleren" list."""

    kind: str  # provider | location | offering
    id: uuid.UUID
    external_id: str
    name: str
    last_verified: dt.date | None
    checked_by: str
    check_source: str


class CatalogueChecks:
    """Record checks and list the records that are due for one."""

    def __init__(self, store: Store, *, on_change: Callable[[], None]) -> None:
        """``on_change`` runs after a check was stored (the catalogue service rereads its search index)."""
        self.store = store
        self._on_change = on_change

    def record_check(
        self,
        kind: str,
        record_id: uuid.UUID,
        *,
        source: str,
        actor: Actor | None,
        day: dt.date | None = None,
    ) -> dt.date:
        """Mark a provider, location or offering as checked today (or ``day``) by ``actor``.

        ``source`` is the page that was read (http(s)://...) or "telefonisch". Returns the date stored.
        Raises InvalidInputError for another source or a day in the future, NotFoundError for an unknown record.
        """
        actor = require_actor(actor, "catalogue.check")
        model = KINDS.get(kind)
        if model is None:
            raise InvalidInputError.single("unknown-code", field="kind", value=kind, allowed=", ".join(KINDS))
        how = " ".join(source.split())
        if how.casefold() == BY_PHONE:
            how = BY_PHONE
        elif not how.startswith(("http://", "https://")) or " " in how or len(how) > 500:
            raise InvalidInputError.single("bad-check-source", field="check_source", value=source)
        today = self.store.now().date()
        day = day or today
        if day > today:
            raise InvalidInputError.single("future-date", field="last_verified")
        with self.store.unit_of_work() as session:
            row = session.get(model, record_id)
            if row is None:
                raise NotFoundError(kind, record_id)
            row.last_verified = day
            row.checked_by = actor.username
            row.check_source = how
            if how != BY_PHONE and how not in row.sources.splitlines():
                row.sources = "\n".join(p for p in (row.sources.strip(), how) if p)
            record(session, actor, "catalogue.check", kind, record_id, detail={"by_phone": how == BY_PHONE})
            # Only an offering's own check shows in the search ("te controleren"); any check changes the stamp.
            search_store.update_offerings(session, [record_id] if kind == "offering" else [])
        self._on_change()
        return day

    def due(self, *, months: int | None = None) -> list[DueCheck]:
        """Active records not checked for ``months`` (default: the setting), oldest (never) first."""
        months = check_months(self.store) if months is None else months
        before = _months_before(self.store.now().date(), months)
        out: list[DueCheck] = []
        with self.store.unit_of_work() as session:
            for kind, model in KINDS.items():
                query = select(model).where(model.active.is_(True))
                for row in session.scalars(query):
                    if row.last_verified is not None and row.last_verified >= before:
                        continue
                    name = row.title if isinstance(row, Offering) else str(getattr(row, "name", ""))
                    out.append(
                        DueCheck(
                            kind=kind,
                            id=row.id,
                            external_id=row.external_id,
                            name=name or row.external_id,
                            last_verified=row.last_verified,
                            checked_by=row.checked_by,
                            check_source=row.check_source,
                        )
                    )
        out.sort(key=lambda d: (d.last_verified or dt.date.min, d.kind, d.name.casefold()))
        return out


def check_months(store: Store) -> int:
    """After how many months without a check a record is "te controleren" (setting catalogue.check_months)."""
    return SettingsService(store).current().number("catalogue.check_months")
