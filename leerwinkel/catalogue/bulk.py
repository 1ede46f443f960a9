"""Bulk writes and reads column by column: one executemany or one fetch, values converted once per column."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from itertools import repeat
from typing import Any

from sqlalchemy import FromClause, Select, Table, insert
from sqlalchemy.orm import Session


def insert_columns(
    session: Session, table: FromClause, columns: Mapping[str, Sequence[Any]], *, same: Mapping[str, Any]
) -> None:
    """INSERT one row per position of ``columns`` (a list of values per column name) into ``table``.

    ``same`` holds the columns whose value is the same in every row. A column given in neither gets
    its scalar default, as a Core INSERT would give it; a column with a callable default (an id, a
    timestamp) must be given. Values go through each column type's own conversion for the
    connection's dialect, a column at a time, and then to the driver's ``executemany`` in the
    session's transaction: SQLAlchemy's per-row parameter processing would take longer than
    SQLite takes to write the rows. Nothing is returned (no generated keys); no ORM events run.
    """
    if not isinstance(table, Table):
        raise TypeError(f"not a table: {table}")
    counts = {len(values) for values in columns.values()}
    if len(counts) > 1:
        raise ValueError(f"columns of {table.name} differ in length: {sorted(counts)}")
    if not counts or not counts.pop():
        return
    constants = dict(same)
    for column in table.columns:
        if column.name in columns or column.name in constants:
            continue
        default = column.default
        if default is not None and default.is_scalar:
            constants[column.name] = default.arg
        elif column.nullable and default is None:
            constants[column.name] = None
        else:
            raise ValueError(f"no value for {table.name}.{column.name}")
    connection = session.connection()
    dialect = connection.dialect
    names = [*columns, *constants]
    compiled = insert(table).compile(dialect=dialect, column_keys=names)
    converted: dict[str, Any] = {}
    for name in names:
        process = table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
        if name in columns:
            values = columns[name]
            converted[name] = _converted(process, values) if process is not None else values
        else:
            value = constants[name]
            converted[name] = repeat(process(value) if process is not None else value)
    if compiled.positional:
        order = compiled.positiontup or []
        rows: list[Any] = list(zip(*(converted[name] for name in order), strict=False))
    else:
        rows = [dict(zip(names, values, strict=True)) for values in zip(*converted.values(), strict=False)]
    connection.exec_driver_sql(compiled.string, rows)


def read_columns(session: Session, statement: Select[Any]) -> list[list[Any]]:
    """The result of ``statement`` column by column, each converted as SQLAlchemy converts it.

    For large reads: without bound parameters the DBAPI cursor fetches the rows and each column goes
    through its type's result conversion at once (SQLAlchemy's per-row processing would cost more
    than the read); a statement with parameters (an IN list) runs through SQLAlchemy as usual.
    """
    connection = session.connection()
    dialect = connection.dialect
    compiled = statement.compile(dialect=dialect)
    selected = list(statement.selected_columns)
    if compiled.params:
        rows: Sequence[Sequence[Any]] = session.execute(statement).all()
        return [list(column) for column in zip(*rows, strict=True)] if rows else [[] for _column in selected]
    cursor = connection.connection.cursor()  # the DBAPI cursor, in the session's transaction
    try:
        cursor.execute(compiled.string)
        rows = cursor.fetchall()
    finally:
        cursor.close()
    columns: list[Sequence[Any]] = list(zip(*rows, strict=True)) if rows else [() for _column in selected]
    out = []
    for column, values in zip(selected, columns, strict=True):
        process = column.type.dialect_impl(dialect).result_processor(dialect, None)
        out.append(_converted(process, values) if process is not None else list(values))
    return out


def _converted(process: Callable[[Any], Any], values: Sequence[Any]) -> list[Any]:
    """``process`` applied to every value; once per distinct value when they repeat (flags, dates, codes)."""
    try:
        distinct = set(values)
    except TypeError:  # unhashable values: one by one
        return list(map(process, values))
    if len(distinct) * 2 > len(values):
        return list(map(process, values))
    done = {value: process(value) for value in distinct}
    return list(map(done.__getitem__, values))
