"""Map driver and OS errors to StorageError at the storage edge (environment, not bugs)."""

from __future__ import annotations

import errno
import re
import sqlite3

from leerwinkel.errors import AlreadyExistsError, InvalidInputError, LeerwinkelError, StorageError, StorageProblem

# Primary SQLite result codes (https://www.sqlite.org/rescode.html).
_SQLITE_CODES = {
    5: StorageProblem.LOCKED,  # SQLITE_BUSY
    6: StorageProblem.LOCKED,  # SQLITE_LOCKED
    8: StorageProblem.READ_ONLY,  # SQLITE_READONLY
    11: StorageProblem.CORRUPT,  # SQLITE_CORRUPT
    13: StorageProblem.DISK_FULL,  # SQLITE_FULL
    14: StorageProblem.UNREACHABLE,  # SQLITE_CANTOPEN
    26: StorageProblem.NOT_A_DATABASE,  # SQLITE_NOTADB
}

# PostgreSQL SQLSTATE classes and codes.
_PG_STATES = {
    "53100": StorageProblem.DISK_FULL,
    "25006": StorageProblem.READ_ONLY,
    "55P03": StorageProblem.LOCKED,
    "08": StorageProblem.UNREACHABLE,
    "57P": StorageProblem.UNREACHABLE,
    "28": StorageProblem.UNREACHABLE,
}

_OS_ERRNOS = {
    errno.ENOSPC: StorageProblem.DISK_FULL,
    errno.EDQUOT: StorageProblem.DISK_FULL,
    errno.EFBIG: StorageProblem.DISK_FULL,
    errno.EROFS: StorageProblem.READ_ONLY,
    errno.EACCES: StorageProblem.READ_ONLY,
    errno.EPERM: StorageProblem.READ_ONLY,
}


def classify_dbapi_error(error: BaseException) -> StorageProblem | None:
    """The storage problem behind a DB-API error, or None when it looks like a bug."""
    code = getattr(error, "sqlite_errorcode", None)
    if isinstance(code, int):
        return _SQLITE_CODES.get(code & 0xFF)
    sqlstate = getattr(error, "sqlstate", None) or getattr(getattr(error, "diag", None), "sqlstate", None)
    if isinstance(sqlstate, str):
        for prefix in (sqlstate, sqlstate[:3], sqlstate[:2]):
            if prefix in _PG_STATES:
                return _PG_STATES[prefix]
        return None
    if type(error).__name__ == "OperationalError" and type(error).__module__.startswith("psycopg"):
        return StorageProblem.UNREACHABLE  # no SQLSTATE: the connection itself failed
    if isinstance(error, sqlite3.DatabaseError) and not isinstance(error, sqlite3.ProgrammingError):
        return StorageProblem.CORRUPT
    if type(error).__module__.startswith("sqlcipher3") and type(error).__name__ in {
        "DatabaseError",
        "OperationalError",
    }:
        return StorageProblem.CORRUPT  # SQLCipher's own copy of the sqlite3 exception classes
    return None


def storage_error_from(error: BaseException, *, location: str = "") -> StorageError | None:
    """Translate an SQLAlchemy/DB-API/OS error into a StorageError, or None if it is a bug."""
    if isinstance(error, StorageError):
        return error
    # SQLAlchemy is imported here, not at the top: file writes (leerwinkel.fileio) use this module too, and the
    # login dialog must not wait for SQLAlchemy. By the time a database error exists, it is loaded anyway.
    from sqlalchemy import exc as sa_exc

    if isinstance(error, sa_exc.DBAPIError) and error.orig is not None:
        problem = classify_dbapi_error(error.orig)
        if problem is None:
            return None
        return StorageError(problem, location=location, detail=type(error.orig).__name__)
    if isinstance(error, OSError) and error.errno in _OS_ERRNOS:
        return StorageError(_OS_ERRNOS[error.errno], location=location, detail=f"errno {error.errno}")
    problem = classify_dbapi_error(error)
    if problem is not None:
        return StorageError(problem, location=location, detail=type(error).__name__)
    return None


# Extended SQLite result codes of a violated unique key (https://www.sqlite.org/rescode.html).
_SQLITE_UNIQUE = {1555, 2067}  # SQLITE_CONSTRAINT_PRIMARYKEY, SQLITE_CONSTRAINT_UNIQUE
_PG_UNIQUE = "23505"
#: "UNIQUE constraint failed: clients.id" / "CHECK constraint failed: ck_clients_has_name" (SQLite's own words)
_SQLITE_CONSTRAINT = re.compile(r"^(?P<kind>[A-Z ]+) constraint failed: (?P<what>[\w.]+)")


def integrity_error_from(error: BaseException) -> LeerwinkelError | None:
    """A constraint the database refused, as our own error; None when ``error`` is no constraint violation.

    A unique key (another desk saved the same record first) is AlreadyExistsError(table, constraint); a check,
    not-null or foreign-key constraint is InvalidInputError("constraint") with the table and constraint names.
    Only names are taken from the driver, never values: they may be client data.
    """
    from sqlalchemy import exc as sa_exc

    if not isinstance(error, sa_exc.IntegrityError) or error.orig is None:
        return None
    orig = error.orig
    diag = getattr(orig, "diag", None)
    table = str(getattr(diag, "table_name", "") or "")
    constraint = str(getattr(diag, "constraint_name", "") or "")
    unique = getattr(orig, "sqlstate", None) == _PG_UNIQUE or getattr(orig, "sqlite_errorcode", None) in _SQLITE_UNIQUE
    # SQLCipher's module has no extended codes: its message names the kind and the constraint
    found = _SQLITE_CONSTRAINT.match(str(orig.args[0]) if orig.args else "")
    if found is not None:
        unique = unique or found["kind"] in {"UNIQUE", "PRIMARY KEY"}
        what = found["what"]
        table, _dot, column = what.partition(".") if "." in what else ("", "", "")
        constraint = constraint or (column and f"{table}.{column}") or what
    if unique:
        return AlreadyExistsError(table or "record", constraint)
    return InvalidInputError.single("constraint", table=table, constraint=constraint)
