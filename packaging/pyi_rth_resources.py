"""PyInstaller runtime hook: point the app at the bundled resources/ folder."""

import os
import sys
from pathlib import Path

os.environ.setdefault("LEERWINKEL_RESOURCES", str(Path(getattr(sys, "_MEIPASS", ".")) / "resources"))
