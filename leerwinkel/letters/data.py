"""Read what a letter needs from the ORM inside one unit of work and freeze it into dataclasses."""

from __future__ import annotations

import datetime as dt
import json
import logging
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from leerwinkel import paths
from leerwinkel.config import SETTINGS_BY_KEY, Settings
from leerwinkel.dates import day_bounds
from leerwinkel.errors import NotFoundError
from leerwinkel.ids import ClientId, CounsellorId, ReferralId
from leerwinkel.letters.model import (
    Address,
    BookedClient,
    CatalogueSheetInfo,
    ClientInfo,
    Letterhead,
    OfferingInfo,
    PlaceInfo,
    ReferralInfo,
    SessionHandout,
)
from leerwinkel.storage.models import (
    Client,
    Consent,
    Counsellor,
    Intake,
    LearningWish,
    Location,
    Offering,
    Provider,
    Referral,
    Setting,
    Site,
)
from leerwinkel.taxonomy import CLOSED_STATUSES, WISH_CATEGORIES

log = logging.getLogger(__name__)

DEFAULT_LOGO = ("images", "leerwinkel-logo.png")
#: Without a follow-up date, the provider is asked to send the reply slip back within three weeks.
REPLY_WITHIN = dt.timedelta(weeks=3)


def read_settings(session: Session, prefix: str = "") -> Settings:
    """The stored settings (JSON values) over the defaults; unreadable values fall back to the default."""
    values = {key: spec.default for key, spec in SETTINGS_BY_KEY.items()}
    query = select(Setting.key, Setting.value)
    if prefix:
        query = query.where(Setting.key.startswith(prefix))
    for key, raw in session.execute(query):
        spec = SETTINGS_BY_KEY.get(key)
        if spec is None:
            continue
        try:
            value = json.loads(raw)
        except ValueError:
            log.warning("setting %s holds no valid JSON; the default is used", key)
            continue
        if isinstance(value, spec.type) and not (spec.type is int and isinstance(value, bool)):
            values[key] = value
    return Settings(values=values)


def _logo_path(setting: str) -> str:
    if setting:
        path = Path(setting).expanduser()
        if path.is_file():
            return str(path)
        log.warning("the logo in the settings was not found; the bundled logo is used")
    try:
        bundled = paths.resource(*DEFAULT_LOGO)
    except FileNotFoundError:
        return ""
    return str(bundled) if bundled.is_file() else ""


def load_letterhead(
    session: Session,
    *,
    counsellor_id: uuid.UUID | None = None,
    site_id: uuid.UUID | None = None,
    settings: Settings | None = None,
) -> Letterhead:
    settings = settings if settings is not None else read_settings(session, "organisation.")
    counsellor = session.get(Counsellor, counsellor_id) if counsellor_id else None
    site = session.get(Site, site_id) if site_id else None
    return Letterhead(
        organisation=settings.text("organisation.name"),
        street=settings.text("organisation.street"),
        postcode=settings.text("organisation.postcode"),
        city=settings.text("organisation.city"),
        phone=settings.text("organisation.phone"),
        email=settings.text("organisation.email"),
        logo_path=_logo_path(settings.text("organisation.logo")),
        site_name=site.name if site else "",
        site_is_prison=bool(site and site.is_prison),
        counsellor_name=counsellor.display_name if counsellor else "",
        counsellor_phone=counsellor.phone if counsellor else "",
        counsellor_email=counsellor.email if counsellor else "",
    )


def _schedules(offering: Offering) -> tuple[str, ...]:
    flags = (
        ("dag", offering.schedule_day),
        ("avond", offering.schedule_evening),
        ("weekend", offering.schedule_weekend),
        ("online", offering.schedule_online),
        ("afstandsonderwijs", offering.schedule_distance),
    )
    return tuple(code for code, on in flags if on)


def _place(location: Location) -> PlaceInfo:
    return PlaceInfo(
        address=Address(name=location.name, street=location.street, postcode=location.postcode, city=location.city),
        phone=location.phone,
        opening_hours=location.opening_hours,
        in_prison=location.prison_site_code is not None,
    )


def offering_info(offering: Offering, *, locations: Sequence[Location] | None = None) -> OfferingInfo:
    provider = offering.provider
    chosen = offering.locations if locations is None else locations
    return OfferingInfo(
        title=offering.title,
        category=offering.category,
        description=offering.description,
        provider_name=provider.name,
        provider_phone=provider.phone,
        provider_email=provider.email,
        provider_website=provider.website,
        schedules=_schedules(offering),
        schedule_note=offering.schedule_note,
        is_free=offering.is_free,
        reduced_for_jobseekers=offering.reduced_for_jobseekers,
        reduced_for_prisoners=offering.reduced_for_prisoners,
        cost_note=offering.cost_note,
        what_to_bring=offering.what_to_bring,
        admission=offering.admission,
        in_prison=offering.in_prison,
        website=offering.website,
        phone=offering.phone,
        email=offering.email,
        places=tuple(_place(loc) for loc in sorted(chosen, key=lambda loc: (loc.city, loc.name, loc.street))),
        client_text=offering.client_text,
        client_texts=_translations(offering.client_text_translations),
        status_uncertain=offering.status_uncertain,
        status_note=offering.status_note,
    )


def _translations(raw: str) -> tuple[tuple[str, str], ...]:
    """The client text's translations (a JSON object); unreadable or empty values are left out."""
    try:
        value = json.loads(raw or "{}")
    except ValueError:
        log.warning("an offering's client text translations hold no valid JSON; they are left out")
        return ()
    if not isinstance(value, dict):
        return ()
    return tuple(sorted((str(k), v.strip()) for k, v in value.items() if isinstance(v, str) and v.strip()))


def _provider_only(provider: Provider, category: str) -> OfferingInfo:
    return OfferingInfo(
        title="",
        category=category,
        provider_name=provider.name,
        provider_phone=provider.phone,
        provider_email=provider.email,
        provider_website=provider.website,
        places=tuple(_place(loc) for loc in provider.locations if loc.active),
    )


def _external(referral: Referral) -> OfferingInfo:
    """A provider outside the catalogue as the letters show it: what was typed, nothing more.

    The contact text (a person, an address, a phone number: whatever the counsellor typed) is the one
    place to go, so the handout shows it under "where" and the referral letter under the name.
    """
    contact = PlaceInfo(address=Address(name=referral.external_provider, street=referral.external_contact))
    return OfferingInfo(
        title=referral.external_service,
        category=referral.category,
        provider_name=referral.external_provider,
        places=(contact,) if referral.external_contact else (),
    )


def _latest_consent(session: Session, client_id: uuid.UUID) -> Consent | None:
    query = (
        select(Consent)
        .where(Consent.client_id == client_id)
        .order_by(Consent.given_on.desc(), Consent.created_at.desc())
        .limit(1)
    )
    return session.scalars(query).first()


def _next_appointment(session: Session, client_id: uuid.UUID, now: dt.datetime) -> dt.datetime | None:
    query = select(func.min(Intake.next_appointment_at)).where(
        Intake.client_id == client_id, Intake.next_appointment_at >= now
    )
    value = session.scalar(query)
    if value is not None and value.tzinfo is None:  # aggregate results skip the column type on SQLite
        value = value.replace(tzinfo=dt.UTC)
    return value


class Prefetched:
    """Everything the letters of many referrals need, read in a few queries (a prison session of 1000).

    The rows stay referenced here, so ``session.get`` finds them in the identity map instead of asking
    the database once per referral; consents and next appointments are looked up per client.
    """

    CHUNK = 500  # ids per IN (...) list

    def __init__(self, session: Session, referral_ids: Sequence[uuid.UUID], *, now: dt.datetime) -> None:
        self.settings = read_settings(session, "organisation.")
        self.letterheads: dict[tuple[uuid.UUID | None, uuid.UUID | None], Letterhead] = {}
        self.rows: list[object] = []
        self.consents: dict[uuid.UUID, Consent] = {}
        self.appointments: dict[uuid.UUID, dt.datetime] = {}
        referrals = self._load(session, select(Referral), Referral.id, referral_ids)
        clients = {r.client_id for r in referrals}
        self._load(
            session,
            select(Client).options(selectinload(Client.thresholds), selectinload(Client.vulnerabilities)),
            Client.id,
            clients,
        )
        self._load(session, select(LearningWish), LearningWish.id, {r.wish_id for r in referrals if r.wish_id})
        offerings = select(Offering).options(
            selectinload(Offering.locations), selectinload(Offering.provider).selectinload(Provider.locations)
        )
        self._load(session, offerings, Offering.id, {r.offering_id for r in referrals if r.offering_id})
        self._load(session, select(Provider), Provider.id, {r.provider_id for r in referrals if r.provider_id})
        self.rows += session.scalars(select(Site)).all()
        self.rows += self._load(
            session, select(Counsellor), Counsellor.id, {r.counsellor_id for r in referrals if r.counsellor_id}
        )
        order = (Consent.client_id, Consent.given_on.desc(), Consent.created_at.desc())
        for consent in self._load(session, select(Consent).order_by(*order), Consent.client_id, clients):
            self.consents.setdefault(consent.client_id, consent)  # the latest comes first per client
        for chunk in self._chunks(clients):
            query = (
                select(Intake.client_id, func.min(Intake.next_appointment_at))
                .where(Intake.client_id.in_(chunk), Intake.next_appointment_at >= now)
                .group_by(Intake.client_id)
            )
            for client_id, value in session.execute(query):
                if value is not None:
                    self.appointments[client_id] = value if value.tzinfo else value.replace(tzinfo=dt.UTC)

    def letterhead(self, session: Session, counsellor_id: uuid.UUID | None, site_id: uuid.UUID | None) -> Letterhead:
        """The letterhead of a counsellor at a site, made once per pair for the whole batch."""
        key = (counsellor_id, site_id)
        found = self.letterheads.get(key)
        if found is None:
            found = self.letterheads[key] = load_letterhead(
                session, counsellor_id=counsellor_id, site_id=site_id, settings=self.settings
            )
        return found

    def _chunks(self, ids: Sequence[uuid.UUID] | set[uuid.UUID]) -> list[list[uuid.UUID]]:
        values = list(ids)
        return [values[i : i + self.CHUNK] for i in range(0, len(values), self.CHUNK)]

    def _load(self, session: Session, query: Any, column: Any, ids: Sequence[uuid.UUID] | set[uuid.UUID]) -> list[Any]:
        found: list[Any] = []
        for chunk in self._chunks(ids):
            found += session.scalars(query.where(column.in_(chunk))).all()
        self.rows += found
        return found


def _client_info(session: Session, client: Client, now: dt.datetime, batch: Prefetched | None = None) -> ClientInfo:
    if batch is not None:
        consent, next_appointment = batch.consents.get(client.id), batch.appointments.get(client.id)
    else:
        consent, next_appointment = _latest_consent(session, client.id), _next_appointment(session, client.id, now)
    display = client.first_name or client.alias
    full = " ".join(p for p in (client.first_name or client.alias, client.last_name) if p)
    return ClientInfo(
        display_name=display,
        full_name=full,
        phone=client.phone,
        email=client.email,
        address=Address(street=client.street, postcode=client.postcode, city=client.municipality),
        birth_year=client.birth_year or (client.birth_date.year if client.birth_date else None),
        dutch_level=client.dutch_level,
        detained=client.detained,
        expected_release=client.expected_release_date,
        thresholds=tuple(t.code for t in client.thresholds),
        vulnerabilities=tuple(v.code for v in client.vulnerabilities),
        share_with_provider=bool(consent and consent.share_with_provider),
        consent_given_on=consent.given_on if consent else None,
        next_appointment=next_appointment,
        prison_name=_prison_name(session, client),
    )


def _prison_name(session: Session, client: Client) -> str:
    if not client.detained or client.prison_site_id is None:
        return ""
    site = session.get(Site, client.prison_site_id)
    return site.name if site is not None else ""


def load_referral(
    session: Session, referral_id: uuid.UUID, *, now: dt.datetime, batch: Prefetched | None = None
) -> ReferralInfo:
    """Everything about a referral for its letter and handout; NotFoundError for an unknown id.

    ``batch`` (see :class:`Prefetched`) holds the rows of many referrals read at once.
    """
    referral = session.get(Referral, referral_id)
    if referral is None:
        raise NotFoundError("referrals", str(referral_id))
    client = session.get(Client, referral.client_id)
    if client is None:  # the foreign key makes this impossible unless the row vanished meanwhile
        raise NotFoundError("clients", str(referral.client_id))
    wish = session.get(LearningWish, referral.wish_id) if referral.wish_id else None
    offering = session.get(Offering, referral.offering_id) if referral.offering_id else None
    provider: Provider | None = offering.provider if offering is not None else None
    if provider is None and referral.provider_id:
        provider = session.get(Provider, referral.provider_id)
    info: OfferingInfo | None = None
    if offering is not None:
        info = offering_info(offering)
    elif provider is not None:
        info = _provider_only(provider, referral.category)
    elif referral.external_provider:
        info = _external(referral)
    provider_address = Address()
    if info is not None and provider is None and referral.external_provider:
        provider_address = Address(name=referral.external_provider, street=referral.external_contact)
    if provider is not None:
        # the full postal address: the offering's own place outside prison with a street, else any
        # active location of the provider with one, else whatever the offering has
        places = [p.address for p in (info.places if info else ()) if not p.in_prison]
        others = [_place(loc).address for loc in provider.locations if loc.active and loc.prison_site_code is None]
        complete = [a for a in (*places, *others) if a.street and a.city]
        first = complete[0] if complete else (places[0] if places else Address())
        provider_address = Address(name=provider.name, street=first.street, postcode=first.postcode, city=first.city)
    return ReferralInfo(
        referral_id=ReferralId(referral.id),
        client_id=ClientId(client.id),
        counsellor_id=CounsellorId(referral.counsellor_id) if referral.counsellor_id else None,
        category=referral.category,
        referred_on=referral.referred_on,
        wish_description=wish.description if wish else "",
        wish_goal=wish.goal if wish else "",
        client=_client_info(session, client, now, batch),
        offering=info,
        provider_address=provider_address,
        letterhead=(
            batch.letterhead(session, referral.counsellor_id, referral.site_id)
            if batch is not None
            else load_letterhead(session, counsellor_id=referral.counsellor_id, site_id=referral.site_id)
        ),
        starts_on=referral.starts_on,
        reply_by=referral.follow_up_on or referral.referred_on + REPLY_WITHIN,
    )


def find_site(session: Session, code: str) -> Site:
    site = session.scalars(select(Site).where(Site.code == code)).first()
    if site is None:
        raise NotFoundError("sites", code)
    return site


def categories_inside(session: Session, prison_code: str) -> list[str]:
    """The categories (in taxonomy order) of the active offerings given at a prison's active locations."""
    query = (
        select(Offering.category)
        .join(Offering.locations)
        .join(Provider, Offering.provider_id == Provider.id)
        .where(
            Location.prison_site_code == prison_code,
            Location.active.is_(True),
            Offering.active.is_(True),
            Provider.active.is_(True),
        )
        .distinct()
    )
    found = set(session.scalars(query))
    return [term.code for term in WISH_CATEGORIES if term.code in found]


def load_catalogue_sheet(
    session: Session, categories: Sequence[str], *, city: str = "", prison_code: str = ""
) -> CatalogueSheetInfo:
    """Active offerings of the categories, in a municipality and/or inside a prison (by site code)."""
    prison = find_site(session, prison_code) if prison_code else None
    query = (
        select(Offering)
        .join(Provider, Offering.provider_id == Provider.id)
        .where(Offering.category.in_(list(categories)), Offering.active.is_(True), Provider.active.is_(True))
        .options(selectinload(Offering.locations), selectinload(Offering.provider))
        .order_by(Offering.category, Provider.name, Offering.title)
    )
    offerings: list[OfferingInfo] = []
    for offering in session.scalars(query):
        locations = [loc for loc in offering.locations if loc.active]
        if prison is not None:
            locations = [loc for loc in locations if loc.prison_site_code == prison.code]
            if not locations:
                continue
        if city:
            wanted = city.casefold()
            locations = [
                loc
                for loc in locations
                if loc.city.casefold() == wanted and (prison is not None or loc.prison_site_code is None)
            ]
            if not locations:
                continue
        offerings.append(offering_info(offering, locations=locations))
    return CatalogueSheetInfo(
        categories=tuple(categories),
        city=city,
        prison_name=prison.name if prison else "",
        offerings=tuple(offerings),
        letterhead=load_letterhead(session),
    )


def _client_name(client: Client) -> str:
    return " ".join(p for p in (client.first_name or client.alias, client.last_name) if p)


def booked_clients(session: Session, site_id: uuid.UUID, day: dt.date) -> list[BookedClient]:
    """The clients in this prison with an appointment (an intake's next appointment) on ``day``, by time.

    The same clients a session pack for this prison and day carries (leerwinkel.sync.service).
    """
    start, end = day_bounds(day)
    query = (
        select(Client, func.min(Intake.next_appointment_at))
        .join(Intake, Intake.client_id == Client.id)
        .where(Client.prison_site_id == site_id, Intake.next_appointment_at >= start, Intake.next_appointment_at < end)
        .group_by(Client.id)
    )
    rows = [
        BookedClient(client_id=ClientId(client.id), name=_client_name(client), appointment_at=at)
        for client, at in session.execute(query)
        if at is not None
    ]
    return sorted(rows, key=lambda row: (row.appointment_at, row.name.casefold(), str(row.client_id)))


def session_handouts(
    session: Session, site_id: uuid.UUID, day: dt.date, *, booked: Sequence[uuid.UUID] = ()
) -> list[SessionHandout]:
    """The referrals made at one site on one day (a prison session), by client name.

    With ``booked`` (client ids), also the open referrals of those clients: the handouts to bring along.
    """
    made_here = (Referral.site_id == site_id) & (Referral.referred_on == day)
    condition = made_here
    if booked:
        condition = made_here | (Referral.client_id.in_(list(booked)) & Referral.status.not_in(CLOSED_STATUSES))
    query = select(Referral, Client).join(Client, Referral.client_id == Client.id).where(condition)
    rows = [
        SessionHandout(
            referral_id=ReferralId(referral.id), client_name=_client_name(client), category=referral.category
        )
        for referral, client in session.execute(query)
    ]
    return sorted(rows, key=lambda row: (row.client_name.casefold(), str(row.referral_id)))
