"""What the intake services take (as typed in a form or a spreadsheet) and return (frozen records)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from leerwinkel.changes import Changes
from leerwinkel.dates import format_date
from leerwinkel.ids import ClientId, IntakeId, SiteId, WishId


@dataclass(frozen=True)
class ThresholdInput:
    code: str
    note: str = ""


@dataclass(frozen=True)
class PersonInput:
    """A client as typed: dates are dd/mm/jjjj text, codes come from leerwinkel.taxonomy."""

    first_name: str = ""
    alias: str = ""
    last_name: str = ""
    birth_date: str = ""
    gender: str = ""
    phone: str = ""
    email: str = ""
    street: str = ""
    postcode: str = ""
    municipality: str = ""
    languages: str = ""
    dutch_level: str = "onbekend"
    education_level: str = ""
    foreign_diploma: str = ""
    foreign_diploma_recognised: bool | None = None
    target_groups: tuple[str, ...] = ()
    detained: bool = False
    prison_site_code: str = ""
    expected_release_date: str = ""
    employment: str = ""
    vdab_registered: bool | None = None
    vulnerabilities: tuple[str, ...] = ()
    thresholds: tuple[ThresholdInput, ...] = ()
    notes: str = ""


@dataclass(frozen=True)
class WishInput:
    category: str
    description: str = ""
    goal: str = ""


@dataclass(frozen=True)
class ConsentInput:
    store_data: bool = False
    share_with_provider: bool = False
    contact_follow_up: bool = False
    given_on: str = ""  # dd/mm/jjjj; empty: today

    def answers(self) -> tuple[bool, bool, bool]:
        return (self.store_data, self.share_with_provider, self.contact_follow_up)


@dataclass(frozen=True)
class IntakeInput:
    """One intake conversation: the person, their wishes, consent, where and how they came in."""

    person: PersonInput
    wishes: tuple[WishInput, ...] = ()
    consent: ConsentInput | None = ConsentInput()  # None: no consent recorded (an import that chose none)
    site_code: str = ""
    channel: str = "inloop"
    referred_by: str = ""
    held_on: str = ""  # dd/mm/jjjj; empty: today
    notes: str = ""
    next_appointment: str = ""  # "dd/mm/jjjj uu:mm" (Brussels time), optional


@dataclass(frozen=True)
class ThresholdRecord:
    code: str
    note: str


@dataclass(frozen=True)
class ConsentRecord:
    store_data: bool
    share_with_provider: bool
    contact_follow_up: bool
    given_on: dt.date
    recorded_by_id: str | None
    recorded_by_name: str


@dataclass(frozen=True)
class ClientRecord:
    """A client as stored, with the version the UI must hand back when it saves a change."""

    id: ClientId
    version: int
    first_name: str
    alias: str
    last_name: str
    birth_date: dt.date | None
    birth_year: int | None
    gender: str
    phone: str
    email: str
    street: str
    postcode: str
    municipality: str
    languages: str
    dutch_level: str
    education_level: str
    foreign_diploma: str
    foreign_diploma_recognised: bool | None
    target_groups: tuple[str, ...]
    detained: bool
    prison_site_code: str
    expected_release_date: dt.date | None
    employment: str
    vdab_registered: bool | None
    vulnerabilities: tuple[str, ...]
    thresholds: tuple[ThresholdRecord, ...]
    notes: str
    consent: ConsentRecord | None
    created_at: dt.datetime
    last_activity_at: dt.datetime | None

    @property
    def display_name(self) -> str:
        return display_name(self.first_name, self.alias, self.last_name)

    def to_input(self) -> PersonInput:
        """The record as form input, to edit it."""
        return PersonInput(
            first_name=self.first_name,
            alias=self.alias,
            last_name=self.last_name,
            birth_date=format_date(self.birth_date),
            gender=self.gender,
            phone=self.phone,
            email=self.email,
            street=self.street,
            postcode=self.postcode,
            municipality=self.municipality,
            languages=self.languages,
            dutch_level=self.dutch_level,
            education_level=self.education_level,
            foreign_diploma=self.foreign_diploma,
            foreign_diploma_recognised=self.foreign_diploma_recognised,
            target_groups=self.target_groups,
            detained=self.detained,
            prison_site_code=self.prison_site_code,
            expected_release_date=format_date(self.expected_release_date),
            employment=self.employment,
            vdab_registered=self.vdab_registered,
            vulnerabilities=self.vulnerabilities,
            thresholds=tuple(ThresholdInput(t.code, t.note) for t in self.thresholds),
            notes=self.notes,
        )


def display_name(first_name: str, alias: str, last_name: str) -> str:
    name = " ".join(part for part in (first_name, last_name) if part)
    if alias and name:
        return f"{name} ({alias})"
    return name or alias


@dataclass(frozen=True)
class ClientSummary:
    """One row of the client list."""

    id: ClientId
    name: str
    birth_year: int | None
    municipality: str
    last_activity_at: dt.datetime | None


@dataclass(frozen=True)
class DuplicateCandidate:
    client: ClientSummary
    reason: str  # "same-name-and-birth-date" | "similar-name-same-municipality"
    score: float


@dataclass(frozen=True)
class IntakeRecord:
    id: IntakeId
    client_id: ClientId
    site_id: SiteId | None
    held_on: dt.date
    channel: str
    referred_by: str
    notes: str
    next_appointment_at: dt.datetime | None


@dataclass(frozen=True)
class WishRecord:
    id: WishId
    client_id: ClientId
    intake_id: IntakeId | None
    category: str
    description: str
    goal: str


@dataclass(frozen=True)
class SavedIntake:
    client: ClientRecord
    intake: IntakeRecord
    wishes: tuple[WishRecord, ...]
    changes: Changes


@dataclass(frozen=True)
class SiteRef:
    id: SiteId
    code: str
    name: str
    kind: str
    own: bool = True  # the Leerwinkel holds intakes here (else: a prison from the list of all prisons)


@dataclass(frozen=True)
class Appointment:
    client_id: ClientId
    client_name: str
    at: dt.datetime
    intake_id: IntakeId


@dataclass(frozen=True)
class TimelineEntry:
    """One line of a client's history.

    ``kind`` is intake, wish, consent, referral, status, letter or contact; ``actor`` is the counsellor
    who did it, ``provider`` the provider a referral, status or letter is about, ``language`` a letter's.
    """

    at: dt.datetime
    kind: str
    title: str
    detail: str = ""
    record_id: str = ""
    actor: str = ""
    provider: str = ""
    language: str = ""
