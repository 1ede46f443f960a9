"""leerwinkel.dates: Belgian wall-clock time whatever the machine's zone, Dutch formats, one parser."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest

from leerwinkel import dates
from tests.helpers import ROOT

UTC = dt.UTC


@pytest.fixture(params=["UTC", "America/New_York", "Asia/Tokyo"])
def machine_zone(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The machine's clock set to another zone than Belgium's (``astimezone()`` would follow it)."""
    monkeypatch.setenv("TZ", request.param)
    time.tzset()
    try:
        yield request.param
    finally:
        monkeypatch.undo()
        time.tzset()


def test_a_winter_afternoon_is_shown_in_belgian_time_whatever_the_machine_zone(machine_zone: str) -> None:
    stored = dates.local_to_utc(dt.date(2027, 1, 12), dt.time(15, 0))
    assert stored == dt.datetime(2027, 1, 12, 14, 0, tzinfo=UTC)
    assert dt.datetime(2027, 1, 12, 14, 0, tzinfo=UTC).astimezone().hour != 15  # the machine is not Belgian
    assert dates.format_time(stored) == "15:00"
    assert dates.format_datetime(stored) == "12/01/2027 15:00"
    assert dates.format_long_date(stored) == "dinsdag 12 januari 2027"


def test_summer_time_is_two_hours_ahead_of_utc(machine_zone: str) -> None:
    stored = dates.local_to_utc(dt.date(2026, 7, 1), dt.time(15, 0))
    assert stored == dt.datetime(2026, 7, 1, 13, 0, tzinfo=UTC)
    assert dates.format_time(stored) == "15:00"


def test_the_belgian_day_changes_at_belgian_midnight(machine_zone: str) -> None:
    late_evening_utc = dt.datetime(2026, 12, 31, 23, 30, tzinfo=UTC)  # 00:30 on 1 January in Brussels
    assert dates.local_date(late_evening_utc) == dt.date(2027, 1, 1)
    assert dates.format_date(late_evening_utc) == "01/01/2027"
    naive_from_sqlite = dt.datetime(2026, 12, 31, 23, 30)
    assert dates.local_date(naive_from_sqlite) == dt.date(2027, 1, 1)


def test_the_day_summer_time_starts_has_23_hours_and_skips_two_oclock() -> None:
    start, end = dates.day_bounds(dt.date(2026, 3, 29))
    assert start == dt.datetime(2026, 3, 28, 23, 0, tzinfo=UTC)
    assert end - start == dt.timedelta(hours=23)
    skipped = dates.local_to_utc(dt.date(2026, 3, 29), dt.time(2, 30))  # does not exist: moves on an hour
    assert dates.format_time(skipped) == "03:30"
    assert dates.format_time(dates.local_to_utc(dt.date(2026, 3, 29), dt.time(3, 0))) == "03:00"


def test_the_day_summer_time_ends_has_25_hours_and_two_oclock_twice() -> None:
    start, end = dates.day_bounds(dt.date(2026, 10, 25))
    assert end - start == dt.timedelta(hours=25)
    first = dates.local_to_utc(dt.date(2026, 10, 25), dt.time(2, 30))
    assert first == dt.datetime(2026, 10, 25, 0, 30, tzinfo=UTC)  # the first 02:30, still summer time
    assert dates.format_time(first) == "02:30"
    assert dates.format_time(first + dt.timedelta(hours=1)) == "02:30"  # the second one, winter time
    assert dates.local_date(end - dt.timedelta(microseconds=1)) == dt.date(2026, 10, 25)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12/01/2027", dt.date(2027, 1, 12)),
        (" 1/2/2027 ", dt.date(2027, 2, 1)),
        ("01-02-2027", dt.date(2027, 2, 1)),
        ("1.2.2027", dt.date(2027, 2, 1)),
        ("2027-02-01", dt.date(2027, 2, 1)),
        ("29/02/2028", dt.date(2028, 2, 29)),
    ],
)
def test_one_parser_reads_the_dutch_and_iso_forms(text: str, expected: dt.date) -> None:
    assert dates.parse_date(text) == expected


@pytest.mark.parametrize("text", ["", "02/12/20", "31/04/2027", "29/02/2027", "12/13/2027", "morgen", "2027/01/12"])
def test_the_parser_refuses_what_is_not_one_date(text: str) -> None:
    with pytest.raises(ValueError):
        dates.parse_date(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15:00", dt.time(15)),
        ("9.05", dt.time(9, 5)),
        ("15u30", dt.time(15, 30)),
        ("15u", dt.time(15)),
        ("8", dt.time(8)),
    ],
)
def test_times_as_a_counsellor_types_them(text: str, expected: dt.time) -> None:
    assert dates.parse_time(text) == expected


@pytest.mark.parametrize("text", ["25:00", "12:60", "kwart over", "12:5"])
def test_impossible_times_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        dates.parse_time(text)


def test_a_typed_appointment_is_stored_in_utc(machine_zone: str) -> None:
    assert dates.parse_datetime("12/01/2027 15:00") == dt.datetime(2027, 1, 12, 14, 0, tzinfo=UTC)
    assert dates.parse_datetime("01/07/2026") == dt.datetime(2026, 7, 1, 7, 0, tzinfo=UTC)  # 09:00 by default


def test_dutch_formats() -> None:
    assert dates.format_date(dt.date(2027, 1, 2)) == "02/01/2027"
    assert dates.format_date(None) == ""
    assert dates.format_long_date(dt.date(2027, 1, 11)) == "maandag 11 januari 2027"
    assert dates.format_datetime(dt.datetime(2027, 1, 11, 7, 5, 9, tzinfo=UTC), seconds=True) == "11/01/2027 08:05:09"
    assert dates.format_datetime(None) == ""


def test_the_zone_comes_from_the_tzdata_package_without_a_system_zone_database(tmp_path: object) -> None:
    """Windows has no zone database: the pinned tzdata package provides Europe/Brussels."""
    code = (
        "import zoneinfo, datetime as dt\n"
        "zoneinfo.reset_tzpath(to=[])\n"
        "from leerwinkel import dates\n"
        "print(dates.format_time(dt.datetime(2027, 1, 12, 14, 0, tzinfo=dt.UTC)))\n"
    )
    env = {**os.environ, "TZ": "UTC", "PYTHONTZPATH": ""}
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "15:00"
