"""The store: the only place that creates engines and sessions (one unit of work per user action)."""

from __future__ import annotations

import datetime as dt
import logging
import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from leerwinkel.config import Config
from leerwinkel.errors import ConflictError, LeerwinkelError, StorageError, StorageProblem
from leerwinkel.storage.errors import storage_error_from
from leerwinkel.storage.models import Record

log = logging.getLogger(__name__)

Clock = Callable[[], dt.datetime]

SQLITE_HEADER = b"SQLite format 3\x00"
BOOKKEEPING_COLUMNS = frozenset({"id", "created_at", "updated_at", "updated_by_device", "version"})


def system_clock() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def display_url(url: str) -> str:
    """The database URL with any password hidden."""
    return make_url(url).render_as_string(hide_password=True)


@dataclass
class _Loaded:
    """What one session loaded of a record it is about to update, to explain a conflict."""

    cls: type[Record]
    record_id: uuid.UUID
    original: dict[str, Any] = field(default_factory=dict)


class Store:
    """Owns the engine and the session factory; services receive it and open units of work.

    Do not keep a session beyond a unit of work, and do not hand ORM objects to the UI: services
    convert them to frozen dataclasses before the unit of work ends.
    """

    def __init__(self, engine: Engine, *, device_id: str, clock: Clock = system_clock, location: str = "") -> None:
        self.engine = engine
        self.device_id = device_id
        self.clock = clock
        self.location = location
        self._sessions = sessionmaker(bind=engine, expire_on_commit=False, autoflush=True)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def url(self) -> str:
        return display_url(self.engine.url.render_as_string(hide_password=False))

    def now(self) -> dt.datetime:
        return self.clock()

    def session(self) -> Session:
        """A bare session, for tests and migrations; services use :meth:`unit_of_work`."""
        session = self._sessions()
        self._watch(session)
        return session

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """One transaction: commit when the block ends, roll back on any error.

        Errors leave as our own types: a lost update becomes ConflictError, an environment problem
        (disk full, read-only, locked) becomes StorageError.
        """
        session = self.session()
        try:
            yield session
            session.commit()
        except StaleDataError as error:
            conflict = self._explain_conflict(session)
            session.rollback()
            raise conflict from error
        except LeerwinkelError:
            session.rollback()
            raise
        except Exception as error:
            if _is_stale_snapshot(error):
                # SQLite refuses to write from a read snapshot that another desk has overtaken
                # (SQLITE_BUSY_SNAPSHOT): the same lost-update conflict as a stale version.
                conflict = self._explain_conflict(session)
                session.rollback()
                raise conflict from error
            session.rollback()
            translated = storage_error_from(error, location=self.location)
            if translated is not None:
                raise translated from error
            raise
        finally:
            session.close()

    def dispose(self) -> None:
        self.engine.dispose()

    # -- bookkeeping on every flush -------------------------------------------------------------

    def _watch(self, session: Session) -> None:
        loaded: list[_Loaded] = []
        session.info["loaded"] = loaded

        @event.listens_for(session, "before_flush")
        def _stamp(session: Session, _context: object, _instances: object) -> None:
            now = self.clock()
            for obj in session.new:
                if isinstance(obj, Record):
                    obj.created_at = obj.created_at or now
                    obj.updated_at = now
                    obj.updated_by_device = self.device_id
            for obj in session.dirty:
                if isinstance(obj, Record) and session.is_modified(obj, include_collections=False):
                    loaded.append(_snapshot(obj))
                    obj.updated_at = now
                    obj.updated_by_device = self.device_id
            for obj in session.deleted:
                if isinstance(obj, Record):
                    loaded.append(_snapshot(obj))

    def _explain_conflict(self, session: Session) -> ConflictError:
        """Compare what this session loaded with what is stored now, to say what changed."""
        snapshots: list[_Loaded] = session.info.get("loaded", [])
        with self._sessions() as fresh:
            for snap in reversed(snapshots):
                current = fresh.get(snap.cls, snap.record_id)
                entity = snap.cls.__tablename__
                if current is None:
                    return ConflictError(entity, snap.record_id, ["deleted"])
                if current.version != snap.original.get("version"):
                    changed = [
                        key
                        for key, value in snap.original.items()
                        if key not in BOOKKEEPING_COLUMNS and getattr(current, key) != value
                    ]
                    return ConflictError(entity, snap.record_id, changed)
        first = snapshots[0] if snapshots else None
        return ConflictError(first.cls.__tablename__ if first else "record", first.record_id if first else "", [])


def _is_stale_snapshot(error: BaseException) -> bool:
    orig = getattr(error, "orig", None)
    return getattr(orig, "sqlite_errorcode", None) == 517  # SQLITE_BUSY_SNAPSHOT


def _snapshot(obj: Record) -> _Loaded:
    state = inspect(obj)
    original: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        key = attr.key
        history = state.attrs[key].history
        if history.deleted:
            original[key] = history.deleted[0]
        elif history.unchanged:
            original[key] = history.unchanged[0]
        else:
            original[key] = getattr(obj, key)
    return _Loaded(cls=type(obj), record_id=obj.id, original=original)


# -- opening the database ------------------------------------------------------------------------


def _sqlite_pragmas(dbapi_connection: Any, _record: object) -> None:
    # Let SQLAlchemy, not the sqlite3 module, decide where transactions begin, so that
    # SAVEPOINT works (SQLAlchemy docs, "Serializable isolation / Savepoints / Transactional DDL").
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA busy_timeout = 5000")
        cursor.execute("PRAGMA journal_mode = WAL")
        # NORMAL may lose the last committed transactions on a power cut; FULL does not.
        cursor.execute("PRAGMA synchronous = FULL")
    finally:
        cursor.close()


def _sqlite_begin(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN")


def check_data_dir(path: Path) -> None:
    """Make sure the data directory exists and takes writes; raise StorageError if not."""
    try:
        path.mkdir(parents=True, exist_ok=True)
        probe = path / f".write-test-{os.getpid()}"
        with open(probe, "wb") as handle:
            handle.write(b"ok")
            handle.flush()
            os.fsync(handle.fileno())
        probe.unlink()
    except OSError as error:
        translated = storage_error_from(error, location=str(path))
        raise translated or StorageError(StorageProblem.UNREACHABLE, location=str(path)) from error


def check_sqlite_file(path: Path) -> None:
    """Refuse a file that exists but is not an SQLite database, before SQLite touches it."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with open(path, "rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise StorageError(StorageProblem.NOT_A_DATABASE, location=str(path))


def create_database_engine(config: Config) -> Engine:
    """Create the engine for this configuration. Client data never reaches error text or logs."""
    if config.database_url and not config.database_url.startswith("sqlite"):
        return create_engine(config.database_url, hide_parameters=True, pool_pre_ping=True)
    url = config.database_url or f"sqlite:///{config.sqlite_path}"
    engine = create_engine(url, hide_parameters=True)
    event.listen(engine, "connect", _sqlite_pragmas)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def open_database(config: Config, *, device_id: str, clock: Clock = system_clock) -> Store:
    """The one function that opens the database (the seam for encryption at rest).

    Checks the data directory and the file, connects, and returns a Store. Migrations are applied
    separately by :func:`leerwinkel.storage.migrate.upgrade`.
    """
    location = (config.database_url and display_url(config.database_url)) or str(config.sqlite_path)
    if config.database_url is None:
        check_data_dir(config.data_dir)
        check_sqlite_file(config.sqlite_path)
    engine = create_database_engine(config)
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql("SELECT 1")
            if engine.dialect.name == "sqlite":
                connection.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
    except Exception as error:
        engine.dispose()
        translated = storage_error_from(error, location=location)
        if translated is not None:
            raise translated from error
        raise
    return Store(engine, device_id=device_id, clock=clock, location=location)


def row_counts(store: Store) -> dict[str, int]:
    """Rows per table, for ``leerwinkel info``."""
    from sqlalchemy import func

    from leerwinkel.storage.models import Base

    counts: dict[str, int] = {}
    with store.unit_of_work() as session:
        for name, table in sorted(Base.metadata.tables.items()):
            counts[name] = session.execute(select(func.count()).select_from(table)).scalar_one()
    return counts
