"""The audit trail: a hash chain of ids and codes; verify finds edited and deleted events."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest
from sqlalchemy import select, text

from leerwinkel.actor import Actor
from leerwinkel.app import Leerwinkel, open_app
from leerwinkel.config import Config
from leerwinkel.errors import ConflictError, InvalidInputError, PermissionDeniedError
from leerwinkel.security.audit import HEAD_SETTING, record
from leerwinkel.storage.models import Client, Setting
from tests.conftest import FIXED_NOW
from tests.factories import TEST_CREDENTIALS, FakeClock


def _admin(app: Leerwinkel) -> Actor:
    assert app.auth.current is not None
    return app.auth.current


def test_service_records_inside_its_unit_of_work(app: Leerwinkel) -> None:
    actor = _admin(app)
    with app.store.unit_of_work() as session:
        client = Client(first_name="Auditia-Geheim")
        session.add(client)
        session.flush()
        record(session, actor, "client.create", "client", client.id)
    with pytest.raises(RuntimeError), app.store.unit_of_work() as session:
        record(session, actor, "client.update", "client", client.id)
        raise RuntimeError("the change failed, so its event is gone too")
    events = app.audit.events(actor)
    assert events[0].action == "client.create"
    assert events[0].object_id == str(client.id)
    assert events[0].actor_id == str(actor.id)
    assert app.audit.verify().ok
    with app.store.unit_of_work() as session:
        details = " ".join(session.execute(text("SELECT object_id || detail FROM audit_events")).scalars())
    assert "Auditia" not in details


def test_two_desks_appending_from_the_same_head_conflict_and_the_chain_stays_whole(app: Leerwinkel) -> None:
    """The head row is moved at the version read: the second appender gets a conflict, never a fork."""
    actor = _admin(app)
    app.audit.record(actor, "backup.create")
    with pytest.raises(ConflictError), app.store.unit_of_work() as session:
        head = session.scalars(select(Setting).where(Setting.key == HEAD_SETTING)).one()  # this desk read it
        app.audit.record(actor, "backup.create")  # another desk appended meanwhile
        record(session, actor, "backup.create")
        assert head.version  # the session keeps what it read while the desk holds it
    app.audit.record(actor, "backup.create")  # a retry appends after the other desk's event
    sequences = [e.sequence for e in app.audit.events(actor)]
    assert sequences == sorted(set(sequences), reverse=True) and sequences[0] == len(sequences)
    result = app.audit.verify()
    assert result.ok, result.problems


@pytest.mark.parametrize(
    "detail", [{"name": "Jan Peeters"}, {"note": "heeft schulden"}, {"x": "a\x00b"}, {"bad key": 1}]
)
def test_free_text_never_enters_the_trail(app: Leerwinkel, detail: dict[str, object]) -> None:
    with pytest.raises(InvalidInputError):
        app.audit.record(_admin(app), "client.view", "client", uuid.uuid4(), detail=detail)
    with pytest.raises(InvalidInputError):
        app.audit.record(_admin(app), "client view", "client", uuid.uuid4())
    with pytest.raises(InvalidInputError):
        app.audit.record(_admin(app), "client.view", "client", "Jan Peeters")


def test_verify_detects_an_edited_event(app: Leerwinkel) -> None:
    for _ in range(3):
        app.audit.record(_admin(app), "client.view", "client", uuid.uuid4())
    assert app.audit.verify().ok
    with app.store.engine.begin() as connection:
        connection.execute(text("UPDATE audit_events SET action = 'client.print' WHERE sequence = 3"))
    result = app.audit.verify()
    assert not result.ok and result.broken_at == 3 and result.reason == "edited"


def test_verify_detects_a_deleted_event_in_the_middle_and_at_the_end(app: Leerwinkel) -> None:
    for _ in range(4):
        app.audit.record(_admin(app), "client.view", "client", uuid.uuid4())
    last = app.audit.events(_admin(app), limit=1)[0].sequence
    with app.store.engine.begin() as connection:
        connection.execute(text("DELETE FROM audit_events WHERE sequence = :s"), {"s": last})
    result = app.audit.verify()
    assert not result.ok and result.reason == "missing"
    with app.store.engine.begin() as connection:
        connection.execute(text("DELETE FROM audit_events WHERE sequence = 2"))
    assert not app.audit.verify().ok


def test_only_admins_view_and_export(app: Leerwinkel, tmp_path: Path) -> None:
    admin = _admin(app)
    app.auth.create_account(admin, "balie", "een-goed-wachtwoord")
    count = app.audit.export(admin, tmp_path / "audit.jsonl")
    lines = (tmp_path / "audit.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == count
    assert json.loads(lines[0])["sequence"] == 1
    app.auth.logout()
    counsellor = app.auth.login(TEST_CREDENTIALS.__class__("balie", "een-goed-wachtwoord"))
    with pytest.raises(PermissionDeniedError):
        app.audit.events(counsellor)
    with pytest.raises(PermissionDeniedError):
        app.audit.export(counsellor, tmp_path / "nope.jsonl")
    assert not (tmp_path / "nope.jsonl").exists()


def test_login_logout_and_setup_are_recorded(sqlite_config: Config) -> None:
    config = sqlite_config  # the key file exists on SQLite only
    app = open_app(config, clock=FakeClock(FIXED_NOW), credentials=TEST_CREDENTIALS)
    app.close()
    app = open_app(config, clock=FakeClock(FIXED_NOW), credentials=TEST_CREDENTIALS)
    try:
        actions = [e.action for e in reversed(app.audit.events(app.auth.current))]
    finally:
        app.close()
    assert actions == ["login", "logout", "login"]
