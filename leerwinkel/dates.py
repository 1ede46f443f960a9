"""One place for dates and times: stored in UTC, entered and shown in Belgian time, in Dutch formats.

Every moment in the database is a timezone-aware UTC ``datetime``; every calendar day is a ``date`` as
the counsellor in Belgium sees it. What a person types or reads goes through this module, whatever zone
the machine's clock is set to: never call ``astimezone()`` without a zone or ``strftime`` for display
elsewhere. The zone comes from the system's zone database, or from the ``tzdata`` package where the
system has none (Windows).

Formats: ``12/01/2027`` (:func:`format_date`), ``maandag 12 januari 2027`` (:func:`format_long_date`),
``15:00`` (:func:`format_time`) and ``12/01/2027 15:00`` (:func:`format_datetime`).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from zoneinfo import ZoneInfo

LOCAL_ZONE_NAME = "Europe/Brussels"

MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
#: The same names for the window in English (format_long_date follows the active language, leerwinkel.i18n).
MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_DATE = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$")
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
MIDNIGHT = dt.time(0)
NINE = dt.time(9)
_TIME = re.compile(r"^\s*(\d{1,2})(?:\s*[:.uUhH]\s*(\d{2})?)?\s*$")


@functools.cache
def local_zone() -> ZoneInfo:
    """Europe/Brussels (from the system's zone database or the bundled ``tzdata``)."""
    return ZoneInfo(LOCAL_ZONE_NAME)


def as_utc(moment: dt.datetime) -> dt.datetime:
    """The same moment in UTC; a naive value is taken to be UTC already (as SQLite returns it)."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC)


def to_local(moment: dt.datetime) -> dt.datetime:
    """A stored (UTC) moment as Belgian wall-clock time."""
    return as_utc(moment).astimezone(local_zone())


def local_date(moment: dt.datetime) -> dt.date:
    """The calendar day in Belgium at this moment."""
    return to_local(moment).date()


def local_to_utc(day: dt.date, time: dt.time = MIDNIGHT) -> dt.datetime:
    """A Belgian day and wall-clock time as a UTC moment.

    A time that does not exist (the hour skipped when summer time starts) moves forward by that hour;
    a time that happens twice (when summer time ends) means the first of the two.
    """
    local = dt.datetime.combine(day, time.replace(tzinfo=None, fold=0), local_zone())
    return local.astimezone(dt.UTC)


def start_of_day(day: dt.date) -> dt.datetime:
    """Midnight in Belgium at the start of ``day``, in UTC (days are 23 or 25 hours long twice a year)."""
    return local_to_utc(day)


def day_bounds(day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """The UTC moments ``[start, end)`` of one Belgian calendar day."""
    return start_of_day(day), start_of_day(day + dt.timedelta(days=1))


def format_date(day: dt.date | dt.datetime | None) -> str:
    """``12/01/2027``; a moment is shown as its Belgian day; empty for None."""
    if day is None:
        return ""
    if isinstance(day, dt.datetime):
        day = local_date(day)
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


def format_long_date(day: dt.date | dt.datetime, language: str | None = None) -> str:
    """``dinsdag 12 januari 2027`` (``Tuesday 12 January 2027`` in English); a moment is shown as its Belgian
    day. ``language`` defaults to the active one (leerwinkel.i18n); letters pass their own.
    """
    if isinstance(day, dt.datetime):
        day = local_date(day)
    if language is None:
        from leerwinkel.i18n import current_language

        language = current_language()
    weekdays, months = (WEEKDAYS_EN, MONTHS_EN) if language == "en" else (WEEKDAYS, MONTHS)
    return f"{weekdays[day.weekday()]} {day.day} {months[day.month - 1]} {day.year}"


def format_time(moment: dt.datetime | dt.time) -> str:
    """``15:00``: the Belgian wall-clock time of a stored moment (a ``time`` is shown as it is)."""
    local = to_local(moment) if isinstance(moment, dt.datetime) else moment
    return f"{local.hour:02d}:{local.minute:02d}"


def format_datetime(moment: dt.datetime | None, *, seconds: bool = False) -> str:
    """``12/01/2027 15:00`` in Belgian time (``15:00:07`` with ``seconds``); empty for None."""
    if moment is None:
        return ""
    local = to_local(moment)
    time = f"{local.hour:02d}:{local.minute:02d}" + (f":{local.second:02d}" if seconds else "")
    return f"{format_date(local.date())} {time}"


def parse_date(text: str) -> dt.date:
    """Read ``dd/mm/jjjj`` (also ``d-m-jjjj``, ``d.m.jjjj``) or ISO ``jjjj-mm-dd``; ValueError otherwise.

    Years always have four digits: ``02/12/20`` could be 1920 or 2020, so it is refused.
    """
    match = _DATE.match(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
        return dt.date(year, month, day)
    match = _ISO_DATE.match(text)
    if match:
        year, month, day = (int(g) for g in match.groups())
        return dt.date(year, month, day)
    raise ValueError(text)


def parse_time(text: str) -> dt.time:
    """Read ``15:00``, ``15.00``, ``15u30``, ``15u`` or ``15``; ValueError otherwise."""
    match = _TIME.match(text)
    if not match:
        raise ValueError(text)
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    return dt.time(hour, minute)


def parse_datetime(text: str, *, default_time: dt.time = NINE) -> dt.datetime:
    """Read ``dd/mm/jjjj HH:MM`` typed in Belgian time (the time may be left out) as a UTC moment."""
    day_text, _, time_text = text.strip().partition(" ")
    day = parse_date(day_text)
    time = parse_time(time_text) if time_text.strip() else default_time
    return local_to_utc(day, time)
