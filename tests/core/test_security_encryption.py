"""Encryption at rest: the SQLite file is SQLCipher, keyed per account, and plain files are refused."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from leerwinkel.app import open_app
from leerwinkel.config import Config
from leerwinkel.credentials import Credentials
from leerwinkel.errors import AuthenticationError, StorageError, StorageProblem
from leerwinkel.messages import describe
from leerwinkel.security.keyring import Keyring
from leerwinkel.storage.models import Client
from leerwinkel.storage.store import SQLITE_HEADER, Store, open_database
from tests.conftest import FIXED_NOW
from tests.factories import TEST_CREDENTIALS, TEST_USER, FakeClock


def test_database_file_is_encrypted_and_keeps_wal_fts_and_foreign_keys(sqlite_store: Store) -> None:
    with sqlite_store.unit_of_work() as session:
        session.add(Client(first_name="Quirijntje-Versleuteld"))
    with sqlite_store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA cipher_version").scalar()
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
        connection.exec_driver_sql("CREATE VIRTUAL TABLE fts_probe USING fts5(body)")
        connection.exec_driver_sql("INSERT INTO fts_probe(body) VALUES ('leerwens vca')")
        assert connection.exec_driver_sql("SELECT count(*) FROM fts_probe WHERE fts_probe MATCH 'vca'").scalar() == 1
        connection.commit()
    path = Path(sqlite_store.location)
    assert path.read_bytes()[:16] != SQLITE_HEADER
    for file in path.parent.glob("leerwinkel.sqlite3*"):
        assert b"Quirijntje" not in file.read_bytes()
    with pytest.raises(sqlite3.DatabaseError):  # plain SQLite cannot read it
        sqlite3.connect(path).execute("SELECT count(*) FROM sqlite_master").fetchall()


def test_wrong_password_and_missing_credentials_are_refused(sqlite_config: Config) -> None:
    open_app(sqlite_config, clock=FakeClock(FIXED_NOW), credentials=TEST_CREDENTIALS).close()
    with pytest.raises(AuthenticationError) as caught:
        open_app(sqlite_config, clock=FakeClock(FIXED_NOW), credentials=Credentials(TEST_USER, "fout-wachtwoord"))
    assert caught.value.reason == "bad-credentials"
    with pytest.raises(AuthenticationError) as missing:
        open_database(sqlite_config, device_id="desk-test", key=None)
    assert "--user" in describe(missing.value)


def test_plain_sqlite_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    config = Config(data_dir=tmp_path / "data")
    config.data_dir.mkdir(parents=True, exist_ok=True)
    plain = sqlite3.connect(config.sqlite_path)
    plain.execute("CREATE TABLE t (x)")
    plain.commit()
    plain.close()
    before = config.sqlite_path.read_bytes()
    with pytest.raises(StorageError) as caught:
        open_app(config, credentials=TEST_CREDENTIALS, clock=FakeClock(FIXED_NOW))
    assert caught.value.problem is StorageProblem.NOT_ENCRYPTED
    assert config.sqlite_path.read_bytes() == before


def test_plain_sqlite_module_is_refused_because_cipher_version_is_silent(monkeypatch: pytest.MonkeyPatch) -> None:
    import leerwinkel.storage.store as store_module

    monkeypatch.setattr(store_module, "sqlcipher_module", lambda: sqlite3)
    with pytest.raises(StorageError) as caught:
        open_app(Config(data_dir=Path(str(store_module.os.environ["LEERWINKEL_DATA_DIR"]))), clock=FakeClock(FIXED_NOW))
    assert caught.value.problem is StorageProblem.NOT_ENCRYPTED


def test_each_account_and_the_recovery_key_unwrap_the_same_key(sqlite_config: Config) -> None:
    from leerwinkel.security.crypto import new_recovery_key
    from tests.factories import TEST_KDF

    app = open_app(sqlite_config, clock=FakeClock(FIXED_NOW), credentials=TEST_CREDENTIALS)
    try:
        key = app.store.database_key
        assert key is not None
        app.auth.params = TEST_KDF
        app.auth.create_account(app.auth.current, "balie2", "tweede-wachtwoord", role="counsellor")
    finally:
        app.close()
    keyring = Keyring.load(sqlite_config)
    assert keyring.unlock(Credentials("balie2", "tweede-wachtwoord")) == key
    assert keyring.unlock(Credentials("BALIE2", "tweede-wachtwoord")) == key
    assert keyring.unlock(Credentials("balie2", "fout")) is None
    recovery = new_recovery_key()
    keyring.set_recovery(recovery, key, params=TEST_KDF)
    assert keyring.unlock_with_recovery(recovery.lower().replace("-", " ")) == key
    raw = (sqlite_config.data_dir / "keys.json").read_text()
    assert key.hex() not in raw and "tweede-wachtwoord" not in raw
    again = open_app(sqlite_config, clock=FakeClock(FIXED_NOW), credentials=Credentials("balie2", "tweede-wachtwoord"))
    try:
        assert again.auth.current is not None and again.auth.current.role == "counsellor"
        with again.store.unit_of_work() as session:
            assert session.execute(text("SELECT count(*) FROM counsellors")).scalar() == 2
    finally:
        again.close()
