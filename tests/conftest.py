"""Shared fixtures: every app folder under tmp_path, a log that fails a test on warnings, and the backends."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.logfail import _log_collector, expected_warnings  # noqa: F401 - fixtures of every test
from tests.pgserver import PostgresServer, start_server

FIXED_NOW = dt.datetime(2026, 3, 16, 9, 30, tzinfo=dt.UTC)


@pytest.fixture(scope="session")
def _test_password_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.factories import TEST_PASSWORD

    path = tmp_path_factory.mktemp("secrets") / "test-password.txt"
    path.write_text(TEST_PASSWORD + "\n", encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def _isolated_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, _test_password_file: Path) -> None:
    """No test touches a real user folder or a real database server.

    The data folder is set up for the test administrator (tests/factories.py), and
    LEERWINKEL_USER / LEERWINKEL_PASSWORD_FILE sign every command in, as a scripted install would:
    the SQLite database is encrypted in every test.
    """
    import leerwinkel.security.crypto as crypto
    from tests.factories import TEST_KDF, TEST_USER, provision_test_keyring

    # cheap argon2id for every key the tests make (the parameters travel with each key, so this is safe)
    monkeypatch.setattr(crypto, "TARGET_PARAMS", TEST_KDF)
    monkeypatch.setenv("LEERWINKEL_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("LEERWINKEL_DATABASE_URL", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home" / ".local" / "share"))
    provision_test_keyring(tmp_path / "data")
    monkeypatch.setenv("LEERWINKEL_USER", TEST_USER)
    monkeypatch.setenv("LEERWINKEL_PASSWORD_FILE", str(_test_password_file))
    # Dutch, the source language, whatever the developer's system language is; a test of another language
    # sets it itself, and the core's active language goes back to Dutch after it.
    monkeypatch.setenv("LEERWINKEL_LANGUAGE", "nl")


@pytest.fixture(scope="session")
def _migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A test data folder whose encrypted SQLite database is migrated to head, built once per session.

    It holds what the first ``open_store`` of a test folder leaves before anybody signs in: keys.json for
    the test administrator and the database with the schema and the rows the migrations seed. Those
    rows carry no device id, clock reading or random value (the seeding migrations use fixed ones), so a
    copy is the same as a fresh migration; the device id is left out (each copy gets its own). Tests
    never open the template itself: they get a copy through ``migrated_data``.
    """
    from leerwinkel.config import Config
    from tests.factories import open_test_store, provision_test_keyring

    folder = tmp_path_factory.mktemp("migrated-template") / "data"
    provision_test_keyring(folder)
    open_test_store(Config(data_dir=folder), now=FIXED_NOW).dispose()
    return folder


@pytest.fixture
def migrated_data(tmp_path: Path, _migrated_template: Path, _isolated_folders: None) -> Path:
    """The test's data folder (tmp_path/data) with a copy of the migrated template database and its keys.json.

    Saves each test the migrations (most of the set-up of a store or app fixture). Do not ask for it in a
    test that checks what a first open does: that one needs an empty folder.
    """
    from leerwinkel.config import KEYRING_FILENAME, SQLITE_FILENAME

    folder = tmp_path / "data"
    assert not (folder / SQLITE_FILENAME).exists(), "migrated_data needs a folder without a database"
    folder.mkdir(parents=True, exist_ok=True)
    copied = [path for path in _migrated_template.iterdir() if path.name.startswith(SQLITE_FILENAME)]
    for source in [_migrated_template / KEYRING_FILENAME, *copied]:
        shutil.copy2(source, folder / source.name)  # mode 600 kept
    return folder


@pytest.fixture(autouse=True)
def _dutch_after_each_test() -> Iterator[None]:
    from leerwinkel import i18n

    yield
    if i18n.current_language() != i18n.SOURCE_LANGUAGE:
        i18n.activate(i18n.SOURCE_LANGUAGE)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    server = start_server()
    if server is None:
        message = (
            "NO POSTGRESQL SERVER BINARIES (initdb/pg_ctl) FOUND: the PostgreSQL tests are SKIPPED. "
            "Install them with 'apt-get install postgresql' (CI does)."
        )
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str | None:
    """None for the default SQLite file in the data folder, or the URL of a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return None
    server: PostgresServer = request.getfixturevalue("postgres_server")
    return server.create_database()
