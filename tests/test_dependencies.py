"""The third-party packages pyproject.toml declares are the ones the code imports, no more and no fewer."""

from __future__ import annotations

import ast
import importlib.metadata
import re
import sys
import tomllib
from collections.abc import Iterable

from tests.helpers import ROOT

OWN = {"leerwinkel", "ui", "leerwinkel_resources", "tests", "benchmarks", "packaging"}

#: Modules that arrive with another declared distribution, which pins them (module: that distribution).
COMES_WITH = {"shiboken6": "pyside6-essentials"}  # PySide6's own binding layer, same version

#: Declared and never imported by name, each with the reason it is needed.
NOT_IMPORTED = {
    "tzdata": "zoneinfo reads Europe/Brussels from it where the system has no zone database (leerwinkel/dates.py)",
    "rl-accel": "ReportLab imports its C accelerator _rl_accel itself (reportlab/lib/rl_accel.py)",
    "uharfbuzz": "ReportLab shapes text with it (reportlab.pdfbase.ttfonts.shapeFragWord, leerwinkel/typeset)",
    "setuptools": "builds the wheel in tests/core/test_imports.py",
    "wheel": "builds the wheel in tests/core/test_imports.py",
    "pyinstaller": "builds the bundle (packaging/, tests/packaging)",
    "ruff": "the linter and formatter (a command)",
    "mypy": "the type checker (a command)",
}


def _name(requirement: str) -> str:
    """The normalised distribution name of a requirement ("PySide6-Essentials>=6.8" -> "pyside6-essentials")."""
    match = re.match(r"[A-Za-z0-9._-]+", requirement)
    assert match is not None, requirement
    return re.sub(r"[-_.]+", "-", match.group(0)).lower()


def _declared() -> tuple[set[str], set[str]]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = {_name(r) for r in project["dependencies"]}
    extras = {_name(r) for group in project["optional-dependencies"].values() for r in group}
    return runtime, extras


def _imported(folders: Iterable[str]) -> dict[str, str]:
    """Top-level module names imported anywhere under ``folders`` (not the standard library, not ours): a file."""
    found: dict[str, str] = {}
    for folder in folders:
        for file in sorted((ROOT / folder).rglob("*.py")):
            if ".venv" in file.parts:
                continue
            for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
                names: list[str] = []
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names = [node.module]
                for name in names:
                    top = name.split(".")[0]
                    # a script's sibling, imported by its bare name (packaging/ is no package)
                    beside = not (file.parent / "__init__.py").exists() and (file.parent / f"{top}.py").exists()
                    if top not in sys.stdlib_module_names and top not in OWN and not beside:
                        found.setdefault(top, str(file.relative_to(ROOT)))
    return found


def _distribution(module: str) -> str | None:
    if module in COMES_WITH:
        return COMES_WITH[module]
    names = importlib.metadata.packages_distributions().get(module)
    return _name(names[0]) if names else None


def test_every_imported_package_of_the_app_is_a_declared_dependency() -> None:
    runtime, _extras = _declared()
    undeclared = {
        module: where
        for module, where in _imported(["leerwinkel", "ui"]).items()
        if _distribution(module) not in runtime
    }
    assert not undeclared, f"imported by the app but not in [project].dependencies: {undeclared}"


def test_every_imported_package_of_the_tests_and_tools_is_declared() -> None:
    runtime, extras = _declared()
    undeclared = {
        module: where
        for module, where in _imported(["tests", "benchmarks", "packaging"]).items()
        if _distribution(module) not in runtime | extras
    }
    assert not undeclared, f"imported by tests or tools but not declared: {undeclared}"


def test_every_declared_dependency_is_imported_or_has_a_reason() -> None:
    runtime, extras = _declared()
    used = {_distribution(module) for module in _imported(["leerwinkel", "ui", "tests", "benchmarks", "packaging"])}
    unused = (runtime | extras) - used - set(NOT_IMPORTED)
    assert not unused, f"declared but imported nowhere: {sorted(unused)}"
    stale = set(NOT_IMPORTED) & used
    assert not stale, f"imported after all: take them off NOT_IMPORTED: {sorted(stale)}"
    assert set(NOT_IMPORTED) <= runtime | extras, "NOT_IMPORTED names a package that is not declared"
