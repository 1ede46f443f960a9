"""The import graph of leerwinkel/ and ui/ has no circles (read statically, every import counted)."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import ROOT
from tests.importgraph import cycles, edges


def test_no_import_circles() -> None:
    graph = edges(ROOT, ["leerwinkel", "ui"])
    found = cycles(graph)
    assert not found, "import circles:\n" + "\n".join(found)


def test_the_walk_sees_a_circle(tmp_path: Path) -> None:
    package = tmp_path / "leerwinkel"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("import os\nfrom leerwinkel import b\n")
    (package / "b.py").write_text("def f():\n    from leerwinkel.c import g\n")
    (package / "c.py").write_text("from . import a\n")
    (package / "d.py").write_text("from leerwinkel.a import x\n")
    found = cycles(edges(tmp_path, ["leerwinkel"]))
    assert len(found) == 1
    assert found[0].splitlines()[0] == "circle of 3 modules: leerwinkel.a, leerwinkel.b, leerwinkel.c"
    assert "leerwinkel.b -> leerwinkel.c  (function-local import, " in found[0]
