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
from leerwinkel.ids import ClientId, IntakeId, OfferingId, SiteId, WishId
from leerwinkel.intake.service import (
    ValidatedPerson,
    _check_version,
    _client_loads,
    _client_record,
    _counsellor,
    _intake_record,
    _record_consent,
    _site_codes,
    _validate_intake,
    _wish_record,
    _write_intake,
)
from leerwinkel.intake.types import ClientRecord, IntakeInput, SavedIntake, WishRecord
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
from leerwinkel.storage.models import Client, Intake, LearningWish
from leerwinkel.storage.store import Store

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class OpenIntake:
    """What the intake form holds when the counsellor acts: what was typed, and what it was based on.

    ``base`` is the client as the form last received it from a service (None: a new client);
    ``intake_id`` is set once this intake was saved, and ``wish_ids`` gives, per wish in ``form.wishes``,
    the stored wish it edits (None: a new wish). The form replaces all three with what every call
    returns, so it never saves from a stale copy.
    """

    form: IntakeInput
    base: ClientRecord | None = None
    intake_id: IntakeId | None = None
    wish_ids: tuple[WishId | None, ...] = ()

    def wish_id(self, index: int) -> WishId | None:
        return self.wish_ids[index] if 0 <= index < len(self.wish_ids) else None


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
            saved = _save(session, intake, actor=actor, today=today, now=now)
            return saved

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
            saved = _save(session, intake, actor=actor, today=today, now=now)
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
            wishes = session.scalars(
                select(LearningWish).where(LearningWish.client_id == client_id).order_by(LearningWish.created_at)
            ).all()
            referrals = _open_referrals(session, client_id)
            audit(session, actor, "client.view", "client", client_id)
            return KnownClient(_client_record(session, row), tuple(_wish_record(w) for w in wishes), referrals)


def _open_referrals(session: Session, client_id: ClientId) -> tuple[ReferralRecord, ...]:
    return _records(session, _list_query(statuses=(), open_only=True, due_on=None, client_id=client_id))


def _save(
    session: Session, intake: OpenIntake, *, actor: Actor | None, today: dt.date, now: dt.datetime
) -> SavedIntake:
    form = intake.form
    sites = _site_codes(session)
    checker = Checker()
    person, held_on, appointment = _validate_intake(form, checker, today=today, sites=sites)
    if checker.problems:
        raise InvalidInputError(checker.problems)
    counsellor_id = _counsellor(actor)
    if intake.base is None:
        row = Client(target_groups=[], vulnerabilities=[], thresholds=[], consents=[])  # loaded: no lazy SELECTs
        session.add(row)
    else:
        found = session.scalars(select(Client).where(Client.id == intake.base.id).options(*_client_loads())).first()
        if found is None:
            raise NotFoundError("client", str(intake.base.id))
        row = found
        _check_version(session, row, intake.base)
    if intake.intake_id is None:
        stored, wishes = _write_intake(
            session,
            form,
            person,
            row=row,
            held_on=held_on or today,
            appointment=appointment,
            sites=sites,
            today=today,
            now=now,
            counsellor_id=counsellor_id,
        )
    else:
        stored, wishes = _rewrite_intake(session, intake, person, row=row, held_on=held_on or today, now=now)
        stored.next_appointment_at = appointment
        stored.site_id = sites.get(form.site_code)
        if form.consent is not None:
            _record_consent(session, row, form.consent, today=today, counsellor_id=counsellor_id)
    session.flush()
    audit(
        session,
        actor,
        "client.create" if intake.base is None else "client.update",
        "client",
        row.id,
        detail={"intake": stored.id, "wishes": len(wishes)},
    )
    return SavedIntake(
        client=_client_record(session, row),
        intake=_intake_record(stored),
        wishes=tuple(_wish_record(w) for w in wishes),
        changes=Changes(clients=True, intakes=True),
    )


def _rewrite_intake(
    session: Session, intake: OpenIntake, person: ValidatedPerson, *, row: Client, held_on: dt.date, now: dt.datetime
) -> tuple[Intake, list[LearningWish]]:
    """Save an intake again: the client, the intake's own fields, its wishes (edited or new), thresholds."""
    assert intake.intake_id is not None
    stored = session.get(Intake, intake.intake_id)
    if stored is None or stored.client_id != row.id:
        raise NotFoundError("intake", str(intake.intake_id))
    form = intake.form
    person.apply(row)
    row.last_activity_at = now
    stored.held_on = held_on
    stored.channel = form.channel
    stored.referred_by = form.referred_by.strip()
    stored.notes = form.notes.strip()
    wishes: list[LearningWish] = []
    for index, wish in enumerate(form.wishes):
        wish_id = intake.wish_id(index)
        existing = session.get(LearningWish, wish_id) if wish_id is not None else None
        if existing is not None and existing.client_id == row.id:
            existing.category = wish.category
            existing.description = wish.description.strip()
            existing.goal = wish.goal.strip()
            wishes.append(existing)
        else:
            added = LearningWish(
                client=row,
                intake=stored,
                category=wish.category,
                description=wish.description.strip(),
                goal=wish.goal.strip(),
            )
            session.add(added)
            wishes.append(added)
    session.flush()
    person.apply_children(row, intake_id=stored.id)
    return stored, wishes


def _site_id(session: Session, code: str) -> SiteId | None:
    found = _site_codes(session).get(code) if code else None
    return SiteId(found) if found is not None else None
