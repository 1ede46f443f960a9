"""The Rapporten page: figures and charts follow the filters; exports are written off the UI thread."""

from __future__ import annotations

from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from leerwinkel.app import Leerwinkel
from leerwinkel.reports.definitions import definition
from leerwinkel.reports.figures import Dashboard
from leerwinkel.reports.tables import SMALL_BAR
from tests.reportdata import build_dataset, small_count_report
from tests.ui.conftest import show_active
from ui.mainwindow import MainWindow
from ui.reports.page import ReportsPage


@pytest.fixture
def page(qtbot: QtBot, facade: Leerwinkel) -> ReportsPage:
    build_dataset(facade.store)
    widget = ReportsPage(facade)
    qtbot.addWidget(widget)
    widget.resize(1100, 900)
    with qtbot.waitSignal(widget.refreshed, timeout=10000):
        show_active(qtbot, widget)
    return widget


def test_default_is_the_current_quarter(page: ReportsPage) -> None:
    # The facade's clock says 16/03/2026: the first quarter of 2026.
    assert page.kind.currentData() == "quarter"
    assert (page.year.value(), page.part.currentData()) == (2026, 1)
    assert page.dashboard is not None
    o = page.dashboard.overview
    assert (o.persons, o.intakes, o.overdue_follow_ups) == (4, 5, 2)
    assert o.enrolment_time.average_days == 19.3
    trend = page.dashboard.trend
    assert [tuple(p.intakes for p in trend), tuple(p.referrals for p in trend), tuple(p.enrolments for p in trend)] == [
        (2, 2, 1),
        (2, 3, 0),
        (1, 2, 0),
    ]
    # The page shows what the anonymous export shows: 1 to 4 as "<5", an average over so few as "–".
    assert page.figures["persons"].text() == "<5"
    assert page.figures["intakes"].text() == "5"
    assert page.figures["overdue_follow_ups"].text() == "<5"
    assert page.figures["enrolment_days"].text() == "–"
    assert [s.texts for s in page.trend.series()] == [("<5",) * 3, ("<5", "<5", "0"), ("<5", "<5", "0")]
    assert [b.text for b in page.wishes_chart.bars()] == ["<5"] * 4


def test_site_filter_changes_the_figures(qtbot: QtBot, page: ReportsPage) -> None:
    index = page.site.findData("gevangenis-mechelen")
    with qtbot.waitSignal(page.refreshed, timeout=10000):
        page.site.setCurrentIndex(index)
    assert page.dashboard is not None and page.dashboard.site_code == "gevangenis-mechelen"
    o = page.dashboard.overview
    assert (o.persons, o.intakes, o.enrolment_time.average_days) == (2, 3, 20.5)
    assert page.figures["persons"].text() == "<5"


def test_keyboard_chooses_a_month(qtbot: QtBot, page: ReportsPage) -> None:
    page.kind.setFocus()
    with qtbot.waitSignal(page.refreshed, timeout=10000):
        qtbot.keyClick(page.kind, Qt.Key.Key_Down)  # Kwartaal -> Maand
    assert page.kind.currentData() == "month"
    page.part.setFocus()
    with qtbot.waitSignal(page.refreshed, timeout=10000):
        qtbot.keyClick(page.part, Qt.Key.Key_Down)  # januari -> februari
    assert page.period().start.month == 2
    assert page.dashboard is not None and page.dashboard.overview.intakes == 2  # Ada and Dina
    assert page.figures["intakes"].text() == "<5"


def test_reversed_custom_period_is_explained(qtbot: QtBot, page: ReportsPage) -> None:
    page.kind.setCurrentIndex(page.kind.findData("custom"))
    qtbot.waitSignal(page.refreshed, timeout=10000)
    with qtbot.waitSignal(page.failed, timeout=10000) as blocker:
        page.date_to.setDate(page.date_from.date().addDays(-1))
    assert "de periode eindigt" in str(blocker.args[0]).lower()


def test_export_buttons_write_anonymous_files(
    qtbot: QtBot, page: ReportsPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for kind, button in (("pdf", page.pdf_button), ("xlsx", page.xlsx_button), ("csv", page.csv_button)):
        target = tmp_path / f"rapport.{kind}"
        monkeypatch.setattr(ReportsPage, "ask_save_path", classmethod(lambda cls, parent, k, s, t=target: t))
        with qtbot.waitSignal(page.exported, timeout=20000):
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert target.stat().st_size > 0
    assert "<5" in (tmp_path / "rapport.csv").read_text(encoding="utf-8-sig")
    assert "Rapport opgeslagen" in page.status.text()


def test_cancelled_export_writes_nothing(
    qtbot: QtBot, page: ReportsPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ReportsPage, "ask_save_path", classmethod(lambda cls, parent, k, s: None))
    qtbot.mouseClick(page.pdf_button, Qt.MouseButton.LeftButton)
    page.wait_for_work()
    assert list(tmp_path.glob("*.pdf")) == []


def test_inputs_have_names_and_buddies(page: ReportsPage) -> None:
    for widget in (page.kind, page.year, page.part, page.date_from, page.date_to, page.site):
        assert widget.accessibleName()
    buddies = {label.buddy() for label in page.findChildren(QLabel) if label.buddy() is not None}
    assert {page.kind, page.year, page.part, page.date_from, page.date_to, page.site} <= buddies


def test_main_window_has_the_reports_page(qtbot: QtBot, facade: Leerwinkel) -> None:
    window = MainWindow(facade)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    page = window.page("reports")  # built when first asked for (or shown)
    assert isinstance(page, ReportsPage)
    with qtbot.waitSignal(page.refreshed, timeout=10000):
        qtbot.keyClick(window.navigation, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert page.figures["persons"].text() == "0"


def test_page_closed_during_a_refresh(qtbot: QtBot, facade: Leerwinkel) -> None:
    widget = ReportsPage(facade)
    widget.show()
    widget.refresh()  # a dashboard job is now queued or running
    widget.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(widget), timeout=10000)
    QCoreApplication.processEvents()  # the late result arrives and is dropped without an error


def _show(page: ReportsPage, small: int) -> QImage:
    report = small_count_report(small)
    dashboard = Dashboard(
        period=report.period,
        site_code=None,
        overview=report.overview,
        trend=report.trend,
        wishes=report.wishes,
        thresholds=report.thresholds,
    )
    page._on_dashboard(page._generation, dashboard)  # what a finished refresh delivers
    return page.grab().toImage()


def test_a_small_count_cannot_be_read_from_the_screen(page: ReportsPage) -> None:
    one, three = _show(page, 1), _show(page, 3)
    texts = page.figure_texts()
    assert texts["dropped_out"] == "<5"
    vca = next(bar for bar in page.wishes_chart.bars() if bar.label == "VCA")
    assert (vca.value, vca.text) == (SMALL_BAR, "<5")
    assert "VCA: <5" in page.wishes_chart.accessibleDescription()
    assert [s.texts for s in page.trend.series()][1] == ("<5", "9", "9")
    assert one == three  # every pixel of the page: figures, charts and their labels
    assert _show(page, 5) != _show(page, 6)  # a count of 5 or more is shown as it is


def test_every_figure_says_how_it_is_counted(page: ReportsPage) -> None:
    for key, label in page.figures.items():
        assert label.toolTip() == definition(key).text
        assert label.accessibleDescription() == definition(key).text
    assert "kan dus groter zijn" in page.figures_note.text()
    for chart in (page.trend, page.wishes_chart, page.thresholds_chart):
        assert chart.toolTip()
