"""Migration fixtures: an empty database on each backend, without the app's automatic upgrade."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from leerwinkel.app import open_store
from leerwinkel.config import Config
from leerwinkel.storage.store import Store
from tests.conftest import FIXED_NOW
from tests.factories import TEST_CREDENTIALS, FakeClock


@pytest.fixture
def empty_store(tmp_path: Path, database_url: str | None) -> Iterator[Store]:
    config = Config(data_dir=tmp_path / "data", database_url=database_url)
    store = open_store(
        config, clock=FakeClock(FIXED_NOW), upgrade=False, credentials=TEST_CREDENTIALS if config.uses_sqlite else None
    )
    try:
        yield store
    finally:
        store.dispose()
