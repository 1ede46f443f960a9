"""Revision 0135 (contacts, client assignments) keeps every client, intake and referral of a filled database."""

from __future__ import annotations

import uuid

from sqlalchemy import text

from leerwinkel.storage import migrate
from leerwinkel.storage.store import Store

_CLIENT = (
    "INSERT INTO clients (id, created_at, updated_at, updated_by_device, version, first_name, alias, last_name, "
    "gender, phone, email, street, postcode, municipality, languages, dutch_level, education_level, "
    "foreign_diploma, detained, employment, notes, search_key) VALUES (:id, '2026-01-01', '2026-01-01', 't', 1, "
    "'Blijfia', '', '', '', '', '', '', '', '', '', 'onbekend', '', '', :no, '', '', 'blijfia')"
)
_REFERRAL = (
    "INSERT INTO referrals (id, created_at, updated_at, updated_by_device, version, client_id, category, status, "
    "referred_on, outcome_note, note) VALUES (:id, '2026-01-01', '2026-01-01', 't', 1, :client, 'vca', "
    "'voorgesteld', '2026-01-02', '', '')"
)


def _id(store: Store) -> object:
    return uuid.uuid4() if store.dialect == "postgresql" else uuid.uuid4().hex


def _count(store: Store, table: str) -> int:
    with store.engine.connect() as connection:
        return int(connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())  # noqa: S608


def test_0135_up_and_down_keeps_the_clients_and_their_referrals(empty_store: Store) -> None:
    migrate.upgrade(empty_store, revision="0130")
    client = _id(empty_store)
    with empty_store.engine.begin() as connection:
        connection.execute(text(_CLIENT), {"id": client, "no": False})
        connection.execute(text(_REFERRAL), {"id": _id(empty_store), "client": client})
    migrate.upgrade(empty_store, revision="0135")
    assert (_count(empty_store, "clients"), _count(empty_store, "referrals")) == (1, 1)
    assert _count(empty_store, "contacts") == 0 and _count(empty_store, "client_assignments") == 0
    migrate.downgrade(empty_store, "0130")
    assert (_count(empty_store, "clients"), _count(empty_store, "referrals")) == (1, 1)
