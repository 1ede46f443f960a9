"""Save the whole X screen as PNG (run on the same DISPLAY as the app, e.g. under Xvfb)."""

import sys

from PySide6.QtWidgets import QApplication

app = QApplication([sys.argv[0]])
app.primaryScreen().grabWindow(0).save(sys.argv[1])
