"""The stored search index: read at start without a build, patched by edits, rebuilt when it does not fit."""

from __future__ import annotations

import pytest
from sqlalchemy import select, update

from leerwinkel.catalogue import index
from leerwinkel.catalogue.search import SearchFilters, SearchIndex
from leerwinkel.catalogue.service import CatalogueService
from leerwinkel.ids import ProviderId
from leerwinkel.storage.models import Offering, Provider, SearchEntry
from leerwinkel.storage.store import Store
from tests.core.catalogue_data import ADMIN
from tests.factories import FakeClock

QUERIES = ["", "vca", "nt2 mechelen", "examencommisie", "lassen", "taalcursus", "nederlands tweede taal", "b"]
FILTERS = [
    SearchFilters(),
    SearchFilters(category="nt2"),
    SearchFilters(stale_only=True),
    SearchFilters(include_inactive=True),
    SearchFilters(dutch_level="A1", schedules=frozenset({"avond", "dag"})),
    SearchFilters(prison_site_code="*"),
]


@pytest.fixture
def service(store: Store) -> CatalogueService:
    service = CatalogueService(store)
    service.load_bundle()
    return service


def no_rebuild(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(_session: object) -> int:
        raise AssertionError("the stored index was rebuilt")

    monkeypatch.setattr(index, "rebuild", refuse)


def in_memory(service: CatalogueService) -> SearchIndex:
    """What a full build from the catalogue as it is now gives (the reference)."""
    from leerwinkel.catalogue.repository import load_all_offerings

    with service.store.unit_of_work() as session:
        offerings = load_all_offerings(session)
    return SearchIndex.build(offerings, today=service.store.now().date(), stale_months=service.check_months())


def assert_same_results(service: CatalogueService) -> None:
    reference = in_memory(service)
    for query in QUERIES:
        for filters in FILTERS:
            assert list(service.search(query, filters).ids) == list(reference.search(query, filters).ids), (
                query,
                filters,
            )


def test_a_new_service_searches_the_stored_index_without_building_it(
    service: CatalogueService, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = service.search("vca")
    no_rebuild(monkeypatch)
    again = CatalogueService(store)  # as after a restart
    assert list(again.search("vca").ids) == list(first.ids)
    rows = again.summaries(list(first.ids[:3]))
    assert [r.title for r in rows if r is not None] == [r.title for r in service.summaries(first.ids[:3]) if r]
    assert_same_results(again)


def test_edits_patch_the_index_and_give_what_a_full_build_gives(
    service: CatalogueService, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    service.search("")  # the index exists
    no_rebuild(monkeypatch)
    editor = service.editor
    provider_id = editor.save_provider(actor=ADMIN, values={"name": "Lasatelier Zuidpool"})
    provider = next(p for p in editor.providers() if p.id == provider_id)
    added = editor.save_offering(
        actor=ADMIN,
        values={
            "provider": provider.external_id,
            "title": "Aaa lassen voor beginners",  # first in display order: a slot out of order
            "category": "vca",
            "schedules": ["avond"],
            "locations": ["crescendo-vaartdijk"],
        },
    )
    assert service.search("zuidpool").ids == [added]
    assert added in service.search("lassen").ids
    assert_same_results(service)

    info = service.get_offering(added)
    values = {
        "provider": provider.external_id,
        "title": "Plaatbewerking",
        "category": info.category,
        "schedules": ["dag"],
        "locations": ["crescendo-vaartdijk"],
    }
    editor.save_offering(actor=ADMIN, values=values, offering_id=added)
    assert added not in service.search("lassen").ids
    assert service.search("plaatbewerk").ids == [added]
    assert_same_results(service)

    place = editor.save_location(
        {"name": "Werkplaats Zuidpool", "city": "Kantklosdorp"}, provider_id=provider_id, actor=ADMIN
    )
    editor.save_offering(
        actor=ADMIN,
        values={**values, "locations": [loc.external_id for loc in editor.locations(provider_id)]},
        offering_id=added,
    )
    assert service.search("kantklosdorp").ids == [added]
    editor.save_location(
        {"name": "Werkplaats Zuidpool", "city": "Proefdorp"}, provider_id=provider_id, actor=ADMIN, location_id=place
    )
    assert service.search("kantklosdorp").total == 0  # the place moved: its offerings are refiled
    assert service.search("proefdorp").ids == [added]
    assert_same_results(service)

    editor.set_provider_active(provider_id, False, actor=ADMIN)
    assert service.search("zuidpool").total == 0
    assert service.search("zuidpool", SearchFilters(include_inactive=True)).ids == [added]
    assert_same_results(CatalogueService(store))


def test_a_check_moves_an_offering_out_of_te_controleren(service: CatalogueService, store: Store) -> None:
    stale = service.search("", SearchFilters(stale_only=True))
    first = stale.ids[0]
    service.checks.record_check("offering", first, source="telefonisch", actor=ADMIN)
    assert first not in service.search("", SearchFilters(stale_only=True)).ids
    with store.unit_of_work() as session:
        assert index.is_current(session)


def test_a_change_behind_the_services_back_rebuilds_the_index(service: CatalogueService, store: Store) -> None:
    target = service.search("vca").ids[0]
    with store.unit_of_work() as session:
        session.execute(update(Offering).where(Offering.id == target).values(title="Kantklossen", version=99))
        assert not index.is_current(session)
    fresh = CatalogueService(store)
    assert fresh.search("kantklossen").ids == [target]
    with store.unit_of_work() as session:
        assert index.is_current(session)


def test_deactivating_a_provider_by_hand_hides_its_offerings(service: CatalogueService, store: Store) -> None:
    target = service.search("vca").ids[0]
    with store.unit_of_work() as session:
        provider_id = session.scalar(select(Offering.provider_id).where(Offering.id == target))
        assert provider_id is not None
    service.editor.set_provider_active(ProviderId(provider_id), False, actor=ADMIN)
    assert target not in service.search("vca").ids
    with store.unit_of_work() as session:
        assert session.scalar(select(Provider.active).where(Provider.id == provider_id)) is False
        assert session.scalar(select(SearchEntry.slot).where(SearchEntry.offering_id == target)) is not None


@pytest.mark.parametrize("slots", [[], [0], [3, 70, 71], list(range(0, 5000, 2)), [100_000]])
def test_postings_survive_the_round_trip(slots: list[int]) -> None:
    bits = 0
    for slot in slots:
        bits |= 1 << slot
    assert index.decode(index.encode(bits)) == bits


def test_a_new_day_makes_more_offerings_te_controleren_without_a_rebuild(
    service: CatalogueService, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    today = service.search("", SearchFilters(stale_only=True)).total
    no_rebuild(monkeypatch)
    assert isinstance(store.clock, FakeClock)
    store.clock.advance(days=3 * 365)
    later = service.search("", SearchFilters(stale_only=True)).total
    assert later > today
    assert later == service.search("").total  # three years on, nothing was checked recently enough


def _stored_order_is_the_full_sort(store: Store) -> None:
    from leerwinkel.storage.models import SearchPosting

    with store.unit_of_work() as session:
        rows = session.execute(select(SearchEntry.slot, SearchEntry.sort_key)).all()
        stored = session.scalar(select(SearchPosting.slots).where(SearchPosting.key == index.ORDER)) or b""
    expected = [slot for slot, _key in sorted(rows, key=lambda row: (row[1], row[0]))]
    assert (list(index._unpack(stored)) if stored else list(range(len(expected)))) == expected


@pytest.mark.parametrize("in_place", [64, 0], ids=["patched-in-place", "sorted-again"])
def test_the_display_order_patched_in_place_is_the_full_sort(
    service: CatalogueService, store: Store, monkeypatch: pytest.MonkeyPatch, in_place: int
) -> None:
    service.search("")
    no_rebuild(monkeypatch)
    monkeypatch.setattr(index, "_REORDER_IN_PLACE", in_place)
    editor = service.editor
    provider_id = editor.save_provider(actor=ADMIN, values={"name": "Aaa Atelier Noordpool"})
    provider = next(p for p in editor.providers() if p.id == provider_id)
    values = {"provider": provider.external_id, "category": "vca", "schedules": ["avond"]}
    first = editor.save_offering(actor=ADMIN, values={**values, "title": "Aaa eerste", "locations": []})
    second = editor.save_offering(actor=ADMIN, values={**values, "title": "Mmm midden", "locations": []})
    _stored_order_is_the_full_sort(store)
    editor.save_offering(actor=ADMIN, values={**values, "title": "Zzz laatste", "locations": []}, offering_id=first)
    editor.save_offering(actor=ADMIN, values={**values, "title": "Aaa nu eerst", "locations": []}, offering_id=second)
    _stored_order_is_the_full_sort(store)
    editor.save_provider(actor=ADMIN, values={"name": "Zzz Atelier Zuidpool"}, provider_id=provider_id)
    _stored_order_is_the_full_sort(store)
    assert_same_results(service)
