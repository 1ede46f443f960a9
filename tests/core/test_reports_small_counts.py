"""A suppressed count (1 to 4) cannot be read from the anonymous PDF or XLSX: not from a table, not from a chart.

Each test renders the same made-up report twice, once with the small count 1 and once with 3, and checks that
the anonymous outputs are the same; the exact (non-anonymous) outputs differ, so the count really reaches them.
"""

from __future__ import annotations

import io
import zipfile

import pypdf
import pytest
from openpyxl import load_workbook

from leerwinkel.reports.definitions import figure_definitions
from leerwinkel.reports.export import report_xlsx
from leerwinkel.reports.figures import Letterhead
from leerwinkel.reports.pdf import render_report_pdf
from leerwinkel.reports.tables import SMALL_BAR, chart_label, chart_value
from tests.pdfcheck import pdf_text
from tests.reportdata import small_count_report

LETTERHEAD = Letterhead("Leerwinkel Proefstad", "Voorbeeldstraat 1", "2800", "Mechelen", "", "", "")


def _page_contents(pdf: bytes) -> list[bytes]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return [page.get_contents().get_data() for page in reader.pages]  # type: ignore[union-attr]


def _workbook_values(data: bytes) -> dict[str, list[tuple[object, ...]]]:
    workbook = load_workbook(io.BytesIO(data))
    return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in workbook.worksheets}


def _chart_parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist() if name.startswith("xl/charts/")}


@pytest.mark.parametrize("count", [0, 1, 2, 3, 4, 5, 12])
def test_chart_heights_hide_small_counts(count: int) -> None:
    small = 0 < count < 5
    assert chart_value(count, anonymous=True) == (SMALL_BAR if small else count)
    assert chart_label(count, anonymous=True) == ("<5" if small else str(count))
    assert chart_value(count, anonymous=False) == count
    assert SMALL_BAR not in (1, 2, 3, 4)  # the fixed height is never a real small count


def test_pdf_is_the_same_whatever_the_small_count() -> None:
    one, three = (render_report_pdf(small_count_report(n), LETTERHEAD) for n in (1, 3))
    assert _page_contents(one) == _page_contents(three)
    text = pdf_text(one)
    assert "<5" in text and "Wat de cijfers betekenen" in text
    for item in figure_definitions():
        assert item.label in text
    exact = (render_report_pdf(small_count_report(n), LETTERHEAD, anonymous=False) for n in (1, 3))
    assert _page_contents(next(exact)) != _page_contents(next(exact))


def test_xlsx_cells_and_charts_are_the_same_whatever_the_small_count() -> None:
    one, three = (report_xlsx(small_count_report(n), LETTERHEAD) for n in (1, 3))
    assert _workbook_values(one) == _workbook_values(three)
    charts = _chart_parts(one)
    assert len(charts) >= 4  # the monthly trend, wishes, thresholds and providers
    assert charts == _chart_parts(three)
    exact = [report_xlsx(small_count_report(n), LETTERHEAD, anonymous=False) for n in (1, 3)]
    assert _workbook_values(exact[0]) != _workbook_values(exact[1])


def test_xlsx_chart_sheet_draws_small_counts_at_one_height_labelled_small() -> None:
    workbook = load_workbook(io.BytesIO(report_xlsx(small_count_report(3), LETTERHEAD)))
    assert {"Definities", "Grafieken"} <= set(workbook.sheetnames)
    sheet = workbook["Grafieken"]
    assert len(sheet._charts) == 4
    rows = {row[0].value: row[1] for row in sheet.iter_rows(min_col=1, max_col=2) if row[0].value}
    assert rows["VCA"].value == SMALL_BAR and rows["NT2"].value == 9
    assert '"<5"' in rows["VCA"].number_format  # the cell and the chart's data labels read "<5"
    assert b"&quot;&lt;5&quot;" in _chart_parts(report_xlsx(small_count_report(3), LETTERHEAD))["xl/charts/chart2.xml"]
    definitions = [row[0] for row in workbook["Definities"].iter_rows(min_row=2, values_only=True)]
    assert definitions == [item.label for item in figure_definitions()]
