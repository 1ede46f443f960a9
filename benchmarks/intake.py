"""Benchmark the intake: saving an intake, and searching 100,000 clients as you type.

Run: ``python benchmarks/intake.py [--clients 100000] [--runs 200]``. Uses a temporary SQLite database
with WAL and synchronous=FULL (the app's settings) and prints p50/p95 in milliseconds, next to a bare
one-row ORM commit measured in the same run, and the client search next to the same search in bare
SQL on the same file (each distinct search counted once). Not part of the test suite.
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
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert

from benchmarks.setup_data import set_up
from leerwinkel.app import open_app
from leerwinkel.intake.demo import FIRST_NAMES, LAST_NAMES
from leerwinkel.intake.service import search_key
from leerwinkel.intake.types import ConsentInput, IntakeInput, PersonInput, ThresholdInput, WishInput
from leerwinkel.storage.models import Client, Setting
from leerwinkel.text import fold

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


def bare_search(connection: Any, text: str) -> list[Any]:
    """The client list with bare SQLite: what the app's search returns, without the app around it."""
    words = fold(text).split()
    where = " AND ".join("search_key LIKE ?" for _w in words) or "1"
    arguments: list[object] = [f"%{w}%" for w in words]
    if words and all(len(w) >= 3 for w in words):
        where += " AND rowid IN (SELECT rowid FROM client_search WHERE client_search MATCH ?)"
        arguments.append(" AND ".join(f'"{w}"' for w in words))
    columns = "id, first_name, alias, last_name, birth_year, municipality, last_activity_at"
    sql = f"SELECT {columns} FROM clients WHERE {where} ORDER BY last_activity_at DESC, id DESC LIMIT 200"  # noqa: S608
    return connection.execute(sql, arguments).fetchall()  # type: ignore[no-any-return]


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

    # Each distinct search once (a repeated query would be answered from warm pages): every prefix as typed.
    words = ("mira", "testaert", "yasmina verz", "probeer", "zzz", "oefenberg", "qx")
    typed = list(dict.fromkeys(w[:end] for w in words for end in range(1, len(w) + 1)))
    searches: list[tuple[str, Callable[[], object]]] = [(w, lambda w=w: app.clients.search(w)) for w in typed]
    searches += [(f"year {y}", lambda y=y: app.clients.search("", birth_year=y)) for y in (1990, 2001)]
    searches += [("nora in Lier", lambda: app.clients.search("nora", municipality="Lier"))]
    searches += [("(all)", lambda: app.clients.search(""))]
    keystrokes: list[float] = []
    nothing: list[float] = []
    floor: list[float] = []
    same = 0
    for label, search in searches:
        start = time.perf_counter()
        found = search()
        elapsed = time.perf_counter() - start  # seconds, as percentiles() expects
        keystrokes.append(elapsed)
        if not found:
            nothing.append(elapsed)
        if label in typed:
            raw = store.engine.raw_connection()  # the pool's connection (a new one would be keyed again)
            start = time.perf_counter()
            rows = bare_search(raw, label)
            floor.append(time.perf_counter() - start)
            raw.close()
            same += [r[0] for r in rows] == [c.id.hex for c in found]  # type: ignore[attr-defined]
    key50, key95 = percentiles(keystrokes)
    print(
        f"client list, per keystroke ({len(keystrokes)} distinct searches over {args.clients} clients, "
        f"first 200 rows)  p50 {key50:6.2f} ms  p95 {key95:6.2f} ms  (target p95 <= 20 ms)"
    )
    if nothing:
        print(f"  of which {len(nothing)} match nothing: max {max(nothing) * 1000:6.2f} ms")
    floor50, floor95 = percentiles(floor)
    _name50, name95 = percentiles([t for (label, _s), t in zip(searches, keystrokes, strict=True) if label in typed])
    print(
        f"  name searches {name95:6.2f} ms p95; floor, bare SQL on the same file (FTS5 trigram MATCH for words of "
        f"3+ letters, else LIKE; same order and limit): p50 {floor50:6.2f} ms  p95 {floor95:6.2f} ms; "
        f"ratio p95 {name95 / floor95:.2f}; same rows for {same} of {len(typed)}"
    )
    app.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
