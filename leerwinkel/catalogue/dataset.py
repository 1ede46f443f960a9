"""The catalogue as data: rows keyed by stable ids, the field table every format uses, and validation.

Every format (native JSON, CSV, XLSX, HSDS) reads into a :class:`Dataset` and writes from one. A
reader turns raw values into typed rows with :func:`row_from_mapping`, which records a
:class:`Problem` for every bad value instead of stopping; :func:`validate_dataset` then checks the
rows together (duplicate ids, broken references).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields
from typing import Any

from leerwinkel.errors import Problem
from leerwinkel.i18n import N_, TranslatedMapping
from leerwinkel.taxonomy import DUTCH_LEVELS, SCHEDULES, TARGET_GROUPS, WISH_CATEGORIES


@dataclass(frozen=True)
class ProviderRow:
    id: str
    name: str
    kind: str = ""
    description: str = ""
    website: str = ""
    email: str = ""
    phone: str = ""
    sources: tuple[str, ...] = ()
    last_verified: dt.date | None = None
    active: bool = True


@dataclass(frozen=True)
class LocationRow:
    id: str
    provider: str
    name: str = ""
    street: str = ""
    postcode: str = ""
    city: str = ""
    phone: str = ""
    opening_hours: str = ""
    prison_site_code: str | None = None
    sources: tuple[str, ...] = ()
    last_verified: dt.date | None = None
    active: bool = True


@dataclass(frozen=True)
class OfferingRow:
    id: str
    provider: str
    title: str
    category: str
    description: str = ""
    language: str = "nl"
    dutch_level_min: str | None = None
    literacy_required: bool | None = None
    schedules: tuple[str, ...] = ()
    schedule_note: str = ""
    is_free: bool | None = None
    reduced_for_jobseekers: bool | None = None
    reduced_for_prisoners: bool | None = None
    cost_note: str = ""
    in_prison: bool = False
    admission: str = ""
    what_to_bring: str = ""
    website: str = ""
    email: str = ""
    phone: str = ""
    locations: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    last_verified: dt.date | None = None
    active: bool = True
    status_uncertain: bool = False
    status_note: str = ""
    target_groups: tuple[str, ...] = ()


@dataclass(frozen=True)
class Dataset:
    providers: tuple[ProviderRow, ...] = ()
    locations: tuple[LocationRow, ...] = ()
    offerings: tuple[OfferingRow, ...] = ()

    def sorted(self) -> Dataset:
        """The same rows in id order, so two datasets compare equal whatever order they were read in."""
        return Dataset(
            providers=tuple(sorted(self.providers, key=lambda r: r.id)),
            locations=tuple(sorted(self.locations, key=lambda r: r.id)),
            offerings=tuple(sorted(self.offerings, key=lambda r: r.id)),
        )


@dataclass(frozen=True)
class FieldSpec:
    name: str
    kind: str  # id | ref | text | line | name | bool | optbool | date | list | code:<vocab> | postcode | email | url
    required: bool = False
    maximum: int | None = None


TABLES: dict[str, tuple[type[Any], tuple[FieldSpec, ...]]] = {
    "providers": (
        ProviderRow,
        (
            FieldSpec("id", "id", True, 120),
            FieldSpec("name", "name", True, 200),
            FieldSpec("kind", "line", False, 40),
            FieldSpec("description", "text"),
            FieldSpec("website", "url", False, 300),
            FieldSpec("email", "email", False, 200),
            FieldSpec("phone", "phone", False, 40),
            FieldSpec("sources", "list"),
            FieldSpec("last_verified", "date"),
            FieldSpec("active", "bool"),
        ),
    ),
    "locations": (
        LocationRow,
        (
            FieldSpec("id", "id", True, 120),
            FieldSpec("provider", "ref", True, 120),
            FieldSpec("name", "line", False, 200),
            FieldSpec("street", "line", False, 200),
            FieldSpec("postcode", "postcode", False, 4),
            FieldSpec("city", "line", False, 100),
            FieldSpec("phone", "phone", False, 40),
            FieldSpec("opening_hours", "text"),
            FieldSpec("prison_site_code", "optline", False, 40),
            FieldSpec("sources", "list"),
            FieldSpec("last_verified", "date"),
            FieldSpec("active", "bool"),
        ),
    ),
    "offerings": (
        OfferingRow,
        (
            FieldSpec("id", "id", True, 120),
            FieldSpec("provider", "ref", True, 120),
            FieldSpec("title", "name", True, 300),
            FieldSpec("category", "code:category", True),
            FieldSpec("description", "text"),
            FieldSpec("language", "line", False, 10),
            FieldSpec("dutch_level_min", "code:dutch_level"),
            FieldSpec("literacy_required", "optbool"),
            FieldSpec("schedules", "codes:schedule"),
            FieldSpec("schedule_note", "text"),
            FieldSpec("is_free", "optbool"),
            FieldSpec("reduced_for_jobseekers", "optbool"),
            FieldSpec("reduced_for_prisoners", "optbool"),
            FieldSpec("cost_note", "text"),
            FieldSpec("in_prison", "bool"),
            FieldSpec("admission", "text"),
            FieldSpec("what_to_bring", "text"),
            FieldSpec("website", "url", False, 300),
            FieldSpec("email", "email", False, 200),
            FieldSpec("phone", "phone", False, 40),
            FieldSpec("locations", "list"),
            FieldSpec("sources", "list"),
            FieldSpec("last_verified", "date"),
            FieldSpec("active", "bool"),
            FieldSpec("status_uncertain", "bool"),
            FieldSpec("status_note", "text"),
            FieldSpec("target_groups", "codes:target_group"),
        ),
    ),
}

#: Dutch names of the tables, for problem sentences.
TABLE_LABELS = TranslatedMapping(
    {"providers": N_("aanbieders"), "locations": N_("locaties"), "offerings": N_("aanbod")}
)

VOCABULARIES = {
    "category": WISH_CATEGORIES,
    "dutch_level": DUTCH_LEVELS,
    "schedule": SCHEDULES,
    "target_group": TARGET_GROUPS,
}

_POSTCODE = re.compile(r"^[1-9][0-9]{3}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^[0-9+()./ -]{3,40}$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_TRUE = {"true", "ja", "yes", "1", "waar", "x"}
_FALSE = {"false", "nee", "no", "0", "onwaar"}


@dataclass
class Place:
    """Where a raw row came from, to put in every problem found in it."""

    file: str | None = None
    row: int | None = None
    record: str | None = None
    problems: list[Problem] = field(default_factory=list)

    def add(self, reason: str, name: str, **details: object) -> None:
        self.problems.append(
            Problem(reason=reason, field=name, file=self.file, row=self.row, record=self.record, details=details)
        )


def row_from_mapping(table: str, raw: Mapping[str, Any], place: Place) -> Any | None:
    """Build one typed row from raw values (JSON types or spreadsheet text); None when it has problems."""
    cls, specs = TABLES[table]
    before = len(place.problems)
    if place.record is None and isinstance(raw.get("id"), str):
        place.record = raw["id"]
    values: dict[str, Any] = {}
    for spec in specs:
        value = _coerce(spec, raw.get(spec.name), place)
        if value is not _MISSING:
            values[spec.name] = value
    if len(place.problems) > before:
        return None
    return cls(**values)


_MISSING: Any = object()


def _coerce(spec: FieldSpec, value: Any, place: Place) -> Any:
    name = spec.name
    if isinstance(value, str):
        value = value.strip()
        if _CONTROL.search(value):
            place.add("control-characters", name)
            return _MISSING
    empty = value is None or value == "" or value == []
    if empty:
        if spec.required:
            place.add("required", name)
            return _MISSING
        return _MISSING
    kind = spec.kind
    if kind == "name" and not isinstance(value, str):
        # A name that is a number (JSON 42, a numeric spreadsheet cell) is a column mix-up, not a name.
        place.add("wrong-type", name, expected="tekst", value=str(value))
        return _MISSING
    if kind == "name" and not any(ch.isalpha() for ch in value):
        place.add("not-a-name", name, value=value)
        return _MISSING
    if kind in {"id", "ref", "line", "name", "text", "url", "email", "phone", "postcode", "optline"}:
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            place.add("wrong-type", name, expected="tekst")
            return _MISSING
        text = str(value)
        if kind == "postcode" and isinstance(value, float) and value.is_integer():
            text = str(int(value))  # a spreadsheet may store 2800 as a number
        if spec.maximum is not None and len(text) > spec.maximum and kind != "postcode":
            place.add("too-long", name, maximum=spec.maximum)
            return _MISSING
        if kind == "postcode" and not _POSTCODE.match(text):
            place.add("bad-postcode", name, value=text)
            return _MISSING
        if kind == "email" and not _EMAIL.match(text):
            place.add("bad-email", name, value=text)
            return _MISSING
        if kind == "phone" and not _PHONE.match(text):
            place.add("bad-phone", name, value=text)
            return _MISSING
        if kind == "id" and any(ch.isspace() for ch in text):
            place.add("bad-id", name, value=text)
            return _MISSING
        return text
    if kind in {"bool", "optbool"}:
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.casefold() in _TRUE:
            return True
        if isinstance(value, str) and value.casefold() in _FALSE:
            return False
        if isinstance(value, int | float) and value in (0, 1):
            return bool(value)
        place.add("wrong-type", name, expected="ja of nee", value=str(value))
        return _MISSING
    if kind == "date":
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value[:10])
            except ValueError:
                pass
        place.add("bad-iso-date", name, value=str(value))
        return _MISSING
    if kind == "list" or kind.startswith("codes:"):
        items = _as_list(value)
        if items is None:
            place.add("wrong-type", name, expected="lijst", value=str(value))
            return _MISSING
        if kind.startswith("codes:"):
            vocabulary = VOCABULARIES[kind.split(":", 1)[1]]
            bad = [item for item in items if item not in vocabulary]
            if bad:
                place.add("unknown-code", name, value=", ".join(bad), allowed=", ".join(vocabulary.codes))
                return _MISSING
            order = list(vocabulary.codes)  # the vocabulary's order, so equal lists compare equal
            return tuple(sorted(set(items), key=order.index))
        return tuple(items)
    if kind.startswith("code:"):
        vocabulary = VOCABULARIES[kind.split(":", 1)[1]]
        if not isinstance(value, str) or value not in vocabulary:
            place.add("unknown-code", name, value=str(value), allowed=", ".join(vocabulary.codes))
            return _MISSING
        if kind == "code:dutch_level" and value == "onbekend":
            return None
        return value
    raise AssertionError(f"unknown field kind {kind}")


def _as_list(value: Any) -> list[str] | None:
    if isinstance(value, str):
        parts = value.split("\n") if "\n" in value else value.split("|")
        return [p.strip() for p in parts if p.strip()]
    if isinstance(value, Sequence) and all(isinstance(v, str) for v in value):
        return [v.strip() for v in value if v.strip()]
    return None


def validate_dataset(
    data: Dataset,
    *,
    file: str | None = None,
    known_providers: frozenset[str] = frozenset(),
    known_locations: frozenset[str] = frozenset(),
    prisons: frozenset[str] | None = None,
) -> list[Problem]:
    """Problems between rows: duplicate ids and references to providers, locations or prisons that do not exist.

    ``known_*`` are ids already in the database, which a file may refer to without repeating them;
    ``prisons`` are the codes of the prison sites (None: not checked).
    """
    problems: list[Problem] = []
    for table, rows in (("providers", data.providers), ("locations", data.locations), ("offerings", data.offerings)):
        seen: set[str] = set()
        for row in rows:
            if row.id in seen:
                details: dict[str, object] = {"table": TABLE_LABELS[table]}
                problems.append(Problem("duplicate-id", "id", file=file, record=row.id, details=details))
            seen.add(row.id)
    providers = {p.id for p in data.providers} | known_providers
    locations = {loc.id for loc in data.locations} | known_locations
    for loc in data.locations:
        if loc.provider not in providers:
            problems.append(
                Problem("broken-reference", "provider", file=file, record=loc.id, details={"value": loc.provider})
            )
    for loc in data.locations:
        if prisons is not None and loc.prison_site_code and loc.prison_site_code not in prisons:
            problems.append(
                Problem(
                    "unknown-prison",
                    "prison_site_code",
                    file=file,
                    record=loc.id,
                    details={"value": loc.prison_site_code},
                )
            )
    for offering in data.offerings:
        if offering.provider not in providers:
            problems.append(
                Problem(
                    "broken-reference", "provider", file=file, record=offering.id, details={"value": offering.provider}
                )
            )
        for key in offering.locations:
            if key not in locations:
                problems.append(
                    Problem("broken-reference", "locations", file=file, record=offering.id, details={"value": key})
                )
    return problems


def row_values(row: Any) -> dict[str, Any]:
    return {f.name: getattr(row, f.name) for f in fields(row)}


# -- a whole table at once ---------------------------------------------------------------------

_TEXT_KINDS = frozenset({"id", "ref", "line", "name", "text", "url", "email", "phone", "postcode", "optline"})
_LETTER = re.compile(r"[A-Za-z]")
_SPACE = re.compile(r"\s")
_NONE = type(None)


def rows_from_mappings(table: str, items: Sequence[Any]) -> list[Any] | None:
    """Typed rows for a whole table, checked column by column: the rows :func:`row_from_mapping` makes of
    ``items``, or None when any value needs a closer look.

    Every check here is the per-row check done on a column at once (one regex over the whole column,
    values converted once per distinct value), for files of tens of thousands of rows. It never
    reports a problem: on None the caller goes row by row with :func:`row_from_mapping`, which names
    each one (or accepts a value these checks leave to it, such as a postcode given as a number).
    """
    rows: list[Any] = []
    # A few thousand rows at a time: the column passes then find the rows still in the CPU's cache.
    for start in range(0, len(items), _BATCH):
        batch = _rows_of_batch(table, items[start : start + _BATCH])
        if batch is None:
            return None
        rows += batch
    return rows


_BATCH = 1000


def _rows_of_batch(table: str, items: Sequence[Any]) -> list[Any] | None:
    cls, specs = TABLES[table]
    if any(type(item) is not dict for item in items):
        return None
    defaults = {f.name: f.default for f in fields(cls)}
    given: dict[str, list[Any]] = {}
    for spec in specs:
        column = [item.get(spec.name) for item in items]
        kinds = set(map(type, column))
        if kinds == {_NONE}:
            if spec.required:
                return None
            continue  # absent from every row: the default
        converted = _column(spec, column, kinds, defaults[spec.name])
        if converted is None:
            return None
        given[spec.name] = converted
    names = list(given)
    new = object.__new__
    rows = []
    for row_values in zip(*given.values(), strict=True):
        row = new(cls)
        # The values are checked and converted above; the frozen dataclass' __init__ would only set
        # them one by one (a third of the time of reading a large file).
        state = defaults.copy()
        state.update(zip(names, row_values, strict=True))
        row.__dict__.update(state)
        rows.append(row)
    return rows


def _column(spec: FieldSpec, column: list[Any], kinds: set[type], default: Any) -> list[Any] | None:
    """One column's values as row_from_mapping converts them (empty: ``default``); None: not sure."""
    kind = spec.kind
    if kind in {"bool", "optbool"} and kinds <= {bool, _NONE}:
        return [default if value is None else value for value in column]
    if (kind == "list" or kind.startswith("codes:")) and kinds <= {list, _NONE}:
        return _list_column(spec, column, kinds, default)
    if not kinds <= {str, _NONE}:
        return None
    texts = [value.strip() if value is not None else "" for value in column]
    if _CONTROL.search("\n".join(texts)):
        return None
    given = [text for text in texts if text]
    if spec.required and len(given) < len(texts):
        return None
    converted: dict[str, Any] = {}
    if kind in _TEXT_KINDS:
        if spec.maximum is not None and kind != "postcode" and max(map(len, given), default=0) > spec.maximum:
            return None
        pattern = {"postcode": _POSTCODE, "email": _EMAIL, "phone": _PHONE}.get(kind)
        if pattern is not None and not all(map(pattern.match, given)):
            return None
        if kind == "id" and any(map(_SPACE.search, given)):
            return None
        if kind == "name" and not all(any(ch.isalpha() for ch in text) for text in given if not _LETTER.search(text)):
            return None
        return [text or default for text in texts]
    if kind == "date":
        try:
            converted = {text: dt.date.fromisoformat(text[:10]) for text in set(given)}
        except ValueError:
            return None
    elif kind in {"bool", "optbool"}:  # "ja", "nee" ... in a spreadsheet
        flags = {text: text.casefold() for text in set(given)}
        if not all(flag in _TRUE or flag in _FALSE for flag in flags.values()):
            return None
        converted = {text: flag in _TRUE for text, flag in flags.items()}
    elif kind == "list" or kind.startswith("codes:"):  # "a|b" or one item a line, in a spreadsheet
        distinct = list(set(given))
        lists = _list_column(spec, [_as_list(text) for text in distinct], {list}, default)
        if lists is None:
            return None
        converted = dict(zip(distinct, lists, strict=True))
    elif kind.startswith("code:"):
        vocabulary = VOCABULARIES[kind.split(":", 1)[1]]
        if not all(text in vocabulary for text in set(given)):
            return None
        converted = {text: text for text in set(given)}
        if kind == "code:dutch_level" and "onbekend" in converted:
            converted["onbekend"] = None
    else:
        return None
    converted[""] = default
    return [converted[text] for text in texts]


def _list_column(spec: FieldSpec, column: list[Any], kinds: set[type], default: Any) -> list[Any] | None:
    if not kinds <= {list, _NONE}:
        return None
    vocabulary = VOCABULARIES[spec.kind.split(":", 1)[1]] if spec.kind.startswith("codes:") else None
    order = list(vocabulary.codes) if vocabulary is not None else []
    converted: dict[tuple[Any, ...], Any] = {(): default}
    out = []
    for value in column:
        key = tuple(value) if value is not None else ()
        try:
            found = converted.get(key, _MISSING)
        except TypeError:  # an item that is a list or an object: row_from_mapping names it
            return None
        if found is _MISSING:
            if not all(type(item) is str for item in key):
                return None
            items = [item.strip() for item in key if item.strip()]
            if vocabulary is not None:
                if any(item not in vocabulary for item in items):
                    return None
                found = tuple(sorted(set(items), key=order.index))
            else:
                found = tuple(items)
            converted[key] = found
        out.append(found)
    return out
