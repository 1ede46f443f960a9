"""Intake core: clients with all fields, validation in Dutch, duplicates, search, conflicts, timeline, drafts."""

from __future__ import annotations

import datetime as dt

import pytest

from leerwinkel.errors import ConflictError, InvalidInputError
from leerwinkel.intake.drafts import DraftService
from leerwinkel.intake.service import ClientService
from leerwinkel.intake.types import ConsentInput, IntakeInput, PersonInput, ThresholdInput, WishInput
from leerwinkel.messages import describe
from leerwinkel.referrals.service import ReferralService
from leerwinkel.storage.store import Store
from tests.factories import counsellor_actor


def full_intake(**person: object) -> IntakeInput:
    values: dict[str, object] = {
        "first_name": "Mira",
        "last_name": "Testpersoon",
        "birth_date": "03/04/1990",
        "phone": "+32 470 12 34 56",
        "email": "mira@example.org",
        "postcode": "2800",
        "municipality": "Mechelen",
        "dutch_level": "A2",
        "target_groups": ("werkzoekende",),
        "vulnerabilities": ("anderstalig",),
        "thresholds": (ThresholdInput("taal", "spreekt vooral Frans"), ThresholdInput("vervoer")),
        "employment": "werkzoekend",
        "vdab_registered": True,
    }
    values.update(person)
    return IntakeInput(
        person=PersonInput(**values),  # type: ignore[arg-type]
        wishes=(WishInput("nt2", "beter Nederlands", "werk vinden"), WishInput("vca")),
        consent=ConsentInput(store_data=True, share_with_provider=True, contact_follow_up=True),
        site_code="mechelen-sociaal-huis",
        channel="inloop",
    )


def test_record_intake_stores_everything(store: Store) -> None:
    clients = ClientService(store)
    assert "gevangenis-mechelen" in {s.code for s in clients.sites()}
    saved = clients.record_intake(
        full_intake(detained=True, prison_site_code="gevangenis-mechelen"), actor=counsellor_actor(store)
    )
    assert saved.changes.clients and saved.changes.intakes
    client = clients.get(saved.client.id)
    assert client.display_name == "Mira Testpersoon"
    assert client.birth_date == dt.date(1990, 4, 3) and client.birth_year == 1990
    assert client.detained and client.prison_site_code == "gevangenis-mechelen"
    assert client.thresholds[0].code == "taal" and client.thresholds[0].note == "spreekt vooral Frans"
    assert client.consent is not None and client.consent.share_with_provider
    assert client.consent.given_on == clients.today()
    assert [w.category for w in clients.wishes(client.id)] == ["nt2", "vca"]
    kinds = [e.kind for e in clients.timeline(client.id)]
    assert "intake" in kinds and kinds.count("wish") == 2


def test_only_a_first_name_or_alias_is_required(sqlite_store: Store) -> None:
    clients = ClientService(sqlite_store)
    saved = clients.record_intake(IntakeInput(person=PersonInput(alias="Zon")), actor=counsellor_actor(sqlite_store))
    assert saved.client.display_name == "Zon"
    with pytest.raises(InvalidInputError) as caught:
        clients.record_intake(IntakeInput(person=PersonInput(last_name="Alleen")), actor=counsellor_actor(sqlite_store))
    assert caught.value.problems[0].reason == "name-required"


def test_every_problem_is_reported_in_dutch(sqlite_store: Store) -> None:
    clients = ClientService(sqlite_store)
    form = full_intake(
        birth_date="31/02/1990",
        postcode="123",
        phone="abc",
        email="geen-adres",
        dutch_level="Z9",
        target_groups=("astronaut",),
    )
    with pytest.raises(InvalidInputError) as caught:
        clients.record_intake(form, actor=counsellor_actor(sqlite_store))
    fields = [p.field for p in caught.value.problems]
    assert fields[:4] == ["birth_date", "postcode", "phone", "email"]
    assert "dutch_level" in fields and "target_groups" in fields
    text = describe(caught.value)
    assert "dd/mm/jjjj" in text and "Belgische postcode" in text and "e-mailadres" in text


def test_birth_date_not_in_the_future(sqlite_store: Store) -> None:
    clients = ClientService(sqlite_store)
    tomorrow = clients.today() + dt.timedelta(days=1)
    problems = clients.check(full_intake(birth_date=tomorrow.strftime("%d/%m/%Y")))
    assert [p.reason for p in problems] == ["future-date"]


def test_duplicates_same_name_and_birth_date_or_fuzzy_in_town(sqlite_store: Store) -> None:
    clients = ClientService(sqlite_store)
    clients.record_intake(full_intake(), actor=counsellor_actor(sqlite_store))
    exact = clients.find_duplicates(PersonInput(first_name="mira", last_name="TESTPERSOON", birth_date="3/4/1990"))
    assert [c.reason for c in exact] == ["same-name-and-birth-date"]
    fuzzy = clients.find_duplicates(PersonInput(first_name="Mirra", last_name="Testpersoon", municipality="Mechelen"))
    assert [c.reason for c in fuzzy] == ["similar-name-same-municipality"]
    assert clients.find_duplicates(PersonInput(first_name="Mirra", last_name="Testpersoon", municipality="Lier")) == ()


def test_search_by_name_year_and_town_most_recent_first(
    sqlite_store: Store,
) -> None:
    clients = ClientService(sqlite_store)
    clock = sqlite_store.clock
    first = clients.record_intake(
        full_intake(first_name="Éline", last_name="Voorbeeld"), actor=counsellor_actor(sqlite_store)
    ).client
    clock.advance(hours=1)  # type: ignore[attr-defined]
    second = clients.record_intake(
        full_intake(first_name="Elias", last_name="Voorbeeld", birth_date=""), actor=counsellor_actor(sqlite_store)
    ).client
    assert [c.id for c in clients.search("voorbeeld")] == [second.id, first.id]
    assert [c.id for c in clients.search("eline")] == [first.id]
    assert [c.id for c in clients.search("", birth_year=1990)] == [first.id]
    assert clients.search("voorbeeld", municipality="Lier") == ()
    assert clients.search("100%") == ()


def test_update_uses_the_loaded_version(store: Store) -> None:
    clients = ClientService(store)
    loaded = clients.record_intake(full_intake(), actor=counsellor_actor(store)).client
    updated, changes = clients.update_client(
        loaded, PersonInput(first_name="Mira", last_name="Nieuw"), actor=counsellor_actor(store)
    )
    assert changes.clients and updated.version > loaded.version
    with pytest.raises(ConflictError) as caught:
        clients.update_client(loaded, PersonInput(first_name="Mira", last_name="Oud"), actor=counsellor_actor(store))
    assert "last_name" in caught.value.changed_fields
    assert "familienaam" in describe(caught.value)


def test_referral_status_history_and_follow_up(store: Store) -> None:
    clients, referrals = ClientService(store), ReferralService(store)
    saved = clients.record_intake(full_intake(), actor=counsellor_actor(store))
    today = clients.today()
    created = referrals.create(
        saved.client.id, category="nt2", wish_id=saved.wishes[0].id, actor=counsellor_actor(store)
    ).referral
    assert created.status == "voorgesteld" and created.follow_up_on == today + dt.timedelta(weeks=4)
    enrolled = referrals.set_status(
        created, "ingeschreven", note="start in september", actor=counsellor_actor(store)
    ).referral
    assert [h.status for h in enrolled.history] == ["voorgesteld", "ingeschreven"]
    with pytest.raises(ConflictError):
        referrals.set_status(created, "afgehaakt", actor=counsellor_actor(store))
    assert referrals.due(today) == ()
    assert [r.id for r in referrals.due(today + dt.timedelta(weeks=4))] == [created.id]
    done = referrals.update_follow_up(
        enrolled, follow_up_on=None, outcome="certificaat", outcome_note="A2 behaald", actor=counsellor_actor(store)
    )
    assert done.referral.outcome == "certificaat"
    assert referrals.list(statuses=("ingeschreven",))[0].outcome_note == "A2 behaald"
    kinds = [e.kind for e in clients.timeline(saved.client.id)]
    assert "referral" in kinds and kinds.count("status") == 2


def test_appointments_today(sqlite_store: Store) -> None:
    clients = ClientService(sqlite_store)
    today = clients.today()
    form = full_intake()
    form = IntakeInput(person=form.person, next_appointment=today.strftime("%d/%m/%Y") + " 14:30")
    saved = clients.record_intake(form, actor=counsellor_actor(sqlite_store))
    appointments = clients.appointments_on(today)
    assert [a.client_id for a in appointments] == [saved.client.id]
    assert clients.appointments_on(today + dt.timedelta(days=1)) == ()


def test_drafts_survive_and_are_discarded(sqlite_store: Store) -> None:
    drafts = DraftService(sqlite_store)
    actor = counsellor_actor(sqlite_store)
    assert drafts.load("intake", actor=actor) is None
    drafts.save("intake", {"first_name": "Mi"}, actor=actor)
    drafts.save("intake", {"first_name": "Mira"}, actor=actor)
    loaded = drafts.load("intake", actor=actor)
    assert loaded is not None and loaded.data == {"first_name": "Mira"}
    drafts.discard("intake", actor=actor)
    assert drafts.load("intake", actor=actor) is None
