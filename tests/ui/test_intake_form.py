"""The intake form's shape: section order, unique mnemonics, the wheel, errors that go away, width."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel
from pytestqt.qtbot import QtBot

from leerwinkel.app import Leerwinkel
from tests.ui.conftest import show_active, wait_idle
from ui.mainwindow import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(qtbot: QtBot, facade: Leerwinkel, intake_questions_answered: None) -> MainWindow:
    window = MainWindow(facade)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    show_active(qtbot, window)
    window.show_page("intake")
    return window


def test_sections_follow_the_conversation(window: MainWindow) -> None:
    page = window.intake_pages.intake
    titles = [box.title() for box in page.scroll_area.widget().findChildren(QGroupBox) if box.title()]
    order = ["Persoon", "Situatie", "Toestemming", "Leerwensen", "Voorstellen uit de catalogus", "Verwijzing"]
    assert [t for t in titles if t in order] == order


def test_mnemonics_are_unique_on_the_page(window: MainWindow) -> None:
    """Found item 6: Alt+G reached both Geboortedatum and Categorie."""
    page = window.intake_pages.intake
    page.wishes.add_row()  # a second wish must not repeat the first one's letter
    texts = [label.text() for label in page.findChildren(QLabel) if label.buddy() is not None]
    texts += [button.text() for button in page.findChildren(QAbstractButton)]
    letters = [m.group(1).lower() for text in texts for m in [re.search(r"&([^&\s])", text)] if m]
    duplicates = {letter for letter in letters if letters.count(letter) > 1}
    assert not duplicates, sorted(duplicates)
    assert len(letters) >= 20


def test_the_wheel_scrolls_the_form_and_never_changes_an_unfocused_combo(qtbot: QtBot, window: MainWindow) -> None:
    """Found item 4: scrolling over Locatie changed it to "Sociaal Huis Mechelen"."""
    page = window.intake_pages.intake
    site = page.meeting.site
    page.scroll_area.ensureWidgetVisible(site)
    site.setCurrentIndex(1)
    page.lines["first_name"].setFocus()
    bar = page.scroll_area.verticalScrollBar()
    before_value, before_index = bar.value(), site.currentIndex()
    centre = QPointF(site.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(site.mapToGlobal(QPoint(int(centre.x()), int(centre.y())))),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(site, event)
    assert site.currentIndex() == before_index
    assert bar.value() < before_value  # the page scrolled up instead
    assert site.focusPolicy() == Qt.FocusPolicy.StrongFocus
    # With the focus in it, the wheel changes the combo box as usual.
    site.setFocus()
    qtbot.waitUntil(site.hasFocus)
    QApplication.sendEvent(site, event)
    assert site.currentIndex() == 0


def test_an_error_goes_away_when_the_field_is_fixed(qtbot: QtBot, window: MainWindow) -> None:
    page = window.intake_pages.intake
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    qtbot.keyClicks(page.lines["first_name"], "Proef")
    qtbot.keyClicks(page.lines["birth_date"], "01/01/1890")
    qtbot.keyClick(window, Qt.Key.Key_S, CTRL)
    wait_idle(qtbot, page)
    error = page.error_label("birth_date")
    assert error is not None and error.isVisible()
    assert "te ver in het verleden" in error.text() and "geen geldige datum" not in error.text()
    page.lines["birth_date"].setText("01/01/1990")
    assert not error.isVisible()


def test_a_past_release_date_is_refused_for_a_detained_client(qtbot: QtBot, window: MainWindow) -> None:
    page = window.intake_pages.intake
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    qtbot.keyClicks(page.lines["first_name"], "Proef")
    page.situation.detained.setChecked(True)
    page.situation.prison.setCurrentIndex(page.situation.prison.findData("gevangenis-mechelen"))
    page.situation.release_date.setText("01/01/2020")
    qtbot.keyClick(window, Qt.Key.Key_S, CTRL)
    wait_idle(qtbot, page)
    error = page.error_label("expected_release_date")
    assert error is not None and "in het verleden" in error.text()
    assert page.client is None and page.situation.release_date.hasFocus()


@pytest.mark.parametrize("width", [1200, 1280, 1366])
def test_no_horizontal_scroll_bar_and_whole_section_titles(qtbot: QtBot, window: MainWindow, width: int) -> None:
    """Found item 8: a horizontal scroll bar and cut titles ("rsoon", "tuatie") at 1200–1366 px."""
    window.resize(width, 720)
    page = window.intake_pages.intake
    qtbot.waitUntil(lambda: page.width() < width)
    bar = page.scroll_area.horizontalScrollBar()
    assert bar.maximum() == 0 and not bar.isVisible()
    for box in page.scroll_area.widget().findChildren(QGroupBox):
        title_width = box.fontMetrics().horizontalAdvance(box.title())
        assert box.width() > title_width + 20, box.title()


def test_a_known_client_shows_earlier_wishes_and_open_referrals(
    qtbot: QtBot, window: MainWindow, facade: Leerwinkel
) -> None:
    from leerwinkel.intake.actions import OpenIntake
    from leerwinkel.intake.types import IntakeInput, PersonInput, WishInput

    saved = facade.intakes.save(
        OpenIntake(
            IntakeInput(person=PersonInput(first_name="Sam", last_name="Proefkind"), wishes=(WishInput("vca", "VCA"),))
        ),
        actor=facade.auth.current,
    )
    facade.referrals.create(saved.client.id, category="vca", wish_id=saved.wishes[0].id, actor=facade.auth.current)
    window.intake_pages.start_intake_for(saved.client.id)
    page = window.intake_pages.intake
    qtbot.waitUntil(lambda: page.client is not None, timeout=20000)
    assert window.current_page_key() == "intake"
    assert page.wishes.earlier.isVisibleTo(page) and page.wishes.earlier.count() == 1
    assert page.referral.list.isVisibleTo(page) and page.referral.list.count() == 1
    assert "Voorgesteld" in page.referral.list.item(0).text()
    assert page.wishes.rows[0].category.currentData() == ""  # the new intake's wish starts empty


def test_where_the_intake_is_held_lists_the_own_sites_first_and_every_prison_stays_choosable(
    window: MainWindow,
) -> None:
    """All prisons of Flanders and Brussels are sites now; the counsellor's own places come first."""
    page = window.intake_pages.intake
    site = page.meeting.site
    codes = [site.itemData(i) for i in range(site.count())]
    separator = codes.index(None)  # Qt gives a separator no data
    assert set(codes[1:separator]) == {
        "mechelen-sociaal-huis",
        "zitdag-lier",
        "zitdag-willebroek",
        "zitdag-agii-mechelen",
        "gevangenis-mechelen",
    }
    assert "gevangenis-antwerpen" in codes[separator:]
    prison = page.situation.prison
    prisons = [prison.itemData(i) for i in range(prison.count())]
    assert prisons[1] == "gevangenis-mechelen" and prisons[2] is None and "gevangenis-haren" in prisons
