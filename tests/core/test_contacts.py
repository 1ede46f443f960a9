"""The contact log, dated status changes, hand-over, "Mijn cliënten", the timeline and GDPR for contacts."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from leerwinkel.actor import Actor
from leerwinkel.app import Leerwinkel
from leerwinkel.errors import InvalidInputError, PermissionDeniedError
from leerwinkel.ids import ClientId
from leerwinkel.intake.types import IntakeInput, PersonInput
from leerwinkel.letters.model import LetterAction
from leerwinkel.storage.models import Contact, ReferralStatusChange
from tests.factories import TEST_CREDENTIALS

COLLEAGUE_PASSWORD = "collega-wachtwoord-2026"


def me(app: Leerwinkel) -> Actor:
    actor = app.auth.current
    assert actor is not None
    return actor


def new_client(app: Leerwinkel, name: str) -> ClientId:
    saved = app.clients.record_intake(IntakeInput(person=PersonInput(first_name=name)), actor=me(app))
    return saved.client.id


def test_a_contact_is_logged_with_its_day_kind_note_and_counsellor(app: Leerwinkel) -> None:
    client_id = new_client(app, "Contactia")
    yesterday = app.contacts.today() - dt.timedelta(days=1)
    result = app.contacts.add(
        client_id, kind="bezoek-gevangenis", happened_on=yesterday, note="Bezoek: wil VCA", actor=me(app)
    )
    assert result.changes.clients
    app.contacts.add(client_id, kind="telefoon", note="Teruggebeld", actor=me(app))
    contacts = app.contacts.list(client_id, actor=me(app))
    assert [(c.kind, c.happened_on, c.note, c.counsellor_name) for c in contacts] == [
        ("telefoon", app.contacts.today(), "Teruggebeld", me(app).display_name),
        ("bezoek-gevangenis", yesterday, "Bezoek: wil VCA", me(app).display_name),
    ]
    events = app.audit.events(me(app), limit=2)
    assert [e.action for e in events] == ["contact.add", "contact.add"]
    assert "Bezoek" not in json.dumps([e.detail for e in events])  # the note never goes into the audit trail
    timeline = app.clients.timeline(client_id)
    logged = [e for e in timeline if e.kind == "contact"]
    assert [(e.title, e.detail, e.actor) for e in logged] == [
        ("Telefoon", "Teruggebeld", me(app).display_name),
        ("Bezoek in de gevangenis", "Bezoek: wil VCA", me(app).display_name),
    ]


@pytest.mark.parametrize(
    ("kind", "days", "note", "reason"),
    [
        ("fax", 0, "", "unknown-code"),
        ("telefoon", -1, "", "future-date"),
        ("telefoon", 0, "x" * 2001, "too-long"),
    ],
)
def test_a_bad_contact_is_refused_and_changes_nothing(
    app: Leerwinkel, kind: str, days: int, note: str, reason: str
) -> None:
    client_id = new_client(app, "Weigeria")
    day = app.contacts.today() - dt.timedelta(days=days)
    with pytest.raises(InvalidInputError) as caught:
        app.contacts.add(client_id, kind=kind, happened_on=day, note=note, actor=me(app))
    assert [p.reason for p in caught.value.problems] == [reason]
    assert app.contacts.list(client_id, actor=me(app)) == ()


def test_nobody_signed_in_cannot_log_or_read_contacts(app: Leerwinkel) -> None:
    client_id = new_client(app, "Niemandia")
    with pytest.raises(PermissionDeniedError):
        app.contacts.add(client_id, kind="gesprek", actor=None)
    with pytest.raises(PermissionDeniedError):
        app.contacts.list(client_id, actor=None)


def test_a_status_change_keeps_the_day_it_happened_apart_from_when_it_was_typed(app: Leerwinkel) -> None:
    client_id = new_client(app, "Statusia")
    store = app.store
    referral = app.referrals.create(client_id, category="vca", actor=me(app)).referral
    store.clock.advance(days=3)  # type: ignore[attr-defined]
    today = app.referrals.today()
    yesterday = today - dt.timedelta(days=1)
    changed = app.referrals.set_status(referral, "verstuurd", on=yesterday, actor=me(app)).referral
    assert [(h.status, h.changed_on) for h in changed.history] == [
        ("voorgesteld", referral.referred_on),
        ("verstuurd", yesterday),
    ]
    with store.unit_of_work() as session:
        row = session.scalars(select(ReferralStatusChange).where(ReferralStatusChange.status == "verstuurd")).one()
        assert row.changed_on == yesterday and row.changed_at == store.now()
    status_line = next(e for e in app.clients.timeline(client_id) if e.kind == "status")
    assert status_line.title.endswith("Verstuurd") and status_line.actor == me(app).display_name
    with pytest.raises(InvalidInputError) as future:
        app.referrals.set_status(changed, "ingeschreven", on=today + dt.timedelta(days=1), actor=me(app))
    assert future.value.problems[0].reason == "future-date"
    with pytest.raises(InvalidInputError) as early:
        app.referrals.set_status(changed, "ingeschreven", on=referral.referred_on - dt.timedelta(days=1), actor=me(app))
    assert early.value.problems[0].reason == "before-referral"
    assert app.referrals.get(referral.id).status == "verstuurd"


def test_mijn_clienten_and_handing_a_client_to_a_colleague(app: Leerwinkel) -> None:
    colleague = app.auth.create_account(me(app), "collega", COLLEAGUE_PASSWORD, display_name="Collega Proef")
    mine = new_client(app, "Eigenia")
    other = new_client(app, "Overdragia")
    app.referrals.create(other, category="nt2", actor=me(app))
    assert {c.name for c in app.contacts.my_clients(actor=me(app))} == {"Eigenia", "Overdragia"}
    followed = app.contacts.followed_by(other, actor=me(app))
    assert followed.counsellor is not None and followed.counsellor.id == me(app).id and not followed.assigned
    assert colleague.id in [c.id for c in app.contacts.counsellors(actor=me(app))]

    changes = app.contacts.hand_over(other, colleague.id, actor=me(app))
    assert changes.clients
    assert [c.name for c in app.contacts.my_clients(actor=me(app))] == ["Eigenia"]
    followed = app.contacts.followed_by(other, actor=me(app))
    assert followed.counsellor is not None and followed.counsellor.name == "Collega Proef" and followed.assigned
    event = app.audit.events(me(app), limit=1)[0]
    assert event.action == "client.handover" and event.object_id == str(other)
    assert str(colleague.id) in event.detail

    app.auth.logout()
    app.auth.login(type(TEST_CREDENTIALS)("collega", COLLEAGUE_PASSWORD))
    theirs = app.contacts.my_clients(actor=app.auth.current)
    assert [(c.name, c.open_referrals) for c in theirs] == [("Overdragia", 1)]
    assert theirs[0].next_follow_up == app.referrals.list(client_id=other)[0].follow_up_on
    assert mine not in [c.client_id for c in theirs]


def test_the_timeline_names_the_provider_the_language_and_who_acted(app: Leerwinkel) -> None:
    from tests.core.catalogue_data import add_offering, add_provider

    add_provider(app.store, "cvo-tijd", "CVO Tijdlijn", locations=[{"id": "cvo-tijd-m", "city": "Mechelen"}])
    add_offering(app.store, "vca-tijd", "cvo-tijd", "VCA basis", "vca", locations=["cvo-tijd-m"])
    from leerwinkel.storage.models import Offering

    with app.store.unit_of_work() as session:
        offering_id = session.scalars(select(Offering.id).where(Offering.title == "VCA basis")).one()
    client_id = new_client(app, "Tijdlina")
    referral = app.referrals.create(client_id, category="vca", offering_id=offering_id, actor=me(app)).referral
    app.letters.record(app.letters.handout(referral.id, "nl-en"), LetterAction.PRINTED, actor=me(app))
    timeline = app.clients.timeline(client_id)
    letter = next(e for e in timeline if e.kind == "letter")
    assert (letter.language, letter.provider, letter.actor) == ("nl-en", "CVO Tijdlijn", me(app).display_name)
    line = next(e for e in timeline if e.kind == "referral")
    assert (line.title, line.provider, line.actor) == ("VCA basis", "CVO Tijdlijn", me(app).display_name)
    intake = next(e for e in timeline if e.kind == "intake")
    assert intake.actor == me(app).display_name


def test_export_includes_and_erase_removes_the_contacts(app: Leerwinkel, tmp_path: Path) -> None:
    client_id = new_client(app, "Inzagecontact")
    keep = new_client(app, "Blijfcontact")
    app.contacts.add(client_id, kind="e-mail", note="Mail over inschrijving", actor=me(app))
    app.contacts.add(keep, kind="brief", note="Brief gestuurd", actor=me(app))
    export = app.privacy.export_client(me(app), client_id, tmp_path)
    data = json.loads(export.json_path.read_text(encoding="utf-8"))
    assert [(c["kind"], c["note"]) for c in data["contacts"]] == [("e-mail", "Mail over inschrijving")]
    app.privacy.erase_client(me(app), client_id)
    with app.store.unit_of_work() as session:
        left = session.scalars(select(Contact.note)).all()
    assert left == ["Brief gestuurd"]


def test_mijn_clienten_follows_the_latest_intake_and_then_the_assignment(app: Leerwinkel) -> None:
    """Whose client it is: an assignment, else the counsellor of the latest intake (a tie of days: the one
    recorded last); worked out in SQL from the counsellor's own intakes (issue 15)."""
    colleague = app.auth.create_account(me(app), "collega", COLLEAGUE_PASSWORD, display_name="Collega Proef")
    admin = me(app)
    first_seen = new_client(app, "Eerstia")  # my intake, then the colleague's later one: the colleague's
    same_day = new_client(app, "Dagtia")  # my intake, then the colleague's the same day: the colleague's
    kept = new_client(app, "Houdia")  # my intake, the colleague's later, but assigned to me: mine
    new_client(app, "Alleenia")  # only my intake: mine
    app.contacts.hand_over(kept, admin.id, actor=admin)
    app.store.clock.advance(days=1)  # type: ignore[attr-defined]
    app.auth.logout()
    app.auth.login(type(TEST_CREDENTIALS)("collega", COLLEAGUE_PASSWORD))
    yesterday = (app.clients.today() - dt.timedelta(days=1)).strftime("%d/%m/%Y")  # the day of my intakes
    for client_id, held_on in ((first_seen, ""), (kept, ""), (same_day, yesterday)):
        record = app.clients.get(client_id)
        form = IntakeInput(person=PersonInput(first_name=record.first_name), held_on=held_on)
        app.clients.record_intake(form, client=record, actor=app.auth.current)
    theirs = {c.name for c in app.contacts.my_clients(actor=app.auth.current)}
    assert theirs == {"Eerstia", "Dagtia"}
    app.auth.logout()
    app.auth.login(TEST_CREDENTIALS)
    assert {c.name for c in app.contacts.my_clients(actor=me(app))} == {"Houdia", "Alleenia"}
    assert colleague.id != admin.id


def test_the_window_names_where_the_data_is_without_counting_rows(app: Leerwinkel) -> None:
    """The status bar's "Gegevens:" line: the SQLite file, or the server's address without its password."""
    where = app.location()
    if app.store.dialect == "sqlite":
        assert where == str(app.config.sqlite_path)
    else:
        assert where == app.info().database_url and where.startswith("postgresql")  # display_url hides a password
