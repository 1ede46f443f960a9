"""The launcher names every system library Qt's X11 plugin misses, and the packages that ship them."""

from __future__ import annotations

import pytest

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
