"""The counsellor's flow, driven with keyboard and mouse: intake, NT2 wish, proposal, referral, follow-up."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from leerwinkel.app import Leerwinkel, open_app
from leerwinkel.config import Config
from leerwinkel.intake.types import IntakeInput, PersonInput
from tests.core.catalogue_data import add_offering, add_provider
from tests.factories import provision_test_keyring
from tests.helpers import ROOT
from tests.ui.conftest import show_active, wait_idle
from ui.common.widgets import RestoreDraftDialog, UnsavedChangesDialog
from ui.mainwindow import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


def add_nt2_offering(facade: Leerwinkel) -> None:
    add_provider(facade.store, "cvo-flow", "CVO Proef", locations=[{"id": "cvo-flow-mechelen", "city": "Mechelen"}])
    add_offering(
        facade.store,
        "nt2-flow",
        "cvo-flow",
        "Nederlands voor anderstaligen",
        "nt2",
        locations=["cvo-flow-mechelen"],
        schedule_day=True,
        is_free=True,
    )


@pytest.fixture(autouse=True)
def _intake_questions(intake_questions_answered: None) -> None:
    """Every test here answers the intake page's own questions the same way (some change the answer)."""


@pytest.fixture
def window(qtbot: QtBot, facade: Leerwinkel) -> MainWindow:
    add_nt2_offering(facade)
    window = MainWindow(facade)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    return window


def test_whole_flow_with_keyboard_and_mouse(qtbot: QtBot, window: MainWindow, facade: Leerwinkel) -> None:
    pages = window.intake_pages
    form = pages.intake
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    assert window.current_page_key() == "intake"
    assert form.lines["first_name"].hasFocus()
    qtbot.keyClicks(form.lines["first_name"], "Mira")
    qtbot.keyClicks(form.lines["last_name"], "Testpersoon")
    qtbot.keyClicks(form.lines["birth_date"], "03/04/1990")
    qtbot.keyClicks(form.lines["municipality"], "Mechelen")
    qtbot.mouseClick(form.situation.target_groups["anderstalige-nieuwkomer"], Qt.MouseButton.LeftButton)
    form.situation.thresholds["taal"][1].setFocus()
    qtbot.keyClicks(form.situation.thresholds["taal"][1], "spreekt Arabisch")
    assert form.situation.thresholds["taal"][0].isChecked()
    wish = form.wishes.rows[0]
    wish.category.setFocus()
    qtbot.keyClicks(wish.category, "Nederlands")
    assert wish.category.currentData() == "nt2"
    qtbot.keyClicks(wish.description, "lessen overdag")
    for box in (form.consent.store, form.consent.share, form.consent.contact):
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton)

    # The proposal for the NT2 wish, with its reasons; one click refers.
    assert form.proposals.list.count() >= 1
    texts = [form.proposals.list.item(i).text() for i in range(form.proposals.list.count())]
    (row,) = [i for i, text in enumerate(texts) if "Nederlands voor anderstaligen" in text and "CVO Proef" in text]
    chosen = form.proposals.list.item(row)
    form.proposals.list.scrollToItem(chosen)
    qtbot.mouseClick(
        form.proposals.list.viewport(),
        Qt.MouseButton.LeftButton,
        pos=form.proposals.list.visualItemRect(chosen).center(),
    )
    assert form.proposals.list.currentRow() == row
    qtbot.mouseClick(form.proposals.refer_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, form)
    assert not form.is_dirty
    referrals = facade.referrals.list()
    assert [(r.client_name, r.title, r.status) for r in referrals] == [
        ("Mira Testpersoon", "Nederlands voor anderstaligen", "voorgesteld")
    ]
    follow_up = referrals[0].follow_up_on
    assert follow_up == facade.referrals.today() + dt.timedelta(weeks=4)
    assert "opvolging op" in window.statusBar().currentMessage()

    # Opvolging: set the status to ingeschreven.
    qtbot.keyClick(window, Qt.Key.Key_5, CTRL)
    followup = pages.followup
    assert followup.current() is not None and followup.current().client_name == "Mira Testpersoon"
    followup.status.setFocus()
    qtbot.keyClicks(followup.status, "Ingeschreven")
    assert followup.status.currentData() == "ingeschreven"
    qtbot.mouseClick(followup.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: facade.referrals.list()[0].status == "ingeschreven")
    stored = facade.referrals.list()[0]
    assert stored.status == "ingeschreven" and [h.status for h in stored.history] == ["voorgesteld", "ingeschreven"]

    # Nothing due today; on the follow-up date the client is on Vandaag.
    qtbot.keyClick(window, Qt.Key.Key_1, CTRL)
    assert pages.today.model.rowCount() == 0
    facade.store.clock.advance(weeks=4)  # type: ignore[attr-defined]
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)
    qtbot.keyClick(window, Qt.Key.Key_1, CTRL)
    rows = pages.today.model.rows
    assert [(r.client_name, r.follow_up_on) for r in rows] == [("Mira Testpersoon", follow_up)]

    # Ctrl+F finds the client; the timeline shows intake, wish, referral and status changes.
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    assert pages.clients.search.hasFocus()
    qtbot.keyClicks(pages.clients.search, "testpers")
    qtbot.waitUntil(lambda: pages.clients.model.rowCount() == 1)
    kinds = [e.kind for e in facade.clients.timeline(rows[0].client_id)]
    assert {"intake", "wish", "referral", "status"} <= set(kinds)


def test_refused_save_shows_dutch_problems_and_focuses_the_first(qtbot: QtBot, window: MainWindow) -> None:
    form = window.intake_pages.intake
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    qtbot.keyClicks(form.lines["first_name"], "<b>Noor</b>")
    qtbot.keyClicks(form.lines["birth_date"], "31/02/1990")
    qtbot.keyClicks(form.lines["postcode"], "28000")
    qtbot.keyClick(window, Qt.Key.Key_S, CTRL)
    wait_idle(qtbot, form)
    error = form.error_label("birth_date")
    assert error.isVisible() and "dd/mm/jjjj" in error.text()
    assert "Belgische postcode" in form.error_label("postcode").text()
    assert form.lines["birth_date"].hasFocus()
    assert form.is_dirty


def test_duplicate_is_shown_first(qtbot: QtBot, window: MainWindow, facade: Leerwinkel) -> None:
    facade.clients.record_intake(
        IntakeInput(person=PersonInput(first_name="Mira", last_name="Testpersoon", birth_date="03/04/1990")),
        actor=facade.auth.current,
    )
    form = window.intake_pages.intake
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    qtbot.keyClicks(form.lines["first_name"], "mira")
    qtbot.keyClicks(form.lines["last_name"], "testpersoon")
    qtbot.keyClicks(form.lines["birth_date"], "3/4/1990")
    qtbot.keyClick(window, Qt.Key.Key_S, CTRL)
    wait_idle(qtbot, form)
    assert form.duplicates.isVisible() and form.duplicates.list.count() == 1
    assert form.duplicates.list.hasFocus()
    qtbot.mouseClick(form.duplicates.use_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.client is not None, timeout=20000)
    assert form.client is not None and form.title.text() == "Intake voor Mira Testpersoon"
    qtbot.keyClick(window, Qt.Key.Key_S, CTRL)
    wait_idle(qtbot, form)
    assert len(facade.clients.search("testpersoon")) == 1


def test_accessible_names_and_buddies(window: MainWindow) -> None:
    from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QPlainTextEdit

    form = window.intake_pages.intake
    inputs = [w for cls in (QLineEdit, QComboBox, QPlainTextEdit, QCheckBox) for w in form.findChildren(cls)]
    inputs = [w for w in inputs if not isinstance(w.parent(), QComboBox)]
    assert inputs and all(w.accessibleName() for w in inputs)
    buddies = {label.buddy() for label in form.findChildren(QLabel) if label.buddy() is not None}
    assert form.lines["first_name"] in buddies and form.person.dutch_level in buddies


def test_close_asks_first_and_draft_is_offered_again(
    qtbot: QtBot, window: MainWindow, facade: Leerwinkel, monkeypatch: pytest.MonkeyPatch
) -> None:
    form = window.intake_pages.intake
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    qtbot.keyClicks(form.lines["first_name"], "Mira")
    qtbot.waitUntil(lambda: facade.drafts.load("intake", actor=facade.auth.current) is not None)
    asked: list[str] = []

    def cancel(cls: type[UnsavedChangesDialog], parent: object) -> int:
        asked.append("unsaved")
        return UnsavedChangesDialog.CANCEL

    monkeypatch.setattr(UnsavedChangesDialog, "ask", classmethod(cancel))
    qtbot.keyClick(window, Qt.Key.Key_Q, CTRL)  # Ctrl+Q: the question the close button asks, and Cancel keeps it
    assert asked == ["unsaved"] and window.isVisible()
    assert not window.close()
    assert window.isVisible()

    monkeypatch.setattr(RestoreDraftDialog, "ask", classmethod(lambda cls, parent, saved_at: True))
    again = MainWindow(facade)
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: again.intake_pages.intake.lines["first_name"].text() == "Mira")

    monkeypatch.setattr(UnsavedChangesDialog, "ask", classmethod(lambda cls, parent: UnsavedChangesDialog.DISCARD))
    assert window.close()
    qtbot.waitUntil(
        lambda: facade.drafts.load("intake", actor=facade.auth.current) is None
    )  # the discard is a write off the UI thread


def test_kill_9_while_typing_keeps_the_draft(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data_dir, marker = tmp_path / "killed", tmp_path / "ready"
    provision_test_keyring(data_dir)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", "LEERWINKEL_DATA_DIR": str(data_dir)}
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.ui.draft_typist", str(data_dir), str(marker)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        qtbot.waitUntil(lambda: marker.exists() or process.poll() is not None, timeout=60000)
        assert process.poll() is None, "the typing app stopped before it was killed"
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.kill()
        process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL

    monkeypatch.setattr(RestoreDraftDialog, "ask", classmethod(lambda cls, parent, saved_at: True))
    facade = open_app(Config(data_dir=data_dir))
    try:
        window = MainWindow(facade)
        qtbot.addWidget(window)
        form = window.intake_pages.intake
        qtbot.waitUntil(lambda: form.lines["first_name"].text() == "Mira")
        assert form.lines["last_name"].text().startswith("Test")
        assert form.is_dirty
    finally:
        facade.close()


def test_tab_order_help_print_and_plain_text(qtbot: QtBot, window: MainWindow, facade: Leerwinkel) -> None:
    from PySide6.QtWidgets import QLabel

    from ui.clients.detail import ClientDialog
    from ui.help.window import HelpWindow

    form = window.intake_pages.intake
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    for current, following in (("first_name", "alias"), ("alias", "last_name"), ("last_name", "birth_date")):
        assert form.lines[current].hasFocus()
        qtbot.keyClick(form.lines[current], Qt.Key.Key_Tab)
        assert form.lines[following].hasFocus()

    qtbot.keyClick(window, Qt.Key.Key_F1)  # the user guide, at the section of this page
    guide = window.findChild(HelpWindow)
    assert isinstance(guide, HelpWindow) and guide.isVisible()
    assert guide.section_at_top() == "Nieuwe intake"
    assert "Ctrl+N" in guide.browser.toPlainText()
    guide.close()
    qtbot.keyClick(window, Qt.Key.Key_P, CTRL)  # no referral yet: the letter bar says what to do
    assert "Kies eerst een verwijzing" in form.letters.message.text() and form.letters.message.isVisible()

    saved = facade.clients.record_intake(
        IntakeInput(person=PersonInput(first_name="<b>Noor</b>", notes="<i>x</i>")), actor=facade.auth.current
    )
    dialog = ClientDialog(facade, window.intake_pages, saved.client.id, window)
    qtbot.addWidget(dialog)
    labels = [label for label in dialog.findChildren(QLabel) if "<b>" in label.text() or "<i>" in label.text()]
    assert labels and all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)
