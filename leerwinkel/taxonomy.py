"""The domain vocabulary of DESIGN.md §3: stable codes with Dutch and English labels."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from leerwinkel.errors import InvalidInputError, Problem
from leerwinkel.i18n import N_, _, current_language


@dataclass(frozen=True)
class Term:
    code: str
    label_nl: str
    label_en: str
    description_nl: str = ""

    def label(self, lang: str | None = None) -> str:
        """The label in ``lang`` (default: the active language, see leerwinkel.i18n); Dutch unless English."""
        return self.label_en if (lang or current_language()) == "en" else self.label_nl

    def description(self) -> str:
        """The description in the active language (marked with ``N_`` for the core's catalogue)."""
        return _(self.description_nl) if self.description_nl else ""


class Vocabulary:
    """An ordered set of terms; ``validate`` refuses an unknown code with a clear problem."""

    def __init__(self, name: str, terms: list[Term]) -> None:
        self.name = name
        self._terms = {t.code: t for t in terms}
        if len(self._terms) != len(terms):
            raise ValueError(f"duplicate code in vocabulary {name}")

    def __iter__(self) -> Iterator[Term]:
        return iter(self._terms.values())

    def __contains__(self, code: object) -> bool:
        return code in self._terms

    def __len__(self) -> int:
        return len(self._terms)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(self._terms)

    def get(self, code: str) -> Term:
        return self._terms[code]

    def label(self, code: str, lang: str | None = None) -> str:
        """The label of ``code`` in ``lang``, by default the active language (letters pass their own)."""
        term = self._terms.get(code)
        if term is None:
            return code
        return term.label(lang)

    def problem(self, code: object, *, field: str | None = None) -> Problem | None:
        """Return a problem for an unknown code, or None when the code is known."""
        if isinstance(code, str) and code in self._terms:
            return None
        return Problem(
            reason="unknown-code",
            field=field or self.name,
            details={"vocabulary": self.name, "value": str(code), "allowed": ", ".join(self._terms)},
        )

    def validate(self, code: object, *, field: str | None = None) -> str:
        problem = self.problem(code, field=field)
        if problem is not None:
            raise InvalidInputError([problem])
        assert isinstance(code, str)
        return code


WISH_CATEGORIES = Vocabulary(
    "category",
    [
        Term(
            "ce-examen",
            "Examencommissie (diploma via examens)",
            "Exam board diploma",
            N_("Diploma secundair onderwijs via examens bij de Examencommissie, vroeger Centrale Examencommissie."),
        ),
        Term(
            "secundair-diploma",
            "Diploma secundair onderwijs (tweedekansonderwijs)",
            "Second-chance secondary diploma",
            N_("Tweedekansonderwijs in een centrum voor volwassenenonderwijs."),
        ),
        Term("vca", "VCA basisveiligheid", "VCA basic safety", N_("Attest basisveiligheid B-VCA of VOL-VCA.")),
        Term(
            "nt2",
            "Nederlands als tweede taal (NT2)",
            "Dutch as a second language",
            N_("Lessen Nederlands voor anderstaligen."),
        ),
        Term(
            "basiseducatie",
            "Basiseducatie",
            "Basic education",
            N_("Lezen, schrijven, rekenen en digitale basisvaardigheden."),
        ),
        Term("beroepsopleiding", "Beroepsopleiding", "Vocational training", N_("Opleiding voor een beroep.")),
        Term("hoger-onderwijs", "Hoger onderwijs", "Higher education", N_("Graduaat of bachelor.")),
        Term("taal", "Andere talen", "Other languages", N_("Lessen in een andere taal dan Nederlands.")),
        Term(
            "erkenning",
            "Erkenning van diploma of ervaring",
            "Recognition of diploma or experience",
            N_("Gelijkwaardigheid van een buitenlands diploma, of erkenning van competenties (EVC)."),
        ),
        Term(
            "werkplekleren",
            "Werkplekleren en stages",
            "Work-based learning",
            N_("Leren op de werkvloer: NT2-stage, BIS, IBO, IBO-T, K-IBO, bedrijfsacademie, DUOday."),
        ),
        Term(
            "mentoring",
            "Mentoring en buddywerking",
            "Mentoring and buddy programmes",
            N_("Begeleiding door een mentor of buddy."),
        ),
        Term(
            "orientatie",
            "Studie- en loopbaanoriëntatie",
            "Study and career orientation",
            N_("Uitzoeken welke opleiding of welk beroep past."),
        ),
        Term("andere", "Andere", "Other"),
    ],
)

TARGET_GROUPS = Vocabulary(
    "target_group",
    [
        Term("gedetineerde", "Gedetineerde", "Prisoner"),
        Term("werkzoekende", "Werkzoekende", "Jobseeker"),
        Term("werknemer", "Werknemer", "Employee"),
        Term("ouder-zonder-diploma", "Ouder zonder diploma", "Parent without a diploma"),
        Term("vroege-schoolverlater", "Vroegtijdige schoolverlater", "Early school leaver"),
        Term("anderstalige-nieuwkomer", "Anderstalige nieuwkomer", "Non-native newcomer"),
        Term("andere", "Andere", "Other"),
    ],
)

VULNERABILITIES = Vocabulary(
    "vulnerability",
    [
        Term("psychisch", "Psychische kwetsbaarheid", "Psychological vulnerability"),
        Term("fysiek", "Fysieke kwetsbaarheid", "Physical vulnerability"),
        Term("laaggeletterd", "Laaggeletterd", "Low literacy"),
        Term("anderstalig", "Anderstalig", "Other mother tongue"),
        Term("langdurig-ziek", "Langdurig ziek", "Long-term illness"),
        Term("andere", "Andere", "Other"),
    ],
)

THRESHOLDS = Vocabulary(
    "threshold",
    [
        Term("informatie", "Informatie", "Information", N_("Weet niet wat er bestaat of waar het te vinden is.")),
        Term("kostprijs", "Kostprijs", "Cost"),
        Term("vervoer", "Vervoer", "Transport"),
        Term("kinderopvang", "Kinderopvang", "Childcare"),
        Term("tijd", "Tijd", "Time"),
        Term("taal", "Taal", "Language"),
        Term("geletterdheid", "Geletterdheid", "Literacy"),
        Term("digitaal", "Digitale vaardigheden", "Digital skills"),
        Term("toelating", "Toelatingsvoorwaarden", "Admission requirements"),
        Term("erkenning", "Erkenning van diploma", "Recognition of diploma"),
        Term("zelfvertrouwen", "Zelfvertrouwen", "Self-confidence"),
        Term("gezondheid", "Gezondheid", "Health"),
        Term("detentie", "Detentie", "Detention"),
        Term("netwerk", "Netwerk", "Network"),
        Term(
            "arbeidsmarkt",
            "Kennis van arbeidsmarkt en onderwijs",
            "Knowing the labour market and education",
            N_("Hoe de arbeidsmarkt en het onderwijslandschap werken."),
        ),
        Term("cultuur", "Cultuur", "Culture"),
        Term(
            "ervaring-vertalen",
            "Ervaring vertalen naar stappen",
            "Turning experience into next steps",
            N_("Ervaring omzetten in haalbare volgende stappen."),
        ),
        Term("administratie", "Administratie", "Paperwork"),
        Term("andere", "Andere", "Other"),
    ],
)

DUTCH_LEVELS = Vocabulary(
    "dutch_level",
    [
        Term("onbekend", "Onbekend", "Unknown"),
        Term("A0", "A0 (geen Nederlands)", "A0 (no Dutch)"),
        Term("A1", "A1", "A1"),
        Term("A2", "A2", "A2"),
        Term("B1", "B1", "B1"),
        Term("B2", "B2", "B2"),
        Term("C1", "C1", "C1"),
        Term("C2", "C2", "C2"),
    ],
)

REFERRAL_STATUSES = Vocabulary(
    "status",
    [
        Term("voorgesteld", "Voorgesteld", "Proposed"),
        Term("verstuurd", "Verstuurd", "Sent"),
        Term("ingeschreven", "Ingeschreven", "Enrolled"),
        Term("gestart", "Gestart", "Started"),
        Term("afgerond", "Afgerond", "Completed"),
        Term("afgehaakt", "Afgehaakt", "Dropped out"),
        Term("niet-toegelaten", "Niet toegelaten", "Not admitted"),
        Term("geannuleerd", "Geannuleerd", "Cancelled"),
    ],
)

#: Statuses after which a referral needs no more follow-up.
CLOSED_STATUSES = frozenset({"afgerond", "afgehaakt", "niet-toegelaten", "geannuleerd"})
#: The others, in the vocabulary's order: a referral in one of these still needs follow-up. Naming them
#: (``IN``) lets SQLite count in an index that starts with the status; ``NOT IN`` tests every row.
OPEN_STATUSES = tuple(code for code in REFERRAL_STATUSES.codes if code not in CLOSED_STATUSES)

OUTCOMES = Vocabulary(
    "outcome",
    [
        Term("diploma", "Diploma", "Diploma"),
        Term("certificaat", "Certificaat", "Certificate"),
        Term("attest", "Attest", "Attestation"),
        Term("stage-bis", "Stage / BIS", "Internship / BIS"),
        Term("betaald-werk", "Betaald werk", "Paid work"),
        Term("vrijwilligerswerk", "Vrijwilligerswerk", "Volunteering"),
        Term("verder-leren", "Verder leren", "Further learning"),
        Term("geen", "Geen", "None"),
    ],
)

INTAKE_CHANNELS = Vocabulary(
    "channel",
    [
        Term("inloop", "Vrije inloop", "Walk-in"),
        Term("afspraak", "Afspraak", "Appointment"),
        Term("gevangenis", "Sessie in de gevangenis", "Prison session"),
        Term("telefoon", "Telefoon", "Phone"),
        Term("partner", "Doorverwezen door een partner", "Referred by a partner"),
    ],
)

#: The kinds of contact in a client's contact log (as CiviCase activity types).
CONTACT_KINDS = Vocabulary(
    "contact_kind",
    [
        Term("gesprek", "Gesprek", "Conversation"),
        Term("telefoon", "Telefoon", "Phone call"),
        Term("e-mail", "E-mail", "E-mail"),
        Term("bezoek-gevangenis", "Bezoek in de gevangenis", "Prison visit"),
        Term("brief", "Brief", "Letter"),
    ],
)

SITE_KINDS = Vocabulary(
    "site_kind",
    [
        Term("kantoor", "Kantoor", "Office"),
        Term("zitdag", "Zitdag", "Outreach day"),
        Term("gevangenis", "Gevangenis", "Prison"),
        Term("partner", "Bij een partner", "At a partner"),
    ],
)

ROLES = Vocabulary(
    "role",
    [
        Term("counsellor", "Trajectbegeleider", "Counsellor"),
        Term("admin", "Beheerder", "Administrator"),
    ],
)

SCHEDULES = Vocabulary(
    "schedule",
    [
        Term("dag", "Overdag", "Daytime"),
        Term("avond", "Avond", "Evening"),
        Term("weekend", "Weekend", "Weekend"),
        Term("online", "Online", "Online"),
        Term("afstandsonderwijs", "Afstandsonderwijs", "Distance learning"),
    ],
)

ALL_VOCABULARIES: tuple[Vocabulary, ...] = (
    WISH_CATEGORIES,
    TARGET_GROUPS,
    VULNERABILITIES,
    THRESHOLDS,
    DUTCH_LEVELS,
    REFERRAL_STATUSES,
    OUTCOMES,
    INTAKE_CHANNELS,
    SITE_KINDS,
    ROLES,
    SCHEDULES,
)

_CEFR_ORDER = ("A0", "A1", "A2", "B1", "B2", "C1", "C2")


def dutch_level_rank(level: str | None) -> int | None:
    """Order of a CEFR level (A0 = 0 .. C2 = 6); None when unknown."""
    if level in _CEFR_ORDER:
        return _CEFR_ORDER.index(level)
    return None
