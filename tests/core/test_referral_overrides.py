"""Refer anyway (an exclusion overridden with a reason) and refer outside the catalogue, with letters."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from leerwinkel.catalogue.match import ClientProfile
from leerwinkel.catalogue.service import CatalogueService
from leerwinkel.errors import InvalidInputError
from leerwinkel.ids import OfferingId
from leerwinkel.intake.proposals import client_profile
from leerwinkel.intake.service import ClientService, SavedIntake
from leerwinkel.intake.types import ConsentInput, IntakeInput, PersonInput, WishInput
from leerwinkel.letters.service import LetterService
from leerwinkel.messages import describe
from leerwinkel.referrals.overrides import ExternalProvider
from leerwinkel.referrals.service import ReferralService
from leerwinkel.storage.models import Referral, ReferralStatusChange
from leerwinkel.storage.store import Store
from tests.core.catalogue_data import build_sample
from tests.factories import counsellor_actor
from tests.pdfcheck import pdf_text


def _prisoner(store: Store) -> SavedIntake:
    """An invented client detained in Gevangenis Mechelen who wants VCA and Dutch lessons."""
    person = PersonInput(
        first_name="Testfried",
        last_name="Verzonnen",
        municipality="Mechelen",
        dutch_level="A2",
        detained=True,
        prison_site_code="gevangenis-mechelen",
        target_groups=("gedetineerde",),
    )
    form = IntakeInput(
        person=person,
        wishes=(WishInput("vca", "veiligheidsattest"), WishInput("nt2", "beter Nederlands")),
        consent=ConsentInput(store_data=True, share_with_provider=True, contact_follow_up=True),
        channel="gevangenis",
    )
    return ClientService(store).record_intake(form, actor=counsellor_actor(store))


def _offering(catalogue: CatalogueService, category: str, profile: ClientProfile, title: str) -> OfferingId:
    result = catalogue.match(category, profile, limit=100)
    return next(o.offering_id for o in (*result.matches, *result.excluded) if o.title == title)


def test_prisoner_is_referred_anyway_with_a_reason_kept_in_the_history(store: Store) -> None:
    build_sample(store)
    catalogue, referrals = CatalogueService(store), ReferralService(store)
    saved = _prisoner(store)
    profile = client_profile(saved.client.to_input())
    vca = catalogue.match("vca", profile)
    assert vca.matches == ()  # found 2: every VCA offering is excluded inside this prison
    day_course = next(e for e in vca.excluded if e.title == "B-VCA dagcursus")
    assert day_course.codes == ("not-in-prison",)

    with pytest.raises(InvalidInputError) as refused:
        referrals.create(
            saved.client.id, category="vca", offering_id=day_course.offering_id, actor=counsellor_actor(store)
        )
    assert "geef een korte reden om toch te verwijzen" in describe(refused.value)
    assert "wordt niet in de gevangenis gegeven" in describe(refused.value)

    reason = "Vrijlating binnen twee weken; start na vrijlating"
    made = referrals.create(
        saved.client.id,
        category="vca",
        wish_id=saved.wishes[0].id,
        offering_id=day_course.offering_id,
        override_reason=f"  {reason} ",
        actor=counsellor_actor(store),
    ).referral
    assert made.override_reason == reason
    assert made.overridden == "wordt niet in de gevangenis gegeven"
    assert made.title == "B-VCA dagcursus"
    moved = referrals.set_status(made, "verstuurd", actor=counsellor_actor(store)).referral
    assert [(c.status, c.override_reason) for c in moved.history] == [("voorgesteld", reason), ("verstuurd", "")]
    assert moved.override_reason == reason
    with store.unit_of_work() as session:
        rows = session.execute(
            select(ReferralStatusChange.status, ReferralStatusChange.overridden, ReferralStatusChange.override_reason)
            .where(ReferralStatusChange.referral_id == made.id)
            .order_by(ReferralStatusChange.changed_at, ReferralStatusChange.status.desc())
        ).all()
    assert [tuple(r) for r in rows] == [
        ("voorgesteld", "wordt niet in de gevangenis gegeven", reason),
        ("verstuurd", "", ""),
    ]

    letters = LetterService(store)
    letter = pdf_text(letters.referral_letter(made.id).pdf)
    assert "B-VCA dagcursus" in letter
    assert reason not in letter  # the reason is the Leerwinkel's own note, not the provider's business
    assert "B-VCA dagcursus" in pdf_text(letters.handout(made.id).pdf)


def test_a_reason_for_an_offering_that_fits_is_not_recorded(store: Store) -> None:
    build_sample(store)
    saved = _prisoner(store)
    catalogue = CatalogueService(store)
    profile = client_profile(saved.client.to_input())
    inside = _offering(catalogue, "ce-examen", profile, "Voorbereiding examencommissie in de gevangenis")
    made = (
        ReferralService(store)
        .create(
            saved.client.id,
            category="ce-examen",
            offering_id=inside,
            override_reason="voor de zekerheid",
            actor=counsellor_actor(store),
        )
        .referral
    )
    assert made.override_reason == "" and made.overridden == ""


def test_jobseeker_referred_to_a_prison_only_offering_needs_a_reason(store: Store) -> None:
    build_sample(store)
    form = IntakeInput(
        person=PersonInput(first_name="Werkzoekster", municipality="Mechelen", target_groups=("werkzoekende",)),
        wishes=(WishInput("ce-examen"),),
        consent=ConsentInput(store_data=True),
    )
    saved = ClientService(store).record_intake(form, actor=counsellor_actor(store))
    profile = client_profile(saved.client.to_input())
    inside = _offering(CatalogueService(store), "ce-examen", profile, "Voorbereiding examencommissie in de gevangenis")
    with pytest.raises(InvalidInputError) as refused:
        ReferralService(store).create(
            saved.client.id, category="ce-examen", offering_id=inside, actor=counsellor_actor(store)
        )
    assert refused.value.problems[0].reason == "override-required"
    made = (
        ReferralService(store)
        .create(
            saved.client.id,
            category="ce-examen",
            offering_id=inside,
            override_reason="net vrijgelaten",
            actor=counsellor_actor(store),
        )
        .referral
    )
    assert made.overridden == "alleen voor gedetineerden, in de gevangenis"


def test_external_referral_has_letters_and_follow_up(store: Store) -> None:
    saved = _prisoner(store)
    referrals = ReferralService(store)
    external = ExternalProvider(
        name="Lasatelier Voorbeeld",
        contact="Contactpersoon: Testine Bedenksel\nVoorbeeldstraat 1, 2800 Mechelen",
        service="Opleiding lassen voor beginners",
    )
    made = referrals.create(
        saved.client.id, category="beroepsopleiding", external=external, actor=counsellor_actor(store)
    ).referral
    assert made.external == external
    assert (made.provider_name, made.title, made.offering_id) == (
        "Lasatelier Voorbeeld",
        "Opleiding lassen voor beginners",
        None,
    )
    assert [r.id for r in referrals.list(open_only=True)] == [made.id]
    with store.unit_of_work() as session:
        row = session.get(Referral, made.id)
        assert row is not None
        assert (row.external_provider, row.external_contact, row.external_service) == (
            external.name,
            external.contact,
            external.service,
        )

    letters = LetterService(store)
    letter = pdf_text(letters.referral_letter(made.id).pdf)
    for text in ("Lasatelier Voorbeeld", "Voorbeeldstraat 1", "Opleiding lassen voor beginners"):
        assert text in letter
    handout = pdf_text(letters.handout(made.id).pdf)
    for text in ("Lasatelier Voorbeeld", "Testine Bedenksel", "Opleiding lassen voor beginners"):
        assert text in handout


@pytest.mark.parametrize(
    ("external", "offering", "reason"),
    [
        (ExternalProvider(name="  "), False, "required"),
        (ExternalProvider(name="x" * 201), False, "too-long"),
        (ExternalProvider(name="Ergens", contact="bel\x07me"), False, "control-characters"),
        (ExternalProvider(name="Ergens"), True, "external-and-offering"),
    ],
)
def test_bad_external_referral_is_refused_and_nothing_is_saved(
    store: Store, external: ExternalProvider, offering: bool, reason: str
) -> None:
    build_sample(store)
    saved = _prisoner(store)
    profile = client_profile(saved.client.to_input())
    inside = _offering(CatalogueService(store), "ce-examen", profile, "Voorbereiding examencommissie in de gevangenis")
    with pytest.raises(InvalidInputError) as refused:
        ReferralService(store).create(
            saved.client.id,
            category="andere",
            external=external,
            offering_id=inside if offering else None,
            actor=counsellor_actor(store),
        )
    assert [p.reason for p in refused.value.problems] == [reason]
    assert describe(refused.value)
    assert ReferralService(store).list() == ()


def test_report_counts_referrals_made_anyway_and_outside_the_catalogue(store: Store) -> None:
    from leerwinkel.reports.figures import Period
    from leerwinkel.reports.service import ReportService
    from leerwinkel.reports.tables import report_tables

    build_sample(store)
    saved = _prisoner(store)
    referrals, catalogue = ReferralService(store), CatalogueService(store)
    profile = client_profile(saved.client.to_input())
    outside = _offering(catalogue, "vca", profile, "B-VCA dagcursus")
    inside = _offering(catalogue, "ce-examen", profile, "Voorbereiding examencommissie in de gevangenis")
    referrals.create(
        saved.client.id,
        category="vca",
        offering_id=outside,
        override_reason="na vrijlating",
        actor=counsellor_actor(store),
    )
    referrals.create(saved.client.id, category="ce-examen", offering_id=inside, actor=counsellor_actor(store))
    referrals.create(
        saved.client.id,
        category="andere",
        external=ExternalProvider(name="Buurtwerking Test"),
        actor=counsellor_actor(store),
    )
    reports = ReportService(store)
    quarter = reports.report(Period.quarter(2026, 1), today=referrals.today())
    o = quarter.overview
    assert (o.referrals, o.referred_anyway, o.outside_catalogue) == (3, 1, 1)
    later = reports.report(Period.quarter(2026, 2), today=referrals.today()).overview
    assert (later.referred_anyway, later.outside_catalogue) == (0, 0)
    rows = {row[0]: row[1] for row in report_tables(quarter, anonymous=False)[0].rows}
    assert rows["Verwijzingen ondanks uitsluiting (met reden)"] == 1
    assert rows["Verwijzingen buiten de catalogus"] == 1


def test_timeline_shows_the_external_provider_and_the_reason(store: Store) -> None:
    build_sample(store)
    saved = _prisoner(store)
    referrals = ReferralService(store)
    profile = client_profile(saved.client.to_input())
    outside = _offering(CatalogueService(store), "vca", profile, "B-VCA dagcursus")
    referrals.create(
        saved.client.id,
        category="vca",
        offering_id=outside,
        override_reason="na vrijlating",
        actor=counsellor_actor(store),
    )
    referrals.create(
        saved.client.id,
        category="andere",
        external=ExternalProvider(name="Buurtwerking Test"),
        actor=counsellor_actor(store),
    )
    entries = ClientService(store).timeline(saved.client.id)
    statuses = {(e.title, e.detail) for e in entries if e.kind == "status"}
    assert ("B-VCA dagcursus: Voorgesteld", "Toch verwezen: na vrijlating") in statuses
    assert ("Buurtwerking Test: Voorgesteld", "") in statuses


def test_reasons_against_say_why_before_referring(store: Store) -> None:
    build_sample(store)
    saved = _prisoner(store)
    referrals, catalogue = ReferralService(store), CatalogueService(store)
    profile = client_profile(saved.client.to_input())
    outside = _offering(catalogue, "vca", profile, "B-VCA dagcursus")
    inside = _offering(catalogue, "ce-examen", profile, "Voorbereiding examencommissie in de gevangenis")
    assert referrals.reasons_against(saved.client.id, outside) == ("wordt niet in de gevangenis gegeven",)
    assert referrals.reasons_against(saved.client.id, inside) == ()
