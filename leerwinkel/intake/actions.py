"""The intake form's actions, one unit of work each: save the open intake, refer from it, open a known client."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from leerwinkel.actor import Actor
from leerwinkel.changes import Changes
from leerwinkel.dates import local_date
from leerwinkel.errors import InvalidInputError, NotFoundError
from leerwinkel.ids import ClientId, OfferingId, SiteId
from leerwinkel.intake.records import _client_loads, _client_record, _site_codes, _wish_record, client_wishes
from leerwinkel.intake.saving import OpenIntake as OpenIntake  # the form and the tests name it here
from leerwinkel.intake.saving import save_intake
from leerwinkel.intake.types import ClientRecord, SavedIntake, WishRecord
from leerwinkel.intake.validation import Checker
from leerwinkel.referrals.overrides import ExternalProvider
from leerwinkel.referrals.service import (
    ReferralRecord,
    _list_query,
    _records,
    add_referral,
    referral_record,
)
from leerwinkel.security.audit import record as audit
from leerwinkel.storage.models import Client
from leerwinkel.storage.store import Store

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Referred:
    """The result of "refer": the intake as saved (fresh records) and the new referral."""

    saved: SavedIntake
    referral: ReferralRecord
    open_referrals: tuple[ReferralRecord, ...]  # the client's open referrals, the new one included
    changes: Changes


@dataclass(frozen=True)
class KnownClient:
    """A returning client for a new intake: the stored record, earlier wishes and open referrals."""

    client: ClientRecord
    wishes: tuple[WishRecord, ...]
    open_referrals: tuple[ReferralRecord, ...]


class IntakeService:
    """The intake form's writes: each user action is one call and one transaction, returning fresh records."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def save(self, intake: OpenIntake, *, actor: Actor | None) -> SavedIntake:
        """Save the open intake: client, situation, thresholds, consent, the intake itself and its wishes.

        A new client is created when ``intake.base`` is None. Raises InvalidInputError with every
        problem, and ConflictError (naming the fields) only when another desk really changed the client.
        Audited as ``client.create`` or ``client.update``.
        """
        today, now = local_date(self.store.now()), self.store.now()
        with self.store.unit_of_work() as session:
            return save_intake(session, intake, actor=actor, today=today, now=now)

    def refer(
        self,
        intake: OpenIntake,
        *,
        wish_index: int,
        offering_id: OfferingId | None,
        actor: Actor | None,
        follow_up_on: dt.date | None = None,
        note: str = "",
        override_reason: str = "",
        external: ExternalProvider | None = None,
    ) -> Referred:
        """Save what is open and refer the client for wish ``wish_index`` to ``offering_id``, all or nothing.

        Refer anyway with ``override_reason`` when the offering does not fit, or to an ``external``
        provider outside the catalogue instead of an offering (see ``ReferralService.create``).

        Audited as the save is, plus ``referral.create``. Returns the fresh client, intake, wishes and
        the referral; nothing is written when a problem or a conflict is raised.
        """
        if not 0 <= wish_index < len(intake.form.wishes):
            checker = Checker()
            checker.add("required", "category")
            raise InvalidInputError(checker.problems)
        today, now = local_date(self.store.now()), self.store.now()
        with self.store.unit_of_work() as session:
            saved = save_intake(session, intake, actor=actor, today=today, now=now)
            wish = saved.wishes[wish_index]
            referral = add_referral(
                session,
                saved.client.id,
                category=wish.category,
                wish_id=wish.id,
                offering_id=offering_id,
                follow_up_on=follow_up_on,
                note=note,
                actor=actor,
                # made during the intake, so where the intake is (a prison session's print finds it by site)
                site_id=_site_id(session, intake.form.site_code),
                override_reason=override_reason,
                external=external,
                today=today,
                now=now,
            )
            session.flush()
            return Referred(
                saved,
                referral_record(session, referral),
                _open_referrals(session, saved.client.id),
                saved.changes | Changes(referrals=True),
            )

    def known_client(self, client_id: ClientId, *, actor: Actor | None) -> KnownClient:
        """A returning client's record with earlier wishes and open referrals (audited as ``client.view``)."""
        with self.store.unit_of_work() as session:
            row = session.scalars(select(Client).where(Client.id == client_id).options(*_client_loads())).first()
            if row is None:
                raise NotFoundError("client", str(client_id))
            wishes = session.scalars(client_wishes(session, client_id)).all()
            referrals = _open_referrals(session, client_id)
            audit(session, actor, "client.view", "client", client_id)
            return KnownClient(_client_record(session, row), tuple(_wish_record(w) for w in wishes), referrals)


def _open_referrals(session: Session, client_id: ClientId) -> tuple[ReferralRecord, ...]:
    return _records(session, _list_query(statuses=(), open_only=True, due_on=None, client_id=client_id))


def _site_id(session: Session, code: str) -> SiteId | None:
    found = _site_codes(session).get(code) if code else None
    return SiteId(found) if found is not None else None
