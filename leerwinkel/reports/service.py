"""ReportService: every figure of a report, from a few SQL passes on the ORM models (SQLite and PostgreSQL).

What each figure means is defined in :mod:`leerwinkel.reports.figures`; the SQL is in
:mod:`leerwinkel.reports.passes`. This module turns the passes' counts into the report's dataclasses.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from leerwinkel.actor import Actor
from leerwinkel.config import SETTINGS
from leerwinkel.errors import NotFoundError
from leerwinkel.i18n import N_
from leerwinkel.messages import _
from leerwinkel.reports import passes
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
from leerwinkel.reports.passes import (
    COMPLETED,
    DROPPED_OUT,
    ENROLMENT_STATUSES,
    STARTED,
    WORK_OUTCOMES,
    MonthEnrolments,
    ReferralGroup,
    Scope,
)
from leerwinkel.security.anchors import anchor_text
from leerwinkel.security.audit import record
from leerwinkel.storage.models import Setting, Site
from leerwinkel.storage.store import Store
from leerwinkel.taxonomy import OPEN_STATUSES, TARGET_GROUPS, THRESHOLDS, VULNERABILITIES, WISH_CATEGORIES, Vocabulary

__all__ = ["ENROLMENT_STATUSES", "OPEN_STATUSES", "WORK_OUTCOMES", "ReportService"]

#: Outcome groups of the outcome shares: code of the share, outcome codes, Dutch label.
OUTCOME_GROUPS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("diploma-certificaat", ("diploma", "certificaat"), N_("Diploma of certificaat")),
    ("stage", ("stage-bis",), N_("Stage")),
    ("betaald-werk", ("betaald-werk",), N_("Betaald werk")),
)
TOP_WISHES = 3
NO_PROVIDER = N_("Geen aanbieder gekozen")
ALL_SITES = N_("Alle locaties")


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
            scope = Scope(period, site_id)
            trend = _trend(session, scope)
            groups = passes.referral_groups(session, scope)
            profiles = passes.profiles(session, scope)
            by_provider, by_category = _referral_counts(groups)
            return Report(
                period=period,
                site_code=site,
                site_name=site_name,
                today=today,
                overview=_overview(
                    session,
                    scope,
                    today,
                    trend,
                    referred_anyway=sum(group.referred_anyway for group in groups),
                    outside_catalogue=sum(group.outside_catalogue for group in groups),
                ),
                trend=trend.points,
                target_groups=_ordered(profiles.counts[passes.GROUPS], TARGET_GROUPS),
                wishes=_ordered(profiles.counts[passes.WISHES], WISH_CATEGORIES),
                top_wishes_by_group=_by_group(profiles, passes.WISHES, WISH_CATEGORIES, limit=TOP_WISHES),
                thresholds=_ordered(profiles.counts[passes.THRESHOLDS], THRESHOLDS),
                thresholds_by_group=_by_group(profiles, passes.THRESHOLDS, THRESHOLDS),
                vulnerabilities=_ordered(profiles.counts[passes.VULNERABILITIES], VULNERABILITIES),
                referrals_by_provider=by_provider,
                referrals_by_category=by_category,
                outcome_shares=_outcome_shares(session, scope),
                **_outcomes_by(groups),
            )

    def dashboard(self, period: Period, *, site: str | None = None, today: dt.date) -> Dashboard:
        """The headline figures, the monthly trend, wishes and thresholds (a lighter report)."""
        with self._store.unit_of_work() as session:
            site_id, _name = _find_site(session, site)
            scope = Scope(period, site_id)
            trend = _trend(session, scope)
            profiles = passes.profiles(session, scope)
            return Dashboard(
                period=period,
                site_code=site,
                overview=_overview(session, scope, today, trend, *passes.referral_flags(session, scope)),
                trend=trend.points,
                wishes=_ordered(profiles.counts[passes.WISHES], WISH_CATEGORIES),
                thresholds=_ordered(profiles.counts[passes.THRESHOLDS], THRESHOLDS),
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


# -- from the passes' counts to the report's figures ---------------------------------------------------


def _find_site(session: Session, code: str | None) -> tuple[uuid.UUID | None, str]:
    if code is None:
        return None, _(ALL_SITES)
    row = session.execute(select(Site.id, Site.name).where(Site.code == code)).first()
    if row is None:
        raise NotFoundError("site", code)
    return row[0], row[1]


@dataclass(frozen=True)
class _Trend:
    """The monthly points, and the enrolment figures behind them (the overview adds them up)."""

    points: tuple[MonthPoint, ...]
    enrolments: dict[tuple[int, int], MonthEnrolments]


def _trend(session: Session, scope: Scope) -> _Trend:
    intakes = passes.intake_months(session, scope)
    referrals = passes.referral_months(session, scope)
    enrolments = passes.enrolments(session, scope)
    none = MonthEnrolments(0, 0, 0.0)
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


def _overview(
    session: Session, scope: Scope, today: dt.date, trend: _Trend, referred_anyway: int, outside_catalogue: int
) -> Overview:
    """The headline figures; intake, referral and enrolment totals come from the trend's months."""
    guided = passes.persons(session, scope)
    by_status = passes.status_counts(session, scope)
    enrolments = trend.enrolments.values()
    measured = sum(e.measured for e in enrolments)
    total_days = sum(e.total_days for e in enrolments)
    return Overview(
        persons=guided.persons,
        new_persons=guided.persons - guided.returning,
        returning_persons=guided.returning,
        intakes=sum(point.intakes for point in trend.points),
        # Every referral in the period falls in one of its months: the trend has counted them already.
        referrals=sum(point.referrals for point in trend.points),
        enrolled=sum(e.enrolled for e in enrolments),
        started=by_status.get(STARTED, 0),
        completed=by_status.get(COMPLETED, 0),
        dropped_out=by_status.get(DROPPED_OUT, 0),
        overdue_follow_ups=passes.overdue_follow_ups(session, scope, today),
        enrolment_time=EnrolmentTime(
            referrals=measured, average_days=round(total_days / measured, 1) if measured else None
        ),
        referred_anyway=referred_anyway,
        outside_catalogue=outside_catalogue,
    )


def _ordered(counts: dict[str, int], vocabulary: Vocabulary, *, with_zeros: bool = True) -> tuple[Count, ...]:
    """Counts by count (high first), ties in vocabulary order; every known code, unknown codes last."""
    order = {code: index for index, code in enumerate(vocabulary.codes)}
    codes: Iterable[str] = set(counts) | (set(vocabulary.codes) if with_zeros else set())
    ranked = sorted(codes, key=lambda code: (-counts.get(code, 0), order.get(code, len(order)), code))
    return tuple(Count(code, vocabulary.label(code), counts.get(code, 0)) for code in ranked)


def _by_group(
    profiles: passes.Profiles, kind: str, vocabulary: Vocabulary, *, limit: int | None = None
) -> tuple[GroupCounts, ...]:
    """Per target group: persons in the group, and per code the persons in the group who have it."""
    persons = profiles.counts[passes.GROUPS]
    per_group = profiles.by_group[kind]
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


def _referral_counts(groups: Sequence[ReferralGroup]) -> tuple[tuple[Count, ...], tuple[Count, ...]]:
    """Referrals in the period per provider and per category, added up from the referral pass's groups."""
    providers: dict[uuid.UUID | None, tuple[str, int]] = {}
    categories: dict[str, int] = {}
    for group in groups:
        label, count = providers.get(group.provider_id, (group.provider_name or _(NO_PROVIDER), 0))
        providers[group.provider_id] = (label, count + group.referred)
        categories[group.category] = categories.get(group.category, 0) + group.referred
    by_provider = [
        Count("" if provider_id is None else str(provider_id), label, count)
        for provider_id, (label, count) in providers.items()
    ]
    return (
        tuple(sorted(by_provider, key=lambda c: (-c.count, c.code == "", c.label.casefold()))),
        _ordered(categories, WISH_CATEGORIES),
    )


def _outcome_shares(session: Session, scope: Scope) -> tuple[Share, ...]:
    whole, parts = passes.outcome_persons(session, scope, tuple(outcomes for _code, outcomes, _label in OUTCOME_GROUPS))
    return tuple(
        Share(code, _(label), part, whole) for (code, _outcomes, label), part in zip(OUTCOME_GROUPS, parts, strict=True)
    )


def _outcomes_by(groups: Sequence[ReferralGroup]) -> dict[str, tuple[OutcomeRow, ...]]:
    """What became of the period's referrals, per offering, per provider and per programme (category)."""
    offerings: dict[str, list[Any]] = {}
    providers: dict[str, list[Any]] = {}
    programmes: dict[str, list[Any]] = {}
    for group in groups:
        counts = (group.referred, group.started, group.completed, group.to_work)
        if group.offering_id is not None:
            offering_key, offering_label = str(group.offering_id), group.offering_title or ""
        else:
            offering_key, offering_label = "", _("Buiten de catalogus of zonder aanbod")
        if group.provider_id is not None:
            provider_key, provider_label = str(group.provider_id), group.provider_name or ""
        elif group.external_provider:
            provider_key, provider_label = (
                "extern:" + group.external_provider.casefold(),
                _("{name} (buiten de catalogus)").format(name=group.external_provider),
            )
        else:
            provider_key, provider_label = "", _(NO_PROVIDER)
        for into, key, label in (
            (offerings, offering_key, offering_label),
            (providers, provider_key, provider_label),
            (programmes, group.category, WISH_CATEGORIES.label(group.category)),
        ):
            entry = into.setdefault(key, [label, 0, 0, 0, 0])
            for index, value in enumerate(counts, start=1):
                entry[index] += value

    def ordered(rows: dict[str, list[Any]]) -> tuple[OutcomeRow, ...]:
        result = [OutcomeRow(key, label, *numbers) for key, (label, *numbers) in rows.items()]
        return tuple(sorted(result, key=lambda r: (-r.referred, r.code == "", r.label.casefold())))

    return {
        "outcomes_by_offering": ordered(offerings),
        "outcomes_by_provider": ordered(providers),
        "outcomes_by_programme": ordered(programmes),
    }
