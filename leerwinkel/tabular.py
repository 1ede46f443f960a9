"""CSV and XLSX, written for every export (user text never becomes a live formula) and read for every import.

Reading is in :mod:`leerwinkel.tableread`; this module writes.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

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


#: The list separator of Excel in nl-BE (and most of Europe) is ";"; "," is the option.
DEFAULT_SEPARATOR = ";"
SEPARATORS = (";", ",")
#: A cell holding one of these is quoted, whichever separator the file uses: a program that splits
#: on the other separator (or on a tab) must still see one cell.
_QUOTE_WHEN = frozenset(';,"\r\n\t')


def csv_cell(value: Cell) -> str:
    """One cell as CSV text: neutralised, then quoted when it holds a separator, a quote or a line end."""
    if value is None:
        return ""
    value = neutralise(value)
    text = str(value)
    if any(ch in _QUOTE_WHEN for ch in text):
        return '"' + text.replace('"', '""') + '"'
    return text


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[Cell]], *, separator: str = DEFAULT_SEPARATOR) -> bytes:
    """UTF-8 CSV with a BOM (so Excel reads accents); ``;`` between cells unless told ``,``.

    Every cell is neutralised against formulas and quoted when it holds ``;``, ``,``, a quote, a tab
    or a line end, so the file reads the same in a program that splits on either separator.
    """
    if separator not in SEPARATORS:
        raise ValueError(f"unsupported CSV separator {separator!r}")
    lines = [separator.join(csv_cell(h) for h in header)]
    lines.extend(separator.join(csv_cell(c) for c in row) for row in rows)
    return ("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8")


def write_csv(
    path: Path, header: Sequence[str], rows: Iterable[Sequence[Cell]], *, separator: str = DEFAULT_SEPARATOR
) -> None:
    atomic_write_bytes(path, csv_bytes(header, rows, separator=separator))


def xlsx_workbook(sheets: Mapping[str, tuple[Sequence[str], Iterable[Sequence[Cell]]]]) -> Any:
    """An openpyxl workbook, one sheet per table; numbers stay numbers, text is stored as text.

    Callers that add to it (charts) store it with :func:`workbook_bytes`; nothing else is written.
    """
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, (header, rows) in sheets.items():
        sheet = workbook.create_sheet(title=title[:31])
        append_rows(sheet, [header, *rows])
    return workbook


def append_rows(sheet: Any, rows: Iterable[Sequence[Cell]]) -> None:
    """Append rows to an openpyxl sheet with every text cell neutralised and stored as text (never a formula)."""
    from openpyxl.cell.cell import TYPE_STRING

    for row in rows:
        sheet.append([neutralise(c) for c in row])
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = TYPE_STRING  # never a formula, whatever the text says


def put_cell(sheet: Any, row: int, column: int, value: Cell) -> Any:
    """Write one cell the way :func:`append_rows` does (neutralised; text stays text); returns the cell."""
    from openpyxl.cell.cell import TYPE_STRING

    cell = sheet.cell(row=row, column=column, value=neutralise(value))
    if isinstance(cell.value, str):
        cell.data_type = TYPE_STRING
    return cell


def workbook_bytes(workbook: Any) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_bytes(sheets: Mapping[str, tuple[Sequence[str], Iterable[Sequence[Cell]]]]) -> bytes:
    """An XLSX workbook, one sheet per table; numbers stay numbers, text is stored as text."""
    return workbook_bytes(xlsx_workbook(sheets))


def write_xlsx(path: Path, sheets: Mapping[str, tuple[Sequence[str], Iterable[Sequence[Cell]]]]) -> None:
    atomic_write_bytes(path, xlsx_bytes(sheets))
