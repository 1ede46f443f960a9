"""Matching: offerings ranked for a client's profile, with reasons in plain Dutch."""

from __future__ import annotations

import pytest

from leerwinkel.catalogue.match import ClientProfile
from leerwinkel.catalogue.service import CatalogueService
from leerwinkel.errors import InvalidInputError
from leerwinkel.storage.store import Store
from tests.core.catalogue_data import add_offering, build_sample


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
        ("Examens secundair onderwijs", ("wordt niet in de gevangenis gegeven",))
    ]


def test_prisoner_in_another_prison_is_told_so(service: CatalogueService) -> None:
    profile = ClientProfile(detained=True, prison_site_code="gevangenis-elders")
    result = service.match("ce-examen", profile)
    assert result.matches == ()
    reasons = {e.title: (e.codes, e.reasons) for e in result.excluded}
    assert reasons["Voorbereiding examencommissie in de gevangenis"] == (
        ("other-prison",),
        ("niet in deze gevangenis, alleen in Gevangenis",),
    )


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
        "vraagt Nederlands op niveau A2 (de cliënt heeft A0)",
        "vraagt dat je vlot leest en schrijft",
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
    assert excluded["Basisveiligheid VCA avondcursus"] == ("niet gratis en geen korting voor deze cliënt",)


def test_unknown_level_is_a_reason_not_an_exclusion(service: CatalogueService) -> None:
    result = service.match("vca", ClientProfile())
    assert len(result.matches) == 2
    assert all("niveau Nederlands nagaan (vraagt A2)" in m.reasons for m in result.matches)


def test_jobseeker_is_not_offered_what_only_prisoners_get(service: CatalogueService) -> None:
    """Found 3: a prison-only offering was proposed as "aanbod in Mechelen" to a jobseeker."""
    profile = ClientProfile(municipality="Mechelen", dutch_level="B2", target_groups=frozenset({"werkzoekende"}))
    result = service.match("ce-examen", profile)
    assert [m.title for m in result.matches] == ["Examens secundair onderwijs"]
    excluded = {e.title: (e.codes, e.reasons) for e in result.excluded}
    assert excluded == {
        "Voorbereiding examencommissie in de gevangenis": (
            ("prison-only",),
            ("alleen voor gedetineerden, in de gevangenis",),
        )
    }


def test_a_prison_location_is_no_town_for_a_client_who_is_free(store: Store) -> None:
    """An offering given in the prison and in Lier is "in Lier" for a jobseeker of Mechelen, never "in Mechelen"."""
    build_sample(store)
    add_offering(
        store,
        "nt2-both",
        "cvo-test",
        "NT2 binnen en buiten",
        "nt2",
        locations=["cvo-prison", "cvo-lier"],
        in_prison=True,
        is_free=True,
    )
    service = CatalogueService(store)
    free = service.match("nt2", ClientProfile(municipality="Mechelen"), text="binnen")
    assert [m.title for m in free.matches] == ["NT2 binnen en buiten"]
    assert "aanbod in Mechelen" not in free.matches[0].reasons
    assert "in Lier" in free.matches[0].reasons
    inside = ClientProfile(municipality="Mechelen", detained=True, prison_site_code="gevangenis-mechelen")
    detained = service.match("nt2", inside, text="binnen")
    assert "aanbod in de gevangenis" in detained.matches[0].reasons


def test_bundled_catalogue_jobseeker_sees_no_lio_and_prisoner_gets_reasons(store: Store) -> None:
    """Found 2 and 3 on the bundled catalogue: LIO only for prisoners; a prisoner's VCA/NT2 say why not."""
    service = CatalogueService(store)
    service.load_bundle()
    jobseeker = ClientProfile(municipality="Mechelen", dutch_level="B1", target_groups=frozenset({"werkzoekende"}))
    for category in ("orientatie", "mentoring", "erkenning", "basiseducatie"):
        result = service.match(category, jobseeker, limit=100)
        assert not [m.title for m in result.matches if "LIO" in m.title or "gevangenis" in m.title.casefold()]
        lio = [e for e in result.excluded if "LIO" in e.provider_name or "LIO" in e.title]
        assert all(e.codes == ("prison-only",) for e in lio)
    assert any("LIO" in e.provider_name or "LIO" in e.title for e in service.match("orientatie", jobseeker).excluded)
    prisoner = ClientProfile(
        municipality="Mechelen", dutch_level="A2", detained=True, prison_site_code="gevangenis-mechelen"
    )
    for category in ("vca", "nt2"):
        result = service.match(category, prisoner, limit=100)
        for exclusion in result.excluded:
            assert exclusion.reasons and len(exclusion.reasons) == len(exclusion.codes)
            assert not any("vereist" in reason for reason in exclusion.reasons)


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
