"""Write a Dataset into the database by stable id, and read the database back as a Dataset."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from leerwinkel.catalogue import index as search_index
from leerwinkel.catalogue.bulk import insert_columns
from leerwinkel.catalogue.dataset import Dataset, LocationRow, OfferingRow, ProviderRow
from leerwinkel.catalogue.repository import offering_schedules, split_sources
from leerwinkel.ids import new_id
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
    New records go in with one executemany per table, built column by column (an import of 50,000
    offerings must take seconds, not minutes); changed records go through the ORM so their version
    counter catches conflicts. The catalogue search index is rebuilt as part of it.
    """
    tally = {"added": 0, "changed": 0, "unchanged": 0, "skipped": 0}
    existing_providers = {p.external_id: p for p in session.scalars(select(Provider))}
    existing_locations = {loc.external_id: loc for loc in session.scalars(select(Location))}
    providers = {key: p.id for key, p in existing_providers.items()}
    locations = {key: loc.id for key, loc in existing_locations.items()}
    existing_offerings = _existing_offerings(session, [row.id for row in data.offerings])
    stamp = {"created_at": now, "updated_at": now, "updated_by_device": device, "version": 1}
    new_record = {**stamp, "origin": origin, "locally_modified": False}

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

    new_providers = []
    for row in data.providers:
        existing = existing_providers.get(row.id)
        if existing is None:
            new_providers.append(row)
        else:
            tally[update(existing, provider_columns(row))] += 1
    provider_ids = _new_ids(new_providers)
    providers.update(zip((row.id for row in new_providers), provider_ids, strict=True))
    session.flush()
    insert_columns(
        session, Provider.__table__, {"id": provider_ids, **_provider_columns(new_providers)}, same=new_record
    )

    new_locations = []
    for loc_row in data.locations:
        existing_location = existing_locations.get(loc_row.id)
        if existing_location is None:
            new_locations.append(loc_row)
        else:
            columns = {**location_columns(loc_row), "provider_id": providers[loc_row.provider]}
            tally[update(existing_location, columns)] += 1
    location_ids = _new_ids(new_locations)
    locations.update(zip((row.id for row in new_locations), location_ids, strict=True))
    session.flush()
    insert_columns(
        session,
        Location.__table__,
        {"id": location_ids, **_location_columns(new_locations, providers)},
        same=new_record,
    )

    new_offerings = []
    for off_row in data.offerings:
        existing_offering = existing_offerings.get(off_row.id)
        if existing_offering is None:
            new_offerings.append(off_row)
            continue
        columns = {**offering_columns(off_row), "provider_id": providers[off_row.provider]}
        outcome = update(existing_offering, columns)
        if outcome != "skipped" and sorted(loc.external_id for loc in existing_offering.locations) != sorted(
            off_row.locations
        ):
            session.flush()
            wanted = session.scalars(select(Location).where(Location.external_id.in_(off_row.locations)))
            existing_offering.locations = list(wanted)
            outcome = "changed"
        tally[outcome] += 1
    offering_ids = _new_ids(new_offerings)
    links = [
        (offering_id, locations[key])
        for offering_id, row in zip(offering_ids, new_offerings, strict=True)
        for key in dict.fromkeys(row.locations)
    ]
    session.flush()
    # The offerings already in the catalogue (as changed above) are read for the search index now;
    # the new ones are filed from the rows in hand rather than read back after they are written.
    filed = search_index.load_filed(session)
    insert_columns(
        session,
        Offering.__table__,
        {"id": offering_ids, **_offering_columns(new_offerings, providers)},
        same=new_record,
    )
    insert_columns(
        session,
        OfferingLocation.__table__,
        {
            "id": _new_ids(links),
            "offering_id": [offering_id for offering_id, _location in links],
            "location_id": [location_id for _offering, location_id in links],
        },
        same=stamp,
    )
    filed += _filed(new_offerings, offering_ids, data, existing_providers, existing_locations)
    search_index.rebuild(session, offerings=filed)
    tally["added"] = len(new_providers) + len(new_locations) + len(new_offerings)
    return ImportCounts(tally["added"], tally["changed"], tally["unchanged"], tally["skipped"])


#: External ids per ``IN`` list when the offerings of a file are looked up (well below every driver's limit).
_LOOKUP_CHUNK = 900


def _existing_offerings(session: Session, keys: Sequence[str]) -> dict[str, Offering]:
    """The offerings of the file that are already in the catalogue, with their locations, by external id.

    Only these: an import of 50,000 new offerings into a catalogue of 150,000 used to load all 150,000 as
    ORM objects with their locations (18 of its 46 seconds), and each further file took longer (issue 15).
    """
    found: dict[str, Offering] = {}
    for start in range(0, len(keys), _LOOKUP_CHUNK):
        chunk = keys[start : start + _LOOKUP_CHUNK]
        query = select(Offering).where(Offering.external_id.in_(chunk)).options(selectinload(Offering.locations))
        found.update((o.external_id, o) for o in session.scalars(query))
    return found


def _filed(
    rows: Sequence[OfferingRow],
    ids: Sequence[uuid.UUID],
    data: Dataset,
    providers: Mapping[str, Provider],
    locations: Mapping[str, Location],
) -> list[search_index.Filed]:
    """New offerings as the search index reads them back from the database, from the rows written."""
    provider_of = {key: (p.name, p.active) for key, p in providers.items()}
    provider_of.update((row.id, (row.name, row.active)) for row in data.providers if row.id not in providers)
    place_of = {key: (loc.name, loc.city, loc.prison_site_code, key) for key, loc in locations.items()}
    place_of.update(
        (row.id, (row.name, row.city, row.prison_site_code, row.id))
        for row in data.locations
        if row.id not in locations
    )
    alone: dict[str, tuple[tuple[str, str, str | None], ...]] = {
        key: ((name, city, code),) for key, (name, city, code, _key) in place_of.items()
    }
    out = []
    for offering_id, row in zip(ids, rows, strict=True):
        name, provider_active = provider_of[row.provider]
        if len(row.locations) == 1:
            places = alone[row.locations[0]]
        else:
            found = sorted((place_of[key] for key in dict.fromkeys(row.locations)), key=search_index.place_order)
            places = tuple((place_name, city, code) for place_name, city, code, _key in found)
        out.append(
            search_index.Filed(
                offering_id,
                row.id,
                name,
                row.title,
                row.description,
                row.category,
                row.language,
                places,
                frozenset(code for code in SCHEDULE_COLUMNS if code in row.schedules),
                row.is_free,
                row.reduced_for_jobseekers,
                row.reduced_for_prisoners,
                row.status_uncertain,
                row.in_prison,
                row.active and provider_active,
                row.last_verified,
                row.dutch_level_min,
            )
        )
    return out


def _new_ids(rows: Sequence[object]) -> list[uuid.UUID]:
    return [new_id() for _row in rows]


def _joined(values: Iterable[tuple[str, ...]]) -> list[str]:
    """Lists stored one item a line (sources, target groups), joined once per distinct list."""
    cache: dict[tuple[str, ...], str] = {}
    return [cache[v] if v in cache else cache.setdefault(v, "\n".join(v)) for v in values]


def _attributes(rows: Sequence[Any], names: Iterable[str]) -> dict[str, list[Any]]:
    return {name: list(map(attrgetter(name), rows)) for name in names}


def _provider_columns(rows: Sequence[ProviderRow]) -> dict[str, list[Any]]:
    """provider_columns for many rows, a column at a time."""
    columns = _attributes(rows, ("name", "kind", "description", "website", "email", "phone"))
    columns["sources"] = _joined(row.sources for row in rows)
    columns.update(_attributes(rows, ("last_verified", "active", "id")))
    columns["external_id"] = columns.pop("id")
    return columns


def _location_columns(rows: Sequence[LocationRow], providers: Mapping[str, uuid.UUID]) -> dict[str, list[Any]]:
    """location_columns for many rows, with their provider's id, a column at a time."""
    names = ("name", "street", "postcode", "city", "phone", "opening_hours", "prison_site_code")
    columns = _attributes(rows, names)
    columns["sources"] = _joined(row.sources for row in rows)
    columns.update(_attributes(rows, ("last_verified", "active")))
    columns["external_id"] = [row.id for row in rows]
    columns["provider_id"] = [providers[row.provider] for row in rows]
    return columns


_OFFERING_ATTRIBUTES = (
    "title", "category", "description", "language", "dutch_level_min", "literacy_required", "schedule_note",
    "is_free", "reduced_for_jobseekers", "reduced_for_prisoners", "cost_note", "in_prison", "admission",
    "what_to_bring", "website", "email", "phone", "last_verified", "active", "status_uncertain", "status_note",
)  # fmt: skip


def _offering_columns(rows: Sequence[OfferingRow], providers: Mapping[str, uuid.UUID]) -> dict[str, list[Any]]:
    """offering_columns for many rows, with their provider's id, a column at a time."""
    columns = _attributes(rows, _OFFERING_ATTRIBUTES)
    columns["sources"] = _joined(row.sources for row in rows)
    columns["target_groups"] = _joined(row.target_groups for row in rows)
    schedules = [row.schedules for row in rows]
    for code, column in SCHEDULE_COLUMNS.items():
        columns[column] = [code in given for given in schedules]
    columns["external_id"] = [row.id for row in rows]
    columns["provider_id"] = [providers[row.provider] for row in rows]
    return columns


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
