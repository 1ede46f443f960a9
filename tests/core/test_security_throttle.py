"""The key file changes only after a committed account, and the sealed login count survives deletion and edits."""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import event, exc
from sqlalchemy.orm import Session

import leerwinkel.security.auth as auth_module
from leerwinkel.app import Leerwinkel, open_app
from leerwinkel.config import Config, keyring_path
from leerwinkel.credentials import Credentials
from leerwinkel.errors import AlreadyExistsError, AuthenticationError, StorageError
from leerwinkel.security.keyring import Keyring, login_throttle, unlock_account
from leerwinkel.security.throttle import ATTEMPTS_FILENAME, FREE_ATTEMPTS, MAX_DELAY_SECONDS, MAX_FAILURES, delay_after
from leerwinkel.storage.models import Counsellor
from tests.factories import TEST_CREDENTIALS, TEST_KDF, TEST_USER, FakeClock

WRONG = Credentials(TEST_USER, "niet-het-wachtwoord")
FREE_ATTEMPTS_USED = 2  # fewer than the free attempts: without the reset, no wait at all


@pytest.fixture
def sqlite_app(sqlite_config: Config, clock: FakeClock) -> Iterator[Leerwinkel]:
    """The facade on the encrypted SQLite file, signed in as the test administrator."""
    facade = open_app(sqlite_config, clock=clock, credentials=TEST_CREDENTIALS)
    facade.auth.params = TEST_KDF
    try:
        yield facade
    finally:
        facade.close()


def _attempts(config: Config) -> Path:
    return config.data_dir / ATTEMPTS_FILENAME


def _fail_commits(error: Exception) -> Callable[[Session], None]:
    def fail(_session: Session) -> None:
        raise error

    event.listen(Session, "before_commit", fail)
    return fail


def _disk_full() -> exc.OperationalError:
    driver_error = sqlite3.OperationalError("database or disk is full")
    driver_error.sqlite_errorcode = 13  # SQLITE_FULL, as the driver sets it
    return exc.OperationalError("COMMIT", {}, driver_error)


@pytest.mark.parametrize("how", ["commit-fails", "constraint"])
def test_a_failed_account_save_leaves_the_key_file_byte_identical(
    sqlite_app: Leerwinkel, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    admin = sqlite_app.auth.current
    sqlite_app.auth.create_account(admin, "balie", "een-goed-wachtwoord")
    keys = keyring_path(sqlite_app.config)
    before = keys.read_bytes()
    if how == "commit-fails":
        listener = _fail_commits(_disk_full())
        try:
            with pytest.raises(StorageError):
                sqlite_app.auth.create_account(admin, "onthaal", "een-goed-wachtwoord")
        finally:
            event.remove(Session, "before_commit", listener)
    else:
        # another desk saved the same name between the check and the insert: the unique key refuses it
        monkeypatch.setattr(auth_module, "_find", lambda _session, _name: None)
        with pytest.raises(AlreadyExistsError):
            sqlite_app.auth.create_account(admin, "balie", "een-ander-wachtwoord")
    assert keys.read_bytes() == before
    with sqlite_app.store.unit_of_work() as session:
        names = sorted(session.query(Counsellor.username).filter(Counsellor.password_hash.is_not(None)))
    assert [name for (name,) in names] == ["balie", TEST_USER]
    assert Keyring.load(sqlite_app.config).find("onthaal") is None
    assert Keyring.load(sqlite_app.config).unlock(Credentials("balie", "een-ander-wachtwoord")) is None


def test_the_login_count_is_sealed_with_a_key_from_the_key_file(sqlite_app: Leerwinkel) -> None:
    keyring = Keyring.load(sqlite_app.config)
    assert keyring.throttle_key is not None  # given at the first sign-in (this key file predates it)
    sqlite_app.auth.logout()
    with pytest.raises(AuthenticationError):
        sqlite_app.auth.login(WRONG)
    content = json.loads(_attempts(sqlite_app.config).read_text(encoding="utf-8"))
    assert content["format"] == 2 and len(content["mac"]) == 64
    assert TEST_USER not in json.dumps(content)  # user names are hashed


@pytest.mark.parametrize("how", ["deleted", "emptied", "edited", "garbage", "old-format"])
def test_a_reset_of_the_login_count_gives_every_name_the_longest_delay_and_is_audited(
    sqlite_app: Leerwinkel, clock: FakeClock, expected_warnings: list[logging.LogRecord], how: str
) -> None:
    config = sqlite_app.config
    sqlite_app.auth.logout()
    for _ in range(FREE_ATTEMPTS_USED):
        with pytest.raises(AuthenticationError):
            sqlite_app.auth.login(WRONG)
    attempts = _attempts(config)
    if how == "deleted":
        attempts.unlink()
    elif how == "emptied":
        attempts.write_text("", encoding="utf-8")
    elif how == "edited":
        content = json.loads(attempts.read_text(encoding="utf-8"))
        content["users"] = {}  # the failures gone, the seal kept
        attempts.write_text(json.dumps(content), encoding="utf-8")
    elif how == "garbage":
        attempts.write_bytes(b"\xff\x00not json")
    else:
        attempts.write_text("{}", encoding="utf-8")  # the unsealed format of older versions
    # before the unlock (the usual way in on SQLite): even the right password waits the longest
    with pytest.raises(AuthenticationError) as throttled:
        unlock_account(config, TEST_CREDENTIALS, now=clock())
    assert throttled.value.reason == "throttled" and throttled.value.wait_seconds == MAX_DELAY_SECONDS
    assert [r.getMessage() for r in expected_warnings] == [
        f"{ATTEMPTS_FILENAME} is missing or altered: every user name waits the longest until it signs in"
    ]
    with pytest.raises(AuthenticationError) as again:
        sqlite_app.auth.login(TEST_CREDENTIALS)  # the reset is written down sealed: one detection only
    assert again.value.reason == "throttled" and len(expected_warnings) == 1
    clock.advance(seconds=MAX_DELAY_SECONDS + 1)
    # a name that never signed in since: one more failure and it waits the longest again
    assert login_throttle(config).failed("iemand-anders", clock()) == MAX_DELAY_SECONDS
    assert sqlite_app.auth.login(TEST_CREDENTIALS).username == TEST_USER
    actions = [e.action for e in sqlite_app.audit.events(sqlite_app.auth.current)]
    assert actions.count("login.reset") == 1
    # the account that signed in counts from zero again; the other name still waits
    sqlite_app.auth.logout()
    with pytest.raises(AuthenticationError) as fresh:
        sqlite_app.auth.login(WRONG)
    assert fresh.value.wait_seconds == 0
    with pytest.raises(AuthenticationError):
        login_throttle(config).check("iemand-anders", clock())
    assert len(expected_warnings) == 1


def test_a_key_file_from_before_the_seal_gets_one_and_keeps_the_count(sqlite_config: Config, clock: FakeClock) -> None:
    open_app(sqlite_config, clock=clock, credentials=TEST_CREDENTIALS).close()  # the database exists
    keyring = Keyring.load(sqlite_config)
    keyring.throttle_key = None
    keyring.save(sqlite_config)
    _attempts(sqlite_config).unlink(missing_ok=True)
    unsealed = login_throttle(sqlite_config)
    assert unsealed.key is None
    for _ in range(MAX_FAILURES):
        unsealed.failed("iemand-anders", clock())
    # without a seal a deleted file cannot be noticed (what an upgrade starts from)
    _attempts(sqlite_config).unlink()
    unsealed.check("iemand-anders", clock())
    for _ in range(FREE_ATTEMPTS):
        unsealed.failed("iemand-anders", clock())
    app = open_app(sqlite_config, clock=clock, credentials=TEST_CREDENTIALS)
    try:
        sealed = login_throttle(sqlite_config)
        assert sealed.key is not None and sealed.key == Keyring.load(sqlite_config).throttle_key
        assert "mac" in json.loads(_attempts(sqlite_config).read_text(encoding="utf-8"))
        assert (
            sealed.failed("iemand-anders", clock()) == delay_after(FREE_ATTEMPTS + 1) > 0
        )  # the count it had, now sealed
    finally:
        app.close()


def test_setup_writes_the_sealed_count_before_the_key_file(fresh: Path, clock: FakeClock) -> None:
    from leerwinkel.security.setup import setup_installation

    config = Config(data_dir=fresh)
    setup_installation(config, TEST_USER, TEST_CREDENTIALS.password, clock=clock, params=TEST_KDF)
    throttle = login_throttle(config)
    assert throttle.key is not None and throttle.key == Keyring.load(config).throttle_key
    assert throttle.failed(TEST_USER, clock()) == 0  # a sealed, empty count: no reset detected


def test_the_audit_trail_keeps_the_count_when_the_file_is_deleted_on_both_backends(
    app: Leerwinkel, clock: FakeClock, expected_warnings: list[logging.LogRecord]
) -> None:
    app.auth.logout()
    for _ in range(FREE_ATTEMPTS):
        with pytest.raises(AuthenticationError):
            app.auth.login(WRONG)
    _attempts(app.config).unlink()  # PostgreSQL: an unsealed file, so only the database still counts
    with pytest.raises(AuthenticationError) as throttled:
        app.auth.login(TEST_CREDENTIALS)
    assert throttled.value.reason == "throttled" and throttled.value.wait_seconds > 0
    clock.advance(seconds=MAX_DELAY_SECONDS + 1)
    with pytest.raises(AuthenticationError) as sixth:
        app.auth.login(WRONG)
    assert sixth.value.wait_seconds >= delay_after(FREE_ATTEMPTS + 1)
    clock.advance(seconds=MAX_DELAY_SECONDS + 1)
    assert app.auth.login(TEST_CREDENTIALS).username == TEST_USER
    app.auth.logout()
    with pytest.raises(AuthenticationError) as fresh:  # the sign-in ended the audit trail's count too
        app.auth.login(WRONG)
    assert fresh.value.wait_seconds == 0
    # SQLite noticed the deleted (sealed) file; PostgreSQL has no seal and logs nothing
    assert len(expected_warnings) == (1 if app.config.uses_sqlite else 0)
