"""The intake form's actions as service calls: save and refer are one unit of work each, conflicts are real."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import uuid

import pytest
from sqlalchemy import func, select

from leerwinkel.errors import ConflictError, InvalidInputError, NotFoundError
from leerwinkel.ids import OfferingId
from leerwinkel.intake.actions import IntakeService, OpenIntake
from leerwinkel.intake.reload import merge_consent, merge_person
from leerwinkel.intake.service import ClientService
from leerwinkel.intake.types import ConsentInput, IntakeInput, PersonInput, WishInput
from leerwinkel.messages import describe, describe_problem
from leerwinkel.referrals.service import ReferralService
from leerwinkel.storage.models import Intake, LearningWish, Offering, Referral
from leerwinkel.storage.store import Store
from tests.core.catalogue_data import add_offering, add_provider
from tests.core.test_intake import full_intake
from tests.factories import counsellor_actor


def nt2_offering(store: Store) -> OfferingId:
    add_provider(store, "cvo-act", "CVO Proef", locations=[{"id": "cvo-act-mechelen", "city": "Mechelen"}])
    add_offering(store, "nt2-act", "cvo-act", "Nederlands voor anderstaligen", "nt2", locations=["cvo-act-mechelen"])
    with store.unit_of_work() as session:
        return OfferingId(session.scalars(select(Offering.id).where(Offering.external_id == "nt2-act")).one())


def count(store: Store, model: type) -> int:
    with store.unit_of_work() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_save_then_save_again_updates_the_same_intake_and_wishes(store: Store) -> None:
    intakes = IntakeService(store)
    first = intakes.save(OpenIntake(full_intake()), actor=counsellor_actor(store))
    assert first.changes.clients and first.changes.intakes
    again = OpenIntake(
        dataclasses.replace(
            full_intake(last_name="Anders"),
            wishes=(WishInput("nt2", "avondles", "werk"), WishInput("vca"), WishInput("ce-examen")),
            notes="tweede keer opgeslagen",
        ),
        base=first.client,
        intake_id=first.intake.id,
        wish_ids=tuple(w.id for w in first.wishes),
    )
    second = intakes.save(again, actor=counsellor_actor(store))
    assert second.intake.id == first.intake.id and second.intake.notes == "tweede keer opgeslagen"
    assert [w.id for w in second.wishes[:2]] == [w.id for w in first.wishes]
    assert [(w.category, w.description) for w in second.wishes] == [
        ("nt2", "avondles"),
        ("vca", ""),
        ("ce-examen", ""),
    ]
    assert second.client.last_name == "Anders"
    assert count(store, Intake) == 1 and count(store, LearningWish) == 3


def test_refer_saves_and_refers_in_one_call_and_the_next_save_is_no_conflict(store: Store) -> None:
    offering = nt2_offering(store)
    intakes, clients = IntakeService(store), ClientService(store)
    form = full_intake(last_name="Verwezen")
    form = dataclasses.replace(form, consent=ConsentInput())  # no consent yet
    store.clock.advance(minutes=1)  # type: ignore[attr-defined]
    referred = intakes.refer(OpenIntake(form), wish_index=0, offering_id=offering, actor=counsellor_actor(store))
    assert referred.changes.referrals and referred.changes.clients
    assert referred.referral.offering_id == offering and referred.referral.wish_id == referred.saved.wishes[0].id
    assert [r.id for r in referred.open_referrals] == [referred.referral.id]
    store.clock.advance(minutes=1)  # type: ignore[attr-defined]
    # Found item 1: tick the consent and save again from what "refer" returned.
    consent = ConsentInput(store_data=True, share_with_provider=True, contact_follow_up=True)
    again = OpenIntake(
        dataclasses.replace(form, consent=consent),
        base=referred.saved.client,
        intake_id=referred.saved.intake.id,
        wish_ids=tuple(w.id for w in referred.saved.wishes),
    )
    saved = intakes.save(again, actor=counsellor_actor(store))
    stored = clients.get(saved.client.id)
    assert stored.consent is not None and stored.consent.share_with_provider and stored.consent.contact_follow_up


def test_a_status_change_elsewhere_is_no_conflict_for_the_form(store: Store) -> None:
    offering = nt2_offering(store)
    intakes, referrals = IntakeService(store), ReferralService(store)
    referred = intakes.refer(
        OpenIntake(full_intake()), wish_index=0, offering_id=offering, actor=counsellor_actor(store)
    )
    store.clock.advance(hours=1)  # type: ignore[attr-defined]
    referrals.set_status(referred.referral, "verstuurd", actor=counsellor_actor(store))
    base = referred.saved.client
    again = OpenIntake(full_intake(phone="0470 99 88 77"), base=base, intake_id=referred.saved.intake.id)
    assert intakes.save(again, actor=counsellor_actor(store)).client.phone == "0470 99 88 77"


def test_refer_is_all_or_nothing(store: Store) -> None:
    intakes = IntakeService(store)
    missing = OfferingId(uuid.uuid4())
    with pytest.raises(NotFoundError):
        intakes.refer(OpenIntake(full_intake()), wish_index=0, offering_id=missing, actor=counsellor_actor(store))
    assert count(store, Intake) == 0 and count(store, Referral) == 0
    with pytest.raises(InvalidInputError):
        intakes.refer(OpenIntake(full_intake()), wish_index=5, offering_id=missing, actor=counsellor_actor(store))


def test_a_real_change_on_another_desk_is_a_conflict_naming_the_fields(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    intakes, clients = IntakeService(store), ClientService(store)
    saved = intakes.save(OpenIntake(full_intake()), actor=counsellor_actor(store))
    other_desk, _ = clients.update_client(
        saved.client, dataclasses.replace(saved.client.to_input(), phone="0471 11 22 33"), actor=counsellor_actor(store)
    )
    mine = OpenIntake(full_intake(notes="mijn notitie"), base=saved.client, intake_id=saved.intake.id)
    with caplog.at_level(logging.INFO, logger="leerwinkel.intake.records"), pytest.raises(ConflictError) as caught:
        intakes.save(mine, actor=counsellor_actor(store))
    assert caught.value.changed_fields == ["phone"]
    assert "telefoon" in describe(caught.value)
    logged = " ".join(r.getMessage() for r in caplog.records)
    assert str(saved.client.id) in logged and "0471" not in logged and "Mira" not in logged
    # Reload keeping what was typed: my note stays, the other desk's phone comes in.
    merged = merge_person(saved.client.to_input(), mine.form.person, other_desk.to_input())
    assert merged.notes == "mijn notitie" and merged.phone == "0471 11 22 33"
    retry = OpenIntake(dataclasses.replace(mine.form, person=merged), base=other_desk, intake_id=saved.intake.id)
    final = intakes.save(retry, actor=counsellor_actor(store)).client
    assert (final.phone, final.notes) == ("0471 11 22 33", "mijn notitie")


def test_merge_consent_keeps_a_box_ticked_here() -> None:
    from leerwinkel.intake.types import ConsentRecord

    def record(share: bool, contact: bool) -> ConsentRecord:
        return ConsentRecord(True, share, contact, dt.date(2026, 3, 16), None, "")

    base = _client_with(record(False, False))
    fresh = _client_with(record(False, True))
    typed = ConsentInput(True, True, False, "16/03/2026")
    assert merge_consent(base, typed, fresh) == ConsentInput(True, True, True, "16/03/2026")


def _client_with(consent: object) -> object:
    from leerwinkel.intake.types import ClientRecord

    fields = {f.name: None for f in dataclasses.fields(ClientRecord)}
    return ClientRecord(**{**fields, "consent": consent})  # type: ignore[arg-type]


def test_known_client_has_earlier_wishes_and_open_referrals(store: Store) -> None:
    offering = nt2_offering(store)
    intakes = IntakeService(store)
    referred = intakes.refer(
        OpenIntake(full_intake()), wish_index=0, offering_id=offering, actor=counsellor_actor(store)
    )
    known = intakes.known_client(referred.saved.client.id, actor=counsellor_actor(store))
    assert [w.category for w in known.wishes] == ["nt2", "vca"]
    assert [r.id for r in known.open_referrals] == [referred.referral.id]


def test_dates_that_cannot_be_right_get_their_own_message(store: Store) -> None:
    intakes = IntakeService(store)
    today = ClientService(store).today()
    yesterday = (today - dt.timedelta(days=1)).strftime("%d/%m/%Y")
    form = IntakeInput(
        person=PersonInput(
            first_name="Proef",
            birth_date="01/01/1890",
            detained=True,
            prison_site_code="gevangenis-mechelen",
            expected_release_date=yesterday,
        ),
        wishes=(WishInput("", "iets met computers"),),
    )
    with pytest.raises(InvalidInputError) as caught:
        intakes.save(OpenIntake(form), actor=counsellor_actor(store))
    messages = {p.field: describe_problem(p) for p in caught.value.problems}
    assert "te ver in het verleden" in messages["birth_date"]
    assert "in het verleden" in messages["expected_release_date"]
    assert "categorie is verplicht" in messages["category"].lower()
    # Not detained: a past release date is not asked for and not refused.
    free = dataclasses.replace(
        form,
        person=dataclasses.replace(form.person, birth_date="", detained=False),
        wishes=(WishInput("nt2"),),
    )
    assert intakes.save(OpenIntake(free), actor=counsellor_actor(store)).client.expected_release_date is None
