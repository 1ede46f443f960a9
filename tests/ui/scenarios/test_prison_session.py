"""A day in prison mode through the real main window: choose the prison, search, an intake, print the session, stop."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from leerwinkel.app import Leerwinkel, open_app
from leerwinkel.config import Config
from leerwinkel.intake.types import ConsentInput, IntakeInput, PersonInput, WishInput
from tests.conftest import FIXED_NOW
from tests.factories import TEST_CREDENTIALS, TickingClock
from tests.pdfcheck import pdf_text
from tests.ui.scenarios.conftest import Counsellor, Desk, open_window
from tests.ui.scenarios.test_intake_day import choose_proposal
from ui.common.operations import wait_for_background_work
from ui.letters.preview import PdfPreviewDialog
from ui.letters.session import SessionHandoutsDialog, SessionPreviewDialog
from ui.sync.prisonmode import PrisonModeDialog

PRISON = "gevangenis-mechelen"
SHIFT_CTRL = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier
INSIDE_NT2 = "Nederlandse les voor anderstalige gedetineerden"


def _titles(facade: Leerwinkel, me: Counsellor) -> list[str]:
    page = me.window.catalogue_page
    return [page.model.index(row, 0).data() for row in range(page.model.rowCount())]


def test_a_session_in_prison_mode_from_choosing_the_prison_to_leaving_it(
    qtbot: QtBot, facade: Leerwinkel, desk: Desk, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The office booked Bram for this afternoon's session (as a session pack brings him to the laptop).
    facade.clients.record_intake(
        IntakeInput(
            person=PersonInput(first_name="Bram", last_name="Proefzitter", detained=True, prison_site_code=PRISON),
            wishes=(WishInput("ce-examen"),),
            consent=ConsentInput(store_data=True),
            site_code=PRISON,
            held_on="02/03/2026",
            next_appointment="16/03/2026 14:00",
        ),
        actor=facade.auth.current,
    )
    everything = facade.catalogue.search("").total
    asked: list[str | None] = []

    def choose(cls: type[PrisonModeDialog], parent: QWidget, app: Leerwinkel, current: str | None) -> str | None:
        asked.append(current)
        dialog = cls(app, current, parent)  # the real dialog, typed into; only its modal loop is skipped
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.prison.currentData() == PRISON  # the Leerwinkel's own prison comes first
        qtbot.keyClick(dialog.prison, Qt.Key.Key_Return)
        return dialog.chosen() if dialog.result() == PrisonModeDialog.DialogCode.Accepted else None

    monkeypatch.setattr(PrisonModeDialog, "choose", classmethod(choose))
    window = open_window(qtbot, facade)
    me = Counsellor(qtbot, window)
    controls = window.prison_controls
    assert not controls.indicator.isVisible()

    # 1. Prison mode on: Ctrl+Shift+G, choose the prison; the status bar and the title say so.
    me.press(Qt.Key.Key_G, SHIFT_CTRL)
    assert asked == [None]
    assert controls.indicator.isVisible() and controls.label.text() == "Gevangenismodus: Gevangenis Mechelen"
    assert window.windowTitle().endswith("Gevangenismodus: Gevangenis Mechelen")
    assert facade.prison_mode.current() is not None

    # 2. The catalogue shows only what is given inside this prison, also while searching.
    page = window.catalogue_page
    with qtbot.waitSignal(page.index_ready, timeout=20000):
        me.press(Qt.Key.Key_4)
    titles = _titles(facade, me)
    assert 0 < len(titles) < everything
    assert any(INSIDE_NT2 in t for t in titles), titles
    inside = {page.model.offering_id(row) for row in range(page.model.rowCount())}
    for offering_id in inside:
        assert offering_id is not None
        assert PRISON in facade.catalogue.get_offering(offering_id).prison_site_codes
    assert page.prison.isChecked() and not page.prison.isEnabled() and page.prison_note.isVisible()
    qtbot.keyClicks(page.search_field, "nederlands")
    found = _titles(facade, me)
    assert found and all(t in titles for t in found)
    page.search_field.clear()

    # 3. A new intake starts in the prison; the proposals keep inside it.
    intake = me.page
    me.press(Qt.Key.Key_N)
    assert intake.situation.detained.isChecked() and intake.situation.prison.currentData() == PRISON
    assert intake.meeting.site.currentData() == PRISON and intake.meeting.channel.currentData() == "gevangenis"
    qtbot.keyClicks(intake.lines["first_name"], "Wout")
    me.type(intake.lines["last_name"], "Proefbinnen")
    me.choose(intake.person.dutch_level, "A1")
    me.choose(intake.wishes.rows[0].category, "Nederlands")
    proposals = [intake.proposals.list.item(i).text() for i in range(intake.proposals.list.count())]
    assert proposals and all(INSIDE_NT2 in text or "Onderwijscoördinator" in text for text in proposals), proposals
    for box in (intake.consent.store, intake.consent.share):
        me.tick(box)
    choose_proposal(me, INSIDE_NT2)
    me.click(intake.proposals.refer_button)
    me.wait_for_writes()
    [referral] = [r for r in facade.referrals.list() if r.title.startswith(INSIDE_NT2)]
    assert desk.warnings == [] and not intake.is_dirty

    # 4. The session in one print job: list of appointments, the handouts and the prison's catalogue sheet.
    previews: list[bytes] = []
    target = tmp_path / "sessie.pdf"

    def make(dialog: SessionHandoutsDialog) -> int:
        assert dialog.site.currentData() == PRISON and dialog.selected_day() == FIXED_NOW.date()
        assert dialog.with_booked.isChecked() and dialog.with_catalogue.isChecked()
        dialog.with_letters.setChecked(False)
        qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.print_button.isEnabled(), timeout=60000)
        return 0

    def preview_and_save(preview: SessionPreviewDialog) -> int:
        previews.append(preview.pdf)
        preview.save_to(target)
        return 0

    monkeypatch.setattr(SessionHandoutsDialog, "exec", make)
    monkeypatch.setattr(SessionPreviewDialog, "exec", preview_and_save)
    monkeypatch.setattr(PdfPreviewDialog, "ask_save_path", classmethod(lambda cls, p, s: target))
    me.press(Qt.Key.Key_P, SHIFT_CTRL)
    [pdf] = previews
    assert target.read_bytes() == pdf
    text = " ".join(pdf_text(pdf).split())
    cover, rest = text.split("Je volgende stap", 1)
    assert "Sessie Gevangenis Mechelen op 16 maart 2026" in cover and "Afspraken in deze sessie" in cover
    assert "14:00 Bram Proefzitter nog geen verwijzing" in cover
    assert "Wout Proefbinnen" in cover
    assert INSIDE_NT2 in rest and "in Gevangenis Mechelen" in rest  # the handout and the catalogue sheet
    sheet = rest.split("Aanbod:", 1)[1]
    outside = [facade.catalogue.get_offering(i).title for i in facade.catalogue.search("").ids if i not in inside]
    assert [title for title in outside if title in sheet] == []  # nothing from outside the prison
    kinds = sorted(r.kind.value for r in facade.letters.letters_for_referral(referral.id))
    assert kinds == ["afsprakenblad"]

    # 5. A restart in the prison keeps the mode for the day.
    window.close()
    wait_for_background_work(timeout=30)
    facade.close()
    again = open_app(Config(data_dir=data_dir), clock=TickingClock(FIXED_NOW), credentials=TEST_CREDENTIALS)
    try:
        second = open_window(qtbot, again)
        assert second.prison_controls.indicator.isVisible()
        me = Counsellor(qtbot, second)
        with qtbot.waitSignal(second.catalogue_page.index_ready, timeout=20000):
            me.press(Qt.Key.Key_4)
        assert len(_titles(again, me)) == len(titles)

        # 6. Stop: the whole catalogue is back, a new intake is no longer in the prison.
        qtbot.mouseClick(second.prison_controls.stop_button, Qt.MouseButton.LeftButton)
        assert not second.prison_controls.indicator.isVisible() and again.prison_mode.current() is None
        assert "Gevangenismodus" not in second.windowTitle()
        assert len(_titles(again, me)) == everything and second.catalogue_page.prison.isEnabled()
        me.press(Qt.Key.Key_N)
        assert not me.page.situation.detained.isChecked() and me.page.meeting.site.currentData() != PRISON
        second.close()
        wait_for_background_work(timeout=30)
    finally:
        again.close()
