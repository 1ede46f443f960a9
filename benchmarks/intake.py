"""Benchmark the intake: saving an intake, and searching 100,000 clients as you type.

Run: ``python benchmarks/intake.py [--clients 100000] [--runs 200]``. Uses a temporary SQLite database
with WAL and synchronous=FULL (the app's settings) and prints p50/p95 in milliseconds, next to a bare
one-row ORM commit measured in the same run. Not part of the test suite.
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

from sqlalchemy import insert

from benchmarks.setup_data import set_up
from leerwinkel.app import open_app
from leerwinkel.intake.demo import FIRST_NAMES, LAST_NAMES
from leerwinkel.intake.service import search_key
from leerwinkel.intake.types import ConsentInput, IntakeInput, PersonInput, ThresholdInput, WishInput
from leerwinkel.storage.models import Client, Setting

# Invented names from the demo data: no real person is meant.
FIRST = FIRST_NAMES
LAST = LAST_NAMES
TOWNS = ["Mechelen", "Lier", "Willebroek", "Bonheiden", "Duffel", "Sint-Katelijne-Waver", "Putte", "Bornem"]


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1000, p95 * 1000


def timed(action: Callable[[], object], runs: int) -> list[float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return samples


def intake_form(rng: random.Random) -> IntakeInput:
    return IntakeInput(
        person=PersonInput(
            first_name=rng.choice(FIRST),
            last_name=rng.choice(LAST),
            birth_date="03/04/1990",
            postcode="2800",
            municipality="Mechelen",
            dutch_level="A2",
            target_groups=("werkzoekende",),
            thresholds=tuple(
                ThresholdInput(code, "notitie") for code in ("taal", "vervoer", "kostprijs", "tijd", "digitaal")
            ),
        ),
        wishes=(WishInput("nt2", "beter Nederlands"), WishInput("vca"), WishInput("ce-examen")),
        consent=ConsentInput(True, True, True),
        site_code="mechelen-sociaal-huis",
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    rng = random.Random(4)
    folder = Path(tempfile.mkdtemp(prefix="leerwinkel-bench-"))
    config, credentials = set_up(folder)
    app = open_app(config, credentials=credentials)
    store = app.store
    actor = app.auth.current

    def bare_commit() -> None:
        with store.unit_of_work() as session:
            session.add(Setting(key=f"bench-{uuid.uuid4().hex}", value="1"))

    timed(bare_commit, 20)
    bare = timed(bare_commit, args.runs)
    timed(lambda: app.clients.record_intake(intake_form(rng), actor=actor), 20)
    saves = timed(lambda: app.clients.record_intake(intake_form(rng), actor=actor), args.runs)
    bare50, bare95 = percentiles(bare)
    save50, save95 = percentiles(saves)
    print(f"bare one-row ORM commit          p50 {bare50:6.2f} ms  p95 {bare95:6.2f} ms")
    print(
        f"intake, 3 wishes + 5 thresholds  p50 {save50:6.2f} ms  p95 {save95:6.2f} ms"
        f"  ({save95 / bare95:.1f}x bare commit; target p95 <= 5 ms)"
    )

    now = dt.datetime.now(dt.UTC)
    start = time.perf_counter()
    with store.engine.begin() as connection:
        batch = []
        for index in range(args.clients):
            first, last = rng.choice(FIRST), rng.choice(LAST)
            alias = f"{first[:3]}{index}" if index % 17 == 0 else ""
            year = rng.randint(1950, 2008)
            batch.append(
                {
                    "id": uuid.uuid4(),
                    "created_at": now,
                    "updated_at": now,
                    "updated_by_device": "bench",
                    "version": 1,
                    "first_name": first,
                    "alias": alias,
                    "last_name": last,
                    "birth_date": dt.date(year, 1, 1),
                    "birth_year": year,
                    "municipality": rng.choice(TOWNS),
                    "dutch_level": "onbekend",
                    "last_activity_at": now - dt.timedelta(minutes=index),
                    "search_key": search_key(first, alias, last),
                }
            )
            if len(batch) == 5000:
                connection.execute(insert(Client), batch)
                batch.clear()
        if batch:
            connection.execute(insert(Client), batch)
    print(f"inserted {args.clients} clients in {time.perf_counter() - start:.1f} s")

    keystrokes: list[float] = []
    for word in ("mira", "testaert", "yasmina verz", "probeer", "zzz", "oefenberg"):
        for end in range(1, len(word) + 1):
            keystrokes += timed(lambda w=word[:end]: app.clients.search(w), 3)
    for year in ("1990", "2001"):
        keystrokes += timed(lambda y=int(year): app.clients.search("", birth_year=y), 3)
    keystrokes += timed(lambda: app.clients.search("nora", municipality="Lier"), 3)
    keystrokes += timed(lambda: app.clients.search(""), 3)
    key50, key95 = percentiles(keystrokes)
    print(
        f"client list, per keystroke ({len(keystrokes)} searches over {args.clients} clients, first 200 rows)"
        f"  p50 {key50:6.2f} ms  p95 {key95:6.2f} ms  (target p95 <= 50 ms)"
    )
    app.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
