"""The SQL figures agree with a plain-Python recount on a generated data set (with planner statistics).

A guard against query plans that give wrong answers: SQLite 3.40 once dropped a range condition
with an index on (referral_id, status, changed_on), which the small hand-made data set did not show.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import statistics
from collections import defaultdict
from pathlib import Path
from types import ModuleType

from sqlalchemy import select

from leerwinkel.reports import Period, ReportService
from leerwinkel.reports.service import ENROLMENT_STATUSES, OPEN_STATUSES
from leerwinkel.storage.models import Intake, LearningWish, Referral, ReferralStatusChange
from leerwinkel.storage.store import Store

TODAY = dt.date(2026, 6, 1)


def _benchmark() -> ModuleType:
    path = Path(__file__).resolve().parents[2] / "benchmarks" / "reports.py"
    spec = importlib.util.spec_from_file_location("benchmark_reports", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_figures_match_a_plain_recount(store: Store) -> None:
    _benchmark().generate(store, clients=600)
    period = Period.year(2025)
    report = ReportService(store).report(period, today=TODAY)

    with store.unit_of_work() as session:
        intakes = session.execute(select(Intake.client_id, Intake.held_on)).all()
        wishes = session.execute(select(LearningWish.client_id, LearningWish.category)).all()
        referrals = session.execute(
            select(Referral.id, Referral.client_id, Referral.status, Referral.follow_up_on)
        ).all()
        changes = session.execute(
            select(ReferralStatusChange.referral_id, ReferralStatusChange.status, ReferralStatusChange.changed_on)
        ).all()

    def inside(day: dt.date) -> bool:
        return period.start <= day <= period.end

    guided = {c for c, day in intakes if inside(day)}
    returning = {c for c, day in intakes if day < period.start and c in guided}
    enrolled_on: dict[object, dt.date] = {}
    for referral_id, status, day in changes:
        if status in ENROLMENT_STATUSES and (referral_id not in enrolled_on or day < enrolled_on[referral_id]):
            enrolled_on[referral_id] = day
    client_of = {r.id: r.client_id for r in referrals}
    enrolled = {r: day for r, day in enrolled_on.items() if inside(day)}
    intake_days = defaultdict(list)
    for client, day in intakes:
        intake_days[client].append(day)
    waits = []
    for referral_id, day in enrolled.items():
        earlier = [d for d in intake_days[client_of[referral_id]] if d <= day]
        if earlier:
            waits.append((day - max(earlier)).days)
    wish_persons: dict[str, set[object]] = defaultdict(set)
    for client, category in wishes:
        if client in guided:
            wish_persons[category].add(client)
    started = {r for r, status, day in changes if status == "gestart" and inside(day)}

    o = report.overview
    assert o.persons == len(guided) > 0
    assert o.returning_persons == len(returning)
    assert o.intakes == sum(1 for _c, day in intakes if inside(day))
    assert o.enrolled == len(enrolled) > 0
    assert o.started == len(started)
    assert o.enrolment_time.referrals == len(waits)
    assert o.enrolment_time.average_days == round(statistics.fmean(waits), 1)
    assert o.overdue_follow_ups == sum(
        1 for r in referrals if r.status in OPEN_STATUSES and r.follow_up_on is not None and r.follow_up_on < TODAY
    )
    assert {c.code: c.count for c in report.wishes if c.count} == {k: len(v) for k, v in wish_persons.items()}
    assert sum(p.enrolments for p in report.trend) == len(enrolled)
