"""The error presenter: expected errors as a Dutch sentence, bugs with technical details to copy."""

from __future__ import annotations

import logging

from pytestqt.qtbot import QtBot

from leerwinkel.errors import StorageError, StorageProblem
from leerwinkel.logs import TailHandler
from tests.ui.messagemock import MessageMock
from ui.common.errors import ErrorPresenter


def test_expected_error_shows_dutch_sentence(qtbot: QtBot, message_mock: MessageMock) -> None:
    ErrorPresenter().show(None, StorageError(StorageProblem.DISK_FULL))
    message = message_mock.getmsg()
    assert message.kind == "warning"  # no technical details for something the user can act on
    assert "schijf is vol" in message.text


def test_bug_shows_calm_message_and_details(
    expected_warnings: list[logging.LogRecord], qtbot: QtBot, message_mock: MessageMock
) -> None:
    tail = TailHandler()
    tail.setFormatter(logging.Formatter("%(message)s"))
    logger = logging.getLogger("ui.common.errors")
    logger.addHandler(tail)
    try:
        presenter = ErrorPresenter(tail)
        try:
            raise ZeroDivisionError("kapot")
        except ZeroDivisionError as error:
            presenter.show(None, error)
    finally:
        logger.removeHandler(tail)
    message = message_mock.getmsg("error")
    assert "niet hadden voorzien" in message.text and "ZeroDivisionError" not in message.text
    details = message.details
    assert details is not None and "ZeroDivisionError: kapot" in details and "unexpected error" in details
    assert expected_warnings and all(record.getMessage() == "unexpected error" for record in expected_warnings)
