"""The workbook's "Grafieken" sheet: the report's charts (openpyxl) over chart values that hide small counts.

A count of 1 to 4 is stored as the fixed height tables.SMALL_BAR with a number format that shows "<5", in the
cell and in the chart's data labels; the sheet never holds the true small number.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from leerwinkel.messages import _
from leerwinkel.reports.definitions import definition
from leerwinkel.reports.figures import Count, Report
from leerwinkel.reports.tables import SMALL_NUMBER_FORMAT, chart_value
from leerwinkel.tabular import append_rows, put_cell

CHART_COLOURS = ("1F5F8B", "E07B39", "6A9F3B")
BAR_LIMIT = 10
ROW_CM = 0.53  # the default row height (15 points) in centimetres


def add_chart_sheet(workbook: Any, report: Report, *, anonymous: bool) -> None:
    """Append a sheet with the monthly trend and the wishes, thresholds and providers as bar charts."""
    sheet = workbook.create_sheet(title=_("Grafieken")[:31])
    sheet.column_dimensions["A"].width = 38
    note = _("Aantallen van 1 tot 4 staan als “<5” en zijn in de grafieken altijd even hoog getekend.")
    append_rows(sheet, [(note,)] if anonymous else [("",)])
    row = 3
    row = _trend_block(sheet, report, row, anonymous=anonymous)
    people, referrals = _("Personen"), _("Verwijzingen")
    for key, unit, counts in (
        ("wishes", people, report.wishes),
        ("thresholds", people, report.thresholds),
        ("referrals_by_provider", referrals, report.referrals_by_provider),
    ):
        row = _bar_block(sheet, (definition(key).label, unit), counts, row, anonymous=anonymous)


def _trend_block(sheet: Any, report: Report, top: int, *, anonymous: bool) -> int:
    from openpyxl.chart import BarChart, Reference

    title = definition("trend").label
    header = (title, _("Intakes"), _("Verwijzingen"), _("Inschrijvingen"))
    rows: list[tuple[str | float, ...]] = [
        (p.label, *(chart_value(n, anonymous=anonymous) for n in (p.intakes, p.referrals, p.enrolments)))
        for p in report.trend
    ]
    _write_block(sheet, top, header, rows, anonymous=anonymous)
    chart = BarChart()
    chart.type = "col"
    chart.grouping = "clustered"
    chart.title = title
    chart.y_axis.title = _("Aantal")
    chart.y_axis.numFmt = "0"
    data = Reference(sheet, min_col=2, max_col=4, min_row=top, max_row=top + max(len(rows), 1))
    categories = Reference(sheet, min_col=1, min_row=top + 1, max_row=top + max(len(rows), 1))
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(categories)
    _style(chart, anonymous=anonymous)
    chart.width = 18
    chart.height = 7.5
    sheet.add_chart(chart, f"F{top}")
    return top + max(len(rows) + 3, _rows_for(chart.height))


def _bar_block(sheet: Any, header: tuple[str, str], counts: Sequence[Count], top: int, *, anonymous: bool) -> int:
    from openpyxl.chart import BarChart, Reference

    title = header[0]
    shown = [c for c in counts if c.count > 0][:BAR_LIMIT]
    rows = [(c.label, chart_value(c.count, anonymous=anonymous)) for c in shown]
    _write_block(sheet, top, header, rows, anonymous=anonymous)
    if not rows:
        put_cell(sheet, top + 1, 1, _("Geen gegevens"))
        return top + 4
    chart = BarChart()
    chart.type = "bar"
    chart.title = title
    chart.legend = None
    chart.x_axis.scaling.orientation = "maxMin"  # the largest first, as on screen and in the PDF
    chart.y_axis.numFmt = "0"
    data = Reference(sheet, min_col=2, min_row=top, max_row=top + len(rows))
    categories = Reference(sheet, min_col=1, min_row=top + 1, max_row=top + len(rows))
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(categories)
    _style(chart, anonymous=anonymous)
    chart.width = 18
    chart.height = max(5.0, 1.0 + 0.7 * len(rows))
    sheet.add_chart(chart, f"F{top}")
    return top + max(len(rows) + 3, _rows_for(chart.height))


def _write_block(
    sheet: Any, top: int, header: Sequence[str], rows: Sequence[Sequence[str | float]], *, anonymous: bool
) -> None:
    for column, name in enumerate(header, start=1):
        put_cell(sheet, top, column, name)
    for offset, row in enumerate(rows, start=1):
        for column, value in enumerate(row, start=1):
            cell = put_cell(sheet, top + offset, column, value)
            if anonymous and isinstance(value, float):
                cell.number_format = SMALL_NUMBER_FORMAT


def _style(chart: Any, *, anonymous: bool) -> None:
    from openpyxl.chart.label import DataLabelList

    for index, series in enumerate(chart.series):
        colour = CHART_COLOURS[index % len(CHART_COLOURS)]
        series.graphicalProperties.solidFill = colour
        series.graphicalProperties.line.solidFill = colour
    labels = DataLabelList()
    labels.showVal = True
    labels.showSerName = False
    labels.showCatName = False
    labels.showLegendKey = False
    if anonymous:
        labels.numFmt = SMALL_NUMBER_FORMAT  # the fixed small height reads "<5", never 2.5
    chart.dataLabels = labels


def _rows_for(height_cm: float) -> int:
    return int(height_cm / ROW_CM) + 2
