"""The native catalogue as CSV files (one per table, in a folder) or as one XLSX workbook (a sheet per table)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Iterator
from dataclasses import fields
from pathlib import Path
from typing import Any

from leerwinkel.catalogue.dataset import TABLE_LABELS, TABLES, Dataset, Place, row_from_mapping, rows_from_mappings
from leerwinkel.catalogue.limits import MAX_COLUMNS, MAX_ROWS, check_size, too_many_columns, too_many_rows
from leerwinkel.errors import InvalidInputError, Problem
from leerwinkel.fileio import atomic_write_bytes
from leerwinkel.tableread import decode_text, detect_delimiter
from leerwinkel.tabular import DEFAULT_SEPARATOR, Cell, csv_bytes, xlsx_bytes

TABLE_NAMES = tuple(TABLES)


def columns(table: str) -> list[str]:
    return [spec.name for spec in TABLES[table][1]]


def _cell(value: Any) -> Cell:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, tuple):
        return "\n".join(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    assert isinstance(value, str | int | float)
    return value


def table_rows(data: Dataset, table: str) -> list[list[Cell]]:
    rows: tuple[Any, ...] = getattr(data.sorted(), table)
    return [[_cell(getattr(row, f.name)) for f in fields(row)] for row in rows]


def write_csv_folder(folder: Path, data: Dataset, *, separator: str = DEFAULT_SEPARATOR) -> None:
    """providers.csv, locations.csv and offerings.csv in ``folder`` (created when missing)."""
    folder.mkdir(parents=True, exist_ok=True)
    for table in TABLE_NAMES:
        atomic_write_bytes(
            folder / f"{table}.csv", csv_bytes(columns(table), table_rows(data, table), separator=separator)
        )


def xlsx_data(data: Dataset) -> bytes:
    return xlsx_bytes({table: (columns(table), table_rows(data, table)) for table in TABLE_NAMES})


# -- reading --------------------------------------------------------------------------------------


def untext(value: str) -> str:
    """Undo the formula neutralisation of leerwinkel.tabular (a leading quote before = + - @)."""
    if value.startswith("'") and value[1:2] in ("=", "+", "-", "@", "\t", "\r"):
        return value[1:]
    return value


def read_table_rows(
    table: str, header: list[str], records: Iterator[tuple[int, list[Any]]], file: str, problems: list[Problem]
) -> list[Any]:
    """Typed rows from a header and (row number, cells) pairs; problems for bad columns and cells."""
    known = set(columns(table))
    if len(header) > MAX_COLUMNS:
        too_many_columns(file, TABLE_LABELS[table], len(header), problems)
        return []
    header = [str(h).strip() if h is not None else "" for h in header]
    for name in header:
        if name and name not in known:
            problems.append(Problem("unknown-column", name, file=file, row=1, details={"table": TABLE_LABELS[table]}))
    for spec in TABLES[table][1]:
        if spec.required and spec.name not in header:
            problems.append(
                Problem("missing-column", spec.name, file=file, row=1, details={"table": TABLE_LABELS[table]})
            )
    if any(p.file == file and p.row == 1 for p in problems):
        return []
    raws: list[tuple[int, dict[str, Any] | None, int]] = []  # row number, values (None: cells miscounted)
    for count, (number, cells) in enumerate(records):
        if count >= MAX_ROWS:
            _rows_one_by_one(table, raws, len(header), file, problems)
            too_many_rows(file, TABLE_LABELS[table], problems)
            return []
        if all(c is None or (isinstance(c, str) and not c.strip()) for c in cells):
            continue
        if len(cells) != len(header):
            raws.append((number, None, len(cells)))
            continue
        raw = {
            name: (untext(c) if isinstance(c, str) and c[:1] == "'" else c)
            for name, c in zip(header, cells, strict=True)
            if name
        }
        raws.append((number, raw, len(cells)))
    if all(raw is not None for _number, raw, _found in raws):
        rows = rows_from_mappings(table, [raw for _number, raw, _found in raws])
        if rows is not None:  # all rows fine (the per-row checks would find nothing)
            return rows
    return _rows_one_by_one(table, raws, len(header), file, problems)


def _rows_one_by_one(
    table: str, raws: list[tuple[int, dict[str, Any] | None, int]], expected: int, file: str, problems: list[Problem]
) -> list[Any]:
    """Rows checked one by one, each problem named with its row, in row order."""
    rows: list[Any] = []
    for number, raw, found in raws:
        if raw is None:
            problems.append(
                Problem("column-count", None, file=file, row=number, details={"found": found, "expected": expected})
            )
            continue
        place = Place(file=file, row=number, problems=problems)
        row = row_from_mapping(table, raw, place)
        if row is not None:
            rows.append(row)
    return rows


def read_csv_table(raw: bytes, table: str, file: str, problems: list[Problem]) -> list[Any]:
    try:
        text = decode_text(raw, file=file).text
    except InvalidInputError as error:
        problems.extend(error.problems)
        return []
    if not text.strip():
        problems.append(Problem("empty-file", None, file=file))
        return []
    if text.count("\n") > MAX_ROWS + 1 and len(text.splitlines()) > MAX_ROWS + 1:
        too_many_rows(file, TABLE_LABELS[table], problems)
        return []
    delimiter = detect_delimiter(text)
    if delimiter is None:
        problems.append(Problem("bad-csv-dialect", None, file=file, row=1))
        return []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = next(reader)
        records = []
        for cells in reader:
            records.append((reader.line_num, cells))
    except csv.Error:
        # An odd number of quotes means a quoted cell never ends: the file was cut off.
        reason = "truncated" if text.count('"') % 2 else "bad-csv"
        problems.append(Problem(reason, None, file=file, row=reader.line_num))
        return []
    return read_table_rows(table, header, iter(records), file, problems)


def read_csv_files(paths: dict[str, Path], problems: list[Problem]) -> Dataset:
    tables: dict[str, list[Any]] = {table: [] for table in TABLE_NAMES}
    for table, path in paths.items():
        if check_size(path, problems):
            tables[table] = read_csv_table(path.read_bytes(), table, path.name, problems)
    return Dataset(tuple(tables["providers"]), tuple(tables["locations"]), tuple(tables["offerings"]))


def read_xlsx(raw: bytes, file: str, problems: list[Problem]) -> Dataset:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        problems.append(Problem("bad-xlsx", None, file=file))
        return Dataset()
    tables: dict[str, list[Any]] = {table: [] for table in TABLE_NAMES}
    try:
        present = [t for t in TABLE_NAMES if t in workbook.sheetnames]
        if not present:
            problems.append(Problem("no-tables", None, file=file, details={"tables": ", ".join(TABLE_NAMES)}))
        for table in present:
            sheet = workbook[table]
            where = f"{file} [{table}]"
            if (sheet.max_row or 0) > MAX_ROWS + 1:
                too_many_rows(where, TABLE_LABELS[table], problems)
                continue
            if (sheet.max_column or 0) > MAX_COLUMNS:
                too_many_columns(where, TABLE_LABELS[table], sheet.max_column or 0, problems)
                continue
            rows = sheet.iter_rows(values_only=True)
            header = list(next(rows, ()))
            records = ((index, list(cells)) for index, cells in enumerate(rows, start=2))
            tables[table] = read_table_rows(table, [str(h or "") for h in header], _trim(records), where, problems)
    finally:
        workbook.close()
    return Dataset(tuple(tables["providers"]), tuple(tables["locations"]), tuple(tables["offerings"]))


def _trim(records: Iterator[tuple[int, list[Any]]]) -> Iterator[tuple[int, list[Any]]]:
    """openpyxl pads rows to the widest row; numbers that are whole become ints."""
    for number, cells in records:
        yield number, [int(c) if isinstance(c, float) and c.is_integer() else c for c in cells]
