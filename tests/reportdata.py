"""A small hand-made data set for the report tests (invented people), with its expected figures.

Period under test: the first quarter of 2026; "today" is 2026-03-16.

Persons (site O = mechelen-sociaal-huis, P = gevangenis-mechelen):
  Ada   intakes 2025-11-10 O, 2026-02-03 O   werkzoekende              wishes nt2, vca
  Bram  intake  2026-01-15 P                 gedetineerde              wishes ce-examen, vca
  Cas   intakes 2026-01-20 P, 2026-03-02 P   gedetineerde + vroege-schoolverlater   wishes ce-examen, nt2, nt2
  Dina  intake  2026-02-10 O                 ouder-zonder-diploma      wish secundair-diploma
  Eli   intake  2026-04-05 O (after Q1)      werkzoekende              wish beroepsopleiding
  Fien  intake  2025-12-01 O (before Q1)     -                         wish taal

Referrals: see build_dataset; their history decides enrolments, starts, completions and drop-outs.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import select

from leerwinkel.reports.figures import Count, EnrolmentTime, MonthPoint, Overview, Period, Report
from leerwinkel.storage.models import (
    Client,
    ClientTargetGroup,
    ClientThreshold,
    ClientVulnerability,
    Intake,
    LearningWish,
    Provider,
    Referral,
    ReferralStatusChange,
    Site,
)
from leerwinkel.storage.store import Store

OFFICE = "mechelen-sociaal-huis"
PRISON = "gevangenis-mechelen"
TODAY = dt.date(2026, 3, 16)

D = dt.date


def build_dataset(store: Store) -> None:
    """Write the data set described in the module docstring."""
    with store.unit_of_work() as session:
        sites = {code: site_id for code, site_id in session.execute(select(Site.code, Site.id))}
        office, prison = sites[OFFICE], sites[PRISON]
        cvo = Provider(external_id="test-cvo", name="CVO Testhuis")
        cbe = Provider(external_id="test-cbe", name="Basiseducatie Proefstad")
        session.add_all([cvo, cbe])

        def person(
            name: str,
            intakes: list[tuple[dt.date, uuid.UUID]],
            *,
            groups: tuple[str, ...] = (),
            wishes: tuple[str, ...] = (),
            thresholds: tuple[str, ...] = (),
            vulnerabilities: tuple[str, ...] = (),
        ) -> Client:
            client = Client(first_name=name, last_name="Testpersoon")
            client.intakes = [Intake(held_on=day, site_id=site) for day, site in intakes]
            client.target_groups = [ClientTargetGroup(code=c) for c in groups]
            client.wishes = [LearningWish(category=c) for c in wishes]
            client.thresholds = [ClientThreshold(code=c) for c in thresholds]
            client.vulnerabilities = [ClientVulnerability(code=c) for c in vulnerabilities]
            session.add(client)
            return client

        ada = person(
            "Ada",
            [(D(2025, 11, 10), office), (D(2026, 2, 3), office)],
            groups=("werkzoekende",),
            wishes=("nt2", "vca"),
            thresholds=("taal", "vervoer"),
            vulnerabilities=("anderstalig",),
        )
        bram = person(
            "Bram",
            [(D(2026, 1, 15), prison)],
            groups=("gedetineerde",),
            wishes=("ce-examen", "vca"),
            thresholds=("detentie", "informatie"),
            vulnerabilities=("psychisch",),
        )
        cas = person(
            "Cas",
            [(D(2026, 1, 20), prison), (D(2026, 3, 2), prison)],
            groups=("gedetineerde", "vroege-schoolverlater"),
            wishes=("ce-examen", "nt2", "nt2"),
            thresholds=("detentie", "zelfvertrouwen"),
        )
        dina = person(
            "Dina",
            [(D(2026, 2, 10), office)],
            groups=("ouder-zonder-diploma",),
            wishes=("secundair-diploma",),
            thresholds=("kinderopvang", "tijd", "kostprijs"),
            vulnerabilities=("laaggeletterd", "langdurig-ziek"),
        )
        eli = person(
            "Eli",
            [(D(2026, 4, 5), office)],
            groups=("werkzoekende",),
            wishes=("beroepsopleiding",),
            thresholds=("kostprijs",),
        )
        fien = person("Fien", [(D(2025, 12, 1), office)], wishes=("taal",))
        session.flush()

        def referral(
            client: Client,
            referred_on: dt.date,
            site: uuid.UUID,
            provider: Provider | None,
            category: str,
            history: list[tuple[str, dt.date]],
            *,
            follow_up_on: dt.date | None = None,
            outcome: str | None = None,
        ) -> None:
            item = Referral(
                client_id=client.id,
                referred_on=referred_on,
                site_id=site,
                provider_id=None if provider is None else provider.id,
                category=category,
                status=history[-1][0],
                follow_up_on=follow_up_on,
                outcome=outcome,
            )
            item.history = [
                ReferralStatusChange(
                    status=status,
                    changed_on=day,
                    changed_at=dt.datetime(day.year, day.month, day.day, 10, tzinfo=dt.UTC),
                )
                for status, day in history
            ]
            session.add(item)

        referral(  # R1
            ada, D(2026, 2, 5), office, cvo, "nt2",
            [("voorgesteld", D(2026, 2, 5)), ("ingeschreven", D(2026, 2, 20)), ("gestart", D(2026, 3, 1))],
            follow_up_on=D(2026, 3, 10),
        )  # fmt: skip
        referral(  # R2
            ada, D(2026, 2, 5), office, cbe, "vca",
            [("voorgesteld", D(2026, 2, 5)), ("verstuurd", D(2026, 2, 6))],
            follow_up_on=D(2026, 4, 1),
        )  # fmt: skip
        referral(  # R3
            bram, D(2026, 1, 16), prison, cvo, "ce-examen",
            [("ingeschreven", D(2026, 1, 30)), ("gestart", D(2026, 2, 2)), ("afgerond", D(2026, 3, 10))],
            follow_up_on=D(2026, 2, 1), outcome="diploma",
        )  # fmt: skip
        referral(  # R4: skipped "ingeschreven", so its start is its enrolment
            cas, D(2026, 1, 21), prison, cvo, "nt2",
            [("voorgesteld", D(2026, 1, 21)), ("gestart", D(2026, 2, 15)), ("afgehaakt", D(2026, 3, 5))],
            outcome="geen",
        )  # fmt: skip
        referral(  # R5
            dina, D(2026, 2, 11), office, None, "secundair-diploma",
            [("voorgesteld", D(2026, 2, 11))],
            follow_up_on=D(2026, 3, 1),
        )  # fmt: skip
        referral(  # R6: made and enrolled in 2025, started and completed in Q1 2026
            fien, D(2025, 12, 2), office, cbe, "taal",
            [("ingeschreven", D(2025, 12, 20)), ("gestart", D(2026, 1, 10)), ("afgerond", D(2026, 1, 31))],
            outcome="betaald-werk",
        )  # fmt: skip
        referral(  # R7: after Q1
            eli, D(2026, 4, 6), office, cvo, "beroepsopleiding",
            [("ingeschreven", D(2026, 4, 20))],
            follow_up_on=D(2026, 4, 30),
        )  # fmt: skip


def small_count_report(small: int) -> Report:
    """A made-up report in which ``small`` is the count of one wish, threshold, provider, month and figure.

    Two such reports with different small counts (1 to 4) must give the same anonymous outputs.
    """
    overview = Overview(
        persons=20,
        new_persons=15,
        returning_persons=5,
        intakes=22,
        referrals=18,
        enrolled=39,
        started=12,
        completed=7,
        dropped_out=small,
        overdue_follow_ups=6,
        enrolment_time=EnrolmentTime(10, 12.5),
    )
    trend = (MonthPoint(2026, 1, 5, small, 8), MonthPoint(2026, 2, 7, 9, small), MonthPoint(2026, 3, 10, 9, 0))
    return Report(
        period=Period.quarter(2026, 1),
        site_code=None,
        site_name="Alle locaties",
        today=TODAY,
        overview=overview,
        trend=trend,
        target_groups=(Count("werkzoekende", "Werkzoekende", 12), Count("gedetineerde", "Gedetineerde", small)),
        wishes=(Count("nt2", "NT2", 9), Count("vca", "VCA", small), Count("beroepsopleiding", "Beroepsopleiding", 5)),
        top_wishes_by_group=(),
        thresholds=(Count("tijd", "Tijd", 6), Count("vervoer", "Vervoer", small)),
        thresholds_by_group=(),
        vulnerabilities=(),
        referrals_by_provider=(Count("a", "CVO Testhuis", 11), Count("b", "Basiseducatie Proefstad", small)),
        referrals_by_category=(Count("nt2", "NT2", 7),),
        outcome_shares=(),
    )
