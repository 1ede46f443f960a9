"""Every public method of a core service says what it does (and, where not obvious, units, side effects, errors)."""

from __future__ import annotations

import ast

from tests.helpers import ROOT

#: Classes that are services by role, though their names do not end in "Service".
SERVICES = {"Leerwinkel", "Store", "CatalogueEditor", "CatalogueChecks"}


def _is_setter(function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    return any(isinstance(d, ast.Attribute) and d.attr in {"setter", "deleter"} for d in function.decorator_list)


def test_every_public_service_method_has_a_docstring() -> None:
    missing: list[str] = []
    checked = 0
    for file in sorted((ROOT / "leerwinkel").rglob("*.py")):
        if "migrations" in file.parts:
            continue
        for node in ast.parse(file.read_text(encoding="utf-8")).body:
            if not isinstance(node, ast.ClassDef) or not (node.name.endswith("Service") or node.name in SERVICES):
                continue
            for item in node.body:
                if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef) and not item.name.startswith("_"):
                    if _is_setter(item):
                        continue
                    checked += 1
                    if not ast.get_docstring(item):
                        missing.append(f"{file.relative_to(ROOT)}:{item.lineno} {node.name}.{item.name}")
    assert checked > 100  # the walk found the services
    assert not missing, "public service methods without a docstring:\n" + "\n".join(missing)
