"""Revocation: disabling an account or changing a password gives the database a new key (SQLite)."""

from __future__ import annotations

import dataclasses
import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from leerwinkel.app import Leerwinkel, open_app
from leerwinkel.backup import file_key, verify_backup
from leerwinkel.config import Config, keyring_path
from leerwinkel.credentials import Credentials
from leerwinkel.errors import AuthenticationError
from leerwinkel.security.crypto import KdfParams, WrappedKey, wrap_key
from leerwinkel.security.keyring import Keyring
from leerwinkel.security.setup import recover_account
from leerwinkel.storage.store import connect_sqlite_file
from tests.conftest import FIXED_NOW
from tests.factories import TEST_CREDENTIALS, TEST_KDF, TEST_USER, FakeClock

LIEN = Credentials("lien", "lien-wachtwoord-1")
BEHEER = Credentials("beheer2", "beheer2-wachtwoord")


@pytest.fixture
def app(sqlite_config: Config, migrated_data: Path) -> Iterator[Leerwinkel]:
    facade = open_app(sqlite_config, clock=FakeClock(FIXED_NOW), credentials=TEST_CREDENTIALS)
    try:
        yield facade
    finally:
        facade.close()


def _opens(path: Path, key: bytes | None) -> bool:
    if key is None:
        return False
    connection = connect_sqlite_file(path, key)
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except Exception:
        return False
    finally:
        connection.close()


def _next_day(app: Leerwinkel) -> None:
    clock = app.store.clock
    assert isinstance(clock, FakeClock)
    clock.advance(days=1)  # rotation keeps one backup a day


def _old_copy(config: Config) -> Keyring:
    """What someone who copied keys.json (or an old backup of it) keeps."""
    return Keyring.load(config)


def test_a_disabled_counsellor_opens_neither_the_database_nor_a_new_backup(app: Leerwinkel) -> None:
    config = app.config
    app.auth.create_account(app.auth.current, LIEN.username, LIEN.password)
    before = app.backups.create(app.auth.current)
    copied = _old_copy(config)
    old_key = copied.unlock(LIEN)
    assert old_key is not None and _opens(config.sqlite_path, old_key)
    app.auth.set_active(app.auth.current, LIEN.username, False)
    _next_day(app)
    after = app.backups.create(app.auth.current)
    assert not _opens(config.sqlite_path, old_key)  # the live database has a new key
    assert Keyring.load(config).unlock(LIEN) is None  # no copy for her in the key file
    assert not _opens(after.path, old_key) and not verify_backup(after.path, old_key).ok
    assert not verify_backup(before.path, old_key).ok  # a counsellor never held the backup key
    assert [c.ok for c in app.backups.verify()] == [True, True]  # the administrator still opens both
    with pytest.raises(AuthenticationError):
        open_app(dataclasses.replace(config, credentials=LIEN))
    assert "key.rotate" in {e.action for e in app.audit.events(app.auth.current)}


def test_a_disabled_administrator_loses_the_backup_key_and_old_backups_are_reencrypted(app: Leerwinkel) -> None:
    config = app.config
    app.auth.create_account(app.auth.current, BEHEER.username, BEHEER.password, role="admin")
    older = app.backups.create(app.auth.current)
    copied = _old_copy(config)
    stolen = copied.unlock_account(BEHEER)
    assert stolen is not None and stolen.backup_private is not None
    assert file_key(older.path, database_key=None, backup_private=stolen.backup_private) is not None
    sidecar_before = (older.path.parent / (older.path.name + ".key")).read_bytes()
    app.auth.set_active(app.auth.current, BEHEER.username, False)
    assert app.auth.last_rotation is not None and app.auth.last_rotation.backups_reencrypted >= 1
    _next_day(app)
    newer = app.backups.create(app.auth.current)
    for backup in (older.path, newer.path):
        # neither the stolen backup key, nor the old database key, nor the old file key opens them
        assert file_key(backup, database_key=None, backup_private=stolen.backup_private) is None
        assert not _opens(backup, stolen.database_key)
    old_file_key = file_key(older.path, database_key=None, backup_private=stolen.backup_private)
    assert old_file_key is None
    assert (older.path.parent / (older.path.name + ".key")).read_bytes() != sidecar_before
    assert [c.ok for c in app.backups.verify()] == [True, True]


def test_a_replaced_password_opens_nothing_and_the_new_one_works(app: Leerwinkel) -> None:
    config = app.config
    app.auth.create_account(app.auth.current, LIEN.username, LIEN.password)
    copied = _old_copy(config)
    app.auth.change_password(app.auth.current, LIEN.username, "nieuw-wachtwoord-2")
    old_key = copied.unlock(LIEN)
    assert old_key is not None and not _opens(config.sqlite_path, old_key)
    assert Keyring.load(config).unlock(LIEN) is None
    new = Credentials(LIEN.username, "nieuw-wachtwoord-2")
    other = open_app(dataclasses.replace(config, credentials=new))
    try:
        assert other.auth.current is not None and other.auth.current.username == "lien"
    finally:
        other.close()


def test_own_password_change_keeps_the_session_working(app: Leerwinkel) -> None:
    config = app.config
    app.auth.change_password(app.auth.current, TEST_USER, "ander-wachtwoord-3")
    info = app.backups.create(app.auth.current)  # the session's keys follow the rotation
    assert [c.ok for c in app.backups.verify(info.path)] == [True]
    assert Keyring.load(config).unlock(TEST_CREDENTIALS) is None


def test_recovery_rotates_too(sqlite_config: Config, tmp_path: Path) -> None:
    from leerwinkel.security.setup import setup_installation

    config = Config(data_dir=tmp_path / "nieuw")
    result = setup_installation(config, "hoofd", "hoofd-wachtwoord-1")
    assert result.recovery_key
    copied = Keyring.load(config)
    old_key = copied.unlock(Credentials("hoofd", "hoofd-wachtwoord-1"))
    recover_account(config, result.recovery_key, "hoofd", "hersteld-wachtwoord-1")
    assert not _opens(config.sqlite_path, old_key)
    app = open_app(dataclasses.replace(config, credentials=Credentials("hoofd", "hersteld-wachtwoord-1")))
    try:
        assert app.auth.current is not None and app.auth.current.is_admin
        assert [c.ok for c in app.backups.verify()] == []
        app.backups.create(app.auth.current)
        assert [c.ok for c in app.backups.verify()] == [True]
    finally:
        app.close()
    # the recovery key still works after the rotation
    recover_account(config, result.recovery_key, "hoofd", "nog-een-wachtwoord")


def test_a_format_1_key_file_migrates_at_the_next_sign_in(sqlite_config: Config) -> None:
    config = sqlite_config
    first = open_app(config, credentials=TEST_CREDENTIALS)
    key = first.store.database_key
    first.close()
    assert key is not None
    old = {
        "format": 1,
        "first_admin": TEST_USER,
        "accounts": {TEST_USER: wrap_key(key, TEST_CREDENTIALS.password, label=TEST_USER, params=TEST_KDF).to_dict()},
        "recovery": None,
    }
    keyring_path(config).write_text(json.dumps(old), encoding="utf-8")
    app = open_app(config, credentials=TEST_CREDENTIALS)
    try:
        data = json.loads(keyring_path(config).read_text(encoding="utf-8"))
        assert data["format"] == 2 and data["accounts"][TEST_USER]["format"] == 2
        assert "wrapped" not in json.dumps(data)
        assert data["backup_public"] and data["pinned_admin_key"]
        app.backups.create(app.auth.current)
        assert [c.ok for c in app.backups.verify()] == [True]
    finally:
        app.close()
    again = open_app(config, credentials=TEST_CREDENTIALS)
    again.close()


def test_weak_parameters_are_upgraded_at_sign_in(sqlite_config: Config, monkeypatch: pytest.MonkeyPatch) -> None:
    import leerwinkel.security.crypto as crypto

    stronger = KdfParams(time_cost=2, memory_cost=512, parallelism=1)
    monkeypatch.setattr(crypto, "TARGET_PARAMS", stronger)
    app = open_app(sqlite_config, credentials=TEST_CREDENTIALS)
    app.close()
    entry = Keyring.load(sqlite_config).accounts[TEST_USER]
    assert not isinstance(entry, WrappedKey) and entry.params == stronger


def test_changed_parameters_do_not_decrypt(sqlite_config: Config) -> None:
    app = open_app(sqlite_config, credentials=TEST_CREDENTIALS)
    app.close()
    path = keyring_path(sqlite_config)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["accounts"][TEST_USER]["params"]["time_cost"] = 2  # in bounds, but bound as associated data
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(AuthenticationError) as caught:
        open_app(sqlite_config, credentials=TEST_CREDENTIALS)
    assert caught.value.reason == "bad-credentials"


def test_a_crash_between_rekey_and_key_file_is_finished_at_the_next_open(
    expected_warnings: list[logging.LogRecord], app: Leerwinkel, monkeypatch: pytest.MonkeyPatch
) -> None:
    import leerwinkel.security.rotation as rotation

    config = app.config
    app.auth.create_account(app.auth.current, LIEN.username, LIEN.password)
    from leerwinkel.storage.store import Store

    real_rekey = Store.rekey

    def rekey_then_power_cut(self: Store, new_key: bytes) -> None:
        real_rekey(self, new_key)
        raise OSError("power cut")  # after the database has its new key, before keys.json has it

    monkeypatch.setattr(Store, "rekey", rekey_then_power_cut)
    with pytest.raises(OSError):
        app.auth.set_active(app.auth.current, LIEN.username, False)
    monkeypatch.setattr(Store, "rekey", real_rekey)
    assert rotation.pending_path(config).exists()
    from leerwinkel.errors import StorageError

    with pytest.raises((AuthenticationError, StorageError)):
        open_app(config, credentials=LIEN)  # her old copy does not open the re-keyed database
    assert rotation.pending_path(config).exists()
    app.store.dispose()
    again = open_app(config, credentials=TEST_CREDENTIALS)
    try:
        assert again.auth.current is not None
        assert not rotation.pending_path(config).exists()
        assert Keyring.load(config).unlock(LIEN) is None
    finally:
        again.close()
    assert expected_warnings and all(
        "finished after an interruption" in record.getMessage() for record in expected_warnings
    )
