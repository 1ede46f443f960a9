"""Benchmark the intake: saving an intake as the window does, and searching 100,000 clients as you type.

Run: ``python benchmarks/intake.py [--clients 100000] [--runs 200] [--rounds 5]``. Uses a temporary
encrypted SQLite database with WAL and synchronous=FULL (the app's settings). The save is the window's
own call, ``app.intakes.save`` with an OpenIntake as the intake page builds it: a new client (3 wishes, 5
thresholds, consent), and the same intake saved again after an edit (the client, intake and wishes it
was saved as, as the page keeps them). Its floor is a one-row commit through the same store; the three
alternate, and each round prints p50/p95 and the p95 ratio (the last line: the medians of the rounds).
The client search is compared with the same search in bare SQL on the same file (each distinct search
counted once). Not part of the test suite.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import functools
import random
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import event, insert

from benchmarks.setup_data import set_up
from leerwinkel.app import Leerwinkel, open_app
from leerwinkel.intake.actions import OpenIntake
from leerwinkel.intake.checked import search_key
from leerwinkel.intake.demo import FIRST_NAMES, LAST_NAMES
from leerwinkel.intake.types import ConsentInput, IntakeInput, PersonInput, SavedIntake, ThresholdInput, WishInput
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


def edited(form: IntakeInput, rng: random.Random) -> IntakeInput:
    """The form after the counsellor changed the phone number, a threshold's note and a wish's goal."""
    thresholds = tuple(
        ThresholdInput(t.code, f"notitie {rng.randint(1, 99)}") if t.code == "vervoer" else t
        for t in form.person.thresholds
    )
    person = dataclasses.replace(form.person, phone=f"0470 {rng.randint(10, 99)} 34 56", thresholds=thresholds)
    wishes = (dataclasses.replace(form.wishes[0], goal=f"niveau A{rng.randint(1, 2)}"), *form.wishes[1:])
    return dataclasses.replace(form, person=person, wishes=wishes)


def measure(wall: list[float], cpu: list[float], action: Callable[[], object]) -> Any:
    """Run ``action`` once; append its wall-clock and CPU seconds."""
    wall_start, cpu_start = time.perf_counter(), time.process_time()
    result = action()
    wall.append(time.perf_counter() - wall_start)
    cpu.append(time.process_time() - cpu_start)
    return result


def bench_saves(app: Leerwinkel, rng: random.Random, *, runs: int, rounds: int) -> None:
    """The window's save (new client; saved again after an edit) against a one-row commit, alternating."""
    store = app.store
    actor = app.auth.current
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(args[2])

    def bare_commit() -> None:
        with store.unit_of_work() as session:
            session.add(Setting(key=f"bench-{uuid.uuid4().hex}", value="1"))

    def save_new(form: IntakeInput) -> SavedIntake:
        return app.intakes.save(OpenIntake(form), actor=actor)

    def reopened(form: IntakeInput, saved: SavedIntake) -> OpenIntake:
        """The page after a save, then an edit: what was saved (fresh records) and what was typed."""
        return OpenIntake(
            edited(form, rng), base=saved.client, intake_id=saved.intake.id, wish_ids=tuple(w.id for w in saved.wishes)
        )

    def save_again(again: OpenIntake) -> SavedIntake:
        return app.intakes.save(again, actor=actor)

    for _ in range(20):  # warm up: statement caches, pages
        bare_commit()
        form = intake_form(rng)
        save_again(reopened(form, save_new(form)))
    event.listen(store.engine, "before_cursor_execute", count)
    form = intake_form(rng)
    saved = save_new(form)
    new_statements = len(statements)
    statements.clear()
    save_again(reopened(form, saved))
    again_statements = len(statements)
    event.remove(store.engine, "before_cursor_execute", count)
    print(
        f"statements per save (BEGIN included): new client {new_statements}, saved again {again_statements}; "
        "one-row commit 2"
    )
    rows: list[dict[str, float]] = []
    for number in range(1, rounds + 1):
        wall: dict[str, list[float]] = {"bare": [], "new": [], "again": []}
        cpu: dict[str, list[float]] = {"bare": [], "new": [], "again": []}
        for _ in range(runs):
            measure(wall["bare"], cpu["bare"], bare_commit)
            form = intake_form(rng)
            saved = measure(wall["new"], cpu["new"], functools.partial(save_new, form))
            again_input = reopened(form, saved)
            measure(wall["again"], cpu["again"], functools.partial(save_again, again_input))
        row: dict[str, float] = {}
        for name in wall:
            row[f"{name}50"], row[f"{name}95"] = percentiles(wall[name])
            row[f"{name}cpu"] = statistics.median(cpu[name]) * 1000
        rows.append(row)
        print(
            f"round {number}: one-row commit p50 {row['bare50']:5.2f} p95 {row['bare95']:5.2f} ms | "
            f"new client (3 wishes, 5 thresholds, consent) p50 {row['new50']:5.2f} p95 {row['new95']:5.2f} ms, "
            f"ratio p50 {row['new50'] / row['bare50']:.2f}x p95 {row['new95'] / row['bare95']:.2f}x | "
            f"saved again after an edit p50 {row['again50']:5.2f} p95 {row['again95']:5.2f} ms, "
            f"ratio p50 {row['again50'] / row['bare50']:.2f}x p95 {row['again95'] / row['bare95']:.2f}x | "
            f"CPU p50 {row['barecpu']:.2f} / {row['newcpu']:.2f} / {row['againcpu']:.2f} ms"
        )

    def mid(key: str) -> float:
        return statistics.median(r[key] for r in rows)

    def ratio(app_key: str, floor_key: str) -> float:
        return statistics.median(r[app_key] / r[floor_key] for r in rows)

    print(f"median of {rounds} rounds of {runs} (ratios: medians of the rounds' ratios; target p95 <= 3x):")
    print(f"  one-row commit p50 {mid('bare50'):5.2f} p95 {mid('bare95'):5.2f} ms, CPU p50 {mid('barecpu'):.2f} ms")
    for key, label in (("new", "new client"), ("again", "saved again")):
        print(
            f"  {label:<14} p50 {mid(key + '50'):5.2f} p95 {mid(key + '95'):5.2f} ms,"
            f" CPU p50 {mid(key + 'cpu'):.2f} ms;"
            f" ratio p50 {ratio(key + '50', 'bare50'):.2f}x p95 {ratio(key + '95', 'bare95'):.2f}x"
            f" CPU {ratio(key + 'cpu', 'barecpu'):.2f}x"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    rng = random.Random(4)
    folder = Path(tempfile.mkdtemp(prefix="leerwinkel-bench-"))
    config, credentials = set_up(folder)
    app = open_app(config, credentials=credentials)
    store = app.store
    bench_saves(app, rng, runs=args.runs, rounds=args.rounds)

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
    searches: list[tuple[str, Callable[[], object]]] = [(w, functools.partial(app.clients.search, w)) for w in typed]
    searches += [(f"year {y}", functools.partial(app.clients.search, "", birth_year=y)) for y in (1990, 2001)]
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
    shutil.rmtree(folder, ignore_errors=True)  # the database and its keys: nothing of the run stays behind
    return 0


if __name__ == "__main__":
    sys.exit(main())
