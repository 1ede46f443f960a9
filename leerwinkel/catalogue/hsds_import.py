"""Reading HSDS 3.0 JSON (organizations, services, locations, service_at_location, list pages) into our rows.

HSDS requires UUIDs as ids, text names and one record per id; a document that breaks these rules is
refused with a problem for each break. Leerwinkel fields travel as ``attributes`` (see hsds.py).
"""

from __future__ import annotations

import json
import uuid
from collections import defaultdict
from typing import Any

from leerwinkel.catalogue.dataset import Dataset, LocationRow, OfferingRow, Place, ProviderRow, row_from_mapping
from leerwinkel.catalogue.hsds import BE_POSTCODE, PHONE, TAXONOMY
from leerwinkel.errors import Problem

#: Where a record read from a tabular package came from: (file, row); travels inside the raw object.
PLACE_KEY = "__place__"


class Collector:
    """Walk HSDS objects of any shape (organization, service, location, service_at_location, pages)."""

    def __init__(self) -> None:
        self.orgs: dict[str, dict[str, Any]] = {}
        self.locations: dict[str, dict[str, Any]] = {}
        self.location_org: dict[str, str] = {}
        self.services: dict[str, dict[str, Any]] = {}
        self.service_org: dict[str, str] = {}
        self.links: list[tuple[str, str]] = []
        self.declared: set[tuple[str, str]] = set()
        self.duplicates: list[tuple[str, str]] = []

    def declare(self, kind: str, key: str) -> None:
        """Note a record given in full (not a copy embedded in another record); twice is a duplicate."""
        if (kind, key) in self.declared:
            self.duplicates.append((kind, key))
        self.declared.add((kind, key))

    def item(self, obj: Any) -> bool:
        if not isinstance(obj, dict):
            return False
        if isinstance(obj.get("contents"), list):
            return all(self.item(x) for x in obj["contents"])
        if "service" in obj and "location" in obj:
            self.declare("service_at_location", str(obj.get("id", "")))
            self.service_at_location(obj)
        elif "status" in obj or "organization" in obj or "service_at_locations" in obj:
            self.declare("service", str(obj.get("id", "")))
            self.service(obj)
        elif "location_type" in obj:
            self.declare("location", str(obj.get("id", "")))
            self.location(obj, None)
        elif "name" in obj and "id" in obj:
            self.declare("organization", str(obj.get("id", "")))
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
                self.declare("location", str(loc.get("id", "")))
                self.location(loc, org_id)
        for service in obj.get("services") or []:
            if isinstance(service, dict):
                self.declare("service", str(service.get("id", "")))
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
            if PHONE.match(number):
                return number
    return ""


def _text(value: Any) -> Any:
    return "" if value is None else value


def read_hsds(document: Any, file: str, problems: list[Problem], *, known_providers: frozenset[str]) -> Dataset:
    """Our rows from any HSDS 3.0 JSON document (or the tables of a tabular package, see read_tabular)."""
    walker = Collector()
    items = document if isinstance(document, list) else [document]
    for index, obj in enumerate(items, start=1):
        if not walker.item(obj):
            problems.append(Problem("not-hsds", None, file=file, row=index if isinstance(document, list) else None))
    for kind, key in walker.duplicates:
        problems.append(Problem("duplicate-id", "id", file=file, record=key, details={"table": HSDS_LABELS[kind]}))
    return rows_from_collector(walker, file, problems, known_providers=known_providers)


#: Dutch names of the HSDS objects, for problem sentences.
HSDS_LABELS = {
    "organization": "organisaties (organization)",
    "service": "diensten (service)",
    "location": "locaties (location)",
    "service_at_location": "service_at_location",
}


def _place(file: str, key: str, obj: dict[str, Any], problems: list[Problem]) -> Place:
    """Where a record came from: the tabular file and row when known, else the JSON file; and its id."""
    where = obj.get(PLACE_KEY)
    if isinstance(where, tuple):
        return Place(file=where[0], row=where[1], record=key or None, problems=problems)
    return Place(file=file, record=key or None, problems=problems)


def _checked_uuid(key: str, place: Place) -> bool:
    """HSDS 3.0 requires every id to be a UUID; a record without one is refused (and says so)."""
    if not key:
        place.add("required", "id")
        return False
    try:
        uuid.UUID(key)
    except ValueError:
        place.add("not-uuid", "id", value=key)
        return False
    return True


def rows_from_collector(
    walker: Collector, file: str, problems: list[Problem], *, known_providers: frozenset[str]
) -> Dataset:
    """Our rows from the records a Collector gathered; every problem goes to ``problems``."""
    org_key: dict[str, str] = {}
    providers: list[ProviderRow] = []
    for org_id, org in walker.orgs.items():
        place = _place(file, org_id, org, problems)
        if not _checked_uuid(org_id, place):
            org_key[org_id] = org_id
            continue
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
        place = _place(file, loc_id, loc, problems)
        if not _checked_uuid(loc_id, place):
            loc_key[loc_id] = loc_id
            continue
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
        place = _place(file, service_id, service, problems)
        if not _checked_uuid(service_id, place):
            continue
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
    if postcode and not (country == "BE" and BE_POSTCODE.match(postcode)):
        # Only Belgian postcodes fit our postcode field; a foreign one stays with the city.
        city = f"{postcode} {city} ({country})".strip()
        postcode = ""
    return {"street": street, "postcode": postcode, "city": city}
