"""Reading tabular files for every import: encoding, separator, CSV or XLSX, with limits checked while reading.

One helper for the client takeover and the catalogue alike. Text files are read as UTF-8 (with or
without BOM), UTF-16 (with BOM) or, when those do not fit, as what charset-normalizer finds among
UTF-16 without BOM and Windows-1252 (what Excel on a Belgian Windows writes). XLSX is streamed with
openpyxl in read-only mode, so an oversized workbook is refused after the limit, not after the end.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from leerwinkel.errors import InvalidInputError, Problem

#: Encodings the detector may choose from once UTF-8 and a BOM have been ruled out.
DETECTED_ENCODINGS = ("utf_16_le", "utf_16_be", "cp1252")

#: How each encoding is named to the user.
ENCODING_NAMES = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8 met BOM",
    "utf-16": "UTF-16",
    "utf_16_le": "UTF-16",
    "utf_16_be": "UTF-16",
    "cp1252": "Windows-1252",
}

#: Separators tried, in order of preference when they split the heading equally well.
DELIMITERS = (";", "\t", ",")
DELIMITER_NAMES = {";": "puntkomma", ",": "komma", "\t": "tab"}

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


@dataclass(frozen=True)
class ReadLimits:
    """What an import reads at most; each is checked while reading, so a bigger file stops early."""

    max_file_bytes: int = 20 * 1024 * 1024
    max_unpacked_bytes: int = 60 * 1024 * 1024  # an XLSX is a zip: its content, uncompressed
    max_rows: int = 20_000
    max_columns: int = 200
    max_cell_chars: int = 20_000


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # a Python codec name (see ENCODING_NAMES)

    @property
    def encoding_name(self) -> str:
        return ENCODING_NAMES.get(self.encoding, self.encoding)


@dataclass(frozen=True)
class Table:
    """The first sheet or the CSV: the heading and the numbered rows (numbers as a spreadsheet shows them)."""

    file: str
    heading: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]
    encoding: str = ""  # ENCODING_NAMES value; empty for XLSX
    delimiter: str = ""  # empty for XLSX

    @property
    def delimiter_name(self) -> str:
        return DELIMITER_NAMES.get(self.delimiter, self.delimiter)


def decode_text(raw: bytes, *, file: str) -> Decoded:
    """The text of a file and the encoding found; InvalidInputError ``unknown-encoding`` when none fits.

    A BOM decides; otherwise valid UTF-8 is UTF-8; otherwise charset-normalizer chooses among
    DETECTED_ENCODINGS. Text with many NUL characters is refused (a binary file).
    """
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return _checked(_decode(raw, encoding, file), encoding, file)
    try:
        return _checked(raw.decode("utf-8"), "utf-8", file)
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw, cp_isolation=list(DETECTED_ENCODINGS)).best()
    if best is None:
        raise _unknown_encoding(file)
    return _checked(str(best), best.encoding, file)


def _decode(raw: bytes, encoding: str, file: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as error:
        raise _unknown_encoding(file) from error


def _checked(text: str, encoding: str, file: str) -> Decoded:
    """Refuse a binary file; a stray NUL in one cell is left for the row check to name."""
    if text.count("\x00") > max(1, len(text) // 100):
        raise InvalidInputError([Problem("binary-file", file=file)])
    return Decoded(text, encoding)


def _unknown_encoding(file: str) -> InvalidInputError:
    tried = ", ".join(dict.fromkeys(ENCODING_NAMES.values()))
    return InvalidInputError([Problem("unknown-encoding", file=file, details={"tried": tried})])


def detect_delimiter(text: str) -> str | None:
    """The separator that splits the first non-empty line into the most cells (; tab ,), None for one cell.

    Quotes are respected, so a comma inside a quoted heading does not count.
    """
    first = next((line for line in text.splitlines() if line.strip()), "")
    best, most = None, 1
    for delimiter in DELIMITERS:
        cells = next(csv.reader([first], delimiter=delimiter), [])
        if len(cells) > most:
            best, most = delimiter, len(cells)
    return best


def read_table(path: Path, *, limits: ReadLimits | None = None) -> Table:
    """Read a CSV (any of the encodings and separators above) or the first sheet of an XLSX.

    Blank rows are left out but keep their number. Raises InvalidInputError for an unreadable file
    or one over ``limits`` (the limit is named); cells are text, dates in XLSX become dd/mm/jjjj.
    """
    limits = limits or ReadLimits()
    file = path.name
    try:
        size = path.stat().st_size
    except OSError as error:
        raise InvalidInputError([Problem("unreadable-file", file=file)]) from error
    if size > limits.max_file_bytes:
        raise _too_big("sheet-too-large", file, limits.max_file_bytes // (1024 * 1024))
    if zipfile.is_zipfile(path):
        return _read_xlsx(path, limits)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise InvalidInputError([Problem("unreadable-file", file=file)]) from error
    if not raw.strip():
        raise InvalidInputError([Problem("empty-file", file=file)])
    decoded = decode_text(raw, file=file)
    delimiter = detect_delimiter(decoded.text) or ","
    reader = csv.reader(io.StringIO(decoded.text, newline=""), delimiter=delimiter, strict=True)
    numbered = enumerate(reader, start=1)
    try:
        table = _collect(numbered, file, limits)
    except csv.Error as error:  # also a cell past csv's own field limit (128 KiB), far beyond ours
        if any(len(line) > limits.max_cell_chars for line in decoded.text.splitlines()):
            raise _too_big("cell-too-long", file, limits.max_cell_chars, row=reader.line_num) from error
        reason = "truncated" if decoded.text.count('"') % 2 else "bad-csv"
        raise InvalidInputError([Problem(reason, file=file, row=reader.line_num)]) from error
    return Table(file, table[0], table[1], decoded.encoding_name, delimiter)


def _read_xlsx(path: Path, limits: ReadLimits) -> Table:
    file = path.name
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError) as error:
        raise InvalidInputError([Problem("bad-xlsx", file=file)]) from error
    if unpacked > limits.max_unpacked_bytes:
        raise _too_big("unpacked-too-large", file, limits.max_unpacked_bytes // (1024 * 1024))
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises zip, XML and key errors of its own for a broken workbook
        raise InvalidInputError([Problem("bad-xlsx", file=file)]) from error
    try:
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()  # trust the cells, not a (possibly huge) declared size
        rows = sheet.iter_rows(values_only=True)
        numbered = ((number, [_cell_text(v) for v in cells]) for number, cells in enumerate(rows, start=1))
        heading, body = _collect(numbered, file, limits)
    except InvalidInputError:
        raise
    except Exception as error:  # a damaged sheet inside a valid zip
        raise InvalidInputError([Problem("bad-xlsx", file=file)]) from error
    finally:
        workbook.close()
    return Table(file, heading, body)


def _collect(
    numbered: Iterable[tuple[int, list[str]]], file: str, limits: ReadLimits
) -> tuple[tuple[str, ...], tuple[tuple[int, tuple[str, ...]], ...]]:
    heading: tuple[str, ...] | None = None
    rows: list[tuple[int, tuple[str, ...]]] = []
    for number, cells in _limited(numbered, file, limits):
        if not any(c.strip() for c in cells):
            continue
        if heading is None:
            heading = tuple(c.strip() for c in cells)
            continue
        rows.append((number, tuple(cells)))
        if len(rows) > limits.max_rows:
            raise _too_big("sheet-too-many-rows", file, limits.max_rows)
    if heading is None:
        raise InvalidInputError([Problem("empty-file", file=file)])
    return heading, tuple(rows)


def _limited(
    numbered: Iterable[tuple[int, list[str]]], file: str, limits: ReadLimits
) -> Iterator[tuple[int, list[str]]]:
    for number, cells in numbered:
        while cells and not cells[-1]:
            cells = cells[:-1]  # XLSX pads rows; trailing empty cells say nothing
        if len(cells) > limits.max_columns:
            raise _too_big("sheet-too-many-columns", file, limits.max_columns, row=number)
        for cell in cells:
            if len(cell) > limits.max_cell_chars:
                raise _too_big("cell-too-long", file, limits.max_cell_chars, row=number)
        yield number, cells


def _too_big(reason: str, file: str, limit: int, *, row: int | None = None) -> InvalidInputError:
    return InvalidInputError([Problem(reason, file=file, row=row, details={"limit": limit})])


def _cell_text(value: object) -> str:
    """An XLSX cell as the user sees it: dates dd/mm/jjjj, whole numbers without ".0"."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
