"""Search quality on the bundled catalogue: the counsellor queries of data/search-queries.json.

Run with ``-s`` to see the per-query table (``python benchmarks/search_quality.py`` prints it too).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from leerwinkel.catalogue.service import CatalogueService
from leerwinkel.catalogue.vocabulary import SEED_PARTS, split_compound
from leerwinkel.config import Config
from leerwinkel.storage.models import Offering
from tests.conftest import FIXED_NOW
from tests.core.search_quality import QUERIES, evaluate, load_cases, mean_precision, report
from tests.factories import open_test_store

EXAMENCOMMISSIE = (
    "examencommissie--getuigschrift-1ste-graad-getuigschrift-2de-graad-diploma-secundair-onderwijs-via-examens"
)


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[CatalogueService, dict[object, str], set[str]]]:
    folder: Path = tmp_path_factory.mktemp("quality")
    store = open_test_store(Config(data_dir=folder), now=FIXED_NOW)
    try:
        service = CatalogueService(store)
        service.load_bundle(force=True)
        with store.unit_of_work() as session:
            rows = list(session.query(Offering))
            keys: dict[object, str] = {o.id: o.external_id for o in rows}
            active = {o.external_id for o in rows if o.active}
        yield service, keys, active
    finally:
        store.dispose()


def top(bundled: tuple[CatalogueService, dict[object, str], set[str]], query: str, n: int = 5) -> list[str]:
    service, keys, _active = bundled
    return [keys[i] for i in service.search(query).ids[:n]]


def test_precision_at_5_over_the_counsellor_queries(
    bundled: tuple[CatalogueService, dict[object, str], set[str]],
) -> None:
    cases = load_cases()
    assert len(cases) >= 40
    outcomes = evaluate(lambda q: top(bundled, q), cases, bundled[2])
    print("\n" + report(outcomes))
    assert len(outcomes) >= 40
    assert mean_precision(outcomes) >= 0.9
    assert [o.case.query for o in outcomes if not o.first_ok] == []
    assert [o.case.query for o in outcomes if o.precision < 0.5] == []


@pytest.mark.parametrize(
    "query", ["CE", "ce", "CE examen", "CE-examens", "centrale examencommissie", "middenjury", "Examencomissie"]
)
def test_the_exam_board_comes_first_however_a_counsellor_names_it(
    bundled: tuple[CatalogueService, dict[object, str], set[str]], query: str
) -> None:
    assert top(bundled, query, 1) == [EXAMENCOMMISSIE]


def test_nederlands_leren_finds_every_dutch_course(
    bundled: tuple[CatalogueService, dict[object, str], set[str]],
) -> None:
    """Issue 13 found 1 of 7: now every Dutch course (NT2 category or Dutch in the title) comes first."""
    service, keys, active = bundled
    document = json.loads(QUERIES.read_text("utf-8"))
    dutch = set(document["sets"]["NT2"]) & active
    assert len(dutch) >= 7
    found = [keys[i] for i in service.search("Nederlands leren").ids]
    assert dutch <= set(found)
    assert set(found[:7]) <= dutch  # the first screenful is all Dutch courses


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("beroepsinlevingsstage", ["beroep", "inleving", "stage"]),
        ("basisveiligheid", ["basis", "veiligheid"]),
        ("taalcursus", ["taal", "cursus"]),
        ("heftruckbestuurder", ["heftruck", "bestuurder"]),
        ("kinderopvang", ["kinder", "opvang"]),
        ("opleiding", []),
        ("gevangenis", []),
    ],
)
def test_dutch_compounds_split_into_known_parts(word: str, parts: list[str]) -> None:
    assert split_compound(word, set(SEED_PARTS)) == parts


def test_a_part_of_a_compound_finds_the_compound(bundled: tuple[CatalogueService, dict[object, str], set[str]]) -> None:
    assert "pvi-antwerpen--examens-basisveiligheid-vca-b-vca-en-vol-vca" in top(bundled, "veiligheid")
    assert "vdab-mechelen--bis-beroepsinlevingsstage" in top(bundled, "stage", 3)
