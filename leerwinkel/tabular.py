"""CSV and XLSX writing for every export: user text never becomes a live formula."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from leerwinkel.fileio import atomic_write_bytes

Cell = str | int | float | bool | None

#: A cell starting with one of these is read as a formula (or DDE) by spreadsheet programs.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Cell) -> Cell:
    """Make user text inert in a spreadsheet: prefix a quote when it could start a formula.

    Numbers stay numbers (a negative number is not a formula); only text is changed.
    """
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> bytes:
    """UTF-8 CSV with a BOM (so Excel reads accents), semicolon-free comma dialect, cells neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([neutralise(h) for h in header])
    for row in rows:
        writer.writerow(["" if c is None else neutralise(c) for c in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> None:
    atomic_write_bytes(path, csv_bytes(header, rows))


def xlsx_bytes(sheets: Mapping[str, tuple[Sequence[str], Iterable[Sequence[Cell]]]]) -> bytes:
    """An XLSX workbook, one sheet per table; numbers stay numbers, text is stored as text."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import TYPE_STRING

    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, (header, rows) in sheets.items():
        sheet = workbook.create_sheet(title=title[:31])
        sheet.append([neutralise(h) for h in header])
        for row in rows:
            sheet.append([neutralise(c) for c in row])
        for cells in sheet.iter_rows():
            for cell in cells:
                if isinstance(cell.value, str):
                    cell.data_type = TYPE_STRING  # never a formula, whatever the text says
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def write_xlsx(path: Path, sheets: Mapping[str, tuple[Sequence[str], Iterable[Sequence[Cell]]]]) -> None:
    atomic_write_bytes(path, xlsx_bytes(sheets))
