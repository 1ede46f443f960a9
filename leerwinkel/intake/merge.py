"""Merging two client records of one person: fields chosen from either, everything else moved to the kept one.

Rows that belong to a client (intakes, wishes, consents, referrals, letters, contacts, and any table
added later with a ``client_id`` foreign key) are moved to the kept client in one unit of work; the
merged client is then deleted, and the merge is recorded as ``client.merge`` in the audit trail.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from leerwinkel.actor import Actor
from leerwinkel.changes import Changes
from leerwinkel.dates import format_date, local_date
from leerwinkel.errors import InvalidInputError, Problem
from leerwinkel.ids import ClientId
from leerwinkel.intake.checked import ValidatedPerson
from leerwinkel.intake.combine import CHOOSABLE_FIELDS, combine_people
from leerwinkel.intake.records import _check_version, _client_record, _load_client, _site_codes
from leerwinkel.intake.types import ClientRecord
from leerwinkel.intake.validation import Checker
from leerwinkel.security.audit import record as audit
from leerwinkel.storage.models import Base
from leerwinkel.storage.store import Store

#: Child tables whose rows are rebuilt from the combined person instead of moved (one row per code).
_REBUILT = frozenset({"client_target_groups", "client_vulnerabilities", "client_thresholds"})


@dataclass(frozen=True)
class SideBySide:
    """Both records, field by field, and how many intakes, referrals ... each holds."""

    kept: ClientRecord
    other: ClientRecord
    fields: tuple[tuple[str, str, str], ...]  # (field, kept's value, other's value) as text
    kept_counts: dict[str, int]
    other_counts: dict[str, int]

    def differing(self) -> tuple[str, ...]:
        return tuple(name for name, mine, theirs in self.fields if mine != theirs)


@dataclass(frozen=True)
class MergeResult:
    client: ClientRecord
    moved: dict[str, int]  # table -> rows moved from the merged client
    changes: Changes


def client_tables() -> list[sa.Table]:
    """Every table with a ``client_id`` that refers to clients, except the rebuilt code tables."""
    tables = []
    for table in Base.metadata.sorted_tables:
        column = table.c.get("client_id")
        if column is None or table.name in _REBUILT:
            continue
        if any(fk.column.table.name == "clients" for fk in column.foreign_keys):
            tables.append(table)
    return tables


class MergeService:
    """Side-by-side comparison and the merge itself; each call is one unit of work."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def compare(self, kept_id: ClientId, other_id: ClientId, *, actor: Actor | None) -> SideBySide:
        """Both clients as the merge screen shows them; audited as ``client.view`` of each."""
        if kept_id == other_id:
            raise InvalidInputError.single("merge-same-client", field="client")
        with self.store.unit_of_work() as session:
            kept = _client_record(session, _load_client(session, kept_id))
            other = _client_record(session, _load_client(session, other_id))
            audit(session, actor, "client.view", "client", kept_id)
            audit(session, actor, "client.view", "client", other_id)
            return SideBySide(
                kept,
                other,
                tuple((name, _text(getattr(kept, name)), _text(getattr(other, name))) for name in CHOOSABLE_FIELDS),
                _counts(session, kept_id),
                _counts(session, other_id),
            )

    def merge(
        self,
        kept: ClientRecord,
        other: ClientRecord,
        *,
        take: frozenset[str] = frozenset(),
        actor: Actor | None,
    ) -> MergeResult:
        """Merge ``other`` into ``kept``: ``take`` names the fields kept from ``other``; every row moves.

        Empty fields of ``kept`` are filled from ``other``; codes are joined, notes too. Raises
        ConflictError when either record changed since it was shown, InvalidInputError for an unknown
        field or when both are the same client.
        """
        unknown = sorted(take - set(CHOOSABLE_FIELDS))
        if unknown:
            raise InvalidInputError(
                [
                    Problem("unknown-code", field="field", details={"value": n, "allowed": ", ".join(CHOOSABLE_FIELDS)})
                    for n in unknown
                ]
            )
        if kept.id == other.id:
            raise InvalidInputError.single("merge-same-client", field="client")
        person = combine_people(kept.to_input(), other.to_input(), take=take)
        with self.store.unit_of_work() as session:
            kept_row = _load_client(session, kept.id)
            other_row = _load_client(session, other.id)
            _check_version(session, kept_row, kept)
            _check_version(session, other_row, other)
            checker = Checker()
            today = local_date(self.store.now())
            validated = ValidatedPerson(person, checker, today=today, sites=_site_codes(session))
            if checker.problems:
                raise InvalidInputError(checker.problems)
            moved = _move_rows(session, other.id, kept.id, now=self.store.now(), device=self.store.device_id)
            session.expire_all()  # the moves went around the ORM: reload both clients' collections
            kept_row = _load_client(session, kept.id)
            validated.apply(kept_row)
            validated.apply_children(kept_row)
            activity = [t for t in (kept.last_activity_at, other.last_activity_at) if t is not None]
            kept_row.last_activity_at = max(activity) if activity else kept_row.last_activity_at
            session.delete(_load_client(session, other.id))
            session.flush()
            detail: dict[str, object] = {"merged": other.id, **{k: v for k, v in moved.items() if v}}
            audit(session, actor, "client.merge", "client", kept.id, detail=detail)
            return MergeResult(
                _client_record(session, kept_row),
                moved,
                Changes(clients=True, intakes=True, referrals=True, letters=True, contacts=True),
            )


def _move_rows(
    session: Session, source: ClientId, target: ClientId, *, now: dt.datetime, device: str
) -> dict[str, int]:
    """Point every row of ``source`` at ``target``, as a change of that row (version, time, device)."""
    moved: dict[str, int] = {}
    for table in client_tables():
        values: dict[str, object] = {"client_id": target}
        if "version" in table.c:
            values.update(version=table.c.version + 1, updated_at=now, updated_by_device=device)
        result = session.execute(table.update().where(table.c.client_id == source).values(**values))
        moved[table.name] = int(getattr(result, "rowcount", 0) or 0)
    return moved


def _counts(session: Session, client_id: ClientId) -> dict[str, int]:
    return {
        table.name: int(
            session.execute(
                sa.select(sa.func.count()).select_from(table).where(table.c.client_id == client_id)
            ).scalar_one()
        )
        for table in client_tables()
    }


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, dt.date):
        return format_date(value)
    return str(value)


__all__ = ["MergeResult", "MergeService", "SideBySide", "client_tables"]
