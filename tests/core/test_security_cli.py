"""The security commands: setup, credentials on the command line, audit verify/export, hostile input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text

from leerwinkel.app import open_app
from leerwinkel.config import Config
from tests.helpers import run_main as run


def _secret(tmp_path: Path, name: str, value: str) -> str:
    path = tmp_path / name
    path.write_text(value + "\n", encoding="utf-8")
    return str(path)


def test_setup_then_commands_need_credentials(fresh: Path, tmp_path: Path) -> None:
    password = _secret(tmp_path, "pw", "sterk-wachtwoord-9")
    code, out, err = run("info")
    assert code == 1 and "leerwinkel setup" in err
    code, out, err = run("setup", "--admin", "beheer", "--password-file", password)
    assert code == 0, err
    recovery = out.strip().splitlines()[-1].strip()
    assert len(recovery) == 29 and recovery.count("-") == 5
    code, _, err = run("setup", "--admin", "beheer", "--password-file", password)
    assert code == 1 and "bestaat al" in err
    code, _, err = run("info")
    assert code == 1 and "--user" in err
    code, out, err = run("info", "--json", "--user", "beheer", "--password-file", password)
    assert code == 0, err
    assert json.loads(out)["row_counts"]["counsellors"] == 1
    wrong = _secret(tmp_path, "wrong", "niet-juist-123")
    code, _, err = run("--user", "beheer", "--password-file", wrong, "info")
    assert code == 1 and "klopt niet" in err
    # the recovery key resets a forgotten password
    new = _secret(tmp_path, "new", "nieuw-wachtwoord-7")
    key_file = _secret(tmp_path, "recovery", recovery)
    code, _, err = run("account", "recover", "beheer", "--recovery-key-file", key_file, "--new-password-file", new)
    assert code == 0, err
    assert run("--user", "beheer", "--password-file", new, "info")[0] == 0


def test_audit_verify_and_export_on_the_command_line(tmp_path: Path) -> None:
    assert run("backup", "create")[0] == 0
    code, out, _ = run("audit", "verify")
    assert code == 0 and "ongewijzigd" in out
    code, out, err = run("audit", "export", str(tmp_path / "audit.jsonl"))
    assert code == 0, err
    assert (tmp_path / "audit.jsonl").read_text().count("\n") >= 3
    app = open_app()
    try:
        with app.store.engine.begin() as connection:
            connection.execute(text("UPDATE audit_events SET object_type = 'andere' WHERE sequence = 1"))
    finally:
        app.store.dispose()
    code, out, _ = run("audit", "verify")
    assert code == 1 and "NIET in orde" in out and "1" in out


def test_counsellor_cannot_read_the_audit_trail(tmp_path: Path) -> None:
    password = _secret(tmp_path, "pw", "balie-wachtwoord-1")
    assert run("account", "add", "balie", "--new-password-file", password)[0] == 0
    code, _, err = run("--user", "balie", "--password-file", password, "audit", "list")
    assert code == 1 and "beheerder" in err


@pytest.mark.parametrize(
    "name",
    [
        "x" * 5000,
        "naam\x00nul",
        "naam\x1b[31mrood",
        "'; DROP TABLE counsellors; --",
        '=HYPERLINK("http://x")',
        "\u202enaam",
        "😀",
    ],
)
def test_hostile_account_names_on_the_command_line(tmp_path: Path, name: str) -> None:
    password = _secret(tmp_path, "pw", "balie-wachtwoord-1")
    code, out, err = run("account", "add", name, "--new-password-file", password)
    assert code == 2, err
    assert "Traceback" not in err and err.strip()
    code, out, _ = run("account", "list", "--json")
    assert [a["username"] for a in json.loads(out)] == ["test-beheerder"]


@pytest.mark.parametrize("value", ["niet-een-id", "0" * 5000, "'; DELETE FROM clients; --", "\x00"])
def test_hostile_client_ids_are_refused(tmp_path: Path, value: str) -> None:
    code, _, err = run("gdpr", "export", value, "--to", str(tmp_path / "out"))
    assert code == 2 and "Traceback" not in err
    code, _, err = run("gdpr", "erase", value, "--yes")
    assert code == 2


def test_credentials_options_must_come_together(tmp_path: Path) -> None:
    code, _, err = run("info", "--user", "iemand")
    assert code == 2 and "--password-file" in err


def test_unreadable_password_file(tmp_path: Path) -> None:
    code, _, err = run("--user", "x", "--password-file", str(tmp_path / "bestaat-niet"), "info")
    assert code == 2 and "gelezen" in err


def test_config_repr_hides_the_password(tmp_path: Path) -> None:
    from leerwinkel.credentials import Credentials

    config = Config(data_dir=tmp_path, credentials=Credentials("a", "geheim-wachtwoord"))
    assert "geheim" not in repr(config)


def test_setup_encrypts_a_plain_database_from_an_older_version(fresh: Path, tmp_path: Path) -> None:
    from sqlalchemy import create_engine

    from leerwinkel.storage import migrate
    from leerwinkel.storage.store import Store

    fresh.mkdir(parents=True)
    engine = create_engine(f"sqlite:///{fresh / 'leerwinkel.sqlite3'}")
    plain = Store(engine, device_id="desk-old")
    migrate.upgrade(plain)
    with plain.unit_of_work() as session:
        session.execute(
            text(
                "INSERT INTO clients (id, first_name, alias, last_name, gender, phone, email, street, "
                "postcode, municipality, languages, dutch_level, education_level, foreign_diploma, "
                "detained, employment, notes, created_at, updated_at, updated_by_device, version) "
                "VALUES ('0b6f6f7e8c1d4f4e9a0b1c2d3e4f5a6b', 'Oudbestandia', '', '', '', '', '', '', "
                "'', '', '', 'onbekend', '', '', 0, '', '', '2026-01-01', '2026-01-01', 'x', 1)"
            )
        )
    (fresh / "backups").mkdir()
    with engine.connect() as connection:
        import sqlite3

        copy = sqlite3.connect(fresh / "backups" / "before-upgrade-0001-20260101T000000Z.sqlite3")
        connection.connection.driver_connection.backup(copy)  # type: ignore[union-attr]
        copy.close()
    plain.dispose()
    password = _secret(tmp_path, "pw", "sterk-wachtwoord-9")
    code, _, err = run("setup", "--admin", "beheer", "--password-file", password)
    assert code == 0, err
    assert not any(b"Oudbestandia" in p.read_bytes() for p in fresh.rglob("*") if p.is_file())
    code, out, err = run("--user", "beheer", "--password-file", password, "info", "--json")
    assert code == 0, err
    assert json.loads(out)["row_counts"]["clients"] == 1
