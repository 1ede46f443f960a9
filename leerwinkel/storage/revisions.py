"""The schema revision a database has and the one this release brings, read without Alembic.

Alembic (with Mako, about 15 MiB and a fifth of a second) is needed only when the schema must change;
opening a database that is already at the head only compares two strings. The head is read from the
revision files themselves (their ``revision`` and ``down_revision``), as Alembic reads them;
tests/migrations checks that both agree.
"""

from __future__ import annotations

import ast
import functools
from pathlib import Path

from sqlalchemy import Connection, text
from sqlalchemy.exc import OperationalError, ProgrammingError

VERSIONS_DIR = Path(__file__).resolve().parent / "migrations" / "versions"


def _value(node: ast.expr) -> tuple[str, ...]:
    value = ast.literal_eval(node)
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(value)


def head_of_files(folder: Path | None = None) -> str | None:
    """The one revision no other revision names as its ``down_revision`` (in ``folder``, else in the
    revisions this release ships); None when there is not exactly one (a branch, or a file this reader
    does not understand: then ask Alembic)."""
    return _shipped_head() if folder is None else _read_head(folder)


@functools.cache
def _shipped_head() -> str | None:
    return _read_head(VERSIONS_DIR)


def _read_head(folder: Path) -> str | None:
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in folder.glob("*.py"):
        found: dict[str, tuple[str, ...]] = {}
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            target: ast.expr | None = node.target if isinstance(node, ast.AnnAssign) else None
            if isinstance(node, ast.Assign) and len(node.targets) == 1:
                target = node.targets[0]
            value = getattr(node, "value", None)
            if isinstance(target, ast.Name) and target.id in {"revision", "down_revision"} and value is not None:
                try:
                    found[target.id] = _value(value)
                except (ValueError, TypeError):
                    return None
        if len(found.get("revision", ())) != 1:
            return None
        revisions.update(found["revision"])
        parents.update(found.get("down_revision", ()))
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def stored_revision(connection: Connection) -> str | None:
    """The revision recorded in the database (Alembic's table), None for a database without one."""
    try:
        rows = connection.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    except (OperationalError, ProgrammingError):  # no such table: a new, empty database
        return None
    return rows[0] if len(rows) == 1 else None


__all__ = ["head_of_files", "stored_revision"]
