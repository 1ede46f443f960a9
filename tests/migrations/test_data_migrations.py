"""Every data migration has a test, seeded at the revision before it."""

from __future__ import annotations

import uuid
from pathlib import Path

from sqlalchemy import text

from leerwinkel.storage import migrate
from leerwinkel.storage.store import Store

#: Revisions that move or create data (not only schema), each with a test below.
DATA_REVISIONS = {"0002": "test_0002_seeds_the_sites_and_downgrade_keeps_used_ones"}


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
