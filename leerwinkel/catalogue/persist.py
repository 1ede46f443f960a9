"""Write a Dataset into the database by stable id, and read the database back as a Dataset."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session, selectinload

from leerwinkel.catalogue.dataset import Dataset, LocationRow, OfferingRow, ProviderRow
from leerwinkel.catalogue.repository import offering_schedules, split_sources
from leerwinkel.storage.models import Location, Offering, OfferingLocation, Provider

SCHEDULE_COLUMNS = {
    "dag": "schedule_day",
    "avond": "schedule_evening",
    "weekend": "schedule_weekend",
    "online": "schedule_online",
    "afstandsonderwijs": "schedule_distance",
}


@dataclass(frozen=True)
class ImportCounts:
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    skipped_local: int = 0  # bundle updates not applied because a counsellor edited the record

    def __add__(self, other: ImportCounts) -> ImportCounts:
        return ImportCounts(
            self.added + other.added,
            self.changed + other.changed,
            self.unchanged + other.unchanged,
            self.skipped_local + other.skipped_local,
        )


def provider_columns(row: ProviderRow) -> dict[str, Any]:
    return {
        "name": row.name,
        "kind": row.kind,
        "description": row.description,
        "website": row.website,
        "email": row.email,
        "phone": row.phone,
        "sources": "\n".join(row.sources),
        "last_verified": row.last_verified,
        "active": row.active,
    }


def location_columns(row: LocationRow) -> dict[str, Any]:
    return {
        "name": row.name,
        "street": row.street,
        "postcode": row.postcode,
        "city": row.city,
        "phone": row.phone,
        "opening_hours": row.opening_hours,
        "prison_site_code": row.prison_site_code,
        "sources": "\n".join(row.sources),
        "last_verified": row.last_verified,
        "active": row.active,
    }


def offering_columns(row: OfferingRow) -> dict[str, Any]:
    values: dict[str, Any] = {
        "title": row.title,
        "category": row.category,
        "description": row.description,
        "language": row.language,
        "dutch_level_min": row.dutch_level_min,
        "literacy_required": row.literacy_required,
        "schedule_note": row.schedule_note,
        "is_free": row.is_free,
        "reduced_for_jobseekers": row.reduced_for_jobseekers,
        "reduced_for_prisoners": row.reduced_for_prisoners,
        "cost_note": row.cost_note,
        "in_prison": row.in_prison,
        "admission": row.admission,
        "what_to_bring": row.what_to_bring,
        "website": row.website,
        "email": row.email,
        "phone": row.phone,
        "sources": "\n".join(row.sources),
        "last_verified": row.last_verified,
        "active": row.active,
        "status_uncertain": row.status_uncertain,
        "status_note": row.status_note,
        "target_groups": "\n".join(row.target_groups),
    }
    for code, column in SCHEDULE_COLUMNS.items():
        values[column] = code in row.schedules
    return values


def apply_dataset(
    session: Session,
    data: Dataset,
    *,
    origin: str,
    keep_local_edits: bool,
    now: dt.datetime,
    device: str,
) -> ImportCounts:
    """Add or update every row by its stable id; the caller's unit of work commits or rolls back.

    With ``keep_local_edits`` (the bundle), records a counsellor added or edited are left alone.
    New records go in with bulk INSERTs (an import of 50,000 offerings must take seconds, not
    minutes); changed records go through the ORM so their version counter catches conflicts.
    """
    counts = ImportCounts()
    existing_providers = {p.external_id: p for p in session.scalars(select(Provider))}
    existing_locations = {loc.external_id: loc for loc in session.scalars(select(Location))}
    providers = {key: p.id for key, p in existing_providers.items()}
    locations = {key: loc.id for key, loc in existing_locations.items()}
    existing_offerings = {
        o.external_id: o for o in session.scalars(select(Offering).options(selectinload(Offering.locations)))
    }
    stamp = {"created_at": now, "updated_at": now, "updated_by_device": device, "version": 1}

    def update(existing: Any, columns: dict[str, Any]) -> str:
        """Apply changed columns to an existing record; 'skipped', 'changed' or 'unchanged'."""
        if keep_local_edits and (existing.locally_modified or existing.origin == "local"):
            return "skipped"
        changed = {k: v for k, v in columns.items() if getattr(existing, k) != v}
        if not changed:
            return "unchanged"
        for k, v in changed.items():
            setattr(existing, k, v)
        existing.locally_modified = (
            False if keep_local_edits else existing.locally_modified or existing.origin == "bundle"
        )
        return "changed"

    def tally(outcome: str) -> None:
        nonlocal counts
        counts += {
            "added": ImportCounts(added=1),
            "changed": ImportCounts(changed=1),
            "unchanged": ImportCounts(unchanged=1),
            "skipped": ImportCounts(skipped_local=1),
        }[outcome]

    def new_record(key: str, columns: dict[str, Any]) -> dict[str, Any]:
        return {"id": uuid.uuid4(), "external_id": key, "origin": origin, "locally_modified": False, **stamp, **columns}

    new_providers: list[dict[str, Any]] = []
    for row in data.providers:
        existing = existing_providers.get(row.id)
        if existing is None:
            record = new_record(row.id, provider_columns(row))
            providers[row.id] = record["id"]
            new_providers.append(record)
            tally("added")
        else:
            tally(update(existing, provider_columns(row)))
    _bulk_insert(session, Provider, new_providers)

    new_locations: list[dict[str, Any]] = []
    for loc_row in data.locations:
        columns = {**location_columns(loc_row), "provider_id": providers[loc_row.provider]}
        existing_location = existing_locations.get(loc_row.id)
        if existing_location is None:
            record = new_record(loc_row.id, columns)
            locations[loc_row.id] = record["id"]
            new_locations.append(record)
            tally("added")
        else:
            tally(update(existing_location, columns))
    _bulk_insert(session, Location, new_locations)

    new_offerings: list[dict[str, Any]] = []
    new_links: list[dict[str, Any]] = []
    for off_row in data.offerings:
        columns = {**offering_columns(off_row), "provider_id": providers[off_row.provider]}
        existing_offering = existing_offerings.get(off_row.id)
        if existing_offering is None:
            record = new_record(off_row.id, columns)
            new_offerings.append(record)
            new_links.extend(
                {"id": uuid.uuid4(), "offering_id": record["id"], "location_id": locations[key], **stamp}
                for key in dict.fromkeys(off_row.locations)
            )
            tally("added")
            continue
        outcome = update(existing_offering, columns)
        if outcome != "skipped" and sorted(loc.external_id for loc in existing_offering.locations) != sorted(
            off_row.locations
        ):
            session.flush()
            wanted = session.scalars(select(Location).where(Location.external_id.in_(off_row.locations)))
            existing_offering.locations = list(wanted)
            outcome = "changed"
        tally(outcome)
    _bulk_insert(session, Offering, new_offerings)
    _bulk_insert(session, OfferingLocation, new_links)
    session.flush()
    return counts


def _bulk_insert(session: Session, model: type[Any], rows: list[dict[str, Any]]) -> None:
    session.flush()
    for start in range(0, len(rows), 5000):
        session.execute(insert(model.__table__), rows[start : start + 5000])


def dataset_from_session(session: Session) -> Dataset:
    """The whole catalogue (active and inactive records) as a Dataset in id order."""
    provider_keys = {p.id: p.external_id for p in session.scalars(select(Provider))}
    providers = [
        ProviderRow(
            id=p.external_id,
            name=p.name,
            kind=p.kind,
            description=p.description,
            website=p.website,
            email=p.email,
            phone=p.phone,
            sources=split_sources(p.sources),
            last_verified=p.last_verified,
            active=p.active,
        )
        for p in session.scalars(select(Provider))
    ]
    locations = [
        LocationRow(
            id=loc.external_id,
            provider=provider_keys[loc.provider_id],
            name=loc.name,
            street=loc.street,
            postcode=loc.postcode,
            city=loc.city,
            phone=loc.phone,
            opening_hours=loc.opening_hours,
            prison_site_code=loc.prison_site_code,
            sources=split_sources(loc.sources),
            last_verified=loc.last_verified,
            active=loc.active,
        )
        for loc in session.scalars(select(Location))
    ]
    offerings = []
    for o in session.scalars(select(Offering).options(selectinload(Offering.locations))):
        order = list(SCHEDULE_COLUMNS)
        offerings.append(
            OfferingRow(
                id=o.external_id,
                provider=provider_keys[o.provider_id],
                title=o.title,
                category=o.category,
                description=o.description,
                language=o.language,
                dutch_level_min=o.dutch_level_min,
                literacy_required=o.literacy_required,
                schedules=tuple(sorted(offering_schedules(o), key=order.index)),
                schedule_note=o.schedule_note,
                is_free=o.is_free,
                reduced_for_jobseekers=o.reduced_for_jobseekers,
                reduced_for_prisoners=o.reduced_for_prisoners,
                cost_note=o.cost_note,
                in_prison=o.in_prison,
                admission=o.admission,
                what_to_bring=o.what_to_bring,
                website=o.website,
                email=o.email,
                phone=o.phone,
                locations=tuple(sorted(loc.external_id for loc in o.locations)),
                sources=split_sources(o.sources),
                last_verified=o.last_verified,
                active=o.active,
                status_uncertain=o.status_uncertain,
                status_note=o.status_note,
                target_groups=split_sources(o.target_groups),
            )
        )
    return Dataset(tuple(providers), tuple(locations), tuple(offerings)).sorted()
