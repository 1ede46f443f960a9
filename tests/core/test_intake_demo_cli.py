"""The demo on a fresh data folder (accounts to sign in with), and the audited list exports of the CLI."""

from __future__ import annotations

import json
from pathlib import Path

from leerwinkel.cli import EXIT_OK, EXIT_USAGE
from leerwinkel.intake.demo import DEMO_ACCOUNTS
from tests.helpers import run_main as run


def test_demo_on_a_fresh_folder_creates_accounts_to_sign_in_with(fresh: Path, tmp_path: Path) -> None:
    secret = tmp_path / "demo-wachtwoord.txt"
    secret.write_text("demo-wachtwoord-2026\n", encoding="utf-8")
    code, _, err = run("demo", "--clients", "12")
    assert code == EXIT_USAGE and "wachtwoordbestand is verplicht" in err.casefold()
    assert not (fresh / "keys.json").exists()

    code, out, err = run("demo", "--clients", "12", "--password-file", str(secret))
    assert (code, err) == (EXIT_OK, "")
    assert "12 cliënten" in out and "demo-lien" in out and "Herstelsleutel" in out

    admin, lien, tarik = (a.username for a in DEMO_ACCOUNTS)
    code, out, err = run("--user", lien, "--password-file", str(secret), "referrals", "list", "--json")
    assert code == EXIT_OK, err
    names = {h["counsellor_name"] for r in json.loads(out) for h in r["history"]}
    assert names == {"Lien Demoens", "Tarik Voorbeeld"}
    code, out, err = run("--user", admin, "--password-file", str(secret), "account", "list", "--json")
    assert code == EXIT_OK, err
    roles = {a["username"]: (a["role"], a["display_name"]) for a in json.loads(out)}
    assert roles == {
        admin: ("admin", "Bea Beheerder"),
        lien: ("counsellor", "Lien Demoens"),
        tarik: ("counsellor", "Tarik Voorbeeld"),
    }

    code, _, err = run("--user", admin, "--password-file", str(secret), "demo", "--clients", "3")
    assert code == EXIT_USAGE and "lege databank" in err
    code, out, err = run("--user", admin, "--password-file", str(secret), "audit", "verify")
    assert code == EXIT_OK and "ongewijzigd" in out, err


def test_list_exports_are_in_the_audit_trail_without_names(tmp_path: Path) -> None:
    source = tmp_path / "oud.csv"
    source.write_text("Voornaam;Familienaam\nGodelieve;Uitgedachtsma\n", encoding="utf-8")
    assert run("clients", "import", str(source))[0] == EXIT_OK
    assert run("clients", "list", "--json")[0] == EXIT_OK
    assert run("referrals", "list", "--json", "--due")[0] == EXIT_OK
    code, out, err = run("audit", "list", "--json")
    assert code == EXIT_OK, err
    listed = json.loads(out)
    actions = [e["action"] for e in listed]
    assert {"client.create", "client.export", "referral.export"} <= set(actions)
    assert "Godelieve" not in out and "Uitgedachtsma" not in out
    code, out, _ = run("audit", "verify")
    assert code == EXIT_OK
