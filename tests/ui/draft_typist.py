"""Run the app offscreen and keep typing in the intake form, for the kill -9 test (not a test itself).

Usage: python -m tests.ui.draft_typist DATA_DIR MARKER. Writes MARKER once the draft holds "Mira Test",
then goes on typing until it is killed.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from leerwinkel.app import open_app
from leerwinkel.config import Config


def main() -> int:
    data_dir, marker = Path(sys.argv[1]), Path(sys.argv[2])
    qt = QApplication([sys.argv[0]])
    facade = open_app(Config(data_dir=data_dir))
    from ui.mainwindow import MainWindow

    window = MainWindow(facade)
    window.show()
    window.show_page("intake")
    page = window.intake_pages.intake
    QTest.keyClicks(page.lines["first_name"], "Mira")
    letters = iter("Testpersoon-die-nog-verder-typt" * 100)

    def type_more() -> None:
        QTest.keyClicks(page.lines["last_name"], next(letters))
        draft = facade.drafts.load("intake", actor=facade.auth.current)
        person = draft.data["person"] if draft is not None else {}
        if person.get("first_name") == "Mira" and len(person.get("last_name", "")) >= 4 and not marker.exists():
            marker.write_text("ready", encoding="utf-8")

    timer = QTimer()
    timer.timeout.connect(type_more)
    timer.start(40)
    return qt.exec()


if __name__ == "__main__":
    sys.exit(main())
