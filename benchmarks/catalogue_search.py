"""Catalogue search and import on 50,000 synthetic offerings, next to bare SQLite FTS5 on the same data.

Run: python benchmarks/catalogue_search.py [--offerings 50000] [--seed 7]

It builds a synthetic catalogue (invented providers and offerings), imports it through the
catalogue service into a fresh SQLite database (import throughput), then replays a few hundred
as-you-type queries (every prefix of realistic searches, with a typo now and then) through the
service and, in the same run, through a bare FTS5 table holding the same text. Targets (issue 3):
search p95 <= 10 ms and <= 2x bare FTS5; importing 50,000 offerings <= 10 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.setup_data import set_up
from leerwinkel.actor import Actor
from leerwinkel.app import open_store
from leerwinkel.catalogue.dataset import Dataset, LocationRow, OfferingRow, ProviderRow
from leerwinkel.catalogue.native import native_bytes
from leerwinkel.catalogue.service import CatalogueService
from leerwinkel.ids import CounsellorId
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
    out = []
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--offerings", type=int, default=50_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    data = synthetic(args.offerings, args.seed)
    queries = typed_queries(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = folder / "synthetisch.json"
        source.write_bytes(native_bytes(data))
        config, credentials = set_up(folder / "data")
        store = open_store(config, credentials=credentials)
        service = CatalogueService(store)

        start = time.perf_counter()
        report = service.import_file(source, actor=ADMIN)
        import_seconds = time.perf_counter() - start

        start = time.perf_counter()
        service.search("")
        index_seconds = time.perf_counter() - start

        service_ms = []
        totals = []
        for query in queries:
            start = time.perf_counter()
            result = service.search(query)
            service.summaries(result.ids[:50])  # the rows the table shows first
            service_ms.append((time.perf_counter() - start) * 1000)
            totals.append(result.total)

        cold_ms = []
        index = service.search_index()
        for query in queries:
            index.forget_cached_words()
            start = time.perf_counter()
            result = service.search(query)
            service.summaries(result.ids[:50])
            cold_ms.append((time.perf_counter() - start) * 1000)

        # Bare FTS5 on the same text, in the same run (a plain SQLite file: the bare library).
        connection = sqlite3.connect(folder / "bare-fts5.sqlite3")
        connection.execute(
            "CREATE VIRTUAL TABLE bench_fts USING fts5(title, provider, description, cities, "
            "tokenize = 'unicode61 remove_diacritics 2')"
        )
        providers = {p.id: p.name for p in data.providers}
        cities = {loc.id: loc.city for loc in data.locations}
        connection.executemany(
            "INSERT INTO bench_fts (rowid, title, provider, description, cities) VALUES (?, ?, ?, ?, ?)",
            (
                (i + 1, o.title, providers[o.provider], o.description, " ".join(cities[k] for k in o.locations))
                for i, o in enumerate(data.offerings)
            ),
        )
        connection.commit()
        fts_ms = []
        for query in queries:
            start = time.perf_counter()
            rows = connection.execute(
                "SELECT rowid, title FROM bench_fts WHERE bench_fts MATCH ? ORDER BY rank LIMIT 50", (fts_query(query),)
            ).fetchall()
            fts_ms.append((time.perf_counter() - start) * 1000)
            del rows
        connection.close()
        store.dispose()

    s50, s95 = percentile(service_ms, 0.5), percentile(service_ms, 0.95)
    f50, f95 = percentile(fts_ms, 0.5), percentile(fts_ms, 0.95)
    print(f"offerings: {args.offerings}, queries: {len(queries)} (median {statistics.median(totals):.0f} hits)")
    print(
        f"import: {import_seconds:.2f} s ({args.offerings / import_seconds:,.0f} offerings/s; "
        f"added {report.added}) target <= 10 s"
    )
    print(f"index build (first search): {index_seconds:.2f} s")
    print(f"service search: p50 {s50:.2f} ms, p95 {s95:.2f} ms (target p95 <= 10 ms; as typed, word cache warm)")
    c50, c95 = percentile(cold_ms, 0.5), percentile(cold_ms, 0.95)
    print(f"service search, cold word cache: p50 {c50:.2f} ms, p95 {c95:.2f} ms")
    print(f"bare FTS5:      p50 {f50:.2f} ms, p95 {f95:.2f} ms")
    print(f"ratio p95 service / FTS5: {s95 / f95:.2f} (cold: {c95 / f95:.2f}; target <= 2)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
