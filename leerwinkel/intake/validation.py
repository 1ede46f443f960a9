"""Checks for what a counsellor types: Dutch dates, Belgian postcodes, phone numbers, e-mail, codes."""

from __future__ import annotations

import datetime as dt
import re

from leerwinkel.dates import parse_date
from leerwinkel.errors import Problem
from leerwinkel.taxonomy import Vocabulary

_POSTCODE = re.compile(r"^[1-9]\d{3}$")
_PHONE_ALLOWED = re.compile(r"^\+?[\d\s./()-]+$")
_EMAIL = re.compile(r"^[^@\s<>\"']+@[^@\s<>\"']+\.[A-Za-z]{2,}$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _is_encodable(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


class Checker:
    """Collects every problem of one form or row, so the user sees them all at once."""

    def __init__(self, *, row: int | None = None, file: str | None = None) -> None:
        self.problems: list[Problem] = []
        self.row = row
        self.file = file

    def add(self, reason: str, field: str, **details: object) -> None:
        self.problems.append(Problem(reason=reason, field=field, row=self.row, file=self.file, details=details))

    def text(self, field: str, value: str, *, maximum: int, multiline: bool = False) -> str:
        value = value.strip()
        if len(value) > maximum:
            self.add("too-long", field, maximum=maximum)
            return value
        if not _is_encodable(value):  # a lone surrogate (broken UTF-16 from a paste or a file)
            self.add("control-characters", field)
            return value
        checked = value.replace("\n", "").replace("\r", "").replace("\t", "") if multiline else value
        if _CONTROL.search(checked) or (not multiline and ("\n" in value or "\r" in value)):
            self.add("control-characters", field)
        return value

    def date(
        self, field: str, value: str, *, not_after: dt.date | None = None, not_before: dt.date | None = None
    ) -> dt.date | None:
        """A dd/mm/jjjj date, or None when empty; ``not_after``/``not_before`` bound it (problems added)."""
        value = value.strip()
        if not value:
            return None
        try:
            parsed = parse_date(value)
        except ValueError:
            self.add("bad-date", field, value=value)
            return None
        if parsed.year < 1900:
            self.add("too-old-date", field, value=value)
            return None
        if not_before is not None and parsed < not_before:
            self.add("too-old-date" if not_after is not None else "past-date", field, value=value)
            return None
        if not_after is not None and parsed > not_after:
            self.add("future-date", field, value=value)
            return None
        return parsed

    def postcode(self, field: str, value: str) -> str:
        value = value.strip()
        if value and not _POSTCODE.match(value):
            self.add("bad-postcode", field, value=value)
        return value

    def phone(self, field: str, value: str) -> str:
        value = value.strip()
        if not value:
            return value
        digits = re.sub(r"\D", "", value)
        if not _PHONE_ALLOWED.match(value) or not 8 <= len(digits) <= 15:
            self.add("bad-phone", field, value=value)
        return value

    def email(self, field: str, value: str) -> str:
        value = value.strip()
        if value and (len(value) > 200 or not _EMAIL.match(value)):
            self.add("bad-email", field, value=value)
        return value

    def code(self, field: str, value: str, vocabulary: Vocabulary) -> str:
        problem = vocabulary.problem(value, field=field)
        if problem is not None:
            self.problems.append(
                Problem(reason=problem.reason, field=field, row=self.row, file=self.file, details=problem.details)
            )
        return value

    def codes(self, field: str, values: tuple[str, ...], vocabulary: Vocabulary) -> tuple[str, ...]:
        for value in values:
            self.code(field, value, vocabulary)
        return tuple(dict.fromkeys(values))
