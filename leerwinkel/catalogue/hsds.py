"""Open Referral HSDS 3.0: the catalogue as JSON (organizations with locations and services) and as
the tabular CSV package; both read third-party HSDS data (the official examples import as they are).

Mapping (docs/catalogue-format.md): organization = provider, location + address = location,
service = offering, service_at_location = offering location. Fields HSDS has no place for (category,
prison, schedules, costs for groups, Dutch level, sources ...) travel as ``attributes`` whose
taxonomy term belongs to the taxonomy ``leerwinkel`` (code = our field name, value = JSON).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from collections import defaultdict
from dataclasses import fields
from pathlib import Path
from typing import Any

from leerwinkel.catalogue.dataset import Dataset, LocationRow, OfferingRow
from leerwinkel.fileio import atomic_write_bytes
from leerwinkel.tabular import csv_bytes

TAXONOMY = "leerwinkel"
NAMESPACE = uuid.UUID("0b0d3a8e-5f55-4a55-8f0e-3c1f7d1b6a21")
BE_POSTCODE = re.compile(r"^[1-9][0-9]{3}$")
PHONE = re.compile(r"^[0-9+()./ -]{3,40}$")

#: Fields that have an HSDS home; every other field of a row travels as an attribute.
_PROVIDER_NATIVE = {"id", "name", "description", "email", "website", "phone"}
_LOCATION_NATIVE = {"id", "provider", "name", "street", "postcode", "city", "phone", "opening_hours"}
_OFFERING_NATIVE = {
    "id",
    "provider",
    "title",
    "description",
    "website",
    "email",
    "active",
    "last_verified",
    "cost_note",
    "schedule_note",
    "language",
    "locations",
    "phone",
}


def hsds_id(kind: str, key: str) -> str:
    """A stable UUID for one of our records (HSDS ids are UUIDs; ours are readable slugs)."""
    return str(uuid.uuid5(NAMESPACE, f"{kind}:{key}"))


# -- export -----------------------------------------------------------------------------------------


def _json_value(value: Any) -> Any:
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _attributes(kind: str, row: Any, native: set[str], link_id: str) -> list[dict[str, Any]]:
    out = []
    for f in fields(row):
        if f.name in native and f.name != "id":
            continue
        value = _json_value(getattr(row, f.name))
        out.append(
            {
                "id": hsds_id("attribute", f"{kind}:{row.id}:{f.name}"),
                "link_id": link_id,
                "link_type": kind,
                "link_entity": kind,
                "value": json.dumps(value, ensure_ascii=False),
                "taxonomy_term": {
                    "id": hsds_id("term", f.name),
                    "code": f.name,
                    "name": f.name,
                    "description": f"Leerwinkel Intake: {f.name}",
                    "taxonomy": TAXONOMY,
                },
            }
        )
    return out


def _phones(kind: str, key: str, number: str) -> list[dict[str, Any]]:
    return [{"id": hsds_id(f"{kind}-phone", key), "number": number, "type": "voice"}] if number else []


def _location(row: LocationRow) -> dict[str, Any]:
    loc_id = hsds_id("location", row.id)
    location: dict[str, Any] = {
        "id": loc_id,
        "location_type": "physical",
        "organization_id": hsds_id("organization", row.provider),
        "name": row.name,
        "addresses": [],
        "phones": _phones("location", row.id, row.phone),
        "schedules": [],
        "attributes": _attributes("location", row, _LOCATION_NATIVE, loc_id),
    }
    if row.street or row.postcode or row.city:
        location["addresses"].append(
            {
                "id": hsds_id("address", row.id),
                "location_id": loc_id,
                "address_1": row.street,
                "city": row.city,
                "state_province": "",
                "postal_code": row.postcode,
                "country": "BE",
                "address_type": "physical",
            }
        )
    if row.opening_hours:
        location["schedules"].append(
            {"id": hsds_id("location-schedule", row.id), "location_id": loc_id, "description": row.opening_hours}
        )
    return location


def _service(row: OfferingRow) -> dict[str, Any]:
    service_id = hsds_id("service", row.id)
    service: dict[str, Any] = {
        "id": service_id,
        "organization_id": hsds_id("organization", row.provider),
        "name": row.title,
        "description": row.description,
        "url": row.website,
        "email": row.email,
        "status": "active" if row.active else "inactive",
        "fees_description": row.cost_note,
        "assured_date": row.last_verified.isoformat() if row.last_verified else None,
        "phones": _phones("service", row.id, row.phone),
        "languages": [{"id": hsds_id("language", row.id), "service_id": service_id, "code": row.language}]
        if row.language
        else [],
        "schedules": [
            {"id": hsds_id("service-schedule", row.id), "service_id": service_id, "description": row.schedule_note}
        ]
        if row.schedule_note
        else [],
        "service_at_locations": [
            {
                "id": hsds_id("service_at_location", f"{row.id}:{key}"),
                "service_id": service_id,
                "location_id": hsds_id("location", key),
            }
            for key in row.locations
        ],
        "attributes": _attributes("service", row, _OFFERING_NATIVE, service_id),
    }
    return service


def to_hsds(data: Dataset) -> dict[str, Any]:
    """The catalogue as one HSDS list page of organization objects (with locations and services)."""
    data = data.sorted()
    locations: dict[str, list[LocationRow]] = defaultdict(list)
    services: dict[str, list[OfferingRow]] = defaultdict(list)
    for loc in data.locations:
        locations[loc.provider].append(loc)
    for offering in data.offerings:
        services[offering.provider].append(offering)
    contents = []
    for provider in data.providers:
        org_id = hsds_id("organization", provider.id)
        contents.append(
            {
                "id": org_id,
                "name": provider.name,
                "description": provider.description,
                "email": provider.email,
                "website": provider.website,
                "phones": _phones("organization", provider.id, provider.phone),
                "locations": [_location(loc) for loc in locations[provider.id]],
                "services": [_service(s) for s in services[provider.id]],
                "attributes": _attributes("organization", provider, _PROVIDER_NATIVE, org_id),
            }
        )
    return {
        "total_items": len(contents),
        "total_pages": 1,
        "page_number": 1,
        "size": len(contents),
        "first_page": True,
        "last_page": True,
        "empty": not contents,
        "contents": contents,
    }


def hsds_json_bytes(data: Dataset) -> bytes:
    return (json.dumps(to_hsds(data), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# -- the tabular package ----------------------------------------------------------------------------

TABULAR_COLUMNS: dict[str, list[str]] = {
    "organizations": [
        "id",
        "name",
        "alternate_name",
        "description",
        "email",
        "website",
        "tax_status",
        "tax_id",
        "year_incorporated",
        "legal_status",
        "logo",
        "uri",
        "parent_organization_id",
    ],
    "services": [
        "id",
        "organization_id",
        "program_id",
        "name",
        "alternate_name",
        "description",
        "url",
        "email",
        "status",
        "interpretation_services",
        "application_process",
        "fees_description",
        "wait_time",
        "fees",
        "accreditations",
        "eligibility_description",
        "minimum_age",
        "maximum_age",
        "assured_date",
        "assurer_email",
        "licenses",
        "alert",
        "last_modified",
    ],
    "locations": [
        "id",
        "location_type",
        "url",
        "organization_id",
        "name",
        "alternate_name",
        "description",
        "transportation",
        "latitude",
        "longitude",
        "external_identifier",
        "external_identifier_type",
    ],
    "addresses": [
        "id",
        "location_id",
        "attention",
        "address_1",
        "address_2",
        "city",
        "region",
        "state_province",
        "postal_code",
        "country",
        "address_type",
    ],
    "phones": [
        "id",
        "location_id",
        "service_id",
        "organization_id",
        "contact_id",
        "service_at_location_id",
        "number",
        "extension",
        "type",
        "description",
    ],
    "service_at_location": ["id", "service_id", "location_id", "description"],
    "schedules": [
        "id",
        "service_id",
        "location_id",
        "service_at_location_id",
        "valid_from",
        "valid_to",
        "dtstart",
        "timezone",
        "until",
        "count",
        "wkst",
        "freq",
        "interval",
        "byday",
        "byweekno",
        "bymonthday",
        "byyearday",
        "description",
        "opens_at",
        "closes_at",
        "schedule_link",
        "attending_type",
        "notes",
    ],
    "languages": ["id", "service_id", "location_id", "phone_id", "name", "code", "note"],
    "attributes": ["id", "link_id", "taxonomy_term_id", "link_type", "link_entity", "value"],
    "taxonomy_terms": [
        "id",
        "code",
        "name",
        "description",
        "parent_id",
        "taxonomy",
        "language",
        "taxonomy_id",
        "term_uri",
    ],
    "taxonomies": ["id", "name", "description", "uri", "version"],
}

RESOURCE_NAMES = {
    "organizations": "organization",
    "services": "service",
    "locations": "location",
    "addresses": "address",
    "phones": "phone",
    "service_at_location": "service_at_location",
    "schedules": "schedule",
    "languages": "language",
    "attributes": "attribute",
    "taxonomy_terms": "taxonomy_term",
    "taxonomies": "taxonomy",
}


def tabular_tables(data: Dataset) -> dict[str, list[dict[str, Any]]]:
    """Flatten the HSDS document into the tables of the tabular package."""
    document = to_hsds(data)
    tables: dict[str, list[dict[str, Any]]] = {name: [] for name in TABULAR_COLUMNS}
    terms: dict[str, dict[str, Any]] = {}
    taxonomy_id = hsds_id("taxonomy", TAXONOMY)

    def attributes(items: list[dict[str, Any]]) -> None:
        for attribute in items:
            term = attribute["taxonomy_term"]
            terms[term["id"]] = {**{k: v for k, v in term.items()}, "taxonomy_id": taxonomy_id}
            tables["attributes"].append({**attribute, "taxonomy_term_id": term["id"]})

    for org in document["contents"]:
        tables["organizations"].append(org)
        for phone in org["phones"]:
            tables["phones"].append({**phone, "organization_id": org["id"]})
        attributes(org["attributes"])
        for loc in org["locations"]:
            tables["locations"].append(loc)
            tables["addresses"].extend(loc["addresses"])
            tables["phones"].extend({**p, "location_id": loc["id"]} for p in loc["phones"])
            tables["schedules"].extend(loc["schedules"])
            attributes(loc["attributes"])
        for service in org["services"]:
            tables["services"].append(service)
            tables["phones"].extend({**p, "service_id": service["id"]} for p in service["phones"])
            tables["schedules"].extend(service["schedules"])
            tables["languages"].extend(service["languages"])
            tables["service_at_location"].extend(service["service_at_locations"])
            attributes(service["attributes"])
    tables["taxonomy_terms"] = [terms[k] for k in sorted(terms)]
    if terms:
        tables["taxonomies"] = [{"id": taxonomy_id, "name": TAXONOMY, "description": "Leerwinkel Intake"}]
    return tables


def write_tabular(folder: Path, data: Dataset) -> None:
    """The HSDS tabular package: one CSV per table plus datapackage.json, in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    resources = []
    for table, rows in tabular_tables(data).items():
        header = TABULAR_COLUMNS[table]
        body = [["" if row.get(c) is None else row.get(c) for c in header] for row in rows]
        atomic_write_bytes(folder / f"{table}.csv", csv_bytes(header, body, separator=","))  # HSDS tabular: RFC 4180
        resources.append(
            {
                "name": RESOURCE_NAMES[table],
                "path": f"{table}.csv",
                "profile": "tabular-data-resource",
                "schema": {"fields": [{"name": c, "type": "string"} for c in header]},
            }
        )
    package = {
        "name": "leerwinkel-catalogue",
        "title": "Leerwinkel Intake catalogue (HSDS 3.0 tabular package)",
        "profile": "tabular-data-package",
        "version": "3.0",
        "resources": resources,
    }
    atomic_write_bytes(folder / "datapackage.json", json.dumps(package, indent=2).encode("utf-8"))
