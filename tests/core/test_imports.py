"""The core stays Qt-free, and resources are found from a checkout and from an installed wheel."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from leerwinkel.paths import resources_dir
from tests.helpers import ROOT

CHECK_NO_QT = """
import pkgutil, sys, importlib
import leerwinkel
for module in pkgutil.walk_packages(leerwinkel.__path__, "leerwinkel."):
    if module.name.endswith("__main__") or ".migrations" in module.name:
        continue
    importlib.import_module(module.name)
qt = sorted(name for name in sys.modules if name.startswith(("PySide6", "shiboken6", "PyQt")))
print(len([m for m in sys.modules if m.startswith("leerwinkel")]))
sys.exit(1 if qt else 0)
"""


def test_core_never_imports_qt() -> None:
    result = subprocess.run([sys.executable, "-c", CHECK_NO_QT], capture_output=True, text=True, cwd=ROOT, check=False)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip()) > 10  # the walk really imported the core


def test_resources_found_in_checkout() -> None:
    folder = resources_dir()
    assert folder == ROOT / "resources"
    assert (folder / "RESOURCES.md").is_file()


def test_resources_found_in_installed_wheel(tmp_path: Path) -> None:
    wheel_dir = tmp_path / "wheel"
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(wheel_dir),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert build.returncode == 0, build.stderr
    (wheel,) = wheel_dir.glob("leerwinkel_intake-*.whl")
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        archive.extractall(site)
    assert "leerwinkel_resources/RESOURCES.md" in names
    assert "leerwinkel_resources/help/gebruikersgids.md" in names  # F1 opens it in an installed app too
    assert any(n.startswith("leerwinkel/storage/migrations/versions/") for n in names)
    probe = (
        "from leerwinkel.paths import resources_dir; from leerwinkel.storage.migrate import head_revision; "
        "print(resources_dir()); print(head_revision())"
    )
    env = {"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=tmp_path, env=env, check=False
    )
    assert result.returncode == 0, result.stderr
    found, head = result.stdout.split()
    assert Path(found) == site / "leerwinkel_resources"
    assert head


CHECK_HELP_IS_LIGHT = """
import contextlib, io, sys
from ui.launcher import main
with contextlib.redirect_stdout(io.StringIO()) as out:
    code = main(["--help"])
loaded = {name.split(".")[0] for name in sys.modules}
heavy = sorted(loaded & {"sqlalchemy", "PySide6", "reportlab", "alembic", "pypdfium2"})
print(code, "usage: leerwinkel" in out.getvalue(), heavy)
"""


def test_help_is_answered_before_the_database_layer_or_qt_is_imported() -> None:
    result = subprocess.run(
        [sys.executable, "-c", CHECK_HELP_IS_LIGHT], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert result.stdout.split("\n")[0] == "0 True []", result.stderr
