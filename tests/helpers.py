"""Small helpers shared by the tests."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFERENCE_ENV = "LEERWINKEL_REFERENCE_DIR"


def _main_checkout(root: Path) -> Path:
    """The repository's main checkout: ``root`` itself, or for a git worktree the checkout that owns it."""
    dot_git = root / ".git"
    if dot_git.is_file():  # a worktree: "gitdir: <main>/.git/worktrees/<name>", whose commondir leads back
        gitdir = Path(dot_git.read_text(encoding="utf-8").split(":", 1)[1].strip())
        common = gitdir / "commondir"
        if common.is_file():
            return (gitdir / common.read_text(encoding="utf-8").strip()).resolve().parent
    return root


def reference_dir() -> Path:
    """The shared reference folder: $LEERWINKEL_REFERENCE_DIR, else ../shared/reference beside the repository."""
    configured = os.environ.get(REFERENCE_ENV)
    if configured:
        return Path(configured)
    return _main_checkout(ROOT).parent / "shared" / "reference"


def require_reference(*parts: str) -> Path:
    """A path in the reference folder; missing, it fails the test in CI (CI=true) and skips it elsewhere, loudly."""
    import pytest

    path = reference_dir().joinpath(*parts)
    if not path.exists() and not os.environ.get(REFERENCE_ENV):
        # a clone without ../shared beside it (a CI runner): the copy kept in the repository, with its licence
        vendored = ROOT.joinpath("tests", "data", "reference", *parts)
        if vendored.exists():
            return vendored
    if not path.exists():
        message = f"REFERENCE DATA MISSING: {path} (set {REFERENCE_ENV} or check out ../shared/reference)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run_cli(
    *args: str,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
    wrapper: list[str] | None = None,
    timeout: float = 120,
) -> subprocess.CompletedProcess[str]:
    """Run ``leerwinkel`` in a fresh interpreter, as a user would from a shell."""
    full_env = dict(os.environ)
    full_env.pop("QT_QPA_PLATFORM", None)
    full_env["PYTHONPATH"] = str(ROOT)
    if env:
        full_env.update(env)
    cmd = [*(wrapper or []), sys.executable, "-m", "ui.launcher", *args]
    return subprocess.run(
        cmd, capture_output=True, text=True, env=full_env, cwd=cwd or ROOT, timeout=timeout, check=False
    )


def run_main(*args: str) -> tuple[int, str, str]:
    """Run ``leerwinkel ARGS`` in this process (quicker than :func:`run_cli`); exit code, stdout, stderr."""
    import io

    from leerwinkel.cli import main

    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def grep_tree(folder: Path, needles: list[bytes]) -> list[str]:
    """Every file under ``folder`` that holds one of ``needles`` in its bytes, as "path: needle"."""
    found = []
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            found += [f"{path.relative_to(folder)}: {n!r}" for n in needles if n in data]
    return found


def needles_for(name: str) -> list[bytes]:
    """How a typed name could sit in a file in plain text: UTF-8, UTF-16 (SQLite, Windows), lower case."""
    return [name.encode("utf-8"), name.encode("utf-16-le"), name.lower().encode("utf-8")]
