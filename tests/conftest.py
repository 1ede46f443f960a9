"""Shared fixtures: every app folder under tmp_path, a log that fails a test on warnings, and the backends."""

from __future__ import annotations

import datetime as dt
import os
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
