"""Catalogue queries on a session: load offerings with their provider and locations as records."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from leerwinkel.catalogue.records import LocationInfo, OfferingInfo, OfferingSummary, ProviderInfo
from leerwinkel.ids import LocationId, OfferingId, ProviderId
from leerwinkel.storage.models import Location, Offering, OfferingLocation, Provider


def split_sources(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def location_info(location: Location, provider_external_id: str) -> LocationInfo:
    return LocationInfo(
        id=LocationId(location.id),
        external_id=location.external_id,
        provider_external_id=provider_external_id,
        name=location.name,
        street=location.street,
        postcode=location.postcode,
        city=location.city,
        phone=location.phone,
        opening_hours=location.opening_hours,
        prison_site_code=location.prison_site_code,
        sources=split_sources(location.sources),
        last_verified=location.last_verified,
        active=location.active,
        origin=location.origin,
    )


def provider_info(provider: Provider) -> ProviderInfo:
    return ProviderInfo(
        id=ProviderId(provider.id),
        external_id=provider.external_id,
        name=provider.name,
        kind=provider.kind,
        description=provider.description,
        website=provider.website,
        email=provider.email,
        phone=provider.phone,
        sources=split_sources(provider.sources),
        last_verified=provider.last_verified,
        active=provider.active,
        origin=provider.origin,
    )


def offering_schedules(offering: Offering) -> frozenset[str]:
    flags = {
        "dag": offering.schedule_day,
        "avond": offering.schedule_evening,
        "weekend": offering.schedule_weekend,
        "online": offering.schedule_online,
        "afstandsonderwijs": offering.schedule_distance,
    }
    return frozenset(code for code, on in flags.items() if on)


def offering_info(offering: Offering) -> OfferingInfo:
    provider = offering.provider
    locations = sorted(offering.locations, key=lambda loc: (loc.city, loc.name, loc.external_id))
    return OfferingInfo(
        id=OfferingId(offering.id),
        external_id=offering.external_id,
        provider_id=ProviderId(provider.id),
        provider_external_id=provider.external_id,
        provider_name=provider.name,
        title=offering.title,
        category=offering.category,
        description=offering.description,
        language=offering.language,
        dutch_level_min=offering.dutch_level_min,
        literacy_required=offering.literacy_required,
        schedules=offering_schedules(offering),
        schedule_note=offering.schedule_note,
        is_free=offering.is_free,
        reduced_for_jobseekers=offering.reduced_for_jobseekers,
        reduced_for_prisoners=offering.reduced_for_prisoners,
        cost_note=offering.cost_note,
        in_prison=offering.in_prison,
        admission=offering.admission,
        what_to_bring=offering.what_to_bring,
        website=offering.website,
        email=offering.email,
        phone=offering.phone,
        locations=tuple(location_info(loc, provider.external_id) for loc in locations),
        sources=split_sources(offering.sources),
        last_verified=offering.last_verified,
        active=offering.active,
        origin=offering.origin,
        status_uncertain=offering.status_uncertain,
        status_note=offering.status_note,
        target_groups=split_sources(offering.target_groups),
    )


def load_offerings(
    session: Session,
    *,
    category: str | None = None,
    ids: Iterable[uuid.UUID] | None = None,
    include_inactive: bool = False,
) -> list[OfferingInfo]:
    """Offerings as records, with provider and locations loaded in a fixed number of queries."""
    query = select(Offering).options(selectinload(Offering.provider), selectinload(Offering.locations))
    if category is not None:
        query = query.where(Offering.category == category)
    if not include_inactive:
        query = query.join(Offering.provider).where(Offering.active.is_(True), Provider.active.is_(True))
    if ids is not None:
        wanted: Sequence[uuid.UUID] = list(ids)
        if not wanted:
            return []
        rows: list[Offering] = []
        for start in range(0, len(wanted), 500):  # stay below bind-parameter limits
            chunk = wanted[start : start + 500]
            rows.extend(session.scalars(query.where(Offering.id.in_(chunk))).unique())
        return [offering_info(o) for o in rows]
    return [offering_info(o) for o in session.scalars(query).unique()]


def load_all_offerings(session: Session, *, ids: Iterable[uuid.UUID] | None = None) -> list[OfferingInfo]:
    """Every offering (active or not; or only ``ids``) as records, with plain queries: fast enough for 50,000.

    ``active`` is False when the offering or its provider is inactive.
    """
    p = Provider.__table__.c
    link = OfferingLocation.__table__.c
    wanted = sorted(set(ids)) if ids is not None else None
    chunks = [wanted[i : i + 500] for i in range(0, len(wanted), 500)] if wanted is not None else [None]
    link_rows: list[Any] = []
    offering_rows: list[Any] = []
    for chunk in chunks:
        links = select(link.offering_id, link.location_id)
        offerings = select(Offering.__table__)
        if chunk is not None:
            links = links.where(link.offering_id.in_(chunk))
            offerings = offerings.where(Offering.__table__.c.id.in_(chunk))
        link_rows.extend(session.execute(links))
        offering_rows.extend(session.execute(offerings))
    providers = select(p.id, p.external_id, p.name, p.active)
    locations = select(Location.__table__)
    if wanted is not None:  # only the records these offerings need
        locations = locations.where(Location.__table__.c.id.in_(sorted({row.location_id for row in link_rows})))
    location_rows = {row.id: row for row in session.execute(locations)}
    if wanted is not None:
        needed = {row.provider_id for row in offering_rows} | {row.provider_id for row in location_rows.values()}
        providers = providers.where(p.id.in_(sorted(needed)))
    provider_rows = {row.id: row for row in session.execute(providers)}
    places: dict[uuid.UUID, list[LocationInfo]] = defaultdict(list)
    for offering_id, location_id in link_rows:
        row = location_rows[location_id]
        provider_key = provider_rows[row.provider_id].external_id
        places[offering_id].append(
            LocationInfo(
                id=LocationId(row.id),
                external_id=row.external_id,
                provider_external_id=provider_key,
                name=row.name,
                street=row.street,
                postcode=row.postcode,
                city=row.city,
                phone=row.phone,
                opening_hours=row.opening_hours,
                prison_site_code=row.prison_site_code,
                sources=split_sources(row.sources),
                last_verified=row.last_verified,
                active=row.active,
                origin=row.origin,
            )
        )
    out = []
    for row in offering_rows:
        provider = provider_rows[row.provider_id]
        flags = {
            "dag": row.schedule_day,
            "avond": row.schedule_evening,
            "weekend": row.schedule_weekend,
            "online": row.schedule_online,
            "afstandsonderwijs": row.schedule_distance,
        }
        located = sorted(places.get(row.id, []), key=lambda x: (x.city, x.name, x.external_id))
        out.append(
            OfferingInfo(
                id=OfferingId(row.id),
                external_id=row.external_id,
                provider_id=ProviderId(provider.id),
                provider_external_id=provider.external_id,
                provider_name=provider.name,
                title=row.title,
                category=row.category,
                description=row.description,
                language=row.language,
                dutch_level_min=row.dutch_level_min,
                literacy_required=row.literacy_required,
                schedules=frozenset(code for code, on in flags.items() if on),
                schedule_note=row.schedule_note,
                is_free=row.is_free,
                reduced_for_jobseekers=row.reduced_for_jobseekers,
                reduced_for_prisoners=row.reduced_for_prisoners,
                cost_note=row.cost_note,
                in_prison=row.in_prison,
                admission=row.admission,
                what_to_bring=row.what_to_bring,
                website=row.website,
                email=row.email,
                phone=row.phone,
                locations=tuple(located),
                sources=split_sources(row.sources),
                last_verified=row.last_verified,
                active=row.active and provider.active,
                origin=row.origin,
                status_uncertain=row.status_uncertain,
                status_note=row.status_note,
                target_groups=split_sources(row.target_groups),
            )
        )
    return out


def load_summaries(
    session: Session, ids: Sequence[uuid.UUID], *, stale_before: dt.date
) -> list[OfferingSummary | None]:
    """The result rows of ``ids`` (None for an id that no longer exists), reading only the columns they show."""
    o = Offering.__table__.c
    p = Provider.__table__.c
    link = OfferingLocation.__table__.c
    place = Location.__table__.c
    found: dict[uuid.UUID, OfferingSummary] = {}
    wanted = sorted(set(ids))
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        cities: dict[uuid.UUID, set[str]] = defaultdict(set)
        links = select(link.offering_id, place.city).join(Location.__table__, place.id == link.location_id)
        for offering_id, city in session.execute(links.where(link.offering_id.in_(chunk))):
            if city:
                cities[offering_id].add(city)
        columns = (o.id, o.title, p.name, o.category, o.is_free, o.in_prison, o.last_verified, o.active, p.active)
        flags = (o.schedule_day, o.schedule_evening, o.schedule_weekend, o.schedule_online, o.schedule_distance)
        query = select(*columns, o.status_uncertain, *flags).join(Provider.__table__, p.id == o.provider_id)
        query = query.where(o.id.in_(chunk))
        for row in session.execute(query):
            offering_id, title, provider, category, free, prison, verified, active, provider_on = row[:9]
            uncertain = row[9]
            found[offering_id] = OfferingSummary(
                id=OfferingId(offering_id),
                title=title,
                provider_name=provider,
                category=category,
                cities=tuple(sorted(cities.get(offering_id, ()))),
                schedules=frozenset(code for code, on in zip(SCHEDULE_FLAGS, row[10:], strict=True) if on),
                is_free=free,
                in_prison=prison,
                last_verified=verified,
                is_stale=verified is None or verified < stale_before,
                active=bool(active and provider_on),
                status_uncertain=uncertain,
            )
    return [found.get(i) for i in ids]


#: The schedule codes in the order of the offering's schedule columns.
SCHEDULE_FLAGS = ("dag", "avond", "weekend", "online", "afstandsonderwijs")
