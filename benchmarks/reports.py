"""Benchmark the reports: 100,000 clients, 150,000 intakes, 300,000 referrals on SQLite.

Targets (issue 7): the full report in at most 3 s, a dashboard refresh in at most 1 s. A bare-SQL
baseline (the headline figures as hand-written SQL through the sqlite3 module) runs in the same
process, so the ratio says what the ORM and the service add.

    .venv/bin/python benchmarks/reports.py [--clients N] [--keep DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert, select

from benchmarks.setup_data import BENCH_CREDENTIALS, set_up
from leerwinkel.actor import Actor
from leerwinkel.app import open_store
from leerwinkel.config import Config
from leerwinkel.ids import CounsellorId
from leerwinkel.reports import Period, ReportService
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
from leerwinkel.storage.store import Store, connect_sqlite_file
from leerwinkel.taxonomy import TARGET_GROUPS, THRESHOLDS, VULNERABILITIES, WISH_CATEGORIES

NOW = dt.datetime(2026, 11, 27, 12, tzinfo=dt.UTC)
FIRST_DAY = dt.date(2024, 1, 1)
SPAN_DAYS = (dt.date(2026, 11, 26) - FIRST_DAY).days
BATCH = 20_000
PATHS = (
    ["voorgesteld", "verstuurd"],
    ["verstuurd", "ingeschreven"],
    ["ingeschreven", "gestart"],
    ["ingeschreven", "gestart", "afgerond"],
    ["verstuurd", "gestart", "afgehaakt"],
    ["voorgesteld", "geannuleerd"],
)
OUTCOMES = ("diploma", "certificaat", "stage-bis", "betaald-werk", "geen", None)


def _stamp(row: dict[str, object]) -> dict[str, object]:
    row.update(id=uuid.uuid4(), created_at=NOW, updated_at=NOW, updated_by_device="bench", version=1)
    return row


def _insert(store: Store, model: type, rows: list[dict[str, object]]) -> None:
    with store.engine.begin() as connection:
        for start in range(0, len(rows), BATCH):
            connection.execute(insert(model.__table__), rows[start : start + BATCH])  # type: ignore[attr-defined]


def generate(store: Store, *, clients: int, seed: int = 7) -> dict[str, int]:
    """Fill the database: `clients` clients, 1.5 intakes and 3 referrals per client on average."""
    rng = random.Random(seed)
    with store.unit_of_work() as session:
        sites = list(session.execute(select(Site.id)).scalars())
    providers = [_stamp({"external_id": f"bench-{i}", "name": f"Aanbieder {i:03d}"}) for i in range(80)]
    _insert(store, Provider, providers)
    provider_ids = [p["id"] for p in providers]
    client_rows, intake_rows, groups, wishes, thresholds, vulnerabilities = [], [], [], [], [], []
    referral_rows, changes = [], []
    intakes_left = int(clients * 1.5)
    referrals_left = clients * 3
    for index in range(clients):
        client = _stamp({"first_name": f"Persoon{index}"})
        client_rows.append(client)
        cid = client["id"]
        first = FIRST_DAY + dt.timedelta(days=rng.randrange(SPAN_DAYS))
        count = 2 if intakes_left > clients - index else 1
        intakes_left -= count
        days = [first] + [first + dt.timedelta(days=rng.randrange(1, 200)) for _ in range(count - 1)]
        site = rng.choice(sites)
        for day in days:
            intake_rows.append(_stamp({"client_id": cid, "site_id": site, "held_on": min(day, NOW.date())}))
        groups.append(_stamp({"client_id": cid, "code": rng.choice(TARGET_GROUPS.codes)}))
        for code in rng.sample(WISH_CATEGORIES.codes, rng.choice((1, 1, 2))):
            wishes.append(_stamp({"client_id": cid, "category": code}))
        for code in rng.sample(THRESHOLDS.codes, 2):
            thresholds.append(_stamp({"client_id": cid, "code": code}))
        if rng.random() < 0.5:
            vulnerabilities.append(_stamp({"client_id": cid, "code": rng.choice(VULNERABILITIES.codes)}))
        for _ in range(3 if referrals_left >= 3 * (clients - index) else 2):
            referrals_left -= 1
            referred_on = min(days[0] + dt.timedelta(days=rng.randrange(1, 30)), NOW.date())
            path = rng.choice(PATHS)
            referral = _stamp(
                {
                    "client_id": cid,
                    "site_id": site,
                    "provider_id": rng.choice(provider_ids),
                    "category": rng.choice(WISH_CATEGORIES.codes),
                    "status": path[-1],
                    "referred_on": referred_on,
                    "follow_up_on": referred_on + dt.timedelta(days=28),
                    "outcome": rng.choice(OUTCOMES) if path[-1] in ("afgerond", "afgehaakt") else None,
                }
            )
            referral_rows.append(referral)
            day = referred_on
            for status in path:
                day = day + dt.timedelta(days=rng.randrange(1, 40))
                changes.append(
                    _stamp(
                        {
                            "referral_id": referral["id"],
                            "status": status,
                            "changed_on": day,
                            "changed_at": dt.datetime(day.year, day.month, day.day, 10, tzinfo=dt.UTC),
                        }
                    )
                )
    for model, rows in (
        (Client, client_rows),
        (Intake, intake_rows),
        (ClientTargetGroup, groups),
        (LearningWish, wishes),
        (ClientThreshold, thresholds),
        (ClientVulnerability, vulnerabilities),
        (Referral, referral_rows),
        (ReferralStatusChange, changes),
    ):
        _insert(store, model, rows)
    with store.engine.begin() as connection:
        connection.exec_driver_sql("ANALYZE")
    return {
        "clients": len(client_rows),
        "intakes": len(intake_rows),
        "referrals": len(referral_rows),
        "status changes": len(changes),
        "wishes": len(wishes),
        "thresholds": len(thresholds),
    }


BARE_SQL = {
    "persons and intakes": "SELECT count(DISTINCT client_id), count(*) FROM intakes WHERE held_on BETWEEN ? AND ?",
    "returning persons": (
        "SELECT count(DISTINCT client_id) FROM intakes WHERE held_on < ? AND client_id IN "
        "(SELECT client_id FROM intakes WHERE held_on BETWEEN ? AND ?)"
    ),
    "referrals": "SELECT count(*) FROM referrals WHERE referred_on BETWEEN ? AND ?",
    "status changes": (
        "SELECT status, count(DISTINCT referral_id) FROM referral_status_changes "
        "WHERE changed_on BETWEEN ? AND ? GROUP BY status"
    ),
    "wishes": (
        "SELECT category, count(DISTINCT client_id) FROM learning_wishes WHERE client_id IN "
        "(SELECT client_id FROM intakes WHERE held_on BETWEEN ? AND ?) GROUP BY category"
    ),
    "thresholds": (
        "SELECT code, count(DISTINCT client_id) FROM client_thresholds WHERE client_id IN "
        "(SELECT client_id FROM intakes WHERE held_on BETWEEN ? AND ?) GROUP BY code"
    ),
    "overdue": (
        "SELECT count(*) FROM referrals WHERE follow_up_on < ? AND status NOT IN "
        "('afgerond', 'afgehaakt', 'niet-toegelaten', 'geannuleerd')"
    ),
}


def bare_sql(path: Path, key: bytes | None, period: Period, today: dt.date) -> None:
    """The dashboard's headline figures in hand-written SQL, straight through the DB-API driver.

    The file is encrypted like a real install's, so the bare driver is SQLCipher's sqlite3 with the key.
    """
    start, end = period.start.isoformat(), period.end.isoformat()
    args = {
        "persons and intakes": (start, end),
        "returning persons": (start, start, end),
        "referrals": (start, end),
        "status changes": (start, end),
        "wishes": (start, end),
        "thresholds": (start, end),
        "overdue": (today.isoformat(),),
    }
    connection = connect_sqlite_file(path, key)
    try:
        for name, sql in BARE_SQL.items():
            connection.execute(sql, args[name]).fetchall()
    finally:
        connection.close()


def timed(call: Callable[[], object], repeat: int = 5) -> float:
    """Median wall time of `repeat` runs after one warm-up, in seconds."""
    call()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="keep the database in this folder")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="leerwinkel-bench-"))
    reuse = (folder / "keys.json").exists()  # a folder kept by an earlier run: measure its data again
    config, credentials = (Config(data_dir=folder), BENCH_CREDENTIALS) if reuse else set_up(folder)
    store = open_store(config, clock=lambda: NOW, credentials=credentials)
    try:
        if not reuse:
            started = time.perf_counter()
            sizes = generate(store, clients=args.clients)
            print(f"generated {sizes} in {time.perf_counter() - started:.1f} s")
        service = ReportService(store)
        actor = Actor(CounsellorId(uuid.uuid4()), "bench", "Bench", "admin")  # exports are audited by someone
        today = NOW.date()
        year = Period.year(2025)
        quarter = Period.quarter(2026, 3)
        results = {
            "full report, year 2025, all sites": timed(lambda: service.report(year, today=today)),
            "full report, year 2025, one site": timed(
                lambda: service.report(year, site="gevangenis-mechelen", today=today)
            ),
            "dashboard refresh, Q3 2026, all sites": timed(lambda: service.dashboard(quarter, today=today)),
            "dashboard refresh, year 2025, all sites": timed(lambda: service.dashboard(year, today=today)),
            "bare SQL headline figures, year 2025": timed(
                lambda: bare_sql(config.sqlite_path, store.database_key, year, today)
            ),
        }
        pdf = folder / "rapport.pdf"
        results["report + PDF export, year 2025"] = timed(
            lambda: service.export(year, pdf, today=today, actor=actor), repeat=3
        )
        for name, seconds in results.items():
            print(f"{name:<45} {seconds * 1000:8.0f} ms")
        baseline = results["bare SQL headline figures, year 2025"]
        ratio = results["dashboard refresh, year 2025, all sites"] / baseline
        print(f"dashboard (year) / bare SQL: {ratio:.1f}x")
        ok = (
            results["full report, year 2025, all sites"] <= 3.0
            and results["dashboard refresh, Q3 2026, all sites"] <= 1.0
            and results["dashboard refresh, year 2025, all sites"] <= 1.0
        )
        print("targets met" if ok else "TARGETS MISSED (full report <= 3 s, dashboard <= 1 s)")
        return 0 if ok else 1
    finally:
        store.dispose()
        if args.keep is None:
            for item in sorted(folder.rglob("*"), reverse=True):
                item.unlink() if item.is_file() else item.rmdir()
            folder.rmdir()


if __name__ == "__main__":
    raise SystemExit(main())
