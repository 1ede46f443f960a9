"""Builders for test data: invented people only."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

from leerwinkel.actor import Actor
from leerwinkel.app import Leerwinkel, open_app, open_store
from leerwinkel.config import Config, keyring_path
from leerwinkel.credentials import Credentials
from leerwinkel.security.crypto import KdfParams, new_database_key
from leerwinkel.security.keyring import Keyring
from leerwinkel.storage.models import Client, Consent, Intake, LearningWish, Letter, Referral
from leerwinkel.storage.store import Clock, Store
from tests.conftest import FIXED_NOW

#: The invented administrator every test's data folder is set up for (see tests/conftest.py).
TEST_USER = "test-beheerder"
TEST_PASSWORD = "test-wachtwoord-1"
TEST_CREDENTIALS = Credentials(TEST_USER, TEST_PASSWORD)
#: Cheap argon2id parameters for tests: they are stored beside each wrapped key, so this is safe.
TEST_KDF = KdfParams(time_cost=1, memory_cost=256, parallelism=1)


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


class TickingClock(FakeClock):
    """A clock that moves on by ``step`` every time it is read, as a real clock does between two actions."""

    def __init__(self, now: dt.datetime, step: dt.timedelta = dt.timedelta(seconds=1)) -> None:
        super().__init__(now)
        self.step = step

    def __call__(self) -> dt.datetime:
        self.now += self.step
        return self.now


def open_test_store(config: Config, *, now: dt.datetime) -> Store:
    """The store of a test data folder, unlocked with the test administrator's credentials.

    A SQLite data folder without a key file gets one for the test administrator first.
    """
    if config.uses_sqlite and not keyring_path(config).exists():
        provision_test_keyring(config.data_dir)
    return open_store(config, clock=FakeClock(now), credentials=TEST_CREDENTIALS if config.uses_sqlite else None)


def open_signed_in(config: Config, clock: Clock) -> Leerwinkel:
    """The facade signed in as the test administrator on either backend (cheap argon2 for new passwords).

    SQLite: the key file's credentials open the database and sign in. PostgreSQL: the first administrator
    is created, then signs in. The caller closes it.
    """
    app = open_app(config, clock=clock, credentials=TEST_CREDENTIALS if config.uses_sqlite else None)
    try:
        app.auth.params = TEST_KDF
        if not config.uses_sqlite:
            app.auth.create_first_admin(TEST_USER, TEST_CREDENTIALS.password)
            app.auth.login(TEST_CREDENTIALS)
    except BaseException:
        app.close()
        raise
    return app


def provision_test_keyring(data_dir: Path, *, key: bytes | None = None) -> bytes:
    """Write a key file for TEST_USER (as ``leerwinkel setup`` would, before the database exists).

    The first open with TEST_CREDENTIALS creates the encrypted database and the administrator account.
    Returns the database key.
    """
    key = key or new_database_key()
    data_dir.mkdir(parents=True, exist_ok=True)
    keyring = Keyring(first_admin=TEST_USER)
    keyring.add_account(TEST_USER, TEST_PASSWORD, key, params=TEST_KDF)
    keyring.save(Config(data_dir=data_dir))
    assert keyring_path(Config(data_dir=data_dir)).is_file()
    return key


def counsellor_actor(store: Store, username: str = "test-balie") -> Actor:
    """The signed-in counsellor for service calls in tests: an account row (made once) as an Actor."""
    from sqlalchemy import select

    from leerwinkel.ids import CounsellorId
    from leerwinkel.storage.models import Counsellor

    with store.unit_of_work() as session:
        row = session.scalars(select(Counsellor).where(Counsellor.username == username)).first()
        if row is None:
            row = Counsellor(username=username, display_name="Test Balie", role="counsellor")
            session.add(row)
            session.flush()
        return Actor(CounsellorId(row.id), row.username, row.display_name, row.role)


def client_with_everything(store: Store, name: str) -> uuid.UUID:
    """An invented client with an intake, a wish, consent, a referral and a printed letter (all named ``name``)."""
    with store.unit_of_work() as session:
        client = Client(first_name=name, last_name="Proefpersoon", notes=f"{name} wil VCA halen")
        session.add(client)
        session.flush()
        intake = Intake(client_id=client.id, held_on=dt.date(2026, 3, 1), notes=f"intake met {name}")
        session.add(intake)
        session.add(LearningWish(client_id=client.id, category="vca", description=f"{name}: VCA"))
        session.add(Consent(client_id=client.id, store_data=True, given_on=dt.date(2026, 3, 1)))
        session.flush()
        referral = Referral(client_id=client.id, category="vca", referred_on=dt.date(2026, 3, 2), note=name)
        session.add(referral)
        session.flush()
        session.add(
            Letter(
                referral_id=referral.id,
                client_id=client.id,
                kind="verwijsbrief",
                produced_at=FIXED_NOW,
                sha256="0" * 64,
            )
        )
        return client.id
