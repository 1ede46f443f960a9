"""The store: the only place that creates engines and sessions (one unit of work per user action)."""

from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from leerwinkel.config import Config, sqlite_file
from leerwinkel.errors import AuthenticationError, ConflictError, LeerwinkelError, StorageError, StorageProblem
from leerwinkel.fileio import FILE_MODE, secure_dir, secure_file
from leerwinkel.security.crypto import sqlcipher_key_pragma
from leerwinkel.storage import integrity
from leerwinkel.storage.errors import integrity_error_from, storage_error_from
from leerwinkel.storage.models import Base, Record

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

    def __init__(
        self,
        engine: Engine,
        *,
        device_id: str,
        clock: Clock = system_clock,
        location: str = "",
        key: bytes | None = None,
    ) -> None:
        self.engine = engine
        self.device_id = device_id
        self.clock = clock
        self.location = location
        self._key = key  # the SQLCipher key; only backups read it (see copy_sqlite)
        self.unlocked: Any = None  # the signed-in account's keys (leerwinkel.security.keyring.Unlock), SQLite only
        self._config: Config | None = None  # set by open_database, to rebuild the engine after a rekey
        #: Set when the integrity check found the file damaged: from then on every write is refused with it.
        self.damage: StorageError | None = None
        self._sessions = sessionmaker(bind=engine, expire_on_commit=False, autoflush=True)
        #: How many transactions that changed a row were committed through this store (SQLite only), for the
        #: backup at exit: none is needed when nothing changed since the last one (leerwinkel.backup).
        self.committed_writes = 0
        self._refuse_writes_when_damaged(engine)
        self._count_writes(engine)

    @property
    def dialect(self) -> str:
        """The database backend: "sqlite" or "postgresql"."""
        return self.engine.dialect.name

    @property
    def url(self) -> str:
        """The database URL to show a person, with any password replaced by ***."""
        return display_url(self.engine.url.render_as_string(hide_password=False))

    def now(self) -> dt.datetime:
        """The current moment from the store's clock (UTC, timezone-aware); services take time from here."""
        return self.clock()

    def session(self) -> Session:
        """A bare session, for tests and migrations; services use :meth:`unit_of_work`."""
        session = self._sessions()
        session.info["store"] = self  # services reach the clock through it (e.g. the audit trail)
        self._watch(session)
        return session

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """One transaction: commit when the block ends, roll back on any error.

        Errors leave as our own types: a lost update becomes ConflictError, an environment problem
        (disk full, read-only, locked) becomes StorageError, a refused constraint AlreadyExistsError (a unique
        key) or InvalidInputError("constraint").
        """
        session = self.session()
        try:
            if self.dialect == "sqlite":
                session.connection(execution_options={READ_COMMITTED: True})
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
            if self.damage is not None:
                session.rollback()
                raise self.damage from error  # a write refused (query_only) because the file is damaged
            if _is_stale_snapshot(error):
                # SQLite refuses to write from a read snapshot that another desk has overtaken
                # (SQLITE_BUSY_SNAPSHOT): the same lost-update conflict as a stale version.
                conflict = self._explain_conflict(session)
                session.rollback()
                raise conflict from error
            if _is_busy(error):
                # SQLCipher's module reports SQLITE_BUSY_SNAPSHOT as plain SQLITE_BUSY (no extended
                # codes): when a record this session changed has a newer version, it is that conflict.
                session.rollback()
                conflict = self._explain_conflict(session)
                if conflict.changed_fields:
                    raise conflict from error
            session.rollback()
            refused = integrity_error_from(error)  # a constraint: input that slipped past a service's checks
            if refused is not None:
                raise refused from error
            translated = storage_error_from(error, location=self.location)
            if translated is not None:
                raise translated from error
            raise
        finally:
            session.close()

    def dispose(self) -> None:
        """Close every connection; on SQLite first let it refresh its query planner statistics."""
        if self.dialect == "sqlite":
            try:
                with self.engine.connect() as connection:
                    # Recommended before closing (sqlite.org/lang_analyze.html): cheap, and it keeps the
                    # planner choosing the covering indexes as the tables grow.
                    connection.exec_driver_sql("PRAGMA optimize")
            except Exception:  # closing must never fail because of a statistics refresh
                log.debug("PRAGMA optimize skipped", exc_info=True)
        self.engine.dispose()

    # -- the integrity check (leerwinkel.storage.integrity) -------------------------------------

    def _refuse_writes_when_damaged(self, engine: Engine) -> None:
        if engine.dialect.name != "sqlite":
            return

        def checkout(dbapi_connection: Any, _record: object, _proxy: object) -> None:
            if self.damage is not None:
                dbapi_connection.execute("PRAGMA query_only = ON")

        event.listen(engine, "checkout", checkout)

    def _count_writes(self, engine: Engine) -> None:
        """Keep :attr:`committed_writes`: SQLite counts every row a connection changed (``total_changes``),
        whatever wrote it (the ORM, Core, triggers, text SQL); a commit after which that count is higher than
        at the transaction's start committed a write. A rollback leaves :attr:`committed_writes` as it was."""
        if engine.dialect.name != "sqlite":
            return

        def begun(connection: Any) -> None:
            connection.info["changes_at_begin"] = connection.connection.dbapi_connection.total_changes

        def committed(connection: Any) -> None:
            started = connection.info.pop("changes_at_begin", None)
            if started is None or connection.connection.dbapi_connection.total_changes > started:
                self.committed_writes += 1  # under the GIL, from the one writer thread at a time SQLite allows

        event.listen(engine, "begin", begun)
        event.listen(engine, "commit", committed)

    def is_integrity_check_due(self) -> bool:
        """True when the SQLite file's full integrity check should run (never, or more than a day ago)."""
        path = sqlite_file(self._config) if self._config is not None else None
        if path is None or self._key is None or self.damage is not None:
            return False
        return integrity.is_check_due(path, self.clock())

    def check_integrity(self, *, should_stop: Callable[[], bool] | None = None) -> bool | None:
        """Run SQLite's full integrity check on its own connection and remember the outcome beside the file.

        Slow (it reads the whole file: seconds for a large database): call it off the UI thread. Returns
        True (sound), False (damaged: :attr:`damage` is set and every later write is refused with it),
        or None when ``should_stop`` stopped it or there is nothing to check (PostgreSQL).
        """
        path = sqlite_file(self._config) if self._config is not None else None
        if path is None or self._key is None:
            return None
        started = self.clock()
        connection = connect_sqlite_file(path, self._key)
        try:
            verdict = integrity.run_quick_check(connection, should_stop=should_stop)
        finally:
            connection.close()
        if verdict is None:
            return None
        integrity.write_state(path, integrity.CheckState(started, verdict))
        if not verdict:
            self.damage = StorageError(StorageProblem.CORRUPT, location=self.location, detail="quick_check")
            self.engine.dispose()  # pooled connections come back with query_only on (checkout)
        return verdict

    def forget_damage(self) -> None:
        """A verified backup replaced the damaged file (leerwinkel.backup.restore_backup): writes are allowed again.

        Call only after the restored file passed SQLite's integrity check (``verify_backup`` runs it).
        """
        self.damage = None
        self.engine.dispose()  # no pooled connection keeps query_only

    @property
    def is_encrypted(self) -> bool:
        """True when the database was opened with a key (SQLCipher)."""
        return self._key is not None

    @property
    def database_key(self) -> bytes | None:
        """The SQLCipher key, for backups and the key file only; never log or show it."""
        return self._key

    def rekey(self, new_key: bytes) -> None:
        """Re-encrypt the SQLite database under ``new_key`` (SQLCipher ``PRAGMA rekey``), then reconnect.

        Every pooled connection is closed first; the WAL is checkpointed into the file so that no page
        stays under the old key. Never call this with PostgreSQL or inside a unit of work.
        """
        if self._key is None or self._config is None:
            raise StorageError(StorageProblem.NOT_ENCRYPTED, location=self.location)
        path = sqlite_file(self._config)
        self.engine.dispose()
        connection = connect_sqlite_file(path, self._key) if path is not None else None
        if connection is None:
            raise StorageError(StorageProblem.UNREACHABLE, location=self.location)
        try:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            connection.execute(sqlcipher_key_pragma(new_key).replace("PRAGMA key", "PRAGMA rekey", 1))
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            connection.close()
        self._key = new_key
        self.engine = create_database_engine(self._config, new_key)
        self._sessions = sessionmaker(bind=self.engine, expire_on_commit=False, autoflush=True)
        self._refuse_writes_when_damaged(self.engine)
        self._count_writes(self.engine)

    def copy_sqlite(self, target: Path, *, key: bytes | None = None) -> None:
        """Copy the SQLite database (WAL included, consistently) to ``target``, encrypted with ``key`` (else the
        database's own key).

        One pass: SQLCipher's backup API reads each page under the database's key and writes it under the
        target's (a backup under its own file key used to be a copy and then a rekey of the copy, twice the
        work: 15-18 s at 100,000 clients; issue 15). ``target`` must not exist yet. Never call this with
        PostgreSQL.
        """
        raw = self.engine.raw_connection()
        try:
            copy_into_new_file(raw.driver_connection, target, key if key is not None else self._key)
        finally:
            raw.close()

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


def _is_busy(error: BaseException) -> bool:
    orig = getattr(error, "orig", None)
    return getattr(orig, "sqlite_errorcode", None) == 5  # SQLITE_BUSY


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


#: The page cache of every SQLite connection: at least this much (KiB), the database's size when larger,
#: up to CACHE_MAX_KIB and a quarter of the computer's memory.
CACHE_MIN_KIB = 64 * 1024
CACHE_MAX_KIB = 1024 * 1024


def page_cache_kib(path: Path | None) -> int:
    """The page cache for a connection to the SQLite file ``path``, in KiB: the file's size (WAL included).

    With SQLCipher every page read from disk is decrypted and checked, so a page the cache has dropped
    costs that again. A report reads most of a large database, several times over: with a fixed 64 MiB
    cache a year's report on 100,000 clients (an 800 MB file) decrypted the same pages again and again,
    and took twice as long as with the whole file cached (issue 15). SQLite fills the cache only as it
    reads pages, so a large limit costs memory only for the pages actually read. Each pooled connection
    has its own cache.
    """
    size = 0
    if path is not None:
        for candidate in (path, path.with_name(path.name + "-wal")):
            with suppress(OSError):
                size += candidate.stat().st_size
    ceiling = CACHE_MAX_KIB
    with suppress(AttributeError, ValueError, OSError):  # no sysconf (Windows): the fixed ceiling
        ceiling = min(ceiling, os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // 4 // 1024)
    return max(CACHE_MIN_KIB, min(ceiling, size // 1024 + size // 10240))


def _sqlite_pragmas(dbapi_connection: Any, _record: object, *, cache_kib: int = CACHE_MIN_KIB) -> None:
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
        # Negative: KiB (see page_cache_kib).
        cursor.execute(f"PRAGMA cache_size = -{int(cache_kib)}")
        cursor.execute("PRAGMA temp_store = MEMORY")
    finally:
        cursor.close()


def _plain_connect(path: Path | None) -> Callable[[Any, object], None]:
    def connect(dbapi_connection: Any, record: object) -> None:
        _sqlite_pragmas(dbapi_connection, record, cache_kib=page_cache_kib(path))

    return connect


def sqlcipher_module() -> Any:
    import sqlcipher3.dbapi2

    return sqlcipher3.dbapi2


def _apply_key(dbapi_connection: Any, key: bytes) -> None:
    """Key a fresh SQLCipher connection and prove that SQLCipher, not plain SQLite, answers.

    ``PRAGMA key`` on plain SQLite silently does nothing, so an unanswered ``cipher_version`` means
    the data would be written in plain text: refuse.
    """
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA cipher_log_level = NONE")  # wrong keys are our error, not stderr noise
        cursor.execute(sqlcipher_key_pragma(key))
        row = cursor.execute("PRAGMA cipher_version").fetchone()
    finally:
        cursor.close()
    if not row or not row[0]:
        raise StorageError(StorageProblem.NOT_ENCRYPTED, detail="no cipher_version")


def connect_sqlite_file(path: Path, key: bytes | None) -> Any:
    """A bare DB-API connection to an SQLite file, keyed when ``key`` is given (backups, checks)."""
    if key is None:
        return sqlite3.connect(path)
    connection = sqlcipher_module().connect(str(path))
    _apply_key(connection, key)
    return connection


def copy_into_new_file(source: Any, target: Path, key: bytes | None) -> None:
    """Copy the database of the DB-API connection ``source`` into the new file ``target`` (mode 600 before any
    byte; it must not exist), keyed with ``key``: SQLite's backup API, which under SQLCipher decrypts each page
    with the source's key and encrypts it with the target's, in one pass."""
    os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))
    destination = connect_sqlite_file(target, key)
    try:
        source.backup(destination)
    finally:
        destination.close()


def check_encrypted_file(path: Path) -> None:
    """Refuse a database file that starts with the plain SQLite header (it is not encrypted)."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with open(path, "rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header == SQLITE_HEADER:
        raise StorageError(StorageProblem.NOT_ENCRYPTED, location=str(path))


def _sqlcipher_connect(key: bytes, path: Path | None) -> Callable[[Any, object], None]:
    def connect(dbapi_connection: Any, record: object) -> None:
        _apply_key(dbapi_connection, key)
        _sqlite_pragmas(dbapi_connection, record, cache_kib=page_cache_kib(path))
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA secure_delete = ON")  # deleted and overwritten text leaves no trace
        finally:
            cursor.close()
        if path is not None:
            check_encrypted_file(path)

    return connect


#: The statements that write: the first one in a unit of work that has already read takes a fresh snapshot.
_WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")
#: Execution option set by :meth:`Store.unit_of_work` on its connection (not by migrations).
READ_COMMITTED = "leerwinkel_read_committed"


def _sqlite_begin(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN")
    connection.info["leerwinkel_state"] = "fresh"


def _sqlite_read_committed(
    connection: Any, cursor: Any, statement: str, _parameters: object, _context: object, _many: bool
) -> None:
    """On SQLite, a unit of work that read and then writes first moves to the newest snapshot.

    In WAL mode a deferred transaction that has read cannot write once another connection committed
    meanwhile (SQLITE_BUSY_SNAPSHOT), even when that commit touched other records: a counsellor who
    opens a client (read, then the ``client.view`` audit row) while the draft of the intake form is
    saved on the writer thread got "database locked". So the first write of a unit of work that has
    read ends its read snapshot and takes the write lock (``BEGIN IMMEDIATE``, which waits for the
    busy timeout), as PostgreSQL's READ COMMITTED would. Lost updates are still refused: every
    record carries a version, checked by the UPDATE itself (ConflictError names the fields).
    """
    state = connection.info.get("leerwinkel_state")
    if state in (None, "writing") or not connection.get_execution_options().get(READ_COMMITTED):
        return
    if not statement.lstrip()[:7].upper().startswith(_WRITES):
        connection.info["leerwinkel_state"] = "read"
        return
    if state == "read":
        cursor.execute("COMMIT")  # the read snapshot only; nothing was written yet
        cursor.execute("BEGIN IMMEDIATE")
    connection.info["leerwinkel_state"] = "writing"


def check_data_dir(path: Path) -> None:
    """Make sure the data directory exists and takes writes; raise StorageError if not."""
    try:
        secure_dir(path)  # 700: other accounts on this computer see nothing inside
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


def create_database_engine(config: Config, key: bytes | None = None) -> Engine:
    """Create the engine for this configuration. Client data never reaches error text or logs.

    With ``key``, SQLite goes through SQLCipher (the ``sqlcipher3`` module) and every new connection
    is keyed and verified before anything else runs on it.
    """
    if config.database_url and not config.database_url.startswith("sqlite"):
        return create_engine(config.database_url, hide_parameters=True, pool_pre_ping=True)
    url = config.database_url or f"sqlite:///{config.sqlite_path}"
    if key is None:
        engine = create_engine(url, hide_parameters=True)
        event.listen(engine, "connect", _plain_connect(sqlite_file(config)))
    else:
        engine = create_engine(url, hide_parameters=True, module=sqlcipher_module())
        event.listen(engine, "connect", _sqlcipher_connect(key, sqlite_file(config)))
    event.listen(engine, "begin", _sqlite_begin)
    event.listen(engine, "before_cursor_execute", _sqlite_read_committed)
    return engine


def open_database(config: Config, *, device_id: str, clock: Clock = system_clock, key: bytes | None = None) -> Store:
    """The one function that opens the database (the seam for encryption at rest).

    SQLite needs ``key`` (see leerwinkel.security.keyring.unlock_database_key): without one it
    raises AuthenticationError("credentials-required"); a plain, unencrypted file is refused with
    StorageError NOT_ENCRYPTED and left untouched. PostgreSQL ignores ``key`` (the server protects
    its data; docs/administration.md). Migrations are applied separately by
    :func:`leerwinkel.storage.migrate.upgrade`.
    """
    location = (config.database_url and display_url(config.database_url)) or str(config.sqlite_path)
    path = sqlite_file(config)
    full_check = False
    if config.uses_sqlite:
        if key is None:
            raise AuthenticationError("credentials-required")
        if path is not None:
            check_data_dir(path.parent)
            check_encrypted_file(path)
            full_check = integrity.must_check_at_open(path)  # before a connection makes a new log
    else:
        key = None
    engine = create_database_engine(config, key)
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql("SELECT 1")
            if engine.dialect.name == "sqlite":
                connection.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
                if key is not None and path is not None and full_check:
                    # after an unclean end (or damage found before) a damaged file is refused before anything
                    # writes to it; otherwise the full check runs after sign-in (leerwinkel.storage.integrity)
                    started = clock()
                    verdict = integrity.run_quick_check(connection.connection.driver_connection)
                    integrity.write_state(path, integrity.CheckState(started, bool(verdict)))
                    if not verdict:
                        raise StorageError(StorageProblem.CORRUPT, location=location, detail="quick_check")
                _secure_sqlite_files(sqlite_file(config))
    except Exception as error:
        engine.dispose()
        translated = storage_error_from(error, location=location)
        if translated is not None:
            raise translated from error
        raise
    store = Store(engine, device_id=device_id, clock=clock, location=location, key=key)
    store._config = config
    return store


def _secure_sqlite_files(path: Path | None) -> None:
    """The database and its WAL and shared-memory files: 600 (SQLite gives new ones the file's mode)."""
    if path is None:
        return
    for candidate in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        secure_file(candidate)


def row_counts(store: Store) -> dict[str, int]:
    """Rows per table, for ``leerwinkel info``."""
    from sqlalchemy import func

    counts: dict[str, int] = {}
    with store.unit_of_work() as session:
        for name, table in sorted(Base.metadata.tables.items()):
            counts[name] = session.execute(select(func.count()).select_from(table)).scalar_one()
    return counts
