"""Taking over the old spreadsheet: read CSV or XLSX, map the columns, turn rows into intakes."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from collections.abc import Mapping
from pathlib import Path

from leerwinkel.errors import InvalidInputError, Problem
from leerwinkel.intake.types import ConsentInput, IntakeInput, PersonInput, ThresholdInput, WishInput
from leerwinkel.intake.validation import fold
from leerwinkel.taxonomy import (
    DUTCH_LEVELS,
    INTAKE_CHANNELS,
    TARGET_GROUPS,
    THRESHOLDS,
    VULNERABILITIES,
    WISH_CATEGORIES,
    Vocabulary,
)

PERSON_FIELDS = tuple(f.name for f in dataclasses.fields(PersonInput))
EXTRA_FIELDS = (
    "wishes",
    "wish_description",
    "wish_goal",
    "held_on",
    "site",
    "channel",
    "referred_by",
    "intake_notes",
    "consent_store",
    "consent_share",
    "consent_contact",
    "consent_given_on",
)
FIELDS = PERSON_FIELDS + EXTRA_FIELDS
IGNORE = ""

#: Usual column headings of the old spreadsheets (folded), and the field each one fills.
DEFAULT_HEADINGS: dict[str, str] = {
    "voornaam": "first_name",
    "roepnaam": "alias",
    "alias": "alias",
    "familienaam": "last_name",
    "achternaam": "last_name",
    "naam": "last_name",
    "geboortedatum": "birth_date",
    "geslacht": "gender",
    "gender": "gender",
    "telefoon": "phone",
    "gsm": "phone",
    "e-mail": "email",
    "email": "email",
    "straat": "street",
    "adres": "street",
    "postcode": "postcode",
    "gemeente": "municipality",
    "woonplaats": "municipality",
    "talen": "languages",
    "niveau nederlands": "dutch_level",
    "opleidingsniveau": "education_level",
    "opleiding": "education_level",
    "buitenlands diploma": "foreign_diploma",
    "diploma erkend": "foreign_diploma_recognised",
    "doelgroep": "target_groups",
    "doelgroepen": "target_groups",
    "gedetineerd": "detained",
    "gevangenis": "prison_site_code",
    "verwachte vrijlating": "expected_release_date",
    "werksituatie": "employment",
    "vdab": "vdab_registered",
    "kwetsbaarheden": "vulnerabilities",
    "drempels": "thresholds",
    "notities": "notes",
    "leerwens": "wishes",
    "leerwensen": "wishes",
    "omschrijving leerwens": "wish_description",
    "doel": "wish_goal",
    "datum intake": "held_on",
    "intakedatum": "held_on",
    "locatie": "site",
    "kanaal": "channel",
    "doorverwezen door": "referred_by",
    "notities intake": "intake_notes",
    "toestemming opslaan": "consent_store",
    "toestemming delen": "consent_share",
    "toestemming contact": "consent_contact",
    "datum toestemming": "consent_given_on",
}

_TRUE = {"ja", "j", "yes", "y", "1", "waar", "true", "x"}
_FALSE = {"nee", "n", "no", "0", "onwaar", "false", ""}


def read_table(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The heading and the numbered rows of a CSV (comma or semicolon) or the first XLSX sheet; blanks skipped."""
    try:
        if path.suffix.lower() == ".xlsx":
            from openpyxl import load_workbook

            workbook = load_workbook(path, read_only=True, data_only=True)
            sheet = workbook.worksheets[0]
            cells = [["" if v is None else _cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
            workbook.close()
        else:
            text = path.read_bytes().decode("utf-8-sig")
            cells = [list(row) for row in csv.reader(io.StringIO(text), delimiter=_delimiter(text))]
    except (OSError, UnicodeDecodeError, csv.Error, ValueError, KeyError) as error:
        raise InvalidInputError([Problem("unreadable-client-file", file=path.name)]) from error
    except Exception as error:  # openpyxl raises its own zip/XML errors for a file that is not XLSX
        raise InvalidInputError([Problem("unreadable-client-file", file=path.name)]) from error
    numbered = [(number, row) for number, row in enumerate(cells, start=1) if any(c.strip() for c in row)]
    if len(numbered) < 2:
        raise InvalidInputError([Problem("no-clients-in-file", file=path.name)])
    return [c.strip() for c in numbered[0][1]], numbered[1:]


def _delimiter(text: str) -> str:
    """The separator the heading line uses most: semicolon (Belgian Excel), comma or tab.

    Not csv.Sniffer: it gives up on a one-column file or on a first rows with a very long cell.
    """
    heading = next((line for line in text.splitlines() if line.strip()), "")
    counts = {separator: heading.count(separator) for separator in (";", ",", "\t")}
    best = max(counts, key=lambda separator: counts[separator])
    return best if counts[best] else ","


def _cell_text(value: object) -> str:
    import datetime as dt

    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def load_mapping(path: Path) -> dict[str, str]:
    """A JSON object {"column heading": "field"}; an empty field ignores the column."""
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError) as error:
        raise InvalidInputError([Problem("bad-mapping", field="mapping", file=path.name)]) from error
    if not isinstance(data, dict) or not all(isinstance(k, str) and isinstance(v, str | None) for k, v in data.items()):
        raise InvalidInputError([Problem("bad-mapping", field="mapping", file=path.name)])
    problems = [
        Problem("unknown-code", field="mapping", file=path.name, details={"value": v, "allowed": ", ".join(FIELDS)})
        for v in data.values()
        if v and v not in FIELDS
    ]
    if problems:
        raise InvalidInputError(problems)
    return {fold(k): v or IGNORE for k, v in data.items()}


def map_columns(heading: list[str], mapping: Mapping[str, str], *, file: str) -> list[str]:
    """The field of each column; unknown headings are refused so nothing is silently dropped."""
    fields: list[str] = []
    problems: list[Problem] = []
    for title in heading:
        key = fold(title)
        field = mapping.get(key, DEFAULT_HEADINGS.get(key, key if key in FIELDS else None))
        if field is None:
            allowed = ", ".join(sorted(set(DEFAULT_HEADINGS) | set(FIELDS)))
            problems.append(
                Problem("unknown-client-column", file=file, row=1, details={"value": title, "allowed": allowed})
            )
            field = IGNORE
        fields.append(field)
    if problems:
        raise InvalidInputError(problems)
    return fields


def _code(text: str, vocabulary: Vocabulary) -> str:
    """A code from its code or its Dutch label (any case, with or without accents)."""
    folded = fold(text)
    for term in vocabulary:
        if folded in (fold(term.code), fold(term.label_nl)):
            return term.code
    return text.strip()


def _codes(text: str, vocabulary: Vocabulary) -> tuple[str, ...]:
    parts = [p for p in text.replace(";", ",").split(",") if p.strip()]
    return tuple(_code(p, vocabulary) for p in parts)


def _flag(text: str) -> bool | None:
    folded = fold(text)
    if folded in _TRUE:
        return True
    if folded in _FALSE:
        return False if folded else None
    return None


def row_to_intake(values: Mapping[str, str]) -> IntakeInput:
    """One spreadsheet row (field -> text) as intake input; the service validates it."""
    get = values.get
    person = PersonInput(
        **{name: get(name, "").strip() for name in PERSON_FIELDS if name in _TEXT_FIELDS},
        dutch_level=_code(get("dutch_level", ""), DUTCH_LEVELS) if get("dutch_level", "").strip() else "onbekend",
        foreign_diploma_recognised=_flag(get("foreign_diploma_recognised", "")),
        target_groups=_codes(get("target_groups", ""), TARGET_GROUPS),
        detained=bool(_flag(get("detained", ""))),
        vdab_registered=_flag(get("vdab_registered", "")),
        vulnerabilities=_codes(get("vulnerabilities", ""), VULNERABILITIES),
        thresholds=tuple(ThresholdInput(code) for code in _codes(get("thresholds", ""), THRESHOLDS)),
    )
    categories = _codes(get("wishes", ""), WISH_CATEGORIES)
    wishes = tuple(
        WishInput(c, get("wish_description", "") if i == 0 else "", get("wish_goal", "") if i == 0 else "")
        for i, c in enumerate(categories)
    )
    channel = get("channel", "").strip()
    return IntakeInput(
        person=person,
        wishes=wishes,
        consent=ConsentInput(
            store_data=bool(_flag(get("consent_store", ""))),
            share_with_provider=bool(_flag(get("consent_share", ""))),
            contact_follow_up=bool(_flag(get("consent_contact", ""))),
            given_on=get("consent_given_on", ""),
        ),
        site_code=get("site", "").strip(),
        channel=_code(channel, INTAKE_CHANNELS) if channel else "inloop",
        referred_by=get("referred_by", ""),
        held_on=get("held_on", ""),
        notes=get("intake_notes", ""),
    )


_TEXT_FIELDS = frozenset(
    {
        "first_name",
        "alias",
        "last_name",
        "birth_date",
        "gender",
        "phone",
        "email",
        "street",
        "postcode",
        "municipality",
        "languages",
        "education_level",
        "foreign_diploma",
        "prison_site_code",
        "expected_release_date",
        "employment",
        "notes",
    }
)


def read_intakes(path: Path, *, mapping: Mapping[str, str] | None = None) -> list[tuple[int, IntakeInput]]:
    """Every row of the file as intake input, with its row number in the spreadsheet."""
    heading, rows = read_table(path)
    fields = map_columns(heading, mapping or {}, file=path.name)
    intakes = []
    for number, row in rows:
        values = {field: (row[i] if i < len(row) else "") for i, field in enumerate(fields) if field}
        intakes.append((number, row_to_intake(values)))
    return intakes
