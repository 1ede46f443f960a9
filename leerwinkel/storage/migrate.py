"""Schema migrations with Alembic: shipped in the package, applied at start and by ``db upgrade``.

Alembic is imported only where it is used: opening a database that is already at the head needs
only :mod:`leerwinkel.storage.revisions` (about 15 MiB less in every signed-in window).
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection

from leerwinkel.errors import StorageError, StorageProblem
from leerwinkel.storage import clientsearch
from leerwinkel.storage.errors import storage_error_from
from leerwinkel.storage.revisions import head_of_files, stored_revision
from leerwinkel.storage.store import Store

if TYPE_CHECKING:
    from alembic.config import Config as AlembicConfig
    from alembic.script import ScriptDirectory

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


@dataclass(frozen=True)
class UpgradeResult:
    before: str | None
    after: str
    backup: Path | None

    @property
    def changed(self) -> bool:
        return self.before != self.after


def alembic_config(connection: Connection | None = None) -> AlembicConfig:
    from alembic.config import Config as AlembicConfig

    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("file_template", "%%(year)d%%(month).2d%%(day).2d_%%(hour).2d%%(minute).2d_%%(slug)s")
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def script_directory() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = script_directory().get_current_head()
    if head is None:
        raise RuntimeError("no migrations found")
    return head


def current_revision(store: Store) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with store.engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def is_known_revision(revision: str) -> bool:
    return any(script.revision == revision for script in script_directory().walk_revisions())


def _backup_sqlite(store: Store, backup_dir: Path, revision: str, now: dt.datetime) -> Path:
    """Copy the SQLite file (consistently, WAL included) before an upgrade touches it."""
    from leerwinkel.fileio import secure_dir

    secure_dir(backup_dir)
    stamp = now.strftime("%Y%m%dT%H%M%SZ")
    target = backup_dir / f"before-upgrade-{revision}-{stamp}.sqlite3"
    partial = target.with_suffix(".partial")
    try:
        store.copy_sqlite(partial)  # encrypted with the same key as the database
        partial.replace(target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return target


def upgrade(store: Store, *, backup_dir: Path | None = None, revision: str = "heads") -> UpgradeResult:
    """Bring the database to ``revision`` (head by default).

    Refuses a database made by a newer version of the app (StorageError TOO_NEW) and leaves it
    untouched. Before upgrading an existing SQLite database, a copy is kept in ``backup_dir``.
    """
    head = head_of_files() if revision == "heads" else None
    if head is not None:  # the usual start: already at the head, and Alembic is not even imported
        with store.engine.connect() as connection:
            if stored_revision(connection) == head:
                return UpgradeResult(head, head, None)
    from alembic import command

    before = current_revision(store)
    if before is not None and not is_known_revision(before):
        raise StorageError(StorageProblem.TOO_NEW, location=store.location, detail=before)
    head = head_revision()
    if before == head:
        return UpgradeResult(before, head, None)
    backup: Path | None = None
    try:
        if before is not None and backup_dir is not None and store.dialect == "sqlite":
            backup = _backup_sqlite(store, backup_dir, before, store.now())
            log.info("backup before upgrade from %s: %s", before, backup.name)
        with store.engine.begin() as connection:
            command.upgrade(alembic_config(connection), revision)
            clientsearch.rebuild(connection)  # a revision may have copied the clients table (new rowids)
    except StorageError:
        raise
    except Exception as error:
        translated = storage_error_from(error, location=store.location)
        if translated is not None:
            raise translated from error
        raise
    after = current_revision(store) or head
    log.info("database upgraded from %s to %s", before, after)
    return UpgradeResult(before, after, backup)


def downgrade(store: Store, revision: str) -> None:
    from alembic import command

    with store.engine.begin() as connection:
        command.downgrade(alembic_config(connection), revision)
