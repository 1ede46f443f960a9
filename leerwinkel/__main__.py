"""``python -m leerwinkel``: the command line (the GUI starts through ``ui.launcher``)."""

import sys

from leerwinkel.cli import main

if __name__ == "__main__":
    sys.exit(main())
