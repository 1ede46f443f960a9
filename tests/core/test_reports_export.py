"""Report exports: anonymous PDF (text and rendered pages), XLSX with numbers as numbers, CSV."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from leerwinkel.errors import InvalidInputError
from leerwinkel.reports import Period, ReportService
from leerwinkel.reports.tables import report_tables, shown_count
from leerwinkel.storage.store import Store
from tests.factories import counsellor_actor
from tests.reportdata import TODAY, build_dataset

Q1 = Period.quarter(2026, 1)


@pytest.fixture
def service(sqlite_store: Store) -> ReportService:
    build_dataset(sqlite_store)
    return ReportService(sqlite_store)


def test_small_counts_are_hidden() -> None:
    assert [shown_count(n, anonymous=True) for n in (0, 1, 4, 5, 12)] == [0, "<5", "<5", 5, 12]
    assert shown_count(3, anonymous=False) == 3


def test_exact_tables_keep_the_numbers(service: ReportService) -> None:
    tables = {t.key: t for t in report_tables(service.report(Q1, today=TODAY), anonymous=False)}
    assert tables["overview"].rows[0][1] == 4
    assert tables["overview"].rows[10][1] == 19.3
    anonymous = {t.key: t for t in report_tables(service.report(Q1, today=TODAY), anonymous=True)}
    assert anonymous["overview"].rows[0][1] == "<5"
    assert anonymous["overview"].rows[3][1] == 5  # five intakes
    assert anonymous["overview"].rows[10][1] == "–"  # an average over three enrolments is left out
    assert ("Diploma of certificaat", "<5", "<5", "–") in anonymous["outcomes"].rows


def test_pdf_is_anonymous_and_not_blank(service: ReportService, tmp_path: Path) -> None:
    path = service.export(Q1, tmp_path / "rapport.pdf", today=TODAY, actor=counsellor_actor(service._store))
    text = "\n".join(page.extract_text() for page in PdfReader(path).pages)
    assert "Leerwinkel Regio Mechelen" in text  # letterhead
    assert "01/01/2026 tot en met 31/03/2026" in text
    assert "Top 3 per doelgroep" in text and "Verwijzingen per aanbieder" in text
    assert "<5" in text
    for name in ("Ada", "Bram", "Dina", "Testpersoon"):
        assert name not in text
    document = pdfium.PdfDocument(path)
    try:
        assert len(document) >= 2
        for index in range(len(document)):
            image = document[index].render(scale=0.5).to_pil().convert("L")
            low, high = image.getextrema()
            assert low < 100 and high > 200, f"page {index + 1} looks blank"
    finally:
        document.close()


def test_xlsx_one_sheet_per_table_with_numbers(service: ReportService, tmp_path: Path) -> None:
    path = service.export(Q1, tmp_path / "rapport.xlsx", today=TODAY, actor=counsellor_actor(service._store))
    workbook = load_workbook(path)
    assert workbook.sheetnames[:3] == ["Rapport", "Overzicht", "Per maand"]
    assert "Drempels per doelgroep" in workbook.sheetnames
    overview = {row[0]: row[1] for row in workbook["Overzicht"].iter_rows(min_row=2, values_only=True)}
    assert overview["Intakes"] == 5 and isinstance(overview["Intakes"], int)
    assert overview["Personen begeleid"] == "<5"
    providers = list(workbook["Verwijzingen per aanbieder"].iter_rows(min_row=2, values_only=True))
    assert providers == [("CVO Testhuis", "<5"), ("Basiseducatie Proefstad", "<5"), ("Geen aanbieder gekozen", "<5")]
    names = {str(cell) for sheet in workbook for row in sheet.iter_rows(values_only=True) for cell in row}
    assert not {"Ada", "Bram", "Testpersoon"} & names


def test_exact_xlsx_for_the_coordinator(service: ReportService, tmp_path: Path) -> None:
    path = service.export(
        Q1, tmp_path / "exact.xlsx", today=TODAY, anonymous=False, actor=counsellor_actor(service._store)
    )
    rows = list(load_workbook(path)["Leerwensen"].iter_rows(min_row=2, max_row=3, values_only=True))
    assert rows == [("Examencommissie (diploma via examens)", 2), ("VCA basisveiligheid", 2)]


def test_csv_long_format(service: ReportService, tmp_path: Path) -> None:
    path = service.export(
        Q1, tmp_path / "rapport.csv", site="gevangenis-mechelen", today=TODAY, actor=counsellor_actor(service._store)
    )
    rows = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["tabel", "rij", "kolom", "waarde"]
    assert ["Rapport", "Locatie", "", "Gevangenis Mechelen"] in rows
    assert ["Overzicht", "Intakes", "Aantal", "<5"] in rows
    assert ["Per maand", "03/2026", "Verwijzingen", "0"] in rows


def test_bad_extension_writes_nothing(service: ReportService, tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError) as caught:
        service.export(Q1, tmp_path / "rapport.docx", today=TODAY, actor=counsellor_actor(service._store))
    assert caught.value.problems[0].reason == "bad-export-format"
    assert list(tmp_path.glob("rapport*")) == []
