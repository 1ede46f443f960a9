"""The shared message mock: message boxes are recorded, questions answered, and an unexpected box fails."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from leerwinkel.errors import StorageError, StorageProblem
from tests.ui.messagemock import MessageMock
from ui.common.errors import ErrorPresenter
from ui.settings.admin import confirm


def test_questions_take_the_queued_answers_then_no(qtbot: QtBot, message_mock: MessageMock) -> None:
    message_mock.answers.append(QMessageBox.StandardButton.Yes)
    assert confirm(None, "Account", "Uitschakelen?") is True  # type: ignore[arg-type]  # no parent in a test
    assert confirm(None, "Account", "Nog eens?") is False  # type: ignore[arg-type]
    assert [(m.kind, m.title, m.text) for m in message_mock.messages] == [
        ("question", "Account", "Uitschakelen?"),
        ("question", "Account", "Nog eens?"),
    ]


def test_an_unexpected_message_box_fails_the_test(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    mock = MessageMock()
    mock.install(monkeypatch)
    mock.check()  # nothing shown: fine
    ErrorPresenter().show(None, StorageError(StorageProblem.DISK_FULL))
    assert mock.getmsg("warning").text
    with pytest.raises(pytest.fail.Exception, match="unexpected message boxes"):
        mock.check()
    mock.expected = True
    mock.check()
