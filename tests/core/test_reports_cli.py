"""``leerwinkel report``: writes the file, or refuses bad input in Dutch with exit 2 and no file."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from leerwinkel.cli import main


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_report_to_xlsx(tmp_path: Path) -> None:
    target = tmp_path / "q1.xlsx"
    code, out, err = run("report", "--from", "2026-01-01", "--to", "31/03/2026", "--out", str(target))
    assert (code, err) == (0, "")
    assert "Rapport opgeslagen" in out
    overview = {r[0]: r[1] for r in load_workbook(target)["Overzicht"].iter_rows(min_row=2, values_only=True)}
    assert overview["Intakes"] == 0


def test_report_for_one_site_to_pdf(tmp_path: Path) -> None:
    target = tmp_path / "gevangenis.pdf"
    code, _out, err = run(
        "report", "--from", "2026-01-01", "--to", "2026-12-31", "--site", "gevangenis-mechelen", "--out", str(target)
    )
    assert (code, err) == (0, "")
    assert target.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--from", "31-02-2026", "--to", "2026-03-31"], "begindatum: “31-02-2026” is geen geldige datum"),
        (["--from", "2026-01-01", "--to", "morgen"], "einddatum: “morgen” is geen geldige datum"),
        (["--from", "2026-03-01", "--to", "2026-01-01"], "de periode eindigt (01/01/2026) vóór ze begint (01/03/2026)"),
        (["--from", "2026-01-01", "--to", "2026-03-31", "--site", "maan"], "Geen locatie van de Leerwinkel gevonden"),
    ],
)
def test_bad_input_is_refused(tmp_path: Path, argv: list[str], expected: str) -> None:
    target = tmp_path / "rapport.pdf"
    code, out, err = run("report", *argv, "--out", str(target))
    assert code == 2
    assert expected.lower() in err.lower()
    assert out == ""
    assert not target.exists()


def test_bad_extension_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "rapport.txt"
    code, _out, err = run("report", "--from", "2026-01-01", "--to", "2026-03-31", "--out", str(target))
    assert code == 2
    assert "eindigt op .pdf, .xlsx, .csv" in err
    assert not target.exists()
