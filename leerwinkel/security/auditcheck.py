"""``audit verify``: the hash chain, the signatures, the role grants and the anchors outside the database.

Each problem says what is wrong and since when, so an administrator can tell "events were deleted
after the backup of Monday" from "someone made themselves administrator on Tuesday".
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from leerwinkel.security.anchors import Anchor
from leerwinkel.security.grants import GrantChecker, roots_from, unsigned_accounts
from leerwinkel.security.keys import verify_signature
from leerwinkel.storage.models import AuditEvent, Counsellor, Setting


@dataclass(frozen=True)
class AuditProblem:
    """One finding: ``kind`` is edited, chain, missing, head, cut, rewritten, signature or role."""

    kind: str
    sequence: int | None = None
    since: dt.datetime | str | None = None  # the event's time, or the anchor's, or the grant's
    detail: str = ""  # a record id, an anchor's source, a reason code


def _time(text: str) -> dt.datetime | str | None:
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        return text or None


def check_anchors(
    hashes: dict[int, tuple[str, dt.datetime]], anchors: list[Anchor], restores: list[tuple[int, dt.datetime]]
) -> list[AuditProblem]:
    """Compare the trail with every anchor; the newest one decides a cut, any one a rewrite.

    ``restores``: (sequence, time) of signed ``backup.restore`` events by an administrator: an anchor
    taken before a restore may name events the restore legitimately took away.
    """
    problems: list[AuditProblem] = []
    last = max(hashes, default=0)
    for anchor in sorted(anchors, key=lambda a: a.sequence, reverse=True):
        when = _time(anchor.at)
        explained = any(
            isinstance(when, dt.datetime) and when <= at and anchor.sequence >= sequence for sequence, at in restores
        )
        if explained:
            continue
        if anchor.sequence > last:
            problems.append(AuditProblem("cut", last + 1, when, anchor.source))
        elif hashes.get(anchor.sequence, ("", None))[0] != anchor.hash:
            problems.append(AuditProblem("rewritten", anchor.sequence, when, anchor.source))
        if problems:
            break  # the newest failing anchor says it; older ones repeat it
    return problems


def check_signatures(session: Session, keyring: Any, signed_from: int) -> list[AuditProblem]:
    """Events from ``signed_from`` on by an account that signs in: signed with a key its grant names."""
    checker = GrantChecker(session, roots_from(keyring))
    problems: list[AuditProblem] = []
    keys: dict[uuid.UUID, tuple[bytes, ...] | None] = {}
    query = select(AuditEvent).where(AuditEvent.sequence >= signed_from).order_by(AuditEvent.sequence)
    for row in session.scalars(query):
        if row.actor_id is None:
            continue
        if row.actor_id not in keys:
            account = session.get(Counsellor, row.actor_id)
            if account is None or account.password_hash is None:
                keys[row.actor_id] = None  # not an account that signs in (imported names): nothing to check
            else:
                result = checker.check(account)
                keys[row.actor_id] = result.sign_keys if result.ok else ()
        known = keys[row.actor_id]
        if known is None:
            continue
        if not any(verify_signature(k, row.hash.encode("ascii"), row.signature) for k in known):
            problems.append(AuditProblem("signature", row.sequence, row.occurred_at, str(row.actor_id)))
    return problems


def check_grants(session: Session, keyring: Any) -> list[AuditProblem]:
    problems = []
    for row, result in unsigned_accounts(session, keyring):
        if row.role != "counsellor" or result.reason != "missing":
            problems.append(AuditProblem("role", None, row.updated_at, f"{row.id}:{row.role}:{result.reason}"))
    return problems


def restores(session: Session, keyring: Any) -> list[tuple[int, dt.datetime]]:
    """Signed restores by an administrator with a valid grant."""
    checker = GrantChecker(session, roots_from(keyring)) if keyring is not None else None
    found = []
    for row in session.scalars(select(AuditEvent).where(AuditEvent.action == "backup.restore")):
        account = session.get(Counsellor, row.actor_id) if row.actor_id else None
        if account is None or account.role != "admin":
            continue
        if checker is not None:
            result = checker.check(account)
            if not result.ok or not any(
                verify_signature(k, row.hash.encode("ascii"), row.signature) for k in result.sign_keys
            ):
                continue
        found.append((row.sequence, row.occurred_at))
    return found


def head_of(session: Session) -> tuple[int, str] | None:
    head = session.scalars(select(Setting).where(Setting.key == "audit.head")).first()
    if head is None:
        return None
    try:
        data = json.loads(head.value)
        return int(data["sequence"]), str(data["hash"])
    except (ValueError, KeyError, TypeError):
        return None
