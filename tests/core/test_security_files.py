"""Files the app writes are private: data folder 700, every file 600, after a whole working day."""

from __future__ import annotations

import io
import json
import os
import stat
from pathlib import Path

import pytest

from leerwinkel.cli import main


def run(*args: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), out=out, err=err)
    assert code == 0, err.getvalue()
    return out.getvalue()


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX file modes")
def test_modes_after_demo_backup_and_exports(tmp_path: Path) -> None:
    data = Path(os.environ["LEERWINKEL_DATA_DIR"])
    os.chmod(data, 0o755)  # as an older version left it
    password = tmp_path / "demo-pw"
    password.write_text("demo-wachtwoord-2026\n", encoding="utf-8")
    old_umask = os.umask(0o022)  # a usual desktop umask: the app must not rely on the caller's
    try:
        run("demo", "--password-file", str(password), "--clients", "6")
        run("backup", "create")
        referral = json.loads(run("referrals", "list", "--json"))[0]["id"]
        exports = data / "uitvoer"  # exports in the data folder itself
        run("letter", "handout", referral, "--out", str(exports / "afsprakenblad.pdf"))
        run("report", "--from", "2025-01-01", "--to", "2026-12-31", "--out", str(exports / "rapport.csv"))
        run("report", "--from", "2025-01-01", "--to", "2026-12-31", "--out", str(exports / "rapport.pdf"))
        client = json.loads(run("clients", "list", "--json"))[0]["id"]
        run("gdpr", "export", client, "--to", str(exports))
        run("audit", "export", str(exports / "audit.jsonl"))
    finally:
        os.umask(old_umask)
    assert os.umask(old_umask) == old_umask  # the command gave the caller its umask back
    assert _mode(data) == 0o700
    seen = {"dirs": 0, "files": 0}
    for folder, dirs, files in os.walk(data):
        for name in dirs:
            assert _mode(Path(folder) / name) == 0o700, Path(folder) / name
            seen["dirs"] += 1
        for name in files:
            assert _mode(Path(folder) / name) == 0o600, Path(folder) / name
            seen["files"] += 1
    names = {p.name for p in data.rglob("*")}
    assert {"leerwinkel.sqlite3", "keys.json", "leerwinkel.log", "rapport.csv", "afsprakenblad.pdf"} <= names
    assert any(name.endswith(".lwbak") for name in names)
    assert seen["dirs"] >= 3 and seen["files"] >= 8
