"""Saving an intake: the one write path of the intake form, the command line and the imports.

:func:`save_intake` is what "Opslaan" does (``IntakeService.save``) and what ``ClientService.record_intake``
does for the command line and scripts; :func:`write_intake` writes one validated intake and is shared
with the imports. New rows (a new client, the intake, its wishes, thresholds, target groups,
vulnerabilities and consent) are written with one Core INSERT per table, and the records returned are
built from the values written: an ORM flush of a dozen new objects, and reading them back, cost several
times the commit itself (issue 15). An existing client is changed through the ORM, so that its version
counter still refuses a lost update.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from leerwinkel.actor import Actor
from leerwinkel.changes import Changes
from leerwinkel.dates import parse_date
from leerwinkel.errors import InvalidInputError, NotFoundError
from leerwinkel.ids import ClientId, CounsellorId, IntakeId, SiteId, WishId
from leerwinkel.intake.service import (
    ValidatedPerson,
    _check_version,
    _client_loads,
    _client_record,
    _counsellor,
    _counsellor_name,
    _intake_record,
    _record_consent,
    _site_codes,
    _validate_intake,
    _wish_record,
)
from leerwinkel.intake.types import (
    ClientRecord,
    ConsentRecord,
    IntakeInput,
    IntakeRecord,
    SavedIntake,
    ThresholdRecord,
    WishRecord,
)
from leerwinkel.intake.validation import Checker
from leerwinkel.security.audit import record as audit
from leerwinkel.storage.models import (
    Client,
    ClientTargetGroup,
    ClientThreshold,
    ClientVulnerability,
    Consent,
    Intake,
    LearningWish,
)


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
class Written:
    """What :func:`write_intake` wrote: the client's id, the intake and its wishes as records.

    ``client`` is the new client's record, built from the values written (None when an existing
    client was changed: read it from the ORM row after the flush, which moves its version).
    """

    client_id: ClientId
    intake: IntakeRecord
    wishes: tuple[WishRecord, ...]
    client: ClientRecord | None


def save_intake(
    session: Session, intake: OpenIntake, *, actor: Actor | None, today: dt.date, now: dt.datetime
) -> SavedIntake:
    """Save the open intake inside ``session`` (the caller's unit of work) and audit it.

    A new client when ``intake.base`` is None, else the client ``base`` names (ConflictError, naming
    the fields, only when another desk really changed what the form shows); a new intake when
    ``intake.intake_id`` is None, else that intake saved again. Raises InvalidInputError with every
    problem before anything is written. Audited as ``client.create`` or ``client.update`` with the
    intake's id and the number of wishes.
    """
    form = intake.form
    sites = _site_codes(session)
    checker = Checker()
    person, held_on, appointment = _validate_intake(form, checker, today=today, sites=sites)
    if checker.problems:
        raise InvalidInputError(checker.problems)
    counsellor_id = _counsellor(actor)
    row: Client | None = None
    if intake.base is not None:
        row = session.scalars(select(Client).where(Client.id == intake.base.id).options(*_client_loads())).first()
        if row is None:
            raise NotFoundError("client", str(intake.base.id))
        _check_version(session, row, intake.base)
    if intake.intake_id is None:
        written = write_intake(
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
        assert row is not None, "an intake saved before belongs to a stored client"
        written = _rewrite_intake(
            session,
            intake,
            person,
            row=row,
            held_on=held_on or today,
            appointment=appointment,
            sites=sites,
            today=today,
            now=now,
            counsellor_id=counsellor_id,
        )
    if row is not None:
        session.flush()  # the client's version moves: the record returned below carries the new one
    audit(
        session,
        actor,
        "client.create" if intake.base is None else "client.update",
        "client",
        written.client_id,
        detail={"intake": written.intake.id, "wishes": len(written.wishes)},
    )
    client = written.client
    if client is None:
        assert row is not None
        client = _client_record(session, row)
    return SavedIntake(
        client=client,
        intake=written.intake,
        wishes=written.wishes,
        changes=Changes(clients=True, intakes=True),
    )


def write_intake(
    session: Session,
    form: IntakeInput,
    person: ValidatedPerson,
    *,
    row: Client | None,
    held_on: dt.date,
    appointment: dt.datetime | None,
    sites: Mapping[str, uuid.UUID],
    today: dt.date,
    now: dt.datetime,
    counsellor_id: CounsellorId | None,
) -> Written:
    """Write one validated intake: a new client (``row`` None) or the loaded client ``row``, changed.

    The client's fields, target groups, vulnerabilities, thresholds (new ones remember the intake)
    and consent (a new row when the answers changed), a new intake and its wishes. Writes at once
    (Core INSERTs) what is new; changes to ``row`` wait for the session's next flush. Does not audit.
    """
    stamp = _stamp(session, now)
    columns = person.columns()
    client_id = ClientId(row.id if row is not None else uuid.uuid4())
    if row is None:
        _insert(session, Client, [{**stamp, **columns, "id": client_id, "last_activity_at": now}])
    else:
        person.apply(row)
        row.last_activity_at = now
    intake = IntakeRecord(
        IntakeId(uuid.uuid4()),
        client_id,
        _site(sites, form.site_code),
        held_on,
        form.channel,
        form.referred_by.strip(),
        form.notes.strip(),
        appointment,
    )
    _insert(
        session,
        Intake,
        [
            {
                **stamp,
                "id": intake.id,
                "client_id": client_id,
                "site_id": intake.site_id,
                "counsellor_id": counsellor_id,
                "held_on": intake.held_on,
                "channel": intake.channel,
                "referred_by": intake.referred_by,
                "notes": intake.notes,
                "next_appointment_at": intake.next_appointment_at,
            }
        ],
    )
    wishes = tuple(
        WishRecord(WishId(uuid.uuid4()), client_id, intake.id, w.category, w.description.strip(), w.goal.strip())
        for w in form.wishes
    )
    _insert_wishes(session, wishes, stamp)
    if row is not None:
        person.apply_children(row, intake_id=intake.id)
        if form.consent is not None:
            _record_consent(session, row, form.consent, today=today, counsellor_id=counsellor_id)
        return Written(client_id, intake, wishes, None)
    target_groups = [{**stamp, "id": uuid.uuid4(), "client_id": client_id, "code": c} for c in person.target_groups]
    _insert(session, ClientTargetGroup, target_groups)
    vulnerabilities = [{**stamp, "id": uuid.uuid4(), "client_id": client_id, "code": c} for c in person.vulnerabilities]
    _insert(session, ClientVulnerability, vulnerabilities)
    thresholds = [
        {**stamp, "id": uuid.uuid4(), "client_id": client_id, "intake_id": intake.id, "code": code, "note": note}
        for code, note in person.thresholds.items()
    ]
    _insert(session, ClientThreshold, thresholds)
    consent = None
    if form.consent is not None:
        given_on = parse_date(form.consent.given_on) if form.consent.given_on.strip() else today
        answers = (form.consent.store_data, form.consent.share_with_provider, form.consent.contact_follow_up)
        _insert(
            session,
            Consent,
            [
                {
                    **stamp,
                    "id": uuid.uuid4(),
                    "client_id": client_id,
                    "store_data": answers[0],
                    "share_with_provider": answers[1],
                    "contact_follow_up": answers[2],
                    "given_on": given_on,
                    "recorded_by_id": counsellor_id,
                }
            ],
        )
        consent = ConsentRecord(
            *answers,
            given_on,
            str(counsellor_id) if counsellor_id else None,
            _counsellor_name(session, counsellor_id),
        )
    client = ClientRecord(
        id=client_id,
        version=1,
        first_name=columns["first_name"],
        alias=columns["alias"],
        last_name=columns["last_name"],
        birth_date=columns["birth_date"],
        birth_year=columns["birth_year"],
        gender=columns["gender"],
        phone=columns["phone"],
        email=columns["email"],
        street=columns["street"],
        postcode=columns["postcode"],
        municipality=columns["municipality"],
        languages=columns["languages"],
        dutch_level=columns["dutch_level"],
        education_level=columns["education_level"],
        foreign_diploma=columns["foreign_diploma"],
        foreign_diploma_recognised=columns["foreign_diploma_recognised"],
        target_groups=tuple(sorted(person.target_groups)),
        detained=columns["detained"],
        prison_site_code=person.person.prison_site_code if columns["prison_site_id"] is not None else "",
        expected_release_date=columns["expected_release_date"],
        employment=columns["employment"],
        vdab_registered=columns["vdab_registered"],
        vulnerabilities=tuple(sorted(person.vulnerabilities)),
        thresholds=tuple(ThresholdRecord(code, person.thresholds[code]) for code in sorted(person.thresholds)),
        notes=columns["notes"],
        consent=consent,
        created_at=now,
        last_activity_at=now,
    )
    return Written(client_id, intake, wishes, client)


def _rewrite_intake(
    session: Session,
    intake: OpenIntake,
    person: ValidatedPerson,
    *,
    row: Client,
    held_on: dt.date,
    appointment: dt.datetime | None,
    sites: Mapping[str, uuid.UUID],
    today: dt.date,
    now: dt.datetime,
    counsellor_id: CounsellorId | None,
) -> Written:
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
    stored.next_appointment_at = appointment
    stored.site_id = sites.get(form.site_code)
    wanted = [wish_id for index in range(len(form.wishes)) if (wish_id := intake.wish_id(index)) is not None]
    existing = {w.id: w for w in session.scalars(select(LearningWish).where(LearningWish.id.in_(wanted)))}
    wishes: list[LearningWish] = []
    for index, wish in enumerate(form.wishes):
        wish_id = intake.wish_id(index)
        found = existing.get(wish_id) if wish_id is not None else None
        if found is not None and found.client_id == row.id:
            found.category = wish.category
            found.description = wish.description.strip()
            found.goal = wish.goal.strip()
            wishes.append(found)
        else:
            added = LearningWish(
                id=uuid.uuid4(),
                client=row,
                intake=stored,
                category=wish.category,
                description=wish.description.strip(),
                goal=wish.goal.strip(),
            )
            session.add(added)
            wishes.append(added)
    person.apply_children(row, intake_id=stored.id)
    if form.consent is not None:
        _record_consent(session, row, form.consent, today=today, counsellor_id=counsellor_id)
    session.flush()  # new wishes get their client and intake ids
    return Written(ClientId(row.id), _intake_record(stored), tuple(_wish_record(w) for w in wishes), None)


def _stamp(session: Session, now: dt.datetime) -> dict[str, Any]:
    """The bookkeeping columns of a new row, as the store stamps them on a flush."""
    return {"created_at": now, "updated_at": now, "updated_by_device": session.info["store"].device_id, "version": 1}


def _insert(session: Session, model: type[Any], rows: Sequence[Mapping[str, Any]]) -> None:
    """One INSERT (``executemany`` for several rows) of new rows, in the session's transaction."""
    if rows:
        table: Table = model.__table__
        session.connection().execute(table.insert(), list(rows))


def _insert_wishes(session: Session, wishes: Sequence[WishRecord], stamp: Mapping[str, Any]) -> None:
    rows = [
        {
            **stamp,
            "id": w.id,
            "client_id": w.client_id,
            "intake_id": w.intake_id,
            "category": w.category,
            "description": w.description,
            "goal": w.goal,
        }
        for w in wishes
    ]
    _insert(session, LearningWish, rows)


def _site(sites: Mapping[str, uuid.UUID], code: str) -> SiteId | None:
    found = sites.get(code)
    return SiteId(found) if found is not None else None
