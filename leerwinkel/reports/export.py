"""Write a report to PDF, XLSX (one sheet per table, numbers as numbers) or CSV, always safely.

Files go through leerwinkel.fileio (temporary file, then rename) and spreadsheets through
leerwinkel.tabular (no live formulas).
"""

from __future__ import annotations

from pathlib import Path

from leerwinkel.dates import format_date
from leerwinkel.errors import InvalidInputError
from leerwinkel.fileio import atomic_write_bytes
from leerwinkel.messages import _
from leerwinkel.reports.definitions import definitions_table
from leerwinkel.reports.figures import Letterhead, Report
from leerwinkel.reports.pdf import render_report_pdf
from leerwinkel.reports.tables import Cell, period_text, report_tables
from leerwinkel.reports.xlsxcharts import add_chart_sheet
from leerwinkel.tabular import csv_bytes, workbook_bytes, xlsx_workbook

EXPORT_FORMATS = (".pdf", ".xlsx", ".csv")


def export_format(path: Path) -> str:
    """The export format of ``path`` from its extension; InvalidInputError for any other."""
    suffix = path.suffix.lower()
    if suffix not in EXPORT_FORMATS:
        raise InvalidInputError.single(
            "bad-export-format", field="file", value=path.name, allowed=", ".join(EXPORT_FORMATS)
        )
    return suffix


def _about(report: Report, letterhead: Letterhead, *, anonymous: bool, anchor: str = "") -> list[tuple[Cell, ...]]:
    rows: list[tuple[Cell, ...]] = [
        (_("Organisatie"), letterhead.name),
        (_("Periode"), period_text(report)),
        (_("Van"), format_date(report.period.start)),
        (_("Tot en met"), format_date(report.period.end)),
        (_("Locatie"), report.site_name),
        (_("Opgemaakt op"), format_date(report.today)),
    ]
    if anonymous:
        rows.append((_("Anoniem"), _("geen namen; aantallen van 1 tot 4 staan als <5")))
    if anchor:
        rows.append((_("Auditanker"), anchor))  # leerwinkel.security.anchors: `audit verify --anchor FILE`
    return rows


def report_csv(
    report: Report, letterhead: Letterhead, *, anonymous: bool = True, separator: str = ";", anchor: str = ""
) -> bytes:
    """All tables in one CSV, one value a line: table, row, column, value."""
    rows: list[tuple[Cell, ...]] = [
        (_("Rapport"), label, "", value)
        for label, value in _about(report, letterhead, anonymous=anonymous, anchor=anchor)
    ]
    for table in report_tables(report, anonymous=anonymous):
        for row in table.rows:
            label = row[0]
            for column, value in zip(table.header[1:], row[1:], strict=True):
                rows.append((table.title, label, column, value))
    return csv_bytes((_("tabel"), _("rij"), _("kolom"), _("waarde")), rows, separator=separator)


def report_xlsx(report: Report, letterhead: Letterhead, *, anonymous: bool = True, anchor: str = "") -> bytes:
    """A workbook: a "Rapport" sheet saying what it holds, one sheet per table, the definitions and the charts."""
    sheets: dict[str, tuple[tuple[str, ...], list[tuple[Cell, ...]]]] = {
        _("Rapport"): ((_("Gegeven"), _("Waarde")), _about(report, letterhead, anonymous=anonymous, anchor=anchor))
    }
    for table in report_tables(report, anonymous=anonymous):
        sheets[table.title] = (table.header, list(table.rows))
    meaning = definitions_table()
    sheets[meaning.title] = (meaning.header, list(meaning.rows))
    workbook = xlsx_workbook(sheets)
    add_chart_sheet(workbook, report, anonymous=anonymous)
    return workbook_bytes(workbook)


def write_report(
    report: Report,
    letterhead: Letterhead,
    path: Path,
    *,
    anonymous: bool = True,
    separator: str = ";",
    anchor: str = "",
) -> Path:
    """Write the report to ``path`` (.pdf, .xlsx or .csv); anonymous unless told otherwise.

    ``separator``: between CSV cells (";" for Excel in nl-BE, or ",").
    """
    kind = export_format(path)
    if kind == ".pdf":
        data = render_report_pdf(report, letterhead, anonymous=anonymous, anchor=anchor)
    elif kind == ".xlsx":
        data = report_xlsx(report, letterhead, anonymous=anonymous, anchor=anchor)
    else:
        data = report_csv(report, letterhead, anonymous=anonymous, separator=separator, anchor=anchor)
    atomic_write_bytes(path, data)
    return path
