"""Core fixtures: a real store on SQLite (and on PostgreSQL where a test asks for both)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from leerwinkel.app import Leerwinkel
from leerwinkel.config import Config
from leerwinkel.storage.store import Store
from tests.conftest import FIXED_NOW
from tests.factories import FakeClock, open_signed_in, open_test_store


@pytest.fixture
def config(tmp_path: Path, database_url: str | None) -> Config:
    return Config(data_dir=tmp_path / "data", database_url=database_url)


def _from_template(config: Config, request: pytest.FixtureRequest) -> None:
    """SQLite: start from a copy of the migrated template instead of migrating (tests/conftest.py)."""
    fresh = config.uses_sqlite and not config.sqlite_path.exists()
    if fresh and config.data_dir == request.getfixturevalue("tmp_path") / "data":
        request.getfixturevalue("migrated_data")


@pytest.fixture
def store(config: Config, request: pytest.FixtureRequest) -> Iterator[Store]:
    _from_template(config, request)
    store = open_test_store(config, now=FIXED_NOW)
    try:
        yield store
    finally:
        store.dispose()


@pytest.fixture
def sqlite_config(tmp_path: Path) -> Config:
    return Config(data_dir=tmp_path / "data")


@pytest.fixture
def sqlite_store(sqlite_config: Config, request: pytest.FixtureRequest) -> Iterator[Store]:
    _from_template(sqlite_config, request)
    store = open_test_store(sqlite_config, now=FIXED_NOW)
    try:
        yield store
    finally:
        store.dispose()


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty data folder and no credentials in the environment, as a newcomer has it; cheap argon2."""
    import leerwinkel.security.setup as setup_module
    from tests.factories import TEST_KDF

    monkeypatch.delenv("LEERWINKEL_USER")
    monkeypatch.delenv("LEERWINKEL_PASSWORD_FILE")
    monkeypatch.setattr(setup_module, "DEFAULT_PARAMS", TEST_KDF)
    folder = tmp_path / "fresh"
    monkeypatch.setenv("LEERWINKEL_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def clock() -> FakeClock:
    """The test's clock, at FIXED_NOW until a test moves it."""
    return FakeClock(FIXED_NOW)


@pytest.fixture
def app(config: Config, clock: FakeClock, request: pytest.FixtureRequest) -> Iterator[Leerwinkel]:
    """The facade on both backends, signed in as the test administrator (cheap argon2 for new passwords)."""
    _from_template(config, request)
    facade = open_signed_in(config, clock)
    try:
        yield facade
    finally:
        facade.close()
