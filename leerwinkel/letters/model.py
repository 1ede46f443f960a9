"""What a letter is made of: frozen snapshots of the data, the options chosen, and the result."""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
from dataclasses import dataclass, field

from leerwinkel.errors import InvalidInputError, Problem
from leerwinkel.ids import ClientId, CounsellorId, LetterId, ReferralId
from leerwinkel.messages import _, field_label


class LetterKind(enum.Enum):
    REFERRAL = "verwijsbrief"
    HANDOUT = "afsprakenblad"
    CATALOGUE = "catalogusblad"


class LetterAction(enum.Enum):
    PRINTED = "printed"
    SAVED = "saved"


class ConsentRequiredError(InvalidInputError):
    """The letter would need personal data the client did not agree to share with the provider.

    ``parts`` names the refused parts (background, thresholds, vulnerabilities, detention).
    """

    def __init__(self, parts: list[str]) -> None:
        labels = [field_label(f"letter-{part}") for part in parts]
        listed = ", ".join(labels[:-1]) + f" {_('of')} " + labels[-1] if len(labels) > 1 else labels[0]
        super().__init__([Problem(reason="consent-required", details={"parts": listed, "codes": list(parts)})])
        self.parts = list(parts)


@dataclass(frozen=True)
class Address:
    name: str = ""
    street: str = ""
    postcode: str = ""
    city: str = ""

    def lines(self) -> list[str]:
        place = " ".join(p for p in (self.postcode, self.city) if p)
        return [line for line in (self.name, self.street, place) if line]


@dataclass(frozen=True)
class Letterhead:
    """The Leerwinkel's own details (from settings), the site and the counsellor who signs."""

    organisation: str
    street: str
    postcode: str
    city: str
    phone: str
    email: str
    logo_path: str  # "" when there is no usable logo
    site_name: str = ""
    site_is_prison: bool = False
    counsellor_name: str = ""
    counsellor_phone: str = ""
    counsellor_email: str = ""


@dataclass(frozen=True)
class PlaceInfo:
    """Where an offering is given, complete enough for someone without internet."""

    address: Address
    phone: str = ""
    opening_hours: str = ""
    in_prison: bool = False


@dataclass(frozen=True)
class OfferingInfo:
    title: str
    category: str
    description: str = ""
    provider_name: str = ""
    provider_phone: str = ""
    provider_email: str = ""
    provider_website: str = ""
    schedules: tuple[str, ...] = ()  # SCHEDULES codes
    schedule_note: str = ""
    is_free: bool | None = None
    reduced_for_jobseekers: bool | None = None
    reduced_for_prisoners: bool | None = None
    cost_note: str = ""
    what_to_bring: str = ""
    admission: str = ""
    in_prison: bool = False
    website: str = ""
    phone: str = ""
    email: str = ""
    places: tuple[PlaceInfo, ...] = ()
    client_text: str = ""  # plain Dutch for the client; never the counsellor's description
    client_texts: tuple[tuple[str, str], ...] = ()  # (language, translated client text)
    status_uncertain: bool = False  # "status onzeker": the offering may have stopped or changed
    status_note: str = ""

    def client_text_in(self, language: str) -> str:
        """The client text in ``language`` ("" when there is none; Dutch is ``client_text``)."""
        if language == "nl":
            return self.client_text
        return dict(self.client_texts).get(language, "")


@dataclass(frozen=True)
class ClientInfo:
    """The client as far as a letter may need it; the consent decides what is printed."""

    display_name: str
    full_name: str
    phone: str = ""
    email: str = ""
    address: Address = field(default_factory=Address)
    birth_year: int | None = None
    dutch_level: str = "onbekend"
    detained: bool = False
    expected_release: dt.date | None = None
    thresholds: tuple[str, ...] = ()  # THRESHOLDS codes
    vulnerabilities: tuple[str, ...] = ()  # VULNERABILITIES codes
    share_with_provider: bool = False
    consent_given_on: dt.date | None = None
    next_appointment: dt.datetime | None = None
    prison_name: str = ""  # the prison a detained client is in (printed only with consent to share)


@dataclass(frozen=True)
class ReferralInfo:
    """Everything about one referral a referral letter or a handout needs."""

    referral_id: ReferralId
    client_id: ClientId
    counsellor_id: CounsellorId | None
    category: str
    referred_on: dt.date
    wish_description: str
    wish_goal: str
    client: ClientInfo
    offering: OfferingInfo | None
    provider_address: Address
    letterhead: Letterhead
    starts_on: dt.date | None = None
    reply_by: dt.date | None = None  # the date the provider is asked to send the reply slip back by

    @property
    def reference(self) -> str:
        """A short, non-personal reference the provider can quote back."""
        return reference_of(self.referral_id)


def reference_of(referral_id: ReferralId) -> str:
    """``LW-`` and the first eight hex digits of the referral's id: printed on letters and reply slips."""
    return f"LW-{referral_id.hex[:8].upper()}"


@dataclass(frozen=True)
class ReferralLetterOptions:
    """What the counsellor chose to put in this one referral letter.

    Contact details appear only with the client's consent to share; background, thresholds,
    vulnerabilities and detention only when ticked here (and consented).
    """

    include_contact: bool = True
    background: str = ""
    include_thresholds: bool = False
    include_vulnerabilities: bool = False
    include_detention: bool = False
    request: str = ""


@dataclass(frozen=True)
class CatalogueSheetInfo:
    categories: tuple[str, ...]
    city: str
    prison_name: str
    offerings: tuple[OfferingInfo, ...]
    letterhead: Letterhead


@dataclass(frozen=True)
class RenderedLetter:
    """A finished PDF and what it is about; register it when it is printed or saved."""

    kind: LetterKind
    language: str
    pdf: bytes
    referral_id: ReferralId | None = None
    client_id: ClientId | None = None
    counsellor_id: CounsellorId | None = None
    suggested_name: str = "brief.pdf"

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.pdf).hexdigest()


@dataclass(frozen=True)
class LetterRecord:
    """One registered letter, as the client's timeline shows it."""

    id: LetterId
    kind: LetterKind
    action: LetterAction
    language: str
    produced_at: dt.datetime
    counsellor_id: CounsellorId | None
    counsellor_name: str
    referral_id: ReferralId | None
    client_id: ClientId | None
    sha256: str


@dataclass(frozen=True)
class SessionHandout:
    """One referral of a prison session whose handout can be printed in a batch."""

    referral_id: ReferralId
    client_name: str
    category: str


@dataclass(frozen=True)
class BookedClient:
    """A client with an appointment in a prison session (the session list printed beforehand)."""

    client_id: ClientId
    name: str
    appointment_at: dt.datetime


@dataclass(frozen=True)
class SessionPrint:
    """The papers of a whole session in one PDF, and which referrals they are about (for the registry)."""

    pdf: bytes
    parts: tuple[tuple[ReferralId, ClientId, CounsellorId | None, str], ...]  # referral, client, counsellor, reader
    with_letters: bool
    suggested_name: str = "sessie.pdf"
    with_catalogue: bool = False  # the prison's catalogue sheet is in it too (registered once, without a client)
    booked: int = 0  # clients with an appointment in the session, on its list


@dataclass(frozen=True)
class SiteChoice:
    """A site to pick for a batch of handouts or a prison catalogue sheet."""

    code: str
    name: str
    is_prison: bool
