"""Printing from the intake workflow, with the signed-in counsellor and the audit trail behind it.

The real letter dialogs open; only their modal loops and Qt's printer and file dialogs
(``ask_printer`` / ``ask_save_path``) are replaced, so the test drives the real buttons.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from leerwinkel.app import Leerwinkel
from leerwinkel.changes import Changes
from leerwinkel.ids import ClientId, ReferralId
from leerwinkel.intake.types import ConsentInput, IntakeInput, PersonInput, WishInput
from leerwinkel.storage.models import AuditEvent, Letter
from tests.ui.conftest import show_active, wait_idle
from tests.ui.test_intake_flow import add_nt2_offering
from ui.clients.detail import ClientDialog
from ui.letters.buttons import MarkSentDialog
from ui.letters.options import ReferralLetterDialog
from ui.letters.preview import LetterPreviewDialog
from ui.mainwindow import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
FIRST, LAST = "Wendelien", "Probeerhuys"


@dataclass
class Desk:
    """What the patched dialogs did: the referral letters asked for, and what the previews showed."""

    mode: str = "save"  # what the preview does: "save", "print" or "close"
    letter_dialogs: list[uuid.UUID] = field(default_factory=list)
    previews: list[str] = field(default_factory=list)
    mark_sent: bool = False  # the answer to "Zet je de verwijzing op verstuurd?"
    sent_questions: list[str] = field(default_factory=list)


@pytest.fixture
def desk(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, intake_questions_answered: None) -> Desk:
    desk = Desk()

    def letter_exec(dialog: ReferralLetterDialog) -> int:
        desk.letter_dialogs.append(dialog.referral_id)
        dialog.preview_button.click()  # the options as they are: preview (the patched loop below)
        return int(dialog.result())

    def preview_exec(dialog: LetterPreviewDialog) -> int:
        desk.previews.append(dialog.letter.kind.value)
        if desk.mode == "save":
            dialog.save_button.click()
        elif desk.mode == "print":
            dialog.print_button.click()
        dialog.close_button.click()
        return 0

    def ask_printer(cls: type, parent: object, printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / f"printer-{len(desk.previews)}.pdf"))
        printer.setResolution(150)
        return True

    monkeypatch.setattr(ReferralLetterDialog, "exec", letter_exec)
    monkeypatch.setattr(LetterPreviewDialog, "exec", preview_exec)
    monkeypatch.setattr(LetterPreviewDialog, "ask_printer", classmethod(ask_printer))
    monkeypatch.setattr(
        LetterPreviewDialog, "ask_save_path", classmethod(lambda cls, parent, name: tmp_path / "uit" / name)
    )

    def ask_sent(cls: type, parent: object, title: str) -> bool:
        desk.sent_questions.append(title)
        return desk.mark_sent

    monkeypatch.setattr(MarkSentDialog, "ask", classmethod(ask_sent))
    return desk


@pytest.fixture
def window(qtbot: QtBot, facade: Leerwinkel, desk: Desk) -> MainWindow:
    add_nt2_offering(facade)
    window = MainWindow(facade)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    return window


def client_with_referral(facade: Leerwinkel) -> tuple[ClientId, ReferralId]:
    saved = facade.clients.record_intake(
        IntakeInput(
            person=PersonInput(first_name=FIRST, last_name=LAST),
            wishes=(WishInput("nt2"),),
            consent=ConsentInput(store_data=True, share_with_provider=True),
        ),
        actor=facade.auth.current,
    )
    referral = facade.referrals.create(saved.client.id, category="nt2", actor=facade.auth.current).referral
    return saved.client.id, referral.id


def audit_trail(facade: Leerwinkel) -> list[AuditEvent]:
    with facade.store.unit_of_work() as session:
        rows = list(session.scalars(select(AuditEvent).order_by(AuditEvent.sequence)))
        session.expunge_all()
    for row in rows:
        text = json.dumps([row.object_type, row.object_id, row.detail])
        assert FIRST not in text and LAST not in text
    return rows


def test_intake_form_refers_then_prints_with_ctrl_p_and_the_handout_button(
    qtbot: QtBot, window: MainWindow, facade: Leerwinkel, desk: Desk, tmp_path: Path
) -> None:
    form = window.intake_pages.intake
    me = facade.auth.current
    assert me is not None
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    assert form.consent.recorded_by.text() == me.display_name
    qtbot.keyClicks(form.lines["first_name"], FIRST)
    qtbot.keyClicks(form.lines["last_name"], LAST)
    qtbot.keyClicks(form.lines["municipality"], "Mechelen")
    form.wishes.rows[0].category.setFocus()
    qtbot.keyClicks(form.wishes.rows[0].category, "Nederlands")
    qtbot.mouseClick(form.consent.share, Qt.MouseButton.LeftButton)
    assert not form.letters.letter_button.isEnabled()

    qtbot.mouseClick(form.proposals.refer_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, form)
    [referral] = facade.referrals.list()
    assert form.letters.referral_id() == referral.id and form.letters.letter_button.isEnabled()
    assert [h.counsellor_name for h in referral.history] == [me.display_name]

    qtbot.keyClick(window, Qt.Key.Key_P, CTRL)  # the referral letter: options, then preview, saved
    assert desk.letter_dialogs == [referral.id] and desk.previews == ["verwijsbrief"]
    assert (tmp_path / "uit").is_dir() and len(list((tmp_path / "uit").glob("verwijsbrief-*.pdf"))) == 1

    desk.mode = "print"
    form.letters.language.setCurrentIndex(form.letters.language.findData("nl-fr"))
    qtbot.mouseClick(form.letters.handout_button, Qt.MouseButton.LeftButton)
    assert desk.previews == ["verwijsbrief", "afsprakenblad"]

    letters = facade.letters.letters_for_referral(referral.id)
    assert [(r.kind.value, r.action.value, r.language, r.counsellor_id) for r in letters] == [
        ("verwijsbrief", "saved", "nl", me.id),
        ("afsprakenblad", "printed", "nl-fr", me.id),
    ]
    trail = [(e.action, e.actor_id) for e in audit_trail(facade) if e.action not in ("login", "setup")]
    assert trail == [
        ("client.create", me.id),
        ("referral.create", me.id),
        ("client.export", me.id),
        ("client.print", me.id),
    ]
    assert facade.audit.verify().ok


def test_followup_page_status_change_and_letters_for_the_selected_referral(
    qtbot: QtBot, window: MainWindow, facade: Leerwinkel, desk: Desk
) -> None:
    client_id, referral_id = client_with_referral(facade)
    other = facade.referrals.create(client_id, category="vca", actor=facade.auth.current)
    window.intake_pages.broadcast(other.changes)
    qtbot.keyClick(window, Qt.Key.Key_5, CTRL)
    followup = window.intake_pages.followup
    followup.table.selectRow([r.id for r in followup.model.rows].index(referral_id))
    record = followup.current()
    assert record is not None and record.id == referral_id
    followup.status.setFocus()
    qtbot.keyClicks(followup.status, "Verstuurd")
    qtbot.mouseClick(followup.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: facade.referrals.get(referral_id).status == "verstuurd")
    stored = facade.referrals.get(referral_id)
    me = facade.auth.current
    assert me is not None
    assert [(h.status, h.counsellor_id) for h in stored.history] == [
        ("voorgesteld", str(me.id)),
        ("verstuurd", str(me.id)),
    ]

    desk.mode = "close"  # looked at, not printed: nothing is registered
    qtbot.keyClick(window, Qt.Key.Key_P, CTRL)
    assert desk.letter_dialogs == [referral_id]
    qtbot.mouseClick(followup.letters.handout_button, Qt.MouseButton.LeftButton)
    assert desk.previews == ["verwijsbrief", "afsprakenblad"]
    assert facade.letters.letters_for_referral(referral_id) == []
    actions = [e.action for e in audit_trail(facade)]
    assert actions.count("referral.status") == 1 and "client.print" not in actions


def test_client_detail_is_audited_prints_and_shows_the_letters_in_its_timeline(
    qtbot: QtBot, window: MainWindow, facade: Leerwinkel, desk: Desk
) -> None:
    client_id, referral_id = client_with_referral(facade)
    window.intake_pages.open_client(client_id)
    [dialog] = [d for d in window.findChildren(ClientDialog) if d.isVisible()]
    qtbot.addWidget(dialog)
    me = facade.auth.current
    assert me is not None
    views = [e for e in audit_trail(facade) if e.action == "client.view"]
    assert [(e.object_id, e.actor_id) for e in views] == [(str(client_id), me.id)]
    assert dialog.letters.referral_id() == referral_id
    before = dialog.timeline.count()

    desk.mode = "print"
    qtbot.mouseClick(dialog.letters.handout_button, Qt.MouseButton.LeftButton)
    show_active(qtbot, dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_P, CTRL)
    assert desk.letter_dialogs == [referral_id]
    texts = [dialog.timeline.item(i).text() for i in range(dialog.timeline.count())]
    assert dialog.timeline.count() == before + 2
    assert any("Brief: Afsprakenblad" in t and "afgedrukt" in t for t in texts)
    assert any("Brief: Verwijsbrief" in t and "afgedrukt" in t for t in texts)
    with facade.store.unit_of_work() as session:
        assert set(session.scalars(select(Letter.counsellor_id))) == {me.id}
    dialog.close()


def test_a_returning_client_loaded_into_the_form_is_a_view(
    qtbot: QtBot, window: MainWindow, facade: Leerwinkel
) -> None:
    client_id, _ = client_with_referral(facade)
    window.intake_pages.start_intake_for(client_id)
    form = window.intake_pages.intake
    qtbot.waitUntil(lambda: form.client is not None, timeout=20000)  # read off the UI thread
    assert form.client is not None and form.client.id == client_id
    assert form.letters.referral.count() == 1  # type: ignore[union-attr]
    qtbot.keyClicks(form.lines["phone"], "0470 12 34 56")
    qtbot.keyClick(window, Qt.Key.Key_S, CTRL)
    wait_idle(qtbot, form)
    me = facade.auth.current
    assert me is not None
    trail = [(e.action, e.object_id) for e in audit_trail(facade) if e.object_type == "client"]
    assert trail == [
        ("client.create", str(client_id)),
        ("client.view", str(client_id)),
        ("client.update", str(client_id)),
    ]


def test_ctrl_p_on_vandaag_prints_the_chosen_due_referral(
    qtbot: QtBot, window: MainWindow, facade: Leerwinkel, desk: Desk
) -> None:
    _client_id, referral_id = client_with_referral(facade)
    facade.store.clock.advance(weeks=4)  # type: ignore[attr-defined]
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)
    qtbot.keyClick(window, Qt.Key.Key_1, CTRL)
    today = window.intake_pages.today
    qtbot.keyClick(window, Qt.Key.Key_P, CTRL)  # nothing chosen yet: the page says so
    assert desk.letter_dialogs == [] and today.letters.message.isVisible()
    today.due.selectRow(0)
    assert today.letters.letter_button.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_P, CTRL)
    assert desk.letter_dialogs == [referral_id]
    [letter] = facade.letters.letters_for_referral(referral_id)
    assert letter.action.value == "saved"


def test_followup_records_the_providers_reply_by_its_reference_in_one_step(
    qtbot: QtBot, window: MainWindow, facade: Leerwinkel
) -> None:
    from leerwinkel.letters.model import reference_of

    _client_id, referral_id = client_with_referral(facade)
    window.intake_pages.broadcast(
        facade.referrals.create(_client_id, category="vca", actor=facade.auth.current).changes
    )
    qtbot.keyClick(window, Qt.Key.Key_5, CTRL)
    reply = window.intake_pages.followup.reply
    qtbot.keyClicks(reply.reference, "LW-00000000")
    qtbot.mouseClick(reply.record_button, Qt.MouseButton.LeftButton)
    assert reply.error.text() == "Geen verwijzing gevonden met “LW-00000000”."
    reply.reference.clear()
    qtbot.keyClicks(reply.reference, reference_of(referral_id).lower())  # as typed from the paper
    qtbot.keyClicks(reply.enrolled_on, "20/03/2026")
    qtbot.keyClicks(reply.starts_on, "11/01/2027")
    qtbot.keyClick(reply.reference, Qt.Key.Key_Return)
    assert reply.error.text() == "" and reply.reference.text() == ""
    stored = facade.referrals.get(referral_id)
    assert stored.status == "ingeschreven" and str(stored.starts_on) == "2027-01-11"
    assert stored.history[-1].changed_on.isoformat() == "2026-03-20"
    followup = window.intake_pages.followup
    current = followup.current()
    assert current is not None and current.id == referral_id  # the page shows the referral it was about
    assert "referral.reply" in [e.action for e in audit_trail(facade)]


def test_printing_the_letter_on_opvolging_offers_to_mark_the_referral_sent(
    qtbot: QtBot, window: MainWindow, facade: Leerwinkel, desk: Desk
) -> None:
    _client_id, referral_id = client_with_referral(facade)
    window.intake_pages.broadcast(Changes(referrals=True))
    qtbot.keyClick(window, Qt.Key.Key_5, CTRL)
    followup = window.intake_pages.followup
    followup.table.selectRow([r.id for r in followup.model.rows].index(referral_id))
    desk.mark_sent = False
    qtbot.keyClick(window, Qt.Key.Key_P, CTRL)  # saved as PDF; "not now"
    assert len(desk.sent_questions) == 1
    assert facade.referrals.get(referral_id).status == "voorgesteld"

    desk.mark_sent, desk.mode = True, "print"
    qtbot.mouseClick(followup.letters.letter_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: facade.referrals.get(referral_id).status == "verstuurd")
    qtbot.waitUntil(lambda: followup.current() is not None and followup.current().status == "verstuurd")
    me = facade.auth.current
    assert me is not None
    history = facade.referrals.get(referral_id).history
    assert [(h.status, h.changed_on, h.counsellor_id) for h in history][-1] == (
        "verstuurd",
        facade.referrals.today(),
        str(me.id),
    )
    assert followup.letters.message.text() == "De verwijzing staat op “verstuurd”."

    qtbot.keyClick(window, Qt.Key.Key_P, CTRL)  # printed again: already sent, nothing to ask
    assert len(desk.sent_questions) == 2
