"""The launcher names every system library Qt's X11 plugin misses, and the packages that ship them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from leerwinkel.config import Config
from leerwinkel.security.setup import setup_installation
from tests.helpers import ROOT
from ui import launcher

LDD = """\
\tlinux-vdso.so.1 (0x00007ffd)
\tlibQt6XcbQpa.so.6 => /opt/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibxcb-cursor.so.0 => /lib/x86_64-linux-gnu/libxcb-cursor.so.0 (0x00007f)
\tlibxcb-icccm.so.4 => not found
"""


def test_ldd_output_gives_each_missing_library_once() -> None:
    assert launcher.missing_libraries(LDD) == ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"]


@pytest.mark.parametrize(
    ("soname", "package"),
    [
        ("libxcb-icccm.so.4", "libxcb-icccm4"),
        ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
        ("libxcb-cursor.so.0", "libxcb-cursor0"),
        ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
        ("libEGL.so.1", "libegl1"),
        ("libdbus-1.so.3", "libdbus-1-3"),
        ("libglib-2.0.so.0", "libglib2.0-0"),
    ],
)
def test_debian_package_names_follow_debians_rule(soname: str, package: str) -> None:
    assert launcher.debian_package(soname) == package


def test_the_window_does_not_start_and_names_the_missing_libraries(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(launcher, "has_display", lambda: True)
    monkeypatch.setattr(launcher, "missing_xcb_libraries", lambda: ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"])
    assert launcher.main([]) == 1
    err = capsys.readouterr().err
    assert "libxcb-icccm.so.4, libxcb-keysyms.so.1" in err
    assert "sudo apt-get install libxcb-icccm4 libxcb-keysyms1" in err


def test_the_real_plugin_is_checked_with_ldd_on_this_machine() -> None:
    """Under X11 the real plugin is found and checked; the test machine has every library it needs."""
    missing = launcher.missing_xcb_libraries({"DISPLAY": ":0"})
    assert launcher._xcb_plugin() is not None
    assert missing == [], f"this machine misses {missing}: .ci/run installs them"


@pytest.mark.parametrize(
    ("argv", "window_folder"),
    [
        ([], None),
        (["--data-dir", "/x"], "/x"),
        (["--data-dir=/x"], "/x"),
        (["--data-dir", "/x", "info"], "command"),
        (["info", "--data-dir", "/x"], "command"),
        (["--user", "a", "--password-file", "p"], "command"),
        (["--data-dir"], "command"),
    ],
)
def test_the_launcher_tells_the_window_from_a_command(argv: list[str], window_folder: str | None) -> None:
    from leerwinkel.argv import window_options

    options = window_options(argv)
    if window_folder == "command":
        assert options is None
    else:
        assert options is not None and options.data_dir == window_folder


#: A new process starts the window as the launcher does and reports, at the login dialog's first paint, which
#: heavy libraries are already imported, whether Qt's ``Qt`` namespace was built (its Python enums cost ~25 ms),
#: whether the core's first modules were imported before PySide6 (which hooks every later import), and the
#: dialog's label formats. The probe imports nothing before the app does: an audit hook installs the paint
#: filter at the first import after the QApplication exists (as benchmarks/startup.py does).
CHECK_LOGIN_IS_LIGHT = """
import os, sys
HEAVY = {"sqlalchemy", "alembic", "reportlab", "pypdfium2", "cryptography", "argon2", "openpyxl", "sqlcipher3",
         "sqlite3", "concurrent", "zoneinfo", "uuid"}
installed = False
def report_first_paint(app):
    global installed, probe
    installed = True
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QDialog, QLabel
    class FirstPaint(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and isinstance(obj, QDialog):
                loaded = {name.split(".")[0] for name in sys.modules}
                order = list(sys.modules)
                namespace = "Qt" in vars(sys.modules["PySide6.QtCore"])
                print(type(obj).__name__, sorted(loaded & HEAVY), flush=True)
                print("Qt namespace built:", namespace, flush=True)
                print("core first:", order.index("leerwinkel.config") < order.index("PySide6"), flush=True)
                formats = {label.textFormat().name for label in obj.findChildren(QLabel) if label.buddy() is None}
                print("label formats:", sorted(formats), flush=True)
                os._exit(0)
            return False
    probe = FirstPaint(app)
    app.installEventFilter(probe)
def watch(event, args):
    if event == "import" and not installed:
        application = getattr(sys.modules.get("PySide6.QtWidgets"), "QApplication", None)
        if application is not None and application.instance() is not None:
            report_first_paint(application.instance())
sys.addaudithook(watch)
from ui.launcher import main
main([])
"""


def test_the_login_dialog_is_painted_before_the_core_and_its_libraries_are_imported(tmp_path: Path) -> None:
    """Start-up (issue 15): SQLAlchemy, the crypto and ReportLab load while the password is typed."""
    setup_installation(Config(data_dir=tmp_path / "installation"), "beheerder", "een lang wachtwoord")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LEERWINKEL_DATA_DIR": str(tmp_path / "installation")}
    env.pop("LEERWINKEL_USER", None)
    result = subprocess.run(
        [sys.executable, "-c", CHECK_LOGIN_IS_LIGHT],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.stdout.splitlines() == [
        "LoginDialog []",
        "Qt namespace built: False",
        "core first: True",
        "label formats: ['PlainText']",  # the heading, the introduction and the error line: never markup
    ], result.stdout + result.stderr
