"""Open Referral HSDS 3.0: the catalogue as JSON (organizations with locations and services) and as
the tabular CSV package; both read third-party HSDS data (the official examples import as they are).

Mapping (docs/catalogue-format.md): organization = provider, location + address = location,
service = offering, service_at_location = offering location. Fields HSDS has no place for (category,
prison, schedules, costs for groups, Dutch level, sources ...) travel as ``attributes`` whose
taxonomy term belongs to the taxonomy ``leerwinkel`` (code = our field name, value = JSON).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import uuid
from collections import defaultdict
from dataclasses import fields
from pathlib import Path
from typing import Any

from leerwinkel.catalogue.dataset import Dataset, LocationRow, OfferingRow, Place, ProviderRow, row_from_mapping
from leerwinkel.catalogue.native import decode_text
from leerwinkel.errors import Problem

TAXONOMY = "leerwinkel"
NAMESPACE = uuid.UUID("0b0d3a8e-5f55-4a55-8f0e-3c1f7d1b6a21")
_BE_POSTCODE = re.compile(r"^[1-9][0-9]{3}$")
_PHONE = re.compile(r"^[0-9+()./ -]{3,40}$")

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
    from leerwinkel.fileio import atomic_write_bytes
    from leerwinkel.tabular import csv_bytes

    folder.mkdir(parents=True, exist_ok=True)
    resources = []
    for table, rows in tabular_tables(data).items():
        header = TABULAR_COLUMNS[table]
        body = [["" if row.get(c) is None else row.get(c) for c in header] for row in rows]
        atomic_write_bytes(folder / f"{table}.csv", csv_bytes(header, body))
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


# -- import -----------------------------------------------------------------------------------------


class _Collector:
    """Walk HSDS objects of any shape (organization, service, location, service_at_location, pages)."""

    def __init__(self) -> None:
        self.orgs: dict[str, dict[str, Any]] = {}
        self.locations: dict[str, dict[str, Any]] = {}
        self.location_org: dict[str, str] = {}
        self.services: dict[str, dict[str, Any]] = {}
        self.service_org: dict[str, str] = {}
        self.links: list[tuple[str, str]] = []

    def item(self, obj: Any) -> bool:
        if not isinstance(obj, dict):
            return False
        if isinstance(obj.get("contents"), list):
            return all(self.item(x) for x in obj["contents"])
        if "service" in obj and "location" in obj:
            self.service_at_location(obj)
        elif "status" in obj or "organization" in obj or "service_at_locations" in obj:
            self.service(obj)
        elif "location_type" in obj:
            self.location(obj, None)
        elif "name" in obj and "id" in obj:
            self.org(obj)
        else:
            return False
        return True

    def org(self, obj: dict[str, Any]) -> str:
        org_id = str(obj.get("id", ""))
        if org_id not in self.orgs or len(obj) > len(self.orgs[org_id]):
            self.orgs[org_id] = obj
        for loc in obj.get("locations") or []:
            if isinstance(loc, dict):
                self.location(loc, org_id)
        for service in obj.get("services") or []:
            if isinstance(service, dict):
                self.service(service, org_id)
        return org_id

    def location(self, obj: dict[str, Any], org_id: str | None) -> str:
        loc_id = str(obj.get("id", ""))
        if loc_id not in self.locations or len(obj) > len(self.locations[loc_id]):
            self.locations[loc_id] = obj
        owner = obj.get("organization_id") or org_id
        if owner and loc_id not in self.location_org:
            self.location_org[loc_id] = str(owner)
        return loc_id

    def service(self, obj: dict[str, Any], org_id: str | None = None) -> str:
        service_id = str(obj.get("id", ""))
        if service_id not in self.services or len(obj) > len(self.services[service_id]):
            self.services[service_id] = obj
        owner = obj.get("organization_id") or org_id
        if isinstance(obj.get("organization"), dict):
            owner = self.org(obj["organization"])
        if owner:
            self.service_org[service_id] = str(owner)
        for sal in obj.get("service_at_locations") or []:
            if isinstance(sal, dict):
                self.service_at_location({**sal, "service_id": service_id})
        return service_id

    def service_at_location(self, obj: dict[str, Any]) -> None:
        service = obj.get("service")
        service_id = self.service(service) if isinstance(service, dict) else obj.get("service_id")
        location = obj.get("location")
        location_id = self.location(location, None) if isinstance(location, dict) else obj.get("location_id")
        if service_id and location_id:
            self.links.append((str(service_id), str(location_id)))


def _leerwinkel_attributes(obj: dict[str, Any], place: Place) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for attribute in obj.get("attributes") or []:
        if not isinstance(attribute, dict):
            continue
        term = attribute.get("taxonomy_term") or {}
        if not isinstance(term, dict) or term.get("taxonomy") != TAXONOMY or not term.get("code"):
            continue
        try:
            out[str(term["code"])] = json.loads(str(attribute.get("value", "")))
        except json.JSONDecodeError:
            place.add("bad-json", str(term["code"]))
    return out


def _phone(obj: dict[str, Any]) -> str:
    for phone in obj.get("phones") or []:
        if isinstance(phone, dict) and phone.get("number"):
            number = str(phone["number"]).strip().strip('"').strip()
            if _PHONE.match(number):
                return number
    return ""


def _text(value: Any) -> Any:
    return "" if value is None else value


def read_hsds(document: Any, file: str, problems: list[Problem], *, known_providers: frozenset[str]) -> Dataset:
    """Our rows from any HSDS 3.0 JSON document (or the tables of a tabular package, see read_tabular)."""
    walker = _Collector()
    items = document if isinstance(document, list) else [document]
    for index, obj in enumerate(items, start=1):
        if not walker.item(obj):
            problems.append(Problem("not-hsds", None, file=file, row=index if isinstance(document, list) else None))
    return _rows(walker, file, problems, known_providers=known_providers)


def _rows(walker: _Collector, file: str, problems: list[Problem], *, known_providers: frozenset[str]) -> Dataset:
    org_key: dict[str, str] = {}
    providers: list[ProviderRow] = []
    for org_id, org in walker.orgs.items():
        place = Place(file=file, record=org_id, problems=problems)
        raw = {
            "id": org_id,
            "name": org.get("name"),
            "description": _text(org.get("description")),
            "email": _text(org.get("email")),
            "website": _text(org.get("website")),
            "phone": _phone(org),
        }
        raw.update(_leerwinkel_attributes(org, place))
        org_key[org_id] = str(raw["id"])
        row = row_from_mapping("providers", raw, place)
        if row is not None:
            providers.append(row)

    known = set(org_key) | set(known_providers)
    service_locations: dict[str, list[str]] = defaultdict(list)
    location_services: dict[str, list[str]] = defaultdict(list)
    for service_id, location_id in walker.links:
        if location_id not in service_locations[service_id]:
            service_locations[service_id].append(location_id)
            location_services[location_id].append(service_id)

    loc_key: dict[str, str] = {}
    locations: list[LocationRow] = []
    for loc_id, loc in walker.locations.items():
        place = Place(file=file, record=loc_id, problems=problems)
        owner = walker.location_org.get(loc_id)
        if owner not in known:
            # Third-party data may leave a location's organisation out; its services say who teaches there.
            owners = [walker.service_org.get(s) for s in location_services.get(loc_id, [])]
            owner = next((o for o in owners if o in known), owner)
        if owner is None or owner not in known:
            place.add("broken-reference", "provider", value=str(owner or ""))
            continue
        raw = {
            "id": loc_id,
            "provider": org_key.get(owner, owner),
            "name": _text(loc.get("name")),
            "phone": _phone(loc),
            **_address(loc),
        }
        schedules = [s.get("description") for s in loc.get("schedules") or [] if isinstance(s, dict)]
        raw["opening_hours"] = "\n".join(str(s) for s in schedules if s)
        raw.update(_leerwinkel_attributes(loc, place))
        loc_key[loc_id] = str(raw["id"])
        row = row_from_mapping("locations", raw, place)
        if row is not None:
            locations.append(row)

    offerings: list[OfferingRow] = []
    for service_id, service in walker.services.items():
        place = Place(file=file, record=service_id, problems=problems)
        owner = walker.service_org.get(service_id)
        if owner is None or owner not in known:
            place.add("broken-reference", "provider", value=str(owner or ""))
            continue
        languages = [lang.get("code") for lang in service.get("languages") or [] if isinstance(lang, dict)]
        schedules = [s.get("description") for s in service.get("schedules") or [] if isinstance(s, dict)]
        raw = {
            "id": service_id,
            "provider": org_key.get(owner, owner),
            "title": service.get("name"),
            "category": "andere",
            "description": _text(service.get("description")),
            "website": _text(service.get("url")),
            "email": _text(service.get("email")),
            "phone": _phone(service),
            "active": service.get("status", "active") == "active",
            "last_verified": service.get("assured_date"),
            "cost_note": _text(service.get("fees_description")),
            "schedule_note": "\n".join(str(s) for s in schedules if s),
            "language": next((str(code) for code in languages if code), "nl"),
            "locations": [loc_key.get(loc, loc) for loc in service_locations.get(service_id, [])],
        }
        raw.update(_leerwinkel_attributes(service, place))
        row = row_from_mapping("offerings", raw, place)
        if row is not None:
            offerings.append(row)
    return Dataset(tuple(providers), tuple(locations), tuple(offerings))


def _address(loc: dict[str, Any]) -> dict[str, str]:
    addresses = [a for a in loc.get("addresses") or [] if isinstance(a, dict)]
    if not addresses:
        return {}
    address = next((a for a in addresses if a.get("address_type") == "physical"), addresses[0])
    street = ", ".join(str(address[k]) for k in ("address_1", "address_2") if address.get(k))
    city = str(address.get("city") or "")
    postcode = str(address.get("postal_code") or "").strip()
    country = str(address.get("country") or "BE").upper()
    if postcode and not (country == "BE" and _BE_POSTCODE.match(postcode)):
        # Only Belgian postcodes fit our postcode field; a foreign one stays with the city.
        city = f"{postcode} {city} ({country})".strip()
        postcode = ""
    return {"street": street, "postcode": postcode, "city": city}


def read_tabular(
    folder: Path, resources: dict[str, str], problems: list[Problem], *, known_providers: frozenset[str]
) -> Dataset:
    """Our rows from an HSDS tabular package (``resources`` maps resource names to CSV paths)."""
    tables: dict[str, list[dict[str, str]]] = {}
    for name, relative in resources.items():
        path = folder / relative
        if not path.is_file():
            if name in {"organization", "service", "location"}:
                problems.append(Problem("missing-file", None, file=relative))
            continue
        text = decode_text(path.read_bytes(), relative, problems)
        if text is None:
            continue
        try:
            reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
            rows = []
            for row in reader:
                if None in row or any(v is None for v in row.values()):
                    problems.append(Problem("column-count", None, file=relative, row=reader.line_num))
                    continue
                rows.append(row)
            tables[name] = rows
        except csv.Error:
            problems.append(Problem("truncated" if text.count('"') % 2 else "bad-csv", None, file=relative))

    def by(table: str, key: str) -> dict[str, list[dict[str, str]]]:
        grouped: dict[str, list[dict[str, str]]] = defaultdict(list)
        for row in tables.get(table, []):
            if row.get(key):
                grouped[row[key]].append(row)
        return grouped

    terms = {t["id"]: t for t in tables.get("taxonomy_term", [])}
    attributes = by("attribute", "link_id")

    def attrs(entity_id: str) -> list[dict[str, Any]]:
        return [{**a, "taxonomy_term": terms.get(a.get("taxonomy_term_id", ""), {})} for a in attributes[entity_id]]

    phones_of = {key: by("phone", key) for key in ("organization_id", "location_id", "service_id")}
    schedules_of = {key: by("schedule", key) for key in ("location_id", "service_id")}
    addresses = by("address", "location_id")
    languages = by("language", "service_id")
    documents: list[dict[str, Any]] = []
    for org in tables.get("organization", []):
        documents.append({**org, "phones": phones_of["organization_id"][org["id"]], "attributes": attrs(org["id"])})
    for loc in tables.get("location", []):
        documents.append(
            {
                **loc,
                "location_type": loc.get("location_type") or "physical",
                "addresses": addresses[loc["id"]],
                "phones": phones_of["location_id"][loc["id"]],
                "schedules": schedules_of["location_id"][loc["id"]],
                "attributes": attrs(loc["id"]),
            }
        )
    for service in tables.get("service", []):
        documents.append(
            {
                **service,
                "status": service.get("status") or "active",
                "phones": phones_of["service_id"][service["id"]],
                "languages": languages[service["id"]],
                "schedules": schedules_of["service_id"][service["id"]],
                "attributes": attrs(service["id"]),
            }
        )
    walker = _Collector()
    for document in documents:
        walker.item(document)
    for link in tables.get("service_at_location", []):
        if link.get("service_id") and link.get("location_id"):
            walker.links.append((link["service_id"], link["location_id"]))
    return _rows(walker, folder.name, problems, known_providers=known_providers)
