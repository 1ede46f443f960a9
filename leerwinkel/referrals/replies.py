"""The provider's answer on the reply slip: find the referral by its reference, record the answer in one step."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import String, cast, func, select

from leerwinkel.actor import Actor
from leerwinkel.changes import Changes
from leerwinkel.dates import local_date
from leerwinkel.errors import InvalidInputError, NotFoundError, Problem
from leerwinkel.ids import ReferralId
from leerwinkel.intake.validation import Checker
from leerwinkel.referrals.service import ReferralRecord, ReferralResult, _record
from leerwinkel.security.audit import record as audit
from leerwinkel.storage.models import Client, Referral, ReferralStatusChange
from leerwinkel.storage.store import Store

_REFERENCE = re.compile(r"^(?:LW)?[\s-]*([0-9a-f]{8})$", re.IGNORECASE)
_ENROLLED = frozenset({"ingeschreven", "gestart", "afgerond"})


@dataclass(frozen=True)
class Reply:
    """What the provider filled in on the slip; at least one of the three."""

    enrolled_on: dt.date | None = None
    starts_on: dt.date | None = None
    refused_reason: str = ""


def parse_reference(text: str) -> str:
    """The eight hex digits of a reference as typed (``LW-1A2B3C4D``, ``lw 1a2b3c4d``, ``1a2b3c4d``).

    Raises InvalidInputError for anything else.
    """
    match = _REFERENCE.match(text.strip())
    if match is None:
        raise InvalidInputError.single("bad-value", field="reference", value=text.strip())
    return match.group(1).lower()


class ReplyService:
    """Close the loop: the reply slip's reference leads to the referral, its answer becomes its status."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def find(self, reference: str) -> ReferralRecord:
        """The referral with this reference; NotFoundError when there is none (or, unlikely, two)."""
        digits = parse_reference(reference)
        with self.store.unit_of_work() as session:
            # the id as text starts with the same eight digits on SQLite (32 hex) and PostgreSQL (uuid)
            query = select(Referral).where(func.lower(cast(Referral.id, String)).like(f"{digits}%"))
            rows = session.scalars(query.limit(2)).all()
            if len(rows) != 1:
                raise NotFoundError("referrals", f"LW-{digits.upper()}")
            return _record(session, rows[0])

    def record(self, reference: str, reply: Reply, *, actor: Actor | None) -> ReferralResult:
        """Find the referral by ``reference`` and record the provider's answer in one unit of work.

        Enrolled: status ``ingeschreven`` dated ``enrolled_on`` (unless already enrolled or further).
        Refused: status ``niet-toegelaten`` with the reason as its note. A start date is kept on the
        referral (the client's handout then prints it). Audited as ``referral.reply``.
        """
        found = self.find(reference)  # an unknown reference is the first thing to say
        checker = Checker()
        reason = checker.text("refused_reason", reply.refused_reason, maximum=2000, multiline=True)
        if checker.problems:
            raise InvalidInputError(checker.problems)
        if reply.enrolled_on is None and reply.starts_on is None and not reason:
            raise InvalidInputError([Problem(reason="reply-empty", field="reference")])
        if reason and (reply.enrolled_on is not None or reply.starts_on is not None):
            raise InvalidInputError([Problem(reason="reply-both", field="refused_reason")])
        now = self.store.now()
        today = local_date(now)
        counsellor_id = actor.id if actor is not None else None
        with self.store.unit_of_work() as session:
            referral = session.get(Referral, found.id)
            if referral is None:
                raise NotFoundError("referrals", reference)
            old_status = referral.status
            new_status = old_status
            if reason:
                new_status, changed_on, note = "niet-toegelaten", today, reason
            elif referral.status not in _ENROLLED:
                new_status, changed_on, note = "ingeschreven", reply.enrolled_on or today, ""
            if new_status != old_status:
                referral.status = new_status
                referral.history.append(
                    ReferralStatusChange(
                        status=new_status, changed_on=changed_on, changed_at=now, counsellor_id=counsellor_id, note=note
                    )
                )
            if reply.starts_on is not None:
                referral.starts_on = reply.starts_on
            client = session.get(Client, referral.client_id)
            if client is not None:
                client.last_activity_at = now
            session.flush()
            detail = {"client": referral.client_id, "from": old_status, "to": new_status}
            audit(session, actor, "referral.reply", "referral", referral.id, detail=detail)
            return ReferralResult(_record(session, referral), Changes(referrals=True, clients=True))


__all__ = ["ReferralId", "Reply", "ReplyService", "parse_reference"]
