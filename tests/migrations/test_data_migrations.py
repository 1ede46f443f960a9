"""Every data migration has a test, seeded at the revision before it."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from pathlib import Path
from types import ModuleType

import pytest
from sqlalchemy import Connection, MetaData, Table, column, inspect, select, table, text

from leerwinkel.storage import clientsearch, migrate
from leerwinkel.storage.models import Referral
from leerwinkel.storage.store import Store
from tests.conftest import FIXED_NOW

#: What a revision runs on the connection: a revision with one of these must say whether it moves data.
RUNS_STATEMENTS = re.compile(
    r"\bop\.execute\(|bulk_insert|sa\.text\(|get_bind\(\)|\.update\(\)|\.insert\(\)|\.delete\(\)"
)


def _revisions() -> list[tuple[str, ModuleType, str]]:
    """(revision id, loaded module, source) of every revision file, oldest last."""
    found = []
    for script in migrate.script_directory().walk_revisions():
        source = Path(script.path).read_text(encoding="utf-8")
        assert script.module is not None
        found.append((script.revision, script.module, source))
    return found


def test_every_data_revision_has_a_test() -> None:
    """A revision that moves or creates data says ``MOVES_DATA = True`` in its file and has a test_<id>_... here."""
    tests = {name for name in globals() if name.startswith("test_")}
    for revision, module, source in _revisions():
        marker = getattr(module, "MOVES_DATA", None)
        if RUNS_STATEMENTS.search(source):
            assert isinstance(marker, bool), f"revision {revision} runs statements: set MOVES_DATA = True or False"
        if marker:
            assert any(name.startswith(f"test_{revision}_") for name in tests), (
                f"revision {revision} moves data (MOVES_DATA) but has no test_{revision}_... in this module"
            )


def test_the_marker_is_read_from_the_revision_files() -> None:
    marked = {revision for revision, module, _source in _revisions() if getattr(module, "MOVES_DATA", False)}
    assert {"0002", "0020", "0090", "0120", "0150"} <= marked


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


def test_0020_backfills_the_folded_search_key_of_existing_clients(empty_store: Store) -> None:
    migrate.upgrade(empty_store, revision="0002")
    columns = {c["name"]: c for c in inspect(empty_store.engine).get_columns("clients")}
    names = {"first_name": "Élodie", "last_name": "Van  Den Brœck", "alias": "Lo"}
    values: dict[str, object] = {
        "id": uuid.uuid4() if empty_store.dialect == "postgresql" else uuid.uuid4().hex,
        "created_at": FIXED_NOW,
        "updated_at": FIXED_NOW,
        "version": 1,
        **names,
    }
    for name, info in columns.items():  # every other required column of 0002, with a neutral value
        if name not in values and not info["nullable"] and info.get("default") is None:
            values[name] = {"BOOLEAN": False, "INTEGER": 0}.get(str(info["type"]).split("(")[0], "")
    with empty_store.engine.begin() as connection:
        connection.execute(table("clients", *(column(name) for name in values)).insert().values(values))
    migrate.upgrade(empty_store, revision="0020")
    with empty_store.engine.connect() as connection:
        key = connection.execute(text("SELECT search_key FROM clients")).scalar_one()
    assert key == "elodie van den brœck lo"  # folded, accents gone, spaces collapsed; œ is a letter, no accent
    migrate.downgrade(empty_store, "0002")
    with empty_store.engine.connect() as connection:
        assert "search_key" not in {c["name"] for c in inspect(connection).get_columns("clients")}


def test_0180_counts_every_catalogue_change_and_downgrade_removes_the_counter(empty_store: Store) -> None:
    migrate.upgrade(empty_store, revision="0160")
    provider = uuid.uuid4()

    def key(value: uuid.UUID) -> object:
        return value if empty_store.dialect == "postgresql" else value.hex

    with empty_store.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO providers (id, created_at, updated_at, updated_by_device, version, external_id, origin, "
                "locally_modified, sources, active, checked_by, check_source, name, kind, description, website, "
                "email, phone) VALUES (:id, '2026-01-01', '2026-01-01', 't', 1, 'p-test', 'local', :no, '', :yes, "
                "'', '', 'Testschool', '', '', '', '', '')"
            ),
            {"id": key(provider), "no": False, "yes": True},
        )
    migrate.upgrade(empty_store, revision="0180")

    def counter() -> int:
        with empty_store.engine.connect() as connection:
            return int(connection.execute(text("SELECT counter FROM catalogue_changes")).scalar_one())

    assert counter() == 0  # what was there before is not a change: the app builds the index at first use
    with empty_store.engine.begin() as connection:
        connection.execute(text("UPDATE providers SET name = 'Andere school'"))
    after_update = counter()
    assert after_update > 0
    with empty_store.engine.begin() as connection:
        connection.execute(text("DELETE FROM providers WHERE id = :id"), {"id": key(provider)})
    assert counter() > after_update
    migrate.downgrade(empty_store, "0160")
    with empty_store.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO providers (id, created_at, updated_at, updated_by_device, version, external_id, origin, "
                "locally_modified, sources, active, checked_by, check_source, name, kind, description, website, "
                "email, phone) VALUES (:id, '2026-01-01', '2026-01-01', 't', 1, 'p-test', 'local', :no, '', :yes, "
                "'', '', 'Testschool', '', '', '', '', '')"
            ),
            {"id": key(provider), "no": False, "yes": True},
        )  # no trigger is left to write to the dropped counter
        tables = set(inspect(connection).get_table_names())
    assert not tables & {"catalogue_changes", "catalogue_search_entries", "catalogue_search_postings"}


def test_0181_indexes_the_clients_search_keys_and_triggers_keep_it_up_to_date(empty_store: Store) -> None:
    migrate.upgrade(empty_store, revision="0180")
    client_id = uuid.uuid4()
    key = client_id if empty_store.dialect == "postgresql" else client_id.hex
    with empty_store.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO clients (id, created_at, updated_at, updated_by_device, version, first_name, alias, "
                "last_name, gender, phone, email, street, postcode, municipality, languages, dutch_level, "
                "education_level, foreign_diploma, detained, employment, notes, search_key) VALUES (:id, "
                "'2026-01-01', '2026-01-01', 't', 1, 'Jo', '', 'Proefpersoon', '', '', '', '', '', '', '', "
                "'onbekend', '', '', :no, '', '', 'jo proefpersoon')"
            ),
            {"id": key, "no": False},
        )
    migrate.upgrade(empty_store, revision="0181")
    if empty_store.dialect != "sqlite":
        return  # PostgreSQL reads the clients table itself

    def found(word: str) -> list[object]:
        with empty_store.engine.connect() as connection:
            match = clientsearch.plan(connection, [word])
            assert match is not None  # one client: every word is looked up
            if match == clientsearch.NO_MATCH:
                return []
            query = "SELECT rowid FROM client_search WHERE client_search MATCH :q"
            return list(connection.execute(text(query), {"q": match}).scalars())

    assert found("proef") and found("jo") and found("j")
    assert found("zz") == [] and found("kantkloss") == []
    with empty_store.engine.begin() as connection:
        connection.execute(text("UPDATE clients SET search_key = 'jo kantklosser'"))
    assert found("kantkloss") and found("proef") == []
    with empty_store.engine.begin() as connection:
        connection.execute(text("DELETE FROM clients"))
    assert found("kantkloss") == []
    migrate.downgrade(empty_store, "0180")
    with empty_store.engine.connect() as connection:
        assert not clientsearch.has_index(connection)


def test_0210_fills_the_progress_of_existing_referrals_and_triggers_keep_it(empty_store: Store) -> None:
    migrate.upgrade(empty_store, revision="0205")
    postgres = empty_store.dialect == "postgresql"

    def key(value: uuid.UUID) -> object:
        return value if postgres else value.hex

    def add(connection: Connection, name: str, **values: object) -> uuid.UUID:
        """A row of ``name`` as the revision's schema has it: every other required column gets a neutral value."""
        stub = Table(name, MetaData(), autoload_with=connection)
        row_id = uuid.uuid4()
        row: dict[str, object] = {"id": key(row_id), "created_at": FIXED_NOW, "updated_at": FIXED_NOW, "version": 1}
        row.update(values)
        for column_ in stub.columns:
            if column_.name not in row and not column_.nullable and column_.server_default is None:
                row[column_.name] = {"BOOLEAN": False, "INTEGER": 0}.get(str(column_.type).split("(")[0], "")
        connection.execute(stub.insert().values(row))
        return row_id

    def day(offset: int) -> dt.date:
        return dt.date(2026, 3, 2) + dt.timedelta(days=offset)

    with empty_store.engine.begin() as connection:
        client = key(add(connection, "clients", first_name="Testa", dutch_level="onbekend"))

        def referral(status: str, *steps: tuple[str, int]) -> uuid.UUID:
            made = add(connection, "referrals", client_id=client, category="vca", status=status, referred_on=day(0))
            for changed, offset in steps:
                at = dt.datetime.combine(day(offset), dt.time(10), tzinfo=dt.UTC)
                add(
                    connection,
                    "referral_status_changes",
                    referral_id=key(made),
                    status=changed,
                    changed_on=day(offset),
                    changed_at=at,
                )
            return made

        # The history as it was recorded, not in date order: a late entry of an earlier enrolment.
        completed = referral("afgerond", ("voorgesteld", 0), ("gestart", 20), ("afgerond", 60), ("ingeschreven", 9))
        skipped = referral("afgehaakt", ("voorgesteld", 0), ("gestart", 5), ("afgehaakt", 30))
        proposed = referral("voorgesteld", ("voorgesteld", 0))
        no_history = referral("gestart")  # only the history counts: the report asks the status itself

    def history() -> int:
        with empty_store.engine.connect() as connection:
            return int(connection.execute(text("SELECT count(*) FROM referral_status_changes")).scalar_one())

    def progress() -> dict[uuid.UUID, tuple[bool, bool, dt.date | None]]:
        with empty_store.engine.connect() as connection:
            rows = connection.execute(
                select(Referral.id, Referral.reached_started, Referral.reached_completed, Referral.enrolled_on)
            ).all()
        return {row[0]: (bool(row[1]), bool(row[2]), row[3]) for row in rows}

    migrate.upgrade(empty_store, revision="0210")
    assert history() == 8  # adding the columns copied no table (which would cascade-delete the history)
    assert progress() == {
        completed: (True, True, day(9)),
        skipped: (True, False, day(5)),
        proposed: (False, False, None),
        no_history: (False, False, None),
    }

    # From now on the database keeps them, whoever writes the history.
    changes = Table("referral_status_changes", MetaData(), autoload_with=empty_store.engine)
    with empty_store.engine.begin() as connection:
        finished = add(
            connection,
            "referral_status_changes",
            referral_id=key(proposed),
            status="afgerond",
            changed_on=day(40),
            changed_at=FIXED_NOW,
        )
        connection.execute(  # a correction: it was a drop-out, not a start
            changes.update()
            .where(changes.c.referral_id == key(skipped), changes.c.status == "gestart")
            .values(status="afgehaakt")
        )
        connection.execute(  # a completion recorded on the wrong referral, moved to the right one
            changes.update()
            .where(changes.c.referral_id == key(completed), changes.c.status == "afgerond")
            .values(referral_id=key(no_history))
        )
    assert progress() == {
        completed: (True, False, day(9)),
        skipped: (False, False, None),
        proposed: (True, True, day(40)),
        no_history: (True, True, day(60)),
    }
    with empty_store.engine.begin() as connection:
        connection.execute(changes.delete().where(changes.c.id == key(finished)))
    assert progress()[proposed] == (False, False, None)

    migrate.downgrade(empty_store, "0205")
    assert history() == 8
    with empty_store.engine.begin() as connection:
        names = {c["name"] for c in inspect(connection).get_columns("referrals")}
        assert not names & {"reached_started", "reached_completed", "enrolled_on"}
        # no trigger is left to write to the dropped columns
        add(
            connection,
            "referral_status_changes",
            referral_id=key(proposed),
            status="gestart",
            changed_on=day(50),
            changed_at=FIXED_NOW,
        )
    assert history() == 9
