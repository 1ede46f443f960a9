"""Save screenshots of the intake pages (offscreen) into docs/screenshots/, with demo data.

Run: ``QT_QPA_PLATFORM=offscreen python docs/screenshots/pages.py``. Not part of the test suite.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402 - after QT_QPA_PLATFORM

from leerwinkel.app import open_app  # noqa: E402
from leerwinkel.cli import main as cli  # noqa: E402
from leerwinkel.config import Config  # noqa: E402
from leerwinkel.security.keyring import Credentials  # noqa: E402


def main() -> int:
    qt = QApplication([sys.argv[0]])
    folder = Path(tempfile.mkdtemp(prefix="leerwinkel-shots-"))
    secret = folder.parent / f"{folder.name}-pw"
    secret.write_text("demo-wachtwoord-2026\n", encoding="utf-8")
    if cli(["--data-dir", str(folder / "data"), "demo", "--password-file", str(secret)]) != 0:
        return 1
    facade = open_app(Config(data_dir=folder / "data"), credentials=Credentials("demo-lien", "demo-wachtwoord-2026"))
    from ui.clients.detail import ClientDialog
    from ui.mainwindow import MainWindow

    window = MainWindow(facade)
    window.resize(1280, 860)
    window.show()
    out = ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    pages = window.intake_pages
    for key in ("today", "clients", "followup"):
        window.show_page(key)
        qt.processEvents()
        window.grab().save(str(out / f"{key}.png"))
    window.show_page("intake")
    form = pages.intake
    form._duplicates_acknowledged = True  # show the validation next to the fields
    form.lines["first_name"].setText("Mira")
    form.lines["last_name"].setText("Voorbeeldt")
    form.lines["birth_date"].setText("31/02/1990")
    form.lines["municipality"].setText("Mechelen")
    form.save()
    qt.processEvents()
    window.grab().save(str(out / "intake.png"))
    first = pages.clients.model.rows[0]
    dialog = ClientDialog(facade, pages, first.id, window)
    dialog.show()
    qt.processEvents()
    dialog.grab().save(str(out / "client.png"))
    dialog.close()
    form.discard()
    facade.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
