"""Search: accents, case, prefixes, one typo, synonyms and filters, the same on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest

from leerwinkel import cli
from leerwinkel.catalogue.search import SearchFilters, SearchIndex
from leerwinkel.catalogue.service import CatalogueService
from leerwinkel.errors import InvalidInputError
from leerwinkel.storage.store import Store
from tests.factories import provision_test_keyring

EXAM = "Getuigschrift 1ste graad, getuigschrift 2de graad, diploma secundair onderwijs via examens"


@pytest.fixture
def service(store: Store) -> CatalogueService:
    service = CatalogueService(store)
    service.load_bundle()
    return service


def titles(service: CatalogueService, query: str, filters: SearchFilters | None = None) -> list[str]:
    result = service.search(query, filters)
    return [s.title for s in service.summaries(result.ids) if s is not None]


@pytest.mark.parametrize(
    "query",
    ["examencommissie", "Examencommissie", "EXAMENCOMMISSIE", "examencommisie", "examencomm", "middenjury",
     "centrale examencommissie", "CE"],
)  # fmt: skip
def test_the_exam_board_is_found_however_it_is_typed(service: CatalogueService, query: str) -> None:
    assert EXAM in titles(service, query)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("nt2", "Nederlands tweede taal (NT2)"),
        ("nederlands als tweede taal", "NT2 voor trager lerenden en alfabetisering"),
        ("Nederlands tweede taal", "Intake, niveaubepaling en doorverwijzing NT2"),
        ("basisveiligheid", "VCA-examens (B-VCA, VOL-VCA, VIL-VCU)"),
        ("B-VCA", "Digitale VCA-examens"),
        ("vca", "Examens Basisveiligheid VCA (B-VCA) en VOL-VCA"),
        ("alfabetisering", "Lezen, schrijven, rekenen (geletterdheid)"),
        ("geletterdheid", "NT2 voor trager lerenden en alfabetisering"),
        ("STUDIEORIENTERING", "Studieoriëntering en leertrajectbegeleiding voor gedetineerden"),
        ("studieoriëntering", "Studieoriëntering en leertrajectbegeleiding voor gedetineerden"),
        ("beroepsinlevingsstage", "BIS – beroepsinlevingsstage"),
    ],
)
def test_synonyms_accents_and_prefixes(service: CatalogueService, query: str, expected: str) -> None:
    assert expected in titles(service, query)


def test_as_you_type_every_prefix_finds_it(service: CatalogueService) -> None:
    word = "beroepsinlevingsstage"
    for end in range(2, len(word) + 1):
        assert "BIS – beroepsinlevingsstage" in titles(service, word[:end]), word[:end]


def test_title_matches_come_first(service: CatalogueService) -> None:
    found = titles(service, "vca")
    assert all("VCA" in t for t in found[:5])


def test_a_typo_in_a_short_word_is_not_guessed(service: CatalogueService) -> None:
    assert titles(service, "vcz") == []


def test_filters(service: CatalogueService) -> None:
    in_prison = titles(service, "", SearchFilters(prison_site_code="gevangenis-mechelen"))
    assert "Groepsonderwijs in de gevangenis (Vocvo met CBE/CVO)" in in_prison
    assert "VCA-opleiding in de gevangenis (voorbeeld Antwerpen)" not in in_prison
    assert "VCA-opleiding in de gevangenis (voorbeeld Antwerpen)" in titles(
        service, "vca", SearchFilters(prison_site_code="*")
    )
    exams = titles(service, "", SearchFilters(category="ce-examen"))
    assert exams == [EXAM, "Mondelinge examens vanuit de gevangenis via videoconferentie"]  # prison-only last
    brussels = titles(service, "", SearchFilters(municipality="brussel"))
    assert EXAM in brussels and all("Mechelen" not in t for t in brussels)
    assert titles(service, "", SearchFilters(schedules=frozenset({"dag"}))) == [
        "Diploma secundair onderwijs (tweedekansonderwijs)"
    ]
    free = titles(service, "", SearchFilters(cost="free"))
    assert "Leerloopbaanbegeleiding en opleidingsinformatie" in free and EXAM not in free
    reduced = titles(service, "", SearchFilters(cost="reduced-prisoners"))
    assert "Nederlands tweede taal (NT2)" in reduced
    assert titles(service, "", SearchFilters(language="fr")) == []
    assert "NT2 voor trager lerenden en alfabetisering" in titles(service, "", SearchFilters(dutch_level="A0"))
    stale = titles(service, "", SearchFilters(stale_only=True))  # each record dated by its own pages
    assert "Diploma secundair onderwijs (tweedekansonderwijs)" in stale  # a 2003 page
    assert "Professionele bachelors en graduaten" not in stale  # a page of February 2026
    assert "HBO5 en specifieke lerarenopleiding (historisch)" not in titles(service, "")
    assert "HBO5 en specifieke lerarenopleiding (historisch)" in titles(
        service, "hbo5", SearchFilters(include_inactive=True)
    )


def test_stale_offerings(service: CatalogueService, store: Store) -> None:
    offerings = service.export_dataset().offerings
    index = SearchIndex.build([service.get_offering(i) for i in service.search("").ids], today=dt.date(2028, 1, 1))
    assert index.search("", SearchFilters(stale_only=True)).total == sum(1 for o in offerings if o.active)


def test_unknown_filter_codes_are_refused(service: CatalogueService) -> None:
    with pytest.raises(InvalidInputError):
        service.search("", SearchFilters(category="kantklossen"))
    with pytest.raises(InvalidInputError):
        service.search("", SearchFilters(cost="goedkoop"))


def test_cli_search_json(tmp_path: Path) -> None:
    provision_test_keyring(tmp_path / "d")
    out = io.StringIO()
    args = [
        "--data-dir",
        str(tmp_path / "d"),
        "catalogue",
        "search",
        "examencommisie",
        "--category",
        "ce-examen",
        "--json",
    ]
    assert cli.main(args, out=out) == 0
    data = json.loads(out.getvalue())
    assert data["total"] == 2  # with the exams from prison by videoconference
    assert data["results"][0]["title"] == EXAM
    assert data["results"][1]["status_uncertain"] is False
    assert data["results"][0]["cities"] == ["Brussel"]
    out = io.StringIO()
    args = ["--data-dir", str(tmp_path / "d"), "catalogue", "search", "vca", "--prison", "gevangenis-mechelen"]
    assert cli.main(args, out=out) == 0
    assert out.getvalue().startswith("0 resultaten")
