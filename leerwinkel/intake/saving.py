"""Saving an intake: the one write path of the intake form, the command line and the imports.

:func:`save_intake` is what "Opslaan" does (``IntakeService.save``) and what ``ClientService.record_intake``
does for the command line and scripts; :func:`write_intake` writes one validated intake and is shared
with the imports. Everything is written with Core statements (leerwinkel.intake.rows): one INSERT per
table for new rows, and a stored client, its intake, wishes, target groups, vulnerabilities and
thresholds updated or deleted at the version read, so that a change from another desk meanwhile is a
ConflictError as with the ORM's version counter. The records returned are built from what was written.
An ORM flush of a dozen objects, and reading them back, cost several times the statements (issue 15).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    Select,
    bindparam,
    literal,
    select,
    union_all,
)
from sqlalchemy.orm import Session

from leerwinkel.actor import Actor
from leerwinkel.changes import Changes
from leerwinkel.dates import parse_date
from leerwinkel.errors import InvalidInputError, NotFoundError
from leerwinkel.ids import ClientId, IntakeId, SiteId, WishId, new_id, new_ids
from leerwinkel.intake import rows
from leerwinkel.intake.checked import ValidatedPerson, _validate_intake
from leerwinkel.intake.records import _check_version, _counsellor, _counsellor_name, _site_codes
from leerwinkel.intake.types import (
    ClientRecord,
    ConsentInput,
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
    Site,
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
    """What :func:`write_intake` wrote: the client's id, the intake and its wishes, and the client's children."""

    client_id: ClientId
    intake: IntakeRecord
    wishes: tuple[WishRecord, ...]
    children: Children
    client: Mapping[str, Any]  # the client's row as it is now (column name to value)


@dataclass
class Children:
    """A client's target groups, vulnerabilities, thresholds and latest consent as stored (read with Core).

    Each code maps to its row's id and version (and a threshold's note): a change deletes or updates
    that version, and a row another desk changed meanwhile is a conflict, as the ORM's version
    counter has it.
    """

    target_groups: dict[str, tuple[uuid.UUID, int]] = field(default_factory=dict)
    vulnerabilities: dict[str, tuple[uuid.UUID, int]] = field(default_factory=dict)
    thresholds: dict[str, tuple[uuid.UUID, int, str]] = field(default_factory=dict)
    consent: ConsentRecord | None = None

    @classmethod
    def load(cls, session: Session, client_id: uuid.UUID) -> Children:
        connection = rows.connection(session)
        children = cls()
        for kind, code, row_id, version, note in connection.execute(_CHILDREN, {"client_id": client_id}):
            if kind == "t":
                children.thresholds[code] = (row_id, version, note)
            else:
                (children.target_groups if kind == "g" else children.vulnerabilities)[code] = (row_id, version)
        latest = connection.execute(_CONSENTS, {"client_id": client_id}).all()
        if latest:
            store_data, share, contact, given_on, recorded_by = latest[-1]
            children.consent = ConsentRecord(
                store_data,
                share,
                contact,
                given_on,
                str(recorded_by) if recorded_by else None,
                _counsellor_name(session, recorded_by),
            )
        return children


def _children_of(
    model: type[ClientTargetGroup | ClientVulnerability | ClientThreshold], kind: str
) -> Select[str, str, uuid.UUID, int, str]:
    note = ClientThreshold.note if model is ClientThreshold else literal("")
    return select(literal(kind), model.code, model.id, model.version, note).where(
        model.client_id == bindparam("client_id")
    )


#: A client's target groups ("g"), vulnerabilities ("v") and thresholds ("t") in one statement.
_CHILDREN = union_all(
    _children_of(ClientTargetGroup, "g"), _children_of(ClientVulnerability, "v"), _children_of(ClientThreshold, "t")
)
_CONSENTS = (
    select(
        Consent.store_data,
        Consent.share_with_provider,
        Consent.contact_follow_up,
        Consent.given_on,
        Consent.recorded_by_id,
    )
    .where(Consent.client_id == bindparam("client_id"))
    .order_by(Consent.given_on)  # the latest applies, as Client.consents orders them
)


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
    sites = _sites_named(session, form)
    checker = Checker()
    person, held_on, appointment = _validate_intake(form, checker, today=today, sites=sites)
    if checker.problems:
        raise InvalidInputError(checker.problems)
    current: dict[str, Any] | None = None
    if intake.base is not None:
        current = rows.read_row(session, Client, intake.base.id)
        if current is None:
            raise NotFoundError("client", str(intake.base.id))
        if current["version"] != intake.base.version:  # another desk saved it: a conflict only when what
            row = session.get(Client, intake.base.id)  # the form shows changed (records compared, so the ORM)
            assert row is not None
            _check_version(session, row, intake.base)
            session.expunge(row)  # its rows are written with Core below: the ORM's copies would be stale
    write = write_intake if intake.intake_id is None else _rewrite_intake
    written = write(
        session,
        intake,
        person,
        client=current,
        held_on=held_on or today,
        appointment=appointment,
        sites=sites,
        today=today,
        now=now,
        counsellor=actor,
    )
    audit(
        session,
        actor,
        "client.create" if intake.base is None else "client.update",
        "client",
        written.client_id,
        detail={"intake": written.intake.id, "wishes": len(written.wishes)},
    )
    client = _record(written, sites=sites)
    return SavedIntake(client, written.intake, written.wishes, Changes(clients=True, intakes=True))


def write_intake(
    session: Session,
    intake: OpenIntake | IntakeInput,
    person: ValidatedPerson,
    *,
    client: Mapping[str, Any] | None,
    held_on: dt.date,
    appointment: dt.datetime | None,
    sites: Mapping[str, uuid.UUID],
    today: dt.date,
    now: dt.datetime,
    counsellor: Actor | None,
) -> Written:
    """Write one validated new intake: for a new client (``client`` None) or for the stored ``client``.

    ``client`` is the client's row as read (:func:`client_row`). Writes the client's fields, target
    groups, vulnerabilities, thresholds (new ones remember the intake) and consent (a new row when
    the answers changed), the intake and its wishes, all at once with Core statements; the client
    first, at the version read (another version is a ConflictError). Does not audit.
    """
    form = intake.form if isinstance(intake, OpenIntake) else intake
    stamp = rows.stamp(session, now)
    if client is None:
        client_id = ClientId(new_id())
        values = {**stamp, **person.columns(), "id": client_id, "last_activity_at": now}
        rows.insert_rows(session, Client, [values])
        children = Children()
    else:
        client_id = ClientId(client["id"])
        values, children = _change_client(session, client, person, stamp=stamp)
    record = IntakeRecord(
        IntakeId(new_id()),
        client_id,
        _site(sites, form.site_code),
        held_on,
        form.channel,
        form.referred_by.strip(),
        form.notes.strip(),
        appointment,
    )
    rows.insert_rows(
        session,
        Intake,
        [
            {
                **stamp,
                "id": record.id,
                "client_id": client_id,
                "site_id": record.site_id,
                "counsellor_id": _counsellor(counsellor),
                "held_on": record.held_on,
                "channel": record.channel,
                "referred_by": record.referred_by,
                "notes": record.notes,
                "next_appointment_at": record.next_appointment_at,
            }
        ],
    )
    wishes = tuple(
        WishRecord(WishId(wish_id), client_id, record.id, w.category, w.description.strip(), w.goal.strip())
        for wish_id, w in zip(new_ids(len(form.wishes)), form.wishes, strict=True)
    )
    rows.insert_rows(
        session,
        LearningWish,
        [
            {
                **stamp,
                "id": w.id,
                "client_id": client_id,
                "intake_id": w.intake_id,
                "category": w.category,
                "description": w.description,
                "goal": w.goal,
            }
            for w in wishes
        ],
    )
    _write_children(
        session,
        client_id,
        children,
        person,
        consent=form.consent,
        intake_id=record.id,
        stamp=stamp,
        today=today,
        counsellor=counsellor,
    )
    return Written(client_id, record, wishes, children, values)


def _rewrite_intake(
    session: Session,
    intake: OpenIntake | IntakeInput,
    person: ValidatedPerson,
    *,
    client: Mapping[str, Any] | None,
    held_on: dt.date,
    appointment: dt.datetime | None,
    sites: Mapping[str, uuid.UUID],
    today: dt.date,
    now: dt.datetime,
    counsellor: Actor | None,
) -> Written:
    """Save an intake again: the client, the intake's own fields, its wishes (edited or new), thresholds."""
    assert isinstance(intake, OpenIntake) and intake.intake_id is not None
    assert client is not None, "an intake saved before belongs to a stored client"
    stored = rows.read_row(session, Intake, intake.intake_id)
    if stored is None or stored["client_id"] != client["id"]:
        raise NotFoundError("intake", str(intake.intake_id))
    form = intake.form
    stamp = rows.stamp(session, now)
    client_id = ClientId(client["id"])
    values, children = _change_client(session, client, person, stamp=stamp)
    record = IntakeRecord(
        IntakeId(stored["id"]),
        client_id,
        _site(sites, form.site_code),
        held_on,
        form.channel,
        form.referred_by.strip(),
        form.notes.strip(),
        appointment,
    )
    fields = {
        "held_on": record.held_on,
        "channel": record.channel,
        "referred_by": record.referred_by,
        "notes": record.notes,
        "next_appointment_at": record.next_appointment_at,
        "site_id": record.site_id,
    }
    rows.update_row(session, Intake, stored, fields, stamp=stamp)
    wanted = [wish_id for index in range(len(form.wishes)) if (wish_id := intake.wish_id(index)) is not None]
    found_rows = rows.connection(session).execute(_WISHES, {"ids": wanted}).mappings()
    existing: dict[uuid.UUID, dict[str, Any]] = {row["id"]: dict(row) for row in found_rows}
    wishes: list[WishRecord] = []
    added: list[dict[str, Any]] = []
    new_wish_ids = iter(new_ids(len(form.wishes)))  # the new ones among them take the first few, in order
    for index, wish in enumerate(form.wishes):
        wish_id = intake.wish_id(index)
        found = existing.get(wish_id) if wish_id is not None else None
        text = {"category": wish.category, "description": wish.description.strip(), "goal": wish.goal.strip()}
        if found is not None and found["client_id"] == client_id:
            rows.update_row(session, LearningWish, found, text, stamp=stamp)
            of_intake = IntakeId(found["intake_id"]) if found["intake_id"] else None
            wishes.append(WishRecord(WishId(found["id"]), client_id, of_intake, **text))
        else:
            new = {**stamp, **text, "id": next(new_wish_ids), "client_id": client_id, "intake_id": record.id}
            added.append(new)
            wishes.append(WishRecord(WishId(new["id"]), client_id, record.id, **text))
    rows.insert_rows(session, LearningWish, added)
    _write_children(
        session,
        client_id,
        children,
        person,
        consent=form.consent,
        intake_id=record.id,
        stamp=stamp,
        today=today,
        counsellor=counsellor,
    )
    return Written(client_id, record, tuple(wishes), children, values)


def client_row(session: Session, client_id: uuid.UUID) -> dict[str, Any] | None:
    """The client's row as stored (column name to value), for :func:`write_intake`; None when unknown."""
    return rows.read_row(session, Client, client_id)


def _change_client(
    session: Session, client: Mapping[str, Any], person: ValidatedPerson, *, stamp: Mapping[str, Any]
) -> tuple[dict[str, Any], Children]:
    """Write ``person`` to the stored ``client`` (at the version read); return its values and children.

    The client is written first, before its children: a save from another desk meanwhile is a
    conflict about the client, as the form can explain it.
    """
    children = Children.load(session, client["id"])
    fields = {**person.columns(), "last_activity_at": stamp["updated_at"]}
    values = rows.update_row(session, Client, client, fields, stamp=stamp)
    return values, children


_WISHES = select(*LearningWish.__table__.c).where(LearningWish.__table__.c.id.in_(bindparam("ids", expanding=True)))


def _write_children(
    session: Session,
    client_id: ClientId,
    children: Children,
    person: ValidatedPerson,
    *,
    consent: ConsentInput | None,
    intake_id: uuid.UUID,
    stamp: Mapping[str, Any],
    today: dt.date,
    counsellor: Actor | None,
) -> None:
    """Bring the client's target groups, vulnerabilities, thresholds and consent to ``person`` and ``consent``.

    Removed codes are deleted, a changed threshold note updated, new codes added (new thresholds
    remember ``intake_id``); a consent row is added when nothing was recorded yet or the answers
    changed. ``children`` is updated to what is stored afterwards.
    """
    for model, have, wanted in (
        (ClientTargetGroup, children.target_groups, person.target_groups),
        (ClientVulnerability, children.vulnerabilities, person.vulnerabilities),
    ):
        for code in [c for c in have if c not in wanted]:
            row_id, version = have.pop(code)
            rows.delete_row(session, model, {"id": row_id, "version": version})
        added = [c for c in wanted if c not in have]
        new_rows = [
            {**stamp, "id": row_id, "client_id": client_id, "code": code}
            for row_id, code in zip(new_ids(len(added)), added, strict=True)
        ]
        rows.insert_rows(session, model, new_rows)
        have.update((r["code"], (r["id"], 1)) for r in new_rows)
    thresholds = children.thresholds
    for code in [c for c in thresholds if c not in person.thresholds]:
        row_id, version, _note = thresholds.pop(code)
        rows.delete_row(session, ClientThreshold, {"id": row_id, "version": version})
    new_thresholds = []
    threshold_ids = iter(new_ids(len(person.thresholds)))  # the new ones take the first few
    for code, note in person.thresholds.items():
        if code not in thresholds:
            new_thresholds.append(
                {
                    **stamp,
                    "id": next(threshold_ids),
                    "client_id": client_id,
                    "intake_id": intake_id,
                    "code": code,
                    "note": note,
                }
            )
        elif thresholds[code][2] != note:
            row_id, version, _old = thresholds[code]
            read = {"id": row_id, "version": version, "note": thresholds[code][2]}
            rows.update_row(session, ClientThreshold, read, {"note": note}, stamp=stamp)
            thresholds[code] = (row_id, version + 1, note)
    rows.insert_rows(session, ClientThreshold, new_thresholds)
    thresholds.update((r["code"], (r["id"], 1, r["note"])) for r in new_thresholds)
    if consent is None:
        return
    answers = (consent.store_data, consent.share_with_provider, consent.contact_follow_up)
    latest = children.consent
    if latest is not None and (latest.store_data, latest.share_with_provider, latest.contact_follow_up) == answers:
        return
    given_on = parse_date(consent.given_on) if consent.given_on.strip() else today
    row = {
        **stamp,
        "id": new_id(),
        "client_id": client_id,
        "store_data": answers[0],
        "share_with_provider": answers[1],
        "contact_follow_up": answers[2],
        "given_on": given_on,
        "recorded_by_id": _counsellor(counsellor),
    }
    rows.insert_rows(session, Consent, [row])
    children.consent = ConsentRecord(  # recorded by the account acting: its name is known, not read again
        *answers,
        given_on,
        str(counsellor.id) if counsellor is not None else None,
        counsellor.display_name if counsellor is not None else "",
    )


#: The client's fields a ClientRecord carries as stored.
_PLAIN_FIELDS = (
    "first_name",
    "alias",
    "last_name",
    "birth_date",
    "birth_year",
    "gender",
    "phone",
    "email",
    "street",
    "postcode",
    "municipality",
    "languages",
    "dutch_level",
    "education_level",
    "foreign_diploma",
    "foreign_diploma_recognised",
    "detained",
    "expected_release_date",
    "employment",
    "vdab_registered",
    "notes",
)


def _record(written: Written, *, sites: Mapping[str, uuid.UUID]) -> ClientRecord:
    """The client as it is stored now, from its row and the children written."""
    values, children = written.client, written.children
    prison = values["prison_site_id"]
    return ClientRecord(
        id=written.client_id,
        version=values["version"],
        target_groups=tuple(sorted(children.target_groups)),
        prison_site_code=next((code for code, site_id in sites.items() if site_id == prison), "") if prison else "",
        vulnerabilities=tuple(sorted(children.vulnerabilities)),
        thresholds=tuple(ThresholdRecord(code, children.thresholds[code][2]) for code in sorted(children.thresholds)),
        consent=children.consent,
        created_at=values["created_at"],
        last_activity_at=values["last_activity_at"],
        **{name: values[name] for name in _PLAIN_FIELDS},
    )


def _sites_named(session: Session, form: IntakeInput) -> dict[str, uuid.UUID]:
    """The sites the form names, by code; every site when one of them is unknown (the problem lists them)."""
    codes = {code for code in (form.site_code, form.person.prison_site_code) if code}
    if not codes:
        return {}
    found = {code: site_id for code, site_id in rows.connection(session).execute(_SITES_NAMED, {"codes": list(codes)})}
    return found if len(found) == len(codes) else _site_codes(session)


_SITES_NAMED = select(Site.code, Site.id).where(Site.code.in_(bindparam("codes", expanding=True)))


def _site(sites: Mapping[str, uuid.UUID], code: str) -> SiteId | None:
    found = sites.get(code)
    return SiteId(found) if found is not None else None
