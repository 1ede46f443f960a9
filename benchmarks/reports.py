"""The full report at scale, cold and warm, next to bare SQL computing the same figures on the same file.

    .venv/bin/python benchmarks/reports.py [--clients 10000,100000] [--rounds 3] [--data /tmp/reports]

For each size (clients; 1.5 intakes and 3 referrals per client, three years) it generates an encrypted
database once and keeps it (``--data``-<clients>, reused while the generator is unchanged). Then, in
``--rounds`` rounds, each in new processes so that nothing is cached in the process:

- app, first report after sign-in: ``open_store`` as the app opens it (unlock, migration check; the full
  integrity check no longer runs at open after a clean close, leerwinkel/storage/integrity.py), then
  ``ReportService.report`` for the year 2025, all sites;
- app, cold: the same, but on a fresh connection (an empty page cache; until the integrity check left
  the sign-in path it had read the whole file through the pooled connection and left it cached), then
  the same report again three times (warm, median);
- floor: the same figures in hand-written SQL through the bare SQLCipher driver on the same file, with
  the key and the page cache the app's connections get, cold on a new connection, then warm. Like the
  app it reads what each referral's history reached from the referral row (revision 0210; the columns
  are checked against the history once, when the data is generated), or, on a database before that
  revision, searches the history as the app then did.

The floor does the report's work: every figure (headline, trend, enrolment days, profiles and their
per-group tables, referrals per provider and category, outcome shares, outcomes per programme, provider
and offering) with the same definitions, and the benchmark stops with an error when any of its values
differs from the app's. It prints medians, the ratio app/floor, and the growth from the smallest to the
largest size. Targets (issue 15): the cold report within 2x the floor; growth 10k -> 100k at most 10x.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import random
import shutil
import statistics
import subprocess
import sys
import time
import uuid
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert, select
from sqlalchemy.orm import configure_mappers

from benchmarks.setup_data import BENCH_CREDENTIALS, set_up
from leerwinkel.app import open_store
from leerwinkel.config import Config
from leerwinkel.reports import Period
from leerwinkel.reports.figures import Report
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

try:
    from leerwinkel.storage.store import page_cache_kib
except ImportError:  # the code before issue 15 (to measure "before"): its connections had 64 MiB

    def page_cache_kib(path: Path | None) -> int:
        return 64 * 1024


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
EXTERNAL_SHARE = 0.02  # referrals to a provider outside the catalogue
OVERRIDE_SHARE = 0.01  # referrals made although matching excluded the offering
#: Bump when generate() changes: a cached database of another version is generated again. 3: revision
#: 0210's triggers fill the referrals' progress columns while the history is inserted, and ANALYZE sees
#: their index (a database of 2 would be upgraded at the first open, with a backup copy beside it).
GENERATOR = 3
PERIOD = Period.year(2025)  # the report a coordinator sends the funders, on three years of data
TODAY = NOW.date()


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
    extras = random.Random(seed + 1)  # a second stream: the rest of the data is the same as without extras
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
            if extras.random() < EXTERNAL_SHARE:  # a provider outside the catalogue, named by the counsellor
                referral.update(provider_id=None, external_provider=f"Externe dienst {extras.randrange(40)}")
            overridden = extras.random() < OVERRIDE_SHARE  # referred anyway, with a reason on the first change
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
                            "overridden": "wordt niet in de gevangenis gegeven" if overridden else "",
                            "override_reason": "afgesproken met de aanbieder" if overridden else "",
                        }
                    )
                )
                overridden = False
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


# -- the data, generated once per size ---------------------------------------------------------------


def prepare(clients: int, folder: Path) -> dict[str, int]:
    """The data folder for ``clients``: reused when an earlier run generated it with this generator."""
    marker = folder / "bench-data.json"
    wanted = {"clients": clients, "generator": GENERATOR}
    if marker.exists():
        saved = json.loads(marker.read_text())
        if {key: saved.get(key) for key in wanted} == wanted:
            return dict(saved["sizes"])
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    config, credentials = set_up(folder)
    store = open_store(config, clock=lambda: NOW, credentials=credentials)
    try:
        started = time.perf_counter()
        sizes = generate(store, clients=clients)
        with store.engine.connect() as connection:
            # The floor reads what the triggers kept, as the app does: checked once against the history here.
            wrong = (
                connection.exec_driver_sql(HAS_PROGRESS).scalar()
                and connection.exec_driver_sql(PROGRESS_MISMATCHES).scalar()
            )
        if wrong:
            raise SystemExit(f"{wrong} referrals' progress columns differ from their status history")
        with store.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        print(f"generated {sizes} in {time.perf_counter() - started:.0f} s ({folder})", flush=True)
    finally:
        store.dispose()
    marker.write_text(json.dumps({**wanted, "sizes": sizes}))
    return sizes


# -- the figures in one comparable shape ---------------------------------------------------------------


def _nonzero(counts: Any) -> dict[str, int]:
    return {c.code: c.count for c in counts if c.count}


def app_figures(report: Report) -> dict[str, Any]:
    """Every figure of the report by code (labels are translations, not figures)."""

    def outcome_rows(rows: Any) -> dict[str, list[int]]:
        return {r.code: [r.referred, r.started, r.completed, r.to_work] for r in rows}

    return {
        "overview": dataclasses.asdict(report.overview),
        "trend": [[p.year, p.month, p.intakes, p.referrals, p.enrolments] for p in report.trend],
        "target_groups": _nonzero(report.target_groups),
        "wishes": _nonzero(report.wishes),
        "thresholds": _nonzero(report.thresholds),
        "vulnerabilities": _nonzero(report.vulnerabilities),
        "top_wishes_by_group": {
            g.code: [g.persons, [[c.code, c.count] for c in g.counts]] for g in report.top_wishes_by_group
        },
        "thresholds_by_group": {g.code: [g.persons, _nonzero(g.counts)] for g in report.thresholds_by_group},
        "referrals_by_provider": _nonzero(report.referrals_by_provider),
        "referrals_by_category": _nonzero(report.referrals_by_category),
        "outcome_shares": {s.code: [s.part, s.whole] for s in report.outcome_shares},
        "outcomes_by_offering": outcome_rows(report.outcomes_by_offering),
        "outcomes_by_provider": outcome_rows(report.outcomes_by_provider),
        "outcomes_by_programme": outcome_rows(report.outcomes_by_programme),
    }


# -- the floor: the same figures in bare SQL ----------------------------------------------------------

FLOOR_SQL = {
    "intakes per day": "SELECT held_on, count(*) FROM intakes WHERE held_on BETWEEN :start AND :end GROUP BY held_on",
    "persons": (
        "SELECT count(*), coalesce(sum(CASE WHEN EXISTS (SELECT 1 FROM intakes p WHERE p.client_id = g.client_id "
        "AND p.held_on < :start) THEN 1 ELSE 0 END), 0) "
        "FROM (SELECT DISTINCT client_id FROM intakes WHERE held_on BETWEEN :start AND :end) g"
    ),
    "referrals per day": (
        "SELECT referred_on, count(*) FROM referrals WHERE referred_on BETWEEN :start AND :end GROUP BY referred_on"
    ),
    "enrolments per day": """
        WITH enrolled AS MATERIALIZED (
            SELECT enrolled_on AS day, client_id FROM referrals WHERE enrolled_on BETWEEN :start AND :end),
        timed AS MATERIALIZED (
            SELECT day, julianday(day) - julianday((SELECT max(i.held_on) FROM intakes i
                WHERE i.client_id = e.client_id AND i.held_on <= e.day)) AS days FROM enrolled e)
        SELECT day, count(*), count(days), sum(days) FROM timed GROUP BY day""",
    "status changes": (
        "SELECT status, count(DISTINCT referral_id) FROM referral_status_changes "
        "WHERE status IN ('gestart', 'afgerond', 'afgehaakt') AND changed_on BETWEEN :start AND :end GROUP BY status"
    ),
    "overdue": (
        "SELECT count(*) FROM referrals WHERE status IN ('voorgesteld', 'verstuurd', 'ingeschreven', 'gestart') "
        "AND follow_up_on < :today"
    ),
    "referrals": """
        SELECT g.*, o.title, p.name FROM (
            SELECT r.offering_id, r.provider_id, r.external_provider, r.category, count(*) AS n,
                sum(CASE WHEN r.status IN ('gestart', 'afgerond') OR r.reached_started THEN 1 ELSE 0 END),
                sum(CASE WHEN r.status = 'afgerond' OR r.reached_completed THEN 1 ELSE 0 END),
                sum(CASE WHEN r.outcome IN ('stage-bis', 'betaald-werk') THEN 1 ELSE 0 END),
                sum(CASE WHEN r.id IN (SELECT referral_id FROM referral_status_changes WHERE override_reason != '')
                    THEN 1 ELSE 0 END),
                sum(CASE WHEN r.external_provider != '' THEN 1 ELSE 0 END)
            FROM referrals r WHERE r.referred_on BETWEEN :start AND :end
            GROUP BY r.offering_id, r.provider_id, r.external_provider, r.category) g
        LEFT JOIN offerings o ON o.id = g.offering_id LEFT JOIN providers p ON p.id = g.provider_id""",
    "profiles": """
        WITH guided AS MATERIALIZED (SELECT DISTINCT client_id FROM intakes WHERE held_on BETWEEN :start AND :end),
        g AS MATERIALIZED (SELECT client_id, code FROM client_target_groups WHERE client_id IN guided),
        w AS MATERIALIZED (SELECT DISTINCT client_id, category AS code FROM learning_wishes WHERE client_id IN guided),
        t AS MATERIALIZED (SELECT client_id, code FROM client_thresholds WHERE client_id IN guided)
        SELECT 'group', code, NULL, count(*) FROM g GROUP BY code
        UNION ALL SELECT 'wish', code, NULL, count(*) FROM w GROUP BY code
        UNION ALL SELECT 'threshold', code, NULL, count(*) FROM t GROUP BY code
        UNION ALL SELECT 'vulnerability', code, NULL, count(*) FROM client_vulnerabilities
            WHERE client_id IN guided GROUP BY code
        UNION ALL SELECT 'wish', w.code, g.code, count(*) FROM w JOIN g ON g.client_id = w.client_id
            GROUP BY w.code, g.code
        UNION ALL SELECT 'threshold', t.code, g.code, count(*) FROM t JOIN g ON g.client_id = t.client_id
            GROUP BY t.code, g.code""",
    "outcome shares": """
        SELECT count(DISTINCT r.client_id),
            count(DISTINCT CASE WHEN r.outcome IN ('diploma', 'certificaat') THEN r.client_id END),
            count(DISTINCT CASE WHEN r.outcome = 'stage-bis' THEN r.client_id END),
            count(DISTINCT CASE WHEN r.outcome = 'betaald-werk' THEN r.client_id END)
        FROM referral_status_changes c JOIN referrals r ON r.id = c.referral_id
        WHERE c.status IN ('afgerond', 'afgehaakt') AND c.changed_on BETWEEN :start AND :end""",
}


#: The floor on a database before revision 0210 (to measure the code before it): what a referral's history
#: reached and its first enrolment are searched in the status changes instead of read from the referral.
FLOOR_SQL_BEFORE_0210 = {
    "enrolments per day": """
        WITH first AS (
            SELECT referral_id, min(changed_on) AS day FROM referral_status_changes
            WHERE status IN ('ingeschreven', 'gestart', 'afgerond') AND changed_on BETWEEN :start AND :end
            GROUP BY referral_id),
        enrolled AS MATERIALIZED (
            SELECT f.day, r.client_id FROM first f JOIN referrals r ON r.id = f.referral_id
            WHERE NOT EXISTS (SELECT 1 FROM referral_status_changes p WHERE p.referral_id = f.referral_id
                              AND p.changed_on < :start AND p.status IN ('ingeschreven', 'gestart', 'afgerond'))),
        timed AS MATERIALIZED (
            SELECT day, julianday(day) - julianday((SELECT max(i.held_on) FROM intakes i
                WHERE i.client_id = e.client_id AND i.held_on <= e.day)) AS days FROM enrolled e)
        SELECT day, count(*), count(days), sum(days) FROM timed GROUP BY day""",
    "referrals": """
        SELECT g.*, o.title, p.name FROM (
            SELECT r.offering_id, r.provider_id, r.external_provider, r.category, count(*) AS n,
                sum(CASE WHEN r.status IN ('gestart', 'afgerond') THEN 1 WHEN EXISTS (SELECT 1 FROM
                    referral_status_changes c WHERE c.referral_id = r.id AND c.status IN ('gestart', 'afgerond'))
                    THEN 1 ELSE 0 END),
                sum(CASE WHEN r.status = 'afgerond' THEN 1 WHEN EXISTS (SELECT 1 FROM referral_status_changes c
                    WHERE c.referral_id = r.id AND c.status = 'afgerond') THEN 1 ELSE 0 END),
                sum(CASE WHEN r.outcome IN ('stage-bis', 'betaald-werk') THEN 1 ELSE 0 END),
                sum(CASE WHEN r.id IN (SELECT referral_id FROM referral_status_changes WHERE override_reason != '')
                    THEN 1 ELSE 0 END),
                sum(CASE WHEN r.external_provider != '' THEN 1 ELSE 0 END)
            FROM referrals r WHERE r.referred_on BETWEEN :start AND :end
            GROUP BY r.offering_id, r.provider_id, r.external_provider, r.category) g
        LEFT JOIN offerings o ON o.id = g.offering_id LEFT JOIN providers p ON p.id = g.provider_id""",
}
#: Whether the database has revision 0210's columns (then the floor reads them, as the app does).
HAS_PROGRESS = "SELECT count(*) FROM pragma_table_info('referrals') WHERE name = 'enrolled_on'"
#: What revision 0210's triggers keep, recounted from the history: the referrals where it differs.
PROGRESS_MISMATCHES = """
    SELECT count(*) FROM referrals r WHERE
        r.reached_started != EXISTS (SELECT 1 FROM referral_status_changes c
            WHERE c.referral_id = r.id AND c.status IN ('gestart', 'afgerond'))
        OR r.reached_completed != EXISTS (SELECT 1 FROM referral_status_changes c
            WHERE c.referral_id = r.id AND c.status = 'afgerond')
        OR r.enrolled_on IS NOT (SELECT min(c.changed_on) FROM referral_status_changes c
            WHERE c.referral_id = r.id AND c.status IN ('ingeschreven', 'gestart', 'afgerond'))"""


def _months(rows: Any) -> dict[tuple[int, int], list[float]]:
    """Rows (ISO day, numbers...) added up per (year, month)."""
    months: dict[tuple[int, int], list[float]] = {}
    for day, *numbers in rows:
        key = (int(day[:4]), int(day[5:7]))
        months[key] = [a + (b or 0) for a, b in zip(months.get(key, [0] * len(numbers)), numbers, strict=True)]
    return months


def _top(counts: dict[str, int], codes: tuple[str, ...], limit: int) -> list[list[Any]]:
    order = {code: index for index, code in enumerate(codes)}
    ranked = sorted(counts, key=lambda code: (-counts[code], order.get(code, len(order)), code))
    return [[code, counts[code]] for code in ranked if counts[code]][:limit]


def floor_figures(connection: Any, period: Period, today: dt.date) -> dict[str, Any]:
    """The report's figures from FLOOR_SQL, arranged as :func:`app_figures` arranges the app's."""
    args = {"start": period.start.isoformat(), "end": period.end.isoformat(), "today": today.isoformat()}
    queries = FLOOR_SQL if connection.execute(HAS_PROGRESS).fetchone()[0] else FLOOR_SQL | FLOOR_SQL_BEFORE_0210
    rows = {name: connection.execute(sql, args).fetchall() for name, sql in queries.items()}
    intakes, referrals, enrolled = (
        _months(rows[n]) for n in ("intakes per day", "referrals per day", "enrolments per day")
    )
    persons, returning = rows["persons"][0]
    by_status = dict(rows["status changes"])
    measured = sum(int(e[1]) for e in enrolled.values())
    total_days = sum(e[2] for e in enrolled.values())
    groups = rows["referrals"]
    profile: dict[str, dict[str, int]] = defaultdict(dict)
    by_group: dict[str, dict[str, dict[str, int]]] = defaultdict(lambda: defaultdict(dict))
    for kind, code, group, n in rows["profiles"]:
        if group is None:
            profile[kind][code] = n
        else:
            by_group[kind][group][code] = n
    outcomes: dict[str, dict[str, list[int]]] = {"offering": {}, "provider": {}, "programme": {}}
    providers: dict[str, int] = defaultdict(int)
    categories: dict[str, int] = defaultdict(int)
    for offering, provider, external, category, n, started, completed, to_work, *_rest in groups:
        provider_key = str(uuid.UUID(provider)) if provider else ("extern:" + external.casefold() if external else "")
        offering_key = str(uuid.UUID(offering)) if offering else ""
        for kind, key in (("offering", offering_key), ("provider", provider_key), ("programme", category)):
            entry = outcomes[kind].setdefault(key, [0, 0, 0, 0])
            for index, value in enumerate((n, started, completed, to_work)):
                entry[index] += value
        providers[str(uuid.UUID(provider)) if provider else ""] += n
        categories[category] += n
    whole, diploma, internship, work = rows["outcome shares"][0]
    groups_present = profile["group"]
    all_groups = list(TARGET_GROUPS.codes) + sorted(c for c in groups_present if c not in TARGET_GROUPS.codes)
    return {
        "overview": {
            "persons": persons,
            "new_persons": persons - returning,
            "returning_persons": returning,
            "intakes": sum(int(v[0]) for v in intakes.values()),
            "referrals": sum(int(v[0]) for v in referrals.values()),
            "enrolled": sum(int(v[0]) for v in enrolled.values()),
            "started": by_status.get("gestart", 0),
            "completed": by_status.get("afgerond", 0),
            "dropped_out": by_status.get("afgehaakt", 0),
            "overdue_follow_ups": rows["overdue"][0][0],
            "enrolment_time": {
                "referrals": measured,
                "average_days": round(total_days / measured, 1) if measured else None,
            },
            "referred_anyway": sum(g[8] for g in groups),
            "outside_catalogue": sum(g[9] for g in groups),
        },
        "trend": [
            [
                y,
                m,
                int(intakes.get((y, m), [0])[0]),
                int(referrals.get((y, m), [0])[0]),
                int(enrolled.get((y, m), [0])[0]),
            ]
            for y, m in period.months()
        ],
        "target_groups": {k: v for k, v in profile["group"].items() if v},
        "wishes": {k: v for k, v in profile["wish"].items() if v},
        "thresholds": {k: v for k, v in profile["threshold"].items() if v},
        "vulnerabilities": {k: v for k, v in profile["vulnerability"].items() if v},
        "top_wishes_by_group": {
            g: [groups_present.get(g, 0), _top(by_group["wish"][g], WISH_CATEGORIES.codes, 3)] for g in all_groups
        },
        "thresholds_by_group": {g: [groups_present.get(g, 0), dict(by_group["threshold"][g])] for g in all_groups},
        "referrals_by_provider": dict(providers),
        "referrals_by_category": dict(categories),
        "outcome_shares": {
            "diploma-certificaat": [diploma, whole],
            "stage": [internship, whole],
            "betaald-werk": [work, whole],
        },
        "outcomes_by_offering": outcomes["offering"],
        "outcomes_by_provider": outcomes["provider"],
        "outcomes_by_programme": outcomes["programme"],
    }


# -- one measurement, in its own process --------------------------------------------------------------

WARM_RUNS = 3


def child(kind: str, folder: Path) -> dict[str, Any]:
    """Open the database as ``kind`` says, time the first report and (except after sign-in) warm ones."""
    config = Config(data_dir=folder)
    if kind == "floor":
        from leerwinkel.security.keyring import unlock_account

        key = unlock_account(config, BENCH_CREDENTIALS, now=NOW).database_key
        connection = connect_sqlite_file(config.sqlite_path, key)
        # The app's connections get these (leerwinkel.storage.store): the floor is not handicapped.
        connection.execute(f"PRAGMA cache_size = -{page_cache_kib(config.sqlite_path)}")
        connection.execute("PRAGMA temp_store = MEMORY")

        def run() -> dict[str, Any]:
            return floor_figures(connection, PERIOD, TODAY)

    else:
        from leerwinkel.reports import ReportService

        store = open_store(config, clock=lambda: NOW, credentials=BENCH_CREDENTIALS)
        # Signing in writes the "login" audit event through the ORM, which configures the mappers (half a
        # second); open_store alone does not, and that is no part of a report.
        configure_mappers()
        if kind == "app-cold":
            store.engine.dispose()  # a new connection, its page cache empty (see the module's docstring)
        service = ReportService(store)

        def run() -> dict[str, Any]:
            return app_figures(service.report(PERIOD, today=TODAY))

    started = time.perf_counter()
    figures = run()
    first = time.perf_counter() - started
    warm = []
    for _ in range(0 if kind == "app-signin" else WARM_RUNS):
        started = time.perf_counter()
        run()
        warm.append(time.perf_counter() - started)
    return {"first": first, "warm": statistics.median(warm) if warm else None, "figures": figures}


def spawn(kind: str, folder: Path) -> dict[str, Any]:
    output = subprocess.run(
        [sys.executable, __file__, "--child", kind, "--data", str(folder)],
        capture_output=True,
        text=True,
        check=True,
        timeout=1800,
    ).stdout
    result: dict[str, Any] = json.loads(output.splitlines()[-1])
    return result


def measure(clients: int, folder: Path, rounds: int) -> dict[str, float]:
    sizes = prepare(clients, folder)
    samples: dict[str, list[float]] = defaultdict(list)
    reference: dict[str, Any] | None = None
    for _ in range(rounds):
        for kind in ("app-cold", "floor", "app-signin"):
            result = spawn(kind, folder)
            samples[f"{kind} first"].append(result["first"])
            if result["warm"] is not None:
                samples[f"{kind} warm"].append(result["warm"])
            figures = json.loads(json.dumps(result["figures"]))
            if reference is None:
                reference = figures
            elif figures != reference:
                different = [key for key in figures if figures[key] != reference.get(key)]
                raise SystemExit(f"{kind} computed other figures than the app: {different}")
    medians = {name: statistics.median(values) for name, values in samples.items()}
    print(
        f"-- {clients:,} clients ({sizes['intakes']:,} intakes, {sizes['referrals']:,} referrals, "
        f"{sizes['status changes']:,} status changes; "
        f"{(folder / 'leerwinkel.sqlite3').stat().st_size / 2**20:,.0f} MiB), "
        f"full report {PERIOD.start.year}, all sites; medians of {rounds}, each cold run in a new process"
    )
    cold, floor_cold = medians["app-cold first"], medians["floor first"]
    warm, floor_warm = medians["app-cold warm"], medians["floor warm"]

    def line(label: str, app: float, floor: float) -> None:
        print(f"   {label:<28} app {app * 1000:7.0f} ms   floor {floor * 1000:7.0f} ms   {app / floor:.2f}x")

    line("cold (new connection)", cold, floor_cold)
    line(f"warm (median of {WARM_RUNS})", warm, floor_warm)
    signin = medians["app-signin first"]
    print(f"   {'first report after sign-in':<28} app {signin * 1000:7.0f} ms (what sign-in read stays cached)")
    print("   the floor's figures equal the app's (every figure, by code)")
    return {
        "cold": cold,
        "warm": warm,
        "floor cold": floor_cold,
        "floor warm": floor_warm,
        "signin": medians["app-signin first"],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", default="10000,100000", help="sizes, comma-separated")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--data", type=Path, default=Path("/tmp/reports"), help="prefix of the cached data folders")
    parser.add_argument("--child", choices=("app-cold", "app-signin", "floor"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.data)))
        return 0
    sizes = [int(size) for size in args.clients.split(",")]
    results = [measure(size, Path(f"{args.data}-{size}"), args.rounds) for size in sizes]
    if len(results) > 1:
        small, large = results[0], results[-1]
        print(f"-- growth {sizes[0]:,} -> {sizes[-1]:,} clients ({sizes[-1] / sizes[0]:.0f}x the data):")
        print(
            "   "
            + ", ".join(
                f"{name} {large[name] / small[name]:.1f}x"
                for name in ("cold", "warm", "floor cold", "floor warm", "signin")
            )
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
