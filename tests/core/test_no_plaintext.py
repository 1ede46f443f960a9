"""No client data in plain text anywhere under the data folder or the temporary folder."""

from __future__ import annotations

import datetime as dt
import io
import logging
import tempfile
import uuid
from pathlib import Path

import pytest
from sqlalchemy import text

from leerwinkel.app import open_app
from leerwinkel.cli import main
from leerwinkel.config import load_config
from leerwinkel.logs import configure_logging
from leerwinkel.security.audit import record
from leerwinkel.storage.models import Client, Consent, Intake, LearningWish, Letter, Referral
from tests.conftest import FIXED_NOW
from tests.factories import TEST_CREDENTIALS, FakeClock
from tests.helpers import grep_tree, needles_for


def test_unique_client_name_is_nowhere_in_plain_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    name = f"Xylofonia-{uuid.uuid4().hex[:10]}"
    config = load_config()
    configure_logging(config.log_dir, level=logging.DEBUG)
    app = open_app(config, clock=FakeClock(FIXED_NOW), credentials=TEST_CREDENTIALS)
    try:
        actor = app.auth.current
        with app.store.unit_of_work() as session:
            client = Client(first_name=name, last_name=name, notes=f"{name} zit in detentie", detained=True)
            session.add(client)
            session.flush()
            record(session, actor, "client.create", "client", client.id)
            session.add(Intake(client_id=client.id, held_on=dt.date(2026, 3, 1), notes=name))
            session.add(LearningWish(client_id=client.id, category="vca", description=name))
            session.add(Consent(client_id=client.id, store_data=True, given_on=dt.date(2026, 3, 1)))
            session.flush()
            referral = Referral(client_id=client.id, category="vca", referred_on=dt.date(2026, 3, 2), note=name)
            session.add(referral)
            session.flush()
            session.add(
                Letter(
                    referral_id=referral.id, client_id=client.id, kind="brief", produced_at=FIXED_NOW, sha256="0" * 64
                )
            )
        logging.getLogger("leerwinkel.test").info("client %s created", client.id)
        # an error that carries the name must not put it in the log
        with pytest.raises(Exception) as caught, app.store.unit_of_work() as session:
            session.execute(text("INSERT INTO clients (id, first_name) VALUES ('x', :n)"), {"n": name})
        assert name not in str(caught.value)
        app.backups.create(actor)
        app.backups.create_daily(actor)
        app.audit.export(actor, config.data_dir / "audit-export.jsonl")
        with app.store.engine.connect() as connection:  # the WAL holds the latest pages
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        wal = config.sqlite_path.with_name(config.sqlite_path.name + "-wal")
        assert wal.exists() and wal.stat().st_size > 0
        assert grep_tree(config.data_dir, needles_for(name)) == []  # while open: WAL included
    finally:
        app.close()
    out, err = io.StringIO(), io.StringIO()
    assert main(["backup", "create"], out=out, err=err) == 0, err.getvalue()
    assert main(["backup", "verify"], out=out, err=err) == 0
    assert main(["info"], out=out, err=err) == 0
    assert main(["audit", "list", "--json"], out=out, err=err) == 0
    assert name not in out.getvalue()
    assert grep_tree(config.data_dir, needles_for(name)) == []
    assert grep_tree(temp, needles_for(name)) == []
    # the test can see: with the key, the name is really there
    check = open_app(config, clock=FakeClock(FIXED_NOW), credentials=TEST_CREDENTIALS)
    try:
        with check.store.unit_of_work() as session:
            assert (
                session.execute(text("SELECT count(*) FROM clients WHERE first_name = :n"), {"n": name}).scalar() == 1
            )
    finally:
        check.close()
