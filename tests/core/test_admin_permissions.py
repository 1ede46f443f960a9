"""Administration: only administrators import or edit the catalogue; catalogue changes and exports are audited."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from leerwinkel import cli
from leerwinkel.actor import Actor
from leerwinkel.app import Leerwinkel, open_app
from leerwinkel.config import Config
from leerwinkel.credentials import Credentials
from leerwinkel.errors import PermissionDeniedError
from leerwinkel.reports.figures import Period
from tests.conftest import FIXED_NOW
from tests.factories import TEST_CREDENTIALS, TEST_KDF, FakeClock

COUNSELLOR_PASSWORD = "balie-wachtwoord-7"


def _counsellor(app: Leerwinkel) -> Actor:
    app.auth.create_account(app.auth.current, "balie", COUNSELLOR_PASSWORD, display_name="Balie Test")
    app.auth.logout()
    return app.auth.login(Credentials("balie", COUNSELLOR_PASSWORD))


def _actions(app: Leerwinkel, admin: Actor | None = None) -> list[tuple[str, str, str]]:
    with app.store.unit_of_work() as session:
        from leerwinkel.storage.models import AuditEvent

        rows = session.query(AuditEvent).order_by(AuditEvent.sequence).all()
        return [(r.action, r.object_type, r.detail) for r in rows]


def test_only_administrators_import_the_catalogue_and_it_is_audited(app: Leerwinkel, tmp_path: Path) -> None:
    admin = app.auth.current
    assert admin is not None
    export = tmp_path / "catalogus.json"
    app.catalogue.export_file(export, "json")
    report = app.catalogue.import_file(export, actor=admin)
    assert report.added == 0
    events = [e for e in _actions(app) if e[0] == "catalogue.import"]
    assert len(events) == 1 and events[0][1] == "catalogue"
    assert json.loads(events[0][2]) == {"added": 0, "changed": 0, "unchanged": report.unchanged}

    counsellor = _counsellor(app)
    with pytest.raises(PermissionDeniedError) as caught:
        app.catalogue.import_file(export, actor=counsellor)
    assert caught.value.action == "catalogue.import"
    with pytest.raises(PermissionDeniedError):
        app.catalogue.import_file(export, actor=None)
    assert len([e for e in _actions(app) if e[0] == "catalogue.import"]) == 1


def test_catalogue_edits_are_admin_only_and_audited(app: Leerwinkel) -> None:
    admin = app.auth.current
    editor = app.catalogue.editor
    provider_id = editor.save_provider({"name": "Naaiatelier Test"}, actor=admin)
    provider = next(p for p in editor.providers() if p.id == provider_id)
    offering_id = editor.save_offering(
        {"provider": provider.external_id, "title": "Naaien", "category": "beroepsopleiding"}, actor=admin
    )
    editor.set_offering_active(offering_id, False, actor=admin)
    editor.set_provider_active(provider_id, False, actor=admin)
    edits = [
        (kind, json.loads(detail)["change"]) for action, kind, detail in _actions(app) if action == "catalogue.edit"
    ]
    assert edits == [
        ("provider", "create"),
        ("offering", "create"),
        ("offering", "deactivate"),
        ("provider", "deactivate"),
    ]
    assert all("Naai" not in detail for _a, _k, detail in _actions(app))

    counsellor = _counsellor(app)
    with pytest.raises(PermissionDeniedError):
        editor.save_provider({"name": "Nog een aanbieder"}, actor=counsellor)
    with pytest.raises(PermissionDeniedError):
        editor.save_offering({"title": "x"}, actor=counsellor, offering_id=offering_id)
    with pytest.raises(PermissionDeniedError):
        editor.set_offering_active(offering_id, True, actor=counsellor)
    assert app.catalogue.get_offering(offering_id).active is False
    assert app.audit.verify().ok


def test_report_export_is_an_audit_event_without_client_data(app: Leerwinkel, tmp_path: Path) -> None:
    counsellor = _counsellor(app)  # counsellors export reports too
    target = tmp_path / "kwartaal.csv"
    app.reports.export(Period.quarter(2026, 1), target, today=FIXED_NOW.date(), actor=counsellor)
    exports = [(kind, json.loads(detail)) for action, kind, detail in _actions(app) if action == "report.export"]
    assert exports == [("report", {"anonymous": True, "from": "2026-01-01", "site": "", "to": "2026-03-31"})]
    with app.store.unit_of_work() as session:
        from leerwinkel.storage.models import AuditEvent

        event = session.query(AuditEvent).filter_by(action="report.export").one()
        assert event.actor_id == counsellor.id and event.object_id == "csv"
        assert "kwartaal" not in event.detail


def _password_file(tmp_path: Path) -> str:
    path = tmp_path / "balie.txt"
    path.write_text(COUNSELLOR_PASSWORD + "\n", encoding="utf-8")
    return str(path)


def test_cli_import_needs_an_administrator_and_report_export_is_audited(sqlite_config: Config, tmp_path: Path) -> None:
    app = open_app(sqlite_config, clock=FakeClock(FIXED_NOW), credentials=TEST_CREDENTIALS)
    app.auth.params = TEST_KDF
    export = tmp_path / "catalogus.json"
    app.catalogue.export_file(export, "json")
    app.auth.create_account(app.auth.current, "balie", COUNSELLOR_PASSWORD)
    app.close()
    data = str(sqlite_config.data_dir)
    as_counsellor = ["--data-dir", data, "--user", "balie", "--password-file", _password_file(tmp_path)]

    out, err = io.StringIO(), io.StringIO()
    assert cli.main([*as_counsellor, "catalogue", "import", str(export)], out=out, err=err) == 1
    assert "Alleen een beheerder" in err.getvalue() and "catalogue.import" in err.getvalue()

    out, err = io.StringIO(), io.StringIO()
    assert cli.main(["--data-dir", data, "catalogue", "import", str(export)], out=out, err=err) == 0  # the admin
    assert "Ingelezen" in out.getvalue()

    report = tmp_path / "rapport.pdf"
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(
        [*as_counsellor, "report", "--from", "2026-01-01", "--to", "2026-03-31", "--out", str(report)], out=out, err=err
    )
    assert code == 0, err.getvalue()

    app = open_app(sqlite_config, clock=FakeClock(FIXED_NOW), credentials=TEST_CREDENTIALS)
    try:
        actions = [a for a, _k, _d in _actions(app)]
        assert actions.count("catalogue.import") == 1
        assert actions.count("report.export") == 1
    finally:
        app.close()
