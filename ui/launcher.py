"""The ``leerwinkel`` executable: the window without arguments, the command line with them."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from leerwinkel.cli import main as cli_main
from leerwinkel.messages import _

NO_DISPLAY = _(
    "Geen scherm gevonden: start het venster met 'xvfb-run -a leerwinkel' of gebruik de opdrachtregel "
    "('leerwinkel --help')."
)


def has_display(environ: dict[str, str] | os._Environ[str] | None = None) -> bool:
    env = os.environ if environ is None else environ
    if env.get("QT_QPA_PLATFORM"):
        return True
    if not sys.platform.startswith("linux"):
        return True
    return bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))


MISSING_XCB = _(
    "Qt kan het venster niet openen: de bibliotheek libxcb-cursor0 ontbreekt. Installeer ze met "
    "'sudo apt-get install libxcb-cursor0' of gebruik de opdrachtregel ('leerwinkel --help')."
)


def missing_xcb_library(environ: dict[str, str] | os._Environ[str] | None = None) -> bool:
    """Since Qt 6.5 the X11 platform plugin needs libxcb-cursor; without it Qt aborts the process."""
    env = os.environ if environ is None else environ
    if not sys.platform.startswith("linux") or env.get("QT_QPA_PLATFORM") or not env.get("DISPLAY"):
        return False
    if env.get("WAYLAND_DISPLAY"):
        return False
    import ctypes.util

    return ctypes.util.find_library("xcb-cursor") is None


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    gui_args = [a for a in args if a.startswith("--data-dir")]
    if args and len(gui_args) != len(args):
        return cli_main(args)
    if not has_display():
        sys.stderr.write(NO_DISPLAY + "\n")
        return 1
    if missing_xcb_library():
        sys.stderr.write(MISSING_XCB + "\n")
        return 1
    from ui.application import run

    return run(args)


if __name__ == "__main__":
    sys.exit(main())
