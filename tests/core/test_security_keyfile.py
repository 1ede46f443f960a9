"""A missing, damaged, mis-encoded, oversized or out-of-bounds keys.json: a clear message, nothing changed."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from leerwinkel.cli import main
from tests.helpers import sha256_of


def run(*args: str) -> tuple[int, str]:
    err = io.StringIO()
    code = main(list(args), out=io.StringIO(), err=err)
    return code, err.getvalue()


@pytest.fixture
def data(migrated_data: Path) -> Path:
    folder = Path(os.environ["LEERWINKEL_DATA_DIR"])
    assert run("info")[0] == 0  # the database exists and opens
    return folder


def _damage(keys: Path, how: str) -> None:
    if how == "missing":
        keys.unlink()
    elif how == "damaged":
        keys.write_text('{"format": 1, "accounts": {"x": ', encoding="utf-8")
    elif how == "encoding":
        keys.write_bytes(keys.read_bytes().decode("utf-8").encode("utf-16"))
    elif how == "too-large":
        keys.write_text(" " * (2 * 1024 * 1024) + "{}", encoding="utf-8")
    elif how == "params":
        content = json.loads(keys.read_text(encoding="utf-8"))
        for copy in content["accounts"].values():
            copy["params"]["memory_cost"] = 64 * 1024 * 1024 * 1024  # 64 TiB: would never finish
        keys.write_text(json.dumps(content), encoding="utf-8")


@pytest.mark.parametrize(
    ("how", "words"),
    [
        ("missing", ["ontbreekt", "herstelsleutel", "reservekopie"]),
        ("damaged", ["beschadigd", "herstelsleutel"]),
        ("encoding", ["geen UTF-8", "herstelsleutel"]),
        ("too-large", ["te groot", "1024 KiB"]),
        ("params", ["buiten de toegelaten grenzen", "memory_cost"]),
    ],
)
def test_key_file_problems_get_a_clear_message_and_change_nothing(data: Path, how: str, words: list[str]) -> None:
    database = data / "leerwinkel.sqlite3"
    keys = data / "keys.json"
    before = sha256_of(database)
    _damage(keys, how)
    damaged = keys.read_bytes() if keys.exists() else None
    code, err = run("clients", "list")
    assert code == 1
    for word in words:
        assert word in err, err
    assert "Er ging iets mis" not in err and "Er is nog geen beheerder" not in err
    assert sha256_of(database) == before
    assert (keys.read_bytes() if keys.exists() else None) == damaged


def test_setup_refuses_a_database_whose_key_file_is_gone(data: Path, tmp_path: Path) -> None:
    (data / "keys.json").unlink()
    password = tmp_path / "pw"
    password.write_text("nieuw-wachtwoord-1\n", encoding="utf-8")
    code, err = run("setup", "--admin", "nieuw", "--password-file", str(password))
    assert code == 1 and "ontbreekt" in err
    assert not (data / "keys.json").exists()


@pytest.mark.parametrize("how", ["encoding", "too-large"])
def test_password_file_problems_are_named(tmp_path: Path, how: str) -> None:
    password = tmp_path / "pw"
    if how == "encoding":
        password.write_bytes("wachtwoord-é".encode("latin-1"))
        expected = "geen UTF-8"
    else:
        password.write_text("x" * 100_000, encoding="utf-8")
        expected = "te groot"
    code, err = run("--user", "test-beheerder", "--password-file", str(password), "info")
    assert code == 2 and expected in err
