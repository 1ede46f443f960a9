"""Take a screenshot of the running app on a real (virtual) X screen.

Run under Xvfb:  xvfb-run -a -s "-screen 0 1280x860x24" .venv/bin/python docs/screenshots/take.py OUT.png [PAGE]
PAGE is a navigation key (today, clients, intake, catalogue, followup, reports, settings, exchange).
The data folder is LEERWINKEL_DATA_DIR: point it at a demo database, never at real client data.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from leerwinkel.app import open_app
from ui.application import install_translators
from ui.mainwindow import MainWindow


def main() -> int:
    out = sys.argv[1]
    page = sys.argv[2] if len(sys.argv) > 2 else "today"
    app = QApplication([sys.argv[0]])
    install_translators(app)
    facade = open_app()
    window = MainWindow(facade)
    window.resize(1260, 820)
    window.move(10, 10)
    window.show()
    window.show_page(page)

    def grab() -> None:
        screen = app.primaryScreen()
        screen.grabWindow(0).copy(window.frameGeometry()).save(out)
        app.quit()

    QTimer.singleShot(1500, grab)
    code = app.exec()
    facade.close()
    return code


if __name__ == "__main__":
    sys.exit(main())
