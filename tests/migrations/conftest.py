"""Migration fixtures: an empty database on each backend, without the app's automatic upgrade."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from leerwinkel.config import Config
from leerwinkel.storage.store import Store, open_database
from tests.conftest import FIXED_NOW
from tests.factories import FakeClock


@pytest.fixture
def empty_store(tmp_path: Path, database_url: str | None) -> Iterator[Store]:
    store = open_database(
        Config(data_dir=tmp_path / "data", database_url=database_url), device_id="test", clock=FakeClock(FIXED_NOW)
    )
    try:
        yield store
    finally:
        store.dispose()
