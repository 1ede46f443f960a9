"""Adding, editing and deactivating catalogue records by hand; a newer bundle leaves them alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from leerwinkel.actor import Actor
from leerwinkel.catalogue.service import CatalogueService, bundled_catalogue
from leerwinkel.errors import InvalidInputError, NotFoundError, PermissionDeniedError
from leerwinkel.ids import OfferingId
from leerwinkel.storage.store import Store
from tests.core.catalogue_data import ADMIN


@pytest.fixture
def service(store: Store) -> CatalogueService:
    service = CatalogueService(store)
    service.load_bundle()
    return service


def test_add_edit_and_deactivate_an_offering(service: CatalogueService) -> None:
    editor = service.editor
    provider_id = editor.save_provider(
        actor=ADMIN, values={"name": "Lasatelier Test", "email": "info@lasatelier.example"}
    )
    provider = next(p for p in editor.providers() if p.id == provider_id)
    assert provider.external_id.startswith("local-lasatelier-test-")

    offering_id = editor.save_offering(
        actor=ADMIN,
        values={
            "provider": provider.external_id,
            "title": "Lassen voor beginners",
            "category": "beroepsopleiding",
            "schedules": ["avond"],
            "locations": ["crescendo-vaartdijk"],
        },
    )
    info = service.get_offering(offering_id)
    assert info.origin == "local" and info.schedules == frozenset({"avond"})
    assert [loc.external_id for loc in info.locations] == ["crescendo-vaartdijk"]
    assert service.search("lasse").ids[0] == offering_id  # then the other vocational courses

    editor.save_offering(
        actor=ADMIN, values={**_values(info), "cost_note": "€1,50 per lestijd"}, offering_id=offering_id
    )
    assert service.get_offering(offering_id).cost_note == "€1,50 per lestijd"
    assert [loc.external_id for loc in service.get_offering(offering_id).locations] == ["crescendo-vaartdijk"]

    editor.set_offering_active(offering_id, False, actor=ADMIN)
    assert offering_id not in service.search("lassen").ids  # a stopped offering is not found any more
    assert service.get_offering(offering_id).active is False


def test_every_problem_of_a_form_is_reported(service: CatalogueService) -> None:
    with pytest.raises(InvalidInputError) as caught:
        service.editor.save_offering(
            actor=ADMIN,
            values={
                "provider": "bestaat-niet",
                "title": "",
                "category": "x",
                "email": "nee",
                "last_verified": "morgen",
            },
        )
    assert {p.reason for p in caught.value.problems} == {"required", "unknown-code", "bad-email", "bad-iso-date"}
    with pytest.raises(InvalidInputError) as caught:
        service.editor.save_offering(
            actor=ADMIN, values={"provider": "bestaat-niet", "title": "Titel", "category": "nt2"}
        )
    assert [p.reason for p in caught.value.problems] == ["broken-reference"]
    with pytest.raises(NotFoundError):
        service.editor.set_offering_active(OfferingId(__import__("uuid").uuid4()), False, actor=ADMIN)


def test_a_newer_bundle_leaves_a_hand_edited_offering_alone(service: CatalogueService, tmp_path: Path) -> None:
    found = service.search("duoday", None)
    offering_id = found.ids[0]
    info = service.get_offering(offering_id)
    service.editor.save_offering(actor=ADMIN, values={**_values(info), "cost_note": "Gratis"}, offering_id=offering_id)

    document = json.loads(bundled_catalogue().read_text(encoding="utf-8"))
    document["bundle_version"] = "2099.01.01"
    for offering in document["offerings"]:
        offering["cost_note"] = "Uit de nieuwe bundel"
    newer = tmp_path / "catalogue.json"
    newer.write_text(json.dumps(document), encoding="utf-8")
    report = service.load_bundle(newer)
    assert report is not None and report.skipped_local == 1
    assert service.get_offering(offering_id).cost_note == "Gratis"


def _values(info: object) -> dict[str, object]:
    from leerwinkel.catalogue.records import OfferingInfo

    assert isinstance(info, OfferingInfo)
    return {
        "provider": info.provider_external_id,
        "title": info.title,
        "category": info.category,
        "description": info.description,
        "schedules": sorted(info.schedules),
        "is_free": info.is_free,
        "cost_note": info.cost_note,
        "sources": list(info.sources),
        "last_verified": info.last_verified,
    }


def test_the_leerwinkel_adds_and_edits_a_providers_places(service: CatalogueService) -> None:
    """Issue 13 item 3: locations too, with who changed what; checked like an imported row."""
    editor = service.editor
    provider_id = editor.save_provider(actor=ADMIN, values={"name": "Buurtwerk Proefstad"})
    inside = editor.save_location(
        {"name": "Klaslokaal vleugel B", "city": "Mechelen", "prison_site_code": "gevangenis-mechelen"},
        provider_id=provider_id,
        actor=ADMIN,
    )
    office = editor.save_location(
        {
            "name": "Buurthuis",
            "street": "Voorbeeldstraat 1",
            "postcode": "2800",
            "city": "Mechelen",
            "opening_hours": "ma-vr 9-12 u",
        },
        provider_id=provider_id,
        actor=ADMIN,
    )
    places = {p.name: p for p in editor.locations(provider_id)}
    assert places["Klaslokaal vleugel B"].prison_site_code == "gevangenis-mechelen"
    assert places["Buurthuis"].street == "Voorbeeldstraat 1" and places["Buurthuis"].origin == "local"

    editor.save_location(
        {
            **{"name": "Buurthuis", "street": "Voorbeeldstraat 3", "postcode": "2800", "city": "Mechelen"},
            "active": False,
        },
        provider_id=provider_id,
        actor=ADMIN,
        location_id=office,
    )
    edited = next(p for p in editor.locations(provider_id) if p.id == office)
    assert (edited.street, edited.active) == ("Voorbeeldstraat 3", False)

    with pytest.raises(InvalidInputError) as caught:
        editor.save_location({"name": "X", "postcode": "28"}, provider_id=provider_id, actor=ADMIN)
    assert [p.field for p in caught.value.problems] == ["postcode"]
    with pytest.raises(InvalidInputError):
        editor.save_location(
            {"name": "X", "prison_site_code": "gevangenis-nergens"}, provider_id=provider_id, actor=ADMIN
        )
    counsellor = Actor(ADMIN.id, "test-balie", "Test Balie", "counsellor")
    with pytest.raises(PermissionDeniedError):
        editor.save_location({"name": "Y"}, provider_id=provider_id, actor=counsellor)
    with pytest.raises(NotFoundError):  # a place of another provider cannot be edited through this one
        other = editor.save_provider(actor=ADMIN, values={"name": "Andere aanbieder"})
        editor.save_location({"name": "Z"}, provider_id=other, actor=ADMIN, location_id=inside)
    assert len(editor.locations(provider_id)) == 2
