"""The Leerwinkel keeps its catalogue: "Nagekeken" records a check; "Te controleren" follows a setting."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from leerwinkel.catalogue.search import SearchFilters
from leerwinkel.catalogue.service import CatalogueService
from leerwinkel.errors import InvalidInputError, PermissionDeniedError
from leerwinkel.settings.service import SettingsService
from leerwinkel.storage.models import AuditEvent, Offering
from leerwinkel.storage.store import Store
from tests.core.catalogue_data import ADMIN

AP = "ap-hogeschool--graduaatsopleidingen-en-bachelor-mechelen-uitdovend"
VIJFHOEK = "cvo-campus-vijfhoek--diploma-secundair-onderwijs-tweedekansonderwijs"


def offering_id(store: Store, key: str) -> object:
    with store.unit_of_work() as session:
        return session.scalar(select(Offering.id).where(Offering.external_id == key))


def test_a_check_records_when_who_and_how_and_leaves_the_to_check_list(sqlite_store: Store) -> None:
    service = CatalogueService(sqlite_store)
    service.load_bundle(force=True)
    due = {d.external_id for d in service.checks.due()}
    assert VIJFHOEK in due  # its only dated page is from 2003
    vijfhoek = offering_id(sqlite_store, VIJFHOEK)
    assert vijfhoek in service.search("", SearchFilters(stale_only=True)).ids

    day = service.checks.record_check("offering", vijfhoek, source="Telefonisch", actor=ADMIN)  # type: ignore[arg-type]
    assert day == sqlite_store.now().date()
    with sqlite_store.unit_of_work() as session:
        row = session.get(Offering, vijfhoek)
        assert row is not None
        assert (row.last_verified, row.checked_by, row.check_source) == (day, "test-beheerder", "telefonisch")
        events = session.scalars(select(AuditEvent).where(AuditEvent.action == "catalogue.check")).all()
        assert len(events) == 1
    assert VIJFHOEK not in {d.external_id for d in service.checks.due()}
    assert vijfhoek not in service.search("", SearchFilters(stale_only=True)).ids

    page = "https://www.tkomechelen.be/"
    service.checks.record_check("offering", vijfhoek, source=page, actor=ADMIN)  # type: ignore[arg-type]
    assert page in service.get_offering(vijfhoek).sources  # type: ignore[arg-type]


def test_a_check_needs_a_page_or_a_phone_call_and_a_signed_in_account(sqlite_store: Store) -> None:
    service = CatalogueService(sqlite_store)
    service.load_bundle(force=True)
    ap = offering_id(sqlite_store, AP)
    for bad in ("", "gebeld", "www.ap.be"):
        with pytest.raises(InvalidInputError) as caught:
            service.checks.record_check("offering", ap, source=bad, actor=ADMIN)  # type: ignore[arg-type]
        assert caught.value.problems[0].reason == "bad-check-source"
    with pytest.raises(InvalidInputError):
        service.checks.record_check(
            "offering",
            ap,  # type: ignore[arg-type]
            source="telefonisch",
            actor=ADMIN,
            day=sqlite_store.now().date() + dt.timedelta(days=1),
        )
    with pytest.raises(PermissionDeniedError):
        service.checks.record_check("offering", ap, source="telefonisch", actor=None)  # type: ignore[arg-type]


def test_the_to_check_list_follows_the_setting(sqlite_store: Store) -> None:
    service = CatalogueService(sqlite_store)
    service.load_bundle(force=True)
    ap = offering_id(sqlite_store, AP)  # its pages are of February 2026; today is March 2026
    assert AP not in {d.external_id for d in service.checks.due()}
    SettingsService(sqlite_store).update(ADMIN, {"catalogue.check_months": 1})
    service.refresh()
    assert AP in {d.external_id for d in service.checks.due()}
    assert ap in service.search("", SearchFilters(stale_only=True)).ids
