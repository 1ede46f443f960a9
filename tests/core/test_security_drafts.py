"""Drafts are per account and per device, expire, and are erased with their client (on both backends)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from leerwinkel.app import Leerwinkel, open_app
from leerwinkel.config import Config
from leerwinkel.errors import AuthenticationError
from leerwinkel.intake.drafts import DraftService
from leerwinkel.intake.types import IntakeInput, PersonInput
from leerwinkel.storage.models import Draft, Setting
from leerwinkel.storage.store import Store
from tests.conftest import FIXED_NOW
from tests.factories import TEST_CREDENTIALS, FakeClock, counsellor_actor, open_signed_in

FORM = {"person": {"first_name": "Ontwerpina", "last_name": "Kladblok"}, "vulnerabilities": ["psychisch"]}


def _other_desk(store: Store, device: str) -> DraftService:
    """The same database seen from another desk (PostgreSQL: several desks share one database)."""
    desk = Store(store.engine, device_id=device, clock=store.clock, location=store.location, key=store.database_key)
    return DraftService(desk)


def test_a_draft_is_seen_only_by_its_account_on_its_device(app: Leerwinkel) -> None:
    lien = counsellor_actor(app.store, "lien")
    tarik = counsellor_actor(app.store, "tarik")
    app.drafts.save("intake", FORM, actor=lien)
    assert app.drafts.load("intake", actor=tarik) is None  # another counsellor at the same desk
    other_desk = _other_desk(app.store, "desk-tweede")
    assert other_desk.load("intake", actor=lien) is None  # the same counsellor at another desk
    other_desk.save("intake", {"person": {"first_name": "Ander"}}, actor=lien)  # does not overwrite
    app.drafts.save("intake", {"person": {"first_name": "Tarik's"}}, actor=tarik)
    mine = app.drafts.load("intake", actor=lien)
    assert mine is not None and mine.data == FORM
    with app.store.unit_of_work() as session:
        assert len(list(session.scalars(select(Draft)))) == 3
    with pytest.raises(AuthenticationError):
        app.drafts.save("intake", FORM, actor=None)
    assert app.drafts.load("intake", actor=None) is None  # nobody signed in has no drafts
    app.drafts.discard("intake", actor=None)
    assert app.drafts.load("intake", actor=lien) is not None


def test_drafts_expire_after_the_setting(app: Leerwinkel) -> None:
    clock = app.store.clock
    assert isinstance(clock, FakeClock)
    lien = counsellor_actor(app.store, "lien")
    app.drafts.save("intake", FORM, actor=lien)
    clock.advance(days=13)
    assert app.drafts.load("intake", actor=lien) is not None
    clock.advance(days=1, seconds=1)  # 14 days: the default
    assert app.drafts.load("intake", actor=lien) is None
    with app.store.unit_of_work() as session:
        assert list(session.scalars(select(Draft))) == []  # erased, not only hidden
    app.settings.update(app.auth.current, {"drafts.expiry_days": 2})
    app.drafts.save("intake", FORM, actor=lien)
    _other_desk(app.store, "desk-tweede").save("intake", FORM, actor=lien)
    clock.advance(days=3)
    assert app.drafts.purge_expired() == 2


def test_a_draft_about_a_client_is_erased_with_the_client(app: Leerwinkel) -> None:
    lien = counsellor_actor(app.store, "lien")
    saved = app.clients.record_intake(IntakeInput(person=PersonInput(first_name="Ontwerpina")), actor=lien)
    app.drafts.save("intake", FORM, actor=lien, client_id=saved.client.id)
    _other_desk(app.store, "desk-tweede").save("intake", FORM, actor=lien, client_id=saved.client.id)
    app.drafts.save("nieuw", {"person": {"first_name": "Iemand anders"}}, actor=lien)
    app.privacy.erase_client(app.auth.current, saved.client.id)
    with app.store.unit_of_work() as session:
        left = list(session.scalars(select(Draft)))
    assert [d.key for d in left] == ["nieuw"]


def test_retention_purge_erases_the_drafts_too(config: Config) -> None:
    clock = FakeClock(FIXED_NOW - dt.timedelta(days=6 * 365))
    app = open_signed_in(config, clock)
    try:
        lien = counsellor_actor(app.store, "lien")
        old = app.clients.record_intake(IntakeInput(person=PersonInput(first_name="Oudgediende")), actor=lien)
        with app.store.unit_of_work() as session:
            session.add(Setting(key="drafts.expiry_days", value=json.dumps(90)))
        clock.now = FIXED_NOW - dt.timedelta(days=30)
        app.drafts.save("intake", FORM, actor=lien, client_id=old.client.id)
        clock.now = FIXED_NOW
        admin = app.auth.current
        assert [c.client_id for c in app.privacy.retention_candidates(admin)] == [old.client.id]
        assert app.privacy.purge(admin, [old.client.id], confirmed=True) == 1
        with app.store.unit_of_work() as session:
            assert list(session.scalars(select(Draft))) == []
    finally:
        app.close()


def test_a_draft_never_leaves_the_encrypted_database(sqlite_config: Config, tmp_path: Path) -> None:
    app = open_app(dataclasses.replace(sqlite_config), credentials=TEST_CREDENTIALS)
    try:
        lien = counsellor_actor(app.store, "lien")
        app.drafts.save("intake", FORM, actor=lien)
        app.backups.create(app.auth.current)
    finally:
        app.close()
    for path in sqlite_config.data_dir.rglob("*"):
        if path.is_file():
            content = path.read_bytes()
            assert b"Ontwerpina" not in content and b"psychisch" not in content, path
