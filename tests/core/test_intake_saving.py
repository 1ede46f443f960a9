"""One intake write path: the window's save, the command line's record_intake and the import write the same rows."""

from __future__ import annotations

import dataclasses
import uuid
from typing import Any

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from leerwinkel.errors import ConflictError
from leerwinkel.intake import saving
from leerwinkel.intake.actions import IntakeService, OpenIntake
from leerwinkel.intake.service import ClientService
from leerwinkel.intake.types import ConsentInput, IntakeInput, SavedIntake, ThresholdInput, WishInput
from leerwinkel.storage.models import (
    AuditEvent,
    Client,
    ClientTargetGroup,
    ClientThreshold,
    ClientVulnerability,
    Consent,
    Intake,
    LearningWish,
)
from leerwinkel.storage.store import Store
from tests.core.test_intake import full_intake
from tests.factories import FakeClock, counsellor_actor

BOOKKEEPING = ("id", "created_at", "updated_at", "updated_by_device", "version")
CHILDREN = (ClientTargetGroup, ClientVulnerability, ClientThreshold, Consent, Intake, LearningWish)


def stored(store: Store, client_id: uuid.UUID) -> dict[str, Any]:
    """Every row an intake wrote for the client, ids replaced by their role, plus its audit events."""
    with store.unit_of_work() as session:
        client = session.get(Client, client_id)
        assert client is not None
        held = session.scalars(select(Intake.id).where(Intake.client_id == client_id).order_by(Intake.created_at))
        names: dict[uuid.UUID, str] = {client_id: "client", **{i: f"intake-{n}" for n, i in enumerate(held)}}

        def row(obj: Any) -> tuple[tuple[str, Any], ...]:
            values = {c.key: getattr(obj, c.key) for c in obj.__table__.columns if c.key not in BOOKKEEPING}
            return tuple(sorted((k, names.get(v, v) if isinstance(v, uuid.UUID) else v) for k, v in values.items()))

        result: dict[str, Any] = {"clients": row(client)}
        for model in CHILDREN:
            rows = session.scalars(select(model).where(model.client_id == client_id)).all()
            result[model.__tablename__] = sorted(row(r) for r in rows)
        events = session.scalars(
            select(AuditEvent).where(AuditEvent.object_id == str(client_id)).order_by(AuditEvent.sequence)
        ).all()
        result["audit"] = [(e.action, e.object_type, e.actor_id, len(e.signature) > 0) for e in events]
        return result


def renamed(form: IntakeInput, first_name: str) -> IntakeInput:
    return dataclasses.replace(form, person=dataclasses.replace(form.person, first_name=first_name))


def test_window_and_command_line_write_the_same_rows_and_audit_event(store: Store) -> None:
    actor = counsellor_actor(store)
    window = IntakeService(store).save(OpenIntake(renamed(full_intake(), "Venstra")), actor=actor)
    script = ClientService(store).record_intake(renamed(full_intake(), "Scriptje"), actor=actor)
    by_window, by_script = stored(store, window.client.id), stored(store, script.client.id)
    assert by_window["clients"] != by_script["clients"]  # the first names differ, nothing else
    by_window.pop("clients")
    by_script.pop("clients")
    assert by_window == by_script
    assert by_window["audit"] == [("client.create", "client", actor.id, False)]
    assert len(by_window["client_thresholds"]) == 2 and len(by_window["learning_wishes"]) == 2
    # the event names the intake and its wishes, for both
    with store.unit_of_work() as session:
        details = session.scalars(
            select(AuditEvent.detail)
            .where(AuditEvent.object_id.in_([str(window.client.id), str(script.client.id)]))
            .order_by(AuditEvent.sequence)
        ).all()
    assert details == [
        f'{{"intake": "{window.intake.id}", "wishes": 2}}',
        f'{{"intake": "{script.intake.id}", "wishes": 2}}',
    ]


def test_the_records_returned_are_what_a_fresh_read_gives(store: Store) -> None:
    """The window keeps what a save returns: it must equal the stored client, intake and wishes."""
    actor = counsellor_actor(store)
    clients, intakes = ClientService(store), IntakeService(store)
    form = dataclasses.replace(
        full_intake(detained=True, prison_site_code="gevangenis-mechelen", expected_release_date="01/01/2031"),
        consent=ConsentInput(True, False, True, given_on="01/03/2026"),
        next_appointment="15/03/2026 10:30",
        referred_by="OCMW",
        notes="eerste gesprek",
    )

    def same_as_stored(saved: SavedIntake) -> None:
        assert saved.client == clients.get(saved.client.id)
        assert set(saved.wishes) <= set(clients.wishes(saved.client.id))  # a wish left out of the form stays
        with store.unit_of_work() as session:
            intake = session.get(Intake, saved.intake.id)
            assert intake is not None
            assert (intake.client_id, intake.site_id, intake.held_on, intake.next_appointment_at) == (
                saved.client.id,
                saved.intake.site_id,
                saved.intake.held_on,
                saved.intake.next_appointment_at,
            )

    new = intakes.save(OpenIntake(form), actor=actor)
    same_as_stored(new)
    assert new.client.prison_site_code == "gevangenis-mechelen" and new.client.version == 1
    assert new.client.consent is not None and new.client.consent.recorded_by_name == "Test Balie"
    edited = dataclasses.replace(
        form,
        person=dataclasses.replace(
            form.person,
            phone="0470 99 88 77",
            thresholds=(ThresholdInput("taal", "nu ook Engels"), ThresholdInput("digitaal")),
            vulnerabilities=(),
        ),
        wishes=(WishInput("nt2", "beter Nederlands", "B1"), WishInput("ce-examen")),
    )
    again = intakes.save(
        OpenIntake(edited, base=new.client, intake_id=new.intake.id, wish_ids=(new.wishes[0].id, None)),
        actor=actor,
    )
    same_as_stored(again)
    assert again.intake.id == new.intake.id and again.wishes[0].id == new.wishes[0].id
    returning = intakes.save(OpenIntake(full_intake(), base=again.client), actor=actor)  # a new intake, same client
    same_as_stored(returning)
    assert returning.intake.id != new.intake.id and returning.client.id == new.client.id


def test_new_rows_carry_the_bookkeeping_a_flush_gives_them(store: Store) -> None:
    saved = IntakeService(store).save(OpenIntake(full_intake()), actor=counsellor_actor(store))
    with store.unit_of_work() as session:
        rows: list[Any] = [session.get(Client, saved.client.id)]
        for model in CHILDREN:
            rows += session.scalars(select(model).where(model.client_id == saved.client.id)).all()
    assert len(rows) == 1 + 1 + 1 + 2 + 1 + 1 + 2
    for row in rows:
        assert (row.created_at, row.updated_at, row.updated_by_device, row.version) == (
            store.now(),
            store.now(),
            store.device_id,
            1,
        ), type(row).__name__


def test_wishes_come_back_in_the_order_they_were_typed(store: Store) -> None:
    """The wishes of one save share their creation time; they come back in the form's order, not sorted by
    the index the database happens to walk (revision 0205 left only (client_id, category) to walk), on SQLite
    (the rowid) and on PostgreSQL (the ids of one save's wishes are consecutive, in the form's order)."""
    clock = store.clock = FakeClock(store.now())
    actor = counsellor_actor(store)
    service = IntakeService(store)
    typed = (WishInput("vca"), WishInput("nt2", "beter Nederlands"), WishInput("basiseducatie"))
    saved = service.save(OpenIntake(dataclasses.replace(full_intake(), wishes=typed)), actor=actor)
    expected = ["vca", "nt2", "basiseducatie"]
    assert [w.category for w in saved.wishes] == expected
    assert [w.category for w in ClientService(store).wishes(saved.client.id)] == expected
    known = service.known_client(saved.client.id, actor=actor)
    assert [w.category for w in known.wishes] == expected
    clock.advance(minutes=3)  # the counsellor adds one more wish and saves again
    more = (WishInput("orientatie"), WishInput("ce-examen"), WishInput("beroepsopleiding"))
    again = OpenIntake(
        dataclasses.replace(full_intake(), wishes=(*typed, *more)),
        base=saved.client,
        intake_id=saved.intake.id,
        wish_ids=tuple(w.id for w in saved.wishes),
    )
    service.save(again, actor=actor)
    later = [*expected, "orientatie", "ce-examen", "beroepsopleiding"]
    assert [w.category for w in ClientService(store).wishes(saved.client.id)] == later


def test_an_import_writes_what_a_save_writes(store: Store) -> None:
    actor = counsellor_actor(store)
    saved = IntakeService(store).save(OpenIntake(renamed(full_intake(), "Venstra")), actor=actor)
    assert ClientService(store).import_intakes([(2, renamed(full_intake(), "Importa"))], actor=actor) == 1
    with store.unit_of_work() as session:
        imported = session.scalars(select(Client.id).where(Client.first_name == "Importa")).one()
    by_save, by_import = stored(store, saved.client.id), stored(store, imported)
    for rows in (by_save, by_import):
        rows.pop("clients")
    assert by_import.pop("audit") == [("client.create", "client", actor.id, False)]
    by_save.pop("audit")
    assert by_save == by_import


def test_a_threshold_changed_meanwhile_is_a_conflict_and_nothing_is_written(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The children are written with Core, at the version read: another desk's change in between is refused."""
    actor = counsellor_actor(store)
    intakes = IntakeService(store)
    first = intakes.save(OpenIntake(full_intake()), actor=actor)
    loaded = saving.Children.load

    def load_then_changed_elsewhere(session: Session, client_id: uuid.UUID) -> saving.Children:
        children = loaded(session, client_id)
        with store.unit_of_work() as other:  # another desk, between this save's read and its writes
            other.execute(
                update(ClientThreshold)
                .where(ClientThreshold.client_id == client_id, ClientThreshold.code == "vervoer")
                .values(note="elders gewijzigd", version=ClientThreshold.version + 1)
            )
        return children

    monkeypatch.setattr(saving.Children, "load", staticmethod(load_then_changed_elsewhere))
    without_transport = dataclasses.replace(
        full_intake(phone="0470 11 22 33"),
        person=dataclasses.replace(
            full_intake(phone="0470 11 22 33").person, thresholds=(ThresholdInput("taal", "spreekt vooral Frans"),)
        ),
    )
    with pytest.raises(ConflictError) as raised:
        intakes.save(
            OpenIntake(
                without_transport,
                base=first.client,
                intake_id=first.intake.id,
                wish_ids=tuple(w.id for w in first.wishes),
            ),
            actor=actor,
        )
    assert raised.value.entity == "client_thresholds"
    monkeypatch.undo()
    stored_now = ClientService(store).get(first.client.id)
    assert stored_now.phone == first.client.phone and stored_now.version == first.client.version
    assert [t.code for t in stored_now.thresholds] == ["taal", "vervoer"]


def test_a_client_saved_elsewhere_after_this_save_read_it_is_a_conflict_naming_the_fields(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The client is written at the version read; another desk's save in between is refused, nothing written."""
    actor = counsellor_actor(store)
    intakes = IntakeService(store)
    first = intakes.save(OpenIntake(full_intake()), actor=actor)
    loaded = saving.Children.load

    def load_then_saved_elsewhere(session: Session, client_id: uuid.UUID) -> saving.Children:
        children = loaded(session, client_id)
        with store.unit_of_work() as other:
            other.execute(
                update(Client).where(Client.id == client_id).values(municipality="Lier", version=Client.version + 1)
            )
        return children

    monkeypatch.setattr(saving.Children, "load", staticmethod(load_then_saved_elsewhere))
    with pytest.raises(ConflictError) as raised:
        intakes.save(OpenIntake(full_intake(phone="0470 11 22 33"), base=first.client), actor=actor)
    assert (raised.value.entity, raised.value.changed_fields) == ("clients", ["municipality"])
    monkeypatch.undo()
    stored_now = ClientService(store).get(first.client.id)
    assert (stored_now.phone, stored_now.municipality) == (first.client.phone, "Lier")
    with store.unit_of_work() as session:
        assert session.scalars(select(Intake.id).where(Intake.client_id == first.client.id)).all() == [first.intake.id]


def test_the_remembered_connection_belongs_to_its_transaction(store: Store) -> None:
    """rows.connection asks the session once per transaction: a later transaction of the same session (a
    commit, then more work) gets its own connection, never the finished one."""
    from leerwinkel.intake import rows

    session = store.session()
    try:
        first = rows.connection(session)
        assert rows.connection(session) is first
        assert first.exec_driver_sql("SELECT 1").scalar() == 1
        session.commit()
        second = rows.connection(session)
        assert second.exec_driver_sql("SELECT 1").scalar() == 1
        assert second.in_transaction() and rows.connection(session) is second
        session.rollback()
        assert rows.connection(session).in_transaction()
    finally:
        session.close()
