"""CSV for Excel in nl-BE: ";" by default, "," on request, quoting and formula neutralisation per cell."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from leerwinkel.cli import main
from leerwinkel.tabular import FORMULA_PREFIXES, csv_bytes

HOSTILE = [
    "Leerwinkel;=1+1",
    "Leerwinkel,=1+1",
    "=1+1;x",
    '=HYPERLINK("http://x","y")',
    "regel 1\nregel 2",
    'een "citaat"',
    "+32 470 00 00 00",
    "@SUM(A1)",
    "-2+3",
    "\t=1",
    "gewoon",
]


def _parse(data: bytes, delimiter: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=delimiter))


def _is_live(cell: str) -> bool:
    return cell.startswith(FORMULA_PREFIXES)


@pytest.mark.parametrize("separator", [";", ","])
def test_every_cell_reads_back_whole_and_inert_whatever_the_reader_splits_on(separator: str) -> None:
    data = csv_bytes(["waarde", "nummer"], [[value, 3] for value in HOSTILE], separator=separator)
    rows = _parse(data, separator)
    assert rows[0] == ["waarde", "nummer"]
    assert [row[0].removeprefix("'") for row in rows[1:]] == HOSTILE
    assert all(row[1] == "3" for row in rows[1:])
    for delimiter in (";", ",", "\t"):  # a program that splits on another separator than the file uses
        for row in _parse(data, delimiter)[1:]:
            assert not any(_is_live(cell) for cell in row), (delimiter, row)


def test_semicolon_is_the_default_and_comma_the_option() -> None:
    assert csv_bytes(["a", "b"], [["1", "2"]]).decode("utf-8-sig").splitlines() == ["a;b", "1;2"]
    assert csv_bytes(["a", "b"], [["1", "2"]], separator=",").decode("utf-8-sig").splitlines() == ["a,b", "1,2"]
    with pytest.raises(ValueError):
        csv_bytes(["a"], [], separator="|")


def test_report_command_separators(tmp_path: Path) -> None:
    err = io.StringIO()
    semicolons = tmp_path / "rapport.csv"
    commas = tmp_path / "rapport-komma.csv"
    args = ["report", "--from", "2026-01-01", "--to", "2026-03-31"]
    assert main([*args, "--out", str(semicolons)], out=io.StringIO(), err=err) == 0, err.getvalue()
    assert main([*args, "--out", str(commas), "--separator", ","], out=io.StringIO(), err=err) == 0, err.getvalue()
    assert semicolons.read_text(encoding="utf-8-sig").splitlines()[0] == "tabel;rij;kolom;waarde"
    assert commas.read_text(encoding="utf-8-sig").splitlines()[0] == "tabel,rij,kolom,waarde"

    def rows(data: bytes, delimiter: str) -> list[list[str]]:
        return [row for row in _parse(data, delimiter)[1:] if row[1] != "Auditanker"]  # the anchor moved on

    assert rows(semicolons.read_bytes(), ";") == rows(commas.read_bytes(), ",")


def test_catalogue_csv_export_round_trips_with_either_separator(tmp_path: Path) -> None:
    err = io.StringIO()
    for separator in (";", ","):
        folder = tmp_path / f"cat{'-komma' if separator == ',' else ''}"
        code = main(["catalogue", "export", str(folder), "--format", "csv", "--separator", separator], err=err)
        assert code == 0, err.getvalue()
        header = (folder / "providers.csv").read_text(encoding="utf-8-sig").splitlines()[0]
        assert separator in header and ({";", ","} - {separator}).pop() not in header
        code = main(["catalogue", "validate", str(folder)], out=io.StringIO(), err=err)
        assert code == 0, err.getvalue()
