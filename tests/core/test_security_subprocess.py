"""The real executable in a fresh interpreter: credentials from the environment open the encrypted file."""

from __future__ import annotations

import json
import os
from pathlib import Path

from tests.helpers import run_cli


def test_cli_in_a_fresh_interpreter_uses_the_environment_credentials(tmp_path: Path) -> None:
    result = run_cli("info", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["row_counts"]["counsellors"] == 1
    data = Path(os.environ["LEERWINKEL_DATA_DIR"])
    assert (data / "leerwinkel.sqlite3").read_bytes()[:6] != b"SQLite"
    env = {"LEERWINKEL_USER": "", "LEERWINKEL_PASSWORD_FILE": ""}
    refused = run_cli("info", env=env)
    assert refused.returncode == 1 and "--user" in refused.stderr and "Traceback" not in refused.stderr
    verify = run_cli("audit", "verify")
    assert verify.returncode == 0, verify.stderr
