"""Run the whole window application offscreen, signed in, until it is terminated (not a test itself).

Usage: python -m tests.ui.terminated_app DATA_DIR MARKER. ``ui.application.run`` as the launcher calls it,
with the login dialog answered by the test account; writes MARKER once the main window is shown and a client
was saved through the facade (so the backup at exit is due), then waits for SIGTERM.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

import ui.session.lifecycle as lifecycle
from leerwinkel.app import Leerwinkel
from leerwinkel.config import Config
from leerwinkel.intake.actions import OpenIntake
from leerwinkel.intake.types import ConsentInput, IntakeInput, PersonInput
from tests.factories import TEST_CREDENTIALS


def main() -> int:
    data_dir, marker = Path(sys.argv[1]), Path(sys.argv[2])
    os.environ["LEERWINKEL_DATA_DIR"] = str(data_dir)
    opened: list[Leerwinkel] = []

    def signed_in(config: Config, parent: object = None) -> Leerwinkel:
        facade = lifecycle.open_signed_in(config, TEST_CREDENTIALS)
        opened.append(facade)
        return facade

    lifecycle.start_session = signed_in  # type: ignore[assignment]

    def when_shown() -> None:
        from ui.mainwindow import MainWindow

        if not any(w.isVisible() and isinstance(w, MainWindow) for w in QApplication.topLevelWidgets()):
            QTimer.singleShot(50, when_shown)
            return
        facade = opened[0]
        form = IntakeInput(
            person=PersonInput(first_name="Beëindigd", last_name="Testpersoon"),
            consent=ConsentInput(store_data=True),
            site_code="mechelen-sociaal-huis",
        )
        facade.intakes.save(OpenIntake(form), actor=facade.auth.current)
        marker.write_text("ready", encoding="utf-8")

    QApplication([sys.argv[0]])
    QTimer.singleShot(0, when_shown)
    from ui.application import run

    return run([])


if __name__ == "__main__":
    sys.exit(main())
