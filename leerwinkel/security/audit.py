"""The audit trail: who did what and when, append-only and tamper-evident (a hash chain).

Events hold record ids and codes, never client data. Other services record inside their own unit
of work, so the event is saved together with the change it describes (or not at all)::

    from leerwinkel.security.audit import record
    with store.unit_of_work() as session:
        ...change the client...
        record(session, actor, "client.update", "client", client.id)
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import uuid
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from leerwinkel.actor import Actor, require_admin
from leerwinkel.config import Config
from leerwinkel.errors import AuthenticationError, ConflictError, InvalidInputError, LeerwinkelError
from leerwinkel.fileio import atomic_writer
from leerwinkel.ids import new_id
from leerwinkel.security.anchors import known_anchors
from leerwinkel.security.auditcheck import (
    AuditProblem,
    check_anchors,
    check_grants,
    check_signatures,
    head_of,
    restores,
)
from leerwinkel.security.keyring import Keyring
from leerwinkel.security.keys import sign
from leerwinkel.storage.models import AuditEvent, Setting, SyncAuditEvent
from leerwinkel.storage.store import Store

GENESIS_HASH = "0" * 64
HEAD_SETTING = "audit.head"

#: Actions in use; others may add theirs (lowercase words joined by dots).
ACTIONS: tuple[str, ...] = (
    "setup",
    "login",
    "login.failed",
    "login.reset",
    "logout",
    "unlock",
    "unlock.failed",
    "account.create",
    "account.update",
    "account.password",
    "client.view",
    "client.create",
    "client.update",
    "client.delete",
    "client.print",
    "client.export",
    "client.import",
    "client.merge",
    "client.erase",
    "referral.create",
    "referral.status",
    "referral.update",
    "referral.reply",
    "referral.export",
    "letter.print",
    "letter.save",
    "retention.purge",
    "catalogue.import",
    "catalogue.edit",
    "catalogue.check",
    "report.export",
    "settings.update",
    "backup.create",
    "backup.restore",
    "backup.reencrypt",
    "key.rotate",
    "role.refused",
    "account.role",
    "account.recovery",
    "audit.export",
)
#: Events about client data (reading it, changing it, printing or exporting it): never without an actor.
CLIENT_OBJECT_TYPES = frozenset({"client", "clients", "referral", "referrals", "intake", "contact", "draft", "report"})
CLIENT_ACTION_PREFIXES = ("client.", "referral.", "retention.", "report.", "contact.", "draft.")


def is_client_event(action: str, object_type: str) -> bool:
    return object_type in CLIENT_OBJECT_TYPES or action.startswith(CLIENT_ACTION_PREFIXES)


_ACTION = re.compile(r"^[a-z][a-z0-9_-]*(\.[a-z0-9_-]+)*$")
_SAFE_TEXT = re.compile(r"^[A-Za-z0-9._:@/+-]{0,80}$")  # ids, codes, file names: no spaces, so no names


@dataclass(frozen=True)
class AuditEntry:
    sequence: int
    occurred_at: dt.datetime
    actor_id: str
    action: str
    object_type: str
    object_id: str
    detail: str
    hash: str


@dataclass(frozen=True)
class VerifyResult:
    """``ok``, or every problem found (``reason``/``broken_at``: the first one's kind and event)."""

    ok: bool
    events: int
    broken_at: int | None = None
    reason: str = ""
    problems: tuple[Any, ...] = ()  # leerwinkel.security.auditcheck.AuditProblem


def _check_detail(detail: Mapping[str, object] | None) -> str:
    if not detail:
        return ""
    for key, value in detail.items():
        if not _SAFE_TEXT.match(key):
            raise InvalidInputError.single("audit-detail", field=key)
        if isinstance(value, bool | int | float) or value is None:
            continue
        if isinstance(value, uuid.UUID) or (isinstance(value, str) and _SAFE_TEXT.match(value)):
            continue
        raise InvalidInputError.single("audit-detail", field=key)
    return json.dumps({k: str(v) if isinstance(v, uuid.UUID) else v for k, v in detail.items()}, sort_keys=True)


def event_hash(
    *,
    sequence: int,
    occurred_at: dt.datetime,
    actor_id: uuid.UUID | None,
    action: str,
    object_type: str,
    object_id: str,
    detail: str,
    previous_hash: str,
) -> str:
    canonical = json.dumps(
        [
            sequence,
            occurred_at.astimezone(dt.UTC).isoformat(timespec="microseconds"),
            str(actor_id) if actor_id else "",
            action,
            object_type,
            object_id,
            detail,
            previous_hash,
        ],
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _head_position(head: Setting | _HeadRow | None) -> tuple[int, str] | None:
    """The (sequence, hash) the head row names, or None when there is no usable head row."""
    if head is None:
        return None
    try:
        value = json.loads(head.value)
        return int(value["sequence"]), str(value["hash"])
    except (ValueError, KeyError, TypeError):
        return None


def record(
    session: Session,
    actor: Actor | None,
    action: str,
    object_type: str = "",
    object_id: object = "",
    *,
    detail: Mapping[str, object] | None = None,
    at: dt.datetime | None = None,
) -> None:
    """Append one event inside the caller's unit of work (saved with it, or not at all).

    A client event (:func:`is_client_event`) without ``actor`` is refused with
    AuthenticationError("sign-in-required"). ``object_id`` is a record id (UUID) or a code, never a
    name; ``detail`` takes ids, codes, numbers and booleans only (text with spaces is refused, so a
    name cannot slip in). ``at`` defaults to the store's clock. Two desks recording at the same
    instant: the second gets a ConflictError from its unit of work and may retry.
    """
    if not _ACTION.match(action):
        raise InvalidInputError.single("audit-action", field="action")
    if actor is None and is_client_event(action, object_type):
        # who read or changed client data must always be known: refuse, and the caller's unit of work
        # (with the change it was about to save) rolls back
        raise AuthenticationError("sign-in-required")
    object_text = str(object_id)
    if not _SAFE_TEXT.match(object_text) or not _SAFE_TEXT.match(object_type):
        raise InvalidInputError.single("audit-detail", field="object_id")
    detail_text = _check_detail(detail)
    store: Store = session.info["store"]
    when = at or store.now()
    head = _read_head(session)
    # The head row names the last event, so appending reads one row, not the whole chain's tail;
    # without a head (an empty trail) the last event is looked up once.
    position = _head_position(head)
    if position is None:
        last = session.scalars(select(AuditEvent).order_by(AuditEvent.sequence.desc()).limit(1)).first()
        position = (last.sequence, last.hash) if last else (0, GENESIS_HASH)
    sequence = position[0] + 1
    previous = position[1]
    actor_id = actor.id if actor else None
    digest = event_hash(
        sequence=sequence,
        occurred_at=when,
        actor_id=actor_id,
        action=action,
        object_type=object_type,
        object_id=object_text,
        detail=detail_text,
        previous_hash=previous,
    )
    signature = _signature(store, actor, digest)
    head_value = json.dumps({"sequence": sequence, "hash": digest})
    if head is None:  # the first event of the trail
        session.add(
            AuditEvent(
                sequence=sequence,
                occurred_at=when,
                actor_id=actor_id,
                action=action,
                object_type=object_type,
                object_id=object_text,
                detail=detail_text,
                previous_hash=previous,
                hash=digest,
                signature=signature,
            )
        )
        session.add(Setting(key=HEAD_SETTING, value=head_value))
        # No flush here: the caller's commit writes the event with its change (the next record() in the
        # same unit of work reads the head row from the session, which autoflush keeps current).
        return
    # Every later event: two Core statements in the caller's transaction instead of an ORM flush of two
    # objects, which cost more than the statements themselves (issue 15). The head row is updated
    # first, at the version read: one row every writer updates, so concurrent appends conflict, never fork.
    now = store.now()
    connection = session.connection()
    moved = connection.execute(
        _MOVE_HEAD,
        {
            "head_id": head.id,
            "head_version": head.version,
            "value": head_value,
            "updated_at": now,
            "updated_by_device": store.device_id,
            "version": head.version + 1,
        },
    )
    if moved.rowcount != 1:
        raise ConflictError("settings", head.id, ["value"])
    connection.execute(
        _APPEND_EVENT,
        {
            "id": new_id(),
            "created_at": now,
            "updated_at": now,
            "updated_by_device": store.device_id,
            "version": 1,
            "sequence": sequence,
            "occurred_at": when,
            "actor_id": actor_id,
            "action": action,
            "object_type": object_type,
            "object_id": object_text,
            "detail": detail_text,
            "previous_hash": previous,
            "hash": digest,
            "signature": signature,
        },
    )
    if isinstance(head, Setting):  # the session's copy of the head row is what is stored now
        for key, value in (("value", head_value), ("version", head.version + 1), ("updated_at", now)):
            set_committed_value(head, key, value)
        set_committed_value(head, "updated_by_device", store.device_id)


@dataclass(frozen=True)
class _HeadRow:
    """The head row as stored, read without the ORM."""

    id: uuid.UUID
    version: int
    value: str


def _read_head(session: Session) -> Setting | _HeadRow | None:
    """The trail's head row: read with Core, or the ORM's copy when the session holds one.

    A head this session added and not yet flushed (the trail's first event) or loaded earlier is
    the ORM's: the version it holds is the one the append must find, else it is a conflict.
    """
    row = session.connection().execute(_READ_HEAD).first()
    if row is not None and session.identity_map.get(Session.identity_key(Setting, row.id)) is None:
        return _HeadRow(row.id, row.version, row.value)
    return session.scalars(select(Setting).where(Setting.key == HEAD_SETTING)).first()


_READ_HEAD = select(Setting.id, Setting.version, Setting.value).where(Setting.key == HEAD_SETTING)


#: The head row moved to the new event, at the version the appender read (built once: statements with
#: their values inline cost more to build than to run).
_MOVE_HEAD = (
    update(Setting)
    .where(Setting.id == bindparam("head_id"), Setting.version == bindparam("head_version"))
    .values(
        value=bindparam("value"),
        updated_at=bindparam("updated_at"),
        updated_by_device=bindparam("updated_by_device"),
        version=bindparam("version"),
    )
)
_APPEND_EVENT = insert(AuditEvent)


def _signature(store: Store, actor: Actor | None, digest: str) -> str:
    """The acting account's Ed25519 signature of ``digest`` (SQLite, when that account is signed in here)."""
    unlocked = store.unlocked
    keys = getattr(unlocked, "keys", None)
    if actor is None or keys is None or str(getattr(unlocked, "name", "")).casefold() != actor.username.casefold():
        return ""
    return sign(keys.signer, digest.encode("ascii"))


class AuditService:
    """Read, verify and export the trail; record events outside another unit of work."""

    def __init__(self, store: Store, config: Config | None = None) -> None:
        self.store = store
        self.config = config  # the data folder: the key file and the anchors outside the database
        #: more checks for :meth:`verify`, each given the unit of work (the facade adds the trails other
        #: devices sent, leerwinkel.sync.trails, so this module need not know the exchange)
        self.extra_checks: list[Callable[[Session], list[AuditProblem]]] = []

    def record(
        self,
        actor: Actor | None,
        action: str,
        object_type: str = "",
        object_id: object = "",
        *,
        detail: Mapping[str, object] | None = None,
        at: dt.datetime | None = None,
    ) -> None:
        """Record one event in its own unit of work (for login, backup and other actions without data)."""
        with self.store.unit_of_work() as session:
            record(session, actor, action, object_type, object_id, detail=detail, at=at)

    def events(self, actor: Actor | None, *, limit: int | None = None) -> list[AuditEntry]:
        """Newest first. Administrators only."""
        require_admin(actor, "audit.view")
        with self.store.unit_of_work() as session:
            query = select(AuditEvent).order_by(AuditEvent.sequence.desc())
            if limit is not None:
                query = query.limit(limit)
            return [_entry(row) for row in session.scalars(query)]

    def verify(self, *, anchors: list[Path] | None = None) -> VerifyResult:
        """Check the trail: the hash chain and its head, then (SQLite) the signatures of events and
        role grants, then :attr:`extra_checks` (the trails other devices sent), then the anchors kept
        outside the database (and the files in ``anchors``).

        ``problems`` lists every finding with the time it concerns; ``reason``/``broken_at`` repeat
        the first one.
        """
        problems: list[AuditProblem] = []
        hashes: dict[int, tuple[str, dt.datetime]] = {}
        count = 0
        previous = GENESIS_HASH
        expected = 1
        broken = False
        keyring = self._keyring()
        with self.store.unit_of_work() as session:
            for row in session.scalars(select(AuditEvent).order_by(AuditEvent.sequence)):
                count += 1
                hashes[row.sequence] = (row.hash, row.occurred_at)
                if not broken:
                    kind = ""
                    if row.sequence != expected:
                        kind, at = "missing", expected
                    elif row.previous_hash != previous:
                        kind, at = "chain", row.sequence
                    elif row_digest(row) != row.hash:
                        kind, at = "edited", row.sequence
                    if kind:
                        problems.append(AuditProblem(kind, at, row.occurred_at))
                        broken = True
                previous = row.hash
                expected = row.sequence + 1
            head = session.scalars(select(Setting).where(Setting.key == HEAD_SETTING)).first()
            position = head_of(session)
            if not broken:
                if head is not None and position is None:
                    problems.append(AuditProblem("head"))
                else:
                    head_sequence, head_hash = position or (0, GENESIS_HASH)
                    if head_sequence != expected - 1 or head_hash != previous:
                        since = hashes[max(hashes)][1] if hashes else None
                        at = expected if head_sequence >= expected else head_sequence
                        problems.append(AuditProblem("missing", at, since))
            restored: list[tuple[int, dt.datetime]] = []
            if keyring is not None:
                problems += check_signatures(session, keyring, keyring.signed_from or 1)
                problems += check_grants(session, keyring)
                restored = restores(session, keyring)
            for check in self.extra_checks:
                problems += check(session)
        if self.config is not None:
            problems += check_anchors(hashes, known_anchors(self.config, anchors), restored)
        first = problems[0] if problems else None
        return VerifyResult(
            not problems, count, first.sequence if first else None, first.kind if first else "", tuple(problems)
        )

    def _keyring(self) -> Any:
        """The key file (SQLite), for the pinned keys that grants and signatures are checked against."""
        if self.config is None or not self.store.is_encrypted:
            return None
        try:
            return Keyring.load(self.config)
        except LeerwinkelError:
            return None

    def export(self, actor: Actor | None, target: Path) -> int:
        """Write the whole trail as JSON lines (oldest first); return the number of events."""
        require_admin(actor, "audit.export")
        entries = list(reversed(self.events(actor)))
        with atomic_writer(target, "w", encoding="utf-8") as handle:
            for entry in entries:
                data = asdict(entry)
                data["occurred_at"] = entry.occurred_at.isoformat()
                handle.write(json.dumps(data, sort_keys=True) + "\n")  # type: ignore[call-overload]
        self.record(actor, "audit.export", "audit", "", detail={"events": len(entries)})
        return len(entries)


def row_digest(row: AuditEvent | SyncAuditEvent) -> str:
    """The hash an event row should carry, recomputed from its fields (own trail or one received)."""
    return event_hash(
        sequence=row.sequence,
        occurred_at=row.occurred_at,
        actor_id=row.actor_id,
        action=row.action,
        object_type=row.object_type,
        object_id=row.object_id,
        detail=row.detail,
        previous_hash=row.previous_hash,
    )


def _entry(row: AuditEvent) -> AuditEntry:
    return AuditEntry(
        sequence=row.sequence,
        occurred_at=row.occurred_at,
        actor_id=str(row.actor_id) if row.actor_id else "",
        action=row.action,
        object_type=row.object_type,
        object_id=row.object_id,
        detail=row.detail,
        hash=row.hash,
    )
