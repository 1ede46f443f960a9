"""Start-up as the user waits for it: the painted login dialog, and the command line's quick answers.

Each figure is a whole new process, timed from just before it is spawned until it reports (its first paint of
a dialog) or exits. The floors do the same work in the same run, alternating with the app's runs:
- window: a bare PySide6 process that creates a QApplication and paints one QDialog;
- command line: ``python -c pass`` (``--version``) and ``python -c 'import argparse'`` (``--help``).
The first run of each pair is reported apart as "cold" (the files may not be in the page cache yet); the median
of the following runs is "warm". Next to the wall times, the CPU time the child used (user + system), which a
shared machine's load disturbs less. Run: ``.venv/bin/python benchmarks/startup.py [--runs N]``.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

#: The child reports the wall time of the first paint of a dialog, then stops. The probe imports nothing before
#: the app does: an audit hook sees every import, and the first one after the QApplication exists installs the
#: paint filter, so the app's own import order is measured (PySide6 hooks every import that follows its own,
#: so importing it first would charge the app for work a real start does not do). The floor installs the same
#: filter the same way, once its QApplication exists.
PAINT_PROBE = """
import os, sys, time
installed = False
def report_first_paint(app):
    global installed, probe
    installed = True
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QDialog
    class FirstPaint(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and isinstance(obj, QDialog):
                sys.stdout.write(repr(time.time()) + "\\n"); sys.stdout.flush(); os._exit(0)
            return False
    probe = FirstPaint(app)
    app.installEventFilter(probe)
def watch(event, args):
    if event == "import" and not installed:
        application = getattr(sys.modules.get("PySide6.QtWidgets"), "QApplication", None)
        if application is not None and application.instance() is not None:
            report_first_paint(application.instance())
sys.addaudithook(watch)
"""
APP = PAINT_PROBE + "from ui.launcher import main\nmain([])\n"
FLOOR = PAINT_PROBE + (
    "from PySide6.QtWidgets import QApplication, QDialog\n"
    "app = QApplication(['leerwinkel'])\n"
    "report_first_paint(app)\n"
    "dialog = QDialog(); dialog.setWindowTitle('floor'); dialog.show(); app.exec()\n"
)


Sample = tuple[float, float]
"""Wall seconds until the child reported, and the CPU seconds (user + system) the child used."""


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _paint_seconds(code: str, env: dict[str, str]) -> Sample:
    cpu = _children_cpu()
    start = time.time()
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT, timeout=300, check=True
    )
    return float(result.stdout.strip().splitlines()[-1]) - start, _children_cpu() - cpu


def _exit_seconds(args: list[str], env: dict[str, str]) -> Sample:
    cpu = _children_cpu()
    start = time.perf_counter()
    subprocess.run(args, capture_output=True, env=env, cwd=ROOT, timeout=300, check=True)
    return time.perf_counter() - start, _children_cpu() - cpu


def _pairs(name: str, app: Callable[[], Sample], floor: Callable[[], Sample], runs: int) -> None:
    samples = [(app(), floor()) for _ in range(runs)]
    (cold_app, _c), (cold_floor, _f) = samples[0]
    warm = samples[1:]
    warm_app = statistics.median(a for (a, _ca), _f in warm)
    warm_floor = statistics.median(f for _a, (f, _cf) in warm)
    ratios = statistics.median(a / f for (a, _ca), (f, _cf) in warm)
    cpu_app = statistics.median(ca for (_a, ca), _f in warm)
    cpu_floor = statistics.median(cf for _a, (_f, cf) in warm)
    cpu_ratios = statistics.median(ca / cf for (_a, ca), (_f, cf) in warm)
    print(
        f"{name:<22} cold {cold_app * 1000:5.0f} ms (floor {cold_floor * 1000:4.0f} ms, {cold_app / cold_floor:4.1f}x)"
        f"  warm median {warm_app * 1000:5.0f} ms (floor {warm_floor * 1000:4.0f} ms, paired ratio {ratios:4.2f}x)"
        f"  CPU {cpu_app * 1000:5.0f} ms (floor {cpu_floor * 1000:4.0f} ms, paired ratio {cpu_ratios:4.2f}x)"
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
        # Byte-compiled modules, as an installed app has them (pip and the bundle compile them; a user's Python
        # writes them at the first start): with PYTHONDONTWRITEBYTECODE set, as in some shells and CI, every app
        # run would compile its own modules again, which no user waits for and the floor never does.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
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
