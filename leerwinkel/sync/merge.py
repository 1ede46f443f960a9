"""Bringing a received file into this database: a three-way merge per field, against what the peer held.

For every record the file carries, three versions meet: ours, the peer's (in the file) and the base, the
version both sides are known to have held (its keyed field digests, in ``sync_shadows``). A field only
the peer changed is taken; a field only we changed stays; a field both changed to different values is a
conflict, kept with both values until a counsellor chooses. A record erased on either side stays erased
(a tombstone), and a file that arrives twice changes nothing the second time.

Erased on one side and changed on the other since the last exchange is a conflict too (the pseudo-field
:data:`ERASED`, True on the side that erased it): the changed version is kept, here and there, until a
counsellor chooses; the erasure wins only by that choice. "Changed" means the version differs from every
version a peer was known to hold before the erasure, so an old copy that merely had not heard of the
erasure yet is erased without asking.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
import zlib
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import Table, bindparam, delete, func, insert, select, update
from sqlalchemy.orm import Session

from leerwinkel.errors import ConflictError, ExchangeError
from leerwinkel.storage.models import SyncAuditEvent, SyncConflict, SyncOutbox, SyncPeer, SyncShadow, SyncTombstone
from leerwinkel.sync.tables import (
    BOTH,
    DOWN,
    REFERENCE,
    SPECS,
    TABLES,
    Digester,
    Resolver,
    TableSpec,
    chunks,
    decoder,
    local_values,
    portable_content,
)

Progress = Callable[[int, int], None]

#: The pseudo-field of a conflict between an erasure and a change: True on the side that erased the record.
ERASED = "erased"


@dataclass
class TableCounts:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: int = 0
    removed: int = 0


@dataclass
class MergeResult:
    tables: dict[str, TableCounts] = field(default_factory=lambda: defaultdict(TableCounts))
    audit_events: int = 0

    def total(self, name: str) -> int:
        return sum(getattr(counts, name) for counts in self.tables.values())

    @property
    def touched(self) -> set[str]:
        return {t for t, c in self.tables.items() if c.new or c.updated or c.removed or c.conflicts}


def _table(model: Any) -> Table:
    """The Core table of a model: bulk inserts through it skip the ORM's per-row bookkeeping."""
    return cast(Table, model.__table__)


# -- reading local rows by identity ---------------------------------------------------------------


def local_rows(session: Session, spec: TableSpec, resolver: Resolver, identities: list[str]) -> dict[str, Any]:
    """The local rows (Core rows) of ``identities``, by identity."""
    t = spec.table
    found: dict[str, Any] = {}
    if not spec.natural_key:
        ids = [uuid.UUID(i) for i in identities]
        for batch in chunks(ids):
            for row in session.execute(select(t).where(t.c.id.in_(batch))):
                found[str(row.id)] = row
        return found
    first = spec.natural_key[0]
    target = spec.refs.get(first)
    keys = {i.split("\x1f", 1)[0] for i in identities}
    values: list[Any] = [resolver.local_id(target, k) for k in keys] if target else list(keys)
    values = [v for v in values if v is not None]
    for batch in chunks(values):
        for row in session.execute(select(t).where(t.c[first].in_(batch))):
            content = {c: row._mapping[c] for c in spec.natural_key}
            found[_identity_of_row(spec, content, resolver)] = row
    return found


def _identity_of_row(spec: TableSpec, content: dict[str, Any], resolver: Resolver) -> str:
    parts = []
    for column in spec.natural_key:
        target = spec.refs.get(column)
        value = content[column]
        parts.append(str(resolver.portable(target, value) if target else value))
    return "\x1f".join(parts)


def shadows_of(session: Session, peer_id: uuid.UUID, table: str, identities: list[str]) -> dict[str, dict[str, str]]:
    found: dict[str, dict[str, str]] = {}
    for batch in chunks(identities):
        query = select(SyncShadow.identity, SyncShadow.digests).where(
            SyncShadow.peer_id == peer_id, SyncShadow.table_name == table, SyncShadow.identity.in_(batch)
        )
        for identity, digests in session.execute(query):
            found[identity] = json.loads(digests)
    return found


def save_shadows(session: Session, peer_id: uuid.UUID, table: str, digests: dict[str, dict[str, str] | None]) -> None:
    """Set (or, for None, drop) what ``peer_id`` holds of these records."""
    for batch in chunks(list(digests)):
        session.execute(
            delete(SyncShadow).where(
                SyncShadow.peer_id == peer_id, SyncShadow.table_name == table, SyncShadow.identity.in_(batch)
            )
        )
    rows = [
        {"peer_id": peer_id, "table_name": table, "identity": identity, "digests": json.dumps(value, sort_keys=True)}
        for identity, value in digests.items()
        if value is not None
    ]
    if rows:
        session.execute(insert(_table(SyncShadow)), rows)


def _known_anywhere(session: Session, table: str, identities: list[str]) -> set[str]:
    """Identities some peer was known to hold: a record that is missing here was erased here."""
    found: set[str] = set()
    for batch in chunks(identities):
        query = select(SyncShadow.identity).where(SyncShadow.table_name == table, SyncShadow.identity.in_(batch))
        found.update(session.scalars(query))
    return found


def held_versions(session: Session, table: str, identities: list[str]) -> dict[str, list[dict[str, str]]]:
    """Every version (field digests) any peer was known to hold of these records, by identity."""
    found: dict[str, list[dict[str, str]]] = defaultdict(list)
    for batch in chunks(identities):
        query = select(SyncShadow.identity, SyncShadow.digests).where(
            SyncShadow.table_name == table, SyncShadow.identity.in_(batch)
        )
        for identity, digests in session.execute(query):
            found[identity].append(json.loads(digests))
    return found


def tombstoned(session: Session, table: str, identities: list[str]) -> set[str]:
    found: set[str] = set()
    for batch in chunks(identities):
        query = select(SyncTombstone.identity).where(
            SyncTombstone.table_name == table, SyncTombstone.identity.in_(batch)
        )
        found.update(session.scalars(query))
    return found


def drop_tombstones(session: Session, table: str, identities: list[str]) -> None:
    """A record back after all (a conflict keeps it until a counsellor chooses): no longer erased here."""
    for batch in chunks(identities):
        session.execute(
            delete(SyncTombstone).where(SyncTombstone.table_name == table, SyncTombstone.identity.in_(batch))
        )


def add_tombstones(session: Session, table: str, identities: set[str], now: dt.datetime) -> None:
    new = sorted(identities - tombstoned(session, table, sorted(identities)))
    if new:
        session.execute(
            insert(_table(SyncTombstone)), [{"table_name": table, "identity": i, "deleted_at": now} for i in new]
        )


# -- the merge --------------------------------------------------------------------------------------


class Merger:
    """Applies one opened file inside the caller's unit of work (the caller commits or rolls back)."""

    def __init__(
        self,
        session: Session,
        *,
        peer: SyncPeer,
        digester: Digester,
        device_id: str,
        now: dt.datetime,
        location: str = "",
    ) -> None:
        self.session = session
        self.peer = peer
        self.digester = digester
        self.device_id = device_id
        self.now = now
        self.location = location
        self.resolver = Resolver(session)
        self.result = MergeResult()
        self.restored_clients: set[uuid.UUID] = set()  # erased here, back because the peer changed them
        self._kept_along: dict[str, dict[str, Any]] = {}  # rows of a client kept against an erasure there

    def apply(self, payload: dict[str, Any], progress: Progress | None = None) -> MergeResult:
        self._acknowledgement(int(payload.get("acknowledges") or 0))
        self._forgotten(payload.get("forgotten") or {})
        self._tombstones(payload.get("tombstones") or [])
        records: dict[str, list[Any]] = payload.get("records") or {}
        for done, spec in enumerate(TABLES):
            rows = records.get(spec.name) or []
            if rows:
                if spec.direction == REFERENCE:
                    self._references(spec, rows)
                else:
                    self._merge_table(spec, rows)
            if progress is not None:
                progress(done + 1, len(TABLES) + 1)
        self._audit(payload.get("audit") or {})
        return self.result

    # acknowledgements: the peer received our files up to ``sequence``
    def _acknowledgement(self, sequence: int) -> None:
        if sequence <= self.peer.acknowledged:
            return
        query = (
            select(SyncOutbox)
            .where(SyncOutbox.peer_id == self.peer.id, SyncOutbox.sequence <= sequence)
            .order_by(SyncOutbox.sequence)
        )
        for sent in self.session.scalars(query):
            digests: dict[str, dict[str, dict[str, str] | None]] = json.loads(zlib.decompress(sent.digests))
            for table, entries in digests.items():
                save_shadows(self.session, self.peer.id, table, entries)
            self.peer.audit_acknowledged = max(self.peer.audit_acknowledged, sent.audit_upto)
        self.session.execute(
            delete(SyncOutbox).where(SyncOutbox.peer_id == self.peer.id, SyncOutbox.sequence <= sequence)
        )
        self.peer.acknowledged = sequence

    def _forgotten(self, forgotten: dict[str, list[str]]) -> None:
        """The peer removed these records after a session (not erased): send them again when needed."""
        for table, identities in forgotten.items():
            if table in SPECS:
                save_shadows(self.session, self.peer.id, table, dict.fromkeys(identities))

    def _tombstones(self, tombstones: list[Any]) -> None:
        by_table: dict[str, list[str]] = defaultdict(list)
        for table, identity in tombstones:
            if table in SPECS and SPECS[table].direction != REFERENCE:
                by_table[str(table)].append(str(identity))
        kept = self._changed_here(by_table)
        for spec in reversed(TABLES):
            identities = by_table.get(spec.name)
            if not identities:
                continue
            rows = local_rows(self.session, spec, self.resolver, identities)
            saved = kept.get(spec.name, {})
            if saved:
                self._erased_there(spec, saved)
            carried = self._kept_along.get(spec.name, {})
            if carried:  # no conflict of their own; the peer holds them no more, so they go back with the client
                save_shadows(self.session, self.peer.id, spec.name, dict.fromkeys(carried))
            if saved or carried:
                rows = {i: row for i, row in rows.items() if i not in saved and i not in carried}
                identities = [i for i in identities if i not in saved and i not in carried]
            ids = [row.id for row in rows.values()]
            for batch in chunks(ids):
                self.session.execute(delete(spec.table).where(spec.table.c.id.in_(batch)))
            self.result.tables[spec.name].removed += len(ids)
            add_tombstones(self.session, spec.name, set(identities), self.now)
            save_shadows(self.session, self.peer.id, spec.name, dict.fromkeys(identities))
            for batch in chunks(identities):
                self.session.execute(
                    delete(SyncConflict).where(SyncConflict.table_name == spec.name, SyncConflict.identity.in_(batch))
                )

    def _changed_here(self, by_table: dict[str, list[str]]) -> dict[str, dict[str, Any]]:
        """Of the records the peer erased, those changed here since the peer last held them (to keep).

        A kept record keeps its client (and a kept status change its referral): erasing those would
        take the kept record with it. Without a known version of the peer's, the erasure wins.
        """
        kept: dict[str, dict[str, Any]] = defaultdict(dict)
        clients: set[uuid.UUID] = set()
        referrals: set[uuid.UUID] = set()
        for spec in TABLES:
            identities = by_table.get(spec.name)
            if not identities or spec.direction != BOTH:
                continue
            rows = local_rows(self.session, spec, self.resolver, identities)
            shadows = shadows_of(self.session, self.peer.id, spec.name, list(rows))
            for identity, row in rows.items():
                base = shadows.get(identity)
                mine = self.digester.row(portable_content(spec, row, self.resolver))
                if base is not None and base != mine:
                    kept[spec.name][identity] = row
                    client = _client_of(self.session, spec, row)
                    if client is not None:
                        clients.add(client)
                    if spec.name == "referral_status_changes":
                        referrals.add(row.referral_id)
        for name, ancestors in (("clients", clients), ("referrals", referrals)):
            spec = SPECS[name]
            wanted = [i for i in by_table.get(name, []) if i not in kept[name]]
            for identity, row in local_rows(self.session, spec, self.resolver, wanted).items():
                if row.id in ancestors:
                    kept[name][identity] = row
        # the other rows of a kept client stay with it (one conflict, on the client, decides for them all)
        along: dict[str, dict[str, Any]] = defaultdict(dict)
        for spec in TABLES:
            identities = by_table.get(spec.name)
            if not identities or spec.direction != BOTH or spec.name == "clients" or not spec.client_column:
                continue
            wanted = [i for i in identities if i not in kept[spec.name]]
            for identity, row in local_rows(self.session, spec, self.resolver, wanted).items():
                if row._mapping[spec.client_column] in clients:
                    along[spec.name][identity] = row
        self._kept_along = along
        return {name: rows for name, rows in kept.items() if rows}

    def _erased_there(self, spec: TableSpec, rows: dict[str, Any]) -> None:
        """Records the peer erased but that were changed here: kept, each a conflict to settle."""
        conflicts = [
            {
                "identity": identity,
                "record_id": row.id,
                "client_id": _client_of(self.session, spec, row),
                "fields": [ERASED],
                "local": {ERASED: False},
                "remote": {ERASED: True},
            }
            for identity, row in rows.items()
        ]
        self._conflicts(spec, conflicts, [])
        save_shadows(self.session, self.peer.id, spec.name, dict.fromkeys(rows))  # the peer holds it no more
        self.result.tables[spec.name].conflicts += len(conflicts)

    def _changed_after_erasure(self, spec: TableSpec, identity: str, remote: dict[str, str]) -> bool:
        """The peer's version of a record erased here is none that any peer was known to hold before."""
        return remote not in held_versions(self.session, spec.name, [identity]).get(identity, [])

    def _references(self, spec: TableSpec, rows: list[Any]) -> None:
        """Sites and accounts a record points at: added when missing (an account without password or
        role, so it cannot sign in), never changed."""
        identities = [str(row[0]) for row in rows]
        existing = local_rows(self.session, spec, self.resolver, identities)
        inserts = []
        for identity, content, meta in rows:
            if identity in existing:
                continue
            values = local_values(spec, content, self.resolver)
            if spec.name == "counsellors":
                values.update(role="counsellor", active=False, password_hash=None)
            elif spec.name == "sites":
                values.update(active=False)
            inserts.append(self._bookkeeping(values, meta, new=True))
        if inserts:
            self.session.execute(spec.table.insert(), inserts)
            self.result.tables[spec.name].new += len(inserts)
            self.resolver.forget(spec.name)

    def _merge_table(self, spec: TableSpec, rows: list[Any]) -> None:
        identities = [str(row[0]) for row in rows]
        local = local_rows(self.session, spec, self.resolver, identities)
        shadows = shadows_of(self.session, self.peer.id, spec.name, identities)
        gone = tombstoned(self.session, spec.name, identities)
        missing = [i for i in identities if i not in local and i not in gone]
        erased_here = _known_anywhere(self.session, spec.name, missing) if missing else set()
        counts = self.result.tables[spec.name]
        columns = spec.columns
        required = {c for c in spec.refs if not spec.table.c[c].nullable}
        inserts: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        new_shadows: dict[str, dict[str, str] | None] = {}
        conflicts: list[dict[str, Any]] = []
        settled: list[str] = []
        new_tombstones: set[str] = set()
        restored: list[str] = []
        for identity, content, meta in rows:
            remote = {c: content[c] for c in columns if c in content}
            remote_digests = self.digester.row(remote)
            new_shadows[identity] = remote_digests
            erased = identity in gone or identity in erased_here
            restore = False
            if erased:
                client = self._client_in(spec, remote)
                restore = spec.direction == BOTH and (
                    (client is not None and client in self.restored_clients)
                    or self._changed_after_erasure(spec, identity, remote_digests)
                )
                if not restore:
                    new_tombstones.add(identity)
                    continue
            row = local.get(identity)
            if row is None:
                values = local_values(spec, remote, self.resolver)
                if any(values.get(c) is None for c in required):
                    new_tombstones.add(identity)  # its parent was erased here: it stays away too
                    continue
                values["id"] = uuid.UUID(str(meta["id"]))
                self._derive(spec, values, meta, None)
                inserts.append(self._bookkeeping(values, meta, new=True))
                if restore:
                    restored.append(identity)
                    self._restored(spec, identity, values, conflicts)
                else:
                    counts.new += 1
                continue
            mine = portable_content(spec, row, self.resolver)
            my_digests = self.digester.row(mine)
            differing = [c for c in remote if my_digests.get(c) != remote_digests[c]]
            if not differing:
                counts.unchanged += 1
                settled.append(identity)
                continue
            take: list[str] = []
            clash: list[str] = []
            base = shadows.get(identity)
            for column in differing:
                if spec.direction == DOWN:
                    take.append(column)
                    continue
                held = base.get(column) if base else None
                if held is not None and held == remote_digests[column]:
                    continue  # only we changed it: ours stays, and goes to the peer next time
                if held is not None and held == my_digests[column]:
                    take.append(column)
                else:
                    clash.append(column)
            if take:
                merged = dict(mine)
                merged.update({c: remote[c] for c in take})
                values = local_values(spec, merged, self.resolver)
                self._derive(spec, values, meta, row)
                values.update(
                    _id=row.id,
                    _version=row.version,
                    version=row.version + 1,
                    updated_at=self.now,
                    updated_by_device=self.device_id,
                )
                updates.append(values)
                counts.updated += 1
            if clash:
                conflicts.append(
                    {
                        "identity": identity,
                        "record_id": row.id,
                        "client_id": _client_of(self.session, spec, row),
                        "fields": clash,
                        "local": {c: mine[c] for c in clash},
                        "remote": {c: remote[c] for c in clash},
                    }
                )
                counts.conflicts += 1
            elif not take:
                counts.unchanged += 1
        if restored:
            drop_tombstones(self.session, spec.name, restored)
        if inserts:
            self.session.execute(spec.table.insert(), inserts)
            if spec.name in ("clients",):
                self.resolver.forget(spec.name)
        if updates:
            self._update(spec, updates)
        if new_tombstones:
            add_tombstones(self.session, spec.name, new_tombstones, self.now)
        self._conflicts(spec, conflicts, settled)
        save_shadows(self.session, self.peer.id, spec.name, new_shadows)

    def _client_in(self, spec: TableSpec, remote: dict[str, Any]) -> uuid.UUID | None:
        """The client a travelling row belongs to (its id on every installation), if it names one."""
        value = remote.get(spec.client_column) if spec.client_column else None
        try:
            return uuid.UUID(str(value)) if value is not None else None
        except ValueError:
            return None

    def _restored(
        self, spec: TableSpec, identity: str, values: dict[str, Any], conflicts: list[dict[str, Any]]
    ) -> None:
        """An erased record back with the peer's changes: a conflict (the client's other rows come along)."""
        client = values["id"] if spec.name == "clients" else values.get(spec.client_column or "")
        if spec.name == "clients":
            self.restored_clients.add(values["id"])
        elif isinstance(client, uuid.UUID) and client in self.restored_clients:
            self.result.tables[spec.name].new += 1  # part of a client that is back: one conflict for them all
            return
        conflicts.append(
            {
                "identity": identity,
                "record_id": values["id"],
                "client_id": client if isinstance(client, uuid.UUID) else None,
                "fields": [ERASED],
                "local": {ERASED: True},
                "remote": {ERASED: False},
            }
        )
        self.result.tables[spec.name].conflicts += 1

    def _update(self, spec: TableSpec, updates: list[dict[str, Any]]) -> None:
        """Executemany per shape of row; a record a desk changed meanwhile (other version) is a conflict."""
        t = spec.table
        shapes: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
        for values in updates:
            shapes[tuple(sorted(values))].append(values)
        for group in shapes.values():
            # without .values(), the SET clause is every key of the parameters that is not bound elsewhere
            statement = update(t).where(t.c.id == bindparam("_id"), t.c.version == bindparam("_version"))
            result = self.session.connection().execute(statement, group)
            if self.session.get_bind().dialect.supports_sane_multi_rowcount and result.rowcount != len(group):
                raise ConflictError(spec.name, "", [])

    def _derive(self, spec: TableSpec, values: dict[str, Any], meta: dict[str, Any], row: Any) -> None:
        """Columns kept by the services, recomputed here: the client's search key and last activity."""
        if spec.name != "clients":
            return
        from leerwinkel.intake.checked import search_key

        first = values.get("first_name", row.first_name if row is not None else "")
        alias = values.get("alias", row.alias if row is not None else "")
        last = values.get("last_name", row.last_name if row is not None else "")
        values["search_key"] = search_key(first or "", alias or "", last or "")
        theirs = meta.get("last_activity_at")
        remote = decoder(spec, "last_activity_at")(theirs)
        mine = row.last_activity_at if row is not None else None
        if mine is not None and mine.tzinfo is None:
            mine = mine.replace(tzinfo=dt.UTC)
        values["last_activity_at"] = max((m for m in (mine, remote) if m is not None), default=None)

    def _bookkeeping(self, values: dict[str, Any], meta: dict[str, Any], *, new: bool) -> dict[str, Any]:
        if "id" not in values:
            values["id"] = uuid.UUID(str(meta["id"]))
        created = meta.get("created_at")
        values["created_at"] = dt.datetime.fromisoformat(created) if created else self.now
        values["updated_at"] = self.now
        values["updated_by_device"] = str(meta.get("device") or self.peer.device_id)[:64]
        values["version"] = 1
        return values

    def _conflicts(self, spec: TableSpec, found: list[dict[str, Any]], settled: list[str]) -> None:
        stale = settled + [c["identity"] for c in found]
        for batch in chunks(stale):
            self.session.execute(
                delete(SyncConflict).where(
                    SyncConflict.peer_id == self.peer.id,
                    SyncConflict.table_name == spec.name,
                    SyncConflict.identity.in_(batch),
                )
            )
        for item in found:
            self.session.add(
                SyncConflict(
                    peer_id=self.peer.id,
                    table_name=spec.name,
                    identity=item["identity"],
                    client_id=item["client_id"],
                    fields=json.dumps(item["fields"]),
                    local_values=json.dumps(item["local"], ensure_ascii=False),
                    remote_values=json.dumps(item["remote"], ensure_ascii=False),
                    detected_at=self.now,
                )
            )

    # the peer's audit trail, kept beside ours
    def _audit(self, audit: dict[str, Any]) -> None:
        from leerwinkel.security.audit import GENESIS_HASH, event_hash

        origin = self.peer.device_id
        last = self.session.execute(
            select(SyncAuditEvent.sequence, SyncAuditEvent.hash)
            .where(SyncAuditEvent.origin == origin)
            .order_by(SyncAuditEvent.sequence.desc())
            .limit(1)
        ).first()
        last_sequence, last_hash = (last[0], last[1]) if last else (0, GENESIS_HASH)
        rows = []
        for event in audit.get("events") or []:
            try:
                sequence = int(event["sequence"])
                if sequence <= last_sequence:
                    continue
                occurred_at = dt.datetime.fromisoformat(event["occurred_at"])
                actor = uuid.UUID(event["actor_id"]) if event.get("actor_id") else None
                expected = event_hash(
                    sequence=sequence,
                    occurred_at=occurred_at,
                    actor_id=actor,
                    action=str(event["action"]),
                    object_type=str(event["object_type"]),
                    object_id=str(event["object_id"]),
                    detail=str(event["detail"]),
                    previous_hash=str(event["previous_hash"]),
                )
            except (KeyError, TypeError, ValueError) as error:
                raise ExchangeError("audit-chain", location=self.location, detail=origin) from error
            if sequence != last_sequence + 1 or event["previous_hash"] != last_hash or expected != event["hash"]:
                raise ExchangeError("audit-chain", location=self.location, detail=origin)
            rows.append(
                {
                    "origin": origin,
                    "sequence": sequence,
                    "occurred_at": occurred_at,
                    "actor_id": actor,
                    "action": str(event["action"])[:40],
                    "object_type": str(event["object_type"])[:40],
                    "object_id": str(event["object_id"])[:64],
                    "detail": str(event["detail"]),
                    "previous_hash": last_hash,
                    "hash": expected,
                    "signature": str(event.get("signature") or ""),
                }
            )
            last_sequence, last_hash = sequence, expected
        if rows:
            self.session.execute(insert(_table(SyncAuditEvent)), rows)
        self.result.audit_events = len(rows)


def _client_of(session: Session, spec: TableSpec, row: Any) -> uuid.UUID | None:
    """The client a record belongs to (a conflict about it goes when the client is erased)."""
    if spec.name == "referral_status_changes":
        from leerwinkel.storage.models import Referral

        return session.scalar(select(Referral.client_id).where(Referral.id == row.referral_id))
    if not spec.client_column:
        return None
    value = row._mapping[spec.client_column]
    return value if isinstance(value, uuid.UUID) else None


def received_audit_count(session: Session, origin: str) -> int:
    return int(session.scalar(select(func.count()).where(SyncAuditEvent.origin == origin)) or 0)
