"""Rows read and written with Core, at the version read, as the ORM's version counter writes them.

For the intake's save (leerwinkel.intake.saving), where an ORM flush of a dozen objects cost several
times the statements themselves (issue 15). The rules are the ORM's and the store's: a new row gets
the bookkeeping a flush stamps on it (created and updated now, this device, version 1); an update
writes only the columns that changed, moves the version one up and matches the version read; a
delete matches it too; a row another desk changed or deleted meanwhile is a ConflictError naming the
table, the row and what changed ("deleted" when it is gone), as the store explains a stale ORM row.

Statements are built once per table (and per set of changed columns): building one costs about as
much as running it. Callers must not mix these writes with ORM copies of the same rows in the session.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Delete, Insert, Select, Update, bindparam, delete, insert, select
from sqlalchemy.orm import Session

from leerwinkel.errors import ConflictError

#: The columns every record has; a conflict never names them.
BOOKKEEPING = frozenset({"id", "created_at", "updated_at", "updated_by_device", "version"})

_READS: dict[type[Any], Select[Any]] = {}
_INSERTS: dict[type[Any], Insert] = {}
_DELETES: dict[type[Any], Delete] = {}
_UPDATES: dict[tuple[type[Any], tuple[str, ...]], Update] = {}


def connection(session: Session) -> Any:
    """The connection of ``session``'s transaction, asked of the session once per transaction.

    ``Session.connection()`` walks the session's transaction state on every call (about 20 us; a new client's
    save asked it ten times: 8 % of the save under a profiler, issue 15). Remembered beside the transaction it
    belongs to, so a later transaction of the same session gets its own.
    """
    transaction = session.get_transaction()
    remembered = session.info.get(_CONNECTION)
    if transaction is not None and remembered is not None and remembered[0] is transaction:
        return remembered[1]
    found = session.connection()
    session.info[_CONNECTION] = (session.get_transaction(), found)
    return found


_CONNECTION = "leerwinkel_rows_connection"


def stamp(session: Session, now: dt.datetime) -> dict[str, Any]:
    """The bookkeeping columns of a new row, as the store stamps them on a flush."""
    return {"created_at": now, "updated_at": now, "updated_by_device": session.info["store"].device_id, "version": 1}


def read_row(session: Session, model: type[Any], row_id: uuid.UUID) -> dict[str, Any] | None:
    """The row ``row_id`` of ``model``'s table (column name to value), or None."""
    statement = _READS.get(model)
    if statement is None:
        table = model.__table__
        statement = _READS[model] = select(*table.c).where(table.c.id == bindparam("row_id"))
    found = connection(session).execute(statement, {"row_id": row_id}).mappings().first()
    return dict(found) if found is not None else None


def insert_rows(session: Session, model: type[Any], rows: Sequence[Mapping[str, Any]]) -> None:
    """New rows in one INSERT (``executemany`` for several); each carries its id and bookkeeping."""
    if not rows:
        return
    statement = _INSERTS.get(model)
    if statement is None:
        statement = _INSERTS[model] = insert(model)
    connection(session).execute(statement, list(rows))


def update_row(
    session: Session, model: type[Any], row: Mapping[str, Any], fields: Mapping[str, Any], *, stamp: Mapping[str, Any]
) -> dict[str, Any]:
    """Write the ``fields`` that differ from ``row`` (as read: id, version and those fields) at its version.

    Returns the row as it is now. Nothing changed: nothing is written and the version stays.
    """
    changed = {key: value for key, value in fields.items() if row[key] != value}
    if not changed:
        return dict(row)
    keys = tuple(sorted(changed))
    statement = _UPDATES.get((model, keys))
    if statement is None:
        table = model.__table__
        columns: dict[str, Any] = {key: bindparam(key) for key in (*keys, "updated_at", "updated_by_device", "version")}
        where = (table.c.id == bindparam("row_id"), table.c.version == bindparam("row_version"))
        statement = _UPDATES[(model, keys)] = table.update().where(*where).values(columns)
    moved = {
        "updated_at": stamp["updated_at"],
        "updated_by_device": stamp["updated_by_device"],
        "version": row["version"] + 1,
    }
    params = {**changed, **moved, "row_id": row["id"], "row_version": row["version"]}
    if connection(session).execute(statement, params).rowcount != 1:
        raise changed_meanwhile(session, model, row)
    return {**row, **changed, **moved}


def delete_row(session: Session, model: type[Any], row: Mapping[str, Any]) -> None:
    """Delete ``row`` (as read: its id and version) at its version."""
    statement = _DELETES.get(model)
    if statement is None:
        table = model.__table__
        where = (table.c.id == bindparam("row_id"), table.c.version == bindparam("row_version"))
        statement = _DELETES[model] = delete(table).where(*where)
    if connection(session).execute(statement, {"row_id": row["id"], "row_version": row["version"]}).rowcount != 1:
        raise changed_meanwhile(session, model, row)


def changed_meanwhile(session: Session, model: type[Any], row: Mapping[str, Any]) -> ConflictError:
    """The conflict about ``row`` (as read), found at another version: "deleted", or the columns that changed."""
    name = model.__table__.name
    current = read_row(session, model, row["id"])
    if current is None:
        return ConflictError(name, row["id"], ["deleted"])
    return ConflictError(name, row["id"], [k for k, v in row.items() if k not in BOOKKEEPING and current[k] != v])
