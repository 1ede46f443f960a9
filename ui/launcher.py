"""The ``leerwinkel`` executable: the window without arguments, the command line with them."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from leerwinkel import __version__
from leerwinkel.markers import N_
from leerwinkel.version import asks_version_only

NO_DISPLAY = N_(
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


MISSING_LIBRARIES = N_(
    "Qt kan het venster niet openen: deze systeembibliotheken ontbreken: {libraries}. Installeer ze met "
    "'sudo apt-get install {packages}' of gebruik de opdrachtregel ('leerwinkel --help')."
)

#: Debian packages whose name does not follow the soname rule in ``debian_package``.
_PACKAGE_EXCEPTIONS = {"libglib-2.0.so.0": "libglib2.0-0", "libgthread-2.0.so.0": "libglib2.0-0"}


def debian_package(soname: str) -> str:
    """The Debian package that ships a library, by Debian's naming rule: libfoo.so.1 is in libfoo1."""
    if soname in _PACKAGE_EXCEPTIONS:
        return _PACKAGE_EXCEPTIONS[soname]
    name, _sep, version = soname.partition(".so.")
    name = name.lower()
    major = version.split(".")[0]
    return f"{name}-{major}" if name[-1:].isdigit() else f"{name}{major}"


def _xcb_plugin() -> Path | None:
    """Qt's X11 platform plugin, found without importing Qt (a bundle keeps it under sys._MEIPASS)."""
    import importlib.util

    roots = [Path(getattr(sys, "_MEIPASS", "")) / "PySide6"] if getattr(sys, "frozen", False) else []
    spec = importlib.util.find_spec("PySide6")
    if spec is not None and spec.submodule_search_locations:
        roots += [Path(p) for p in spec.submodule_search_locations]
    for root in roots:
        plugin = root / "Qt" / "plugins" / "platforms" / "libqxcb.so"
        if plugin.exists():
            return plugin
    return None


def missing_libraries(ldd_output: str) -> list[str]:
    """The sonames that ``ldd`` reports as "not found", once each, in order."""
    found: list[str] = []
    for line in ldd_output.splitlines():
        name, _arrow, rest = line.strip().partition(" => ")
        if rest.strip() == "not found" and name not in found:
            found.append(name)
    return found


def missing_xcb_libraries(environ: dict[str, str] | os._Environ[str] | None = None) -> list[str]:
    """The system libraries Qt's X11 plugin needs and cannot find; without them Qt aborts the process.

    Qt itself names only the first it tries (often libxcb-cursor0, even when that one is installed), so the
    plugin is checked with ``ldd``, which lists every missing library.
    """
    env = os.environ if environ is None else environ
    if not sys.platform.startswith("linux") or env.get("QT_QPA_PLATFORM") or not env.get("DISPLAY"):
        return []
    if env.get("WAYLAND_DISPLAY"):
        return []
    import shutil
    import subprocess

    plugin = _xcb_plugin()
    ldd = shutil.which("ldd")
    if plugin is None or ldd is None:
        return []
    try:
        result = subprocess.run([ldd, str(plugin)], capture_output=True, text=True, timeout=20, check=False)
    except (OSError, subprocess.SubprocessError):
        return []
    return missing_libraries(result.stdout)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if asks_version_only(args):
        sys.stdout.write(f"leerwinkel {__version__}\n")
        return 0
    # Only now the argument parser and the translations: --version answers before them (benchmarks/startup.py).
    from leerwinkel.argv import window_options
    from leerwinkel.i18n import _, activate_for

    options = window_options(args)
    if options is None:  # a command, or options only the command line knows
        from leerwinkel.cli import main as cli_main

        return cli_main(args)
    data_dir = Path(options.data_dir) if options.data_dir else None
    if not has_display():
        activate_for(data_dir)
        sys.stderr.write(_(NO_DISPLAY) + "\n")
        return 1
    missing = missing_xcb_libraries()
    if missing:
        packages = " ".join(dict.fromkeys(debian_package(name) for name in missing))
        activate_for(data_dir)
        sys.stderr.write(_(MISSING_LIBRARIES).format(libraries=", ".join(missing), packages=packages) + "\n")
        return 1
    # The core modules the login dialog needs come before PySide6: PySide6 hooks every import that follows its
    # own and reads the module's source (for its opt-in __feature__ switches), which these modules never use.
    import leerwinkel.config
    import leerwinkel.logs
    import leerwinkel.messages  # noqa: F401 - for the order only, as the two above
    from leerwinkel.fileio import harden_process
    from ui.application import run

    harden_process()  # umask 077: every file the window's process writes starts private

    return run(args)


if __name__ == "__main__":
    sys.exit(main())
