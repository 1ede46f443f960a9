"""Exports never carry live formulas from user text; safe writes never leave half a file."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from leerwinkel.fileio import atomic_writer
from leerwinkel.tabular import csv_bytes, neutralise, write_xlsx

HOSTILE = ["=1+1", "+32 470", "-2+3", "@SUM(A1)", "\tTab", "\rCR", '=HYPERLINK("http://x","y")']


@pytest.mark.parametrize("value", HOSTILE)
def test_formula_prefixes_are_neutralised(value: str) -> None:
    assert neutralise(value) == "'" + value


def test_numbers_and_plain_text_are_kept() -> None:
    assert neutralise(-3) == -3
    assert neutralise(2.5) == 2.5
    assert neutralise("Mechelen") == "Mechelen"


def test_csv_cells_are_neutralised(tmp_path: Path) -> None:
    data = csv_bytes(["naam"], [[v] for v in HOSTILE])
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert all(cell.startswith("'") for (cell,) in rows[1:])


def test_xlsx_cells_are_text_not_formulas(tmp_path: Path) -> None:
    target = tmp_path / "uit.xlsx"
    write_xlsx(target, {"Cliënten": (["naam", "aantal"], [[v, 3] for v in HOSTILE])})
    sheet = load_workbook(target)["Cliënten"]
    for name, count in sheet.iter_rows(min_row=2, values_only=True):
        assert isinstance(name, str) and name.startswith("'")
        assert count == 3
    for cells in sheet.iter_rows(min_row=2):
        assert cells[0].data_type == "s"


def test_failed_write_leaves_old_file(tmp_path: Path) -> None:
    target = tmp_path / "brief.pdf"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), atomic_writer(target) as handle:
        handle.write(b"half")  # type: ignore[arg-type]
        raise RuntimeError("stop")
    assert target.read_bytes() == b"old"
    assert [p for p in tmp_path.iterdir() if p.name != "data"] == [target]  # data/: the test key file
