"""Every data migration has a test, seeded at the revision before it."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

import pytest
from sqlalchemy import text

from leerwinkel.storage import migrate
from leerwinkel.storage.store import Store

#: Revisions that move or create data (not only schema), each with a test below.
DATA_REVISIONS = {
    "0002": "test_0002_seeds_the_sites_and_downgrade_keeps_used_ones",
    "0090": "test_0090_downgrade_refuses_to_drop_override_reasons_and_external_referrals",
    "0120": "test_0120_refolds_search_keys_both_ways",
    "0150": "test_0150_adds_every_prison_with_its_sources_and_downgrade_keeps_used_ones",
}


def test_every_data_revision_has_a_test() -> None:
    for revision, test_name in DATA_REVISIONS.items():
        assert test_name in globals(), f"data revision {revision} has no test {test_name}"
    for script in migrate.script_directory().walk_revisions():
        source = Path(script.path).read_text(encoding="utf-8")
        if "bulk_insert" in source or "op.execute" in source or "sa.text(" in source:
            assert script.revision in DATA_REVISIONS, f"revision {script.revision} moves data but has no test"


def test_0002_seeds_the_sites_and_downgrade_keeps_used_ones(empty_store: Store) -> None:
    migrate.upgrade(empty_store, revision="0001")
    migrate.upgrade(empty_store, revision="0002")
    with empty_store.engine.begin() as connection:
        codes = {row[0] for row in connection.execute(text("SELECT code FROM sites"))}
        assert codes == {
            "mechelen-sociaal-huis",
            "zitdag-lier",
            "zitdag-willebroek",
            "zitdag-agii-mechelen",
            "gevangenis-mechelen",
        }
        prison = connection.execute(text("SELECT id FROM sites WHERE code = 'gevangenis-mechelen'")).scalar_one()
        connection.execute(
            text(
                "INSERT INTO clients (id, created_at, updated_at, updated_by_device, version, first_name, alias, "
                "last_name, gender, phone, email, street, postcode, municipality, languages, dutch_level, "
                "education_level, foreign_diploma, detained, prison_site_id, employment, notes) VALUES (:id, "
                "'2026-01-01', '2026-01-01', 't', 1, 'Testa', '', '', '', '', '', '', '', '', '', 'onbekend', '', '', "
                ":yes, :prison, '', '')"
            ),
            {
                "id": uuid.uuid4() if empty_store.dialect == "postgresql" else uuid.uuid4().hex,
                "prison": prison,
                "yes": True,
            },
        )
    migrate.downgrade(empty_store, "0001")
    with empty_store.engine.connect() as connection:
        left = {row[0] for row in connection.execute(text("SELECT code FROM sites"))}
    assert left == {"gevangenis-mechelen"}  # used by a client, so kept


def test_0090_downgrade_refuses_to_drop_override_reasons_and_external_referrals(empty_store: Store) -> None:
    from leerwinkel.storage.models import Client, Referral, ReferralStatusChange

    migrate.upgrade(empty_store, revision="0090")
    now = dt.datetime(2026, 3, 16, 9, 30, tzinfo=dt.UTC)
    with empty_store.engine.begin() as connection:
        columns = {"external_provider", "external_contact", "external_service"}
        if empty_store.dialect == "sqlite":
            names = {row[1] for row in connection.execute(text("PRAGMA table_info(referrals)"))}
        else:
            names = {
                row[0]
                for row in connection.execute(
                    text("SELECT column_name FROM information_schema.columns WHERE table_name = 'referrals'")
                )
            }
        assert columns <= names
    migrate.upgrade(empty_store)
    with empty_store.unit_of_work() as session:
        client = Client(first_name="Testa")
        session.add(client)
        session.flush()
        referral = Referral(
            client_id=client.id, category="vca", referred_on=now.date(), external_provider="Testbedrijf"
        )
        referral.history.append(
            ReferralStatusChange(
                status="voorgesteld", changed_on=now.date(), changed_at=now, override_reason="na vrijlating"
            )
        )
        session.add(referral)
    with pytest.raises(RuntimeError, match="lose 1 external referrals and 1 override reasons"):
        migrate.downgrade(empty_store, "0070")
    with empty_store.engine.begin() as connection:
        connection.execute(text("UPDATE referrals SET external_provider = ''"))
        connection.execute(text("UPDATE referral_status_changes SET override_reason = ''"))
    migrate.downgrade(empty_store, "0070")
    assert migrate.current_revision(empty_store) == "0070"


def test_0120_refolds_search_keys_both_ways(empty_store: Store) -> None:
    migrate.upgrade(empty_store, revision="0090")
    client_id = uuid.uuid4()
    with empty_store.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO clients (id, created_at, updated_at, updated_by_device, version, first_name, alias, "
                "last_name, gender, phone, email, street, postcode, municipality, languages, dutch_level, "
                "education_level, foreign_diploma, detained, employment, notes, search_key) VALUES (:id, "
                "'2026-01-01', '2026-01-01', 't', 1, 'Łukasz', '', 'Ðorđević', '', '', '', '', '', '', '', "
                "'onbekend', '', '', :no, '', '', 'łukasz ðorđevic')"
            ),
            {"id": client_id if empty_store.dialect == "postgresql" else client_id.hex, "no": False},
        )

    def key() -> str:
        with empty_store.engine.connect() as connection:
            return str(connection.execute(text("SELECT search_key FROM clients")).scalar_one())

    migrate.upgrade(empty_store, revision="0120")
    assert key() == "lukasz dordevic"
    migrate.downgrade(empty_store, "0090")
    assert key() == "łukasz ðorđevic"


def test_0150_adds_every_prison_with_its_sources_and_downgrade_keeps_used_ones(empty_store: Store) -> None:
    migrate.upgrade(empty_store, revision="0141")
    migrate.upgrade(empty_store, revision="0150")
    with empty_store.engine.begin() as connection:
        rows = connection.execute(text("SELECT code, kind, street, sources, own FROM sites")).all()
        by_code = {row[0]: row for row in rows}
        prisons = {code for code, kind, *_rest in rows if kind == "gevangenis"}
        assert {"gevangenis-mechelen", "gevangenis-antwerpen", "gevangenis-haren", "gevangenis-brugge"} <= prisons
        assert len(prisons) >= 20
        assert all(by_code[code][3].strip() for code in prisons)  # every prison cites its sources
        assert by_code["gevangenis-mechelen"][2] == "Liersesteenweg 2"
        assert by_code["gevangenis-tongeren"][2] == ""  # the notes give no address: left empty
        assert {code for code, *_rest, own in rows if own} == {
            "mechelen-sociaal-huis",
            "zitdag-lier",
            "zitdag-willebroek",
            "zitdag-agii-mechelen",
            "gevangenis-mechelen",
        }
        gent = connection.execute(text("SELECT id FROM sites WHERE code = 'gevangenis-gent'")).scalar_one()
        connection.execute(
            text(
                "INSERT INTO clients (id, created_at, updated_at, updated_by_device, version, first_name, alias, "
                "last_name, gender, phone, email, street, postcode, municipality, languages, dutch_level, "
                "education_level, foreign_diploma, detained, prison_site_id, employment, notes) VALUES (:id, "
                "'2026-01-01', '2026-01-01', 't', 1, 'Testa', '', '', '', '', '', '', '', '', '', 'onbekend', '', '', "
                ":yes, :prison, '', '')"
            ),
            {
                "id": uuid.uuid4() if empty_store.dialect == "postgresql" else uuid.uuid4().hex,
                "prison": gent,
                "yes": True,
            },
        )
    migrate.downgrade(empty_store, "0141")
    with empty_store.engine.connect() as connection:
        left = {row[0] for row in connection.execute(text("SELECT code FROM sites"))}
    assert "gevangenis-gent" in left  # a client is detained there, so it stays
    assert "gevangenis-antwerpen" not in left
    assert "gevangenis-mechelen" in left
