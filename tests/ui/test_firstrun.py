"""A new laptop's first ten minutes: the first-run assistant, driven with the keyboard, then the database."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QWizard
from pytestqt.qtbot import QtBot

from leerwinkel.app import open_app
from leerwinkel.config import Config
from leerwinkel.credentials import Credentials
from leerwinkel.security.keyring import Keyring
from ui.session.firstrun import FirstRunWizard
from ui.session.login import RecoveryKeyDialog

PASSWORD = "sterk-wachtwoord-1"


@pytest.fixture
def shown_keys(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    keys: list[str] = []
    monkeypatch.setattr(RecoveryKeyDialog, "show_key", classmethod(lambda cls, key, parent=None: keys.append(key)))
    return keys


def _next(qtbot: QtBot, wizard: FirstRunWizard) -> None:
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)


def _every_field_has_a_label(wizard: FirstRunWizard) -> None:
    page = wizard.currentPage()
    for edit in page.findChildren(QLineEdit):
        assert edit.accessibleName(), edit
    mnemonics = [label.text().split("&")[1][0].lower() for label in page.findChildren(QLabel) if "&" in label.text()]
    assert len(mnemonics) == len(set(mnemonics)), mnemonics


def test_the_assistant_sets_up_a_leerwinkel_from_start_to_finish(
    qtbot: QtBot, tmp_path: Path, shown_keys: list[str]
) -> None:
    config = Config(data_dir=tmp_path / "nieuw")
    wizard = FirstRunWizard(config)
    qtbot.addWidget(wizard)
    wizard.show()
    _every_field_has_a_label(wizard)
    qtbot.keyClicks(wizard.admin.username, "beheer")
    qtbot.keyClicks(wizard.admin.password, PASSWORD)
    qtbot.keyClicks(wizard.admin.repeat, "ander-wachtwoord-1")
    _next(qtbot, wizard)
    assert "niet gelijk" in wizard.admin.error.text()
    assert wizard.currentPage() is wizard.admin and not (tmp_path / "nieuw" / "keys.json").exists()
    wizard.admin.repeat.clear()
    qtbot.keyClicks(wizard.admin.repeat, PASSWORD)
    _next(qtbot, wizard)
    assert wizard.currentPage() is wizard.organisation
    assert len(shown_keys) == 1 and Keyring.load(config).unlock_with_recovery(shown_keys[0]) is not None
    assert wizard.admin.password.text() == ""

    _every_field_has_a_label(wizard)
    fields = wizard.organisation.fields
    for key, text in (
        ("organisation.name", "Leerwinkel Voorbeeldstad"),
        ("organisation.street", "Fictieweg 12"),
        ("organisation.postcode", "2850"),
        ("organisation.city", "Boom"),
        ("organisation.phone", "03 000 00 00"),
        ("organisation.email", "geen-e-mail"),
    ):
        fields[key].clear()
        qtbot.keyClicks(fields[key], text)
    _next(qtbot, wizard)
    assert wizard.currentPage() is wizard.organisation
    assert "e-mailadres" in wizard.organisation.error.text()
    fields["organisation.email"].clear()
    qtbot.keyClicks(fields["organisation.email"], "info@voorbeeld.invalid")
    _next(qtbot, wizard)
    assert wizard.currentPage() is wizard.site_page

    sites = wizard.site_page.sites
    codes = [sites.item(row).data(Qt.ItemDataRole.UserRole) for row in range(sites.count())]
    assert "gevangenis-mechelen" in codes and "zitdag-lier" in codes
    sites.item(codes.index("zitdag-lier")).setCheckState(Qt.CheckState.Unchecked)
    qtbot.keyClicks(wizard.site_page.new_name, "Zitdag Boom")
    qtbot.keyClicks(wizard.site_page.new_place, "2850 Boom")
    qtbot.keyClick(wizard.site_page.new_name, Qt.Key.Key_Return)
    assert wizard.site_page.added[0].name == "Zitdag Boom"
    _next(qtbot, wizard)
    assert wizard.currentPage() is wizard.retention

    wizard.retention.years.setValue(7)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert wizard.app is not None and wizard.app.auth.current is not None
    wizard.app.close()

    # Tomorrow: sign in as the new administrator and read what the assistant stored.
    app = open_app(Config(data_dir=tmp_path / "nieuw", credentials=Credentials("beheer", PASSWORD)))
    try:
        settings = app.settings.current()
        assert settings.get("organisation.name") == "Leerwinkel Voorbeeldstad"
        assert settings.get("organisation.street") == "Fictieweg 12"
        assert settings.get("organisation.phone") == "03 000 00 00"
        assert settings.get("organisation.email") == "info@voorbeeld.invalid"
        assert settings.get("retention.years") == 7
        active = {s.code: s for s in app.sites.all() if s.active}
        assert "zitdag-lier" not in active and "gevangenis-mechelen" in active
        assert active["zitdag-boom"].postcode == "2850" and active["zitdag-boom"].municipality == "Boom"
        actions = [event.action for event in app.audit.events(app.auth.current, limit=200)]
        assert "site.add" in actions and "site.deactivate" in actions and "settings.update" in actions
    finally:
        app.close()


def test_hostile_names_are_refused_on_the_first_page(qtbot: QtBot, tmp_path: Path, shown_keys: list[str]) -> None:
    wizard = FirstRunWizard(Config(data_dir=tmp_path / "nieuw"))
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.admin.username.setText("<b>beheer</b>\u202e\x00")
    wizard.admin.password.setText(PASSWORD)
    wizard.admin.repeat.setText(PASSWORD)
    _next(qtbot, wizard)
    assert wizard.currentPage() is wizard.admin
    assert "Gebruikersnaam" in wizard.admin.error.text()
    assert not (tmp_path / "nieuw" / "keys.json").exists() and not shown_keys


def test_stopping_after_the_account_keeps_a_working_installation(
    qtbot: QtBot, tmp_path: Path, shown_keys: list[str]
) -> None:
    wizard = FirstRunWizard(Config(data_dir=tmp_path / "nieuw"))
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.keyClicks(wizard.admin.username, "beheer")
    qtbot.keyClicks(wizard.admin.password, PASSWORD)
    qtbot.keyClicks(wizard.admin.repeat, PASSWORD)
    _next(qtbot, wizard)
    wizard.reject()
    assert wizard.app is not None  # the main window opens; the rest is in Instellingen
    wizard.app.close()
