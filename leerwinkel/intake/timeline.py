"""A client's timeline: intakes, wishes, consents, referrals, status changes, letters and contacts."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from leerwinkel.dates import local_date, local_to_utc
from leerwinkel.errors import NotFoundError
from leerwinkel.ids import ClientId
from leerwinkel.intake.types import TimelineEntry
from leerwinkel.messages import _
from leerwinkel.storage.models import Client, Contact, Counsellor, Letter, Offering, Provider, Referral
from leerwinkel.taxonomy import CONTACT_KINDS, INTAKE_CHANNELS, REFERRAL_STATUSES, WISH_CATEGORIES

NOON = dt.time(12)


def _at(day: dt.date, recorded: dt.datetime | None = None) -> dt.datetime:
    """When something happened on ``day``: the moment it was recorded if that was the same day, else noon."""
    if recorded is not None and local_date(recorded) == day:
        return recorded
    return local_to_utc(day, NOON)


def _yes_no(value: bool) -> str:
    return "ja" if value else "nee"


def client_timeline(session: Session, client_id: ClientId) -> tuple[TimelineEntry, ...]:
    """Everything that happened with one client, newest first, with who did it and for which provider."""
    client = session.get(Client, client_id)
    if client is None:
        raise NotFoundError("client", str(client_id))
    referrals = session.scalars(
        select(Referral).where(Referral.client_id == client_id).options(selectinload(Referral.history))
    ).all()
    letters = session.scalars(
        select(Letter).where((Letter.client_id == client_id) | Letter.referral_id.in_([r.id for r in referrals]))
    ).all()
    contacts = session.scalars(select(Contact).where(Contact.client_id == client_id)).all()
    people = _counsellor_names(
        session,
        {i.counsellor_id for i in client.intakes}
        | {c.recorded_by_id for c in client.consents}
        | {r.counsellor_id for r in referrals}
        | {h.counsellor_id for r in referrals for h in r.history}
        | {letter.counsellor_id for letter in letters}
        | {c.counsellor_id for c in contacts},
    )
    offerings = _names(session, Offering.id, Offering.title, {r.offering_id for r in referrals})
    providers = _names(session, Provider.id, Provider.name, {r.provider_id for r in referrals})

    def who(counsellor_id: uuid.UUID | None) -> str:
        return people.get(counsellor_id, "") if counsellor_id else ""

    entries: list[TimelineEntry] = []
    for intake in client.intakes:
        entries.append(
            TimelineEntry(
                _at(intake.held_on, intake.created_at),
                "intake",
                INTAKE_CHANNELS.label(intake.channel),
                intake.notes,
                str(intake.id),
                actor=who(intake.counsellor_id),
            )
        )
    for wish in client.wishes:
        at = _at(wish.intake.held_on, wish.created_at) if wish.intake else wish.created_at
        entries.append(TimelineEntry(at, "wish", WISH_CATEGORIES.label(wish.category), wish.description, str(wish.id)))
    for consent in client.consents:
        answers = (
            f"gegevens bewaren: {_yes_no(consent.store_data)}, "
            f"delen met de aanbieder: {_yes_no(consent.share_with_provider)}, "
            f"later contact: {_yes_no(consent.contact_follow_up)}"
        )
        entries.append(
            TimelineEntry(
                _at(consent.given_on, consent.created_at),
                "consent",
                answers,
                consent.note,
                str(consent.id),
                actor=who(consent.recorded_by_id),
            )
        )
    titles: dict[uuid.UUID, str] = {}
    for referral in referrals:
        title = offerings.get(referral.offering_id, "") if referral.offering_id else ""
        title = titles[referral.id] = (
            title or referral.external_service or referral.external_provider or WISH_CATEGORIES.label(referral.category)
        )
        provider = _provider(referral, providers)
        entries.append(
            TimelineEntry(
                _at(referral.referred_on, referral.created_at),
                "referral",
                title,
                referral.note,
                str(referral.id),
                actor=who(referral.counsellor_id),
                provider=provider,
            )
        )
        for change in referral.history:
            entries.append(
                TimelineEntry(
                    _at(change.changed_on, change.changed_at),
                    "status",
                    f"{title}: {REFERRAL_STATUSES.label(change.status)}",
                    _override_note(change.note, change.override_reason),
                    str(referral.id),
                    actor=who(change.counsellor_id),
                    provider=provider,
                )
            )
    by_id = {r.id: r for r in referrals}
    for letter in letters:
        referral_row = by_id.get(letter.referral_id) if letter.referral_id else None
        provider = _provider(referral_row, providers) if referral_row is not None else ""
        entries.append(
            TimelineEntry(
                letter.produced_at,
                "letter",
                letter.kind,
                letter.action,
                str(letter.id),
                actor=who(letter.counsellor_id),
                provider=provider,
                language=letter.language,
            )
        )
    for contact in contacts:
        entries.append(
            TimelineEntry(
                _at(contact.happened_on, contact.created_at),
                "contact",
                CONTACT_KINDS.label(contact.kind),
                contact.note,
                str(contact.id),
                actor=who(contact.counsellor_id),
            )
        )
    return tuple(sorted(entries, key=lambda e: e.at, reverse=True))


def _provider(referral: Referral, providers: dict[uuid.UUID, str]) -> str:
    """The catalogue provider's name, or the one typed for a referral outside the catalogue."""
    if referral.provider_id:
        return providers.get(referral.provider_id, "")
    return referral.external_provider


def _override_note(note: str, override_reason: str) -> str:
    """A status change's note, with the reason for referring anyway when there is one."""
    if not override_reason:
        return note
    said = _("Toch verwezen: {reason}").format(reason=override_reason)
    return f"{said}\n{note}" if note else said


def _counsellor_names(session: Session, ids: set[uuid.UUID | None]) -> dict[uuid.UUID, str]:
    wanted = [i for i in ids if i is not None]
    if not wanted:
        return {}
    rows = session.execute(select(Counsellor.id, Counsellor.display_name).where(Counsellor.id.in_(wanted)))
    return {row[0]: row[1] for row in rows}


def _names(session: Session, key: object, name: object, ids: set[uuid.UUID | None]) -> dict[uuid.UUID, str]:
    wanted = [i for i in ids if i is not None]
    if not wanted:
        return {}
    rows = session.execute(select(key, name).where(key.in_(wanted)))  # type: ignore[call-overload, attr-defined]
    return {row[0]: row[1] for row in rows}
