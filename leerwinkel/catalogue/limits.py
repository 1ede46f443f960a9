"""Limits on catalogue files: what is too large, too deep or too long is refused at once, with the limit named.

A catalogue of a whole region holds a few thousand records; these limits leave ample room for that
(and for the 50,000-offering benchmark) while a runaway export or a hostile file is refused in
milliseconds instead of being parsed for minutes.
"""

from __future__ import annotations

import re
import zipfile
from itertools import accumulate
from pathlib import Path

from leerwinkel.errors import Problem

MEBIBYTE = 1024 * 1024
#: JSON and CSV files (one file of a folder at a time).
MAX_TEXT_BYTES = 100 * MEBIBYTE
#: XLSX is compressed and slow to parse: a smaller limit on the file, and one on what it unpacks to.
MAX_XLSX_BYTES = 10 * MEBIBYTE
MAX_XLSX_UNPACKED_BYTES = 100 * MEBIBYTE
#: Rows per table (sheet, CSV file or list of records).
MAX_ROWS = 100_000
#: Columns per table.
MAX_COLUMNS = 200
#: Levels of nested objects and lists in a JSON file (HSDS needs about eight).
MAX_DEPTH = 32


def check_size(path: Path, problems: list[Problem], *, limit: int = MAX_TEXT_BYTES) -> bool:
    """False (and a problem) when ``path`` is larger than ``limit`` bytes."""
    size = path.stat().st_size
    if size > limit:
        problems.append(
            Problem(
                "file-too-large",
                None,
                file=path.name,
                details={"size": _megabytes(size), "limit": _megabytes(limit)},
            )
        )
        return False
    return True


def check_xlsx(path: Path, problems: list[Problem]) -> bool:
    """False (and a problem) when an XLSX file is too large, packed or unpacked."""
    if not check_size(path, problems, limit=MAX_XLSX_BYTES):
        return False
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError):
        return True  # the XLSX reader reports an unreadable file
    if unpacked > MAX_XLSX_UNPACKED_BYTES:
        problems.append(
            Problem(
                "xlsx-too-large",
                None,
                file=path.name,
                details={"size": _megabytes(unpacked), "limit": _megabytes(MAX_XLSX_UNPACKED_BYTES)},
            )
        )
        return False
    return True


_TOKENS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]')
_STRINGS = re.compile(r'"[^"\\]*+(?:\\.[^"\\]*+)*+"')
_NOT_BRACKETS = re.compile(r"[^\[\]{}]+")
#: Deletes the ASCII characters that play no part in the tokens above (quotes, brackets, backslashes stay).
_PLAIN_ASCII = {code: None for code in range(128) if chr(code) not in '"\\[]{}'}
_STEPS = {ord("["): 1, ord("{"): 1, ord("]"): -1, ord("}"): -1}


def check_depth(text: str, file: str, problems: list[Problem], *, limit: int = MAX_DEPTH) -> bool:
    """False (and a problem) when JSON ``text`` nests objects or lists deeper than ``limit``.

    Runs before ``json.loads``, which would otherwise fail with a RecursionError on a deep file.
    Strings are skipped as whole tokens, so brackets inside text do not count.
    """
    # The deepest point is found with C loops (a 50,000-offering file holds millions of tokens);
    # only a file that is too deep is walked token by token, to name the line.
    if max(accumulate(map(_STEPS.__getitem__, _outside_strings(text).encode("ascii"))), default=0) <= limit:
        return True
    depth = 0
    for match in _TOKENS.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > limit:
                line = text.count("\n", 0, match.start()) + 1
                problems.append(Problem("too-deep", None, file=file, row=line, details={"limit": limit}))
                return False
        elif token in "]}":
            depth -= 1
    return True


def _outside_strings(text: str) -> str:
    """The brackets of ``text`` that are not inside a string, in order (the tokens of _TOKENS that count)."""
    # Plain characters are dropped first, except the one after each backslash: whether that one is a
    # newline decides whether the escape is one, so the strings tokenise as in the whole text.
    pieces = text.split("\\")
    kept = [pieces[0].translate(_PLAIN_ASCII)] + [p[:1] + p[1:].translate(_PLAIN_ASCII) for p in pieces[1:]]
    reduced = "\\".join(kept)
    if len(pieces) == 1 and reduced.count('"') % 2 == 0:  # no escapes: every other quote closes a string
        return _NOT_BRACKETS.sub("", "".join(reduced.split('"')[::2]))
    return _NOT_BRACKETS.sub("", _STRINGS.sub("", reduced))


def too_many_rows(file: str, table: str, problems: list[Problem]) -> None:
    problems.append(Problem("too-many-rows", None, file=file, details={"table": table, "limit": MAX_ROWS}))


def too_many_columns(file: str, table: str, count: int, problems: list[Problem]) -> None:
    problems.append(
        Problem("too-many-columns", None, file=file, details={"table": table, "found": count, "limit": MAX_COLUMNS})
    )


def _megabytes(size: int) -> str:
    return f"{size / MEBIBYTE:.1f}".replace(".", ",")
