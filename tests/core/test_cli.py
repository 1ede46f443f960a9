"""The command line as a user meets it: version, info, db upgrade, usage errors, no display."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from leerwinkel import __version__
from leerwinkel.cli import main
from tests.helpers import run_cli


def _run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_version() -> None:
    result = run_cli("--version")
    assert result.returncode == 0
    assert __version__ in result.stdout


def test_info_json_on_first_start_creates_the_database(tmp_path: Path) -> None:
    code, out, err = _run("info", "--json")
    assert code == 0, err
    info = json.loads(out)
    assert info["data_dir"] == str(tmp_path / "data")
    assert info["schema_revision"] == info["head_revision"]
    assert info["row_counts"]["sites"] == 29  # the 5 seeded places and the 24 prisons and houses of detention
    assert info["backend"] == "sqlite"
    assert (tmp_path / "data" / "leerwinkel.sqlite3").exists()


def test_info_hides_the_database_password(tmp_path: Path, postgres_server: object) -> None:
    from tests.pgserver import PostgresServer

    assert isinstance(postgres_server, PostgresServer)
    from sqlalchemy.engine import make_url

    url = make_url(postgres_server.create_database()).set(password="Geheim123").render_as_string(hide_password=False)
    result = run_cli("info", env={"LEERWINKEL_DATABASE_URL": url})
    assert result.returncode == 0, result.stderr
    assert "Geheim123" not in result.stdout
    assert "***" in result.stdout
    assert "postgresql" in result.stdout


def test_info_text(tmp_path: Path) -> None:
    code, out, _ = _run("info")
    assert code == 0
    assert "Gegevensmap" in out and "clients" in out


def test_db_upgrade_twice() -> None:
    code, out, _ = _run("db", "upgrade")
    assert code == 0 and "bijgewerkt" in out
    code, out, _ = _run("db", "upgrade")
    assert code == 0 and "al bij" in out


def test_unknown_command_gives_usage_and_exit_2() -> None:
    code, out, err = _run("toverstaf")
    assert code == 2
    assert "usage: leerwinkel" in err and "Fout" in err
    assert out == ""


def test_bad_option_gives_exit_2() -> None:
    code, _out, err = _run("info", "--kleur")
    assert code == 2 and "Fout" in err


def test_no_display_prints_one_clear_line(tmp_path: Path) -> None:
    result = run_cli(env={"DISPLAY": "", "WAYLAND_DISPLAY": "", "QT_QPA_PLATFORM": ""})
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "xvfb-run" in lines[0] and "leerwinkel --help" in lines[0]


@pytest.mark.parametrize(
    "args",
    [
        ("--data-dir", "{dir}", "info", "--json"),
        ("--data-dir={dir}", "info", "--json"),
        ("info", "--json", "--data-dir", "{dir}"),
        ("info", "--data-dir={dir}", "--json"),
    ],
)
def test_the_data_folder_option_before_or_after_the_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]
) -> None:
    monkeypatch.delenv("LEERWINKEL_DATA_DIR")
    folder = str(tmp_path / "data")
    code, out, err = _run(*(arg.replace("{dir}", folder) for arg in args))
    assert code == 0, err
    assert json.loads(out)["data_dir"] == folder


def test_global_options_after_a_nested_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LEERWINKEL_DATA_DIR")
    code, out, err = _run("account", "list", "--json", "--data-dir", str(tmp_path / "data"))
    assert code == 0, err
    assert [account["username"] for account in json.loads(out)] == ["test-beheerder"]


def test_a_global_option_without_its_value_is_a_usage_error() -> None:
    code, _out, err = _run("info", "--data-dir")
    assert code == 2
    assert "--data-dir" in err
