"""Taking over the old spreadsheet: check every row (and duplicates), then save all of it or nothing.

``preview`` reads, maps and checks a file without writing; ``run`` saves a preview with the user's
choice for each duplicate (skip, merge into the existing client, or import anyway). Both need an
administrator; the import is audited as one ``client.import`` event plus one event per client.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import uuid
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from leerwinkel.actor import Actor, require_admin
from leerwinkel.changes import Changes
from leerwinkel.dates import parse_date
from leerwinkel.errors import InvalidInputError, Problem
from leerwinkel.intake.checked import _validate_intake
from leerwinkel.intake.combine import combine_people, join_notes
from leerwinkel.intake.importer import ImportOptions, ParsedFile, read_file
from leerwinkel.intake.records import _client_record, _load_client, _site_codes
from leerwinkel.intake.saving import client_row, write_intake
from leerwinkel.intake.service import FUZZY_THRESHOLD, ClientService, _record_consent
from leerwinkel.intake.types import ClientSummary, IntakeInput, WishInput
from leerwinkel.intake.validation import Checker
from leerwinkel.security.audit import record as audit
from leerwinkel.storage.models import Intake, LearningWish
from leerwinkel.storage.store import Store
from leerwinkel.text import fold

DUPLICATE_CHOICES = ("skip", "merge", "import")

#: Problem fields as the service names them, and the column field that holds them.
_FIELD_COLUMNS = {"category": "wishes", "description": "wish_description", "goal": "wish_goal"}

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class DuplicateRow:
    """A row that may be a person already known: a client in the database or an earlier row of the file."""

    row: int
    reason: str  # "same-name-and-birth-date" | "similar-name-same-municipality"
    score: float
    client: ClientSummary | None = None
    other_row: int | None = None


@dataclass(frozen=True)
class ImportPlan:
    """What an import would do; ``problems`` refuse it, ``parsed.warnings`` do not."""

    parsed: ParsedFile
    duplicates: tuple[DuplicateRow, ...]
    problems: tuple[Problem, ...]

    @property
    def is_importable(self) -> bool:
        return not self.problems and bool(self.parsed.rows)


@dataclass(frozen=True)
class ImportResult:
    rows: int
    created: int
    merged: int
    skipped: int
    changes: Changes


class TakeoverService:
    """Reads the old spreadsheet and saves it as clients and intakes, all or nothing."""

    def __init__(self, store: Store, clients: ClientService) -> None:
        self.store = store
        self.clients = clients

    def preview(self, path: Path, options: ImportOptions | None = None, *, actor: Actor | None) -> ImportPlan:
        """Read, map and check ``path``; nothing is written. Raises InvalidInputError for an unreadable file."""
        require_admin(actor, "clients.import")
        parsed = read_file(path, options)
        problems = list(parsed.problems) + self._row_problems(parsed)
        known = self._in_database(parsed)  # a client in the database comes before an earlier row
        seen = {d.row for d in known}
        duplicates = sorted(known + [d for d in self._in_file(parsed) if d.row not in seen], key=lambda d: d.row)
        return ImportPlan(parsed, tuple(duplicates), tuple(problems))

    def run(
        self,
        plan: ImportPlan,
        *,
        duplicates: str = "skip",
        choices: Mapping[int, str] | None = None,
        actor: Actor | None,
        progress: Progress | None = None,
    ) -> ImportResult:
        """Save the plan's rows in one unit of work; ``choices`` (row -> skip/merge/import) override ``duplicates``.

        Raises InvalidInputError with every problem when the plan has any; then nothing is saved.
        """
        actor = require_admin(actor, "clients.import")
        if plan.problems:
            raise InvalidInputError(list(plan.problems))
        choices = choices or {}
        decided = {d.row: (d, choices.get(d.row, duplicates)) for d in plan.duplicates}
        forms = _fold_file_duplicates(plan, decided)
        today = self.clients.today()
        now = self.store.now()
        created = merged = 0
        with self.store.unit_of_work() as session:
            sites = _site_codes(session)
            for done, (number, form) in enumerate(forms.items(), start=1):
                duplicate, choice = decided.get(number, (None, "import"))
                target = duplicate.client if duplicate is not None else None
                if target is not None and choice == "merge":
                    self._merge_row(session, number, form, target, sites=sites, actor=actor)
                    merged += 1
                elif target is None or choice == "import":
                    checker = Checker(row=number, file=plan.parsed.file)
                    person, held_on, appointment = _validate_intake(form, checker, today=today, sites=sites)
                    written = write_intake(
                        session,
                        form,
                        person,
                        client=None,
                        held_on=held_on or today,
                        appointment=appointment,
                        sites=sites,
                        today=today,
                        now=now,
                        counsellor=actor,
                    )
                    audit(session, actor, "client.create", "client", written.client_id, detail={"import_row": number})
                    created += 1
                if progress is not None:
                    progress(done, len(forms))
            skipped = len(plan.parsed.rows) - created - merged
            detail = {"rows": len(plan.parsed.rows), "created": created, "merged": merged, "skipped": skipped}
            audit(session, actor, "client.import", "clients", "", detail=detail)
        return ImportResult(len(plan.parsed.rows), created, merged, skipped, Changes(clients=True, intakes=True))

    # -- checks -----------------------------------------------------------------------------------

    def _row_problems(self, parsed: ParsedFile) -> list[Problem]:
        headings: dict[str, str] = {}
        for column in parsed.columns:
            if column.field:
                headings.setdefault(column.field, column.heading)
        problems: list[Problem] = []
        today = self.clients.today()
        with self.store.unit_of_work() as session:
            sites = _site_codes(session)
            for row in parsed.rows:
                checker = Checker(row=row.number, file=parsed.file)
                _validate_intake(row.intake, checker, today=today, sites=sites)
                problems += [_with_column(p, headings) for p in checker.problems]
        return problems

    def _in_database(self, parsed: ParsedFile) -> list[DuplicateRow]:
        found = []
        for row in parsed.rows:
            candidates = self.clients.find_duplicates(row.intake.person)
            if candidates:
                best = candidates[0]
                found.append(DuplicateRow(row.number, best.reason, best.score, client=best.client))
        return found

    def _in_file(self, parsed: ParsedFile) -> list[DuplicateRow]:
        """Rows that repeat an earlier row: the same name and birth date, or a close name in the same town."""
        found: list[DuplicateRow] = []
        exact: dict[tuple[str, str, str], int] = {}
        by_town: dict[tuple[str, str], list[tuple[int, str]]] = defaultdict(list)
        for row in parsed.rows:
            person = row.intake.person
            first, last = fold(person.first_name), fold(person.last_name)
            name = fold(f"{person.first_name} {person.last_name}") or fold(person.alias)
            birth = _date_key(person.birth_date)
            key = (first, last, birth)
            if first and last and birth and key in exact:
                found.append(DuplicateRow(row.number, "same-name-and-birth-date", 1.0, other_row=exact[key]))
                continue
            if first and last and birth:
                exact[key] = row.number
            town = person.municipality.strip()
            if not (name and town):
                continue
            bucket = by_town[(town, name[:1])]
            for number, other in bucket:
                score = _similarity(name, other)
                if score is not None:
                    found.append(DuplicateRow(row.number, "similar-name-same-municipality", score, other_row=number))
                    break
            else:
                bucket.append((row.number, name))
        return found

    # -- writing ----------------------------------------------------------------------------------

    def _merge_row(
        self,
        session: Session,
        number: int,
        form: IntakeInput,
        target: ClientSummary,
        *,
        sites: dict[str, uuid.UUID],
        actor: Actor,
    ) -> None:
        """Fill the existing client's empty fields from the row and add its intake (once per date)."""
        row = _load_client(session, target.id)
        record = _client_record(session, row)
        person = combine_people(record.to_input(), form.person)
        held_on = _held_on(form.held_on) or self.clients.today()
        same_day = session.scalars(select(Intake).where(Intake.client_id == row.id, Intake.held_on == held_on)).first()
        checker = Checker(row=number, file=None)
        merged_form = dataclasses.replace(form, person=person, consent=None if record.consent else form.consent)
        validated, _held, appointment = _validate_intake(merged_form, checker, today=self.clients.today(), sites=sites)
        if checker.problems:  # the combination of two valid records is valid; a guard, not a path
            raise InvalidInputError(checker.problems)
        if same_day is None:
            stored = client_row(session, row.id)
            assert stored is not None
            session.flush()  # nothing of the ORM's copy waits: write_intake writes the client with Core
            write_intake(
                session,
                merged_form,
                validated,
                client=stored,
                held_on=held_on,
                appointment=appointment,
                sites=sites,
                today=self.clients.today(),
                now=self.store.now(),
                counsellor=actor,
            )
            session.expunge(row)  # written with Core, last activity included: the ORM copies are stale
        else:
            validated.apply(row)
            validated.apply_children(row)
            have = {w.category for w in row.wishes}
            for wish in form.wishes:
                if wish.category not in have:
                    session.add(
                        LearningWish(client=row, intake=same_day, category=wish.category, description=wish.description)
                    )
            if merged_form.consent is not None:
                _record_consent(session, row, merged_form.consent, today=self.clients.today(), counsellor_id=actor.id)
            row.last_activity_at = self.store.now()
            session.flush()
        audit(session, actor, "client.update", "client", target.id, detail={"import_row": number})


def _fold_file_duplicates(plan: ImportPlan, decided: Mapping[int, tuple[DuplicateRow, str]]) -> dict[int, IntakeInput]:
    """The forms to save, in file order: a row that repeats an earlier one is skipped or merged into it."""
    forms = {row.number: row.intake for row in plan.parsed.rows}
    for number in sorted(forms):
        duplicate, choice = decided.get(number, (None, "import"))
        if duplicate is None or duplicate.other_row is None or choice == "import":
            continue
        form = forms.pop(number)
        if choice == "merge" and duplicate.other_row in forms:
            forms[duplicate.other_row] = _combine_forms(forms[duplicate.other_row], form)
    return forms


def _combine_forms(kept: IntakeInput, other: IntakeInput) -> IntakeInput:
    wishes: list[WishInput] = list(kept.wishes)
    wishes += [w for w in other.wishes if all(k.category != w.category for k in wishes)]
    return dataclasses.replace(
        kept,
        person=combine_people(kept.person, other.person),
        wishes=tuple(wishes),
        notes=join_notes(kept.notes, other.notes),
        consent=kept.consent or other.consent,
    )


def _with_column(problem: Problem, headings: Mapping[str, str]) -> Problem:
    field = _FIELD_COLUMNS.get(problem.field or "", problem.field or "")
    heading = headings.get(field)
    if not heading:
        return problem
    return dataclasses.replace(problem, details={**problem.details, "column": heading})


def _date_key(text: str) -> str:
    try:
        return parse_date(text).isoformat() if text.strip() else ""
    except ValueError:
        return ""


def _held_on(text: str) -> dt.date | None:
    try:
        return parse_date(text) if text.strip() else None
    except ValueError:
        return None


def _similarity(name: str, other: str) -> float | None:
    matcher = difflib.SequenceMatcher(None, name, other)
    if matcher.real_quick_ratio() < FUZZY_THRESHOLD or matcher.quick_ratio() < FUZZY_THRESHOLD:
        return None
    score = matcher.ratio()
    return round(score, 3) if score >= FUZZY_THRESHOLD else None


__all__ = ["DUPLICATE_CHOICES", "DuplicateRow", "ImportPlan", "ImportResult", "TakeoverService"]
