"""The settings service: typed values with validation, admin-only changes, audited, read by letters and reports."""

from __future__ import annotations

import datetime as dt
import json
import logging
import uuid
from pathlib import Path

import pytest

from leerwinkel.actor import Actor
from leerwinkel.app import Leerwinkel, open_app
from leerwinkel.config import SETTINGS, Config
from leerwinkel.errors import InvalidInputError, PermissionDeniedError
from leerwinkel.ids import CounsellorId
from leerwinkel.letters.data import load_letterhead
from leerwinkel.messages import describe
from leerwinkel.storage.models import Setting
from tests.conftest import FIXED_NOW
from tests.factories import TEST_CREDENTIALS, TEST_KDF, FakeClock

COUNSELLOR = Actor(CounsellorId(uuid.uuid4()), "balie", "Balie", "counsellor")


def test_defaults_and_internal_rows_are_not_settings(app: Leerwinkel) -> None:
    entries = app.settings.entries()
    assert [e.key for e in entries] == [s.key for s in SETTINGS]
    assert all(e.is_default for e in entries)
    with app.store.unit_of_work() as session:  # the audit head and the catalogue version exist ...
        keys = set(session.scalars(Setting.__table__.select().with_only_columns(Setting.key)))
    assert "audit.head" in keys
    assert "audit.head" not in {e.key for e in entries}  # ... but are no settings


def test_update_is_stored_as_json_and_read_by_letters_reports_lock_and_retention(app: Leerwinkel) -> None:
    admin = app.auth.current
    change = app.settings.update(
        admin,
        {
            "organisation.name": "  Leerwinkel   Testregio ",
            "organisation.email": "info@leerwinkel.example",
            "organisation.phone": "015 12 34 56",
            "organisation.postcode": "2830",
            "security.lock_minutes": "15",
            "retention.years": 7,
            "followup.default_weeks": 4,  # unchanged: not written, not audited
        },
    )
    assert set(change.changed) == {
        "organisation.name",
        "organisation.email",
        "organisation.phone",
        "organisation.postcode",
        "security.lock_minutes",
        "retention.years",
    }
    assert change.settings.text("organisation.name") == "Leerwinkel Testregio"
    assert app.settings.current().number("security.lock_minutes") == 15
    with app.store.unit_of_work() as session:
        row = session.query(Setting).filter_by(key="retention.years").one()
        assert row.value == "7"
        letterhead = load_letterhead(session)
    assert letterhead.organisation == "Leerwinkel Testregio"
    assert letterhead.email == "info@leerwinkel.example"
    assert letterhead.postcode == "2830"
    report_head = app.reports.letterhead()
    assert (report_head.name, report_head.phone) == ("Leerwinkel Testregio", "015 12 34 56")
    assert app.auth.lock_minutes() == 15
    assert app.privacy.retention_years() == 7


def test_each_changed_key_is_an_audit_event_without_the_value(app: Leerwinkel) -> None:
    admin = app.auth.current
    app.settings.update(admin, {"organisation.city": "Bonheiden", "retention.years": 6})
    again = app.settings.update(admin, {"organisation.city": "Bonheiden"})
    assert again.changed == ()
    events = [e for e in app.audit.events(admin) if e.action == "settings.update"]
    assert sorted(e.object_id for e in events) == ["organisation.city", "retention.years"]
    assert all("Bonheiden" not in e.detail and e.actor_id == str(admin.id) for e in events if admin)
    assert app.audit.verify().ok


def test_validation_lists_every_problem_and_changes_nothing(app: Leerwinkel) -> None:
    admin = app.auth.current
    with pytest.raises(InvalidInputError) as caught:
        app.settings.update(
            admin,
            {
                "organisation.name": "",
                "organisation.postcode": "28000",
                "organisation.email": "geen-adres",
                "organisation.phone": "bel me",
                "organisation.logo": "/bestaat/niet.png",
                "followup.default_weeks": 0,
                "security.lock_minutes": "tien",
                "retention.years": 31,
                "audit.head": "{}",
            },
        )
    reasons = {(p.field, p.reason) for p in caught.value.problems}
    assert reasons == {
        ("organisation.name", "required"),
        ("organisation.postcode", "bad-postcode"),
        ("organisation.email", "bad-email"),
        ("organisation.phone", "bad-phone"),
        ("organisation.logo", "bad-logo"),
        ("followup.default_weeks", "out-of-range"),
        ("security.lock_minutes", "bad-number"),
        ("retention.years", "out-of-range"),
        ("setting", "unknown-code"),
    }
    text = describe(caught.value)
    assert "Belgische postcode" in text and "tussen 1 en 52" in text
    assert all(e.is_default for e in app.settings.entries())


def test_logo_must_be_an_existing_image(app: Leerwinkel, tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(b"\x89PNG\r\n\x1a\n")
    change = app.settings.update(app.auth.current, {"organisation.logo": str(logo)})
    assert change.changed == ("organisation.logo",)


def test_only_administrators_change_settings(app: Leerwinkel) -> None:
    with pytest.raises(PermissionDeniedError):
        app.settings.update(COUNSELLOR, {"organisation.city": "Lier"})
    with pytest.raises(PermissionDeniedError):
        app.settings.update(None, {"organisation.city": "Lier"})
    assert app.settings.current().text("organisation.city") == "Mechelen"  # reading is for everyone


def test_unreadable_stored_value_falls_back_to_the_default(
    expected_warnings: list[logging.LogRecord], app: Leerwinkel
) -> None:
    with app.store.unit_of_work() as session:
        session.add(Setting(key="security.lock_minutes", value="niet-json"))
    assert app.settings.current().number("security.lock_minutes") == 10
    change = app.settings.update(app.auth.current, {"security.lock_minutes": 20})
    assert change.changed == ("security.lock_minutes",)
    assert app.auth.lock_minutes() == 20
    assert expected_warnings and all("holds no valid JSON" in record.getMessage() for record in expected_warnings)


def test_cli_shows_and_sets_settings_as_administrator_only(sqlite_config: Config, tmp_path: Path) -> None:
    import io

    from leerwinkel import cli

    app = open_app(sqlite_config, clock=FakeClock(FIXED_NOW), credentials=TEST_CREDENTIALS)
    app.auth.params = TEST_KDF
    app.auth.create_account(app.auth.current, "balie", "balie-wachtwoord-7")
    app.close()
    data = ["--data-dir", str(sqlite_config.data_dir)]
    out, err = io.StringIO(), io.StringIO()
    assert cli.main([*data, "settings", "set", "organisation.city=Lier", "retention.years=8"], out=out, err=err) == 0
    assert "organisation.city" in out.getvalue()
    out = io.StringIO()
    assert cli.main([*data, "settings", "show", "--json"], out=out) == 0
    shown = json.loads(out.getvalue())
    assert shown["organisation.city"] == "Lier" and shown["retention.years"] == 8

    out, err = io.StringIO(), io.StringIO()
    assert cli.main([*data, "settings", "set", "organisation.postcode=12"], out=out, err=err) == 2
    assert "Belgische postcode" in err.getvalue()
    out, err = io.StringIO(), io.StringIO()
    assert cli.main([*data, "settings", "set", "zonder-gelijkteken"], out=out, err=err) == 2

    password = tmp_path / "balie.txt"
    password.write_text("balie-wachtwoord-7\n", encoding="utf-8")
    balie = [*data, "--user", "balie", "--password-file", str(password)]
    out, err = io.StringIO(), io.StringIO()
    assert cli.main([*balie, "settings", "set", "organisation.city=Duffel"], out=out, err=err) == 1
    assert "Alleen een beheerder" in err.getvalue()
    out = io.StringIO()
    assert cli.main([*balie, "settings", "show"], out=out) == 0
    assert "Lier" in out.getvalue()


def test_new_referrals_follow_the_follow_up_setting(app: Leerwinkel) -> None:
    from tests.core.test_intake import full_intake

    saved = app.clients.record_intake(full_intake(), actor=app.auth.current)
    today = app.clients.today()
    first = app.referrals.create(saved.client.id, category="nt2", actor=app.auth.current).referral
    assert first.follow_up_on == today + dt.timedelta(weeks=4)
    app.settings.update(app.auth.current, {"followup.default_weeks": 6})
    second = app.referrals.create(saved.client.id, category="nt2", actor=app.auth.current).referral
    assert second.follow_up_on == today + dt.timedelta(weeks=6)
