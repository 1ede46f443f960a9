"""Reload after a conflict: keep what the counsellor typed, take the rest from the record another desk saved."""

from __future__ import annotations

import dataclasses

from leerwinkel.dates import format_date
from leerwinkel.intake.types import ClientRecord, ConsentInput, ConsentRecord, PersonInput


def merge_person(base: PersonInput, typed: PersonInput, fresh: PersonInput) -> PersonInput:
    """A three-way merge per field: a field typed here (``typed`` differs from ``base``) keeps its text,
    every other field takes the value in ``fresh`` (what the other desk saved)."""
    merged = {
        field.name: getattr(typed, field.name)
        if getattr(typed, field.name) != getattr(base, field.name)
        else getattr(fresh, field.name)
        for field in dataclasses.fields(PersonInput)
    }
    return PersonInput(**merged)


def consent_input(record: ConsentRecord | None) -> ConsentInput:
    if record is None:
        return ConsentInput()
    return ConsentInput(
        record.store_data, record.share_with_provider, record.contact_follow_up, format_date(record.given_on)
    )


def merge_consent(base: ClientRecord, typed: ConsentInput, fresh: ClientRecord) -> ConsentInput:
    """The same per-field rule for the consent answers (the date follows what is kept)."""
    before, now = consent_input(base.consent), consent_input(fresh.consent)
    answers = {
        name: getattr(typed, name) if getattr(typed, name) != getattr(before, name) else getattr(now, name)
        for name in ("store_data", "share_with_provider", "contact_follow_up")
    }
    given_on = typed.given_on if typed.given_on != before.given_on else now.given_on
    return ConsentInput(**answers, given_on=given_on or typed.given_on)
