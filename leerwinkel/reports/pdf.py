"""The PDF report (ReportLab): letterhead, headline figures, bar charts and every table.

Anonymous by default: counts 1..4 print as "<5", and in the charts they are drawn as a bar of one
fixed height (tables.SMALL_BAR) labelled "<5", so that a bar never reveals the exact small number.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    TableStyle,
)
from reportlab.platypus import Table as PdfTable

from leerwinkel.dates import format_date
from leerwinkel.messages import _
from leerwinkel.paths import resource
from leerwinkel.reports.definitions import definitions_table, small_counts_note
from leerwinkel.reports.figures import Count, Letterhead, Report
from leerwinkel.reports.tables import SMALL, Table, chart_label, chart_value, period_text, report_tables
from leerwinkel.typeset import FONT, FONT_BOLD, paragraph, register_fonts

ACCENT = colors.HexColor("#1f5f8b")
SECOND = colors.HexColor("#e07b39")
THIRD = colors.HexColor("#6a9f3b")
PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 18 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=12.5)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10, textColor=colors.HexColor("#444444")),
        "title": ParagraphStyle("title", parent=base, fontName=FONT_BOLD, fontSize=18, leading=22, spaceAfter=4),
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=12,
            leading=15,
            spaceBefore=10,
            spaceAfter=4,
            textColor=ACCENT,
        ),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=10.5),
    }


def _bar_chart(title: str, counts: Sequence[Count], *, anonymous: bool, limit: int = 10) -> Drawing:
    """A horizontal bar chart of the largest non-zero counts."""
    shown = [c for c in counts if c.count > 0][:limit] or list(counts[:1])
    row_height = 15
    height = 30 + row_height * max(len(shown), 1)
    drawing = Drawing(CONTENT_WIDTH, height)
    drawing.add(String(0, height - 12, title, fontName=FONT_BOLD, fontSize=10, fillColor=ACCENT))
    chart = HorizontalBarChart()
    chart.x = 190
    chart.y = 5
    chart.width = CONTENT_WIDTH - 230
    chart.height = row_height * max(len(shown), 1)
    values = [chart_value(c.count, anonymous=anonymous) for c in reversed(shown)]
    labels = [chart_label(c.count, anonymous=anonymous) for c in reversed(shown)]
    chart.data = [values]
    chart.categoryAxis.categoryNames = [_short(c.label) for c in reversed(shown)]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max([*values, 5.0]) * 1.1
    chart.valueAxis.visible = False
    chart.bars[0].fillColor = ACCENT
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = "values"
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 8
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    chart.barLabelArray = [labels]
    drawing.add(chart)
    return drawing


def _trend_chart(report: Report, *, anonymous: bool) -> Drawing:
    """Grouped bars per month: intakes, referrals and enrolments."""
    height = 170
    drawing = Drawing(CONTENT_WIDTH, height)
    drawing.add(String(0, height - 12, _("Verloop per maand"), fontName=FONT_BOLD, fontSize=10, fillColor=ACCENT))
    points = report.trend
    series = [
        [chart_value(p.intakes, anonymous=anonymous) for p in points],
        [chart_value(p.referrals, anonymous=anonymous) for p in points],
        [chart_value(p.enrolments, anonymous=anonymous) for p in points],
    ]
    chart = VerticalBarChart()
    chart.x = 30
    chart.y = 30
    chart.width = CONTENT_WIDTH - 150
    chart.height = height - 60
    chart.data = series
    chart.categoryAxis.categoryNames = [p.label for p in points]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.angle = 30 if len(points) > 6 else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if len(points) > 6 else "n"
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max([v for s in series for v in s] + [5.0]) * 1.1
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    if anonymous:
        chart.valueAxis.labelTextFormat = lambda value: "" if 0 < value < 5 else f"{value:.0f}"
        counts = [[p.intakes for p in points], [p.referrals for p in points], [p.enrolments for p in points]]
        # Only the suppressed bars are labelled: their fixed height says nothing, the label says "<5".
        chart.barLabelFormat = "values"
        chart.barLabels.fontName = FONT
        chart.barLabels.fontSize = 6
        chart.barLabels.boxAnchor = "s"
        chart.barLabels.dy = 2
        chart.barLabelArray = [[SMALL if 0 < c < 5 else "" for c in row] for row in counts]
    for index, colour in enumerate((ACCENT, SECOND, THIRD)):
        chart.bars[index].fillColor = colour
        chart.bars[index].strokeColor = None
    drawing.add(chart)
    legend = Legend()
    legend.x = CONTENT_WIDTH - 105
    legend.y = height - 30
    legend.fontName = FONT
    legend.fontSize = 8
    legend.alignment = "right"
    legend.colorNamePairs = [
        (ACCENT, _("Intakes")),
        (SECOND, _("Verwijzingen")),
        (THIRD, _("Inschrijvingen")),
    ]
    drawing.add(legend)
    return drawing


def _table(table: Table, styles: dict[str, ParagraphStyle]) -> Flowable:
    cell = styles["cell"]
    head = ParagraphStyle("head", parent=cell, fontName=FONT_BOLD, textColor=colors.white)
    data: list[list[object]] = [[paragraph(h, head) for h in table.header]]
    for row in table.rows:
        data.append([paragraph("" if value is None else _cell_text(value), cell) for value in row])
    widths = _column_widths(table)
    pdf_table = PdfTable(data, colWidths=widths, repeatRows=1)
    pdf_table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#eef3f7")]),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#c8d3dc")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return pdf_table


def _column_widths(table: Table) -> list[float]:
    """Widths in proportion to each column's longest text (longest word for the header), within bounds."""
    weights: list[float] = []
    for index, header in enumerate(table.header):
        cells = [_cell_text(row[index]) for row in table.rows if row[index] is not None]
        longest_word = max((len(word) for word in header.split()), default=4)
        longest = max([len(text) for text in cells] + [longest_word + 3, 8])
        weights.append(min(float(longest), 38.0))
    total = sum(weights)
    return [CONTENT_WIDTH * weight / total for weight in weights]


def _cell_text(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",")
    return str(value)


def _letterhead_lines(letterhead: Letterhead) -> list[str]:
    address = ", ".join(p for p in (letterhead.street, f"{letterhead.postcode} {letterhead.city}".strip()) if p)
    contact = " · ".join(p for p in (letterhead.phone, letterhead.email) if p)
    return [line for line in (address, contact) if line]


def render_report_pdf(report: Report, letterhead: Letterhead, *, anonymous: bool = True, anchor: str = "") -> bytes:
    """The report as PDF bytes (A4). Write them with leerwinkel.fileio, never directly."""
    register_fonts()
    styles = _styles()
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN + 16 * mm,
        bottomMargin=MARGIN,
        title=_("Rapport {name}").format(name=letterhead.name),
        author=letterhead.name,
        subject=period_text(report),
        creator="Leerwinkel Intake",
        keywords=[anchor] if anchor else [],  # the audit anchor (leerwinkel.security.anchors)
    )
    logo = _logo_path(letterhead)

    def on_page(canvas: object, doc: object) -> None:
        _draw_letterhead(canvas, doc, letterhead, logo)

    story: list[Flowable] = [
        Paragraph(escape(_("Rapport: cijfers van de Leerwinkel")), styles["title"]),
        Paragraph(
            escape(
                _("Periode: {period} · Locatie: {site} · Opgemaakt op {today}").format(
                    period=period_text(report), site=report.site_name, today=format_date(report.today)
                )
            ),
            styles["body"],
        ),
    ]
    if anonymous:
        story.append(
            Paragraph(
                escape(_("Dit rapport is anoniem: het bevat geen namen.") + " " + small_counts_note()), styles["small"]
            )
        )
    tables = report_tables(report, anonymous=anonymous)
    by_key = {t.key: t for t in tables}
    story += [Spacer(1, 4 * mm), Paragraph(escape(by_key["overview"].title), styles["h2"])]
    story.append(_table(by_key["overview"], styles))
    story.append(
        Paragraph(
            escape(
                _(
                    "Hoe elk cijfer geteld wordt, staat achteraan onder “Wat de cijfers betekenen”. “Ingeschreven” "
                    "telt inschrijvingen in de periode, ook bij verwijzingen van vroeger, en kan dus groter zijn "
                    "dan “Verwijzingen”."
                )
            ),
            styles["small"],
        )
    )
    story += [Spacer(1, 4 * mm), _trend_chart(report, anonymous=anonymous), Spacer(1, 6 * mm)]
    story.append(CondPageBreak(60 * mm))
    story.append(_bar_chart(_("Leerwensen (personen)"), report.wishes, anonymous=anonymous))
    story.append(Spacer(1, 3 * mm))
    story.append(_bar_chart(_("Drempels (personen)"), report.thresholds, anonymous=anonymous))
    story.append(Spacer(1, 3 * mm))
    story.append(_bar_chart(_("Verwijzingen per aanbieder"), report.referrals_by_provider, anonymous=anonymous))
    for table in tables:
        if table.key == "overview":
            continue
        story.append(CondPageBreak(45 * mm))  # a heading never sits alone at the foot of a page
        story += [Paragraph(escape(table.title), styles["h2"]), _table(table, styles)]
    story.append(CondPageBreak(45 * mm))
    story += [Paragraph(escape(_("Wat de cijfers betekenen")), styles["h2"]), _table(definitions_table(), styles)]
    document.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return buffer.getvalue()


def _logo_path(letterhead: Letterhead) -> Path | None:
    candidates = [Path(letterhead.logo)] if letterhead.logo else [resource("images", "leerwinkel-logo.png")]
    for path in candidates:
        try:
            if path.is_file():
                return path
        except OSError:
            continue
    return None


def _draw_letterhead(canvas: object, doc: object, letterhead: Letterhead, logo: Path | None) -> None:
    from reportlab.pdfgen.canvas import Canvas

    assert isinstance(canvas, Canvas)
    canvas.saveState()
    top = PAGE_HEIGHT - MARGIN
    x = MARGIN
    if logo is not None:
        try:
            canvas.drawImage(str(logo), MARGIN, top - 12 * mm, width=12 * mm, height=12 * mm, mask="auto")
            x = MARGIN + 15 * mm
        except OSError:
            pass
    canvas.setFillColor(ACCENT)
    canvas.setFont(FONT_BOLD, 12)
    canvas.drawString(x, top - 4 * mm, letterhead.name)
    canvas.setFillColor(colors.HexColor("#444444"))
    canvas.setFont(FONT, 8)
    for index, line in enumerate(_letterhead_lines(letterhead)):
        canvas.drawString(x, top - 8.5 * mm - index * 3.6 * mm, line)
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(0.8)
    canvas.line(MARGIN, top - 14 * mm, PAGE_WIDTH - MARGIN, top - 14 * mm)
    page = getattr(doc, "page", 1)
    canvas.drawRightString(PAGE_WIDTH - MARGIN, MARGIN / 2, _("Pagina {page}").format(page=page))
    canvas.restoreState()


def _short(label: str, limit: int = 36) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"
