"""Migrations: one head, models match head exactly, down and up again, a newer schema is refused."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from leerwinkel.app import open_store
from leerwinkel.config import Config
from leerwinkel.errors import StorageError, StorageProblem
from leerwinkel.messages import describe
from leerwinkel.storage import clientsearch, migrate, revisions
from leerwinkel.storage.models import Base
from leerwinkel.storage.store import Store, open_database
from tests.factories import TEST_CREDENTIALS, open_test_store
from tests.helpers import ROOT, sha256_of

VERSIONS = migrate.MIGRATIONS_DIR / "versions"


def _open(config: Config) -> Store:
    """The test data folder's encrypted SQLite database, without the automatic upgrade."""
    return open_store(config, upgrade=False, credentials=TEST_CREDENTIALS)


def test_single_head() -> None:
    assert len(migrate.script_directory().get_heads()) == 1


def test_the_head_read_from_the_files_is_alembics_head(tmp_path: Path) -> None:
    """Opening a database at the head skips Alembic: the light reader must agree with it, also on a branch."""
    assert revisions.head_of_files() == migrate.head_revision()
    (tmp_path / "a.py").write_text('revision = "a"\ndown_revision = None\n', encoding="utf-8")
    (tmp_path / "b.py").write_text('revision: str = "b"\ndown_revision: str | None = "a"\n', encoding="utf-8")
    assert revisions.head_of_files(tmp_path) == "b"
    (tmp_path / "c.py").write_text('revision = "c"\ndown_revision = "a"\n', encoding="utf-8")
    assert revisions.head_of_files(tmp_path) is None  # two heads: Alembic decides


def test_opening_a_database_at_the_head_does_not_import_alembic(tmp_path: Path) -> None:
    """The usual start-up compares two strings (benchmarks/memory.py: Alembic and Mako are 15 MiB)."""
    now = dt.datetime(2026, 3, 16, tzinfo=dt.UTC)
    open_test_store(Config(data_dir=tmp_path), now=now).dispose()  # made and migrated to the head here
    script = (
        "import datetime as dt, sys\n"
        "from pathlib import Path\n"
        "from leerwinkel.config import Config\n"
        "from tests.factories import open_test_store\n"
        "store = open_test_store(Config(data_dir=Path(sys.argv[1])), now=dt.datetime(2026, 3, 16, tzinfo=dt.UTC))\n"
        "print(store.dialect, 'alembic' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path)], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert done.stdout.split() == ["sqlite", "False"], done.stdout + done.stderr


def test_revision_files_are_named_in_order() -> None:
    names = sorted(p.name for p in VERSIONS.glob("*.py"))
    assert names, "no migrations"
    assert all(re.match(r"^\d{8}_\d{4}_[a-z0-9_]+\.py$", n) for n in names), names


def test_empty_database_upgraded_to_head_matches_models(empty_store: Store) -> None:
    result = migrate.upgrade(empty_store)
    assert result.before is None and result.after == migrate.head_revision()
    with empty_store.engine.connect() as connection:
        opts = {"compare_type": True, "include_name": clientsearch.include_name}
        context = MigrationContext.configure(connection, opts=opts)
        assert compare_metadata(context, Base.metadata) == []


def test_constraints_are_named(empty_store: Store) -> None:
    migrate.upgrade(empty_store)
    inspector = inspect(empty_store.engine)
    for table in Base.metadata.tables:
        for fk in inspector.get_foreign_keys(table):
            assert fk["name"] and fk["name"].startswith("fk_"), (table, fk)
        for unique in inspector.get_unique_constraints(table):
            assert unique["name"] and unique["name"].startswith("uq_"), (table, unique)


def test_stairway_down_to_base_and_up_again(empty_store: Store) -> None:
    revisions = [s.revision for s in migrate.script_directory().walk_revisions()]  # head first
    migrate.upgrade(empty_store)
    for index, _revision in enumerate(revisions):
        target = revisions[index + 1] if index + 1 < len(revisions) else "base"
        migrate.downgrade(empty_store, target)
        assert migrate.current_revision(empty_store) == (None if target == "base" else target)
    assert set(inspect(empty_store.engine).get_table_names()) <= {"alembic_version"}
    migrate.upgrade(empty_store)
    assert migrate.current_revision(empty_store) == migrate.head_revision()


def test_newer_schema_is_refused_and_left_untouched(tmp_path: Path) -> None:
    config = Config(data_dir=tmp_path / "data")
    store = _open(config)
    migrate.upgrade(store)
    with store.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    store.dispose()
    before = sha256_of(config.sqlite_path)

    store = _open(config)
    with pytest.raises(StorageError) as caught:
        migrate.upgrade(store, backup_dir=config.backup_dir)
    store.dispose()
    assert caught.value.problem is StorageProblem.TOO_NEW
    assert "nieuwere versie" in describe(caught.value)
    assert sha256_of(config.sqlite_path) == before
    assert not config.backup_dir.exists()


def test_upgrade_of_existing_sqlite_keeps_a_copy_first(tmp_path: Path) -> None:
    config = Config(data_dir=tmp_path / "data")
    store = _open(config)
    first = [s.revision for s in migrate.script_directory().walk_revisions()][-1]
    migrate.upgrade(store, revision=first)
    result = migrate.upgrade(store, backup_dir=config.backup_dir)
    store.dispose()
    assert result.before == first and result.after == migrate.head_revision()
    assert result.backup is not None and result.backup.exists()
    assert not result.backup.read_bytes().startswith(b"SQLite format 3\x00")  # encrypted like the original
    copy = open_database(
        Config(data_dir=result.backup.parent, database_url=f"sqlite:///{result.backup}"),
        device_id="test",
        key=store.database_key,
    )
    assert migrate.current_revision(copy) == first
    copy.dispose()
