"""Demo data: fictional clients, intakes, wishes and referrals spread over the past year."""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from leerwinkel.dates import local_date, local_to_utc
from leerwinkel.errors import InvalidInputError
from leerwinkel.ids import new_id
from leerwinkel.intake.checked import search_key
from leerwinkel.storage.models import (
    Client,
    ClientTargetGroup,
    ClientThreshold,
    ClientVulnerability,
    Consent,
    Contact,
    Counsellor,
    Intake,
    LearningWish,
    Offering,
    Referral,
    ReferralStatusChange,
    Site,
)
from leerwinkel.storage.store import Store
from leerwinkel.taxonomy import THRESHOLDS

# Invented names: no real person is meant.
FIRST_NAMES = (
    "Amina",
    "Bram",
    "Chaima",
    "Dries",
    "Elif",
    "Fatou",
    "Gert",
    "Hanna",
    "Idris",
    "Jana",
    "Karim",
    "Lotte",
    "Mehmet",
    "Nora",
    "Omar",
    "Priya",
    "Quinten",
    "Rania",
    "Sander",
    "Tamara",
    "Umut",
    "Vera",
    "Wout",
    "Yasmina",
    "Zeno",
    "Aylin",
    "Bilal",
    "Dana",
    "Emre",
    "Fleur",
)
LAST_NAMES = (
    "Verzonnen",
    "Fictief",
    "Demotrui",
    "Voorbeeldt",
    "Proefmans",
    "Testaert",
    "Oefenberg",
    "Schetsens",
    "Bedachtens",
    "Denkbeeld",
    "Probeersma",
    "Nepvelde",
)
MUNICIPALITIES = (
    ("2800", "Mechelen"),
    ("2500", "Lier"),
    ("2830", "Willebroek"),
    ("2820", "Bonheiden"),
    ("2570", "Duffel"),
    ("1880", "Kapelle-op-den-Bos"),
)
WISHES = (
    "nt2",
    "ce-examen",
    "vca",
    "basiseducatie",
    "beroepsopleiding",
    "secundair-diploma",
    "erkenning",
    "werkplekleren",
    "orientatie",
    "hoger-onderwijs",
    "mentoring",
    "taal",
)
PRISON_WISHES = ("ce-examen", "vca", "nt2", "basiseducatie")
FLOW = ("voorgesteld", "verstuurd", "ingeschreven", "gestart", "afgerond")
ENDINGS = {"afgerond": ("diploma", "certificaat", "attest", "betaald-werk", "verder-leren")}
#: What a counsellor notes in the contact log when a referral moves on (fictional, no names).
CONTACT_NOTES = {
    "verstuurd": "Verwijsbrief besproken; de cliënt neemt zelf contact op",
    "ingeschreven": "Aanbieder bevestigt de inschrijving",
    "gestart": "Cliënt is gestart, loopt goed",
    "afgerond": "Afgerond; volgende stap besproken",
    "afgehaakt": "Cliënt gestopt; reden besproken",
    "niet-toegelaten": "Niet toegelaten; ander aanbod zoeken",
}


@dataclass(frozen=True)
class DemoResult:
    clients: int
    intakes: int
    wishes: int
    referrals: int


@dataclass(frozen=True)
class DemoAccount:
    username: str
    display_name: str
    role: str


#: The demo's accounts (invented people); ``leerwinkel demo --password-file F`` gives them F's password.
DEMO_ACCOUNTS = (
    DemoAccount("demo-beheerder", "Bea Beheerder", "admin"),
    DemoAccount("demo-lien", "Lien Demoens", "counsellor"),
    DemoAccount("demo-tarik", "Tarik Voorbeeld", "counsellor"),
)


def name_demo_accounts(store: Store, accounts: Sequence[DemoAccount] = DEMO_ACCOUNTS) -> None:
    """Give the demo accounts their invented full names (setup names the first administrator by its login)."""
    wanted = {account.username: account.display_name for account in accounts}
    with store.unit_of_work() as session:
        for row in session.scalars(select(Counsellor).where(Counsellor.username.in_(wanted))):
            if row.display_name == row.username:
                row.display_name = wanted[row.username]


def check_empty(store: Store) -> None:
    """Refuse (InvalidInputError database-not-empty) a database that already holds clients."""
    with store.unit_of_work() as session:
        if session.scalar(select(func.count()).select_from(Client)):
            raise InvalidInputError.single("database-not-empty")


def fill_demo(
    store: Store, *, clients: int = 120, seed: int = 2026, counsellors: Sequence[uuid.UUID] = ()
) -> DemoResult:
    """Fill an empty database with fictional data over the year before today; refuse a database with clients.

    Intakes, consents and referrals are attributed to ``counsellors`` (account ids), spread over
    them; without any, to a "demo" counsellor row that cannot sign in.
    """
    rng = random.Random(seed)
    now = store.now()
    today = local_date(now)
    counts = {"intakes": 0, "wishes": 0, "referrals": 0}
    with store.unit_of_work() as session:
        if session.scalar(select(func.count()).select_from(Client)):
            raise InvalidInputError.single("database-not-empty")
        team = list(counsellors)
        if not team:
            fallback = session.scalar(select(Counsellor).where(Counsellor.username == "demo"))
            if fallback is None:
                fallback = Counsellor(username="demo", display_name="Demo Trajectbegeleider", password_hash=None)
                session.add(fallback)
                session.flush()
            team = [fallback.id]
        sites = {s.code: s for s in session.scalars(select(Site))}
        prison = sites.get("gevangenis-mechelen")
        offices = [s for s in sites.values() if s.kind != "gevangenis"] or list(sites.values())
        offerings: dict[str, list[Offering]] = {}
        for offering in session.scalars(select(Offering).where(Offering.active.is_(True))):
            offerings.setdefault(offering.category, []).append(offering)
        for index in range(clients):
            counsellor_id = team[index % len(team)]
            detained = prison is not None and rng.random() < 0.2
            postcode, town = rng.choice(MUNICIPALITIES)
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            held_on = today - dt.timedelta(days=rng.randint(0, 364))
            newcomer = rng.random() < 0.4
            client = Client(
                id=new_id(),
                first_name=first,
                last_name=last if rng.random() < 0.85 else "",
                alias=f"{first[:3]}{index}" if rng.random() < 0.1 else "",
                birth_date=dt.date(rng.randint(1960, 2007), rng.randint(1, 12), rng.randint(1, 28)),
                postcode=postcode if not detained else "",
                municipality=town if not detained else "Mechelen",
                phone="" if detained else f"+32 470 {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
                dutch_level=rng.choice(("A0", "A1", "A2", "B1")) if newcomer else rng.choice(("B2", "C1", "onbekend")),
                languages=rng.choice(("Arabisch, Frans", "Turks", "Tigrinya", "Dari, Engels", "Nederlands")),
                education_level=rng.choice(("lager onderwijs", "secundair onderwijs (niet afgewerkt)", "geen")),
                detained=detained,
                prison_site_id=prison.id if detained and prison else None,
                employment="" if detained else rng.choice(("werkzoekend", "werkend", "uitkering")),
                last_activity_at=local_to_utc(held_on, dt.time(10)),
            )
            client.birth_year = client.birth_date.year if client.birth_date else None
            client.search_key = search_key(client.first_name, client.alias, client.last_name)
            groups = (
                {"gedetineerde"} if detained else {rng.choice(("werkzoekende", "werknemer", "ouder-zonder-diploma"))}
            )
            if newcomer:
                groups.add("anderstalige-nieuwkomer")
            client.target_groups = [ClientTargetGroup(code=c) for c in sorted(groups)]
            if newcomer:
                client.vulnerabilities = [ClientVulnerability(code="anderstalig")]
            session.add(client)
            site = prison if detained else rng.choice(offices)
            intake = Intake(
                id=new_id(),
                client=client,
                site_id=site.id if site else None,
                counsellor_id=counsellor_id,
                held_on=held_on,
                channel="gevangenis" if detained else rng.choice(("inloop", "afspraak", "telefoon", "partner")),
            )
            if not detained and held_on >= today - dt.timedelta(days=7) and rng.random() < 0.5:
                intake.next_appointment_at = local_to_utc(
                    today + dt.timedelta(days=rng.randint(0, 3)), dt.time(rng.choice((9, 10, 13, 14, 15)), 0)
                )
            session.add(intake)
            counts["intakes"] += 1
            client.consents = [
                Consent(
                    store_data=True,
                    share_with_provider=rng.random() < 0.9,
                    contact_follow_up=rng.random() < 0.8,
                    given_on=held_on,
                    recorded_by_id=counsellor_id,
                )
            ]
            categories = rng.sample(PRISON_WISHES if detained else WISHES, rng.randint(1, 3))
            wishes = [LearningWish(id=new_id(), client=client, intake=intake, category=c) for c in categories]
            session.add_all(wishes)
            counts["wishes"] += len(wishes)
            session.flush()  # referrals and thresholds refer to these rows by id only
            client.thresholds = [
                ClientThreshold(code=code, intake_id=intake.id)
                for code in rng.sample(THRESHOLDS.codes[:-1], rng.randint(1, 4))
            ]
            for wish in wishes:
                if rng.random() < 0.7:
                    _add_referral(
                        session,
                        rng,
                        client,
                        wish,
                        wish.category,
                        offerings,
                        held_on,
                        today,
                        counsellor_id,
                        site.id if site else None,
                    )
                    counts["referrals"] += 1
            session.flush()
    return DemoResult(clients, counts["intakes"], counts["wishes"], counts["referrals"])


def _add_referral(
    session: Session,
    rng: random.Random,
    client: Client,
    wish: LearningWish,
    category: str,
    offerings: dict[str, list[Offering]],
    referred_on: dt.date,
    today: dt.date,
    counsellor_id: uuid.UUID,
    site_id: uuid.UUID | None,
) -> None:
    offering = rng.choice(offerings[category]) if offerings.get(category) else None
    age = (today - referred_on).days
    steps = min(len(FLOW), 1 + age // 30 + rng.randint(0, 1))
    path = list(FLOW[:steps])
    if steps >= 3 and rng.random() < 0.15:
        path[-1] = rng.choice(("afgehaakt", "niet-toegelaten"))
    referral = Referral(
        client_id=client.id,
        wish_id=wish.id,
        offering_id=offering.id if offering else None,
        provider_id=offering.provider_id if offering else None,
        counsellor_id=counsellor_id,
        site_id=site_id,
        category=category,
        status=path[-1],
        referred_on=referred_on,
    )
    for number, status in enumerate(path):
        day = min(today, referred_on + dt.timedelta(days=number * 21))
        moment = local_to_utc(day, dt.time(11))
        referral.history.append(
            ReferralStatusChange(status=status, changed_on=day, changed_at=moment, counsellor_id=counsellor_id)
        )
        if number:  # the contact that moved the referral on (no draw from rng: the other demo data stays)
            kind = "bezoek-gevangenis" if client.detained else ("telefoon", "e-mail", "gesprek")[number % 3]
            note = CONTACT_NOTES.get(status, "")
            session.add(
                Contact(client_id=client.id, counsellor_id=counsellor_id, happened_on=day, kind=kind, note=note)
            )
    if path[-1] in ENDINGS:
        referral.outcome = rng.choice(ENDINGS[path[-1]])
    elif path[-1] in ("afgehaakt", "niet-toegelaten"):
        referral.outcome = "geen"
    else:
        referral.follow_up_on = referred_on + dt.timedelta(weeks=4 * (len(path)))
    session.add(referral)
