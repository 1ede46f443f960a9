"""Save a screenshot of every page of the main window into docs/screenshots/, on fresh demo data.

Run under Xvfb (the real window):
    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python docs/screenshots/pages.py
or offscreen: ``QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/pages.py``. Not part of the tests.
Signs in as the demo administrator, so Instellingen shows every tab. Writes mainwindow.png, today.png,
clients.png, intake.png, catalogue.png, followup.png, reports.png, settings.png, exchange.png, prison-mode.png
(the catalogue in prison mode), client.png and help.png,
and a 560 px copy of the page pictures into resources/help/images/ for the in-app user guide.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from leerwinkel.app import open_app  # noqa: E402
from leerwinkel.cli import main as cli  # noqa: E402
from leerwinkel.config import Config  # noqa: E402
from leerwinkel.security.keyring import Credentials  # noqa: E402
from ui.application import install_translators  # noqa: E402

SIZE = (1280, 800)
PASSWORD = "demo-wachtwoord-2026"


def settle(qt: QApplication, done: Callable[[], bool] = lambda: True, seconds: float = 1.0) -> None:
    """Process events until ``done`` (background work delivers through the event loop), then a little more."""
    deadline = time.monotonic() + 20
    while not done() and time.monotonic() < deadline:
        qt.processEvents()
        time.sleep(0.02)
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        qt.processEvents()
        time.sleep(0.02)


#: Pages whose picture the in-app user guide shows (resources/help/images/, 560 px wide).
GUIDE_PICTURES = {
    "today",
    "clients",
    "intake",
    "catalogue",
    "followup",
    "reports",
    "settings",
    "client",
    "exchange",
    "prison-mode",
}
GUIDE_WIDTH = 560


def save(widget: QWidget, name: str) -> None:
    out = ROOT / "docs" / "screenshots" / name
    picture = widget.grab()
    picture.save(str(out))
    print(out)
    if Path(name).stem in GUIDE_PICTURES:
        small = ROOT / "resources" / "help" / "images" / name
        small.parent.mkdir(parents=True, exist_ok=True)
        picture.scaledToWidth(GUIDE_WIDTH, Qt.TransformationMode.SmoothTransformation).save(str(small))
        print(small)


def main() -> int:
    qt = QApplication([sys.argv[0]])
    install_translators(qt)
    folder = Path(tempfile.mkdtemp(prefix="leerwinkel-shots-"))
    secret = folder / "wachtwoord.txt"
    secret.write_text(PASSWORD + "\n", encoding="utf-8")
    if cli(["--data-dir", str(folder / "data"), "demo", "--password-file", str(secret)]) != 0:
        return 1
    facade = open_app(Config(data_dir=folder / "data"), credentials=Credentials("demo-beheerder", PASSWORD))
    from ui.catalogue.page import CataloguePage
    from ui.clients.detail import ClientDialog
    from ui.help.window import HelpWindows
    from ui.mainwindow import MainWindow
    from ui.reports.page import ReportsPage
    from ui.sync.page import SyncPage

    window = MainWindow(facade)
    window.resize(*SIZE)
    window.move(0, 0)
    window.show()
    settle(qt)
    save(window, "mainwindow.png")
    pages = window.intake_pages
    for key in ("today", "clients", "followup"):
        window.show_page(key)
        settle(qt)
        save(window, f"{key}.png")

    window.show_page("catalogue")
    catalogue = window.pages.currentWidget()
    assert isinstance(catalogue, CataloguePage)
    settle(qt, lambda: catalogue.table.model().rowCount() > 0)
    catalogue.table.selectRow(0)
    settle(qt)
    save(window, "catalogue.png")

    window.show_page("reports")
    reports = window.pages.currentWidget()
    assert isinstance(reports, ReportsPage)
    settle(qt, lambda: reports.dashboard is not None)
    save(window, "reports.png")

    window.show_page("settings")
    settle(qt)
    save(window, "settings.png")

    window.show_page("exchange")
    exchange = window.pages.currentWidget()
    assert isinstance(exchange, SyncPage)
    settle(qt, lambda: exchange.device is not None)
    save(window, "exchange.png")

    window.prison_mode.start("gevangenis-mechelen")  # prison mode: the catalogue keeps inside the prison
    window.show_page("catalogue")
    settle(qt, lambda: catalogue.table.model().rowCount() > 0)
    catalogue.table.selectRow(0)
    settle(qt)
    save(window, "prison-mode.png")
    window.prison_controls.stop()

    window.show_page("intake")
    form = pages.intake
    form.lines["first_name"].setText("Mira")
    form.lines["last_name"].setText("Voorbeeldt")
    form.lines["municipality"].setText("Mechelen")
    settle(qt)
    save(window, "intake.png")
    form.discard()

    first = pages.clients.model.rows[0]
    dialog = ClientDialog(facade, pages, first.id, window)
    dialog.resize(900, 700)
    dialog.show()
    settle(qt)
    save(dialog, "client.png")
    dialog.close()

    window.show_page("reports")
    guide = HelpWindows.open(window)
    settle(qt)
    save(guide, "help.png")
    guide.close()

    window.close()
    facade.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
