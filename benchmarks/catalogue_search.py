"""Catalogue search and import on synthetic offerings, next to bare SQLite doing the same work in the same run.

Run: python benchmarks/catalogue_search.py [--offerings 10000,50000,200000] [--seed 7] [--restarts 5]
     [--import-only] [--import-runs 3]

For each size it builds a synthetic catalogue (invented providers and offerings) and, on one encrypted
database as the app uses it:
- imports it through the catalogue service, search index included (a catalogue of more than PART offerings
  in several files, one import after another: the import refuses a file of more than 100,000 rows or
  100 MB); floor: the same JSON parsed and
  written with executemany into tables made with the app's own DDL (every column, key and index) plus
  an FTS5 index, in the same file (and the smaller floor used before, for comparison);
- times the first search after the import, after a restart (a newly opened store and service, each
  with another query) and after an edit (the edit itself is timed too: it patches the stored index);
- replays the as-you-type queries (every prefix of realistic searches, a typo now and then; each
  distinct query counted once) warm and with the per-word cache emptied (cold);
- floor for the searches: a bare FTS5 prefix query ("w1"* AND "w2"*) on the same file counting the
  matches and reading the first 50, as the app counts its matches and reads 50 result rows; FTS5 has
  no typo tolerance, synonyms or compounds, so the benchmark says for how many queries both give the
  same set of offerings.
Targets (issue 15): the first search after start, import or edit within 100 ms; import within 2x the floor.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import random
import re
import statistics
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.setup_data import set_up
from leerwinkel.actor import Actor
from leerwinkel.app import open_store
from leerwinkel.catalogue.dataset import Dataset, LocationRow, OfferingRow, ProviderRow
from leerwinkel.catalogue.native import native_bytes
from leerwinkel.catalogue.service import CatalogueService
from leerwinkel.ids import CounsellorId
from leerwinkel.storage.models import Offering
from leerwinkel.storage.store import Store
from leerwinkel.taxonomy import WISH_CATEGORIES
from leerwinkel.text import words

ADMIN = Actor(CounsellorId(uuid.UUID(int=1)), "benchmark", "Benchmark", "admin")  # imports are admin-only

CITIES = [
    ("2800", "Mechelen"), ("2500", "Lier"), ("2830", "Willebroek"), ("2580", "Putte"), ("2820", "Bonheiden"),
    ("2860", "Sint-Katelijne-Waver"), ("2570", "Duffel"), ("2550", "Kontich"), ("1880", "Kapelle-op-den-Bos"),
    ("2000", "Antwerpen"), ("3000", "Leuven"), ("1000", "Brussel"), ("9000", "Gent"), ("2200", "Herentals"),
    ("2300", "Turnhout"), ("1800", "Vilvoorde"), ("2880", "Bornem"), ("2890", "Puurs-Sint-Amands"),
]  # fmt: skip
KINDS = ["cvo", "cbe", "syntra", "vdab", "hogeschool", "vzw", "bedrijf", "examencentrum"]
SUBJECTS = [
    "lassen", "boekhouding", "verzorgende", "zorgkundige", "kinderbegeleider", "heftruck", "logistiek",
    "elektriciteit", "sanitair", "schilder", "metselaar", "kok", "keukenhulp", "poetshulp", "informatica",
    "programmeren", "webdesign", "onthaal", "administratie", "winkelbediende", "kapper", "schoonheidszorg",
    "chauffeur", "magazijnier", "tuinaanleg", "dakwerker", "loodgieter", "naaien", "fotografie", "Engels",
    "Frans", "Spaans", "wiskunde", "rekenen", "lezen", "schrijven", "Nederlands", "digitale vaardigheden",
    "rijbewijs", "basisveiligheid", "examencommissie", "tweedekansonderwijs", "graduaat", "bachelor",
]  # fmt: skip
LEVELS = ["beginners", "gevorderden", "richtgraad 1", "richtgraad 2", "richtgraad 3", "module 1", "module 2"]
FORMS = ["opleiding", "cursus", "traject", "workshop", "examen", "stage", "les", "vorming"]
WHEN = ["dagcursus", "avondcursus", "weekendcursus", "online", "afstandsonderwijs"]
QUERIES = [
    "examencommissie", "nt2 mechelen", "vca avond", "lassen", "boekhouding lier", "zorgkundige", "heftruck",
    "nederlands tweede taal", "basisveiligheid", "informatica", "kinderbegeleider willebroek", "rekenen",
    "digitale vaardigheden", "rijbewijs", "engels gevorderden", "tweedekansonderwijs", "graduaat", "keukenhulp",
    "winkelbediende", "magazijnier antwerpen", "alfabetisering", "schilder", "middenjury", "richtgraad 2",
    "logistiek", "programmeren", "chauffeur", "onthaal", "kapper", "examencommisie", "loodgieter", "verzorgende",
]  # fmt: skip


def synthetic(count: int, seed: int) -> Dataset:
    rng = random.Random(seed)
    categories = [c for c in WISH_CATEGORIES.codes if c != "andere"]
    provider_count = max(count // 25, 1)
    providers = []
    locations = []
    for p in range(provider_count):
        kind = rng.choice(KINDS)
        providers.append(
            ProviderRow(
                id=f"p{p}",
                name=f"{kind.upper()} {rng.choice(CITIES)[1]} {p}",
                kind=kind,
                sources=("synthetisch",),
                last_verified=dt.date(2025, 1, 1) + dt.timedelta(days=rng.randrange(700)),
            )
        )
        for n in range(2):
            postcode, city = rng.choice(CITIES)
            locations.append(
                LocationRow(
                    id=f"p{p}-l{n}",
                    provider=f"p{p}",
                    name=f"Campus {n + 1}",
                    street=f"Schoolstraat {rng.randrange(1, 200)}",
                    postcode=postcode,
                    city=city,
                    prison_site_code="gevangenis-mechelen" if rng.random() < 0.02 else None,
                )
            )
    offerings = []
    for o in range(count):
        p = rng.randrange(provider_count)
        subject = rng.choice(SUBJECTS)
        when = rng.choice(WHEN)
        schedule = {"dagcursus": "dag", "avondcursus": "avond", "weekendcursus": "weekend"}.get(when, when)
        offerings.append(
            OfferingRow(
                id=f"o{o}",
                provider=f"p{p}",
                title=f"{subject.capitalize()} {rng.choice(FORMS)} {rng.choice(LEVELS)} ({when})",
                category=rng.choice(categories),
                description=f"{rng.choice(FORMS).capitalize()} {subject} voor {rng.choice(LEVELS)}.",
                schedules=(schedule,),
                is_free=rng.choice([True, False, None]),
                reduced_for_jobseekers=rng.choice([True, None]),
                in_prison=rng.random() < 0.02,
                dutch_level_min=rng.choice([None, "A1", "A2", "B1"]),
                locations=(f"p{p}-l{rng.randrange(2)}",),
                sources=("synthetisch",),
                last_verified=dt.date(2025, 1, 1) + dt.timedelta(days=rng.randrange(700)),
            )
        )
    return Dataset(tuple(providers), tuple(locations), tuple(offerings))


def typed_queries(seed: int) -> list[str]:
    """Every prefix of every query as a counsellor types it; now and then a letter is dropped."""
    rng = random.Random(seed)
    out: list[str] = []
    for query in QUERIES:
        if rng.random() < 0.2 and len(query) > 8:
            cut = rng.randrange(3, len(query) - 1)
            query = query[:cut] + query[cut + 1 :]
        out.extend(query[:end] for end in range(2, len(query) + 1))
    return out


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def fts_query(text: str) -> str:
    return " AND ".join(f'"{w}"*' for w in words(text))


def distinct(values: list[str]) -> list[str]:
    return list(dict.fromkeys(values))


def milliseconds(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


@dataclass
class Figures:
    size: int
    import_s: float
    floor_import_s: float
    minimal_floor_s: float
    import_ratios: list[float]  # app / floor of each import run
    import_cpu: list[tuple[float, float]]  # CPU seconds of app and floor, each run
    after_import_s: float
    after_restart_s: list[float]
    opening_s: list[float]
    edit_s: float
    after_edit_s: float
    warm_ms: list[float]
    cold_ms: list[float]
    fts_ms: list[float]
    same_sets: int
    queries: int
    parts: int = 0  # files the catalogue was imported from (0: one file)


def first_search(service: CatalogueService, query: str) -> float:
    """A search as the page runs it: the matches, then the 50 rows the table shows first."""
    start = time.perf_counter()
    result = service.search(query)
    service.summaries(list(result.ids[:50]))
    return time.perf_counter() - start


#: The catalogue tables an import writes; the floor writes tables of the same shape beside them.
CATALOGUE_TABLES = ("providers", "locations", "offerings", "offering_locations")
_TABLE_NAME = re.compile(r'(?<![\w"])"?(providers|locations|offerings|offering_locations)"?(?=\s*\()')


def clock() -> tuple[float, float]:
    """Wall-clock and CPU seconds of this process (the CPU figure is steadier on a shared machine)."""
    return time.perf_counter(), time.process_time()


def since(start: tuple[float, float]) -> tuple[float, float]:
    wall, cpu = clock()
    return wall - start[0], cpu - start[1]


def floor_import(store: Store, source: Path, *, minimal: bool = False) -> tuple[float, float]:
    """The bare floor: parse the JSON, executemany into tables like the app's, fill an FTS5 index; one transaction.

    The tables are made with the app's own DDL (every column, the primary and unique keys, the secondary
    indexes and foreign keys; not the app's change-counter triggers) and get every column the app writes,
    with random UUID keys and timestamps as the app gives them. ``minimal``: the floor used before
    2026-12-02 instead (10 of the offerings' columns, the external ids as keys, no secondary index).
    """
    connection = store.engine.raw_connection()
    try:
        start = clock()
        data = json.loads(source.read_bytes())
        cursor = connection.cursor()
        cursor.execute("BEGIN")  # the store's connections leave transactions to the caller
        if minimal:
            _minimal_tables(cursor, data)
            fts = "minimal_fts"
        else:
            _same_tables(cursor, data)
            fts = "floor_fts"
        cursor.execute(
            f"CREATE VIRTUAL TABLE {fts} USING fts5(title, provider, description, cities, "
            "tokenize = 'unicode61 remove_diacritics 2')"
        )
        offerings = data["offerings"]
        providers = {p["id"]: p["name"] for p in data["providers"]}
        cities = {x["id"]: x.get("city", "") for x in data["locations"]}
        cursor.executemany(
            f"INSERT INTO {fts} (rowid, title, provider, description, cities) VALUES (?, ?, ?, ?, ?)",  # noqa: S608
            [
                (row, o["title"], providers[o["provider"]], o.get("description", ""),
                 " ".join(cities[k] for k in o["locations"]))
                for row, o in enumerate(offerings, start=1)
            ],
        )  # fmt: skip
        cursor.execute("COMMIT")
        return since(start)
    finally:
        connection.close()


def _same_tables(cursor: Any, data: dict[str, Any]) -> None:
    """floor_<table> for each catalogue table, made with its DDL, and every column of every row written."""
    ddl = cursor.execute(
        "SELECT sql FROM sqlite_master WHERE tbl_name IN (?, ?, ?, ?) AND type IN ('table', 'index') "
        "AND sql IS NOT NULL ORDER BY type DESC",
        CATALOGUE_TABLES,
    ).fetchall()
    for (sql,) in ddl:
        sql = _TABLE_NAME.sub(lambda m: f"floor_{m.group(1)}", sql)
        cursor.execute(re.sub(r"^CREATE INDEX (\w+)", r"CREATE INDEX floor_\1", sql))
    now = str(dt.datetime.now(dt.UTC).replace(tzinfo=None))
    stamp = (now, now, "floor-device", 1)  # created_at, updated_at, updated_by_device, version
    record = ("import", 0, "", "")  # origin, locally_modified, checked_by, check_source
    ids: dict[str, str] = {}

    def key(external_id: str) -> str:
        ids[external_id] = uuid.uuid4().hex  # what the app's UUID columns hold on SQLite
        return ids[external_id]

    def insert(table: str, columns: str, rows: list[tuple[Any, ...]]) -> None:
        marks = ", ".join("?" * (columns.count(",") + 1))
        cursor.executemany(f"INSERT INTO floor_{table} ({columns}) VALUES ({marks})", rows)  # noqa: S608

    common = "created_at, updated_at, updated_by_device, version, origin, locally_modified, checked_by, check_source"
    insert(
        "providers",
        f"id, external_id, name, kind, description, website, email, phone, sources, last_verified, active, {common}",
        [
            (key(p["id"]), p["id"], p["name"], p.get("kind", ""), p.get("description", ""), p.get("website", ""),
             p.get("email", ""), p.get("phone", ""), "\n".join(p.get("sources", [])), p.get("last_verified"),
             p.get("active", True), *stamp, *record)
            for p in data["providers"]
        ],
    )  # fmt: skip
    insert(
        "locations",
        "id, external_id, provider_id, name, street, postcode, city, phone, opening_hours, prison_site_code, "
        f"sources, last_verified, active, {common}",
        [
            (key(x["id"]), x["id"], ids[x["provider"]], x.get("name", ""), x.get("street", ""), x.get("postcode", ""),
             x.get("city", ""), x.get("phone", ""), x.get("opening_hours", ""), x.get("prison_site_code"),
             "\n".join(x.get("sources", [])), x.get("last_verified"), x.get("active", True), *stamp, *record)
            for x in data["locations"]
        ],
    )  # fmt: skip
    schedules = ("dag", "avond", "weekend", "online", "afstandsonderwijs")
    insert(
        "offerings",
        "id, external_id, provider_id, title, category, description, language, dutch_level_min, literacy_required, "
        "schedule_day, schedule_evening, schedule_weekend, schedule_online, schedule_distance, schedule_note, "
        "is_free, reduced_for_jobseekers, reduced_for_prisoners, cost_note, in_prison, admission, what_to_bring, "
        "website, email, phone, client_text, client_text_translations, status_uncertain, status_note, "
        f"target_groups, sources, last_verified, active, {common}",
        [
            (key(o["id"]), o["id"], ids[o["provider"]], o["title"], o["category"], o.get("description", ""),
             o.get("language", "nl"), o.get("dutch_level_min"), o.get("literacy_required"),
             *(code in o.get("schedules", []) for code in schedules), o.get("schedule_note", ""), o.get("is_free"),
             o.get("reduced_for_jobseekers"), o.get("reduced_for_prisoners"), o.get("cost_note", ""),
             o.get("in_prison", False), o.get("admission", ""), o.get("what_to_bring", ""), o.get("website", ""),
             o.get("email", ""), o.get("phone", ""), "", "{}", o.get("status_uncertain", False),
             o.get("status_note", ""), "\n".join(o.get("target_groups", [])), "\n".join(o.get("sources", [])),
             o.get("last_verified"), o.get("active", True), *stamp, *record)
            for o in data["offerings"]
        ],
    )  # fmt: skip
    insert(
        "offering_locations",
        "id, offering_id, location_id, created_at, updated_at, updated_by_device, version",
        [
            (uuid.uuid4().hex, ids[o["id"]], ids[place], *stamp)
            for o in data["offerings"]
            for place in dict.fromkeys(o["locations"])
        ],
    )


def _minimal_tables(cursor: Any, data: dict[str, Any]) -> None:
    """The floor of before: 10 of the offerings' columns, the external ids as keys, no secondary index."""
    cursor.execute("CREATE TABLE minimal_providers (id TEXT PRIMARY KEY, name TEXT, kind TEXT, checked TEXT)")
    cursor.execute("CREATE TABLE minimal_locations (id TEXT PRIMARY KEY, provider TEXT, name TEXT, city TEXT)")
    cursor.execute(
        "CREATE TABLE minimal_offerings (id TEXT PRIMARY KEY, provider TEXT, title TEXT, category TEXT, "
        "description TEXT, schedules TEXT, is_free INTEGER, in_prison INTEGER, level TEXT, checked TEXT)"
    )
    cursor.execute("CREATE TABLE minimal_links (offering TEXT, location TEXT)")
    cursor.executemany(
        "INSERT INTO minimal_providers VALUES (?, ?, ?, ?)",
        [(p["id"], p["name"], p.get("kind", ""), p.get("last_verified")) for p in data["providers"]],
    )
    cursor.executemany(
        "INSERT INTO minimal_locations VALUES (?, ?, ?, ?)",
        [(x["id"], x["provider"], x.get("name", ""), x.get("city", "")) for x in data["locations"]],
    )
    offerings = data["offerings"]
    cursor.executemany(
        "INSERT INTO minimal_offerings VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                o["id"], o["provider"], o["title"], o["category"], o.get("description", ""),
                " ".join(o.get("schedules", [])), o.get("is_free"), o.get("in_prison"),
                o.get("dutch_level_min"), o.get("last_verified"),
            )
            for o in offerings
        ],
    )  # fmt: skip
    cursor.executemany(
        "INSERT INTO minimal_links VALUES (?, ?)", [(o["id"], loc) for o in offerings for loc in o["locations"]]
    )


def floor_search(store: Store, query: str) -> tuple[float, set[int]]:
    connection = store.engine.raw_connection()
    try:
        match = fts_query(query)
        start = time.perf_counter()
        count = connection.execute("SELECT count(*) FROM floor_fts WHERE floor_fts MATCH ?", (match,)).fetchone()
        rows = connection.execute(
            "SELECT rowid, title, provider, cities FROM floor_fts WHERE floor_fts MATCH ? LIMIT 50", (match,)
        ).fetchall()
        seconds = time.perf_counter() - start
        del count, rows
        found = {row[0] for row in connection.execute("SELECT rowid FROM floor_fts WHERE floor_fts MATCH ?", (match,))}
        return seconds, found
    finally:
        connection.close()


Timed = tuple[float, float]  # wall-clock and CPU seconds


#: Offerings per imported file: a file of a catalogue larger than this is imported in parts (the import refuses
#: a file of more than 100,000 rows or 100 MB, leerwinkel/catalogue/limits.py), as an administrator would.
PART = 50_000


def write_parts(data: Dataset, folder: Path) -> list[Path]:
    """The catalogue as files the import takes: the first with every provider and location, then the offerings.

    Each file is imported through ``CatalogueService.import_file``, so every row is checked and the search
    index is built exactly as the app builds it (each import patches the stored index).
    """
    if len(data.offerings) <= PART:
        return []
    parts = []
    for number, begin in enumerate(range(0, len(data.offerings), PART)):
        part = Dataset(
            data.providers if number == 0 else (),
            data.locations if number == 0 else (),
            data.offerings[begin : begin + PART],
        )
        path = folder / f"synthetisch-{number + 1}.json"
        path.write_bytes(native_bytes(part))
        parts.append(path)
    return parts


def import_all(service: CatalogueService, sources: list[Path]) -> int:
    """Import ``sources`` one after another; the records added."""
    return sum(service.import_file(source, actor=ADMIN).added for source in sources)


def import_once(source: Path, parts: list[Path], folder: Path, expected: int) -> tuple[Timed, Timed, Timed]:
    """One more import into a new data folder, then both floors on its file: the seconds of each."""
    config, credentials = set_up(folder)
    store = open_store(config, credentials=credentials)
    try:
        start = clock()
        added = import_all(CatalogueService(store), parts or [source])
        seconds = since(start)
        assert added == expected, added
        return seconds, floor_import(store, source), floor_import(store, source, minimal=True)
    finally:
        store.dispose()


def measure(
    size: int, seed: int, restarts: int, folder: Path, *, import_only: bool = False, import_runs: int = 1
) -> Figures:
    data = synthetic(size, seed)
    queries = distinct(typed_queries(seed))
    source = folder / "synthetisch.json"  # the whole catalogue in one file: what the floors read
    source.write_bytes(native_bytes(data))
    parts = write_parts(data, folder)
    config, credentials = set_up(folder / "data")
    store = open_store(config, credentials=credentials)
    service = CatalogueService(store)

    began = clock()
    added = import_all(service, parts or [source])
    timed = since(began)
    assert added == size + len(data.providers) + len(data.locations), added
    after_import = first_search(service, QUERIES[0])
    runs = [(timed, floor_import(store, source), floor_import(store, source, minimal=True))]
    store.dispose()
    for run in range(1, import_runs):  # each in a new data folder, app and floors in turn
        runs.append(import_once(source, parts, folder / f"run-{run}", added))
    import_seconds, floor_import_seconds, minimal_floor_seconds = (
        statistics.median(wall for wall, _cpu in column) for column in zip(*runs, strict=True)
    )
    ratios = [app[0] / floor[0] for app, floor, _minimal in runs]
    cpu = [(app[1], floor[1]) for app, floor, _minimal in runs]
    if import_only:
        return Figures(
            size, import_seconds, floor_import_seconds, minimal_floor_seconds, ratios, cpu, after_import, [], [],
            0.0, 0.0, [], [], [], 0, 0, len(parts),
        )  # fmt: skip

    after_restart = []
    opening = []
    for query in QUERIES[1 : restarts + 1]:
        store = open_store(config, credentials=credentials)
        service = CatalogueService(store)
        start = time.perf_counter()
        service.search_index()  # what the Catalogus page does on a worker when it is first shown
        opening.append(time.perf_counter() - start)
        after_restart.append(first_search(service, query))
        store.dispose()

    store = open_store(config, credentials=credentials)
    service = CatalogueService(store)
    service.search("")
    key_of: dict[uuid.UUID, object] = {}  # the floor's rowid; offerings of the bundled catalogue have none
    with store.unit_of_work() as session:
        for row in session.query(Offering.id, Offering.external_id):
            synthetic_key = row.external_id[1:]
            key_of[row.id] = int(synthetic_key) + 1 if synthetic_key.isdigit() else row.external_id
    warm_ms, cold_ms, fts_ms = [], [], []
    same = 0
    index = service.search_index()
    for query in queries:
        start = time.perf_counter()
        result = service.search(query)
        service.summaries(list(result.ids[:50]))
        warm_ms.append((time.perf_counter() - start) * 1000)
    for query in queries:
        index.forget_cached_words()
        start = time.perf_counter()
        result = service.search(query)
        service.summaries(list(result.ids[:50]))
        cold_ms.append((time.perf_counter() - start) * 1000)
        seconds, found = floor_search(store, query)
        fts_ms.append(seconds * 1000)
        same += {key_of[i] for i in result.ids} == found

    editor = service.editor
    info = service.get_offering(service.search("lassen").ids[0])
    start = time.perf_counter()
    editor.save_offering(
        actor=ADMIN,
        values={
            "provider": info.provider_external_id,
            "title": "Lassen en plaatbewerking voor gevorderden",
            "category": info.category,
            "schedules": ["avond"],
            "locations": [loc.external_id for loc in info.locations],
        },
    )
    edit_seconds = time.perf_counter() - start
    after_edit = first_search(service, "plaatbewerking")
    store.dispose()
    return Figures(
        size, import_seconds, floor_import_seconds, minimal_floor_seconds, ratios, cpu, after_import, after_restart,
        opening,
        edit_seconds, after_edit, warm_ms, cold_ms, fts_ms, same, len(queries), len(parts),
    )  # fmt: skip


def show(f: Figures) -> None:
    print(f"-- {f.size:,} offerings, {f.queries} distinct as-you-type queries")
    runs = len(f.import_ratios)
    median = f" (median of {runs} runs, app and floors in turn)" if runs > 1 else ""
    spread = f" (runs: {min(f.import_ratios):.2f}-{max(f.import_ratios):.2f})" if runs > 1 else ""
    app_cpu = statistics.median(app for app, _floor in f.import_cpu)
    floor_cpu = statistics.median(floor for _app, floor in f.import_cpu)
    cpu_ratio = statistics.median(app / floor for app, floor in f.import_cpu)
    files = f" in {f.parts} files of at most {PART:,} offerings, one after another" if f.parts else ""
    print(
        f"import{files}, index included{median}: {f.import_s:.2f} s ({f.size / f.import_s:,.0f}/s); "
        f"floor (JSON + executemany into the same tables + FTS5, same file): {f.floor_import_s:.2f} s; "
        f"ratio {statistics.median(f.import_ratios):.2f}{spread} (target <= 2); "
        f"in CPU seconds of this process: {app_cpu:.2f} s against {floor_cpu:.2f} s, ratio {cpu_ratio:.2f}"
    )
    print(
        f"minimal floor of before (10 offering columns, no secondary index): {f.minimal_floor_s:.2f} s; "
        f"ratio {f.import_s / f.minimal_floor_s:.2f}"
    )
    print(f"first search after import: {milliseconds(f.after_import_s)} (target <= 100 ms)")
    if not f.queries:
        return
    restart = sorted(f.after_restart_s)
    opening = sorted(f.opening_s)
    print(
        f"after a restart ({len(restart)} restarts, another query each): opening the index (the page does it "
        f"on a worker) median {milliseconds(statistics.median(opening))}, max {milliseconds(opening[-1])}; "
        f"then the first search median {milliseconds(statistics.median(restart))}, "
        f"max {milliseconds(restart[-1])} (target <= 100 ms)"
    )
    print(
        f"edit of one offering (index patched): {milliseconds(f.edit_s)}; "
        f"first search after it: {milliseconds(f.after_edit_s)}"
    )
    w50, w95 = percentile(f.warm_ms, 0.5), percentile(f.warm_ms, 0.95)
    c50, c95 = percentile(f.cold_ms, 0.5), percentile(f.cold_ms, 0.95)
    f50, f95 = percentile(f.fts_ms, 0.5), percentile(f.fts_ms, 0.95)
    print(f"as you type, warm: p50 {w50:.2f} ms, p95 {w95:.2f} ms")
    print(f"as you type, cold (postings read from the database): p50 {c50:.2f} ms, p95 {c95:.2f} ms")
    print(f"floor, bare FTS5 prefix query (count + 50 rows): p50 {f50:.2f} ms, p95 {f95:.2f} ms")
    print(f"ratio p95 app / floor: warm {w95 / f95:.2f}, cold {c95 / f95:.2f}")
    print(
        f"same set of offerings as FTS5: {f.same_sets} of {f.queries} queries (FTS5 has no typos, synonyms, compounds)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--offerings", default="10000,50000", help="sizes, comma-separated")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--restarts", type=int, default=5)
    parser.add_argument("--import-only", action="store_true", help="only the import, its floor and the first search")
    parser.add_argument(
        "--import-runs", type=int, default=1, help="imports (and floors) per size, each in a new folder"
    )
    args = parser.parse_args()
    sizes = [int(size) for size in args.offerings.split(",")]
    figures = []
    for size in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            figures.append(
                measure(
                    size,
                    args.seed,
                    args.restarts,
                    Path(tmp),
                    import_only=args.import_only,
                    import_runs=args.import_runs,
                )
            )
        show(figures[-1])
    if len(figures) > 1 and args.import_only:
        small, large = figures[0], figures[-1]
        print(f"-- growth {small.size:,} -> {large.size:,} offerings: import {large.import_s / small.import_s:.1f}x")
    elif len(figures) > 1:
        pairs = list(itertools.pairwise(figures))
        if len(figures) > 2:
            pairs.append((figures[0], figures[-1]))
        for small, large in pairs:
            growth = large.size / small.size
            print(f"-- growth {small.size:,} -> {large.size:,} offerings ({growth:.0f}x the data):")
            print(
                f"import {large.import_s / small.import_s:.1f}x, first search after restart "
                f"{statistics.median(large.after_restart_s) / statistics.median(small.after_restart_s):.1f}x, "
                f"warm p95 {percentile(large.warm_ms, 0.95) / percentile(small.warm_ms, 0.95):.1f}x "
                f"(floor {percentile(large.fts_ms, 0.95) / percentile(small.fts_ms, 0.95):.1f}x), "
                f"cold p95 {percentile(large.cold_ms, 0.95) / percentile(small.cold_ms, 0.95):.1f}x"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
