"""Every report figure on the hand-made data set of tests/reportdata.py, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest

from leerwinkel.errors import InvalidInputError, NotFoundError
from leerwinkel.reports import Period, ReportService
from leerwinkel.reports.figures import Count, Overview
from leerwinkel.storage.store import Store
from tests.reportdata import OFFICE, PRISON, TODAY, build_dataset

Q1 = Period.quarter(2026, 1)


@pytest.fixture
def service(store: Store) -> ReportService:
    build_dataset(store)
    return ReportService(store)


def nonzero(counts: tuple[Count, ...]) -> list[tuple[str, int]]:
    return [(c.code, c.count) for c in counts if c.count]


def test_periods() -> None:
    assert Period.year(2026) == Period(dt.date(2026, 1, 1), dt.date(2026, 12, 31), "year")
    assert Period.quarter(2026, 1) == Period(dt.date(2026, 1, 1), dt.date(2026, 3, 31), "quarter")
    assert Period.month(2028, 2).end == dt.date(2028, 2, 29)
    assert Period.containing("quarter", dt.date(2026, 11, 5)).start == dt.date(2026, 10, 1)
    assert Period(dt.date(2026, 1, 30), dt.date(2026, 3, 2)).months() == [(2026, 1), (2026, 2), (2026, 3)]
    with pytest.raises(InvalidInputError):
        Period(dt.date(2026, 2, 1), dt.date(2026, 1, 1))
    with pytest.raises(InvalidInputError):
        Period.quarter(2026, 5)


def test_overview_all_sites(service: ReportService) -> None:
    report = service.report(Q1, today=TODAY)
    overview = report.overview
    assert overview.enrolment_time.referrals == 3
    assert overview.enrolment_time.average_days == 19.3  # (17 + 15 + 26) / 3
    assert overview == Overview(
        persons=4,  # Ada, Bram, Cas, Dina
        new_persons=3,  # Bram, Cas, Dina
        returning_persons=1,  # Ada had an intake in 2025
        intakes=5,
        referrals=5,  # R1..R5
        enrolled=3,  # R1 (ingeschreven), R3 (ingeschreven), R4 (gestart without ingeschreven)
        started=4,  # R1, R3, R4, R6
        completed=2,  # R3, R6
        dropped_out=1,  # R4
        overdue_follow_ups=2,  # R1 (open, due 10/3), R5 (open, due 1/3)
        enrolment_time=overview.enrolment_time,
    )
    assert report.site_name == "Alle locaties"


def test_profile_figures_count_persons(service: ReportService) -> None:
    report = service.report(Q1, today=TODAY)
    assert nonzero(report.wishes) == [("ce-examen", 2), ("vca", 2), ("nt2", 2), ("secundair-diploma", 1)]
    assert len(report.wishes) == 13  # every category, zeros included
    assert nonzero(report.target_groups) == [
        ("gedetineerde", 2),
        ("werkzoekende", 1),
        ("ouder-zonder-diploma", 1),
        ("vroege-schoolverlater", 1),
    ]
    assert nonzero(report.thresholds) == [
        ("detentie", 2),
        ("informatie", 1),
        ("kostprijs", 1),  # Dina; Eli's intake is after the period
        ("vervoer", 1),
        ("kinderopvang", 1),
        ("tijd", 1),
        ("taal", 1),
        ("zelfvertrouwen", 1),
    ]
    assert nonzero(report.vulnerabilities) == [
        ("psychisch", 1),
        ("laaggeletterd", 1),
        ("anderstalig", 1),
        ("langdurig-ziek", 1),
    ]


def test_top_wishes_and_thresholds_per_target_group(service: ReportService) -> None:
    report = service.report(Q1, today=TODAY)
    top = {g.code: (g.persons, [(c.code, c.count) for c in g.counts]) for g in report.top_wishes_by_group}
    assert top["gedetineerde"] == (2, [("ce-examen", 2), ("vca", 1), ("nt2", 1)])
    assert top["werkzoekende"] == (1, [("vca", 1), ("nt2", 1)])
    assert top["vroege-schoolverlater"] == (1, [("ce-examen", 1), ("nt2", 1)])
    assert top["ouder-zonder-diploma"] == (1, [("secundair-diploma", 1)])
    assert top["werknemer"] == (0, [])
    thresholds = {g.code: (g.persons, nonzero(g.counts)) for g in report.thresholds_by_group}
    assert thresholds["gedetineerde"] == (2, [("detentie", 2), ("informatie", 1), ("zelfvertrouwen", 1)])
    assert thresholds["ouder-zonder-diploma"] == (1, [("kostprijs", 1), ("kinderopvang", 1), ("tijd", 1)])


def test_referrals_and_outcomes(service: ReportService) -> None:
    report = service.report(Q1, today=TODAY)
    assert [(c.label, c.count) for c in report.referrals_by_provider] == [
        ("CVO Testhuis", 3),
        ("Basiseducatie Proefstad", 1),
        ("Geen aanbieder gekozen", 1),
    ]
    assert nonzero(report.referrals_by_category) == [
        ("nt2", 2),
        ("ce-examen", 1),
        ("secundair-diploma", 1),
        ("vca", 1),
    ]
    # Persons with a referral completed or dropped out in Q1: Bram (diploma), Cas (none), Fien (paid work).
    shares = {s.code: (s.part, s.whole, s.percent) for s in report.outcome_shares}
    assert shares == {
        "diploma-certificaat": (1, 3, 33.3),
        "stage": (0, 3, 0.0),
        "betaald-werk": (1, 3, 33.3),
    }


def test_trend_per_month(service: ReportService) -> None:
    trend = service.report(Q1, today=TODAY).trend
    assert [(p.label, p.intakes, p.referrals, p.enrolments) for p in trend] == [
        ("01/2026", 2, 2, 1),
        ("02/2026", 2, 3, 2),
        ("03/2026", 1, 0, 0),
    ]


def test_prison_site(service: ReportService) -> None:
    report = service.report(Q1, site=PRISON, today=TODAY)
    o = report.overview
    assert (o.persons, o.new_persons, o.returning_persons, o.intakes) == (2, 2, 0, 3)
    assert (o.referrals, o.enrolled, o.started, o.completed, o.dropped_out, o.overdue_follow_ups) == (2, 2, 2, 1, 1, 0)
    assert (o.enrolment_time.referrals, o.enrolment_time.average_days) == (2, 20.5)
    assert nonzero(report.wishes) == [("ce-examen", 2), ("vca", 1), ("nt2", 1)]
    assert {s.code: (s.part, s.whole) for s in report.outcome_shares}["diploma-certificaat"] == (1, 2)
    assert report.site_name == "Gevangenis Mechelen"


def test_office_site(service: ReportService) -> None:
    o = service.report(Q1, site=OFFICE, today=TODAY).overview
    assert (o.persons, o.new_persons, o.returning_persons, o.intakes) == (2, 1, 1, 2)
    assert (o.referrals, o.enrolled, o.started, o.completed, o.dropped_out, o.overdue_follow_ups) == (3, 1, 2, 1, 0, 2)
    assert (o.enrolment_time.referrals, o.enrolment_time.average_days) == (1, 17.0)


def test_other_periods(service: ReportService) -> None:
    o = service.report(Period.year(2025), today=TODAY).overview
    assert (o.persons, o.new_persons, o.intakes, o.referrals, o.enrolled) == (2, 2, 2, 1, 1)
    assert o.enrolment_time.average_days == 19.0  # Fien: intake 1/12, enrolled 20/12
    march = service.report(Period.month(2026, 3), today=TODAY).overview
    assert (march.persons, march.new_persons, march.returning_persons, march.intakes) == (1, 0, 1, 1)
    assert (march.started, march.completed, march.dropped_out, march.enrolled) == (1, 1, 1, 0)
    custom = service.report(Period(dt.date(2026, 2, 1), dt.date(2026, 2, 10)), today=TODAY).overview
    assert (custom.persons, custom.intakes, custom.referrals) == (2, 2, 2)  # Ada, Dina; R1, R2
    # Overdue follow-ups depend on "today", not on the period.
    assert service.report(Q1, today=dt.date(2026, 2, 1)).overview.overdue_follow_ups == 0
    assert service.report(Q1, today=dt.date(2026, 12, 1)).overview.overdue_follow_ups == 4  # R1, R2, R5, R7


def test_empty_period_has_zeros(service: ReportService) -> None:
    report = service.report(Period.year(2020), today=TODAY)
    assert report.overview.persons == 0 and report.overview.enrolment_time.average_days is None
    assert all(s.percent is None for s in report.outcome_shares)
    assert all(c.count == 0 for c in report.wishes)


def test_dashboard_matches_report(service: ReportService) -> None:
    report = service.report(Q1, site=OFFICE, today=TODAY)
    dashboard = service.dashboard(Q1, site=OFFICE, today=TODAY)
    assert dashboard.overview == report.overview
    assert dashboard.trend == report.trend
    assert dashboard.wishes == report.wishes


def test_unknown_site_is_refused(service: ReportService) -> None:
    with pytest.raises(NotFoundError):
        service.report(Q1, site="nergens", today=TODAY)


def test_sites_and_letterhead(service: ReportService) -> None:
    assert PRISON in {s.code for s in service.sites()}
    letterhead = service.letterhead()
    assert letterhead.name == "Leerwinkel Regio Mechelen"
    assert letterhead.city == "Mechelen"
