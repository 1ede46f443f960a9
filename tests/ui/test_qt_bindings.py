"""The Qt bindings themselves: a long session must not crash them.

PySide6 6.12.0 drops a reference to ``True`` on every signal delivered to a Python slot, and the
interpreter aborts ("bool_dealloc") after roughly a thousand, e.g. typing into a search field. These
tests run in a fresh interpreter so that such a binding kills only the subprocess, and say why.
"""

from __future__ import annotations

import os
import subprocess
import sys

SCRIPT = """
import sys
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QLineEdit

app = QApplication([])


class Source(QObject):
    changed = Signal(int)


source = Source()
source.changed.connect(lambda value: None)
field = QLineEdit()
field.textChanged.connect(lambda text: None)
before = sys.getrefcount(True)
for i in range(20000):
    source.changed.emit(i)
for i in range(5000):
    field.setText(str(i))
print(sys.getrefcount(True) - before)
"""


def test_many_signals_to_python_slots_leave_refcounts_alone() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=120,
                            check=False)  # fmt: skip
    assert result.returncode == 0, f"the Qt bindings crashed after many signals: {result.stderr[-500:]}"
    assert abs(int(result.stdout.strip())) < 50
