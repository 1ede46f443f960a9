"""The Rapporten page: period and site filters, headline figures, charts and the export buttons."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from leerwinkel.app import Leerwinkel
from leerwinkel.errors import LeerwinkelError
from leerwinkel.messages import describe
from leerwinkel.reports.definitions import definition, small_counts_note
from leerwinkel.reports.figures import Count, Dashboard, Period
from leerwinkel.reports.tables import SUPPRESSED, chart_label, chart_value, is_small, shown_count
from ui.common.operations import QueryOp, WriteOp, present_error, wait_for_background_work
from ui.reports.charts import Bar, BarChartWidget, Series, TrendChartWidget

KINDS = ("year", "quarter", "month", "custom")
BAR_LIMIT = 8


def _bars(counts: Sequence[Count]) -> list[Bar]:
    """The largest non-zero counts as bars; a count of 1 to 4 as the fixed small bar labelled "<5"."""
    return [
        Bar(c.label, chart_value(c.count, anonymous=True), chart_label(c.count, anonymous=True))
        for c in counts
        if c.count
    ][:BAR_LIMIT]


class ReportsPage(QWidget):
    """The dashboard: figures follow the filters; computing happens off the UI thread."""

    refreshed = Signal()
    exported = Signal(str)
    failed = Signal(str)

    def __init__(self, app: Leerwinkel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self._generation = 0
        self.dashboard: Dashboard | None = None
        today = app.reports.today()

        self.kind = QComboBox()
        for key, label in zip(
            KINDS, (self.tr("Jaar"), self.tr("Kwartaal"), self.tr("Maand"), self.tr("Aangepast")), strict=True
        ):
            self.kind.addItem(label, key)
        self.kind.setCurrentIndex(1)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(today.year)
        self.part = QComboBox()
        self.date_from = QDateEdit(QDate(today.year, 1, 1))
        self.date_to = QDateEdit(QDate(today.year, today.month, today.day))
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
        self.site = QComboBox()
        self.site.addItem(self.tr("Alle locaties"), None)
        for choice in app.reports.sites():
            self.site.addItem(choice.name, choice.code)
        self.refresh_button = QPushButton(self.tr("&Vernieuwen"))
        self.refresh_button.setToolTip(self.tr("Cijfers opnieuw berekenen (F5)"))

        filters = QGridLayout()
        for column, (text, widget, name) in enumerate(
            (
                (self.tr("&Periode"), self.kind, self.tr("Soort periode")),
                (self.tr("&Jaar"), self.year, self.tr("Jaar")),
                (self.tr("&Deel"), self.part, self.tr("Kwartaal of maand")),
                (self.tr("Va&n"), self.date_from, self.tr("Eerste dag")),
                (self.tr("&Tot en met"), self.date_to, self.tr("Laatste dag")),
                (self.tr("&Locatie"), self.site, self.tr("Locatie")),
            )
        ):
            buddy = QLabel(text)
            buddy.setBuddy(widget)
            widget.setAccessibleName(name)
            filters.addWidget(buddy, 0, column)
            filters.addWidget(widget, 1, column)
        filters.addWidget(self.refresh_button, 1, 6)
        self._set_part_items()
        self.part.setCurrentIndex((today.month - 1) // 3)

        self.figures: dict[str, QLabel] = {}
        figures_box = QGroupBox(self.tr("Cijfers"))
        grid = QGridLayout(figures_box)
        overview_keys = (
            "persons",
            "new_persons",
            "returning_persons",
            "intakes",
            "referrals",
            "enrolled",
            "started",
            "completed",
            "dropped_out",
            "overdue_follow_ups",
            "enrolment_days",
            "referred_anyway",
            "outside_catalogue",
        )
        for index, key in enumerate(overview_keys):
            meaning = definition(key)
            caption = QLabel(meaning.label)
            caption.setToolTip(meaning.text)
            value = QLabel("–")
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setAccessibleName(meaning.label)
            value.setAccessibleDescription(meaning.text)
            value.setToolTip(meaning.text)
            font = value.font()
            font.setPointSizeF(font.pointSizeF() * 1.6)
            font.setBold(True)
            value.setFont(font)
            row, column = divmod(index, 6)
            grid.addWidget(caption, row * 2, column)
            grid.addWidget(value, row * 2 + 1, column)
            self.figures[key] = value
        self.figures_note = QLabel(
            self.tr(
                "Houd de muis op een cijfer voor hoe het geteld wordt; F1 toont alle uitleg. “Ingeschreven” telt "
                "inschrijvingen in de periode, ook bij verwijzingen van vroeger, en kan dus groter zijn dan "
                "“Verwijzingen”."
            )
        )
        self.figures_note.setWordWrap(True)
        grid.addWidget(self.figures_note, 6, 0, 1, 6)

        self.trend = TrendChartWidget(definition("trend").label)
        self.wishes_chart = BarChartWidget(definition("wishes").label)
        self.thresholds_chart = BarChartWidget(definition("thresholds").label)
        for chart, key in ((self.trend, "trend"), (self.wishes_chart, "wishes"), (self.thresholds_chart, "thresholds")):
            chart.setToolTip(definition(key).text)
        bars = QHBoxLayout()
        bars.addWidget(self.wishes_chart)
        bars.addWidget(self.thresholds_chart)

        self.pdf_button = QPushButton(self.tr("Exporteren als PD&F…"))
        self.xlsx_button = QPushButton(self.tr("Exporteren als &Excel…"))
        self.csv_button = QPushButton(self.tr("Exporteren als &CSV…"))
        exports = QHBoxLayout()
        note = QLabel(self.tr("Het scherm en de exports zijn anoniem: geen namen, aantallen van 1 tot 4 als “<5”."))
        note.setToolTip(small_counts_note())
        note.setWordWrap(True)
        exports.addWidget(note, 1)
        for button in (self.pdf_button, self.xlsx_button, self.csv_button):
            exports.addWidget(button)
        self.status = QLabel("")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Melding"))

        content = QWidget()
        layout = QVBoxLayout(content)
        heading = QLabel(self.tr("Rapporten"))
        heading_font = heading.font()
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.5)
        heading_font.setBold(True)
        heading.setFont(heading_font)
        layout.addWidget(heading)
        layout.addLayout(filters)
        layout.addWidget(figures_box)
        layout.addWidget(self.trend, 2)
        layout.addLayout(bars, 3)
        layout.addLayout(exports)
        layout.addWidget(self.status)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        for signal in (
            self.year.valueChanged,
            self.part.currentIndexChanged,
            self.date_from.dateChanged,
            self.date_to.dateChanged,
            self.site.currentIndexChanged,
        ):
            signal.connect(self._on_filters_changed)
        self.refresh_button.clicked.connect(self.refresh)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.refresh)
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        self.csv_button.clicked.connect(lambda: self.export("csv"))
        self._update_enabled()
        self._stale = True  # computed when the page is first shown, not when the window is built

    # -- filters -----------------------------------------------------------------------------------

    def _set_part_items(self) -> None:
        kind = self.kind.currentData()
        self.part.blockSignals(True)
        self.part.clear()
        if kind == "quarter":
            for number in range(1, 5):
                self.part.addItem(self.tr("Kwartaal %1").replace("%1", str(number)), number)
        elif kind == "month":
            for number, name in enumerate(
                (
                    self.tr("januari"),
                    self.tr("februari"),
                    self.tr("maart"),
                    self.tr("april"),
                    self.tr("mei"),
                    self.tr("juni"),
                    self.tr("juli"),
                    self.tr("augustus"),
                    self.tr("september"),
                    self.tr("oktober"),
                    self.tr("november"),
                    self.tr("december"),
                ),
                start=1,
            ):
                self.part.addItem(name, number)
        self.part.blockSignals(False)

    def _update_enabled(self) -> None:
        kind = self.kind.currentData()
        self.year.setEnabled(kind != "custom")
        self.part.setEnabled(kind in ("quarter", "month"))
        self.date_from.setEnabled(kind == "custom")
        self.date_to.setEnabled(kind == "custom")

    def period(self) -> Period:
        """The period the filters describe; InvalidInputError for a reversed custom range."""
        kind = self.kind.currentData()
        year = self.year.value()
        if kind == "year":
            return Period.year(year)
        if kind == "quarter":
            return Period.quarter(year, int(self.part.currentData() or 1))
        if kind == "month":
            return Period.month(year, int(self.part.currentData() or 1))
        start: dt.date = self.date_from.date().toPython()  # type: ignore[assignment]  # QDate.toPython is untyped
        end: dt.date = self.date_to.date().toPython()  # type: ignore[assignment]  # QDate.toPython is untyped
        return Period(start, end)

    def site_code(self) -> str | None:
        data = self.site.currentData()
        return None if data is None else str(data)

    def _on_kind_changed(self) -> None:
        self._set_part_items()
        self._update_enabled()
        self.refresh()

    def _on_filters_changed(self) -> None:
        self.refresh()

    # -- background work ---------------------------------------------------------------------------

    def wait_for_work(self) -> None:
        """Block until background work is done (closing the page, tests)."""
        wait_for_background_work()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Recompute the figures for the current filters, off the UI thread (only while visible)."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        try:
            period = self.period()
        except LeerwinkelError as error:
            self._show_error(error)
            return
        site = self.site_code()
        self._generation += 1
        generation = self._generation
        self.status.setText(self.tr("Cijfers worden berekend…"))
        reports = self.app.reports
        today = reports.today()
        QueryOp(
            parent=self,
            op=lambda _progress: reports.dashboard(period, site=site, today=today),
            success=lambda result: self._on_dashboard(generation, result),
        ).failure(self._show_error).run_in_background()

    def _on_dashboard(self, generation: int, dashboard: Dashboard) -> None:
        if generation != self._generation:
            return  # the filters changed meanwhile; a newer result is on its way
        self.dashboard = dashboard
        o = dashboard.overview
        values = {
            "persons": o.persons,
            "new_persons": o.new_persons,
            "returning_persons": o.returning_persons,
            "intakes": o.intakes,
            "referrals": o.referrals,
            "enrolled": o.enrolled,
            "started": o.started,
            "completed": o.completed,
            "dropped_out": o.dropped_out,
            "overdue_follow_ups": o.overdue_follow_ups,
            "referred_anyway": o.referred_anyway,
            "outside_catalogue": o.outside_catalogue,
        }
        for key, value in values.items():
            self.figures[key].setText(str(shown_count(value, anonymous=True)))
        days = o.enrolment_time.average_days
        hide_days = days is None or is_small(o.enrolment_time.referrals)
        self.figures["enrolment_days"].setText(SUPPRESSED if hide_days else f"{days:.1f}".replace(".", ","))

        def series(name: str, counts: list[int]) -> Series:
            return Series(
                name,
                tuple(chart_value(n, anonymous=True) for n in counts),
                tuple(chart_label(n, anonymous=True) for n in counts),
            )

        trend = dashboard.trend
        self.trend.set_data(
            [p.label for p in trend],
            [
                series(self.tr("Intakes"), [p.intakes for p in trend]),
                series(self.tr("Verwijzingen"), [p.referrals for p in trend]),
                series(self.tr("Inschrijvingen"), [p.enrolments for p in trend]),
            ],
        )
        self.wishes_chart.set_bars(_bars(dashboard.wishes))
        self.thresholds_chart.set_bars(_bars(dashboard.thresholds))
        self.status.setText("")
        self.refreshed.emit()

    def figure_texts(self) -> dict[str, str]:
        """What each headline figure shows (tests read the page as a user does)."""
        return {key: label.text() for key, label in self.figures.items()}

    def _show_error(self, error: BaseException) -> None:
        text = describe(error)
        self.status.setText(text)
        self.failed.emit(text)
        if not isinstance(error, LeerwinkelError):
            present_error(self, error)  # a bug: the presenter logs it and offers the technical details

    # -- export ------------------------------------------------------------------------------------

    @classmethod
    def ask_save_path(cls, parent: QWidget, kind: str, suggested: str) -> Path | None:
        """Ask where to save an export; None when cancelled. Tests monkeypatch this."""
        filters = {"pdf": "PDF (*.pdf)", "xlsx": "Excel (*.xlsx)", "csv": "CSV (*.csv)"}
        name, _filter = QFileDialog.getSaveFileName(
            parent, QCoreApplication.translate("ui.reports.page", "Rapport opslaan"), suggested, filters[kind]
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == f".{kind}" else path.with_name(path.name + f".{kind}")

    def export(self, kind: str) -> None:
        """Ask for a file and write the anonymous report there, off the UI thread."""
        try:
            period = self.period()
        except LeerwinkelError as error:
            self._show_error(error)
            return
        suggested = f"rapport-{period.start.isoformat()}-{period.end.isoformat()}.{kind}"
        path = self.ask_save_path(self, kind, suggested)
        if path is None:
            return
        site = self.site_code()
        reports = self.app.reports
        actor = self.app.auth.current
        today = reports.today()
        self.status.setText(self.tr("Rapport wordt gemaakt…"))
        # A WriteOp: the export records an audit event, and writes share the one writer thread.
        WriteOp(
            parent=self,
            op=lambda _progress: reports.export(period, path, site=site, today=today, actor=actor),
            success=self._on_exported,
        ).failure(self._show_error).run_in_background()

    def _on_exported(self, path: Path) -> None:
        self.status.setText(self.tr("Rapport opgeslagen: %1").replace("%1", str(path)))
        self.exported.emit(str(path))
