"""User messages captured instead of shown: QMessageBox's static helpers and the error presenter's dialog.

As qutebrowser's tests/helpers/messagemock.py. Every UI test has it (tests/ui/conftest.py, autouse): a modal
box would block an offscreen test for ever, and a message nobody expected fails the test that caused it.
A test that expects messages asks for the ``message_mock`` fixture, queues the answers to questions in
``answers``, and asserts on ``messages`` (or ``getmsg``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget

from ui.common.errors import ErrorPresenter

#: the static QMessageBox helpers the app uses; "error" is the presenter's own box (a bug, with details)
KINDS = ("warning", "information", "critical", "question")


@dataclass(frozen=True)
class Message:
    kind: str  # one of KINDS, or "error"
    title: str
    text: str
    details: str | None = None


class MessageMock:
    """Records each message; answers a question with the next of ``answers`` (No when none is left)."""

    def __init__(self) -> None:
        self.messages: list[Message] = []
        self.answers: list[QMessageBox.StandardButton] = []
        self.expected = False

    def getmsg(self, kind: str | None = None) -> Message:
        """The one message (of ``kind``) the test caused; fails when there is not exactly one."""
        found = [m for m in self.messages if kind is None or m.kind == kind]
        assert len(found) == 1, f"expected one {kind or ''} message, got {found}"
        return found[0]

    def _static(self, kind: str) -> Callable[..., QMessageBox.StandardButton]:
        def show(_parent: QWidget | None, title: str, text: str, *_args: object) -> QMessageBox.StandardButton:
            self.messages.append(Message(kind, title, text))
            if kind != "question":
                return QMessageBox.StandardButton.Ok
            return self.answers.pop(0) if self.answers else QMessageBox.StandardButton.No

        return show

    def _presenter_box(self, _parent: QWidget | None, _icon: object, text: str, *, details: str | None) -> None:
        # set on the class as a bound method of the mock: it does not bind to the presenter again
        self.messages.append(Message("error", "", text, details))

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        for kind in KINDS:
            monkeypatch.setattr(QMessageBox, kind, staticmethod(self._static(kind)))
        monkeypatch.setattr(ErrorPresenter, "_ask", self._presenter_box)

    def check(self) -> None:
        """At the end of a test: fail on messages the test did not ask for."""
        if self.messages and not self.expected:
            lines = "\n".join(f"  {m.kind}: {m.text}" for m in self.messages)
            pytest.fail(f"unexpected message boxes (ask for the message_mock fixture if they belong):\n{lines}")
