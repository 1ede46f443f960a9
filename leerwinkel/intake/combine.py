"""Combining two descriptions of one person: what a merge and an import into an existing client keep."""

from __future__ import annotations

import dataclasses

from leerwinkel.intake.types import PersonInput, ThresholdInput

#: Fields shown side by side when merging, in order; each is kept from one of the two records.
CHOOSABLE_FIELDS = (
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
    "dutch_level",
    "education_level",
    "foreign_diploma",
    "foreign_diploma_recognised",
    "detained",
    "prison_site_code",
    "expected_release_date",
    "employment",
    "vdab_registered",
)

#: Fields whose values are joined rather than chosen.
JOINED_FIELDS = ("target_groups", "vulnerabilities", "thresholds", "notes")

_EMPTY = ("", None, "onbekend")


def is_empty(value: object) -> bool:
    return value in _EMPTY


def combine_people(kept: PersonInput, other: PersonInput, *, take: frozenset[str] = frozenset()) -> PersonInput:
    """``kept`` with every choosable field in ``take`` (or empty in ``kept``) filled from ``other``.

    Codes (target groups, vulnerabilities, thresholds) are the union; notes are joined, a note that
    ``kept`` already holds is not repeated. Nothing of either person is dropped without a choice.
    """
    values: dict[str, object] = {}
    for name in CHOOSABLE_FIELDS:
        mine, theirs = getattr(kept, name), getattr(other, name)
        values[name] = theirs if name in take or (is_empty(mine) and not is_empty(theirs)) else mine
    if values["prison_site_code"]:
        values["detained"] = True
    values["target_groups"] = tuple(dict.fromkeys(kept.target_groups + other.target_groups))
    values["vulnerabilities"] = tuple(dict.fromkeys(kept.vulnerabilities + other.vulnerabilities))
    thresholds = {t.code: t for t in other.thresholds}
    for threshold in kept.thresholds:
        theirs = thresholds.get(threshold.code)
        note = threshold.note
        if theirs is not None and theirs.note and theirs.note not in note:
            note = "\n".join(p for p in (note, theirs.note) if p)
        thresholds[threshold.code] = ThresholdInput(threshold.code, note)
    values["thresholds"] = tuple(sorted(thresholds.values(), key=lambda t: t.code))
    values["notes"] = join_notes(kept.notes, other.notes)
    return dataclasses.replace(kept, **values)  # type: ignore[arg-type]


def join_notes(kept: str, other: str) -> str:
    """Both notes, the second left out when the first already holds it."""
    if not other.strip() or other.strip() in kept:
        return kept
    if not kept.strip():
        return other
    return f"{kept}\n{other}"
