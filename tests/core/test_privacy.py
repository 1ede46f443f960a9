"""GDPR: export one client (JSON + PDF), erase a client so the name leaves the files, retention."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from pathlib import Path

import pytest
from sqlalchemy import select, text

from leerwinkel.actor import Actor
from leerwinkel.app import Leerwinkel, open_app
from leerwinkel.config import Config
from leerwinkel.errors import InvalidInputError, NotFoundError, PermissionDeniedError
from leerwinkel.ids import CounsellorId
from leerwinkel.security.privacy import PrivacyService
from leerwinkel.storage import migrate
from leerwinkel.storage.models import Client, Letter, Referral, Setting
from leerwinkel.storage.store import Store, create_database_engine
from tests.conftest import FIXED_NOW
from tests.factories import TEST_CREDENTIALS, FakeClock, client_with_everything, open_signed_in

ADMIN = Actor(CounsellorId(uuid.uuid4()), "beheer", "Beheer", "admin")


def test_export_everything_about_one_client(app: Leerwinkel, tmp_path: Path) -> None:
    client_id = client_with_everything(app.store, "Inzagia")
    other = client_with_everything(app.store, "Anderling")
    result = app.privacy.export_client(app.auth.current, client_id, tmp_path / "inzage")
    data = json.loads(result.json_path.read_text(encoding="utf-8"))
    assert data["client"]["first_name"] == "Inzagia"
    assert len(data["intakes"]) == 1 and len(data["referrals"]) == 1 and len(data["letters"]) == 1
    assert len(data["consents"]) == 1 and data["consents"][0]["store_data"] is True
    assert "Anderling" not in result.json_path.read_text(encoding="utf-8")
    assert str(other) not in result.json_path.read_text(encoding="utf-8")
    assert result.pdf_path.read_bytes().startswith(b"%PDF")
    from pypdf import PdfReader

    pdf_text = "".join(page.extract_text() for page in PdfReader(result.pdf_path).pages)
    assert "Inzagia" in pdf_text
    assert app.audit.events(app.auth.current, limit=1)[0].action == "client.export"


def test_export_survives_hostile_text(app: Leerwinkel, tmp_path: Path) -> None:
    name = "=1+2 <b>&amp; \u202e😀 \x07"
    with app.store.unit_of_work() as session:
        client = Client(first_name=name, notes="x" * 20000)
        session.add(client)
    result = app.privacy.export_client(app.auth.current, client.id, tmp_path)
    assert json.loads(result.json_path.read_text(encoding="utf-8"))["client"]["first_name"] == name
    assert result.pdf_path.stat().st_size > 0


def test_erase_removes_the_client_with_letters_and_is_audited(app: Leerwinkel) -> None:
    client_id = client_with_everything(app.store, "Wisbaar")
    keep = client_with_everything(app.store, "Blijver")
    result = app.privacy.erase_client(app.auth.current, client_id)
    assert result.rows_deleted >= 6
    with app.store.unit_of_work() as session:
        assert session.get(Client, client_id) is None
        assert session.scalars(select(Letter).where(Letter.client_id == client_id)).first() is None
        assert session.scalars(select(Referral).where(Referral.client_id == client_id)).first() is None
        assert session.get(Client, keep) is not None
    event = app.audit.events(app.auth.current, limit=1)[0]
    assert event.action == "client.erase" and event.object_id == str(client_id)
    with pytest.raises(NotFoundError):
        app.privacy.erase_client(app.auth.current, client_id)


def test_only_an_admin_erases(app: Leerwinkel) -> None:
    client_id = client_with_everything(app.store, "Beschermd")
    counsellor = Actor(CounsellorId(uuid.uuid4()), "balie", "Balie", "counsellor")
    with pytest.raises(PermissionDeniedError):
        app.privacy.erase_client(counsellor, client_id)


def _grep(folder: Path, needle: bytes) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and needle in p.read_bytes()]


def test_erased_name_is_gone_from_the_encrypted_files(sqlite_config: Config) -> None:
    app = open_app(sqlite_config, clock=FakeClock(FIXED_NOW), credentials=TEST_CREDENTIALS)
    try:
        client_id = client_with_everything(app.store, "Zandloperina")
        app.privacy.erase_client(app.auth.current, client_id)
        with app.store.unit_of_work() as session:
            dump = " ".join(str(v) for row in session.execute(text("SELECT * FROM clients")) for v in row)
        assert "Zandloperina" not in dump
    finally:
        app.close()
    assert _grep(sqlite_config.data_dir, b"Zandloperina") == []


def test_erase_overwrites_the_bytes_even_without_encryption(tmp_path: Path) -> None:
    """The same erase on a plain SQLite file proves secure_delete, the checkpoint and FTS optimise work."""
    config = Config(data_dir=tmp_path / "plain")
    config.data_dir.mkdir(parents=True)
    engine = create_database_engine(config, key=None)
    store = Store(engine, device_id="desk-test", clock=FakeClock(FIXED_NOW))
    try:
        migrate.upgrade(store)
        with engine.begin() as connection:
            connection.exec_driver_sql("CREATE VIRTUAL TABLE notes_search USING fts5(body)")
        client_id = client_with_everything(store, "Zandloperina")
        with engine.begin() as connection:
            connection.exec_driver_sql("INSERT INTO notes_search(body) VALUES ('Zandloperina Proefpersoon')")
        assert _grep(config.data_dir, b"Zandloperina")  # the plain file shows it: the test can see
        with engine.begin() as connection:
            connection.exec_driver_sql("DELETE FROM notes_search")
        assert _grep(config.data_dir, b"zandloperina")  # the folded key, also in the clients' trigram index
        PrivacyService(store, config).erase_client(ADMIN, client_id)
        assert _grep(config.data_dir, b"Zandloperina") == []
        assert _grep(config.data_dir, b"zandloperina") == []
    finally:
        store.dispose()


def test_retention_lists_and_purges_after_confirmation(config: Config) -> None:
    clock = FakeClock(FIXED_NOW - dt.timedelta(days=6 * 365))
    app = open_signed_in(config, clock)
    try:
        old = client_with_everything(app.store, "Oudgediende")
        clock.now = FIXED_NOW - dt.timedelta(days=30)
        recent = client_with_everything(app.store, "Recentia")
        clock.now = FIXED_NOW
        admin = app.auth.current
        candidates = app.privacy.retention_candidates(admin)
        assert [c.client_id for c in candidates] == [old]
        assert candidates[0].display_name == "Oudgediende"
        assert app.privacy.retention_candidates(admin, years=10) == []
        with pytest.raises(InvalidInputError):
            app.privacy.purge(admin, [old], confirmed=False)
        with pytest.raises(InvalidInputError):
            app.privacy.purge(admin, [recent], confirmed=True)
        assert app.privacy.purge(admin, [old], confirmed=True) == 1
        with app.store.unit_of_work() as session:
            assert session.get(Client, old) is None and session.get(Client, recent) is not None
            session.add(Setting(key="retention.years", value="1"))
        assert app.privacy.retention_years() == 1
        with pytest.raises(InvalidInputError):
            app.privacy.retention_candidates(admin, years=0)
    finally:
        app.close()


def test_export_pdf_prints_every_script_in_the_bundled_fonts(app: Leerwinkel, tmp_path: Path) -> None:
    from tests.pdfcheck import logical_text, pdf_fonts

    with app.store.unit_of_work() as session:
        client = Client(first_name="Nguyễn Thị Hương", last_name="محمد عبد الله", notes="Олена · ሰላም")
        session.add(client)
    result = app.privacy.export_client(app.auth.current, client.id, tmp_path)
    pdf = result.pdf_path.read_bytes()
    text = logical_text(pdf)
    assert "Nguyễn Thị Hương" in text and "محمد عبد الله" in text and "Олена · ሰላም" in text
    fonts = pdf_fonts(pdf)
    assert fonts and all(fonts.values()) and all("+NotoSans" in name for name in fonts), fonts
