"""The Instellingen page, driven by keyboard and mouse: settings for everyone, administration for admins."""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QSpinBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

import ui.settings.admin as settingsadmin
from leerwinkel.app import Leerwinkel, open_app
from leerwinkel.config import Config
from leerwinkel.credentials import Credentials
from tests.conftest import FIXED_NOW
from tests.factories import TEST_CREDENTIALS, TEST_KDF, FakeClock, client_with_everything
from tests.ui.conftest import show_active
from ui.catalogue.page import CataloguePage
from ui.mainwindow import MainWindow
from ui.reports.page import ReportsPage
from ui.session.inactivity import InactivityLock
from ui.settings.admin import AccountsTab
from ui.settings.page import SettingsPage

PASSWORD = "balie-wachtwoord-7"


@pytest.fixture
def admin(facade: Leerwinkel) -> Leerwinkel:
    facade.auth.params = TEST_KDF
    return facade


def as_counsellor(facade: Leerwinkel) -> Leerwinkel:
    facade.auth.params = TEST_KDF
    facade.auth.create_account(facade.auth.current, "balie", PASSWORD, display_name="Balie Test")
    facade.auth.logout()
    facade.auth.login(Credentials("balie", PASSWORD))
    return facade


def make_page(qtbot: QtBot, facade: Leerwinkel) -> SettingsPage:
    page = SettingsPage(facade)
    qtbot.addWidget(page)
    show_active(qtbot, page)
    return page


def retype(qtbot: QtBot, widget: QLineEdit, text: str) -> None:
    widget.selectAll()
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    qtbot.keyClicks(widget, text)


def test_the_main_window_shows_the_settings_page(qtbot: QtBot, admin: Leerwinkel) -> None:
    window = MainWindow(admin)
    qtbot.addWidget(window)
    window.show_page("settings")
    assert isinstance(window.pages.currentWidget(), SettingsPage)


def test_admin_changes_settings_by_keyboard_and_letters_and_reports_follow(qtbot: QtBot, admin: Leerwinkel) -> None:
    page = make_page(qtbot, admin)
    general = page.general
    qtbot.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # "&Naam van de Leerwinkel"
    name = general.fields["organisation.name"]
    assert isinstance(name, QLineEdit) and name.hasFocus()
    retype(qtbot, name, "Leerwinkel Testregio")
    email = general.fields["organisation.email"]
    assert isinstance(email, QLineEdit)
    qtbot.keyClicks(email, "info@leerwinkel.example")
    weeks = general.fields["followup.default_weeks"]
    assert isinstance(weeks, QSpinBox) and weeks.maximum() == 52
    weeks.selectAll()
    qtbot.keyClicks(weeks, "6")
    qtbot.keyClick(page, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # "Op&slaan" (an animated click)
    qtbot.waitUntil(lambda: "3 gewijzigd" in general.status.text())
    settings = admin.settings.current()
    assert settings.text("organisation.name") == "Leerwinkel Testregio"
    assert settings.number("followup.default_weeks") == 6
    assert admin.reports.letterhead().email == "info@leerwinkel.example"
    events = admin.audit.events(admin.auth.current)
    assert sorted(e.object_id for e in events if e.action == "settings.update") == [
        "followup.default_weeks",
        "organisation.email",
        "organisation.name",
    ]


def test_invalid_settings_are_shown_and_nothing_is_saved(qtbot: QtBot, admin: Leerwinkel) -> None:
    page = make_page(qtbot, admin)
    fields = page.general.fields
    for key, text in (
        ("organisation.postcode", "28OO"),
        ("organisation.email", "geen adres"),
        ("organisation.name", ""),
    ):
        widget = fields[key]
        assert isinstance(widget, QLineEdit)
        retype(qtbot, widget, text)
    qtbot.mouseClick(page.general.save_button, Qt.MouseButton.LeftButton)
    status = page.general.status.text()
    assert "Belgische postcode" in status and "geen geldig e-mailadres" in status and "verplicht" in status
    assert all(entry.is_default for entry in admin.settings.entries())


def test_logo_is_chosen_with_a_file_dialog(
    qtbot: QtBot, admin: Leerwinkel, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(b"\x89PNG\r\n\x1a\n")
    page = make_page(qtbot, admin)
    monkeypatch.setattr(page.general, "choose_logo", lambda: str(logo))
    qtbot.keyClick(page, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)  # "&Bladeren…"
    logo_field = page.general.fields["organisation.logo"]
    assert isinstance(logo_field, QLineEdit)
    qtbot.waitUntil(lambda: logo_field.text() == str(logo))
    qtbot.mouseClick(page.general.save_button, Qt.MouseButton.LeftButton)
    assert admin.settings.current().text("organisation.logo") == str(logo)


def test_counsellors_see_settings_read_only_and_no_administration(qtbot: QtBot, facade: Leerwinkel) -> None:
    counsellor = as_counsellor(facade)
    page = make_page(qtbot, counsellor)
    assert page.tabs.count() == 1 and page.accounts is None and page.audit is None
    assert not page.general.save_button.isVisible()
    name = page.general.fields["organisation.name"]
    assert isinstance(name, QLineEdit) and name.isReadOnly()
    qtbot.keyClicks(name, "Gewijzigd")
    assert name.text() == "Leerwinkel Regio Mechelen"
    page.general.save()  # even when called, nothing is written
    assert all(entry.is_default for entry in counsellor.settings.entries())

    catalogue = CataloguePage(counsellor)
    qtbot.addWidget(catalogue)
    catalogue.show()
    hidden = (catalogue.import_button, catalogue.new_button, catalogue.edit_button, catalogue.deactivate_button)
    assert not any(button.isVisible() for button in hidden)
    assert catalogue.export_button.isVisible()


def test_admin_adds_resets_and_disables_an_account(
    qtbot: QtBot, admin: Leerwinkel, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = make_page(qtbot, admin)
    page.tabs.setCurrentWidget(page.accounts)
    accounts = page.accounts
    assert accounts is not None
    qtbot.keyClicks(accounts.username, "balie")
    qtbot.keyClicks(accounts.display_name, "Balie Test")
    accounts.role.setCurrentIndex(accounts.role.findData("counsellor"))
    qtbot.keyClicks(accounts.password, PASSWORD)
    qtbot.mouseClick(accounts.add_button, Qt.MouseButton.LeftButton)
    assert "aangemaakt" in accounts.status.text(), accounts.status.text()
    names = [accounts.table.item(r, 0).text() for r in range(accounts.table.rowCount())]
    assert "balie" in names
    accounts.table.selectRow(names.index("balie"))

    monkeypatch.setattr(AccountsTab, "ask_password", classmethod(lambda cls, parent, user: "nieuw-wachtwoord-8"))
    qtbot.mouseClick(accounts.password_button, Qt.MouseButton.LeftButton)
    assert "ingesteld" in accounts.status.text()

    monkeypatch.setattr(settingsadmin, "confirm", lambda parent, title, text: True)
    qtbot.mouseClick(accounts.disable_button, Qt.MouseButton.LeftButton)
    assert "uitgeschakeld" in accounts.status.text()
    balie = next(a for a in admin.auth.accounts(admin.auth.current) if a.username == "balie")
    assert not balie.active


def test_the_last_administrator_cannot_be_disabled(
    qtbot: QtBot, admin: Leerwinkel, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = make_page(qtbot, admin)
    accounts = page.accounts
    assert accounts is not None
    accounts.table.selectRow(0)
    monkeypatch.setattr(settingsadmin, "confirm", lambda parent, title, text: True)
    qtbot.mouseClick(accounts.disable_button, Qt.MouseButton.LeftButton)
    assert "laatste beheerder" in accounts.status.text()


def test_backups_are_made_verified_and_restored_after_confirmation(
    expected_warnings: list[logging.LogRecord], qtbot: QtBot, admin: Leerwinkel, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = make_page(qtbot, admin)
    backups = page.backups
    assert backups is not None
    page.tabs.setCurrentWidget(backups)
    # The copy reads the whole database (seconds when it is large): off the UI thread, behind a progress dialog.
    release = threading.Event()
    create = admin.backups.create
    monkeypatch.setattr(admin.backups, "create", lambda actor, **kw: release.wait(10) and create(actor, **kw))
    qtbot.keyClick(page, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)  # "Nu mak&en"
    qtbot.waitUntil(
        lambda: any(isinstance(w, QProgressDialog) and w.isVisible() for w in QApplication.topLevelWidgets())
    )
    assert not backups.create_button.isEnabled() and not backups.restore_button.isEnabled()
    release.set()
    qtbot.waitUntil(lambda: "gemaakt" in backups.status.text())
    assert backups.create_button.isEnabled()
    monkeypatch.setattr(admin.backups, "create", create)
    assert backups.table.rowCount() == 1
    qtbot.mouseClick(backups.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "in orde" in backups.status.text())
    assert backups.table.item(0, 3).text() == "in orde"

    admin.settings.update(admin.auth.current, {"organisation.city": "Bonheiden"})  # after the backup
    backups.table.selectRow(0)
    asked: list[str] = []
    monkeypatch.setattr(settingsadmin, "confirm", lambda parent, title, text: asked.append(text) or False)
    qtbot.mouseClick(backups.restore_button, Qt.MouseButton.LeftButton)
    assert asked and admin.settings.current().text("organisation.city") == "Bonheiden"  # refused: unchanged
    monkeypatch.setattr(settingsadmin, "confirm", lambda parent, title, text: True)
    qtbot.mouseClick(backups.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Teruggezet" in backups.status.text())
    assert admin.settings.current().text("organisation.city") == "Mechelen"
    assert any(e.action == "backup.restore" for e in admin.audit.events(admin.auth.current))
    assert expected_warnings and all("moved aside" in record.getMessage() for record in expected_warnings)


@pytest.fixture
def aged(tmp_path: Path) -> Iterator[tuple[Leerwinkel, FakeClock]]:
    clock = FakeClock(FIXED_NOW - dt.timedelta(days=6 * 365))
    app = open_app(Config(data_dir=tmp_path / "data"), clock=clock, credentials=TEST_CREDENTIALS)
    try:
        yield app, clock
    finally:
        app.close()


def test_retention_lists_and_purges_after_confirmation(
    qtbot: QtBot, aged: tuple[Leerwinkel, FakeClock], monkeypatch: pytest.MonkeyPatch
) -> None:
    app, clock = aged
    client_with_everything(app.store, "Oudgediende")
    clock.now = FIXED_NOW - dt.timedelta(days=30)
    client_with_everything(app.store, "Recentia")
    clock.now = FIXED_NOW
    page = make_page(qtbot, app)
    retention = page.retention
    assert retention is not None
    page.tabs.setCurrentWidget(retention)
    assert retention.years.value() == 5 and not retention.purge_button.isEnabled()
    app.settings.update(app.auth.current, {"retention.years": 7})
    page.tabs.setCurrentIndex(0)
    page.tabs.setCurrentWidget(retention)
    assert (retention.years.minimum(), retention.years.value()) == (7, 7)
    qtbot.keyClick(page, Qt.Key.Key_Z, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: "0 cliënten" in retention.status.text())
    app.settings.update(app.auth.current, {"retention.years": 5})
    page.tabs.setCurrentIndex(0)
    page.tabs.setCurrentWidget(retention)
    qtbot.keyClick(page, Qt.Key.Key_Z, Qt.KeyboardModifier.AltModifier)  # "&Zoeken"
    qtbot.waitUntil(lambda: retention.table.rowCount() == 1)
    assert retention.table.rowCount() == 1 and retention.table.item(0, 0).text() == "Oudgediende"
    monkeypatch.setattr(settingsadmin, "confirm", lambda parent, title, text: False)
    qtbot.mouseClick(retention.purge_button, Qt.MouseButton.LeftButton)
    assert len(app.privacy.retention_candidates(app.auth.current)) == 1
    monkeypatch.setattr(settingsadmin, "confirm", lambda parent, title, text: True)
    qtbot.mouseClick(retention.purge_button, Qt.MouseButton.LeftButton)
    assert "1 cliënten gewist" in retention.status.text()
    assert retention.table.rowCount() == 0 and app.privacy.retention_candidates(app.auth.current) == []


def test_the_audit_tab_shows_the_trail(qtbot: QtBot, admin: Leerwinkel) -> None:
    page = make_page(qtbot, admin)
    admin.settings.update(admin.auth.current, {"security.lock_minutes": 12})
    qtbot.keyClick(page, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)  # "Au&ditlogboek"
    assert page.tabs.currentWidget() is page.audit and page.audit is not None
    actions = {page.audit.table.item(r, 2).text() for r in range(page.audit.table.rowCount())}
    assert "settings.update" in actions


def test_every_input_has_an_accessible_name_and_a_buddy(qtbot: QtBot, admin: Leerwinkel) -> None:
    page = make_page(qtbot, admin)
    buddies = {label.buddy() for label in page.findChildren(QLabel) if label.buddy() is not None}
    inputs: list[QWidget] = [*page.findChildren(QSpinBox), *page.findChildren(QComboBox)]
    inputs += [w for w in page.findChildren(QLineEdit) if not isinstance(w.parent(), QAbstractSpinBox)]
    assert len(inputs) >= 15
    for widget in inputs:
        assert widget.accessibleName(), widget
        assert widget in buddies, widget.accessibleName()


def test_a_new_lock_time_applies_to_the_running_lock(qtbot: QtBot, admin: Leerwinkel) -> None:
    window = MainWindow(admin)
    qtbot.addWidget(window)
    lock = InactivityLock(window, admin)
    window.setProperty("leerwinkel_lock", lock)
    try:
        assert lock.timer.interval() == 10 * 60_000
        page = window.page("settings")
        assert isinstance(page, SettingsPage)
        minutes = page.general.fields["security.lock_minutes"]
        assert isinstance(minutes, QSpinBox)
        minutes.setValue(3)
        page.general.save()
        assert lock.timer.interval() == 3 * 60_000 and lock.timer.isActive()
    finally:
        lock.stop()


def test_a_report_export_from_the_page_is_an_audit_event(
    qtbot: QtBot, admin: Leerwinkel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = ReportsPage(admin)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.refreshed, timeout=10000):
        show_active(qtbot, page)
    target = tmp_path / "rapport.csv"
    monkeypatch.setattr(ReportsPage, "ask_save_path", classmethod(lambda cls, parent, k, s: target))
    with qtbot.waitSignal(page.exported, timeout=20000):
        qtbot.mouseClick(page.csv_button, Qt.MouseButton.LeftButton)
    events = [e for e in admin.audit.events(admin.auth.current) if e.action == "report.export"]
    assert len(events) == 1 and events[0].object_id == "csv"
    assert admin.auth.current is not None and events[0].actor_id == str(admin.auth.current.id)
