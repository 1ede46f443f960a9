"""Peak memory of the window, signed in with the bundled catalogue, against the libraries it stands on.

Each figure is a new process that reports the peak of its resident memory (``VmHWM`` in /proc/self/status,
Linux only) and exits:
- app, signed in: what ``ui.application.run`` does after the password is accepted (the database opened,
  the bundled catalogue loaded at set-up, the main window with Vandaag shown, the daily backup, the
  preload of the other pages), then three seconds of the event loop;
- app, every page: the same, then every page of the main window shown once, as a counsellor's day does;
- floor: a process that imports what the app stands on (Qt's widgets, SQLAlchemy's ORM, ReportLab's
  platypus), derives one key with argon2id at the app's parameters (64 MiB: signing in does it too),
  creates a QApplication and shows a QMainWindow, then three seconds of the event loop.
App and floor alternate; the median of the runs is compared (issue 15: the signed-in figure within 1.3x).
Run: ``.venv/bin/python benchmarks/memory.py [--runs 3]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PEAK = """
def mib(field):
    for line in open("/proc/self/status", encoding="ascii"):
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
def report():
    print(round(mib("VmHWM"), 1), round(mib("VmRSS"), 1))
def settle(qt, seconds):
    import time
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        qt.processEvents()
        time.sleep(0.02)
"""

APP = (
    PEAK
    + """
import os, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
qt = QApplication(["leerwinkel"])
from leerwinkel.config import load_config
from leerwinkel.credentials import Credentials
from ui.session.lifecycle import watch_session
from ui.session.login import open_signed_in, preload_in_background
preload_in_background()  # as the login dialog does while the password is typed
facade = open_signed_in(load_config(), Credentials(os.environ["BENCH_USER"], os.environ["BENCH_PASSWORD"]))
from ui.mainwindow import MainWindow
window = MainWindow(facade)
watch_session(window, facade)
window.show()
settle(qt, 3)
if os.environ.get("BENCH_EVERY_PAGE"):
    for key in list(window._page_keys):
        window.show_page(key)
        settle(qt, 1)
report()
sys.stdout.flush()
os._exit(0)
"""
)

FLOOR = (
    PEAK
    + """
import os, sys
from PySide6.QtWidgets import QApplication, QMainWindow
import sqlalchemy.orm
import reportlab.platypus
from argon2.low_level import Type, hash_secret_raw
qt = QApplication(["floor"])
# signing in derives the key with argon2id (64 MiB, RFC 9106's second option): the same derivation here
hash_secret_raw(b"password", b"0123456789abcdef", time_cost=3, memory_cost=65536, parallelism=4, hash_len=64,
                type=Type.ID)
window = QMainWindow()
window.resize(1280, 800)
window.show()
settle(qt, 3)
report()
sys.stdout.flush()
os._exit(0)
"""
)


FLOOR_NAME = "floor: Qt + SQLAlchemy + ReportLab imported, argon2id once, a window"


def _peak(code: str, env: dict[str, str]) -> tuple[float, float]:
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT, timeout=600, check=False
    )
    if result.returncode != 0:
        raise SystemExit(result.stderr[-3000:])
    peak, resident = result.stdout.strip().splitlines()[-1].split()
    return float(peak), float(resident)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    runs = max(parser.parse_args().runs, 1)
    if not Path("/proc/self/status").exists():
        print("memory.py reads /proc/self/status: Linux only")
        return 1
    from sqlalchemy import func, select

    from benchmarks.setup_data import set_up
    from leerwinkel.app import open_app
    from leerwinkel.storage.models import Offering

    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "data"
        config, credentials = set_up(data)
        start = time.perf_counter()
        # the first start loads the bundled catalogue
        with open_app(config, credentials=credentials) as app, app.store.unit_of_work() as session:
            offerings = session.scalar(select(func.count()).select_from(Offering))
        print(f"set-up with the bundled catalogue in {time.perf_counter() - start:.1f} s")
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "LEERWINKEL_DATA_DIR": str(data),
            "BENCH_USER": credentials.username,
            "BENCH_PASSWORD": credentials.password,
        }
        env.pop("LEERWINKEL_USER", None)
        signed_in: list[tuple[float, float]] = []
        every_page: list[tuple[float, float]] = []
        floor: list[tuple[float, float]] = []
        for _ in range(runs):
            signed_in.append(_peak(APP, env))
            floor.append(_peak(FLOOR, env))
            every_page.append(_peak(APP, {**env, "BENCH_EVERY_PAGE": "1"}))
    print(f"peak memory (VmHWM) and resident at the end (VmRSS), median of {runs} runs, app and floor alternating")
    print(f"({time.strftime('%Y-%m-%d')}); offerings in the catalogue: {offerings}")
    floor_peak = statistics.median(p for p, _ in floor)
    floor_rss = statistics.median(r for _, r in floor)
    print(f"{FLOOR_NAME:<72} {floor_peak:6.1f} {floor_rss:6.1f} MiB")
    for name, samples in (
        ("app signed in, Vandaag shown, pages preloaded", signed_in),
        ("app after every page", every_page),
    ):
        peak = statistics.median(p for p, _ in samples)
        rss = statistics.median(r for _, r in samples)
        print(
            f"{name:<72} {peak:6.1f} {rss:6.1f} MiB  peak {peak / floor_peak:.2f}x, resident {rss / floor_rss:.2f}x"
            " (target <= 1.3x)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
