"""The store on both backends: records, bookkeeping columns, conflicts between two desks."""

from __future__ import annotations

import datetime as dt
import logging

import pytest
from sqlalchemy import select, text

from leerwinkel.errors import AlreadyExistsError, ConflictError, InvalidInputError
from leerwinkel.messages import describe
from leerwinkel.storage.models import Client, Site
from leerwinkel.storage.store import Store
from tests.conftest import FIXED_NOW


def _new_client(store: Store, **values: object) -> Client:
    with store.unit_of_work() as session:
        client = Client(first_name="Testa", last_name="Voorbeeld", municipality="Mechelen", **values)
        session.add(client)
    return client


def test_record_gets_uuid_utc_timestamps_device_and_version(store: Store) -> None:
    client = _new_client(store)
    with store.unit_of_work() as session:
        loaded = session.get(Client, client.id)
        assert loaded is not None
        assert loaded.version == 1
        assert loaded.created_at == FIXED_NOW
        assert loaded.created_at.tzinfo is not None
        assert loaded.updated_by_device == store.device_id
        loaded.phone = "0470 12 34 56"
    with store.unit_of_work() as session:
        again = session.get(Client, client.id)
        assert again is not None
        assert again.version == 2


def test_seeded_sites_exist(store: Store) -> None:
    with store.unit_of_work() as session:
        codes = set(session.scalars(select(Site.code)))
    assert "gevangenis-mechelen" in codes
    assert "mechelen-sociaal-huis" in codes


def test_client_needs_a_first_name_or_alias(store: Store) -> None:
    with pytest.raises(InvalidInputError) as caught, store.unit_of_work() as session:
        session.add(Client(first_name="", alias=""))
    (problem,) = caught.value.problems
    assert problem.reason == "constraint"
    assert "has_name" in str(problem.details["constraint"])  # the named check constraint refused it
    assert describe(caught.value).startswith("De databank weigert deze gegevens")
    with store.unit_of_work() as session:
        session.add(Client(alias="Zonnetje"))


def test_two_desks_second_save_conflicts_and_first_save_is_kept(store: Store) -> None:
    client = _new_client(store)
    desk_a = store.session()
    desk_b = store.session()
    try:
        a = desk_a.get(Client, client.id)
        b = desk_b.get(Client, client.id)
        assert a is not None and b is not None
        a.phone = "0470 11 11 11"
        a.notes = "Belt liever na 16 uur."
        desk_a.commit()
    finally:
        desk_a.close()

    with pytest.raises(ConflictError) as caught, store.unit_of_work() as session:
        stale = session.merge(b, load=False)
        stale.phone = "0499 99 99 99"
    desk_b.close()
    assert caught.value.entity == "clients"
    assert set(caught.value.changed_fields) == {"phone", "notes"}
    sentence = describe(caught.value)
    assert "telefoon" in sentence and "notities" in sentence and "niet opgeslagen" in sentence

    with store.unit_of_work() as session:
        kept = session.get(Client, client.id)
        assert kept is not None
        assert kept.phone == "0470 11 11 11"
        assert kept.notes == "Belt liever na 16 uur."
        assert kept.version == 2


def test_two_sessions_in_flight_both_commit_second_fails(store: Store) -> None:
    client = _new_client(store)
    with store.unit_of_work() as first, pytest.raises(ConflictError), store.unit_of_work() as second:
        row_first = first.get(Client, client.id)
        row_second = second.get(Client, client.id)
        assert row_first is not None and row_second is not None
        row_first.municipality = "Lier"
        first.commit()
        row_second.municipality = "Willebroek"
    with store.unit_of_work() as session:
        assert session.get(Client, client.id).municipality == "Lier"  # type: ignore[union-attr]


def test_deleted_meanwhile_is_a_conflict(store: Store) -> None:
    client = _new_client(store)
    desk_b = store.session()
    b = desk_b.get(Client, client.id)
    desk_b.expunge_all()
    desk_b.close()
    with store.unit_of_work() as session:
        session.delete(session.get(Client, client.id))
    with pytest.raises(ConflictError) as caught, store.unit_of_work() as session:
        stale = session.merge(b, load=False)
        stale.phone = "0470 00 00 00"
    assert caught.value.changed_fields == ["deleted"]


def test_client_data_never_reaches_error_text_or_logs(store: Store, caplog: pytest.LogCaptureFixture) -> None:
    secret = "Zwartkwartel-Uniek"
    caplog.set_level(logging.DEBUG)
    with pytest.raises(Exception) as caught, store.unit_of_work() as session:
        session.execute(
            text("INSERT INTO clients (id, first_name) VALUES (:id, :name)"),
            {"id": "not-a-uuid", "name": secret},
        )
    assert secret not in str(caught.value)
    assert secret not in caplog.text


def test_sqlite_pragmas(sqlite_store: Store) -> None:
    with sqlite_store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000


def test_naive_datetime_is_refused(store: Store) -> None:
    with pytest.raises(Exception, match="naive datetime"), store.unit_of_work() as session:
        client = Client(first_name="Testa")
        client.last_activity_at = dt.datetime(2026, 1, 1)
        session.add(client)


def test_invalid_input_errors_roll_back(store: Store) -> None:
    with pytest.raises(InvalidInputError), store.unit_of_work() as session:
        session.add(Client(first_name="Weg"))
        session.flush()
        raise InvalidInputError.single("required", field="first_name")
    with store.unit_of_work() as session:
        assert session.scalars(select(Client).where(Client.first_name == "Weg")).first() is None


def test_a_read_then_write_survives_another_desk_saving_something_else(sqlite_store: Store) -> None:
    """Found opening a client while the intake draft was saved: "database locked" (SQLITE_BUSY_SNAPSHOT).

    Desk A reads one client; desk B saves another client meanwhile; A's write (an audit row, a change to
    its own client) goes through. A change to the same client is still a conflict.
    """
    opened, other = _new_client(sqlite_store), _new_client(sqlite_store, alias="Andere")
    with sqlite_store.unit_of_work() as desk_a:
        mine = desk_a.get(Client, opened.id)
        assert mine is not None
        with sqlite_store.unit_of_work() as desk_b:  # another connection of the pool: the writer thread
            theirs = desk_b.get(Client, other.id)
            assert theirs is not None
            theirs.phone = "0470 22 22 22"
        mine.notes = "Gelezen en aangevuld."
    with sqlite_store.unit_of_work() as check:
        assert check.get(Client, opened.id).notes == "Gelezen en aangevuld."  # type: ignore[union-attr]
        assert check.get(Client, other.id).phone == "0470 22 22 22"  # type: ignore[union-attr]

    with pytest.raises(ConflictError) as caught, sqlite_store.unit_of_work() as desk_a:
        mine = desk_a.get(Client, opened.id)
        assert mine is not None
        with sqlite_store.unit_of_work() as desk_b:
            same = desk_b.get(Client, opened.id)
            assert same is not None
            same.phone = "0470 33 33 33"
        mine.phone = "0499 99 99 99"
    assert caught.value.changed_fields == ["phone"]


def test_a_unique_key_refused_by_the_database_is_already_exists(store: Store) -> None:
    with store.unit_of_work() as session:
        code = session.scalars(select(Site.code)).first()
        name = session.scalars(select(Site.name)).first()
    with pytest.raises(AlreadyExistsError) as caught, store.unit_of_work() as session:
        session.add(Site(code=code, name=name or "Dubbel"))
    assert code not in str(caught.value.key)  # the constraint's name, never the value typed
