"""The error presenter: expected errors as a Dutch sentence, bugs with technical details to copy."""

from __future__ import annotations

import logging

import pytest
from pytestqt.qtbot import QtBot

from leerwinkel.errors import StorageError, StorageProblem
from leerwinkel.logs import TailHandler
from ui.common.errors import ErrorPresenter


class Captured:
    def __init__(self) -> None:
        self.calls: list[tuple[str, str | None]] = []

    def __call__(self, _parent: object, _icon: object, text: str, *, details: str | None) -> None:
        self.calls.append((text, details))


def test_expected_error_shows_dutch_sentence(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    presenter = ErrorPresenter()
    captured = Captured()
    monkeypatch.setattr(presenter, "_ask", captured)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _parent, _title, text, *a: warnings.append(text)))
    presenter.show(None, StorageError(StorageProblem.DISK_FULL))
    assert captured.calls == []  # no technical details for something the user can act on
    ((text,),) = [(w,) for w in warnings]
    assert "schijf is vol" in text


def test_bug_shows_calm_message_and_details(
    expected_warnings: list[logging.LogRecord], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    tail = TailHandler()
    tail.setFormatter(logging.Formatter("%(message)s"))
    logger = logging.getLogger("ui.common.errors")
    logger.addHandler(tail)
    try:
        presenter = ErrorPresenter(tail)
        captured = Captured()
        monkeypatch.setattr(presenter, "_ask", captured)
        try:
            raise ZeroDivisionError("kapot")
        except ZeroDivisionError as error:
            presenter.show(None, error)
    finally:
        logger.removeHandler(tail)
    ((text, details),) = captured.calls
    assert "niet hadden voorzien" in text and "ZeroDivisionError" not in text
    assert details is not None and "ZeroDivisionError: kapot" in details and "unexpected error" in details
    assert expected_warnings and all(record.getMessage() == "unexpected error" for record in expected_warnings)
