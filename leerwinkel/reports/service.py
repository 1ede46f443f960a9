"""ReportService: every figure of a report, aggregated in SQL on the ORM models (SQLite and PostgreSQL).

What each figure means is defined in :mod:`leerwinkel.reports.figures`.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Select, and_, case, distinct, extract, func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import ColumnElement

from leerwinkel.actor import Actor
from leerwinkel.config import SETTINGS
from leerwinkel.errors import NotFoundError
from leerwinkel.i18n import N_
from leerwinkel.messages import _
from leerwinkel.reports.export import export_format, write_report
from leerwinkel.reports.figures import (
    Count,
    Dashboard,
    EnrolmentTime,
    GroupCounts,
    Letterhead,
    MonthPoint,
    OutcomeRow,
    Overview,
    Period,
    Report,
    Share,
    SiteChoice,
)
from leerwinkel.reports.sqlfuncs import days_between
from leerwinkel.security.anchors import anchor_text
from leerwinkel.security.audit import record
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
    Setting,
    Site,
)
from leerwinkel.storage.store import Store
from leerwinkel.taxonomy import (
    CLOSED_STATUSES,
    REFERRAL_STATUSES,
    TARGET_GROUPS,
    THRESHOLDS,
    VULNERABILITIES,
    WISH_CATEGORIES,
    Vocabulary,
)

#: A status change to one of these is an enrolment (the first one counts).
ENROLMENT_STATUSES = ("ingeschreven", "gestart", "afgerond")
STARTED = "gestart"
COMPLETED = "afgerond"
DROPPED_OUT = "afgehaakt"
#: Outcome groups of the outcome shares: code of the share, outcome codes, Dutch label.
OUTCOME_GROUPS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("diploma-certificaat", ("diploma", "certificaat"), N_("Diploma of certificaat")),
    ("stage", ("stage-bis",), N_("Stage")),
    ("betaald-werk", ("betaald-werk",), N_("Betaald werk")),
)
#: Outcomes that count as "led to an internship or paid work" in the outcomes per offering.
WORK_OUTCOMES = ("stage-bis", "betaald-werk")
#: A referral in one of these statuses still needs follow-up (the others are in CLOSED_STATUSES).
OPEN_STATUSES = tuple(code for code in REFERRAL_STATUSES.codes if code not in CLOSED_STATUSES)
TOP_WISHES = 3
NO_PROVIDER = N_("Geen aanbieder gekozen")
ALL_SITES = N_("Alle locaties")


@dataclass(frozen=True)
class _Scope:
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


class ReportService:
    """Computes reports and the dashboard. Read-only: it never changes a record."""

    def __init__(self, store: Store) -> None:
        self._store = store

    # -- public API ------------------------------------------------------------------------------

    def today(self) -> dt.date:
        """Today by the store's clock (the default day for overdue follow-ups and periods)."""
        return self._store.now().date()

    def sites(self) -> list[SiteChoice]:
        """The sites a report can be limited to, by name."""
        with self._store.unit_of_work() as session:
            rows = session.execute(select(Site.code, Site.name).order_by(Site.name, Site.code)).all()
        return [SiteChoice(code=code, name=name) for code, name in rows]

    def report(self, period: Period, *, site: str | None = None, today: dt.date) -> Report:
        """Every figure for ``period`` at ``site`` (a site code; None: all sites).

        ``today`` is the day overdue follow-ups are counted on. Raises NotFoundError for an
        unknown site code.
        """
        with self._store.unit_of_work() as session:
            site_id, site_name = _find_site(session, site)
            scope = _Scope(period, site_id)
            guided = scope.guided()
            trend = _trend(session, scope, _enrolments(session, scope))
            by_provider, by_category = _referral_counts(session, scope)
            return Report(
                period=period,
                site_code=site,
                site_name=site_name,
                today=today,
                overview=_overview(session, scope, today, trend),
                trend=trend.points,
                target_groups=_person_counts(session, ClientTargetGroup.code, ClientTargetGroup, guided, TARGET_GROUPS),
                wishes=_person_counts(session, LearningWish.category, LearningWish, guided, WISH_CATEGORIES),
                top_wishes_by_group=_by_group(
                    session, LearningWish.category, LearningWish, guided, WISH_CATEGORIES, limit=TOP_WISHES
                ),
                thresholds=_person_counts(session, ClientThreshold.code, ClientThreshold, guided, THRESHOLDS),
                thresholds_by_group=_by_group(session, ClientThreshold.code, ClientThreshold, guided, THRESHOLDS),
                vulnerabilities=_person_counts(
                    session, ClientVulnerability.code, ClientVulnerability, guided, VULNERABILITIES
                ),
                referrals_by_provider=by_provider,
                referrals_by_category=by_category,
                outcome_shares=_outcome_shares(session, scope),
                **_outcomes_by(session, scope),
            )

    def dashboard(self, period: Period, *, site: str | None = None, today: dt.date) -> Dashboard:
        """The headline figures, the monthly trend, wishes and thresholds (a lighter report)."""
        with self._store.unit_of_work() as session:
            site_id, _name = _find_site(session, site)
            scope = _Scope(period, site_id)
            guided = scope.guided()
            trend = _trend(session, scope, _enrolments(session, scope))
            return Dashboard(
                period=period,
                site_code=site,
                overview=_overview(session, scope, today, trend),
                trend=trend.points,
                wishes=_person_counts(session, LearningWish.category, LearningWish, guided, WISH_CATEGORIES),
                thresholds=_person_counts(session, ClientThreshold.code, ClientThreshold, guided, THRESHOLDS),
            )

    def export(
        self,
        period: Period,
        path: Path,
        *,
        site: str | None = None,
        today: dt.date,
        anonymous: bool = True,
        actor: Actor | None,
        separator: str = ";",
    ) -> Path:
        """Compute the report and write it to ``path`` (.pdf, .xlsx or .csv), anonymous by default.

        Raises InvalidInputError for another extension (before any work), NotFoundError for an
        unknown site and StorageError when the file cannot be written; a failed write leaves no file.
        A written file is an audit event "report.export" by ``actor`` (format, period, site code;
        no client data and no file name).
        """
        kind = export_format(path)
        report = self.report(period, site=site, today=today)

        anchor = anchor_text(self._store)  # the audit trail's head travels with every exported report
        written = write_report(report, self.letterhead(), path, anonymous=anonymous, separator=separator, anchor=anchor)
        with self._store.unit_of_work() as session:
            record(
                session,
                actor,
                "report.export",
                "report",
                kind.lstrip("."),
                detail={
                    "from": period.start.isoformat(),
                    "to": period.end.isoformat(),
                    "site": site or "",
                    "anonymous": anonymous,
                },
            )
        return written

    def letterhead(self) -> Letterhead:
        """The organisation.* settings (stored values over the defaults of leerwinkel.config)."""
        values: dict[str, object] = {
            spec.key: spec.default for spec in SETTINGS if spec.key.startswith("organisation.")
        }
        with self._store.unit_of_work() as session:
            rows = session.execute(select(Setting.key, Setting.value).where(Setting.key.in_(list(values)))).all()
        for key, raw in rows:
            try:
                values[key] = json.loads(raw)
            except ValueError:
                values[key] = raw
        text = {key.removeprefix("organisation."): "" if value is None else str(value) for key, value in values.items()}
        return Letterhead(
            name=text["name"],
            street=text["street"],
            postcode=text["postcode"],
            city=text["city"],
            phone=text["phone"],
            email=text["email"],
            logo=text["logo"],
        )


# -- queries ---------------------------------------------------------------------------------------


def _find_site(session: Session, code: str | None) -> tuple[uuid.UUID | None, str]:
    if code is None:
        return None, _(ALL_SITES)
    row = session.execute(select(Site.id, Site.name).where(Site.code == code)).first()
    if row is None:
        raise NotFoundError("site", code)
    return row[0], row[1]


def _first_enrolments(scope: _Scope) -> Select[uuid.UUID, dt.date, uuid.UUID]:
    """Referral id, enrolment date and client id of every referral whose enrolment is in the period.

    A referral's enrolment is its first change to an enrolment status; taking the minimum per referral
    walks the (referral_id, changed_on, status) index once, instead of asking for every change in the
    period whether an earlier one exists.
    """
    change = ReferralStatusChange
    first = (
        select(change.referral_id.label("referral_id"), func.min(change.changed_on).label("enrolled_on"))
        # Changes after the period cannot be a first enrolment inside it: leave them out early.
        .where(change.status.in_(ENROLMENT_STATUSES), change.changed_on <= scope.period.end)
        .group_by(change.referral_id)
        .subquery()
    )
    return (
        select(first.c.referral_id, first.c.enrolled_on, Referral.client_id)
        .join(Referral, Referral.id == first.c.referral_id)
        .where(scope.in_period(first.c.enrolled_on))
        .where(*scope.referral_site())
    )


@dataclass(frozen=True)
class _MonthEnrolments:
    enrolled: int
    measured: int
    total_days: float


@dataclass(frozen=True)
class _Trend:
    """The monthly points, and the enrolment figures behind them (the overview adds them up)."""

    points: tuple[MonthPoint, ...]
    enrolments: dict[tuple[int, int], _MonthEnrolments]


def _enrolments(session: Session, scope: _Scope) -> dict[tuple[int, int], _MonthEnrolments]:
    """Per (year, month): referrals enrolled, how many of them have an earlier intake, total days."""
    enrolled = _first_enrolments(scope).subquery()
    latest_intake = (
        select(func.max(Intake.held_on))
        .where(Intake.client_id == enrolled.c.client_id, Intake.held_on <= enrolled.c.enrolled_on)
        .scalar_subquery()
    )
    # MATERIALIZED (SQLite >= 3.35, PostgreSQL >= 12): the outer query counts and sums the days, and
    # a flattened sub-query would look the latest intake up once for each; this way it is looked up
    # once per enrolment (a quarter less time for a year of 100,000 clients).
    timed = (
        select(
            extract("year", enrolled.c.enrolled_on).label("y"),
            extract("month", enrolled.c.enrolled_on).label("m"),
            days_between(enrolled.c.enrolled_on, latest_intake).label("days"),
        )
        .cte("timed")
        .prefix_with("MATERIALIZED")
    )
    rows = session.execute(
        select(timed.c.y, timed.c.m, func.count(), func.count(timed.c.days), func.sum(timed.c.days)).group_by(
            timed.c.y, timed.c.m
        )
    ).all()
    return {
        (int(y), int(m)): _MonthEnrolments(int(n), int(measured), float(days or 0)) for y, m, n, measured, days in rows
    }


def _overview(session: Session, scope: _Scope, today: dt.date, trend: _Trend) -> Overview:
    """The headline figures; the referral total and the enrolment figures come from the trend."""
    guided = scope.guided()
    persons, intakes = session.execute(
        select(func.count(distinct(Intake.client_id)), func.count()).where(*scope.intakes())
    ).one()
    returning = session.execute(
        select(func.count(distinct(Intake.client_id))).where(
            Intake.held_on < scope.period.start, Intake.client_id.in_(guided)
        )
    ).scalar_one()
    # Every referral in the period falls in one of its months: the trend has counted them already.
    referrals = sum(point.referrals for point in trend.points)
    change = ReferralStatusChange
    by_status_query = (
        select(change.status, func.count(distinct(change.referral_id)))
        .where(change.status.in_((STARTED, COMPLETED, DROPPED_OUT)), scope.in_period(change.changed_on))
        .group_by(change.status)
    )
    if scope.site_id is not None:
        # Only a site needs the referral. Without one, the (status, changed_on, referral_id) index
        # answers alone: joining every change to its referral took four fifths of the time.
        by_status_query = by_status_query.join(Referral, Referral.id == change.referral_id).where(
            *scope.referral_site()
        )
    by_status: dict[str, int] = dict(session.execute(by_status_query).all())
    overdue = session.execute(
        select(func.count())
        .select_from(Referral)
        .where(Referral.status.in_(OPEN_STATUSES), Referral.follow_up_on < today, *scope.referral_site())
    ).scalar_one()
    made = (scope.in_period(Referral.referred_on), *scope.referral_site())
    overridden = select(change.referral_id).where(change.override_reason != "")
    referred_anyway = session.execute(
        select(func.count()).select_from(Referral).where(*made, Referral.id.in_(overridden))
    ).scalar_one()
    outside_catalogue = session.execute(
        select(func.count()).select_from(Referral).where(*made, Referral.external_provider != "")
    ).scalar_one()
    enrolments = trend.enrolments.values()
    enrolled_count = sum(e.enrolled for e in enrolments)
    measured = sum(e.measured for e in enrolments)
    total_days = sum(e.total_days for e in enrolments)
    average = round(total_days / measured, 1) if measured else None
    return Overview(
        persons=int(persons),
        new_persons=int(persons) - int(returning),
        returning_persons=int(returning),
        intakes=int(intakes),
        referrals=int(referrals),
        enrolled=enrolled_count,
        started=int(by_status.get(STARTED, 0)),
        completed=int(by_status.get(COMPLETED, 0)),
        dropped_out=int(by_status.get(DROPPED_OUT, 0)),
        overdue_follow_ups=int(overdue),
        enrolment_time=EnrolmentTime(referrals=measured, average_days=average),
        referred_anyway=int(referred_anyway),
        outside_catalogue=int(outside_catalogue),
    )


def _month_counts(session: Session, column: Any, query: Select[Any]) -> dict[tuple[int, int], int]:
    year = extract("year", column)
    month = extract("month", column)
    inner = query.add_columns(year.label("y"), month.label("m")).subquery()
    rows = session.execute(select(inner.c.y, inner.c.m, func.count()).group_by(inner.c.y, inner.c.m)).all()
    return {(int(y), int(m)): int(n) for y, m, n in rows}


def _trend(session: Session, scope: _Scope, enrolments: dict[tuple[int, int], _MonthEnrolments]) -> _Trend:
    intakes = _month_counts(session, Intake.held_on, select(Intake.id).where(*scope.intakes()))
    referrals = _month_counts(
        session,
        Referral.referred_on,
        select(Referral.id).where(scope.in_period(Referral.referred_on), *scope.referral_site()),
    )
    none = _MonthEnrolments(0, 0, 0.0)
    points = tuple(
        MonthPoint(
            year=y,
            month=m,
            intakes=intakes.get((y, m), 0),
            referrals=referrals.get((y, m), 0),
            enrolments=enrolments.get((y, m), none).enrolled,
        )
        for y, m in scope.period.months()
    )
    return _Trend(points, enrolments)


def _ordered(counts: dict[str, int], vocabulary: Vocabulary, *, with_zeros: bool = True) -> tuple[Count, ...]:
    """Counts by count (high first), ties in vocabulary order; every known code, unknown codes last."""
    order = {code: index for index, code in enumerate(vocabulary.codes)}
    codes: Iterable[str] = set(counts) | (set(vocabulary.codes) if with_zeros else set())
    ranked = sorted(codes, key=lambda code: (-counts.get(code, 0), order.get(code, len(order)), code))
    return tuple(Count(code, vocabulary.label(code), counts.get(code, 0)) for code in ranked)


def _person_counts(
    session: Session, code: Any, entity: Any, guided: Select[Any], vocabulary: Vocabulary
) -> tuple[Count, ...]:
    rows = session.execute(
        select(code, func.count(distinct(entity.client_id))).where(entity.client_id.in_(guided)).group_by(code)
    ).all()
    return _ordered({c: int(n) for c, n in rows}, vocabulary)


def _by_group(
    session: Session,
    code: Any,
    entity: Any,
    guided: Select[Any],
    vocabulary: Vocabulary,
    *,
    limit: int | None = None,
) -> tuple[GroupCounts, ...]:
    """Per target group: persons in the group, and per code the persons in the group who have it."""
    group = ClientTargetGroup
    persons: dict[str, int] = dict(
        session.execute(
            select(group.code, func.count(distinct(group.client_id)))
            .where(group.client_id.in_(guided))
            .group_by(group.code)
        ).all()
    )
    rows = session.execute(
        select(group.code, code, func.count(distinct(group.client_id)))
        .join(entity, entity.client_id == group.client_id)
        .where(group.client_id.in_(guided))
        .group_by(group.code, code)
    ).all()
    per_group: dict[str, dict[str, int]] = {}
    for group_code, item_code, count in rows:
        per_group.setdefault(group_code, {})[item_code] = int(count)
    result: list[GroupCounts] = []
    for group_code in _known_first(persons, TARGET_GROUPS.codes):
        ranked = _ordered(per_group.get(group_code, {}), vocabulary, with_zeros=limit is None)
        if limit is not None:
            ranked = tuple(c for c in ranked if c.count > 0)[:limit]
        result.append(GroupCounts(group_code, TARGET_GROUPS.label(group_code), int(persons.get(group_code, 0)), ranked))
    return tuple(result)


def _known_first(present: dict[str, Any], known: Sequence[str]) -> list[str]:
    """Every known code in vocabulary order, then unknown codes that occur, sorted."""
    return list(known) + sorted(code for code in present if code not in known)


def _referral_counts(session: Session, scope: _Scope) -> tuple[tuple[Count, ...], tuple[Count, ...]]:
    """Referrals in the period per provider and per category, from one pass over the period's referrals.

    Grouped by provider and category together, the (referred_on, site_id, provider_id, category) index
    answers alone; asked per category only, SQLite walked the whole table in category order instead
    (0.5 s of a year's full report).
    """
    grouped = (
        select(Referral.provider_id, Referral.category, func.count().label("n"))
        .where(scope.in_period(Referral.referred_on), *scope.referral_site())
        .group_by(Referral.provider_id, Referral.category)
        .subquery()
    )
    rows = session.execute(
        select(grouped.c.provider_id, Provider.name, grouped.c.category, grouped.c.n).outerjoin(
            Provider, Provider.id == grouped.c.provider_id
        )
    ).all()
    providers: dict[uuid.UUID | None, tuple[str, int]] = {}
    categories: dict[str, int] = {}
    for provider_id, name, category, n in rows:
        label, count = providers.get(provider_id, (name or _(NO_PROVIDER), 0))
        providers[provider_id] = (label, count + int(n))
        categories[category] = categories.get(category, 0) + int(n)
    by_provider = [
        Count("" if provider_id is None else str(provider_id), label, count)
        for provider_id, (label, count) in providers.items()
    ]
    return (
        tuple(sorted(by_provider, key=lambda c: (-c.count, c.code == "", c.label.casefold()))),
        _ordered(categories, WISH_CATEGORIES),
    )


def _outcome_shares(session: Session, scope: _Scope) -> tuple[Share, ...]:
    change = ReferralStatusChange
    closed = (
        select(Referral.client_id, Referral.outcome)
        .join(change, change.referral_id == Referral.id)
        .where(change.status.in_((COMPLETED, DROPPED_OUT)), scope.in_period(change.changed_on))
        .where(*scope.referral_site())
        .subquery()
    )
    columns = [
        func.count(distinct(case((closed.c.outcome.in_(outcomes), closed.c.client_id))))
        for _code, outcomes, _label in OUTCOME_GROUPS
    ]
    row = session.execute(select(func.count(distinct(closed.c.client_id)), *columns)).one()
    whole = int(row[0])
    return tuple(
        Share(code, _(label), int(part), whole)
        for (code, _outcomes, label), part in zip(OUTCOME_GROUPS, row[1:], strict=True)
    )


def _outcomes_by(session: Session, scope: _Scope) -> dict[str, tuple[OutcomeRow, ...]]:
    """What became of the period's referrals, per offering, per provider and per programme (category).

    One pass: each referral of the period with whether it ever started or completed (its status history or
    its current status), grouped by offering, provider and category in SQL; providers and programmes are
    summed from those groups.
    """
    change = ReferralStatusChange
    reached = (
        select(
            change.referral_id,
            func.max(case((change.status.in_((STARTED, COMPLETED)), 1), else_=0)).label("started"),
            func.max(case((change.status == COMPLETED, 1), else_=0)).label("completed"),
        )
        .group_by(change.referral_id)
        .subquery()
    )
    started = case((Referral.status.in_((STARTED, COMPLETED)), 1), else_=func.coalesce(reached.c.started, 0))
    completed = case((Referral.status == COMPLETED, 1), else_=func.coalesce(reached.c.completed, 0))
    to_work = case((Referral.outcome.in_(WORK_OUTCOMES), 1), else_=0)
    rows = session.execute(
        select(
            Referral.offering_id,
            Offering.title,
            Referral.provider_id,
            Provider.name,
            Referral.external_provider,
            Referral.category,
            func.count(),
            func.sum(started),
            func.sum(completed),
            func.sum(to_work),
        )
        .outerjoin(reached, reached.c.referral_id == Referral.id)
        .outerjoin(Offering, Offering.id == Referral.offering_id)
        .outerjoin(Provider, Provider.id == Referral.provider_id)
        .where(scope.in_period(Referral.referred_on), *scope.referral_site())
        .group_by(
            Referral.offering_id,
            Offering.title,
            Referral.provider_id,
            Provider.name,
            Referral.external_provider,
            Referral.category,
        )
    ).all()
    offerings: dict[str, list[Any]] = {}
    providers: dict[str, list[Any]] = {}
    programmes: dict[str, list[Any]] = {}
    for offering_id, title, provider_id, provider, external, category, *numbers in rows:
        counts = [int(value or 0) for value in numbers]
        if offering_id is not None:
            offering_key, offering_label = str(offering_id), title or ""
        else:
            offering_key, offering_label = "", _("Buiten de catalogus of zonder aanbod")
        if provider_id is not None:
            provider_key, provider_label = str(provider_id), provider or ""
        elif external:
            provider_key, provider_label = (
                "extern:" + external.casefold(),
                _("{name} (buiten de catalogus)").format(name=external),
            )
        else:
            provider_key, provider_label = "", NO_PROVIDER
        for into, key, label in (
            (offerings, offering_key, offering_label),
            (providers, provider_key, provider_label),
            (programmes, category, WISH_CATEGORIES.label(category)),
        ):
            entry = into.setdefault(key, [label, 0, 0, 0, 0])
            for index, value in enumerate(counts, start=1):
                entry[index] += value

    def ordered(groups: dict[str, list[Any]]) -> tuple[OutcomeRow, ...]:
        result = [OutcomeRow(key, label, *numbers) for key, (label, *numbers) in groups.items()]
        return tuple(sorted(result, key=lambda r: (-r.referred, r.code == "", r.label.casefold())))

    return {
        "outcomes_by_offering": ordered(offerings),
        "outcomes_by_provider": ordered(providers),
        "outcomes_by_programme": ordered(programmes),
    }
