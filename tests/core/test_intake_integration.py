"""Intake wired to security and letters: who did it (the actor), and the audit trail of client records."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest
from sqlalchemy import select

from leerwinkel.actor import Actor
from leerwinkel.ids import CounsellorId
from leerwinkel.intake.service import ClientService
from leerwinkel.intake.types import ConsentInput, IntakeInput, PersonInput, WishInput
from leerwinkel.letters.model import LetterAction
from leerwinkel.letters.service import LetterService
from leerwinkel.referrals.service import ReferralService
from leerwinkel.security.audit import AuditService
from leerwinkel.storage.models import AuditEvent, Consent, Counsellor, Intake, Letter, Referral
from leerwinkel.storage.store import Store
from tests.factories import counsellor_actor

NAME_PARTS = ("Wendelien", "Probeerhuys", "Zonnedauw")


def add_counsellor(store: Store, username: str, display_name: str) -> Actor:
    with store.unit_of_work() as session:
        row = Counsellor(username=username, display_name=display_name, role="counsellor", password_hash=None)
        session.add(row)
        session.flush()
        return Actor(CounsellorId(row.id), username, display_name, "counsellor")


def intake(**person: object) -> IntakeInput:
    values: dict[str, object] = {"first_name": NAME_PARTS[0], "last_name": NAME_PARTS[1], "alias": NAME_PARTS[2]}
    values.update(person)
    return IntakeInput(
        person=PersonInput(**values),  # type: ignore[arg-type]
        wishes=(WishInput("nt2", "beter Nederlands spreken"),),
        consent=ConsentInput(store_data=True, share_with_provider=True, contact_follow_up=False),
        channel="inloop",
    )


def events(store: Store) -> list[AuditEvent]:
    with store.unit_of_work() as session:
        rows = list(session.scalars(select(AuditEvent).order_by(AuditEvent.sequence)))
        session.expunge_all()
        return rows


def assert_no_names(rows: list[AuditEvent]) -> None:
    for row in rows:
        text = json.dumps([row.action, row.object_type, row.object_id, row.detail])
        for part in NAME_PARTS:
            assert part.casefold() not in text.casefold(), row.action


def test_intake_referral_and_letters_record_the_actor_and_the_audit_trail(store: Store, tmp_path: Path) -> None:
    clients, referrals, letters = ClientService(store), ReferralService(store), LetterService(store)
    lien = add_counsellor(store, "lien", "Lien Verzonnen")
    tarik = add_counsellor(store, "tarik", "Tarik Fictief")

    saved = clients.record_intake(intake(), actor=lien)
    client_id = saved.client.id
    assert saved.client.consent is not None and saved.client.consent.recorded_by_name == "Lien Verzonnen"
    clients.view(client_id, actor=tarik)
    changed = saved.client.to_input()
    record, _ = clients.update_client(
        saved.client,
        changed,
        consent=ConsentInput(store_data=True, share_with_provider=False, contact_follow_up=False),
        actor=tarik,
    )
    assert record.consent is not None and record.consent.recorded_by_name == "Tarik Fictief"
    wish = clients.add_wish(client_id, "vca", description="veiligheid", actor=tarik)

    created = referrals.create(client_id, category="nt2", wish_id=saved.wishes[0].id, actor=lien).referral
    moved = referrals.set_status(created, "verstuurd", actor=tarik).referral
    assert [(h.status, h.counsellor_name) for h in moved.history] == [
        ("voorgesteld", "Lien Verzonnen"),
        ("verstuurd", "Tarik Fictief"),
    ]
    referrals.update_follow_up(moved, follow_up_on=None, outcome="geen", actor=tarik)

    letter = letters.handout(created.id)
    printed = letters.record(letter, LetterAction.PRINTED, actor=tarik)
    assert printed.counsellor_name == "Tarik Fictief"
    saved_letter = letters.save(letter, tmp_path / "blad.pdf", actor=lien)
    assert saved_letter.counsellor_name == "Lien Verzonnen"
    kinds = [e.kind for e in clients.timeline(client_id)]
    assert kinds.count("letter") == 2

    with store.unit_of_work() as session:
        referral = session.get(Referral, created.id)
        assert referral is not None and referral.counsellor_id == lien.id
        held = session.scalars(select(Intake).where(Intake.client_id == client_id)).one()
        assert held.counsellor_id == lien.id
        recorders = set(session.scalars(select(Consent.recorded_by_id).where(Consent.client_id == client_id)))
        assert recorders == {lien.id, tarik.id}
        assert set(session.scalars(select(Letter.counsellor_id))) == {lien.id, tarik.id}

    rows = events(store)
    trail = [(e.action, e.object_type, e.actor_id) for e in rows]
    assert trail == [
        ("client.create", "client", lien.id),
        ("client.view", "client", tarik.id),
        ("client.update", "client", tarik.id),
        ("client.update", "client", tarik.id),
        ("referral.create", "referral", lien.id),
        ("referral.status", "referral", tarik.id),
        ("referral.update", "referral", tarik.id),
        ("client.print", "client", tarik.id),
        ("client.export", "client", lien.id),
    ]
    assert rows[0].object_id == str(client_id)
    assert json.loads(rows[3].detail) == {"wish": str(wish.id)}
    assert json.loads(rows[5].detail) == {
        "client": str(client_id),
        "from": "voorgesteld",
        "to": "verstuurd",
        "on": referrals.today().isoformat(),  # the day the change happened
    }
    assert json.loads(rows[7].detail)["referral"] == str(created.id)
    assert_no_names(rows)
    assert AuditService(store).verify().ok


def test_a_refused_save_records_no_event(sqlite_store: Store) -> None:
    clients = ClientService(sqlite_store)
    with pytest.raises(Exception):  # noqa: B017 - any refusal; the point is that nothing is written
        clients.record_intake(intake(birth_date="31/02/1990"), actor=counsellor_actor(sqlite_store))
    assert events(sqlite_store) == []


def test_exports_are_audited_with_counts_only(store: Store) -> None:
    clients, referrals = ClientService(store), ReferralService(store)
    saved = clients.record_intake(intake(), actor=counsellor_actor(store))
    referrals.create(saved.client.id, category="nt2", actor=counsellor_actor(store))
    listed = clients.export_all(actor=counsellor_actor(store), output="json")
    assert [c.id for c in listed] == [saved.client.id]
    due = referrals.export(
        actor=counsellor_actor(store), output="json", statuses=("voorgesteld",), due_on=referrals.today()
    )
    assert due == ()
    rows = events(store)[-2:]
    assert [(e.action, e.object_type, json.loads(e.detail)) for e in rows] == [
        ("client.export", "clients", {"count": 1, "format": "json"}),
        ("referral.export", "referrals", {"count": 0, "due": True, "format": "json", "statuses": "voorgesteld"}),
    ]
    assert_no_names(events(store))


def test_import_records_each_client_and_its_counsellor(sqlite_store: Store) -> None:
    clients = ClientService(sqlite_store)
    lien = add_counsellor(sqlite_store, "lien", "Lien Verzonnen")
    count = clients.import_intakes([(2, intake()), (3, intake(first_name="Tweede"))], file="oud.csv", actor=lien)
    assert count == 2
    rows = events(sqlite_store)
    assert [(e.action, json.loads(e.detail)["import_row"]) for e in rows] == [
        ("client.create", 2),
        ("client.create", 3),
    ]
    assert {e.actor_id for e in rows} == {lien.id}
    with sqlite_store.unit_of_work() as session:
        assert set(session.scalars(select(Intake.counsellor_id))) == {lien.id}
    assert uuid.UUID(rows[0].object_id)
