"""The report as tables (one per sheet), exact for the dashboard or anonymous for funders.

Anonymous tables show every count from 1 to 4 as ``"<5"`` (0 stays 0) so that nobody can be
recognised; a percentage or an average computed from such a small count is left out (``"–"``).
"""

from __future__ import annotations

from dataclasses import dataclass

from leerwinkel.dates import format_date
from leerwinkel.messages import _
from leerwinkel.reports.figures import Count, GroupCounts, OutcomeRow, Report, Share

Cell = str | int | float | None

SMALL = "<5"
SUPPRESSED = "–"
SMALL_LIMIT = 5
#: The one height at which every suppressed count (1 to 4) is drawn in a chart, labelled "<5". It is not a
#: whole number, so no suppressed count is ever drawn at its own height (a bar of 4 would be a real count).
SMALL_BAR = 2.5
#: Spreadsheet number format for chart values: 0 as 0, the fixed small bar as "<5", other counts as numbers.
SMALL_NUMBER_FORMAT = '[=0]0;[<5]"<5";0'


@dataclass(frozen=True)
class Table:
    """One table of the report: a short ``title`` (also the sheet name), a header and rows."""

    key: str
    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


def is_small(count: int) -> bool:
    """True for a count that an anonymous export must not show (1 to 4)."""
    return 0 < count < SMALL_LIMIT


def shown_count(count: int, *, anonymous: bool) -> int | str:
    """The count as an export shows it: ``"<5"`` for 1..4 when anonymous, else the number."""
    return SMALL if anonymous and is_small(count) else count


def chart_value(count: int, *, anonymous: bool) -> float:
    """The height a chart draws ``count`` at: :data:`SMALL_BAR` for 1..4 when anonymous, else the count."""
    return SMALL_BAR if anonymous and is_small(count) else float(count)


def chart_label(count: int, *, anonymous: bool) -> str:
    """The label a chart writes at a bar: ``"<5"`` for 1..4 when anonymous, else the count."""
    return SMALL if anonymous and is_small(count) else str(count)


def period_text(report: Report) -> str:
    return _("{start} tot en met {end}").format(
        start=format_date(report.period.start), end=format_date(report.period.end)
    )


def _share_cells(share: Share, *, anonymous: bool) -> tuple[Cell, ...]:
    hide = anonymous and (is_small(share.part) or is_small(share.whole))
    percent: Cell = SUPPRESSED if hide or share.percent is None else share.percent
    return (
        share.label,
        shown_count(share.part, anonymous=anonymous),
        shown_count(share.whole, anonymous=anonymous),
        percent,
    )


def _outcome_rows(rows: tuple[OutcomeRow, ...], *, anonymous: bool) -> tuple[tuple[Cell, ...], ...]:
    def n(count: int) -> int | str:
        return shown_count(count, anonymous=anonymous)

    result = []
    for row in rows:
        hide = anonymous and (is_small(row.started) or is_small(row.to_work))
        percent: Cell = SUPPRESSED if hide or row.work_percent is None else row.work_percent
        result.append((row.label, n(row.referred), n(row.started), n(row.completed), n(row.to_work), percent))
    return tuple(result)


def _count_rows(counts: tuple[Count, ...], *, anonymous: bool) -> tuple[tuple[Cell, ...], ...]:
    return tuple((c.label, shown_count(c.count, anonymous=anonymous)) for c in counts)


def _matrix(
    groups: tuple[GroupCounts, ...], *, anonymous: bool
) -> tuple[tuple[str, ...], tuple[tuple[Cell, ...], ...]]:
    """Codes as rows, target groups as columns (only the groups with persons)."""
    columns = [g for g in groups if g.persons > 0]
    header = (_("Drempel"), *(g.label for g in columns))
    order: list[tuple[str, str]] = []
    for group in columns:
        for count in group.counts:
            if (count.code, count.label) not in order:
                order.append((count.code, count.label))
    values = {(g.code, c.code): c.count for g in columns for c in g.counts}
    rows = tuple(
        (label, *(shown_count(values.get((g.code, code), 0), anonymous=anonymous) for g in columns))
        for code, label in order
        if any(values.get((g.code, code), 0) for g in columns)
    )
    return header, rows


def report_tables(report: Report, *, anonymous: bool) -> list[Table]:
    """The report as tables, in the order the PDF and the workbook show them."""
    o = report.overview

    def n(count: int) -> int | str:
        return shown_count(count, anonymous=anonymous)

    time = o.enrolment_time
    average: Cell = time.average_days
    if average is None or (anonymous and is_small(time.referrals)):
        average = SUPPRESSED
    overview_rows: tuple[tuple[Cell, ...], ...] = (
        (_("Personen begeleid"), n(o.persons)),
        (_("Nieuwe personen"), n(o.new_persons)),
        (_("Terugkerende personen"), n(o.returning_persons)),
        (_("Intakes"), n(o.intakes)),
        (_("Verwijzingen"), n(o.referrals)),
        (_("Ingeschreven"), n(o.enrolled)),
        (_("Gestart"), n(o.started)),
        (_("Afgerond"), n(o.completed)),
        (_("Afgehaakt"), n(o.dropped_out)),
        (_("Opvolgingen te laat (op {day})").format(day=format_date(report.today)), n(o.overdue_follow_ups)),
        (_("Gemiddeld aantal dagen van intake tot inschrijving"), average),
        (_("Inschrijvingen waarop dat gemiddelde berust"), n(time.referrals)),
        (_("Verwijzingen ondanks uitsluiting (met reden)"), n(o.referred_anyway)),
        (_("Verwijzingen buiten de catalogus"), n(o.outside_catalogue)),
    )
    top_rows: list[tuple[Cell, ...]] = []
    for group in report.top_wishes_by_group:
        for rank, count in enumerate(group.counts, start=1):
            top_rows.append((group.label, rank, count.label, n(count.count), n(group.persons)))
    matrix_header, matrix_rows = _matrix(report.thresholds_by_group, anonymous=anonymous)
    people = _("Personen")
    outcome_header = (_("Verwezen"), _("Gestart"), _("Afgerond"), _("Stage of betaald werk"), _("% van gestart"))
    return [
        Table("overview", _("Overzicht"), (_("Cijfer"), _("Aantal")), overview_rows),
        Table(
            "trend",
            _("Per maand"),
            (_("Maand"), _("Intakes"), _("Verwijzingen"), _("Inschrijvingen")),
            tuple((p.label, n(p.intakes), n(p.referrals), n(p.enrolments)) for p in report.trend),
        ),
        Table(
            "target_groups",
            _("Doelgroepen"),
            (_("Doelgroep"), people),
            _count_rows(report.target_groups, anonymous=anonymous),
        ),
        Table("wishes", _("Leerwensen"), (_("Leerwens"), people), _count_rows(report.wishes, anonymous=anonymous)),
        Table(
            "top_wishes",
            _("Top 3 per doelgroep"),
            (_("Doelgroep"), _("Plaats"), _("Leerwens"), people, _("Personen in de doelgroep")),
            tuple(top_rows),
        ),
        Table("thresholds", _("Drempels"), (_("Drempel"), people), _count_rows(report.thresholds, anonymous=anonymous)),
        Table("thresholds_by_group", _("Drempels per doelgroep"), matrix_header, matrix_rows),
        Table(
            "vulnerabilities",
            _("Kwetsbaarheden"),
            (_("Kwetsbaarheid"), people),
            _count_rows(report.vulnerabilities, anonymous=anonymous),
        ),
        Table(
            "referrals_by_provider",
            _("Verwijzingen per aanbieder"),
            (_("Aanbieder"), _("Verwijzingen")),
            _count_rows(report.referrals_by_provider, anonymous=anonymous),
        ),
        Table(
            "referrals_by_category",
            _("Verwijzingen per categorie"),
            (_("Categorie"), _("Verwijzingen")),
            _count_rows(report.referrals_by_category, anonymous=anonymous),
        ),
        Table(
            "outcomes",
            _("Resultaten"),
            (_("Resultaat"), people, _("Van (afgerond of afgehaakt)"), _("Percentage")),
            tuple(_share_cells(s, anonymous=anonymous) for s in report.outcome_shares),
        ),
        *(
            Table(key, title, (first, *outcome_header), _outcome_rows(rows, anonymous=anonymous))
            for key, title, first, rows in (
                ("outcomes_by_programme", _("Resultaat per programma"), _("Programma"), report.outcomes_by_programme),
                ("outcomes_by_provider", _("Resultaat per aanbieder"), _("Aanbieder"), report.outcomes_by_provider),
                ("outcomes_by_offering", _("Resultaat per aanbod"), _("Aanbod"), report.outcomes_by_offering),
            )
        ),
    ]
