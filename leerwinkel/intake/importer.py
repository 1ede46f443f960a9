"""Taking over the old spreadsheet: read CSV or XLSX, map the columns, turn each row into intake input.

Nothing here touches the database: :mod:`leerwinkel.intake.takeover` checks duplicates and saves.
A column that cannot be mapped does not block the file; a value that cannot be placed becomes
"andere" with the text kept, and both are reported as warnings. Problems that would store
something wrong (a ragged row, a date that is no date) are collected for every row.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from leerwinkel.errors import InvalidInputError, Problem
from leerwinkel.intake import columns
from leerwinkel.intake.checked import EMPLOYMENT
from leerwinkel.intake.types import ConsentInput, IntakeInput, PersonInput, ThresholdInput, WishInput
from leerwinkel.messages import _
from leerwinkel.tableread import ReadLimits, Table, read_table
from leerwinkel.taxonomy import (
    INTAKE_CHANNELS,
    TARGET_GROUPS,
    THRESHOLDS,
    VULNERABILITIES,
    WISH_CATEGORIES,
    Vocabulary,
)
from leerwinkel.text import fold

UNKNOWN_CHOICES = ("notes", "ignore")
CONSENT_SCOPES = ("store", "share", "contact")


@dataclass(frozen=True)
class ConsentChoice:
    """The consent the Leerwinkel holds for the people in the file, chosen by whoever imports."""

    store_data: bool = False
    share_with_provider: bool = False
    contact_follow_up: bool = False
    given_on: str = ""  # dd/mm/jjjj; empty: the day of the import

    @classmethod
    def parse(cls, text: str, *, given_on: str = "") -> ConsentChoice:
        """``none`` or ``store[,share][,contact]`` (as on the command line)."""
        scopes = [s.strip() for s in fold(text).split(",") if s.strip()]
        if scopes == ["none"]:
            return cls(given_on=given_on)
        unknown = [s for s in scopes if s not in CONSENT_SCOPES]
        if unknown or not scopes:
            allowed = "none, " + ", ".join(CONSENT_SCOPES)
            raise InvalidInputError.single("unknown-code", field="consent", value=text, allowed=allowed)
        return cls("store" in scopes, "share" in scopes, "contact" in scopes, given_on)


@dataclass(frozen=True)
class ImportOptions:
    """How to read a file: an optional mapping (heading -> field), and what to do with unknown columns."""

    mapping: Mapping[str, str] = field(default_factory=dict)
    unknown: str = "notes"  # UNKNOWN_CHOICES
    consent: ConsentChoice | None = None  # None: no consent recorded for rows without consent columns
    limits: ReadLimits = field(default_factory=ReadLimits)


@dataclass(frozen=True)
class ColumnInfo:
    heading: str
    field: str  # "" when not recognised


@dataclass(frozen=True)
class ImportRow:
    number: int
    intake: IntakeInput


@dataclass(frozen=True)
class ParsedFile:
    """The file read and mapped: columns, rows, warnings (imported anyway) and problems (refused)."""

    file: str
    encoding: str
    delimiter: str
    columns: tuple[ColumnInfo, ...]
    rows: tuple[ImportRow, ...]
    warnings: tuple[Problem, ...]
    problems: tuple[Problem, ...]
    preview: tuple[tuple[int, tuple[str, ...]], ...]  # the first rows as typed, for the window

    @property
    def unknown_columns(self) -> tuple[str, ...]:
        return tuple(c.heading for c in self.columns if not c.field)


def load_mapping(path: Path) -> dict[str, str]:
    """A JSON object {"column heading": "field"}; an empty field ignores the column."""
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError) as error:
        raise InvalidInputError([Problem("bad-mapping", field="mapping", file=path.name)]) from error
    if not isinstance(data, dict) or not all(isinstance(k, str) and isinstance(v, str | None) for k, v in data.items()):
        raise InvalidInputError([Problem("bad-mapping", field="mapping", file=path.name)])
    problems = [
        Problem(
            "unknown-code", field="mapping", file=path.name, details={"value": v, "allowed": ", ".join(columns.FIELDS)}
        )
        for v in data.values()
        if v and v not in columns.FIELDS
    ]
    if problems:
        raise InvalidInputError(problems)
    return {k: v or "" for k, v in data.items()}


def read_file(path: Path, options: ImportOptions | None = None) -> ParsedFile:
    """Read and map a whole file; raises InvalidInputError only when the file itself cannot be read."""
    options = options or ImportOptions()
    table = read_table(path, limits=options.limits)
    mapped = [ColumnInfo(h, columns.field_of(h, options.mapping) or "") for h in table.heading]
    rows: list[ImportRow] = []
    warnings: list[Problem] = []
    problems: list[Problem] = []
    for number, cells in table.rows:
        row = _RowReader(table, mapped, number, options)
        intake = row.read(cells)
        warnings.extend(row.warnings)
        problems.extend(row.problems)
        if intake is not None:
            rows.append(ImportRow(number, intake))
    if not table.rows:
        problems.append(Problem("no-clients-in-file", file=table.file))
    return ParsedFile(
        file=table.file,
        encoding=table.encoding,
        delimiter=table.delimiter_name,
        columns=tuple(mapped),
        rows=tuple(rows),
        warnings=tuple(warnings),
        problems=tuple(problems),
        preview=table.rows[:10],
    )


class _RowReader:
    """One row: cells to field values to intake input, noting warnings and problems with row and column."""

    def __init__(self, table: Table, mapped: list[ColumnInfo], number: int, options: ImportOptions) -> None:
        self.table = table
        self.mapped = mapped
        self.number = number
        self.options = options
        self.warnings: list[Problem] = []
        self.problems: list[Problem] = []
        self.heading_of: dict[str, str] = {}
        self.unplaced: dict[str, tuple[str, ...]] = {}

    def note(self, reason: str, column: str, **details: object) -> None:
        self.warnings.append(
            Problem(reason, file=self.table.file, row=self.number, details={"column": column, **details})
        )

    def read(self, cells: tuple[str, ...]) -> IntakeInput | None:
        if len(cells) > len(self.mapped):
            found = len(cells)
            self.problems.append(
                Problem(
                    "column-count",
                    file=self.table.file,
                    row=self.number,
                    details={"found": found, "expected": len(self.mapped)},
                )
            )
            return None
        values: dict[str, list[str]] = {}
        notes: list[str] = []
        for index, column in enumerate(self.mapped):
            text = cells[index].strip() if index < len(cells) else ""
            if not text:
                continue
            heading = column.heading or _("kolom {number}").format(number=index + 1)
            if not column.field:
                if self.options.unknown == "notes":
                    notes.append(f"{heading}: {text}")
                continue
            if column.field in columns.SINGLE_FIELDS and column.field in values:
                notes.append(f"{heading}: {text}")  # a second phone or e-mail column: kept, not lost
                continue
            values.setdefault(column.field, []).append(text)
            self.heading_of.setdefault(column.field, heading)
        return self.intake(values, notes)

    def one(self, values: dict[str, list[str]], name: str) -> str:
        return values.get(name, [""])[0]

    def intake(self, values: dict[str, list[str]], notes: list[str]) -> IntakeInput:
        get = self.one
        column = self.heading_of.get
        street = " ".join(p for p in (get(values, "street"), get(values, "house_number")) if p)
        target_groups = self.codes(values, "target_groups", TARGET_GROUPS, notes)
        vulnerabilities = self.codes(values, "vulnerabilities", VULNERABILITIES, notes)
        thresholds = [ThresholdInput(c) for c in self.codes(values, "thresholds", THRESHOLDS, None) if c != "andere"]
        if self.unplaced.get("thresholds"):
            thresholds.append(ThresholdInput("andere", "; ".join(self.unplaced["thresholds"])))
        level = "onbekend"
        if get(values, "dutch_level"):
            found = columns.dutch_level(get(values, "dutch_level"))
            if found is None:
                self.note("level-not-placed", column("dutch_level", ""), value=get(values, "dutch_level"))
                notes.append(f"{column('dutch_level', '')}: {get(values, 'dutch_level')}")
            level = found or "onbekend"
        person = PersonInput(
            first_name=get(values, "first_name"),
            alias=get(values, "alias"),
            last_name=get(values, "last_name"),
            birth_date=get(values, "birth_date"),
            gender=get(values, "gender"),
            phone=get(values, "phone"),
            email=get(values, "email"),
            street=street,
            postcode=get(values, "postcode"),
            municipality=get(values, "municipality"),
            languages=get(values, "languages"),
            dutch_level=level,
            education_level=get(values, "education_level"),
            foreign_diploma=get(values, "foreign_diploma"),
            foreign_diploma_recognised=self.flag(values, "foreign_diploma_recognised"),
            target_groups=target_groups,
            detained=bool(self.flag(values, "detained")) or bool(get(values, "prison_site_code")),
            prison_site_code=get(values, "prison_site_code"),
            expected_release_date=get(values, "expected_release_date"),
            employment=self.employment(values, notes),
            vdab_registered=self.flag(values, "vdab_registered"),
            vulnerabilities=vulnerabilities,
            thresholds=tuple(thresholds),
            notes="\n".join([*values.get("notes", []), *notes]),
        )
        intake_notes = list(values.get("intake_notes", []))
        if get(values, "counsellor"):
            intake_notes.append(_("Begeleider: {name}").format(name=get(values, "counsellor")))
        return IntakeInput(
            person=person,
            wishes=self.wishes(values),
            consent=self.consent(values),
            site_code=get(values, "site"),
            channel=self.channel(values),
            referred_by=get(values, "referred_by"),
            held_on=get(values, "held_on"),
            notes="\n".join(intake_notes),
        )

    def codes(
        self, values: dict[str, list[str]], name: str, vocabulary: Vocabulary, notes: list[str] | None
    ) -> tuple[str, ...]:
        """The codes of a multi-value cell; what cannot be placed becomes "andere" (and a line in ``notes``)."""
        found: list[str] = []
        left: list[str] = []
        for text in values.get(name, []):
            placed = columns.place_codes(text, vocabulary)
            found += [c for c in placed.codes if c not in found]
            left += placed.unplaced
        for text in left:
            reason = "value-as-other" if notes is not None else "threshold-as-other"
            self.note(reason, self.heading_of.get(name, ""), value=text)
            if notes is not None:
                notes.append(f"{self.heading_of.get(name, '')}: {text}")
        if left and "andere" not in found:
            found.append("andere")
        self.unplaced[name] = tuple(left)
        return tuple(found)

    def wishes(self, values: dict[str, list[str]]) -> tuple[WishInput, ...]:
        description, goal = self.one(values, "wish_description"), self.one(values, "wish_goal")
        wishes: list[WishInput] = []
        for text in values.get("wishes", []):
            placed = columns.place_codes(text, WISH_CATEGORIES)
            for code in placed.codes:
                if all(w.category != code for w in wishes):
                    wishes.append(WishInput(code, text if len(placed.codes) == 1 else ""))
            for part in placed.unplaced:
                self.note("wish-as-other", self.heading_of.get("wishes", ""), value=part)
                wishes.append(WishInput("andere", part))
        if wishes and (description or goal):
            first = wishes[0]
            joined = "\n".join(p for p in (first.description, description) if p)
            wishes[0] = WishInput(first.category, joined, goal)
        elif description or goal:
            wishes.append(WishInput("andere", description, goal))
        return tuple(wishes)

    def flag(self, values: dict[str, list[str]], name: str) -> bool | None:
        text = self.one(values, name)
        if not text:
            return None
        answer = columns.flag(text)
        if answer is None:
            self.note("flag-not-placed", self.heading_of.get(name, ""), value=text)
        return answer

    def employment(self, values: dict[str, list[str]], notes: list[str]) -> str:
        text = self.one(values, "employment")
        if not text:
            return ""
        code = columns.place_one(text, EMPLOYMENT)
        if code is None:
            self.note("value-as-other", self.heading_of.get("employment", ""), value=text)
            notes.append(f"{self.heading_of.get('employment', '')}: {text}")
            return "andere"
        return code

    def channel(self, values: dict[str, list[str]]) -> str:
        text = self.one(values, "channel")
        code = columns.place_one(text, INTAKE_CHANNELS) if text else "inloop"
        if code is None:
            self.note("channel-not-placed", self.heading_of.get("channel", ""), value=text)
            return "inloop"
        return code

    def consent(self, values: dict[str, list[str]]) -> ConsentInput | None:
        names = ("consent_store", "consent_share", "consent_contact")
        if any(self.one(values, n) for n in names):
            store, share, contact = (bool(self.flag(values, n)) for n in names)
            return ConsentInput(store, share, contact, self.one(values, "consent_given_on"))
        choice = self.options.consent
        if choice is None:
            return None
        return ConsentInput(choice.store_data, choice.share_with_provider, choice.contact_follow_up, choice.given_on)
