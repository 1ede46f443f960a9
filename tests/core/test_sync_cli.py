"""``leerwinkel sync``: export and import by passphrase and by enrolment, and a refusal, from the command line."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from leerwinkel.app import open_app
from leerwinkel.cli import main
from leerwinkel.config import Config
from leerwinkel.intake.types import IntakeInput, PersonInput
from leerwinkel.sync import pack
from tests.factories import TEST_CREDENTIALS, provision_test_keyring


@pytest.fixture(autouse=True)
def _cheap_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pack, "SCRYPT_LOG_N", 10)


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def folders(tmp_path: Path) -> tuple[str, str, str]:
    office, laptop = tmp_path / "office", tmp_path / "laptop"
    provision_test_keyring(office)
    provision_test_keyring(laptop)
    app = open_app(Config(data_dir=office), credentials=TEST_CREDENTIALS)
    try:
        form = IntakeInput(
            person=PersonInput(first_name="Ada", detained=True, prison_site_code="gevangenis-mechelen"),
            next_appointment="18/03/2026 10:00",
        )
        app.clients.record_intake(form, actor=app.auth.current)
    finally:
        app.close()
    secret = tmp_path / "wachtzin.txt"
    secret.write_text("een lange gedeelde wachtzin\n", encoding="utf-8")
    return str(office), str(laptop), str(secret)


def test_a_session_by_passphrase_from_the_command_line(folders: tuple[str, str, str], tmp_path: Path) -> None:
    office, laptop, secret = folders
    target = str(tmp_path / "sessie.lwsync")
    assert run("--data-dir", laptop, "sync", "device", "--name", "Laptop LIO", "--role", "laptop")[0] == 0
    code, out, err = run(
        "--data-dir", office, "sync", "export", "--to", "Laptop LIO", "--out", target,
        "--passphrase-file", secret, "--prison", "gevangenis-mechelen", "--date", "18/03/2026",
    )  # fmt: skip
    assert code == 0, err
    assert "Sessiepakket 1" in out and "1 cliënt" in out

    code, out, err = run("--data-dir", laptop, "sync", "import", target, "--passphrase-file", secret, "--json")
    assert code == 0, err
    summary = json.loads(out)
    assert summary["new"] >= 2 and "clients" in summary["changes"]

    code, out, _ = run("--data-dir", laptop, "sync", "peers", "--json")
    assert json.loads(out)[0]["last_received"] == 1

    # the same file again: nothing new
    code, out, _ = run("--data-dir", laptop, "sync", "import", target, "--passphrase-file", secret, "--json")
    assert json.loads(out)["new"] == 0

    wrong = tmp_path / "fout.txt"
    wrong.write_text("niet de wachtzin\n", encoding="utf-8")
    code, out, err = run("--data-dir", laptop, "sync", "import", target, "--passphrase-file", str(wrong))
    assert code == 1 and "wachtzin klopt niet" in err and "Traceback" not in err


def test_enrolment_from_the_command_line(folders: tuple[str, str, str], tmp_path: Path) -> None:
    office, laptop, _secret = folders
    run("--data-dir", laptop, "sync", "device", "--name", "Laptop LIO", "--role", "laptop")
    run("--data-dir", office, "sync", "device", "--name", "Kantoor")
    code, out, err = run("--data-dir", laptop, "sync", "enrolment", "--out", str(tmp_path / "laptop.json"))
    assert code == 0, err
    fingerprint = out.strip().rsplit(" ", 1)[-1]
    code, out, err = run("--data-dir", office, "sync", "enrol", str(tmp_path / "laptop.json"))
    assert code == 0 and fingerprint in out, err
    run("--data-dir", office, "sync", "enrolment", "--out", str(tmp_path / "kantoor.json"))
    run("--data-dir", laptop, "sync", "enrol", str(tmp_path / "kantoor.json"))

    target = str(tmp_path / "s.lwsync")
    code, out, err = run("--data-dir", office, "sync", "export", "--to", "Laptop LIO", "--out", target)
    assert code == 1 and "sessie" in err  # a laptop only gets one session's clients
    code, out, err = run(
        "--data-dir", office, "sync", "export", "--to", "Laptop LIO", "--out", target,
        "--prison", "gevangenis-mechelen", "--date", "18/03/2026",
    )  # fmt: skip
    assert code == 0, err
    code, out, err = run("--data-dir", laptop, "sync", "import", target)
    assert code == 0 and "nieuw" in out, err
    code, out, err = run("--data-dir", laptop, "sync", "export", "--to", "Kantoor", "--out", str(tmp_path / "r.lwsync"))
    assert code == 0, err
    code, out, err = run("--data-dir", office, "sync", "import", str(tmp_path / "r.lwsync"))
    assert code == 0 and "conflicten 0" in out, err
    code, out, _ = run("--data-dir", office, "sync", "conflicts")
    assert "Geen conflicten" in out
