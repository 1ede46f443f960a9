"""Start-up as the user waits for it: the painted login dialog, and the command line's quick answers.

Each figure is a whole new process, timed from just before it is spawned until it reports (its first paint of
a dialog) or exits. The floors do the same work in the same run, alternating with the app's runs:
- window: a bare PySide6 process that creates a QApplication and paints one QDialog;
- command line: ``python -c pass`` (``--version``) and ``python -c 'import argparse'`` (``--help``).
The first run of each pair is reported apart as "cold" (the files may not be in the page cache yet); the median
of the following runs is "warm". Run: ``.venv/bin/python benchmarks/startup.py [--runs N]``.
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

#: The child reports the wall time of the first paint of a dialog, then stops.
PAINT_PROBE = """
import os, sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QDialog
class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and isinstance(obj, QDialog):
            sys.stdout.write(repr(time.time()) + "\\n"); sys.stdout.flush(); os._exit(0)
        return False
app = QApplication(["leerwinkel"])
probe = FirstPaint(); app.installEventFilter(probe)
"""
APP = PAINT_PROBE + "from ui.launcher import main\nmain([])\n"
FLOOR = PAINT_PROBE + "dialog = QDialog(); dialog.setWindowTitle('floor'); dialog.show(); app.exec()\n"


def _paint_seconds(code: str, env: dict[str, str]) -> float:
    start = time.time()
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT, timeout=300, check=True
    )
    return float(result.stdout.strip().splitlines()[-1]) - start


def _exit_seconds(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, capture_output=True, env=env, cwd=ROOT, timeout=300, check=True)
    return time.perf_counter() - start


def _pairs(name: str, app: object, floor: object, runs: int) -> None:
    samples: list[tuple[float, float]] = []
    for _ in range(runs):
        samples.append((app(), floor()))  # type: ignore[operator]
    cold_app, cold_floor = samples[0]
    warm_app = statistics.median(a for a, _f in samples[1:])
    warm_floor = statistics.median(f for _a, f in samples[1:])
    ratios = statistics.median(a / f for a, f in samples[1:])
    print(
        f"{name:<34} cold {cold_app * 1000:7.0f} ms (floor {cold_floor * 1000:6.0f} ms, {cold_app / cold_floor:4.1f}x)"
        f"   warm median {warm_app * 1000:7.0f} ms (floor {warm_floor * 1000:6.0f} ms, paired ratio {ratios:4.1f}x)"
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=8)
    runs = max(parser.parse_args().runs, 3)
    from benchmarks.setup_data import set_up

    with tempfile.TemporaryDirectory() as folder:
        set_up(Path(folder) / "data")
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LEERWINKEL_DATA_DIR": str(Path(folder) / "data")}
        env.pop("LEERWINKEL_USER", None)
        python = [sys.executable]
        print(f"start-up, {runs} runs each, app and floor alternating ({time.strftime('%Y-%m-%d')})")
        _pairs(
            "login dialog painted",
            lambda: _paint_seconds(APP, env),
            lambda: _paint_seconds(FLOOR, env),
            runs,
        )
        _pairs(
            "leerwinkel --version",
            lambda: _exit_seconds([*python, "-m", "ui.launcher", "--version"], env),
            lambda: _exit_seconds([*python, "-c", "pass"], env),
            runs,
        )
        _pairs(
            "leerwinkel --help",
            lambda: _exit_seconds([*python, "-m", "ui.launcher", "--help"], env),
            lambda: _exit_seconds([*python, "-c", "import argparse"], env),
            runs,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
