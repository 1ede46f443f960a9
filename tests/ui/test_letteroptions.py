"""The referral letter options dialog: personal parts only when ticked, and only with consent."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from leerwinkel.app import Leerwinkel
from leerwinkel.letters.model import LetterKind, RenderedLetter
from tests.lettersdata import build_referral
from tests.pdfcheck import pdf_text
from ui.letters.options import ReferralLetterDialog, show_handout
from ui.letters.preview import LetterPreviewDialog, PreviewResult


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[RenderedLetter]:
    letters: list[RenderedLetter] = []
    monkeypatch.setattr(
        LetterPreviewDialog,
        "show_for",
        classmethod(lambda cls, parent, app, letter: letters.append(letter) or PreviewResult(())),
    )
    return letters


def test_ticked_parts_reach_the_letter(qtbot: QtBot, facade: Leerwinkel, shown: list[RenderedLetter]) -> None:
    built = build_referral(facade.store, share=True, detained=True)
    dialog = ReferralLetterDialog(facade, built.referral_id)
    qtbot.addWidget(dialog)
    assert not dialog.vulnerabilities.isChecked() and not dialog.detention.isChecked()
    qtbot.keyClick(dialog.detention, Qt.Key.Key_Space)  # a stretched check box ignores clicks right of its text
    assert dialog.detention.isChecked()
    qtbot.keyClicks(dialog.background, "Volgde al <b>lessen</b>.")
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    [letter] = shown
    text = " ".join(pdf_text(letter.pdf).split())
    assert "De cliënt verblijft momenteel in Gevangenis Mechelen." in text and "Volgde al <b>lessen</b>." in text
    assert "psychisch" not in text


def test_without_consent_personal_parts_are_disabled(
    qtbot: QtBot, facade: Leerwinkel, shown: list[RenderedLetter]
) -> None:
    built = build_referral(facade.store, share=False)
    dialog = ReferralLetterDialog(facade, built.referral_id)
    qtbot.addWidget(dialog)
    assert "geen toestemming" in dialog.consent.text()
    for box in (dialog.contact, dialog.thresholds, dialog.vulnerabilities, dialog.detention, dialog.background):
        assert not box.isEnabled()
        assert box.accessibleName()
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    [letter] = shown
    assert "Nguyễn" not in pdf_text(letter.pdf)


def test_show_handout_previews_the_chosen_language(
    qtbot: QtBot, facade: Leerwinkel, shown: list[RenderedLetter]
) -> None:
    built = build_referral(facade.store)
    show_handout(None, facade, built.referral_id, "nl-fr")
    [letter] = shown
    assert letter.kind is LetterKind.HANDOUT and letter.language == "nl-fr"
