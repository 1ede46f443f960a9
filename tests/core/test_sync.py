"""The exchange file: session pack and return pack, merge, conflicts, erasures, and every refusal."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from leerwinkel.actor import Actor
from leerwinkel.app import Leerwinkel, open_app
from leerwinkel.catalogue import index as search_index
from leerwinkel.config import Config
from leerwinkel.errors import ExchangeError
from leerwinkel.ids import ClientId
from leerwinkel.intake.types import IntakeInput, PersonInput, WishInput
from leerwinkel.messages import describe, field_label
from leerwinkel.storage.models import Client, Intake, Location, Offering, OfferingLocation, SyncAuditEvent, SyncPeer
from leerwinkel.storage.store import row_counts
from leerwinkel.sync import pack
from leerwinkel.sync.merge import ERASED
from leerwinkel.sync.service import SessionScope
from tests.conftest import FIXED_NOW
from tests.factories import TEST_CREDENTIALS, TEST_USER, FakeClock, provision_test_keyring

PRISON = "gevangenis-mechelen"
SESSION_DAY = dt.date(2026, 3, 18)
PASSPHRASE = "zeven-olifanten-dragen-een-blauwe-stoel"


@pytest.fixture(autouse=True)
def _cheap_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pack, "SCRYPT_LOG_N", 10)  # the factor travels in the header: safe to lower here


def _open(config: Config) -> Leerwinkel:
    if config.uses_sqlite:
        provision_test_keyring(config.data_dir)
    facade = open_app(config, clock=FakeClock(FIXED_NOW), credentials=TEST_CREDENTIALS if config.uses_sqlite else None)
    if not config.uses_sqlite:
        facade.auth.create_first_admin(TEST_USER, TEST_CREDENTIALS.password)
        facade.auth.login(TEST_CREDENTIALS)
    return facade


@pytest.fixture
def office(tmp_path: Path, database_url: str | None) -> Iterator[Leerwinkel]:
    facade = _open(Config(data_dir=tmp_path / "office", database_url=database_url))
    facade.sync.configure(me(facade), name="Kantoor")
    try:
        yield facade
    finally:
        facade.close()


@pytest.fixture
def laptop(tmp_path: Path) -> Iterator[Leerwinkel]:
    facade = _open(Config(data_dir=tmp_path / "laptop"))
    facade.sync.configure(me(facade), name="Laptop LIO", role="laptop")
    try:
        yield facade
    finally:
        facade.close()


def me(app: Leerwinkel) -> Actor:
    actor = app.auth.current
    assert actor is not None
    return actor


def new_client(app: Leerwinkel, name: str, *, booked: bool = True) -> ClientId:
    form = IntakeInput(
        person=PersonInput(first_name=name, detained=True, prison_site_code=PRISON),
        wishes=(WishInput("vca", description="VCA-basis"),),
        next_appointment="18/03/2026 10:00" if booked else "",
    )
    return app.clients.record_intake(form, actor=me(app)).client.id


def set_notes(app: Leerwinkel, client_id: ClientId, notes: str) -> None:
    with app.store.unit_of_work() as session:
        row = session.get(Client, client_id)
        assert row is not None
        row.notes = notes


def notes_of(app: Leerwinkel, client_id: ClientId) -> str | None:
    with app.store.unit_of_work() as session:
        row = session.get(Client, client_id)
        return None if row is None else row.notes


def offering_inside(app: Leerwinkel) -> object:
    """An offering given inside the Mechelen prison (from the bundled catalogue)."""
    with app.store.unit_of_work() as session:
        return session.scalars(
            select(Offering.id)
            .join(OfferingLocation, OfferingLocation.offering_id == Offering.id)
            .join(Location, Location.id == OfferingLocation.location_id)
            .where(Offering.in_prison.is_(True), Location.prison_site_code == PRISON)
            .limit(1)
        ).one()


def external_id_of(app: Leerwinkel, offering_id: object) -> str:
    with app.store.unit_of_work() as session:
        return session.scalars(select(Offering.external_id).where(Offering.id == offering_id)).one()


def session_pack(office: Leerwinkel, target: Path, *, to: str = "laptop-lio") -> Path:
    """A session pack for the laptop: by the name the office gives it first, then by the one it told."""
    office.sync.export(
        me(office),
        to=to,
        target=target,
        passphrase=PASSPHRASE,
        scope=SessionScope(prison=PRISON, on=SESSION_DAY),
    )
    return target


def exchange(sender: Leerwinkel, receiver: Leerwinkel, target: Path, *, to: str, scope: SessionScope | None = None):  # type: ignore[no-untyped-def]
    sender.sync.export(me(sender), to=to, target=target, passphrase=PASSPHRASE, scope=scope)
    return receiver.sync.import_file(me(receiver), target, passphrase=PASSPHRASE)


def test_a_prison_session_by_passphrase_carries_only_the_booked_clients_and_comes_back(
    office: Leerwinkel, laptop: Leerwinkel, tmp_path: Path
) -> None:
    ada = new_client(office, "Ada")
    bert = new_client(office, "Bert")
    other = new_client(office, "Cas", booked=False)
    inside = offering_inside(office)
    with office.store.unit_of_work() as session:
        offering = session.get(Offering, inside)
        assert offering is not None
        offering.schedule_note = "Vanaf april op dinsdag."
    path = session_pack(office, tmp_path / "sessie.lwsync")
    # Nothing of what travels is readable in the file: the passphrase and a sentence the pack carries (a
    # needle of three letters, the name "Ada", turned up by chance in the ciphertext now and then).
    sealed = path.read_bytes()
    assert PASSPHRASE.encode() not in sealed and b"Vanaf april op dinsdag" not in sealed

    summary = laptop.sync.import_file(me(laptop), path, passphrase=PASSPHRASE)
    assert summary.kind == "session" and summary.new > 0 and summary.conflicts == 0
    assert summary.changes.clients and summary.changes.catalogue
    with laptop.store.unit_of_work() as session:
        assert (
            session.scalars(
                select(Offering.schedule_note).where(Offering.external_id == external_id_of(office, inside))
            ).one()
            == "Vanaf april op dinsdag."
        )
    assert notes_of(laptop, ada) == "" and notes_of(laptop, bert) == ""
    assert notes_of(laptop, other) is None  # not booked for this session: it stays at the office

    # In prison: a note about Ada, and a newcomer.
    set_notes(laptop, ada, "Wil graag starten in september.")
    newcomer = new_client(laptop, "Dirk")
    back = exchange(laptop, office, tmp_path / "terug.lwsync", to="Kantoor")
    assert back.kind == "return"
    assert back.updated >= 1 and back.new >= 1 and back.conflicts == 0
    assert notes_of(office, ada) == "Wil graag starten in september."
    assert notes_of(office, newcomer) == ""
    with office.store.unit_of_work() as session:
        # the laptop's audit trail arrived beside the office's own, with its signed anchor
        assert session.scalars(select(SyncAuditEvent)).first() is not None
    peers = {p.name: p for p in office.sync.peers()}
    assert peers["Laptop LIO"].last_received >= 1

    # The same file again changes nothing.
    before = row_counts(office.store)
    again = office.sync.import_file(me(office), tmp_path / "terug.lwsync", passphrase=PASSPHRASE)
    assert (again.new, again.updated, again.conflicts, again.removed) == (0, 0, 0, 0)
    after = row_counts(office.store)
    assert {k: v for k, v in after.items() if k != "audit_events"} == {
        k: v for k, v in before.items() if k != "audit_events"
    }


def test_enrolled_devices_exchange_without_a_passphrase(office: Leerwinkel, laptop: Leerwinkel, tmp_path: Path) -> None:
    office.sync.write_enrolment(me(office), tmp_path / "kantoor.json")
    laptop.sync.write_enrolment(me(laptop), tmp_path / "laptop.json")
    assert office.sync.read_enrolment(tmp_path / "laptop.json").fingerprint == laptop.sync.device().fingerprint
    office.sync.enrol(me(office), tmp_path / "laptop.json")
    laptop.sync.enrol(me(laptop), tmp_path / "kantoor.json")
    ada = new_client(office, "Ada")

    office.sync.export(
        me(office), to="Laptop LIO", target=tmp_path / "s.lwsync", scope=SessionScope(prison=PRISON, on=SESSION_DAY)
    )
    laptop.sync.import_file(me(laptop), tmp_path / "s.lwsync")
    set_notes(laptop, ada, "Gesprek gehad.")
    laptop.sync.export(me(laptop), to="Kantoor", target=tmp_path / "r.lwsync")
    office.sync.import_file(me(office), tmp_path / "r.lwsync")
    assert notes_of(office, ada) == "Gesprek gehad."


def test_a_laptop_only_gets_a_session_not_the_whole_office(
    office: Leerwinkel, laptop: Leerwinkel, tmp_path: Path
) -> None:
    laptop.sync.write_enrolment(me(laptop), tmp_path / "laptop.json")
    office.sync.enrol(me(office), tmp_path / "laptop.json")
    with pytest.raises(ExchangeError) as refused:
        office.sync.export(me(office), to="Laptop LIO", target=tmp_path / "alles.lwsync")
    assert refused.value.reason == "session-required"
    assert not (tmp_path / "alles.lwsync").exists()


def test_a_field_changed_on_both_sides_is_a_conflict_resolved_field_by_field(
    office: Leerwinkel, laptop: Leerwinkel, tmp_path: Path
) -> None:
    ada = new_client(office, "Ada")
    laptop.sync.import_file(me(laptop), session_pack(office, tmp_path / "1.lwsync"), passphrase=PASSPHRASE)
    set_notes(office, ada, "Kantoor: belt maandag.")
    set_notes(laptop, ada, "Laptop: wil VCA in de gevangenis.")
    with laptop.store.unit_of_work() as session:
        row = session.get(Client, ada)
        assert row is not None
        row.languages = "nl, ar"  # only the laptop changed this: it is taken without a question

    result = exchange(laptop, office, tmp_path / "2.lwsync", to="Kantoor")
    assert result.conflicts == 1
    assert notes_of(office, ada) == "Kantoor: belt maandag."  # nothing overwritten before somebody chooses
    [conflict] = office.sync.conflicts(me(office))
    assert [f.field for f in conflict.fields] == ["notes"]
    assert conflict.client_name == "Ada" and conflict.client_id == ada
    assert conflict.fields[0].remote == "Laptop: wil VCA in de gevangenis."
    with office.store.unit_of_work() as session:
        languages = session.get(Client, ada).languages  # type: ignore[union-attr]
    assert languages == "nl, ar"

    changes = office.sync.resolve(me(office), conflict.id, {"notes": "remote"})
    assert changes.clients and office.sync.conflicts(me(office)) == []
    assert notes_of(office, ada) == "Laptop: wil VCA in de gevangenis."

    # The next session pack settles the laptop too.
    laptop.sync.import_file(me(laptop), session_pack(office, tmp_path / "3.lwsync"), passphrase=PASSPHRASE)
    assert notes_of(laptop, ada) == "Laptop: wil VCA in de gevangenis."
    assert laptop.sync.conflicts(me(laptop)) == []


def test_an_erasure_at_the_office_reaches_the_laptop_and_is_not_brought_back(
    office: Leerwinkel, laptop: Leerwinkel, tmp_path: Path
) -> None:
    ada = new_client(office, "Ada")
    bert = new_client(office, "Bert")
    laptop.sync.import_file(me(laptop), session_pack(office, tmp_path / "1.lwsync"), passphrase=PASSPHRASE)
    office.privacy.erase_client(me(office), ada)
    summary = laptop.sync.import_file(me(laptop), session_pack(office, tmp_path / "2.lwsync"), passphrase=PASSPHRASE)
    assert summary.removed >= 1
    assert notes_of(laptop, ada) is None and notes_of(laptop, bert) == ""

    back = exchange(laptop, office, tmp_path / "3.lwsync", to="Kantoor")
    assert back.new == 0
    assert notes_of(office, ada) is None


def test_the_laptop_forgets_a_session_once_the_office_has_it_all(
    office: Leerwinkel, laptop: Leerwinkel, tmp_path: Path
) -> None:
    ada = new_client(office, "Ada")
    laptop.sync.import_file(me(laptop), session_pack(office, tmp_path / "1.lwsync"), passphrase=PASSPHRASE)
    newcomer = new_client(laptop, "Dirk")
    # Ada is at the office as she is here; Dirk has not been sent yet, so he stays.
    assert laptop.sync.forget_session(me(laptop), "Kantoor") == 1
    assert notes_of(laptop, ada) is None and notes_of(laptop, newcomer) == ""

    exchange(laptop, office, tmp_path / "2.lwsync", to="Kantoor")
    assert notes_of(office, ada) == "" and notes_of(office, newcomer) == ""  # forgetting is not erasing
    # The office heard that the laptop forgot Ada: the next session brings her again.
    laptop.sync.import_file(me(laptop), session_pack(office, tmp_path / "3.lwsync"), passphrase=PASSPHRASE)
    assert notes_of(laptop, ada) == ""
    assert laptop.sync.forget_session(me(laptop), "Kantoor") == 2  # the office acknowledged Dirk
    assert notes_of(laptop, newcomer) is None
    assert notes_of(office, newcomer) == ""


# -- refusals: each with a Dutch sentence, and the database unchanged ---------------------------------


def _state(app: Leerwinkel) -> dict[str, int]:
    counts = row_counts(app.store)
    counts.pop("audit_events", None)  # nothing else; a refusal records nothing at all
    return counts


def _refused(app: Leerwinkel, path: Path, reason: str, *, passphrase: str | None = PASSPHRASE) -> str:
    before = row_counts(app.store)
    with pytest.raises(ExchangeError) as refused:
        app.sync.import_file(me(app), path, passphrase=passphrase)
    assert refused.value.reason == reason
    assert row_counts(app.store) == before
    sentence = describe(refused.value)
    assert "niets gewijzigd" in sentence or "niet ingelezen" in sentence
    return sentence


@pytest.fixture
def sent(office: Leerwinkel, tmp_path: Path) -> Path:
    new_client(office, "Ada")
    return session_pack(office, tmp_path / "sessie.lwsync")


def test_a_wrong_passphrase_is_refused(laptop: Leerwinkel, sent: Path) -> None:
    sentence = _refused(laptop, sent, "wrong-passphrase", passphrase="verkeerde wachtzin")
    assert "wachtzin" in sentence


def test_a_passphrase_file_without_the_passphrase_is_refused(laptop: Leerwinkel, sent: Path) -> None:
    _refused(laptop, sent, "passphrase-required", passphrase=None)


def test_a_truncated_file_is_refused(laptop: Leerwinkel, sent: Path, tmp_path: Path) -> None:
    data = sent.read_bytes()
    for cut in (3, 20, len(data) // 2, len(data) - 1):
        short = tmp_path / f"kort-{cut}.lwsync"
        short.write_bytes(data[:cut])
        assert "onvolledig" in _refused(laptop, short, "truncated")


def test_a_flipped_byte_is_refused(laptop: Leerwinkel, sent: Path, tmp_path: Path) -> None:
    data = sent.read_bytes()
    header_end = len(pack.MAGIC) + 6 + int.from_bytes(data[10:14], "big")
    for position in (header_end - 3, header_end + 20, len(data) // 2, len(data) - 70, len(data) - 1):
        flipped = bytearray(data)
        flipped[position] ^= 0x01
        path = tmp_path / f"omgedraaid-{position}.lwsync"
        path.write_bytes(bytes(flipped))
        assert "beschadigd" in _refused(laptop, path, "damaged")


def test_a_file_for_another_device_is_refused(office: Leerwinkel, laptop: Leerwinkel, tmp_path: Path) -> None:
    laptop.sync.write_enrolment(me(laptop), tmp_path / "laptop.json")
    office.sync.enrol(me(office), tmp_path / "laptop.json")
    new_client(office, "Ada")
    path = tmp_path / "voor-laptop.lwsync"
    office.sync.export(
        me(office), to="Laptop LIO", target=path, passphrase=PASSPHRASE, scope=SessionScope(PRISON, SESSION_DAY)
    )
    third = _open(Config(data_dir=tmp_path / "derde"))
    try:
        assert "ander toestel" in _refused(third, path, "not-for-this-device")
    finally:
        third.close()


def test_a_file_from_an_unknown_device_is_refused(office: Leerwinkel, laptop: Leerwinkel, tmp_path: Path) -> None:
    # The office knows the laptop's keys, but the laptop never enrolled the office.
    laptop.sync.write_enrolment(me(laptop), tmp_path / "laptop.json")
    office.sync.enrol(me(office), tmp_path / "laptop.json")
    new_client(office, "Ada")
    path = tmp_path / "s.lwsync"
    office.sync.export(me(office), to="Laptop LIO", target=path, scope=SessionScope(PRISON, SESSION_DAY))
    assert "niet is ingeschreven" in _refused(laptop, path, "unknown-device", passphrase=None)


def test_a_replayed_older_file_is_refused(office: Leerwinkel, laptop: Leerwinkel, sent: Path, tmp_path: Path) -> None:
    laptop.sync.import_file(me(laptop), sent, passphrase=PASSPHRASE)
    newer = session_pack(office, tmp_path / "nieuwer.lwsync")
    laptop.sync.import_file(me(laptop), newer, passphrase=PASSPHRASE)
    assert "ouder" in _refused(laptop, sent, "replayed")


def test_a_file_from_a_newer_app_version_is_refused(
    laptop: Leerwinkel, office: Leerwinkel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    new_client(office, "Ada")
    monkeypatch.setattr(pack, "__version__", "9.0.0")
    path = session_pack(office, tmp_path / "nieuw.lwsync")
    monkeypatch.undo()
    monkeypatch.setattr(pack, "SCRYPT_LOG_N", 10)
    assert "nieuwere versie" in _refused(laptop, path, "newer-version")
    data = bytearray(session_pack(office, tmp_path / "formaat.lwsync").read_bytes())
    data[len(pack.MAGIC) : len(pack.MAGIC) + 2] = (pack.FORMAT + 1).to_bytes(2, "big")
    (tmp_path / "formaat.lwsync").write_bytes(bytes(data))
    _refused(laptop, tmp_path / "formaat.lwsync", "newer-version")


def test_something_else_is_not_an_exchange_file(laptop: Leerwinkel, tmp_path: Path) -> None:
    path = tmp_path / "brief.lwsync"
    path.write_bytes(b"%PDF-1.7 dit is een brief")
    _refused(laptop, path, "not-an-exchange-file")


def test_an_enrolment_file_that_was_changed_is_refused(laptop: Leerwinkel, office: Leerwinkel, tmp_path: Path) -> None:
    path = tmp_path / "laptop.json"
    laptop.sync.write_enrolment(me(laptop), path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["name"] = "Iemand anders"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ExchangeError) as refused:
        office.sync.enrol(me(office), path)
    assert refused.value.reason == "bad-enrolment"
    assert office.sync.peers() == []


def test_session_scope_needs_a_known_prison(office: Leerwinkel, tmp_path: Path) -> None:
    from leerwinkel.errors import NotFoundError

    with pytest.raises(NotFoundError):
        office.sync.export(
            me(office), to="x", target=tmp_path / "x.lwsync", passphrase=PASSPHRASE, scope=SessionScope("nergens")
        )
    with office.store.unit_of_work() as session:
        assert session.scalars(select(Intake)).first() is None


def test_a_second_installation_posing_as_a_known_device_is_refused(
    office: Leerwinkel, laptop: Leerwinkel, sent: Path, tmp_path: Path
) -> None:
    laptop.sync.import_file(me(laptop), sent, passphrase=PASSPHRASE)
    impostor_dir = tmp_path / "namaak"
    impostor_dir.mkdir()
    (impostor_dir / "device-id").write_text(office.sync.device().device_id + "\n", encoding="ascii")
    impostor = _open(Config(data_dir=impostor_dir))
    try:
        new_client(impostor, "Eva")
        path = session_pack(impostor, tmp_path / "namaak.lwsync")
        assert "andere sleutel" in _refused(laptop, path, "key-changed")
    finally:
        impostor.close()


def test_an_office_sends_everything_only_to_an_office(office: Leerwinkel, tmp_path: Path) -> None:
    new_client(office, "Ada")
    with pytest.raises(ExchangeError) as refused:
        office.sync.export(me(office), to="iemand", target=tmp_path / "alles.lwsync", passphrase=PASSPHRASE)
    assert refused.value.reason == "session-required" and "--everything" in describe(refused.value)
    assert not (tmp_path / "alles.lwsync").exists() and office.sync.peers() == []
    # a first exchange with another office, said in so many words
    summary = office.sync.export(
        me(office), to="Kantoor Lier", target=tmp_path / "alles.lwsync", passphrase=PASSPHRASE, everything=True
    )
    assert summary.kind == "return" and summary.clients == 1


def test_a_file_read_where_it_was_made_is_refused(office: Leerwinkel, sent: Path) -> None:
    assert "zelf gemaakt" in _refused(office, sent, "own-file")


def test_a_catalogue_that_arrives_in_an_exchange_is_searchable_at_once(
    office: Leerwinkel, laptop: Leerwinkel, tmp_path: Path
) -> None:
    """The import files the changed catalogue in the stored search index: the laptop's first search
    does not rebuild it, and finds the office's new wording."""
    new_client(office, "Ada")
    inside = offering_inside(office)
    with office.store.unit_of_work() as session:
        offering = session.get(Offering, inside)
        assert offering is not None
        offering.title = "Heftruckchauffeur in de gevangenis"
    laptop.catalogue.search_index()  # the laptop's index is stored and current before the exchange
    laptop.sync.import_file(me(laptop), session_pack(office, tmp_path / "sessie.lwsync"), passphrase=PASSPHRASE)
    with laptop.store.unit_of_work() as session:
        assert search_index.is_current(session)
    laptop.catalogue.refresh()  # what the change flag makes the catalogue page do
    found = laptop.catalogue.search("heftruckchauffeur").ids
    assert [row.title for row in laptop.catalogue.summaries(found) if row] == ["Heftruckchauffeur in de gevangenis"]


# -- erased on one side, changed on the other ------------------------------------------------------------


def intakes_of(app: Leerwinkel, client_id: ClientId) -> int:
    with app.store.unit_of_work() as session:
        return len(session.scalars(select(Intake).where(Intake.client_id == client_id)).all())


def next_pack(office: Leerwinkel, target: Path) -> Path:
    """A session pack after the laptop's first file: the office knows it by its own name now."""
    return session_pack(office, target, to="Laptop LIO")


def test_erased_at_the_office_and_changed_on_the_laptop_is_a_conflict_the_office_settles(
    office: Leerwinkel, laptop: Leerwinkel, tmp_path: Path
) -> None:
    ada = new_client(office, "Ada")
    laptop.sync.import_file(me(laptop), session_pack(office, tmp_path / "1.lwsync"), passphrase=PASSPHRASE)
    office.privacy.erase_client(me(office), ada)
    set_notes(laptop, ada, "Laptop: wil toch verder met VCA.")

    result = exchange(laptop, office, tmp_path / "2.lwsync", to="Kantoor")
    assert result.conflicts == 1
    assert notes_of(office, ada) == "Laptop: wil toch verder met VCA."  # kept until somebody chooses
    [conflict] = office.sync.conflicts(me(office))
    assert conflict.client_id == ada and conflict.client_name == "Ada"
    assert [(f.field, f.local, f.remote) for f in conflict.fields] == [(ERASED, True, False)]
    assert field_label(conflict.fields[0].field) == "gewist"  # as the Uitwisselen page names it
    assert intakes_of(office, ada) == 1  # the whole client came back with the change, not only the changed row

    office.sync.resolve(me(office), conflict.id, {ERASED: "remote"})  # keep the laptop's version
    assert notes_of(office, ada) == "Laptop: wil toch verder met VCA." and office.sync.conflicts(me(office)) == []
    laptop.sync.import_file(me(laptop), next_pack(office, tmp_path / "3.lwsync"), passphrase=PASSPHRASE)
    assert notes_of(laptop, ada) == "Laptop: wil toch verder met VCA." and laptop.sync.conflicts(me(laptop)) == []


def test_the_erasure_wins_when_the_counsellor_chooses_it(
    office: Leerwinkel, laptop: Leerwinkel, tmp_path: Path
) -> None:
    ada = new_client(office, "Ada")
    laptop.sync.import_file(me(laptop), session_pack(office, tmp_path / "1.lwsync"), passphrase=PASSPHRASE)
    office.privacy.erase_client(me(office), ada)
    set_notes(laptop, ada, "Laptop: nieuw telefoonnummer gevraagd.")
    exchange(laptop, office, tmp_path / "2.lwsync", to="Kantoor")
    [conflict] = office.sync.conflicts(me(office))

    office.sync.resolve(me(office), conflict.id, {ERASED: "local"})
    assert notes_of(office, ada) is None and office.sync.conflicts(me(office)) == []
    summary = laptop.sync.import_file(me(laptop), next_pack(office, tmp_path / "3.lwsync"), passphrase=PASSPHRASE)
    assert summary.removed >= 1 and summary.conflicts == 0
    assert notes_of(laptop, ada) is None  # the laptop's change was seen and set aside by a counsellor


def test_an_erasure_that_reaches_a_changed_record_keeps_it_and_asks(
    office: Leerwinkel, laptop: Leerwinkel, tmp_path: Path
) -> None:
    ada = new_client(office, "Ada")
    bert = new_client(office, "Bert")
    laptop.sync.import_file(me(laptop), session_pack(office, tmp_path / "1.lwsync"), passphrase=PASSPHRASE)
    office.privacy.erase_client(me(office), ada)
    office.privacy.erase_client(me(office), bert)
    set_notes(laptop, ada, "Laptop: gesprek van vandaag.")  # the office's file crosses this change

    summary = laptop.sync.import_file(me(laptop), session_pack(office, tmp_path / "2.lwsync"), passphrase=PASSPHRASE)
    assert summary.conflicts == 1
    assert notes_of(laptop, bert) is None  # unchanged here: the erasure simply wins
    assert notes_of(laptop, ada) == "Laptop: gesprek van vandaag."
    [conflict] = laptop.sync.conflicts(me(laptop))
    assert [(f.field, f.local, f.remote) for f in conflict.fields] == [(ERASED, False, True)]
    assert intakes_of(laptop, ada) == 1  # the client's other rows stay with it until somebody chooses

    laptop.sync.resolve(me(laptop), conflict.id, {ERASED: "local"})  # keep it: the office is asked in turn
    back = exchange(laptop, office, tmp_path / "3.lwsync", to="Kantoor")
    assert back.conflicts == 1 and notes_of(office, ada) == "Laptop: gesprek van vandaag."
    assert intakes_of(office, ada) == 1
    assert notes_of(office, bert) is None
    [at_office] = office.sync.conflicts(me(office))
    office.sync.resolve(me(office), at_office.id, {ERASED: "local"})  # the office erases after all
    laptop.sync.import_file(me(laptop), next_pack(office, tmp_path / "4.lwsync"), passphrase=PASSPHRASE)
    assert notes_of(laptop, ada) is None and notes_of(office, ada) is None
    assert laptop.sync.conflicts(me(laptop)) == [] and office.sync.conflicts(me(office)) == []


def test_an_old_copy_that_had_not_heard_of_the_erasure_is_erased_without_asking(
    office: Leerwinkel, laptop: Leerwinkel, tmp_path: Path
) -> None:
    ada = new_client(office, "Ada")
    laptop.sync.import_file(me(laptop), session_pack(office, tmp_path / "1.lwsync"), passphrase=PASSPHRASE)
    office.privacy.erase_client(me(office), ada)
    set_notes(laptop, new_client(laptop, "Cas"), "nieuw op de laptop")  # something else travels back

    result = exchange(laptop, office, tmp_path / "2.lwsync", to="Kantoor")
    assert result.conflicts == 0 and notes_of(office, ada) is None
    assert office.sync.conflicts(me(office)) == []


# -- audit verify: the trails other devices sent --------------------------------------------------------------


def _laptop_trail_at_the_office(office: Leerwinkel, laptop: Leerwinkel, tmp_path: Path) -> None:
    new_client(office, "Ada")
    laptop.sync.import_file(me(laptop), session_pack(office, tmp_path / "1.lwsync"), passphrase=PASSPHRASE)
    new_client(laptop, "Cas")  # the laptop's own events travel back with its signed anchor
    exchange(laptop, office, tmp_path / "2.lwsync", to="Kantoor")


def _problems(app: Leerwinkel) -> list[str]:
    from leerwinkel.security.cli import AUDIT_PROBLEMS

    return [
        AUDIT_PROBLEMS[p.kind].format(n=p.sequence, since=p.since, detail=p.detail)
        for p in app.audit.verify().problems
        if p.kind.startswith("peer-")
    ]


def test_audit_verify_checks_the_trail_a_laptop_sent_and_finds_an_edit(
    office: Leerwinkel, laptop: Leerwinkel, tmp_path: Path
) -> None:
    _laptop_trail_at_the_office(office, laptop, tmp_path)
    with office.store.unit_of_work() as session:
        received = session.scalars(select(SyncAuditEvent).order_by(SyncAuditEvent.sequence)).all()
        assert len(received) >= 2
        middle = received[len(received) // 2].sequence
    assert office.audit.verify().ok
    with office.store.unit_of_work() as session:
        row = session.get(SyncAuditEvent, (received[0].origin, middle))
        assert row is not None
        row.object_type = "anders"  # somebody with the database file changes what the laptop recorded
    [problem] = _problems(office)
    assert problem.startswith(f"ontvangen logboek van Laptop LIO: gebeurtenis {middle} werd gewijzigd")


def test_audit_verify_finds_received_events_deleted_after_the_signed_anchor(
    office: Leerwinkel, laptop: Leerwinkel, tmp_path: Path
) -> None:
    _laptop_trail_at_the_office(office, laptop, tmp_path)
    with office.store.unit_of_work() as session:
        last = session.scalars(select(SyncAuditEvent).order_by(SyncAuditEvent.sequence.desc())).first()
        assert last is not None
        session.delete(last)  # the newest event of the laptop's trail, gone from the office's copy
        sequence = last.sequence
    [problem] = _problems(office)
    assert problem.startswith(f"ontvangen logboek van Laptop LIO: de gebeurtenissen vanaf nummer {sequence} zijn")


def test_audit_verify_refuses_an_anchor_whose_signature_does_not_match(
    office: Leerwinkel, laptop: Leerwinkel, tmp_path: Path
) -> None:

    _laptop_trail_at_the_office(office, laptop, tmp_path)
    with office.store.unit_of_work() as session:
        peer = session.scalars(select(SyncPeer).where(SyncPeer.name == "Laptop LIO")).one()
        data = json.loads(peer.anchor)
        data["anchor"]["sequence"] = int(data["anchor"]["sequence"]) - 1  # an anchor moved back by hand
        peer.anchor = json.dumps(data)
    assert _problems(office) == [
        "ontvangen logboek van Laptop LIO: het anker draagt geen geldige handtekening van dat toestel"
    ]
    assert not office.audit.verify().ok


def test_the_office_writes_the_laptops_name_its_own_way_and_still_finds_one_peer(
    office: Leerwinkel, laptop: Leerwinkel, tmp_path: Path
) -> None:
    """The first pack goes to "laptop-lio"; once the laptop's file came back the peer is called by the
    name the laptop gave itself, and typing "laptop-lio" again reaches that same peer, not a second one."""
    new_client(office, "Ada")
    laptop.sync.import_file(me(laptop), session_pack(office, tmp_path / "een.lwsync"), passphrase=PASSPHRASE)
    exchange(laptop, office, tmp_path / "terug.lwsync", to="Kantoor")

    def peers() -> list[str]:  # provisional peers included (office.sync.peers() leaves them out)
        with office.store.unit_of_work() as session:
            return list(session.scalars(select(SyncPeer.name)))

    assert peers() == ["Laptop LIO"]
    session_pack(office, tmp_path / "twee.lwsync", to="laptop-lio")
    assert peers() == ["Laptop LIO"]
    again = laptop.sync.import_file(me(laptop), tmp_path / "twee.lwsync", passphrase=PASSPHRASE)
    assert again.conflicts == 0
