"""Catalogue queries on a session: load offerings with their provider and locations as records."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from leerwinkel.catalogue.records import LocationInfo, OfferingInfo, ProviderInfo
from leerwinkel.ids import LocationId, OfferingId, ProviderId
from leerwinkel.storage.models import Location, Offering, Provider


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
