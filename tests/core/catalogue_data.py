"""Small invented catalogues for the catalogue tests (providers and offerings, no people)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from leerwinkel.actor import Actor
from leerwinkel.ids import CounsellorId
from leerwinkel.storage.models import Location, Offering, Provider
from leerwinkel.storage.store import Store

VERIFIED = dt.date(2026, 1, 10)
#: An invented administrator: only administrators import and edit the catalogue.
ADMIN = Actor(CounsellorId(uuid.UUID(int=1)), "test-beheerder", "Test Beheerder", "admin")


def add_provider(store: Store, key: str, name: str, *, locations: list[dict[str, Any]] | None = None) -> None:
    with store.unit_of_work() as session:
        provider = Provider(external_id=key, name=name, origin="local", last_verified=VERIFIED, sources="test")
        session.add(provider)
        for index, loc in enumerate(locations or []):
            session.add(
                Location(
                    provider=provider,
                    external_id=loc.get("id", f"{key}-loc{index}"),
                    name=loc.get("name", ""),
                    city=loc.get("city", ""),
                    postcode=loc.get("postcode", ""),
                    prison_site_code=loc.get("prison_site_code"),
                    last_verified=VERIFIED,
                )
            )


def add_offering(store: Store, key: str, provider_key: str, title: str, category: str, **fields: Any) -> None:
    location_keys: list[str] = fields.pop("locations", [])
    fields.setdefault("last_verified", VERIFIED)
    with store.unit_of_work() as session:
        provider = session.query(Provider).filter_by(external_id=provider_key).one()
        places = [session.query(Location).filter_by(external_id=k).one() for k in location_keys]
        offering = Offering(external_id=key, provider_id=provider.id, title=title, category=category, **fields)
        offering.locations = places
        session.add(offering)


def build_sample(store: Store) -> None:
    """A handful of offerings in ce-examen, nt2 and vca, inside and outside the prison."""
    add_provider(store, "examenbureau", "Examenbureau Test", locations=[{"id": "exam-brussel", "city": "Brussel"}])
    add_provider(
        store,
        "cvo-test",
        "CVO Test",
        locations=[
            {"id": "cvo-mechelen", "city": "Mechelen", "postcode": "2800"},
            {"id": "cvo-lier", "city": "Lier", "postcode": "2500"},
            {"id": "cvo-prison", "city": "Mechelen", "name": "Gevangenis", "prison_site_code": "gevangenis-mechelen"},
        ],
    )
    add_provider(store, "cbe-test", "Basiseducatie Test", locations=[{"id": "cbe-mechelen", "city": "Mechelen"}])
    add_provider(store, "vca-test", "Veiligheid Test", locations=[{"id": "vca-willebroek", "city": "Willebroek"}])

    add_offering(
        store,
        "ce-brussel",
        "examenbureau",
        "Examens secundair onderwijs",
        "ce-examen",
        locations=["exam-brussel"],
        schedule_day=True,
        is_free=True,
        dutch_level_min="B1",
    )
    add_offering(
        store,
        "ce-prison",
        "cvo-test",
        "Voorbereiding examencommissie in de gevangenis",
        "ce-examen",
        locations=["cvo-prison"],
        in_prison=True,
        schedule_day=True,
        reduced_for_prisoners=True,
        dutch_level_min="A2",
    )
    add_offering(
        store,
        "nt2-alfa",
        "cbe-test",
        "NT2 alfabetisering",
        "nt2",
        locations=["cbe-mechelen"],
        schedule_day=True,
        is_free=True,
        literacy_required=False,
        dutch_level_min="A0",
    )
    add_offering(
        store,
        "nt2-cvo",
        "cvo-test",
        "Nederlands tweede taal richtgraad 2",
        "nt2",
        locations=["cvo-mechelen"],
        schedule_evening=True,
        is_free=False,
        reduced_for_jobseekers=True,
        literacy_required=True,
        dutch_level_min="A2",
    )
    add_offering(
        store,
        "vca-day",
        "vca-test",
        "B-VCA dagcursus",
        "vca",
        locations=["vca-willebroek"],
        schedule_day=True,
        is_free=False,
        reduced_for_jobseekers=True,
        dutch_level_min="A2",
    )
    add_offering(
        store,
        "vca-evening",
        "cvo-test",
        "Basisveiligheid VCA avondcursus",
        "vca",
        locations=["cvo-mechelen"],
        schedule_evening=True,
        is_free=False,
        dutch_level_min="A2",
        reduced_for_jobseekers=False,
        reduced_for_prisoners=False,
    )
    add_offering(
        store,
        "vca-old",
        "cvo-test",
        "VCA oud aanbod",
        "vca",
        locations=["cvo-lier"],
        schedule_evening=True,
        last_verified=dt.date(2024, 1, 1),
        active=False,
    )
