"""The clients' trigram index answers exactly what reading the whole table answers, only faster."""

from __future__ import annotations

import datetime as dt
import random
import uuid

import pytest
from sqlalchemy import insert

from leerwinkel.intake.checked import search_key
from leerwinkel.intake.service import ClientService
from leerwinkel.storage import clientsearch
from leerwinkel.storage.models import Client
from leerwinkel.storage.store import Store

FIRST = ["Mira", "Jo", "Éline", "Yasmina", "Proef", "Testa", "Noor", "Lars", "Ava", "Zoë"]
LAST = ["Testpersoon", "Voorbeeld", "Proefmans", "Oefenberg", "Verzinsel", "De Fictief", "Van Bedacht", ""]
QUERIES = ["", "m", "mi", "mir", "mira", "j", "jo", "el", "eline", "zoe", "z", "zz", "zzz", "qx", "ver", "verz",
           "mira test", "jo v", "de f", "oefen", "proef 1", "a", "av", "n", "noor oef", "x", "1", "17"]  # fmt: skip


@pytest.fixture
def clients(sqlite_store: Store) -> ClientService:
    rng = random.Random(3)
    now = dt.datetime(2026, 3, 16, 9, tzinfo=dt.UTC)
    rows = []
    for number in range(400):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        alias = f"{first[:3]}{number}" if number % 17 == 0 else ""
        rows.append(
            {
                "id": uuid.uuid4(),
                "first_name": first,
                "alias": alias,
                "last_name": last,
                "dutch_level": "onbekend",
                "birth_year": 1980 + number % 30,
                "last_activity_at": now - dt.timedelta(minutes=number),
                "search_key": search_key(first, alias, last),
            }
        )
    with sqlite_store.engine.begin() as connection:
        connection.execute(insert(Client), rows)
    return ClientService(sqlite_store)


def test_the_index_gives_what_the_scan_gives(clients: ClientService, monkeypatch: pytest.MonkeyPatch) -> None:
    def every(query: str) -> list[uuid.UUID]:
        return [c.id for c in clients.search(query, limit=1000)]

    with_index = {q: every(q) for q in QUERIES}
    monkeypatch.setattr(clientsearch, "SCAN_FACTOR", 0.05)  # more of the queries go to the scan
    fewer = {q: every(q) for q in QUERIES}
    monkeypatch.setattr(clientsearch, "plan", lambda _connection, _words: None)
    scanned = {q: every(q) for q in QUERIES}
    assert with_index == scanned
    assert fewer == scanned
    assert scanned["zz"] == [] and scanned["mira"] and scanned["jo"]


def test_a_word_no_client_has_never_reads_the_clients(clients: ClientService) -> None:
    with clients.store.unit_of_work() as session:
        connection = session.connection()
        assert clientsearch.plan(connection, ["qx"]) == clientsearch.NO_MATCH
        assert clientsearch.plan(connection, ["kantklos"]) == clientsearch.NO_MATCH
        assert clientsearch.plan(connection, ["mira", "zz"]) == clientsearch.NO_MATCH
        assert clientsearch.plan(connection, ["170"]) == '"170"'  # the alias of client 170 only: looked up
        assert clientsearch.plan(connection, ["a"]) is None  # in most names: scanned in activity order


def test_a_renamed_client_is_found_by_the_new_name_only(sqlite_store: Store) -> None:
    from tests.core.test_intake import full_intake
    from tests.factories import counsellor_actor

    clients = ClientService(sqlite_store)
    saved = clients.record_intake(
        full_intake(first_name="Kwinten", last_name="Proef"), actor=counsellor_actor(sqlite_store)
    )
    assert [c.id for c in clients.search("kwint")] == [saved.client.id]
    with sqlite_store.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE clients SET first_name = 'Wannes', search_key = 'wannes proef'")
    assert clients.search("kwint") == ()
    assert [c.id for c in clients.search("wann")] == [saved.client.id]
