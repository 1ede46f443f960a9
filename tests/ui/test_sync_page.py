"""The Uitwisselen page: a session file for the laptop, the laptop's file back, a conflict settled per field."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from leerwinkel.app import Leerwinkel, open_app
from leerwinkel.config import Config
from leerwinkel.ids import ClientId
from leerwinkel.intake.types import IntakeInput, PersonInput
from leerwinkel.storage.models import Client
from leerwinkel.sync import pack
from leerwinkel.sync.service import SessionScope
from tests.conftest import FIXED_NOW
from tests.factories import TEST_CREDENTIALS, FakeClock, provision_test_keyring
from ui.common.changes import ChangeHub
from ui.sync.page import DeviceDialog, EnrolDialog, FileChooser, ForgetDialog, SyncPage

PASSPHRASE = "een-wachtzin-voor-de-stick"


@pytest.fixture(autouse=True)
def _cheap_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pack, "SCRYPT_LOG_N", 10)


@pytest.fixture
def laptop(tmp_path: Path) -> Iterator[Leerwinkel]:
    provision_test_keyring(tmp_path / "laptop")
    app = open_app(Config(data_dir=tmp_path / "laptop"), clock=FakeClock(FIXED_NOW), credentials=TEST_CREDENTIALS)
    app.sync.configure(app.auth.current, name="Laptop LIO", role="laptop")
    try:
        yield app
    finally:
        app.close()


@pytest.fixture
def page(qtbot: QtBot, facade: Leerwinkel) -> SyncPage:
    facade.sync.configure(facade.auth.current, name="Kantoor")
    widget = SyncPage(facade, ChangeHub())
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    qtbot.waitUntil(lambda: widget.device is not None)
    return widget


def booked_client(app: Leerwinkel, name: str) -> ClientId:
    form = IntakeInput(
        person=PersonInput(first_name=name, detained=True, prison_site_code="gevangenis-mechelen"),
        next_appointment="18/03/2026 10:00",
    )
    return app.clients.record_intake(form, actor=app.auth.current).client.id


def set_notes(app: Leerwinkel, client_id: ClientId, notes: str) -> None:
    with app.store.unit_of_work() as session:
        row = session.get(Client, client_id)
        assert row is not None
        row.notes = notes


def test_a_prison_session_through_the_page_with_a_conflict_settled_per_field(
    qtbot: QtBot,
    page: SyncPage,
    facade: Leerwinkel,
    laptop: Leerwinkel,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ada = booked_client(facade, "Ada")
    assert page.device is not None and page.device.name == "Kantoor"

    # The session file, made on the page.
    session_file = tmp_path / "sessie.lwsync"
    monkeypatch.setattr(FileChooser, "save", classmethod(lambda cls, *a: str(session_file)))
    page.peer.setCurrentText("Laptop LIO")
    page.prison.setCurrentIndex(page.prison.findData("gevangenis-mechelen"))
    page.day.setDate(QDate(2026, 3, 18))
    qtbot.keyClicks(page.export_passphrase, PASSPHRASE)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.last_export is not None, timeout=10000)
    assert page.last_export is not None and page.last_export.clients == 1
    assert "sessie.lwsync" in page.summary.text() and page.export_passphrase.text() == ""

    # In prison, and at the office meanwhile: both change Ada's notes.
    laptop.sync.import_file(laptop.auth.current, session_file, passphrase=PASSPHRASE)
    set_notes(laptop, ada, "Wil VCA halen.")
    set_notes(facade, ada, "Belt volgende week.")
    back = tmp_path / "terug.lwsync"
    laptop.sync.export(laptop.auth.current, to="Kantoor", target=back, passphrase=PASSPHRASE)

    # A wrong passphrase first: a Dutch sentence, nothing read.
    monkeypatch.setattr(FileChooser, "open", classmethod(lambda cls, *a: str(back)))
    qtbot.keyClicks(page.import_passphrase, "verkeerd")
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "wachtzin klopt niet" in page.summary.text(), timeout=10000)
    assert page.last_import is None

    page.import_passphrase.clear()
    qtbot.keyClicks(page.import_passphrase, PASSPHRASE)
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.last_import is not None, timeout=10000)
    assert page.last_import is not None and page.last_import.conflicts == 1
    assert "conflicten: 1" in page.summary.text()
    qtbot.waitUntil(lambda: len(page.conflicts.conflicts) == 1)
    assert page.conflicts.list.item(0).text() == "Cliënt van Ada (met Laptop LIO): notities"

    page.conflicts.choose("notes", "remote")
    qtbot.mouseClick(page.conflicts.resolve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.conflicts.conflicts and "opgelost" in page.summary.text(), timeout=10000)
    with facade.store.unit_of_work() as session:
        assert session.get(Client, ada).notes == "Wil VCA halen."  # type: ignore[union-attr]
    assert "Laptop LIO" in page.peers_text.text()


def test_enrolling_a_device_shows_its_fingerprint_first(
    qtbot: QtBot, page: SyncPage, laptop: Leerwinkel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    enrolment = tmp_path / "laptop.json"
    laptop.sync.write_enrolment(laptop.auth.current, enrolment)
    shown: list[str] = []
    monkeypatch.setattr(FileChooser, "open", classmethod(lambda cls, *a: str(enrolment)))
    monkeypatch.setattr(EnrolDialog, "ask", classmethod(lambda cls, parent, e: shown.append(e.fingerprint) or True))
    qtbot.mouseClick(page.enrol_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Ingeschreven: Laptop LIO" in page.summary.text(), timeout=10000)
    assert shown == [laptop.sync.device().fingerprint]
    qtbot.waitUntil(lambda: "ingeschreven" in page.peers_text.text())


def test_the_sessions_papers_print_for_the_chosen_prison_and_day(
    qtbot: QtBot, page: SyncPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.letters.session import SessionHandoutsDialog

    opened: list[tuple[str, QDate, bool, bool]] = []

    def seen(dialog: SessionHandoutsDialog) -> int:
        boxes = (dialog.with_booked.isChecked(), dialog.with_catalogue.isChecked())
        opened.append((dialog.site.currentData(), dialog.day.date(), *boxes))
        return 0

    monkeypatch.setattr(SessionHandoutsDialog, "exec", seen)
    page.prison.setCurrentIndex(page.prison.findData("gevangenis-mechelen"))
    page.day.setDate(QDate(2026, 3, 18))
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    # printed beforehand: the appointments list and the prison's catalogue sheet come along
    assert opened == [("gevangenis-mechelen", QDate(2026, 3, 18), True, True)]
    page.session_box.setChecked(False)
    assert not page.print_button.isEnabled()


def test_an_administrator_names_this_device_and_makes_it_a_laptop(
    qtbot: QtBot, page: SyncPage, facade: Leerwinkel, monkeypatch: pytest.MonkeyPatch
) -> None:
    def ask(cls: type[DeviceDialog], parent: SyncPage, device: object) -> tuple[str, str] | None:
        dialog = cls(device, parent)  # type: ignore[arg-type]  # the real dialog, typed into
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.name.text() == "Kantoor" and dialog.role.currentData() == "office"
        dialog.name.selectAll()
        qtbot.keyClicks(dialog.name, "Laptop Mechelen")
        dialog.role.setCurrentIndex(dialog.role.findData("laptop"))
        return dialog.name.text(), str(dialog.role.currentData())

    monkeypatch.setattr(DeviceDialog, "ask", classmethod(ask))
    assert page.device_button.isVisible() and not page.forget_button.isVisible()  # an office has no session
    qtbot.mouseClick(page.device_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "heet nu “Laptop Mechelen”" in page.summary.text(), timeout=10000)
    device = facade.sync.device()
    assert (device.name, device.role) == ("Laptop Mechelen", "laptop")
    qtbot.waitUntil(lambda: "Laptop Mechelen (laptop voor sessies)" in page.device_text.text())
    assert page.forget_button.isVisible()


def test_after_the_session_the_laptop_clears_what_the_office_holds(
    qtbot: QtBot, facade: Leerwinkel, laptop: Leerwinkel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    facade.sync.configure(facade.auth.current, name="Kantoor")
    ada = booked_client(facade, "Ada")
    session_file = tmp_path / "sessie.lwsync"
    facade.sync.export(
        facade.auth.current,
        to="Laptop LIO",
        target=session_file,
        passphrase=PASSPHRASE,
        scope=SessionScope(prison="gevangenis-mechelen", on=dt.date(2026, 3, 18)),
    )
    laptop.sync.import_file(laptop.auth.current, session_file, passphrase=PASSPHRASE)
    widget = SyncPage(laptop, ChangeHub())
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: widget.device is not None and widget.forget_button.isVisible())
    asked: list[list[str]] = []
    monkeypatch.setattr(ForgetDialog, "ask", classmethod(lambda cls, parent, offices: asked.append(offices) or None))
    qtbot.mouseClick(widget.forget_button, Qt.MouseButton.LeftButton)  # asked, and cancelled: nothing removed
    assert asked == [["Kantoor"]]
    with laptop.store.unit_of_work() as session:
        assert session.get(Client, ada) is not None

    monkeypatch.setattr(ForgetDialog, "ask", classmethod(lambda cls, parent, offices: offices[0]))
    qtbot.mouseClick(widget.forget_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "1 cliënt(en) van deze laptop gehaald" in widget.summary.text(), timeout=10000)
    with laptop.store.unit_of_work() as session:
        assert session.get(Client, ada) is None
    with facade.store.unit_of_work() as session:
        assert session.get(Client, ada) is not None  # forgetting on the laptop is not erasing at the office


def test_the_audit_page_names_the_device_whose_received_trail_was_changed(
    qtbot: QtBot, facade: Leerwinkel, laptop: Leerwinkel, tmp_path: Path
) -> None:
    from leerwinkel.storage.models import SyncAuditEvent
    from ui.settings.audit import AuditPage

    facade.sync.configure(facade.auth.current, name="Kantoor")
    booked_client(facade, "Ada")
    session_file, back = tmp_path / "sessie.lwsync", tmp_path / "terug.lwsync"
    scope = SessionScope(prison="gevangenis-mechelen", on=dt.date(2026, 3, 18))
    facade.sync.export(facade.auth.current, to="Laptop LIO", target=session_file, passphrase=PASSPHRASE, scope=scope)
    laptop.sync.import_file(laptop.auth.current, session_file, passphrase=PASSPHRASE)
    laptop.sync.export(laptop.auth.current, to="Kantoor", target=back, passphrase=PASSPHRASE)
    facade.sync.import_file(facade.auth.current, back, passphrase=PASSPHRASE)
    with facade.store.unit_of_work() as session:
        first = session.scalars(select(SyncAuditEvent).order_by(SyncAuditEvent.sequence)).first()
        assert first is not None
        first.detail = "{}"  # changed after it arrived

    page = AuditPage(facade)
    qtbot.addWidget(page)
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.verify_button.isEnabled())  # checked off the UI thread
    assert (
        page.status.text()
        == f"Het auditlogboek dat Laptop LIO stuurde, is NIET in orde vanaf gebeurtenis {first.sequence}."
    )
