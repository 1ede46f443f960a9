"""Reading an HSDS 3.0 tabular package: one CSV per table, with or without ``datapackage.json``.

Publishers name the resources and files in the singular (``organization``, HSDS's own names) or the
plural (``organizations``, the example package's file names); both are read. ``organization`` and
``service`` are required; an id that appears twice in one file is refused with both rows named.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from pathlib import Path
from typing import Any

from leerwinkel.catalogue.dataset import Dataset
from leerwinkel.catalogue.hsds_import import HSDS_LABELS, PLACE_KEY, Collector, rows_from_collector
from leerwinkel.catalogue.limits import MAX_COLUMNS, MAX_ROWS, check_size, too_many_columns, too_many_rows
from leerwinkel.catalogue.native import decode_text, parse_json
from leerwinkel.catalogue.spreadsheet import untext
from leerwinkel.errors import Problem

#: The resources we read, by their HSDS name, with the file name the specification uses.
RESOURCE_FILES = {
    "organization": "organizations.csv",
    "service": "services.csv",
    "location": "locations.csv",
    "address": "addresses.csv",
    "phone": "phones.csv",
    "service_at_location": "service_at_location.csv",
    "schedule": "schedules.csv",
    "language": "languages.csv",
    "attribute": "attributes.csv",
    "taxonomy_term": "taxonomy_terms.csv",
}
REQUIRED = ("organization", "service")
#: Tables whose ids must be unique within the file.
KEYED = ("organization", "service", "location", "service_at_location")

_ALIASES: dict[str, str] = {}
for _name, _file in RESOURCE_FILES.items():
    _ALIASES[_name] = _name
    _ALIASES[_file.removesuffix(".csv")] = _name
_ALIASES["services_at_location"] = _ALIASES["service_at_locations"] = "service_at_location"
_ALIASES["taxonomy_terms"] = "taxonomy_term"


def canonical_resource(name: str) -> str | None:
    """``organizations``, ``Organization`` or ``organization.csv`` -> ``organization``; None if not ours."""
    key = name.strip().lower().removesuffix(".csv").replace("-", "_").replace(" ", "_")
    return _ALIASES.get(key)


def looks_tabular(folder: Path) -> bool:
    """True when ``folder`` holds a datapackage.json or a CSV named after an HSDS organization or service."""
    if (folder / "datapackage.json").is_file():
        return True
    return any(canonical_resource(p.name) in REQUIRED for p in folder.glob("*.csv"))


def package_resources(folder: Path, problems: list[Problem]) -> dict[str, str]:
    """Resource name -> file (relative to ``folder``), from datapackage.json or else from the file names."""
    found: dict[str, str] = {}
    package = folder / "datapackage.json"
    if package.is_file():
        document = parse_json(package.read_bytes(), package.name, problems)
        resources = document.get("resources") if isinstance(document, dict) else None
        if document is not None and not isinstance(resources, list):
            problems.append(Problem("not-hsds", "resources", file=package.name))
        for item in resources if isinstance(resources, list) else []:
            if not isinstance(item, dict):
                continue
            path = item.get("path")
            name = item.get("name")
            key = canonical_resource(name) if isinstance(name, str) else None
            if key is None and isinstance(path, str):
                key = canonical_resource(Path(path).name)
            if key is not None and key not in found:
                found[key] = path if isinstance(path, str) else RESOURCE_FILES[key]
    for path in sorted(folder.glob("*.csv")):
        key = canonical_resource(path.name)
        if key is not None and key not in found:
            found[key] = path.name
    return found


def read_tabular(
    folder: Path, resources: dict[str, str], problems: list[Problem], *, known_providers: frozenset[str]
) -> Dataset:
    """Our rows from an HSDS tabular package (``resources`` maps resource names to CSV paths)."""
    for name in REQUIRED:
        if name not in resources:
            problems.append(Problem("missing-file", None, file=f"{folder.name}/{RESOURCE_FILES[name]}"))
    tables: dict[str, list[dict[str, Any]]] = {}
    for name, relative in resources.items():
        path = folder / relative
        if not path.is_file():
            problems.append(Problem("missing-file", None, file=relative))
            continue
        rows = _read_csv(path, relative, problems)
        if rows is None:
            continue
        if name in REQUIRED and not rows:
            problems.append(Problem("empty-table", None, file=relative))
        if name in KEYED:
            _check_unique(rows, relative, name, problems)
        tables[name] = rows
    if any(p.reason in {"missing-file", "file-too-large", "too-many-rows", "too-many-columns"} for p in problems):
        return Dataset()
    return _dataset(tables, folder.name, problems, known_providers=known_providers)


def _read_csv(path: Path, relative: str, problems: list[Problem]) -> list[dict[str, Any]] | None:
    if not check_size(path, problems):
        return None
    text = decode_text(path.read_bytes(), relative, problems)
    if text is None:
        return None
    if text.count("\n") > MAX_ROWS + 1 and len(text.splitlines()) > MAX_ROWS + 1:
        too_many_rows(relative, relative, problems)
        return None
    rows: list[dict[str, Any]] = []
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
        if reader.fieldnames is not None and len(reader.fieldnames) > MAX_COLUMNS:
            too_many_columns(relative, relative, len(reader.fieldnames), problems)
            return None
        for row in reader:
            if None in row or any(v is None for v in row.values()):
                expected = len(reader.fieldnames or ())
                found = sum(v is not None for k, v in row.items() if k is not None) + len(row.get(None) or ())
                details: dict[str, object] = {"found": found, "expected": expected}
                problems.append(Problem("column-count", None, file=relative, row=reader.line_num, details=details))
                continue
            if len(rows) >= MAX_ROWS:
                too_many_rows(relative, relative, problems)
                return None
            # Our exports neutralise cells a spreadsheet would run as a formula ("+32 ..." -> "'+32 ...").
            row = {key: untext(value) if isinstance(value, str) else value for key, value in row.items()}
            row[PLACE_KEY] = (relative, reader.line_num)
            rows.append(row)
    except csv.Error:
        problems.append(Problem("truncated" if text.count('"') % 2 else "bad-csv", None, file=relative))
        return None
    return rows


def _check_unique(rows: list[dict[str, Any]], relative: str, table: str, problems: list[Problem]) -> None:
    first_row: dict[str, int] = {}
    for row in rows:
        key = row.get("id") or ""
        line = row[PLACE_KEY][1]
        if key and key in first_row:
            problems.append(
                Problem(
                    "duplicate-id-row",
                    "id",
                    file=relative,
                    row=line,
                    record=key,
                    details={"table": HSDS_LABELS.get(table, table), "first": first_row[key]},
                )
            )
        else:
            first_row.setdefault(key, line)


def _dataset(
    tables: dict[str, list[dict[str, Any]]], name: str, problems: list[Problem], *, known_providers: frozenset[str]
) -> Dataset:
    def by(table: str, key: str) -> dict[str, list[dict[str, Any]]]:
        grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
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
    walker = Collector()
    for org in tables.get("organization", []):
        walker.org({**org, "phones": phones_of["organization_id"][org["id"]], "attributes": attrs(org["id"])})
    for loc in tables.get("location", []):
        walker.location(
            {
                **loc,
                "location_type": loc.get("location_type") or "physical",
                "addresses": addresses[loc["id"]],
                "phones": phones_of["location_id"][loc["id"]],
                "schedules": schedules_of["location_id"][loc["id"]],
                "attributes": attrs(loc["id"]),
            },
            None,
        )
    for service in tables.get("service", []):
        walker.service(
            {
                **service,
                "status": service.get("status") or "active",
                "phones": phones_of["service_id"][service["id"]],
                "languages": languages[service["id"]],
                "schedules": schedules_of["service_id"][service["id"]],
                "attributes": attrs(service["id"]),
            }
        )
    for link in tables.get("service_at_location", []):
        if link.get("service_id") and link.get("location_id"):
            walker.links.append((link["service_id"], link["location_id"]))
    return rows_from_collector(walker, name, problems, known_providers=known_providers)
