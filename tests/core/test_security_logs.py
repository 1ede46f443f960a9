"""The log holds no personal data: every refusal path runs with a canary person, then the logs are grepped."""

from __future__ import annotations

import io
import logging
import os
import uuid
from pathlib import Path

import pytest

from leerwinkel.app import open_app
from leerwinkel.cli import main
from leerwinkel.errors import LeerwinkelError
from leerwinkel.intake.types import IntakeInput, PersonInput
from leerwinkel.logs import configure_logging

NAME = "Kanarie Zwaluwstaart"
PHONE = "0477 13 57 9x"
BIRTH = "31/02/1971"
EMAIL = "kanarie.zwaluw@nergens"
CANARIES = ("Kanarie", "Zwaluw", "kanarie", "zwaluw", "0477 13 57", "31/02/1971", "1971")


def run(*args: str) -> int:
    return main(list(args), out=io.StringIO(), err=io.StringIO())


def _log_text(data: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted((data / "logs").glob("leerwinkel.log*")))


def _assert_clean(text: str) -> None:
    found = [c for c in CANARIES if c in text]
    assert not found, f"client data in the log: {found}"


def test_cli_refusals_leave_no_personal_data_in_the_log(tmp_path: Path) -> None:
    data = Path(os.environ["LEERWINKEL_DATA_DIR"])
    rows = tmp_path / "oud.csv"
    rows.write_text(
        "Voornaam;Familienaam;Geboortedatum;Telefoon;E-mail;Postcode\n"
        f"Kanarie;Zwaluwstaart;{BIRTH};{PHONE};{EMAIL};2800x\n",
        encoding="utf-8",
    )
    mapping = tmp_path / "koppeling.json"
    mapping.write_text('{"Voornaam": "Kanarie Zwaluwstaart"}', encoding="utf-8")
    bad_pw = tmp_path / "fout"
    bad_pw.write_text("Kanarie-Zwaluwstaart-1971\n", encoding="utf-8")
    catalogue = tmp_path / "providers.csv"
    catalogue.write_text(f"id;name;phone\nkanarie zwaluw;{NAME};{PHONE}\n", encoding="utf-8")
    refusals = [
        ("clients", "import", str(rows)),
        ("clients", "import", str(rows), "--mapping", str(mapping)),
        ("clients", "import", str(tmp_path / f"{NAME}.csv")),
        ("gdpr", "export", NAME, "--to", str(tmp_path / "uit")),
        ("gdpr", "erase", f"{NAME} {PHONE}", "--yes"),
        ("letter", "referral", NAME, "--out", str(tmp_path / "brief.pdf"), "--background", NAME),
        ("letter", "handout", PHONE, "--out", str(tmp_path / "blad.pdf")),
        ("report", "--from", BIRTH, "--to", PHONE, "--out", str(tmp_path / "r.csv")),
        ("settings", "set", f"followup.default_weeks={NAME}", f"organisation.email={EMAIL}", f"{NAME}"),
        ("account", "add", NAME, "--new-password-file", str(bad_pw)),
        ("account", "password", NAME, "--new-password-file", str(bad_pw)),
        ("account", "disable", NAME),
        ("catalogue", "validate", str(catalogue)),
        ("catalogue", "import", str(catalogue)),
        ("--user", NAME, "--password-file", str(bad_pw), "clients", "list"),
        ("--user", "test-beheerder", "--password-file", str(bad_pw), "info"),
    ]
    codes = [run(*args) for args in refusals]
    assert all(code != 0 for code in codes), list(zip(refusals, codes, strict=True))
    text = _log_text(data)
    assert "refused" in text  # the refusals were logged, by code
    assert "bad-phone(field=phone, row=2)" in text or "bad-date" in text
    _assert_clean(text)


def test_an_unexpected_error_is_logged_without_its_message(
    expected_warnings: list[logging.LogRecord], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = Path(os.environ["LEERWINKEL_DATA_DIR"])
    import leerwinkel.intake.service as service

    def broken(self: object, *args: object, **kwargs: object) -> int:
        return int(NAME)  # its message repeats NAME

    monkeypatch.setattr(service.ClientService, "export_all", broken)
    assert run("clients", "list") == 1
    text = _log_text(data)
    assert "Traceback" in text and "ValueError" in text
    _assert_clean(text)
    assert expected_warnings and all(record.getMessage() == "command clients failed" for record in expected_warnings)


def test_service_refusals_logged_at_an_edge_hold_no_personal_data(expected_warnings: list[logging.LogRecord]) -> None:
    data = Path(os.environ["LEERWINKEL_DATA_DIR"])
    configure_logging(data / "logs")
    edge = logging.getLogger("leerwinkel.edge")
    person = PersonInput(first_name="Kanarie", last_name="Zwaluwstaart", birth_date=BIRTH, phone=PHONE, email=EMAIL)
    app = open_app()
    try:
        actor = app.auth.current
        calls = [
            lambda: app.clients.record_intake(IntakeInput(person=person), actor=actor),
            lambda: app.clients.import_intakes([(7, IntakeInput(person=person))], file=f"{NAME}.csv", actor=actor),
            lambda: app.privacy.export_client(actor, uuid.uuid4(), data / NAME),
            lambda: app.auth.create_account(actor, NAME, PHONE),
            lambda: app.settings.update(actor, {"organisation.phone": "\x00" + PHONE, "followup.default_weeks": NAME}),
        ]
        refused = 0
        for call in calls:
            try:
                call()
            except LeerwinkelError as error:
                refused += 1
                edge.info("refused", exc_info=error)  # what an edge that logs the traceback writes
                edge.warning("refused: %r", error)
        assert refused == len(calls)
    finally:
        app.close()
    text = _log_text(data)
    assert text.count("refused") >= 2 * len(calls)
    _assert_clean(text)
    assert expected_warnings and all(record.name == "leerwinkel.edge" for record in expected_warnings)
