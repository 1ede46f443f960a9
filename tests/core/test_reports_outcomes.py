"""Outcomes per offering, provider and programme (issue 13 item 5): what became of the period's referrals.

The data set is a mentoring programme like the seed's challenge ("10 of 14 mentees = 71%"), an external
referral and referrals outside the period, all invented.
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from leerwinkel.reports import Period, ReportService
from leerwinkel.reports.pdf import render_report_pdf
from leerwinkel.reports.tables import report_tables
from leerwinkel.storage.models import Client, Offering, Provider, Referral, ReferralStatusChange, Site
from leerwinkel.storage.store import Store
from tests.pdfcheck import pdf_text

Q1 = Period.quarter(2026, 1)
TODAY = dt.date(2026, 3, 31)
D = dt.date


def _referral(
    client: Client,
    site_id: object,
    category: str,
    referred_on: dt.date,
    history: list[str],
    *,
    offering: Offering | None = None,
    outcome: str | None = None,
    external: str = "",
) -> Referral:
    referral = Referral(
        client_id=client.id,
        site_id=site_id,
        category=category,
        referred_on=referred_on,
        status=history[-1] if history else "voorgesteld",
        offering_id=offering.id if offering else None,
        provider_id=offering.provider_id if offering else None,
        outcome=outcome,
        external_provider=external,
    )
    referral.history = [
        ReferralStatusChange(
            status=status,
            changed_on=referred_on + dt.timedelta(days=7 * (n + 1)),
            changed_at=dt.datetime.combine(referred_on + dt.timedelta(days=7 * (n + 1)), dt.time(10), tzinfo=dt.UTC),
        )
        for n, status in enumerate(history)
    ]
    return referral


@pytest.fixture
def service(store: Store) -> ReportService:
    with store.unit_of_work() as session:
        site_id = session.scalar(select(Site.id).where(Site.code == "mechelen-sociaal-huis"))
        provider = Provider(external_id="test-mentor", name="Mentorproject Proefstad")
        session.add(provider)
        session.flush()
        mentoring = Offering(
            provider_id=provider.id, external_id="test-mentoring", title="Mentoring naar werk", category="mentoring"
        )
        session.add(mentoring)
        session.flush()
        day = D(2026, 1, 12)
        outcomes = ["betaald-werk"] * 7 + ["stage-bis"] * 3
        for number in range(16):
            client = Client(first_name=f"Mentee{number}", last_name="Proefpersoon")
            session.add(client)
            session.flush()
            if number < 10:  # started, completed, and an internship or a job
                history, outcome = ["verstuurd", "ingeschreven", "gestart", "afgerond"], outcomes[number]
            elif number < 14:  # started, then dropped out
                history, outcome = ["verstuurd", "gestart", "afgehaakt"], "geen"
            else:  # never started
                history, outcome = ["verstuurd"], None
            session.add(_referral(client, site_id, "mentoring", day, history, offering=mentoring, outcome=outcome))
        # Before the period: does not count, even though it completed with paid work inside the period.
        early = Client(first_name="Vroeg", last_name="Proefpersoon")
        session.add(early)
        session.flush()
        session.add(
            _referral(
                early,
                site_id,
                "mentoring",
                D(2025, 12, 1),
                ["gestart", "afgerond"],
                offering=mentoring,
                outcome="betaald-werk",
            )
        )
        # Outside the catalogue: a work placement with a neighbourhood partner, started.
        other = Client(first_name="Extern", last_name="Proefpersoon")
        session.add(other)
        session.flush()
        session.add(_referral(other, site_id, "werkplekleren", D(2026, 2, 2), ["gestart"], external="Buurtwerk Zuid"))
    return ReportService(store)


def test_outcomes_per_programme_provider_and_offering(service: ReportService) -> None:
    report = service.report(Q1, today=TODAY)
    rows = {
        (r.label, r.referred, r.started, r.completed, r.to_work, r.work_percent) for r in report.outcomes_by_programme
    }
    assert rows == {
        ("Mentoring en buddywerking", 16, 14, 10, 10, 71.4),
        ("Werkplekleren en stages", 1, 1, 0, 0, 0.0),
    }
    [mentor, external] = report.outcomes_by_provider
    assert (mentor.label, mentor.referred, mentor.started, mentor.to_work) == ("Mentorproject Proefstad", 16, 14, 10)
    assert external.label == "Buurtwerk Zuid (buiten de catalogus)" and external.started == 1
    [offering, outside] = report.outcomes_by_offering
    assert (offering.label, offering.completed) == ("Mentoring naar werk", 10)
    assert outside.label == "Buiten de catalogus of zonder aanbod" and outside.code == ""


def test_small_counts_are_hidden_in_the_anonymous_tables_and_shown_to_the_counsellor(service: ReportService) -> None:
    report = service.report(Q1, today=TODAY)
    anonymous = {t.key: t for t in report_tables(report, anonymous=True)}
    exact = {t.key: t for t in report_tables(report, anonymous=False)}
    table = anonymous["outcomes_by_provider"]
    assert table.header == ("Aanbieder", "Verwezen", "Gestart", "Afgerond", "Stage of betaald werk", "% van gestart")
    assert table.rows == (
        ("Mentorproject Proefstad", 16, 14, 10, 10, 71.4),
        ("Buurtwerk Zuid (buiten de catalogus)", "<5", "<5", 0, 0, "–"),
    )
    assert exact["outcomes_by_provider"].rows[1] == ("Buurtwerk Zuid (buiten de catalogus)", 1, 1, 0, 0, 0.0)


def test_the_funders_pdf_has_the_outcome_tables(service: ReportService) -> None:
    report = service.report(Q1, today=TODAY)
    text = " ".join(pdf_text(render_report_pdf(report, service.letterhead(), anonymous=True)).split())
    for title in ("Resultaat per programma", "Resultaat per aanbieder", "Resultaat per aanbod"):
        assert title in text
    assert "Mentoring naar werk" in text and "10 van 14 mentees" in text  # the row and its definition
