"""An intake form's input checked and turned into the values that are stored (no session work here).

Shared by the reads (:mod:`leerwinkel.intake.service`) and the writes (:mod:`leerwinkel.intake.saving`).
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Sequence
from typing import Any, TypeVar

from leerwinkel.dates import local_to_utc, parse_time
from leerwinkel.intake.types import (
    IntakeInput,
    PersonInput,
)
from leerwinkel.intake.validation import Checker
from leerwinkel.storage.models import (
    Client,
    ClientTargetGroup,
    ClientThreshold,
    ClientVulnerability,
)
from leerwinkel.taxonomy import (
    DUTCH_LEVELS,
    INTAKE_CHANNELS,
    TARGET_GROUPS,
    THRESHOLDS,
    VULNERABILITIES,
    WISH_CATEGORIES,
    Term,
    Vocabulary,
)
from leerwinkel.text import fold

log = logging.getLogger(__name__)

#: The oldest birth date the form accepts: today minus this many years (older is a typing error).
OLDEST_AGE_YEARS = 120

_Coded = TypeVar("_Coded", ClientTargetGroup, ClientVulnerability)

EMPLOYMENT = Vocabulary(
    "employment",
    [
        Term("", "Onbekend", "Unknown"),
        Term("werkzoekend", "Werkzoekend", "Jobseeker"),
        Term("werkend", "Werkend", "Employed"),
        Term("uitkering", "Leefloon of uitkering", "On benefits"),
        Term("student", "Student", "Student"),
        Term("niet-beschikbaar", "Niet beschikbaar voor werk", "Not available for work"),
        Term("andere", "Andere", "Other"),
    ],
)

_PERSON_TEXT_LIMITS = {
    "first_name": 100,
    "alias": 100,
    "last_name": 100,
    "gender": 20,
    "street": 200,
    "municipality": 100,
    "languages": 200,
    "education_level": 100,
    "foreign_diploma": 200,
}


def search_key(first_name: str, alias: str, last_name: str) -> str:
    return fold(" ".join(part for part in (first_name, last_name, alias) if part))


class ValidatedPerson:
    """A PersonInput checked and converted to stored values (problems collected, never raised here)."""

    def __init__(self, person: PersonInput, checker: Checker, *, today: dt.date, sites: dict[str, uuid.UUID]) -> None:
        c = checker
        self.text = {
            name: c.text(name, getattr(person, name), maximum=limit) for name, limit in _PERSON_TEXT_LIMITS.items()
        }
        if not self.text["first_name"] and not self.text["alias"]:
            c.add("name-required", "first_name")
        oldest = today.replace(year=today.year - OLDEST_AGE_YEARS, day=min(today.day, 28))
        self.birth_date = c.date("birth_date", person.birth_date, not_after=today, not_before=oldest)
        # A release date in the past would be printed as "expected release date": refuse it (found 11).
        self.expected_release_date = c.date(
            "expected_release_date", person.expected_release_date, not_before=today if person.detained else None
        )
        self.postcode = c.postcode("postcode", person.postcode)
        self.phone = c.phone("phone", person.phone)
        self.email = c.email("email", person.email)
        self.dutch_level = c.code("dutch_level", person.dutch_level or "onbekend", DUTCH_LEVELS)
        self.employment = c.code("employment", person.employment, EMPLOYMENT)
        self.target_groups = c.codes("target_groups", person.target_groups, TARGET_GROUPS)
        self.vulnerabilities = c.codes("vulnerabilities", person.vulnerabilities, VULNERABILITIES)
        self.thresholds: dict[str, str] = {}
        for threshold in person.thresholds:
            c.code("thresholds", threshold.code, THRESHOLDS)
            self.thresholds[threshold.code] = c.text("thresholds", threshold.note, maximum=2000, multiline=True)
        self.notes = c.text("notes", person.notes, maximum=20000, multiline=True)
        self.prison_site_id: uuid.UUID | None = None
        if person.detained and person.prison_site_code:
            self.prison_site_id = sites.get(person.prison_site_code)
            if self.prison_site_id is None:
                c.add("unknown-code", "prison_site_code", value=person.prison_site_code, allowed=", ".join(sites))
        self.person = person

    def columns(self) -> dict[str, Any]:
        """The client's columns as this person sets them (by name; :meth:`apply` sets the same values)."""
        p = self.person
        values: dict[str, Any] = dict(self.text)
        values.update(
            birth_date=self.birth_date,
            birth_year=self.birth_date.year if self.birth_date else None,
            phone=self.phone,
            email=self.email,
            postcode=self.postcode,
            dutch_level=self.dutch_level,
            foreign_diploma_recognised=p.foreign_diploma_recognised,
            detained=p.detained,
            prison_site_id=self.prison_site_id if p.detained else None,
            expected_release_date=self.expected_release_date if p.detained else None,
            employment=self.employment,
            vdab_registered=p.vdab_registered,
            notes=self.notes,
            search_key=search_key(self.text["first_name"], self.text["alias"], self.text["last_name"]),
        )
        return values

    def apply(self, client: Client) -> None:
        for name, value in self.columns().items():
            setattr(client, name, value)

    def apply_children(self, client: Client, *, intake_id: uuid.UUID | None = None) -> None:
        """Target groups, vulnerabilities and thresholds (new thresholds remember the intake)."""
        _sync_codes(client.target_groups, self.target_groups, ClientTargetGroup)
        _sync_codes(client.vulnerabilities, self.vulnerabilities, ClientVulnerability)
        existing = {t.code: t for t in client.thresholds}
        for code, row in existing.items():
            if code not in self.thresholds:
                client.thresholds.remove(row)
        for code, note in self.thresholds.items():
            if code in existing:
                if existing[code].note != note:
                    existing[code].note = note
            else:
                client.thresholds.append(ClientThreshold(code=code, note=note, intake_id=intake_id))


def _sync_codes(rows: list[_Coded], codes: Sequence[str], cls: type[_Coded]) -> None:
    wanted = set(codes)
    for row in list(rows):
        if row.code not in wanted:
            rows.remove(row)
    have = {row.code for row in rows}
    for code in codes:
        if code not in have:
            rows.append(cls(code=code))


def _validate_intake(
    form: IntakeInput, checker: Checker, *, today: dt.date, sites: dict[str, uuid.UUID]
) -> tuple[ValidatedPerson, dt.date | None, dt.datetime | None]:
    person = ValidatedPerson(form.person, checker, today=today, sites=sites)
    for wish in form.wishes:
        if not wish.category:
            checker.add("required", "category")
            continue
        checker.code("category", wish.category, WISH_CATEGORIES)
        checker.text("description", wish.description, maximum=5000, multiline=True)
        checker.text("goal", wish.goal, maximum=5000, multiline=True)
    checker.code("channel", form.channel, INTAKE_CHANNELS)
    checker.text("referred_by", form.referred_by, maximum=200)
    checker.text("intake_notes", form.notes, maximum=20000, multiline=True)
    if form.site_code and form.site_code not in sites:
        checker.add("unknown-code", "site", value=form.site_code, allowed=", ".join(sites))
    held_on = checker.date("held_on", form.held_on, not_after=today)
    if form.consent is not None:
        checker.date("consent_given_on", form.consent.given_on, not_after=today)
    appointment = None
    text = form.next_appointment.strip()
    if text:
        day_text, _, time_text = text.partition(" ")
        day = checker.date("next_appointment", day_text)
        try:
            moment = parse_time(time_text.strip() or "09:00")
        except ValueError:
            checker.add("bad-time", "next_appointment", value=time_text)
        else:
            if day is not None:
                appointment = local_to_utc(day, moment)
    return person, held_on, appointment
