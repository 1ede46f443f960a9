"""Three installations, random edits and exchange files in random order (hypothesis, stateful).

After a full round of exchanges, with every conflict resolved as it appears, all three hold the same
data, and no edit disappeared without somebody seeing it: every value typed is in the end result, or
was changed by someone who had it in front of them, or was shown in a conflict, or its client was erased.
"""

from __future__ import annotations

import itertools
import json
import tempfile
import uuid
from pathlib import Path

import hypothesis.strategies as st
from hypothesis import HealthCheck, settings
from hypothesis.stateful import RuleBasedStateMachine, initialize, precondition, rule
from sqlalchemy import create_engine, event, select
from sqlalchemy.pool import StaticPool

from leerwinkel.actor import Actor
from leerwinkel.errors import ExchangeError
from leerwinkel.ids import CounsellorId
from leerwinkel.storage.models import Base, Client, LearningWish
from leerwinkel.storage.store import Store
from leerwinkel.sync import pack
from leerwinkel.sync.service import SyncService

DEVICES = ("A", "B", "C")
FIELDS = ("first_name", "notes")
PASSPHRASE = "drie-toestellen-een-wachtzin"
ACTOR = Actor(CounsellorId(uuid.UUID(int=1)), "test-balie", "Test Balie", "counsellor")


def _store(device: str) -> Store:
    engine = create_engine("sqlite://", poolclass=StaticPool, connect_args={"check_same_thread": False})
    event.listen(engine, "connect", lambda connection, _record: connection.execute("PRAGMA foreign_keys = ON"))
    Base.metadata.create_all(engine)
    return Store(engine, device_id=device)


def _resolve_all(sync: SyncService, shown: dict[tuple[str, str], set[str]]) -> None:
    """Settle every conflict the same way on every device: per field, the larger value (so two devices
    that settle the same conflict choose alike)."""
    for conflict in sync.conflicts(ACTOR):
        choices = {}
        for item in conflict.fields:
            for value in (item.local, item.remote):
                shown.setdefault((conflict.record_id, item.field), set()).add(json.dumps(value))
            larger = max((item.local, item.remote), key=json.dumps)
            choices[item.field] = "local" if larger == item.local else "remote"
        sync.resolve(ACTOR, conflict.id, choices)


class Exchanges(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self._old_cost = pack.SCRYPT_LOG_N
        pack.SCRYPT_LOG_N = 10
        self.folder = tempfile.TemporaryDirectory()
        self.stores = {d: _store(d) for d in DEVICES}
        self.sync = {d: SyncService(s) for d, s in self.stores.items()}
        self.files: list[tuple[str, Path]] = []  # (recipient, file), in the order they were made
        self.counter = itertools.count()
        self.clients: list[uuid.UUID] = []
        self.typed: list[tuple[str, str, str]] = []  # (client, field, value as JSON)
        self.knowingly_replaced: dict[tuple[str, str], set[str]] = {}
        self.shown: dict[tuple[str, str], set[str]] = {}
        self.erased: set[str] = set()

    @initialize()
    def name_devices(self) -> None:
        for sync in self.sync.values():
            sync.device()  # this installation's keys, made once

    def teardown(self) -> None:
        for store in self.stores.values():
            store.dispose()
        self.folder.cleanup()
        pack.SCRYPT_LOG_N = self._old_cost

    # -- edits ------------------------------------------------------------------------------------

    @rule(device=st.sampled_from(DEVICES), wish=st.booleans())
    def add_client(self, device: str, wish: bool) -> None:
        client_id = uuid.uuid4()
        name = f"Naam{next(self.counter)}"
        with self.stores[device].unit_of_work() as session:
            session.add(Client(id=client_id, first_name=name))
            if wish:
                session.add(LearningWish(client_id=client_id, category="nt2", description=f"Wens{next(self.counter)}"))
        self.clients.append(client_id)
        self.typed.append((str(client_id), "first_name", json.dumps(name)))

    @precondition(lambda self: bool(self.clients))
    @rule(data=st.data(), device=st.sampled_from(DEVICES), field=st.sampled_from(FIELDS))
    def edit(self, data: st.DataObject, device: str, field: str) -> None:
        client_id = data.draw(st.sampled_from(self.clients[-3:]))  # the recent ones: more often on two devices
        value = f"{field}-{device}-{next(self.counter)}"
        with self.stores[device].unit_of_work() as session:
            row = session.get(Client, client_id)
            if row is None:
                return  # not on this device (yet, or any more)
            key = (str(client_id), field)
            self.knowingly_replaced.setdefault(key, set()).add(json.dumps(getattr(row, field)))
            setattr(row, field, value)
        self.typed.append((str(client_id), field, json.dumps(value)))

    @precondition(lambda self: bool(self.clients))
    @rule(data=st.data(), devices=st.permutations(DEVICES), field=st.sampled_from(FIELDS))
    def edit_on_two_devices(self, data: st.DataObject, devices: list[str], field: str) -> None:
        """The same field of one client changed on two devices between two exchanges (a conflict to be)."""
        for device in devices[:2]:
            self.edit(data, device, field)

    @precondition(lambda self: bool(self.clients))
    @rule(data=st.data(), device=st.sampled_from(DEVICES))
    def erase(self, data: st.DataObject, device: str) -> None:
        client_id = data.draw(st.sampled_from(self.clients))
        with self.stores[device].unit_of_work() as session:
            row = session.get(Client, client_id)
            if row is None:
                return
            session.delete(row)
        self.erased.add(str(client_id))

    # -- files --------------------------------------------------------------------------------------

    @rule(sender=st.sampled_from(DEVICES), recipient=st.sampled_from(DEVICES))
    def export(self, sender: str, recipient: str) -> None:
        if sender == recipient:
            return
        path = Path(self.folder.name) / f"{next(self.counter)}.lwsync"
        self.sync[sender].export(ACTOR, to=recipient, target=path, passphrase=PASSPHRASE, everything=True)
        self.files.append((recipient, path))

    @rule(sender=st.sampled_from(DEVICES), recipient=st.sampled_from(DEVICES))
    def exchange(self, sender: str, recipient: str) -> None:
        """A file made and read straight away (the usual case)."""
        self.export(sender, recipient)
        if sender != recipient:
            self.sync[recipient].import_file(ACTOR, self.files[-1][1], passphrase=PASSPHRASE)
            _resolve_all(self.sync[recipient], self.shown)

    @precondition(lambda self: bool(self.files))
    @rule(data=st.data())
    def import_some_file(self, data: st.DataObject) -> None:
        """Any file, at its recipient: late, out of order, or a second time."""
        recipient, path = data.draw(st.sampled_from(self.files))
        try:
            self.sync[recipient].import_file(ACTOR, path, passphrase=PASSPHRASE)
        except ExchangeError as refused:
            assert refused.reason == "replayed"
        _resolve_all(self.sync[recipient], self.shown)

    # -- the end: a full round until nothing moves, then everything agrees ----------------------------

    def settle(self) -> None:
        for _round in range(8):
            moved = False
            # a round through A, the office: everything reaches A, then A's result reaches B and C
            for sender, recipient in (("B", "A"), ("C", "A"), ("A", "B"), ("A", "C")):
                path = Path(self.folder.name) / f"{next(self.counter)}.lwsync"
                self.sync[sender].export(ACTOR, to=recipient, target=path, passphrase=PASSPHRASE, everything=True)
                summary = self.sync[recipient].import_file(ACTOR, path, passphrase=PASSPHRASE)
                moved |= bool(summary.new or summary.updated or summary.removed or summary.conflicts)
                _resolve_all(self.sync[recipient], self.shown)
            if not moved:
                return
        raise AssertionError("the exchanges did not settle within eight rounds")

    def contents(self, device: str) -> dict[str, object]:
        with self.stores[device].unit_of_work() as session:
            clients = {str(c.id): tuple(getattr(c, f) for f in FIELDS) for c in session.scalars(select(Client))}
            wishes = sorted((str(w.client_id), w.description) for w in session.scalars(select(LearningWish)))
        return {"clients": clients, "wishes": wishes}

    def check_the_end(self) -> None:
        self.settle()
        first = self.contents("A")
        for device in DEVICES[1:]:
            assert self.contents(device) == first, f"{device} differs from A"
        final = first["clients"]
        assert isinstance(final, dict)
        for client, field, value in self.typed:
            if client in self.erased:
                continue
            assert client in final, f"client {client} disappeared without being erased"
            now = json.dumps(final[client][FIELDS.index(field)])
            key = (client, field)
            assert (
                value == now or value in self.knowingly_replaced.get(key, set()) or value in self.shown.get(key, set())
            ), f"{field} {value} of {client} disappeared without anybody seeing it"


class ExchangesToTheEnd(Exchanges):
    def teardown(self) -> None:
        try:
            self.check_the_end()
        finally:
            super().teardown()


TestExchanges = ExchangesToTheEnd.TestCase
TestExchanges.settings = settings(
    max_examples=8,
    stateful_step_count=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
