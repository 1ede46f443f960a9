"""The exchange between installations: enrol, export a file for a peer, import a peer's file, resolve.

Every call is one unit of work. An import that is refused (wrong passphrase, damaged file, a replay...)
raises :class:`~leerwinkel.errors.ExchangeError` and leaves the database exactly as it was.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import uuid
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import delete, exists, func, inspect, select
from sqlalchemy.orm import Session

from leerwinkel.actor import Actor, require_actor, require_admin
from leerwinkel.catalogue import index as search_index
from leerwinkel.changes import Changes
from leerwinkel.errors import ExchangeError, InvalidInputError, NotFoundError
from leerwinkel.security.keys import b64, canonical, unb64
from leerwinkel.storage.models import (
    AuditEvent,
    Intake,
    Site,
    SyncConflict,
    SyncIdentity,
    SyncOutbox,
    SyncPeer,
    SyncShadow,
)
from leerwinkel.storage.store import Store
from leerwinkel.sync import devices
from leerwinkel.sync.merge import ERASED, Merger, MergeResult, _client_of, local_rows
from leerwinkel.sync.pack import decrypt_body, file_digest, read_header, verify_signature, write_pack
from leerwinkel.sync.tables import (
    BOTH,
    REFERENCE,
    SPECS,
    TABLES,
    Digester,
    Resolver,
    TableSpec,
    chunks,
    encode,
    identity_of,
    local_values,
    portable_content,
)
from leerwinkel.taxonomy import CLOSED_STATUSES

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
MAX_FILE_BYTES = 1024 * 1024 * 1024

#: which change flag a table sets when a file changed it
_FLAGS = {
    "clients": "clients",
    "client_target_groups": "clients",
    "client_vulnerabilities": "clients",
    "client_thresholds": "clients",
    "consents": "clients",
    "client_assignments": "clients",
    "intakes": "intakes",
    "learning_wishes": "intakes",
    "referrals": "referrals",
    "referral_status_changes": "referrals",
    "letters": "letters",
    "contacts": "contacts",
    "providers": "catalogue",
    "locations": "catalogue",
    "offerings": "catalogue",
    "offering_locations": "catalogue",
    "settings": "settings",
    "sites": "settings",
    "counsellors": "accounts",
}


@dataclass(frozen=True)
class Peer:
    device_id: str
    name: str
    role: str
    enrolled: bool
    fingerprint: str
    last_received: int
    acknowledged: int
    last_import_at: dt.datetime | None
    last_export_at: dt.datetime | None
    open_conflicts: int


@dataclass(frozen=True)
class SessionScope:
    """The clients of one prison session: booked on ``on`` in ``prison`` (a site code), plus ``clients``."""

    prison: str | None = None
    on: dt.date | None = None
    clients: tuple[uuid.UUID, ...] = ()


@dataclass(frozen=True)
class ExportSummary:
    path: str
    peer: str
    kind: str
    sequence: int
    clients: int
    records: int
    tombstones: int
    audit_events: int
    size: int


@dataclass(frozen=True)
class ImportSummary:
    sender: str
    sender_device: str
    kind: str
    sequence: int
    new: int
    updated: int
    unchanged: int
    conflicts: int
    removed: int
    audit_events: int
    changes: Changes


@dataclass(frozen=True)
class FieldConflict:
    field: str
    local: Any
    remote: Any


@dataclass(frozen=True)
class ConflictInfo:
    id: uuid.UUID
    peer: str
    table: str
    record_id: str
    client_id: uuid.UUID | None
    detected_at: dt.datetime
    fields: tuple[FieldConflict, ...]
    client_name: str = ""  # as the counsellor knows the client here (first name or alias, family name)


class SyncService:
    """Devices, enrolment, exchange files and conflicts (DESIGN §2 step 6)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # -- this device and its peers ---------------------------------------------------------------

    def device(self) -> devices.Device:
        """This installation's own device (name, role, public keys); made, with new key pairs, on first use."""
        with self.store.unit_of_work() as session:
            return devices.device_of(devices.identity(session, self.store.device_id))

    def configure(self, actor: Actor | None, *, name: str | None = None, role: str | None = None) -> devices.Device:
        """Name this installation and say whether it is the office or a session laptop (administrators)."""
        require_admin(actor, "sync.device")
        if role is not None and role not in devices.ROLES:
            raise InvalidInputError.single("unknown-code", field="role", value=role, allowed=", ".join(devices.ROLES))
        if name is not None and not name.strip():
            raise InvalidInputError.single("required", field="name")
        with self.store.unit_of_work() as session:
            row = devices.identity(session, self.store.device_id)
            if name is not None:
                row.name = name.strip()[:200]
            if role is not None:
                row.role = role
            session.flush()
            return devices.device_of(row)

    def write_enrolment(self, actor: Actor | None, target: Path) -> devices.Device:
        """Write this installation's enrolment file (public keys only) to ``target``."""
        from leerwinkel.fileio import atomic_write_bytes

        require_actor(actor, "sync.enrol")
        with self.store.unit_of_work() as session:
            row = devices.identity(session, self.store.device_id)
            document = devices.enrolment_document(row)
            device = devices.device_of(row)
        atomic_write_bytes(target, document)
        return device

    def read_enrolment(self, source: Path) -> devices.Enrolment:
        """A peer's enrolment file, checked but not yet trusted (show its fingerprint first)."""
        return devices.read_enrolment(source)

    def enrol(self, actor: Actor | None, source: Path) -> Peer:
        """Trust the device of an enrolment file (administrators): files to and from it need no passphrase."""
        from leerwinkel.security.audit import record

        actor = require_admin(actor, "sync.enrol")
        enrolment = devices.read_enrolment(source)
        with self.store.unit_of_work() as session:
            own = devices.identity(session, self.store.device_id)
            if enrolment.device_id == own.device_id:
                raise ExchangeError("own-device", location=source.name)
            peer = session.scalars(select(SyncPeer).where(SyncPeer.device_id == enrolment.device_id)).first()
            if peer is None:
                peer = SyncPeer(device_id=enrolment.device_id, name=enrolment.name)
                session.add(peer)
            peer.name = enrolment.name
            peer.role = enrolment.role
            peer.sign_public = b64(enrolment.sign_public)
            peer.box_public = b64(enrolment.box_public)
            peer.enrolled = True
            session.flush()
            record(session, actor, "sync.enrol", "device", peer.id)
            return _peer_info(session, peer)

    def peers(self) -> list[Peer]:
        """The enrolled devices this installation exchanges files with, by name (provisional enrolments left out)."""
        with self.store.unit_of_work() as session:
            rows = session.scalars(select(SyncPeer).order_by(SyncPeer.name))
            return [_peer_info(session, row) for row in rows if not row.device_id.startswith(_PROVISIONAL)]

    # -- export -------------------------------------------------------------------------------------

    def export(
        self,
        actor: Actor | None,
        *,
        to: str,
        target: Path,
        passphrase: str | None = None,
        scope: SessionScope | None = None,
        everything: bool = False,
        progress: Progress | None = None,
    ) -> ExportSummary:
        """Write a file for peer ``to`` (device id or name): a session pack when ``scope`` is given,
        else everything changed since the peer's last acknowledgement. Without ``passphrase`` the peer
        must be enrolled. The file replaces ``target`` only once it is complete.

        An office sends everything only to a peer known as an office, or with ``everything`` (a first
        exchange by passphrase with another office): a laptop gets one session, never the whole database.
        """
        from leerwinkel.fileio import atomic_write_bytes
        from leerwinkel.security.audit import record

        actor = require_actor(actor, "sync.export")
        written = False
        try:
            with self.store.unit_of_work() as session:
                own = devices.identity(session, self.store.device_id)
                keys = devices.keys_of(own)
                peer = devices.find_peer(session, to)
                if peer is None:
                    if passphrase is None:
                        raise ExchangeError("unknown-peer", detail=to)
                    peer = SyncPeer(
                        device_id=(_PROVISIONAL + to.strip())[:64],
                        name=to.strip()[:200],
                        role="laptop" if scope else "office",
                    )
                    session.add(peer)
                    session.flush()
                elif passphrase is None and not (peer.enrolled and peer.box_public):
                    raise ExchangeError("unknown-peer", detail=to)
                session_pack = scope is not None and (scope.prison is not None or bool(scope.clients))
                known_office = peer.role == "office" and not peer.device_id.startswith(_PROVISIONAL)
                if not session_pack and (
                    peer.role == "laptop" or (own.role == "office" and not known_office and not everything)
                ):
                    raise ExchangeError("session-required")
                builder = _Builder(session, own=own, keys=keys, peer=peer, now=self.store.now())
                if session_pack:
                    assert scope is not None
                    payload = builder.session_pack(scope, progress)
                else:
                    payload = builder.return_pack(progress)
                sequence = own.next_sequence
                own.next_sequence = sequence + 1
                data = write_pack(
                    payload,
                    kind="session" if session_pack else "return",
                    sender=keys.sender,
                    signer=keys.signer,
                    sequence=sequence,
                    now=self.store.now(),
                    recipient="" if peer.device_id.startswith(_PROVISIONAL) else peer.device_id,
                    recipient_box=None if passphrase is not None else unb64(peer.box_public),
                    passphrase=passphrase,
                )
                session.add(
                    SyncOutbox(
                        peer_id=peer.id,
                        sequence=sequence,
                        digests=zlib.compress(json.dumps(builder.sent).encode("utf-8")),
                        audit_upto=builder.audit_upto,
                        created_at=self.store.now(),
                    )
                )
                peer.last_export_at = self.store.now()
                record(
                    session,
                    actor,
                    "sync.export",
                    "device",
                    peer.id,
                    detail={"sequence": sequence, "records": builder.records, "sha256": file_digest(data)[:32]},
                )
                atomic_write_bytes(target, data)
                written = True
                summary = ExportSummary(
                    path=str(target),
                    peer=peer.name,
                    kind="session" if session_pack else "return",
                    sequence=sequence,
                    clients=builder.clients,
                    records=builder.records,
                    tombstones=builder.tombstones,
                    audit_events=builder.audit_events,
                    size=len(data),
                )
        except BaseException:
            if written:
                target.unlink(missing_ok=True)  # the database does not know this file: nobody may import it
            raise
        log.info("exchange file %s written for a peer (%d records)", summary.sequence, summary.records)
        return summary

    # -- import -------------------------------------------------------------------------------------

    def import_file(
        self,
        actor: Actor | None,
        source: Path,
        *,
        passphrase: str | None = None,
        progress: Progress | None = None,
    ) -> ImportSummary:
        """Read a peer's file into this database (all or nothing); refusals raise ExchangeError."""
        from leerwinkel.security.audit import record

        actor = require_actor(actor, "sync.import")
        location = source.name
        try:
            with open(source, "rb") as handle:
                data = handle.read(MAX_FILE_BYTES + 1)
        except FileNotFoundError as error:
            raise NotFoundError("file", str(source)) from error
        except OSError as error:
            raise ExchangeError("not-an-exchange-file", location=location) from error
        if len(data) > MAX_FILE_BYTES:
            raise ExchangeError("damaged", location=location, detail="too large")
        parts = read_header(data, location=location)
        header = parts.header
        with self.store.unit_of_work() as session:
            own = devices.identity(session, self.store.device_id)
            keys = devices.keys_of(own)
            if header.sender.device_id == own.device_id:
                raise ExchangeError("own-file", location=location)
            if header.recipient and header.recipient != own.device_id:
                raise ExchangeError("not-for-this-device", location=location, detail=header.recipient)
            peer = session.scalars(select(SyncPeer).where(SyncPeer.device_id == header.sender.device_id)).first()
            if not header.uses_passphrase:
                if peer is None or not peer.enrolled:
                    raise ExchangeError("unknown-device", location=location, detail=header.sender.device_id)
                verify_signature(parts, unb64(peer.sign_public), location=location)
            else:
                verify_signature(parts, header.sender.sign_public, location=location)
                if peer is not None and peer.sign_public and unb64(peer.sign_public) != header.sender.sign_public:
                    raise ExchangeError("key-changed", location=location, detail=header.sender.device_id)
            payload = decrypt_body(parts, box=keys.box, passphrase=passphrase, location=location)
            if peer is not None and header.sequence < peer.last_received:
                raise ExchangeError("replayed", location=location, detail=str(peer.last_received))
            if peer is None:
                peer = _adopt(session, header.sender, int(payload.get("acknowledges") or 0))
            merger = Merger(
                session,
                peer=peer,
                digester=Digester(keys.digest_key),
                device_id=own.device_id,
                now=self.store.now(),
                location=location,
            )
            result = merger.apply(payload, progress)
            if any(_FLAGS.get(table) == "catalogue" for table in result.touched):
                # The catalogue arrived changed: file it in the search index now, within the import, so
                # the first search after the exchange answers at once instead of rebuilding it (issue 15).
                search_index.rebuild(session)
            _keep_anchor(peer, payload.get("anchor"), header.sender.sign_public, location)
            _clear_forgotten(session, peer.acknowledged)
            peer.last_received = max(peer.last_received, header.sequence)
            peer.last_import_at = self.store.now()
            record(
                session,
                actor,
                "sync.import",
                "device",
                peer.id,
                detail={
                    "sequence": header.sequence,
                    "new": result.total("new"),
                    "updated": result.total("updated"),
                    "conflicts": result.total("conflicts"),
                    "sha256": file_digest(data)[:32],
                },
            )
            summary = _import_summary(header.sender.name, header.sender.device_id, header.kind, header.sequence, result)
        log.info("exchange file %s imported: %s", header.sequence, summary.changes.names())
        return summary

    # -- conflicts ------------------------------------------------------------------------------------

    def conflicts(self, actor: Actor | None, *, client_id: uuid.UUID | None = None) -> list[ConflictInfo]:
        """The conflicts an exchange left to settle, oldest first; only one client's with ``client_id``.

        Anyone signed in may read them; PermissionDeniedError when nobody is."""
        require_actor(actor, "sync.conflicts")
        from leerwinkel.storage.models import Client

        with self.store.unit_of_work() as session:
            query = (
                select(SyncConflict, SyncPeer.name, Client.first_name, Client.alias, Client.last_name)
                .join(SyncPeer, SyncPeer.id == SyncConflict.peer_id)
                .outerjoin(Client, Client.id == SyncConflict.client_id)
            )
            if client_id is not None:
                query = query.where(SyncConflict.client_id == client_id)
            rows = session.execute(query.order_by(SyncConflict.detected_at, SyncConflict.table_name))
            return [
                _conflict_info(row, name, " ".join(p for p in (first or alias or "", last or "") if p))
                for row, name, first, alias, last in rows
            ]

    def resolve(self, actor: Actor | None, conflict_id: uuid.UUID, choices: dict[str, str]) -> Changes:
        """Settle a conflict field by field: ``choices`` maps each field to "local" or "remote".

        The chosen values become a change made here, so they travel to every peer with the next file.
        """
        from leerwinkel.security.audit import record

        actor = require_actor(actor, "sync.resolve")
        with self.store.unit_of_work() as session:
            conflict = session.get(SyncConflict, conflict_id)
            if conflict is None:
                raise NotFoundError("conflict", str(conflict_id))
            fields: list[str] = json.loads(conflict.fields)
            unknown = [f for f in choices if f not in fields]
            missing = [f for f in fields if choices.get(f) not in ("local", "remote")]
            if unknown or missing:
                raise InvalidInputError.single("bad-value", field=(unknown or missing)[0], value=str(choices))
            spec = SPECS[conflict.table_name]
            remote = json.loads(conflict.remote_values)
            resolver = Resolver(session)
            rows = local_rows(session, spec, resolver, [conflict.identity])
            row = rows.get(conflict.identity)
            if ERASED in fields:
                erased_here = bool(json.loads(conflict.local_values).get(ERASED))
                self._settle_erasure(session, spec, row, conflict, erase=(choices[ERASED] == "local") == erased_here)
            elif row is not None:
                taken = {f: remote[f] for f in fields if choices[f] == "remote"}
                values = local_values(spec, taken, resolver)
                if spec.name == "clients" and taken:
                    from leerwinkel.intake.checked import search_key

                    names = {k: values.get(k, getattr(row, k)) for k in ("first_name", "alias", "last_name")}
                    values["search_key"] = search_key(names["first_name"], names["alias"], names["last_name"])
                record_row = session.get(spec.model, row.id)
                assert record_row is not None  # read in this unit of work just above
                for key, value in values.items():
                    setattr(record_row, key, value)
                if not values:
                    # ours throughout: still a decision made here, so the peer gets our version
                    record_row.updated_at = self.store.now()
            if not inspect(conflict).was_deleted:
                session.delete(conflict)
            record(
                session,
                actor,
                "sync.resolve",
                "client" if conflict.client_id else "record",
                conflict.client_id or conflict.identity[:64].replace("\x1f", ":"),
                detail={"fields": len(fields)},
            )
            flag = _FLAGS.get(spec.name, "clients")
        return Changes(**{flag: True})

    def _settle_erasure(
        self, session: Session, spec: TableSpec, row: Any, conflict: SyncConflict, *, erase: bool
    ) -> None:
        """Erased on one side, changed on the other: erase it here too (it goes to every peer that holds
        it with the next file), or keep it (a decision made here, so the side that erased it gets it back
        and its counsellor is asked in turn)."""
        if row is None:
            return
        if not erase:
            record_row = session.get(spec.model, row.id)
            assert record_row is not None  # read in this unit of work just before
            record_row.updated_at = self.store.now()
            return
        session.delete(conflict)
        session.flush()  # before the cascade below would take it from under the session
        if spec.name == "clients":  # the client's other conflicts go with it
            session.execute(delete(SyncConflict).where(SyncConflict.client_id == row.id))
        # as an erasure that arrives in a file: the database's cascades take the record's own rows along
        session.execute(delete(spec.table).where(spec.table.c.id == row.id))

    def forget_session(self, actor: Actor | None, peer_name: str) -> int:
        """After the office acknowledged everything: remove the session's clients from this laptop.

        Only clients whose every record the peer holds as it is here are removed (nothing unsent is
        lost); the audit trail stays. The next file tells the office, so it sends them again when a
        later session needs them. Returns the number of clients removed.
        """
        from leerwinkel.security.audit import record

        actor = require_actor(actor, "sync.forget")
        with self.store.unit_of_work() as session:
            own = devices.identity(session, self.store.device_id)
            if own.role != "laptop":
                raise ExchangeError("session-required")
            peer = devices.find_peer(session, peer_name)
            if peer is None:
                raise ExchangeError("unknown-peer", detail=peer_name)
            builder = _Builder(session, own=own, keys=devices.keys_of(own), peer=peer, now=self.store.now())
            pending = builder.pending_clients()
            resolver = Resolver(session)
            client_spec = SPECS["clients"]
            all_clients = [row.id for row in session.execute(select(client_spec.table.c.id))]
            removable = [c for c in all_clients if c not in pending]
            forgotten: dict[str, list[str]] = defaultdict(list)
            for spec in TABLES:
                if spec.direction != BOTH:
                    continue
                for row in builder.rows_of_clients(spec, removable):
                    forgotten[spec.name].append(identity_of(spec, portable_content(spec, row, resolver), row.id))
            for batch in chunks(removable):
                session.execute(delete(client_spec.table).where(client_spec.table.c.id.in_(batch)))
            for table, identities in forgotten.items():
                for batch in chunks(identities):
                    session.execute(
                        delete(SyncShadow).where(SyncShadow.table_name == table, SyncShadow.identity.in_(batch))
                    )
            _remember_forgotten(session, own, forgotten)
            record(session, actor, "sync.forget", "device", peer.id, detail={"clients": len(removable)})
        return len(removable)


_PROVISIONAL = devices.PROVISIONAL
_FORGOTTEN_SETTING = "sync.forgotten"


def _remember_forgotten(session: Session, own: SyncIdentity, forgotten: dict[str, list[str]]) -> None:
    """Keep the forgotten records' identities until a file that names them is acknowledged."""
    from leerwinkel.storage.models import Setting

    row = session.scalars(select(Setting).where(Setting.key == _FORGOTTEN_SETTING)).first()
    current: dict[str, Any] = json.loads(row.value) if row is not None and row.value else {"tables": {}}
    for table, identities in forgotten.items():
        current["tables"].setdefault(table, []).extend(identities)
    current["since"] = own.next_sequence  # the first file that will carry them
    if row is None:
        session.add(Setting(key=_FORGOTTEN_SETTING, value=json.dumps(current)))
    else:
        row.value = json.dumps(current)


def _clear_forgotten(session: Session, acknowledged: int) -> None:
    from leerwinkel.storage.models import Setting

    row = session.scalars(select(Setting).where(Setting.key == _FORGOTTEN_SETTING)).first()
    if row is not None and row.value and acknowledged >= int(json.loads(row.value).get("since", 0)):
        session.delete(row)


def _adopt(session: Session, sender: Any, acknowledges: int) -> SyncPeer:
    """A peer met by passphrase: the provisional peer we sent the acknowledged file to, or a new one."""
    peer = None
    if acknowledges:
        peer = session.scalars(
            select(SyncPeer)
            .join(SyncOutbox, SyncOutbox.peer_id == SyncPeer.id)
            .where(SyncOutbox.sequence == acknowledges, SyncPeer.device_id.startswith(_PROVISIONAL))
        ).first()
    if peer is None:  # files crossed on the way: the provisional peer of the same name
        peer = session.scalars(
            select(SyncPeer).where(
                SyncPeer.device_id.startswith(_PROVISIONAL), func.lower(SyncPeer.name) == sender.name.casefold()
            )
        ).first()
    if peer is None:
        peer = SyncPeer(device_id=sender.device_id, name=sender.name[:200], role=sender.role)
        session.add(peer)
    peer.device_id = sender.device_id
    peer.name = sender.name[:200]
    peer.role = sender.role if sender.role in devices.ROLES else "office"
    peer.sign_public = b64(sender.sign_public)  # trusted on first use: later files must match it
    peer.box_public = b64(sender.box_public)
    session.flush()
    return peer


def _keep_anchor(peer: SyncPeer, anchor: Any, sign_public: bytes, location: str) -> None:
    """The peer's audit anchor, signed with its device key: kept as evidence of its trail's head."""
    from leerwinkel.security.keys import verify_signature as verify

    if not isinstance(anchor, dict) or not anchor.get("anchor"):
        return
    if not verify(sign_public, canonical(anchor["anchor"]), str(anchor.get("signature", ""))):
        raise ExchangeError("audit-chain", location=location, detail=peer.device_id)
    peer.anchor = json.dumps(anchor, sort_keys=True)


def _import_summary(name: str, device: str, kind: str, sequence: int, result: MergeResult) -> ImportSummary:
    flags = {_FLAGS[t] for t in result.touched if t in _FLAGS}
    return ImportSummary(
        sender=name,
        sender_device=device,
        kind=kind,
        sequence=sequence,
        new=result.total("new"),
        updated=result.total("updated"),
        unchanged=result.total("unchanged"),
        conflicts=result.total("conflicts"),
        removed=result.total("removed"),
        audit_events=result.audit_events,
        changes=Changes(**dict.fromkeys(flags, True)),
    )


def _peer_info(session: Session, peer: SyncPeer) -> Peer:
    count = session.scalar(select(func.count()).where(SyncConflict.peer_id == peer.id)) or 0
    sign = unb64(peer.sign_public) if peer.sign_public else b""
    box = unb64(peer.box_public) if peer.box_public else b""
    return Peer(
        device_id=peer.device_id,
        name=peer.name,
        role=peer.role,
        enrolled=peer.enrolled,
        fingerprint=devices.fingerprint(sign, box) if sign else "",
        last_received=peer.last_received,
        acknowledged=peer.acknowledged,
        last_import_at=peer.last_import_at,
        last_export_at=peer.last_export_at,
        open_conflicts=int(count),
    )


def _conflict_info(row: SyncConflict, peer_name: str, client_name: str) -> ConflictInfo:
    local = json.loads(row.local_values)
    remote = json.loads(row.remote_values)
    fields = tuple(FieldConflict(f, local.get(f), remote.get(f)) for f in json.loads(row.fields))
    return ConflictInfo(
        id=row.id,
        peer=peer_name,
        table=row.table_name,
        record_id=row.identity,
        client_id=row.client_id,
        detected_at=row.detected_at,
        fields=fields,
        client_name=client_name,
    )


class _Builder:
    """Collects what one file carries: records that differ from what the peer holds, tombstones, audit."""

    def __init__(
        self, session: Session, *, own: SyncIdentity, keys: devices.Keys, peer: SyncPeer, now: dt.datetime
    ) -> None:
        self.session = session
        self.own = own
        self.keys = keys
        self.peer = peer
        self.now = now
        self.resolver = Resolver(session)
        self.digester = Digester(keys.digest_key)
        self.sent: dict[str, dict[str, dict[str, str] | None]] = defaultdict(dict)
        self.records = 0
        self.tombstones = 0
        self.audit_events = 0
        self.audit_upto = 0
        self.clients = 0
        self._unacknowledged = self._sent_before()
        self._conflicted = {(t, i) for t, i in session.execute(select(SyncConflict.table_name, SyncConflict.identity))}

    # scopes
    def rows_of_clients(
        self, spec: TableSpec, client_ids: Iterable[uuid.UUID], *, open_only: bool = False
    ) -> list[Any]:
        t = spec.table
        ids = list(client_ids)
        found: list[Any] = []
        if spec.name == "referral_status_changes":
            referral_ids = [r.id for r in self.rows_of_clients(SPECS["referrals"], ids, open_only=open_only)]
            for batch in chunks(referral_ids):
                found += list(self.session.execute(select(t).where(t.c.referral_id.in_(batch))))
            return found
        column = t.c.id if spec.name == "clients" else t.c.client_id
        for batch in chunks(ids):
            query = select(t).where(column.in_(batch))
            if open_only and spec.name == "referrals":
                query = query.where(t.c.status.not_in(sorted(CLOSED_STATUSES)))
            found += list(self.session.execute(query))
        return found

    def booked_clients(self, scope: SessionScope) -> list[uuid.UUID]:
        from leerwinkel.dates import day_bounds

        chosen = set(scope.clients)
        if scope.prison is not None:
            site = self.session.scalars(select(Site).where(Site.code == scope.prison)).first()
            if site is None:
                raise NotFoundError("site", scope.prison)
            from leerwinkel.storage.models import Client

            query = select(Client.id).where(Client.prison_site_id == site.id)
            if scope.on is not None:
                start, end = day_bounds(scope.on)
                query = query.where(
                    exists().where(
                        Intake.client_id == Client.id,
                        Intake.next_appointment_at >= start,
                        Intake.next_appointment_at < end,
                    )
                )
            chosen.update(self.session.scalars(query))
        return sorted(chosen)

    def session_pack(self, scope: SessionScope, progress: Progress | None) -> dict[str, Any]:
        clients = self.booked_clients(scope)
        self.clients = len(clients)
        rows: dict[str, list[Any]] = {}
        client_tables = (
            "clients",
            "client_target_groups",
            "client_vulnerabilities",
            "intakes",
            "client_thresholds",
            "learning_wishes",
            "consents",
            "referrals",
            "referral_status_changes",
        )
        for name in client_tables:
            rows[name] = self.rows_of_clients(SPECS[name], clients, open_only=True)
        rows.update(self._catalogue(scope.prison, rows["referrals"]))
        rows["settings"] = self._settings()
        return self._payload(rows, progress, with_audit=False)

    def return_pack(self, progress: Progress | None) -> dict[str, Any]:
        rows = {spec.name: list(self.session.execute(select(spec.table))) for spec in TABLES if spec.direction == BOTH}
        self.clients = len(rows["clients"])
        return self._payload(rows, progress, with_audit=True)

    def pending_clients(self) -> set[uuid.UUID]:
        """Clients with a record the peer does not hold as it is here (so they must not be forgotten)."""
        pending: set[uuid.UUID] = set()
        for spec in TABLES:
            if spec.direction != BOTH:
                continue
            rows = list(self.session.execute(select(spec.table)))
            shadows = self._all_shadows(spec.name)
            for row in rows:
                content = portable_content(spec, row, self.resolver)
                identity = identity_of(spec, content, row.id)
                if shadows.get(identity) != self.digester.row(content) or (spec.name, identity) in self._conflicted:
                    client = _client_of(self.session, spec, row)
                    if client is not None:
                        pending.add(client)
        return pending

    def _catalogue(self, prison: str | None, referrals: list[Any]) -> dict[str, list[Any]]:
        from leerwinkel.storage.models import Location, Offering, OfferingLocation, Provider

        offering_ids: set[uuid.UUID] = {r.offering_id for r in referrals if r.offering_id}
        provider_ids: set[uuid.UUID] = {r.provider_id for r in referrals if r.provider_id}
        if prison is not None:
            inside = (
                select(OfferingLocation.offering_id)
                .join(Location, Location.id == OfferingLocation.location_id)
                .where(Location.prison_site_code == prison)
            )
            offering_ids.update(
                self.session.scalars(select(Offering.id).where(Offering.in_prison.is_(True), Offering.id.in_(inside)))
            )
        offerings = self._by_ids(Offering, offering_ids)
        provider_ids.update(o.provider_id for o in offerings)
        links = []
        for batch in chunks(sorted(offering_ids)):
            links += list(
                self.session.execute(select(OfferingLocation.__table__).where(OfferingLocation.offering_id.in_(batch)))
            )
        locations = self._by_ids(Location, {link.location_id for link in links})
        provider_ids.update(loc.provider_id for loc in locations)
        return {
            "providers": self._by_ids(Provider, provider_ids),
            "locations": locations,
            "offerings": offerings,
            "offering_locations": links,
        }

    def _by_ids(self, model: Any, ids: set[uuid.UUID]) -> list[Any]:
        found: list[Any] = []
        for batch in chunks(sorted(ids)):
            found += list(self.session.execute(select(model.__table__).where(model.__table__.c.id.in_(batch))))
        return found

    def _settings(self) -> list[Any]:
        from leerwinkel.config import SETTINGS_BY_KEY
        from leerwinkel.storage.models import Setting

        t = Setting.__table__
        return list(self.session.execute(select(t).where(t.c.key.in_(sorted(SETTINGS_BY_KEY)))))

    def _all_shadows(self, table: str) -> dict[str, dict[str, str]]:
        query = select(SyncShadow.identity, SyncShadow.digests).where(
            SyncShadow.peer_id == self.peer.id, SyncShadow.table_name == table
        )
        return {identity: json.loads(digests) for identity, digests in self.session.execute(query)}

    # the payload
    def _payload(self, rows: dict[str, list[Any]], progress: Progress | None, *, with_audit: bool) -> dict[str, Any]:
        records: dict[str, list[Any]] = {}
        referenced: dict[str, set[uuid.UUID]] = defaultdict(set)
        tombstones: list[list[str]] = []
        # A changed client travels with all of its rows, also the unchanged ones: where the client was
        # erased meanwhile, a counsellor who keeps the change keeps the whole client (leerwinkel.sync.merge).
        changed_clients: set[uuid.UUID] = set()
        for done, spec in enumerate(TABLES):
            if spec.name not in rows or spec.direction == REFERENCE:
                continue
            shadows = self._all_shadows(spec.name)
            present: set[str] = set()
            out: list[Any] = []
            along = spec.direction == BOTH and bool(spec.client_column) and spec.name != "clients"
            for row in rows[spec.name]:
                content = portable_content(spec, row, self.resolver)
                identity = identity_of(spec, content, row.id)
                present.add(identity)
                digests = self.digester.row(content)
                if (spec.name, identity) in self._conflicted:
                    continue
                if shadows.get(identity) == digests and not (
                    along and row._mapping[spec.client_column] in changed_clients
                ):
                    continue
                if spec.name == "clients":
                    changed_clients.add(row.id)
                out.append([identity, content, self._meta(spec, row)])
                self.sent[spec.name][identity] = digests
                for column, target in spec.refs.items():
                    if SPECS[target].direction == REFERENCE and row._mapping[column] is not None:
                        referenced[target].add(row._mapping[column])
            held = set(shadows) | self._unacknowledged.get(spec.name, set())
            gone = self._erased(spec, sorted(i for i in held if i not in present))
            for identity in gone:
                tombstones.append([spec.name, identity])
                self.sent[spec.name][identity] = None
            if gone:
                from leerwinkel.sync.merge import add_tombstones

                add_tombstones(self.session, spec.name, set(gone), self.now)
            if out:
                records[spec.name] = out
            self.records += len(out)
            if progress is not None:
                progress(done + 1, len(TABLES) + 1)
        for target, ids in referenced.items():
            spec = SPECS[target]
            records[target] = [
                [identity_of(spec, c, row.id), c, self._meta(spec, row)]
                for row in self._by_ids(spec.model, ids)
                for c in [portable_content(spec, row, self.resolver)]
            ]
        self.tombstones = len(tombstones)
        payload: dict[str, Any] = {
            "acknowledges": self.peer.last_received,
            "records": records,
            "tombstones": tombstones,
            "anchor": self._anchor(),
            "forgotten": self._take_forgotten(),
        }
        if with_audit:
            payload["audit"] = {"events": self._audit_events()}
        return payload

    def _sent_before(self) -> dict[str, set[str]]:
        """Records in our files the peer has not acknowledged yet: it may hold them (for tombstones)."""
        found: dict[str, set[str]] = defaultdict(set)
        for blob in self.session.scalars(select(SyncOutbox.digests).where(SyncOutbox.peer_id == self.peer.id)):
            for table, entries in json.loads(zlib.decompress(blob)).items():
                found[table].update(i for i, d in entries.items() if d is not None)
        return found

    def _erased(self, spec: TableSpec, candidates: list[str]) -> list[str]:
        """Of the records the peer holds but this file does not carry, those that no longer exist here."""
        if not candidates:
            return []
        existing = local_rows(self.session, spec, self.resolver, candidates)
        return [i for i in candidates if i not in existing]

    def _meta(self, spec: TableSpec, row: Any) -> dict[str, Any]:
        meta: dict[str, Any] = {
            "id": str(row.id),
            "created_at": encode(row.created_at),
            "version": row.version,
            "device": row.updated_by_device,
        }
        if spec.name == "clients":
            meta["last_activity_at"] = encode(row.last_activity_at)
        return meta

    def _anchor(self) -> dict[str, Any] | None:
        from leerwinkel.security.anchors import HEAD_SETTING
        from leerwinkel.storage.models import Setting

        head = self.session.scalars(select(Setting).where(Setting.key == HEAD_SETTING)).first()
        if head is None:
            return None
        try:
            value = json.loads(head.value)
            anchor = {
                "device_id": self.own.device_id,
                "sequence": int(value["sequence"]),
                "hash": str(value["hash"]),
                "at": self.now.isoformat(),
            }
        except (ValueError, KeyError, TypeError):
            return None
        return {"anchor": anchor, "signature": b64(self.keys.signer.sign(canonical(anchor)))}

    def _audit_events(self) -> list[dict[str, Any]]:
        query = (
            select(AuditEvent).where(AuditEvent.sequence > self.peer.audit_acknowledged).order_by(AuditEvent.sequence)
        )
        events = []
        for row in self.session.scalars(query):
            events.append(
                {
                    "sequence": row.sequence,
                    "occurred_at": row.occurred_at.astimezone(dt.UTC).isoformat(timespec="microseconds"),
                    "actor_id": str(row.actor_id) if row.actor_id else "",
                    "action": row.action,
                    "object_type": row.object_type,
                    "object_id": row.object_id,
                    "detail": row.detail,
                    "previous_hash": row.previous_hash,
                    "hash": row.hash,
                    "signature": row.signature,
                }
            )
            self.audit_upto = row.sequence
        self.audit_events = len(events)
        return events

    def _take_forgotten(self) -> dict[str, list[str]]:
        from leerwinkel.storage.models import Setting

        row = self.session.scalars(select(Setting).where(Setting.key == _FORGOTTEN_SETTING)).first()
        if row is None or not row.value:
            return {}
        data: dict[str, list[str]] = json.loads(row.value).get("tables", {})
        return data


__all__ = ["ConflictInfo", "ExportSummary", "FieldConflict", "ImportSummary", "Peer", "SessionScope", "SyncService"]
