"""`leerwinkel setup` with the first-run options, and `leerwinkel sites`: what a scripted install stores."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from leerwinkel.app import open_app
from leerwinkel.config import Config
from leerwinkel.credentials import Credentials
from leerwinkel.settings.firstrun import parse_new_site
from leerwinkel.settings.sites import NewSite, site_code
from tests.helpers import run_main as run

PASSWORD = "sterk-wachtwoord-1"


@pytest.fixture
def fresh(fresh: Path, tmp_path: Path) -> Path:
    (tmp_path / "pw").write_text(PASSWORD + "\n", encoding="utf-8")
    return fresh


def test_setup_stores_the_leerwinkel_its_sites_and_the_retention(fresh: Path, tmp_path: Path) -> None:
    code, out, err = run(
        "setup", "--admin", "beheer", "--password-file", str(tmp_path / "pw"),
        "--name", "Leerwinkel Voorbeeldstad", "--street", "Fictieweg 12", "--postcode", "2850", "--city", "Boom",
        "--phone", "03 000 00 00", "--email", "info@voorbeeld.invalid",
        "--site", "mechelen-sociaal-huis", "--site", "gevangenis-mechelen",
        "--add-site", "zitdag:Zitdag Boom:2850 Boom", "--retention-years", "7",
    )  # fmt: skip
    assert code == 0, err
    assert "Herstelsleutel" in out and "plaatsen en bewaartermijn bewaard" in out
    app = open_app(Config(data_dir=fresh, credentials=Credentials("beheer", PASSWORD)))
    try:
        settings = app.settings.current()
        assert settings.get("organisation.name") == "Leerwinkel Voorbeeldstad"
        assert settings.get("organisation.email") == "info@voorbeeld.invalid"
        assert settings.get("retention.years") == 7
        active = sorted(s.code for s in app.sites.all() if s.active)
        assert active == ["gevangenis-mechelen", "mechelen-sociaal-huis", "zitdag-boom"]
    finally:
        app.close()


def test_setup_refuses_bad_choices_before_creating_anything(fresh: Path, tmp_path: Path) -> None:
    code, _out, err = run(
        "setup", "--admin", "beheer", "--password-file", str(tmp_path / "pw"),
        "--email", "geen-adres", "--postcode", "28", "--add-site", "gevangenis:Eigen gevangenis",
    )  # fmt: skip
    assert code == 2
    assert "e-mailadres" in err and "Belgische postcode" in err and "Soort plaats" in err
    assert not (fresh / "keys.json").exists() and not (fresh / "leerwinkel.sqlite3").exists()


def test_sites_can_be_listed_and_chosen_later(fresh: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert run("setup", "--admin", "beheer", "--password-file", str(tmp_path / "pw"))[0] == 0
    monkeypatch.setenv("LEERWINKEL_USER", "beheer")
    monkeypatch.setenv("LEERWINKEL_PASSWORD_FILE", str(tmp_path / "pw"))
    code, out, _err = run("sites", "list")
    assert code == 0 and "[x] gevangenis-mechelen" in out
    code, _out, err = run("sites", "set", "--active", "mechelen-sociaal-huis", "bestaat-niet")
    assert code == 2 and "bestaat-niet" in err
    code, out, err = run("sites", "set", "--active", "mechelen-sociaal-huis", "--add", "kantoor:Kantoor Lier:2500 Lier")
    assert code == 0, err
    assert out.strip().endswith("kantoor-lier, mechelen-sociaal-huis")
    code, out, _err = run("sites", "list", "--json")
    rows = {row["code"]: row["active"] for row in json.loads(out)}
    assert rows["kantoor-lier"] and rows["mechelen-sociaal-huis"] and not rows["gevangenis-mechelen"]


def test_a_counsellor_cannot_change_the_sites(tmp_path: Path) -> None:
    from leerwinkel.errors import PermissionDeniedError
    from tests.factories import TEST_CREDENTIALS

    app = open_app(Config(data_dir=tmp_path / "data", credentials=TEST_CREDENTIALS))
    try:
        app.auth.create_account(app.auth.current, "balie", "balie-wachtwoord-7")
        app.auth.logout()
        counsellor = app.auth.login(Credentials("balie", "balie-wachtwoord-7"))
        with pytest.raises(PermissionDeniedError):
            app.sites.configure(active={"mechelen-sociaal-huis"}, actor=counsellor)
        assert all(s.active for s in app.sites.all())
    finally:
        app.close()


@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("zitdag:Zitdag Boom:2850 Boom", NewSite("Zitdag Boom", "zitdag", "Boom", "2850")),
        ("kantoor:Kantoor Lier:Lier", NewSite("Kantoor Lier", "kantoor", "Lier", "")),
        ("partner:Bij CAW", NewSite("Bij CAW", "partner", "", "")),
    ],
)
def test_new_sites_as_typed_on_the_command_line(text: str, site: NewSite) -> None:
    assert parse_new_site(text) == site


def test_site_codes_are_stable_and_plain() -> None:
    assert site_code("zitdag", "Zitdag Sint-Katelijne-Waver") == "zitdag-sint-katelijne-waver"
    assert site_code("kantoor", "Sociaal Huis Heist-op-den-Berg") == "kantoor-sociaal-huis-heist-op-den-berg"
    assert site_code("partner", "Café Ëlla") == "partner-cafe-ella"
