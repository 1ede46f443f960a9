"""Matching: offerings ranked for a client's profile, with reasons in plain Dutch."""

from __future__ import annotations

import pytest

from leerwinkel.catalogue.match import ClientProfile
from leerwinkel.catalogue.service import CatalogueService
from leerwinkel.errors import InvalidInputError
from leerwinkel.storage.store import Store
from tests.core.catalogue_data import build_sample


@pytest.fixture
def service(store: Store) -> CatalogueService:
    build_sample(store)
    return CatalogueService(store)


def test_prisoner_who_wants_the_exam_board_diploma(service: CatalogueService) -> None:
    profile = ClientProfile(
        municipality="Mechelen",
        dutch_level="B1",
        detained=True,
        prison_site_code="gevangenis-mechelen",
        target_groups=frozenset({"gedetineerde"}),
    )
    result = service.match("ce-examen", profile)
    assert [m.title for m in result.matches] == ["Voorbereiding examencommissie in de gevangenis"]
    assert "aanbod in de gevangenis" in result.matches[0].reasons
    assert "gratis of goedkoper voor gedetineerden" in result.matches[0].reasons
    assert [(e.title, e.reasons) for e in result.excluded] == [
        ("Examens secundair onderwijs", ("niet beschikbaar in de gevangenis",))
    ]


def test_prisoner_in_another_prison_is_told_so(service: CatalogueService) -> None:
    profile = ClientProfile(detained=True, prison_site_code="gevangenis-elders")
    result = service.match("ce-examen", profile)
    assert result.matches == ()
    reasons = {e.title: e.reasons for e in result.excluded}
    assert reasons["Voorbereiding examencommissie in de gevangenis"] == ("niet beschikbaar in deze gevangenis",)


def test_low_literate_newcomer_who_wants_nt2(service: CatalogueService) -> None:
    profile = ClientProfile(
        municipality="mechelen",
        dutch_level="A0",
        low_literacy=True,
        budget="free",
        target_groups=frozenset({"anderstalige-nieuwkomer"}),
    )
    result = service.match("nt2", profile)
    assert [m.title for m in result.matches] == ["NT2 alfabetisering"]
    reasons = result.matches[0].reasons
    assert "aanbod in Mechelen" in reasons
    assert "gratis" in reasons
    assert "geschikt voor wie moeilijk leest of schrijft" in reasons
    excluded = {e.title: e.reasons for e in result.excluded}
    assert excluded["Nederlands tweede taal richtgraad 2"] == (
        "vereist niveau A2",
        "vereist dat je vlot leest en schrijft",
        "niet gratis",
    )


def test_employee_who_wants_vca_in_the_evening(service: CatalogueService) -> None:
    profile = ClientProfile(
        municipality="Mechelen",
        dutch_level="B2",
        preferred_schedules=frozenset({"avond"}),
        target_groups=frozenset({"werknemer"}),
    )
    result = service.match("vca", profile)
    assert [m.title for m in result.matches] == ["Basisveiligheid VCA avondcursus", "B-VCA dagcursus"]
    best, other = result.matches
    assert best.reasons[0] == "avondles in Mechelen"
    assert best.score > other.score
    assert "alleen overdag" in other.reasons
    assert "in Willebroek" in other.reasons
    assert result.excluded == ()  # the inactive offering is neither proposed nor excluded


def test_jobseeker_sees_the_reduction(service: CatalogueService) -> None:
    profile = ClientProfile(dutch_level="B1", target_groups=frozenset({"werkzoekende"}), budget="reduced")
    result = service.match("vca", profile)
    reasons = {m.title: m.reasons for m in result.matches}
    assert "gratis of goedkoper voor werkzoekenden" in reasons["B-VCA dagcursus"]
    excluded = {e.title: e.reasons for e in result.excluded}
    assert "Basisveiligheid VCA avondcursus" not in reasons
    assert excluded["Basisveiligheid VCA avondcursus"] == ("geen gratis of verminderd tarief",)


def test_unknown_level_is_a_reason_not_an_exclusion(service: CatalogueService) -> None:
    result = service.match("vca", ClientProfile())
    assert len(result.matches) == 2
    assert all("niveau Nederlands nagaan (vereist A2)" in m.reasons for m in result.matches)


def test_text_and_limit_narrow_the_list(service: CatalogueService) -> None:
    assert [m.title for m in service.match("vca", ClientProfile(), text="avond").matches] == [
        "Basisveiligheid VCA avondcursus"
    ]
    assert len(service.match("vca", ClientProfile(), limit=1).matches) == 1


@pytest.mark.parametrize(
    ("category", "profile"),
    [
        ("geen-categorie", ClientProfile()),
        ("vca", ClientProfile(dutch_level="Z9")),
        ("vca", ClientProfile(preferred_schedules=frozenset({"nacht"}))),
        ("vca", ClientProfile(budget="goedkoop")),
    ],
)
def test_bad_input_is_refused(service: CatalogueService, category: str, profile: ClientProfile) -> None:
    with pytest.raises(InvalidInputError):
        service.match(category, profile)
