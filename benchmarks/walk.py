"""A counsellor's first minute on a large database, through the real window: how long each step holds the UI.

    .venv/bin/python benchmarks/walk.py [--clients 100000] [--data /tmp/reports]

Uses the reports benchmark's data (``--data``-<clients>, made by benchmarks/reports.py, copied here to a
temporary folder and brought to the current schema there, so the walk's backups and upgrades leave it as it
was). One process starts the window as ``leerwinkel`` does, types the password into the login dialog and signs
in, then, a few seconds apart: Cliënten, a name typed, the first client opened, Opvolging, "only what is due",
Catalogus, Rapporten and back to Vandaag, then closes the window (the backup at exit included). It prints the
time from the click on "Aanmelden" to the painted main window, and per step the time of the call and the longest
stall of the UI thread in the seconds after it (a timer that should tick every 10 ms; work that finishes on a
worker and is shown on the UI thread counts too).

This is a diagnostic, not a ratio: a stall has no library floor to compare with. Read the figures as "what
the counsellor waits for" and look for the next wait; the daily upkeep (integrity check and backup) runs in
the background meanwhile, as it does on the first sign-in of a day.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHILD = r"""
import os, sys, time
from PySide6.QtCore import QTimer, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(["leerwinkel"])
state = {"last": time.monotonic(), "stall": 0.0}


def beat():
    now = time.monotonic()
    state["stall"] = max(state["stall"], now - state["last"])
    state["last"] = now


heart = QTimer()
heart.timeout.connect(beat)
heart.start(10)


def step(name, action, then, wait_ms=2500):
    def run():
        state["stall"] = 0.0
        state["last"] = time.monotonic()
        started = time.perf_counter()
        action()
        busy = time.perf_counter() - started

        def report():
            stall = max(state["stall"], busy)
            print(f"{name:<32} call {busy * 1000:6.0f} ms   longest UI stall {stall * 1000:6.0f} ms", flush=True)
            then()

        QTimer.singleShot(wait_ms, report)

    QTimer.singleShot(0, run)


def tick():
    dialog = QApplication.activeModalWidget() or QApplication.activeWindow()
    if dialog is not None and type(dialog).__name__ == "LoginDialog" and "typed" not in state:
        state["typed"] = True
        dialog.username.setText(os.environ["WALK_USER"])
        dialog.password.setText(os.environ["WALK_PASSWORD"])

        def click():
            state["clicked"] = time.monotonic()
            dialog.login_button.click()

        QTimer.singleShot(1500, click)  # after the preload, as a typed password leaves time for it
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow) and w.isVisible()]
    if windows and "window" not in state:
        state["window"] = windows[0]
        waited = time.monotonic() - state["clicked"]
        print(f"{'sign-in to the painted window':<32} {waited * 1000:6.0f} ms", flush=True)
        QTimer.singleShot(1000, walk)


def walk():
    window = state["window"]
    pages = window.intake_pages

    def open_first():
        pages.clients.table.setFocus()
        QTest.keyClick(pages.clients.table, Qt.Key.Key_Return)

    steps = [
        ("Cliënten", lambda: window.show_page("clients")),
        ("type a name", lambda: QTest.keyClicks(pages.clients.search, "Persoon4")),
        ("open the first client", open_first),
        ("Opvolging", lambda: window.show_page("followup")),
        ("only what is due", lambda: pages.followup.due_only.setChecked(True)),
        ("Catalogus", lambda: window.show_page("catalogue")),
        ("Rapporten", lambda: window.show_page("reports")),
        ("Vandaag", lambda: window.show_page("today")),
    ]

    def run(index):
        if index == len(steps):
            state["closing"] = time.monotonic()
            window.close()
            return
        name, action = steps[index]
        step(name, action, lambda: run(index + 1))

    run(0)


timer = QTimer()
timer.timeout.connect(tick)
timer.start(50)
from ui.launcher import main

main([])
print(f"{'close to the end of the process':<32} {(time.monotonic() - state['closing']) * 1000:6.0f} ms", flush=True)
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=100_000)
    parser.add_argument("--data", type=Path, default=Path("/tmp/reports"), help="prefix of the data folders")
    options = parser.parse_args()
    source = Path(f"{options.data}-{options.clients}")
    if not (source / "leerwinkel.sqlite3").exists():
        print(f"no data in {source}: run benchmarks/reports.py --clients {options.clients} first", file=sys.stderr)
        return 2
    from benchmarks.setup_data import BENCH_CREDENTIALS

    with tempfile.TemporaryDirectory(prefix="walk-") as folder:
        data = Path(folder) / "data"
        shutil.copytree(source, data, ignore=shutil.ignore_patterns("backups", "integrity-check.json"))
        from leerwinkel.app import open_app
        from leerwinkel.config import Config

        # The schema brought to the head first, as the first start after an update does (a wait of its own,
        # with a copy of the file, once per update; not the walk's). Its backups go, so the day's are due.
        open_app(Config(data_dir=data), credentials=BENCH_CREDENTIALS).close()
        shutil.rmtree(data / "backups", ignore_errors=True)
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
            "LEERWINKEL_DATA_DIR": str(data),
            "WALK_USER": BENCH_CREDENTIALS.username,
            "WALK_PASSWORD": BENCH_CREDENTIALS.password,
            "PYTHONPATH": str(ROOT),
        }
        env.pop("LEERWINKEL_USER", None)
        print(f"walk through the window, {options.clients:,} clients")
        result = subprocess.run([sys.executable, "-c", CHILD], env=env, cwd=ROOT, timeout=1800, check=False)
        return result.returncode


if __name__ == "__main__":
    sys.exit(main())
