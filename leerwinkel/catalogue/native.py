"""The native JSON format: one object with providers, locations and offerings (docs/catalogue-format.md)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import fields
from typing import Any

from leerwinkel.catalogue.dataset import TABLE_LABELS, TABLES, Dataset, Place, row_from_mapping, rows_from_mappings
from leerwinkel.catalogue.limits import MAX_DEPTH, MAX_ROWS, check_depth, too_many_rows
from leerwinkel.errors import Problem

FORMAT_NAME = "leerwinkel-catalogue"
FORMAT_VERSION = 1


def decode_text(raw: bytes, file: str, problems: list[Problem]) -> str | None:
    """UTF-8 (with or without BOM); a problem and None for anything else."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        problems.append(Problem("bad-encoding", None, file=file, details={"position": error.start}))
        return None


def parse_json(raw: bytes, file: str, problems: list[Problem]) -> Any:
    text = decode_text(raw, file, problems)
    if text is None:
        return None
    if not text.strip():
        problems.append(Problem("empty-file", None, file=file))
        return None
    if not check_depth(text, file, problems):
        return None
    try:
        return json.loads(text)
    except RecursionError:  # check_depth should have caught it; never let it escape as a bug
        problems.append(Problem("too-deep", None, file=file, details={"limit": MAX_DEPTH}))
        return None
    except json.JSONDecodeError as error:
        reason = "truncated" if _is_cut_off(text) else "bad-json"
        problems.append(
            Problem(reason, None, file=file, row=error.lineno, details={"column": error.colno, "message": error.msg})
        )
        return None


def _is_cut_off(text: str) -> bool:
    """True when brackets or a string are still open at the end: the file was cut off."""
    depth = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
        elif ch in "]}":
            depth -= 1
    return in_string or depth > 0


def is_native(document: Any) -> bool:
    return isinstance(document, dict) and document.get("format") == FORMAT_NAME


def read_native(document: Any, file: str, problems: list[Problem]) -> Dataset:
    """Rows from a parsed native document; every problem goes to ``problems``."""
    version = document.get("version")
    if version != FORMAT_VERSION:
        problems.append(Problem("unsupported-version", "version", file=file, details={"value": str(version)}))
        return Dataset()
    tables: dict[str, list[Any]] = {}
    for table in TABLES:
        items = document.get(table, [])
        rows: list[Any] = []
        if not isinstance(items, list):
            problems.append(Problem("wrong-type", table, file=file, details={"expected": "lijst"}))
            items = []
        if len(items) > MAX_ROWS:
            too_many_rows(file, TABLE_LABELS[table], problems)
            return Dataset()
        fast = rows_from_mappings(table, items)
        if fast is not None:
            tables[table] = fast
            continue
        for index, item in enumerate(items, start=1):
            place = Place(file=f"{file} ({TABLE_LABELS[table]})", row=index, problems=problems)
            if not isinstance(item, dict):
                place.add("wrong-type", table, expected="object")
                continue
            place.record = item.get("id") if isinstance(item.get("id"), str) else None
            row = row_from_mapping(table, item, place)
            if row is not None:
                rows.append(row)
        tables[table] = rows
    return Dataset(tuple(tables["providers"]), tuple(tables["locations"]), tuple(tables["offerings"]))


def to_native(data: Dataset, *, bundle_version: str | None = None) -> dict[str, Any]:
    document: dict[str, Any] = {"format": FORMAT_NAME, "version": FORMAT_VERSION}
    if bundle_version:
        document["bundle_version"] = bundle_version
    data = data.sorted()
    for table, rows in (("providers", data.providers), ("locations", data.locations), ("offerings", data.offerings)):
        document[table] = [_plain(row) for row in rows]
    return document


def _plain(row: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in fields(row):
        value = getattr(row, f.name)
        if isinstance(value, tuple):
            value = list(value)
        elif isinstance(value, dt.date):
            value = value.isoformat()
        out[f.name] = value
    return out


def native_bytes(data: Dataset, *, bundle_version: str | None = None) -> bytes:
    text = json.dumps(to_native(data, bundle_version=bundle_version), ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")
