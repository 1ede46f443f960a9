"""Small helpers shared by the tests."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


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
