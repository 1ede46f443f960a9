"""The report's SQL: few passes, each over one table's rows for the period, with conditional aggregates.

Every figure of :mod:`leerwinkel.reports.figures` comes from one of these passes:

- intakes: per day of the period (index only), and the persons guided with how many of them returned;
- the persons' profiles: one statement that finds the persons guided once and reads each profile table
  once (target groups, wishes, thresholds, vulnerabilities, and the per-group tables from those rows);
- referrals: per day (index only), and one pass over the period's referrals that counts, per offering,
  provider, outside-catalogue name and category, what became of them (started, completed, to work),
  and which were referred anyway or outside the catalogue;
- enrolments: the referrals whose first enrolment falls in the period, with the days since the intake;
- status changes: the started/completed/dropped-out counts and the outcome shares.

What a referral's history reached (started, completed) and the day it enrolled are columns of the
referral row, kept by the database's triggers on the status history (revision 0210): the report reads
them instead of searching each referral's history.

A report used to make about twenty statements, several of them over whole tables whatever the period;
on a database larger than the page cache each pass read and decrypted the same pages again (issue 15).
The SQL stays portable (SQLite and PostgreSQL); only :mod:`leerwinkel.reports.sqlfuncs` differs per dialect.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnExpressionArgument,
    Exists,
    Select,
    String,
    and_,
    case,
    cast,
    distinct,
    func,
    literal_column,
    null,
    or_,
    select,
    union_all,
)
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.expression import ColumnElement

from leerwinkel.reports.figures import Period
from leerwinkel.reports.sqlfuncs import days_between
from leerwinkel.storage.models import (
    ClientTargetGroup,
    ClientThreshold,
    ClientVulnerability,
    Intake,
    LearningWish,
    Offering,
    Provider,
    Referral,
    ReferralStatusChange,
)
from leerwinkel.taxonomy import OPEN_STATUSES

#: A status change to one of these is an enrolment (the first one counts).
ENROLMENT_STATUSES = ("ingeschreven", "gestart", "afgerond")
STARTED = "gestart"
COMPLETED = "afgerond"
DROPPED_OUT = "afgehaakt"
#: Outcomes that count as "led to an internship or paid work" in the outcomes per offering.
WORK_OUTCOMES = ("stage-bis", "betaald-werk")
#: The profile tables of the profile pass, by the name its rows carry.
GROUPS, WISHES, THRESHOLDS, VULNERABILITIES = "group", "wish", "threshold", "vulnerability"

Month = tuple[int, int]
#: The empty reason, written into the SQL as the partial index ix_referral_status_changes_overridden
#: states its condition, so that the planner sees that the index answers ``override_reason != ''``.
NO_REASON = literal_column("''", String)


@dataclass(frozen=True)
class Scope:
    """The period and the site id (None: all sites) every query filters on."""

    period: Period
    site_id: uuid.UUID | None

    def intakes(self) -> list[ColumnElement[bool]]:
        conditions = [Intake.held_on >= self.period.start, Intake.held_on <= self.period.end]
        if self.site_id is not None:
            conditions.append(Intake.site_id == self.site_id)
        return conditions

    def referral_site(self) -> list[ColumnElement[bool]]:
        return [] if self.site_id is None else [Referral.site_id == self.site_id]

    def in_period(self, column: Any) -> ColumnElement[bool]:
        return and_(column >= self.period.start, column <= self.period.end)

    def guided(self) -> Select[Any]:
        """The ids of the persons guided in the period (for IN sub-queries)."""
        return select(Intake.client_id).where(*self.intakes()).distinct()


def _exists(*conditions: ColumnElement[bool]) -> Exists:
    """``EXISTS (SELECT 1 ...)``: SQLAlchemy's ``exists()`` selects ``*``, and SQLite then reads the table's
    row for every probe instead of answering from a covering index (a third of a year's report at 100,000
    clients). The FROM is taken from the conditions.
    """
    return select(literal_column("1")).where(*conditions).exists()


def _months(per_day: dict[dt.date, int]) -> dict[Month, int]:
    months: dict[Month, int] = defaultdict(int)
    for day, count in per_day.items():
        months[(day.year, day.month)] += count
    return dict(months)


def _per_day(session: Session, column: Any, *conditions: ColumnElement[bool]) -> dict[dt.date, int]:
    """Rows per day of ``column``: grouped by the column itself, the date index answers in its own order.

    (Grouping by year and month in SQL evaluated two date functions on every row: ten times slower.)
    """
    rows = session.execute(select(column, func.count()).where(*conditions).group_by(column)).all()
    return {day: int(count) for day, count in rows}


# -- intakes -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Persons:
    persons: int
    returning: int


def intake_months(session: Session, scope: Scope) -> dict[Month, int]:
    """Intakes held in the period per (year, month)."""
    return _months(_per_day(session, Intake.held_on, *scope.intakes()))


def persons(session: Session, scope: Scope) -> Persons:
    """Persons guided in the period, and how many of them had an intake (at any site) before it."""
    guided = scope.guided().subquery()
    earlier = aliased(Intake)
    returned = _exists(earlier.client_id == guided.c.client_id, earlier.held_on < scope.period.start)
    total, returning = session.execute(
        select(func.count(), func.coalesce(func.sum(case((returned, 1), else_=0)), 0)).select_from(guided)
    ).one()
    return Persons(int(total), int(returning))


# -- the persons' profiles -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Profiles:
    """Persons per code of each profile table, and per (target group, code) for wishes and thresholds."""

    counts: dict[str, dict[str, int]]
    by_group: dict[str, dict[str, dict[str, int]]]


def profiles(session: Session, scope: Scope) -> Profiles:
    """One statement: the persons guided are found once, each profile table is read once for them.

    Rows: (table, code, target group or NULL, persons). Each set holds a person at most once per code:
    target groups, thresholds and vulnerabilities are unique per (client, code) by their constraints,
    wishes are made distinct here (a person with two wishes of one category counts once). So every
    figure is a plain ``count(*)``: ``count(DISTINCT ...)`` built a temporary b-tree per code and group
    for nothing (as the benchmark's floor does it: 542 against 665 ms at 100,000 clients; issue 15).
    The per-group rows join two of the small materialised sets, not the tables again.
    """
    guided = scope.guided().cte("guided").prefix_with("MATERIALIZED")
    in_guided = select(guided.c.client_id)

    def rows_of(entity: Any, code: Any, name: str, *, distinct_rows: bool = False) -> Any:
        rows = select(entity.client_id.label("client_id"), code.label("code")).where(entity.client_id.in_(in_guided))
        return (rows.distinct() if distinct_rows else rows).cte(name).prefix_with("MATERIALIZED")

    groups = rows_of(ClientTargetGroup, ClientTargetGroup.code, "profile_groups")
    wishes = rows_of(LearningWish, LearningWish.category, "profile_wishes", distinct_rows=True)
    thresholds = rows_of(ClientThreshold, ClientThreshold.code, "profile_thresholds")
    no_group = cast(null(), String)
    parts: list[Select[str, str, str, int]] = []
    for name, rows in ((GROUPS, groups), (WISHES, wishes), (THRESHOLDS, thresholds)):
        parts.append(
            select(
                literal_column(f"'{name}'", String).label("kind"),
                rows.c.code,
                no_group.label("group_code"),
                func.count().label("n"),
            ).group_by(rows.c.code)
        )
    for name, rows in ((WISHES, wishes), (THRESHOLDS, thresholds)):
        parts.append(
            select(literal_column(f"'{name}'", String), rows.c.code, groups.c.code, func.count())
            .join(groups, groups.c.client_id == rows.c.client_id)
            .group_by(rows.c.code, groups.c.code)
        )
    vulnerability = ClientVulnerability
    parts.append(
        select(literal_column(f"'{VULNERABILITIES}'", String), vulnerability.code, no_group, func.count())
        .where(vulnerability.client_id.in_(in_guided))
        .group_by(vulnerability.code)
    )
    counts: dict[str, dict[str, int]] = {name: {} for name in (GROUPS, WISHES, THRESHOLDS, VULNERABILITIES)}
    by_group: dict[str, dict[str, dict[str, int]]] = {WISHES: {}, THRESHOLDS: {}}
    for kind, code, group_code, n in session.execute(union_all(*parts)).all():
        if group_code is None:
            counts[kind][code] = int(n)
        else:
            by_group[kind].setdefault(group_code, {})[code] = int(n)
    return Profiles(counts, by_group)


# -- referrals -----------------------------------------------------------------------------------------


def referral_months(session: Session, scope: Scope) -> dict[Month, int]:
    """Referrals made in the period per (year, month); the (referred_on, site_id, ...) index answers alone."""
    return _months(
        _per_day(session, Referral.referred_on, scope.in_period(Referral.referred_on), *scope.referral_site())
    )


@dataclass(frozen=True)
class ReferralGroup:
    """The period's referrals to one offering, provider, outside-catalogue name and category."""

    offering_id: uuid.UUID | None
    offering_title: str | None
    provider_id: uuid.UUID | None
    provider_name: str | None
    external_provider: str
    category: str
    referred: int
    started: int
    completed: int
    to_work: int
    referred_anyway: int
    outside_catalogue: int


def referral_groups(session: Session, scope: Scope) -> list[ReferralGroup]:
    """One pass over the referrals made in the period, grouped by what they were referred to.

    Per referral: whether it ever started or completed (its current status, or what its status history
    reached: the columns the database keeps on the referral row, revision 0210), its outcome, whether
    it was referred anyway and whether the provider is outside the catalogue. Names are joined after
    grouping, once per group. (Two EXISTS probes into the history per referral took a third longer at
    100,000 clients: 490 against 331 ms; issue 15.)
    """
    change = ReferralStatusChange

    def reached(statuses: tuple[str, ...], history: ColumnExpressionArgument[bool]) -> ColumnElement[int]:
        return case((or_(Referral.status.in_(statuses), history), 1), else_=0)

    overridden = select(change.referral_id).where(change.override_reason != NO_REASON)
    grouped = (
        select(
            Referral.offering_id,
            Referral.provider_id,
            Referral.external_provider,
            Referral.category,
            func.count().label("referred"),
            func.sum(reached((STARTED, COMPLETED), Referral.reached_started)).label("started"),
            func.sum(reached((COMPLETED,), Referral.reached_completed)).label("completed"),
            func.sum(case((Referral.outcome.in_(WORK_OUTCOMES), 1), else_=0)).label("to_work"),
            func.sum(case((Referral.id.in_(overridden), 1), else_=0)).label("anyway"),
            func.sum(case((Referral.external_provider != "", 1), else_=0)).label("outside"),
        )
        .where(scope.in_period(Referral.referred_on), *scope.referral_site())
        .group_by(Referral.offering_id, Referral.provider_id, Referral.external_provider, Referral.category)
        .subquery()
    )
    rows = session.execute(
        select(grouped, Offering.title, Provider.name)
        .outerjoin(Offering, Offering.id == grouped.c.offering_id)
        .outerjoin(Provider, Provider.id == grouped.c.provider_id)
    ).all()
    return [
        ReferralGroup(
            offering_id=row.offering_id,
            offering_title=row.title,
            provider_id=row.provider_id,
            provider_name=row.name,
            external_provider=row.external_provider or "",
            category=row.category,
            referred=int(row.referred),
            started=int(row.started or 0),
            completed=int(row.completed or 0),
            to_work=int(row.to_work or 0),
            referred_anyway=int(row.anyway or 0),
            outside_catalogue=int(row.outside or 0),
        )
        for row in rows
    ]


def referral_flags(session: Session, scope: Scope) -> tuple[int, int]:
    """Referrals made in the period (at the site) that were referred anyway, and outside the catalogue.

    The dashboard's share of :func:`referral_groups`, without the status history look-ups it does not need.
    """
    overridden = select(ReferralStatusChange.referral_id).where(ReferralStatusChange.override_reason != NO_REASON)
    anyway, outside = session.execute(
        select(
            func.coalesce(func.sum(case((Referral.id.in_(overridden), 1), else_=0)), 0),
            func.coalesce(func.sum(case((Referral.external_provider != "", 1), else_=0)), 0),
        ).where(scope.in_period(Referral.referred_on), *scope.referral_site())
    ).one()
    return int(anyway), int(outside)


def overdue_follow_ups(session: Session, scope: Scope, today: dt.date) -> int:
    """Open referrals (at the site) whose follow-up date lies before ``today``, whatever the period."""
    return int(
        session.execute(
            select(func.count())
            .select_from(Referral)
            .where(Referral.status.in_(OPEN_STATUSES), Referral.follow_up_on < today, *scope.referral_site())
        ).scalar_one()
    )


# -- status changes ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MonthEnrolments:
    enrolled: int
    measured: int
    total_days: float


def enrolments(session: Session, scope: Scope) -> dict[Month, MonthEnrolments]:
    """Per (year, month): referrals enrolled, how many of them have an earlier intake, total days.

    A referral's enrolment is its first change to an enrolment status: the day the database keeps on
    the referral row (``enrolled_on``, revision 0210), so the (enrolled_on, site_id, client_id) index
    gives the period's enrolments alone. (Grouping the period's status changes and probing each
    referral for an earlier enrolment took three times as long at 100,000 clients; issue 15.)
    """
    enrolled = (
        select(Referral.enrolled_on, Referral.client_id)
        .where(scope.in_period(Referral.enrolled_on), *scope.referral_site())
        .subquery()
    )
    latest_intake = (
        select(func.max(Intake.held_on))
        .where(Intake.client_id == enrolled.c.client_id, Intake.held_on <= enrolled.c.enrolled_on)
        .scalar_subquery()
    )
    # MATERIALIZED (SQLite >= 3.35, PostgreSQL >= 12): the outer query counts and sums the days, and
    # a flattened sub-query would look the latest intake up once for each; this way once per enrolment.
    timed = (
        select(enrolled.c.enrolled_on.label("day"), days_between(enrolled.c.enrolled_on, latest_intake).label("days"))
        .cte("timed")
        .prefix_with("MATERIALIZED")
    )
    rows = session.execute(
        select(timed.c.day, func.count(), func.count(timed.c.days), func.sum(timed.c.days)).group_by(timed.c.day)
    ).all()
    months: dict[Month, MonthEnrolments] = {}
    for day, n, measured, days in rows:
        before = months.get((day.year, day.month), MonthEnrolments(0, 0, 0.0))
        months[(day.year, day.month)] = MonthEnrolments(
            before.enrolled + int(n), before.measured + int(measured), before.total_days + float(days or 0)
        )
    return months


def status_counts(session: Session, scope: Scope) -> dict[str, int]:
    """Referrals with a change to started, completed or dropped out in the period, per status."""
    change = ReferralStatusChange
    query = (
        select(change.status, func.count(distinct(change.referral_id)))
        .where(change.status.in_((STARTED, COMPLETED, DROPPED_OUT)), scope.in_period(change.changed_on))
        .group_by(change.status)
    )
    if scope.site_id is not None:
        # Only a site needs the referral. Without one, the (status, changed_on, referral_id) index
        # answers alone: joining every change to its referral took four fifths of the time.
        query = query.join(Referral, Referral.id == change.referral_id).where(*scope.referral_site())
    return {status: int(n) for status, n in session.execute(query).all()}


def outcome_persons(session: Session, scope: Scope, groups: tuple[tuple[str, ...], ...]) -> tuple[int, list[int]]:
    """Persons with a referral completed or dropped out in the period, and per outcome group those with one."""
    change = ReferralStatusChange
    # The referrals as an IN list, not a join: SQLite makes the list once, sorted, and reads the referrals
    # in the order of their ids (a join looked each one up in the order of the changes' dates, all over
    # the file: the statement alone 8.5 -> 204 ms from 10,000 to 100,000 clients, now 9.4 -> 144 ms).
    closed_ids = select(change.referral_id).where(
        change.status.in_((COMPLETED, DROPPED_OUT)), scope.in_period(change.changed_on)
    )
    closed = (
        select(Referral.client_id, Referral.outcome)
        .where(Referral.id.in_(closed_ids), *scope.referral_site())
        .subquery()
    )
    columns = [func.count(distinct(case((closed.c.outcome.in_(outcomes), closed.c.client_id)))) for outcomes in groups]
    row = session.execute(select(func.count(distinct(closed.c.client_id)), *columns)).one()
    return int(row[0]), [int(part) for part in row[1:]]
