"""The report's plain frozen dataclasses: a period, and every figure computed for it.

Definitions (also in docs/reports.md):

- A *person guided* in the period is a client with at least one intake held in the period
  (at the chosen site, when a site is chosen). Such a person is *new* when they had no intake
  at all (at any site) before the period starts, and *returning* otherwise.
- *Intakes* are the intakes held in the period (at the site).
- Wishes, thresholds, vulnerabilities and target groups are counted in *persons*: the number of
  persons guided in the period who have a wish of that category, meet that threshold, and so on.
  One person with two wishes of one category counts once for that category.
- *Referrals* are those made (``referred_on``) in the period, at the site.
- A referral's *enrolment* is its first status change to ``ingeschreven``, ``gestart`` or
  ``afgerond`` (a start or a completion implies an enrolment the counsellor may have skipped).
  *Enrolled* counts referrals whose enrolment falls in the period; *started*, *completed* and
  *dropped out* count referrals with a status change to ``gestart``, ``afgerond`` or
  ``afgehaakt`` dated in the period.
- *Outcome shares*: among the persons with a referral completed or dropped out in the period,
  the share whose referrals record the outcome diploma or certificate, an internship
  (``stage-bis``) or paid work.
- *Intake to enrolment*: for each referral enrolled in the period, the days from the person's
  latest intake on or before the enrolment date to the enrolment date; the report gives the
  average over those referrals.
- *Referred anyway*: referrals made in the period (at the site) although matching excluded the
  offering for that client; the counsellor gave a short reason, kept in the referral's status history.
- *Outside the catalogue*: referrals made in the period (at the site) to a provider or service
  that is not in the catalogue (named by the counsellor).
- *Overdue follow-ups*: referrals (at the site) that are still open (not completed, dropped out,
  not admitted or cancelled) and whose follow-up date lies before the report's *today*.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from leerwinkel.dates import format_date
from leerwinkel.errors import InvalidInputError, Problem

PERIOD_KINDS = ("year", "quarter", "month", "custom")


@dataclass(frozen=True)
class Period:
    """A closed range of days: ``start`` and ``end`` are both included."""

    start: dt.date
    end: dt.date
    kind: str = "custom"

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise InvalidInputError(
                [
                    Problem(
                        "period-reversed",
                        field="period",
                        details={"start": format_date(self.start), "end": format_date(self.end)},
                    )
                ]
            )

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        if not 1 <= quarter <= 4:
            raise InvalidInputError.single("out-of-range", field="quarter", minimum=1, maximum=4)
        first_month = 3 * (quarter - 1) + 1
        last_month = first_month + 2
        last_day = calendar.monthrange(year, last_month)[1]
        return cls(dt.date(year, first_month, 1), dt.date(year, last_month, last_day), "quarter")

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        if not 1 <= month <= 12:
            raise InvalidInputError.single("out-of-range", field="month", minimum=1, maximum=12)
        return cls(dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1]), "month")

    @classmethod
    def containing(cls, kind: str, day: dt.date) -> Period:
        """The year, quarter or month that contains ``day``."""
        if kind == "year":
            return cls.year(day.year)
        if kind == "quarter":
            return cls.quarter(day.year, (day.month - 1) // 3 + 1)
        if kind == "month":
            return cls.month(day.year, day.month)
        raise InvalidInputError.single("bad-value", field="period", value=kind)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def months(self) -> list[tuple[int, int]]:
        """(year, month) for every month the period touches, in order."""
        result: list[tuple[int, int]] = []
        year, month = self.start.year, self.start.month
        while (year, month) <= (self.end.year, self.end.month):
            result.append((year, month))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return result


@dataclass(frozen=True)
class Count:
    """One labelled count: ``code`` is the stable code (empty for a total), ``label`` its Dutch name."""

    code: str
    label: str
    count: int


@dataclass(frozen=True)
class Share:
    """A part of a whole: ``part`` persons out of ``whole``; ``percent`` is None when the whole is 0."""

    code: str
    label: str
    part: int
    whole: int

    @property
    def percent(self) -> float | None:
        return None if self.whole == 0 else round(100.0 * self.part / self.whole, 1)


@dataclass(frozen=True)
class GroupCounts:
    """Counts for one target group (e.g. its top three wishes, or its thresholds)."""

    code: str
    label: str
    persons: int
    counts: tuple[Count, ...]


@dataclass(frozen=True)
class MonthPoint:
    """One month of a trend line."""

    year: int
    month: int
    intakes: int
    referrals: int
    enrolments: int

    @property
    def label(self) -> str:
        return f"{self.month:02d}/{self.year}"


@dataclass(frozen=True)
class EnrolmentTime:
    """Days from intake to enrolment: ``referrals`` measured, their ``average_days`` (None if none)."""

    referrals: int
    average_days: float | None


@dataclass(frozen=True)
class OutcomeRow:
    """What became of the referrals made in the period to one offering, provider or programme.

    ``started`` counts referrals that reached "gestart" or "afgerond"; ``completed`` those that reached
    "afgerond"; ``to_work`` those whose recorded outcome is an internship (stage, BIS) or paid work.
    """

    code: str
    label: str
    referred: int
    started: int
    completed: int
    to_work: int

    @property
    def work_percent(self) -> float | None:
        """``to_work`` as a share of ``started`` (the seed's "10 of 14 mentees = 71%"); None when none started."""
        return None if self.started == 0 else round(100.0 * self.to_work / self.started, 1)


@dataclass(frozen=True)
class Overview:
    """The headline figures (what the dashboard refresh computes)."""

    persons: int
    new_persons: int
    returning_persons: int
    intakes: int
    referrals: int
    enrolled: int
    started: int
    completed: int
    dropped_out: int
    overdue_follow_ups: int
    enrolment_time: EnrolmentTime
    referred_anyway: int = 0
    outside_catalogue: int = 0


@dataclass(frozen=True)
class Report:
    """Every figure for one period and one site (``site_code`` None: all sites), computed on ``today``."""

    period: Period
    site_code: str | None
    site_name: str
    today: dt.date
    overview: Overview
    trend: tuple[MonthPoint, ...]
    target_groups: tuple[Count, ...]
    wishes: tuple[Count, ...]
    top_wishes_by_group: tuple[GroupCounts, ...]
    thresholds: tuple[Count, ...]
    thresholds_by_group: tuple[GroupCounts, ...]
    vulnerabilities: tuple[Count, ...]
    referrals_by_provider: tuple[Count, ...]
    referrals_by_category: tuple[Count, ...]
    outcome_shares: tuple[Share, ...]
    outcomes_by_offering: tuple[OutcomeRow, ...] = ()
    outcomes_by_provider: tuple[OutcomeRow, ...] = ()
    outcomes_by_programme: tuple[OutcomeRow, ...] = ()


@dataclass(frozen=True)
class Dashboard:
    """What the dashboard page shows: the headline figures, the trend and the main distributions."""

    period: Period
    site_code: str | None
    overview: Overview
    trend: tuple[MonthPoint, ...]
    wishes: tuple[Count, ...]
    thresholds: tuple[Count, ...]


@dataclass(frozen=True)
class SiteChoice:
    """A site the report can be limited to."""

    code: str
    name: str


@dataclass(frozen=True)
class Letterhead:
    """The organisation's name and address from the settings organisation.* (for the PDF)."""

    name: str
    street: str
    postcode: str
    city: str
    phone: str
    email: str
    logo: str
