"""What a referral's history reached, kept on the referral row by the database, and the report that reads it.

A referral is walked through the app's own services (proposed, sent, enrolled, started, completed;
erased with its client; carried to a session laptop and back), and after each step the columns the
triggers of revision 0210 keep (reached_started, reached_completed, enrolled_on) must equal a recount
from the history, and the report must give what a counsellor counts by hand.
"""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

from sqlalchemy import delete, select, update

from leerwinkel.app import Leerwinkel
from leerwinkel.ids import ClientId, SiteId
from leerwinkel.intake.types import IntakeInput, PersonInput, WishInput
from leerwinkel.referrals.service import ReferralRecord
from leerwinkel.reports import Period
from leerwinkel.reports.figures import OutcomeRow, Report
from leerwinkel.reports.passes import COMPLETED, ENROLMENT_STATUSES, STARTED
from leerwinkel.storage.models import Referral, ReferralStatusChange, Site
from leerwinkel.storage.store import Store
from leerwinkel.sync.tables import SPECS
from tests.conftest import FIXED_NOW
from tests.core import test_sync
from tests.core.test_sync import PASSPHRASE, exchange, me, new_client, session_pack
from tests.factories import FakeClock

# The exchange's fixtures: an office (on both backends), a session laptop, and a cheap passphrase key.
office, laptop, _cheap_scrypt = test_sync.office, test_sync.laptop, test_sync._cheap_scrypt

OFFICE = "mechelen-sociaal-huis"
MARCH, Q2 = Period.month(2026, 3), Period.quarter(2026, 2)
D = dt.date

Progress = tuple[bool, bool, dt.date | None]


def progress(store: Store) -> dict[uuid.UUID, Progress]:
    """Every referral's three columns, after checking that they equal a recount from its history."""
    with store.unit_of_work() as session:
        rows = session.execute(
            select(Referral.id, Referral.reached_started, Referral.reached_completed, Referral.enrolled_on)
        ).all()
        history = session.execute(
            select(ReferralStatusChange.referral_id, ReferralStatusChange.status, ReferralStatusChange.changed_on)
        ).all()
    recount: dict[uuid.UUID, Progress] = {row.id: (False, False, None) for row in rows}
    for referral_id, status, day in history:
        started, completed, enrolled_on = recount[referral_id]
        if status in ENROLMENT_STATUSES and (enrolled_on is None or day < enrolled_on):
            enrolled_on = day
        recount[referral_id] = (
            started or status in (STARTED, COMPLETED),
            completed or status == COMPLETED,
            enrolled_on,
        )
    kept = {row.id: (bool(row.reached_started), bool(row.reached_completed), row.enrolled_on) for row in rows}
    assert kept == recount
    return kept


def programme(report: Report, category: str) -> tuple[int, int, int]:
    """Referred, started, completed of the referrals made in the period for one programme (category)."""
    rows: dict[str, OutcomeRow] = {row.code: row for row in report.outcomes_by_programme}
    row = rows.get(category)
    return (0, 0, 0) if row is None else (row.referred, row.started, row.completed)


def headline(app: Leerwinkel, period: Period, *, site: str | None = None) -> tuple[int, int, int, float | None]:
    """Enrolled, started, completed in the period and the average days from intake to enrolment."""
    report = app.reports.report(period, site=site, today=app.referrals.today())
    o = report.overview
    return o.enrolled, o.started, o.completed, o.enrolment_time.average_days


def intake(app: Leerwinkel, name: str, held_on: str) -> ClientId:
    form = IntakeInput(
        person=PersonInput(first_name=name, last_name="Proefpersoon"),
        wishes=(WishInput("vca", description="VCA-basis"),),
        site_code=OFFICE,
        held_on=held_on,
    )
    return app.clients.record_intake(form, actor=me(app)).client.id


def office_site(app: Leerwinkel) -> SiteId:
    with app.store.unit_of_work() as session:
        return SiteId(session.scalars(select(Site.id).where(Site.code == OFFICE)).one())


def refer(app: Leerwinkel, client: ClientId) -> ReferralRecord:
    made = app.referrals.create(client, category="vca", site_id=office_site(app), actor=me(app))
    return made.referral


def move(app: Leerwinkel, referral: ReferralRecord, status: str, on: dt.date) -> ReferralRecord:
    return app.referrals.set_status(referral, status, on=on, actor=me(app)).referral


def test_a_referral_walked_through_its_statuses(app: Leerwinkel, clock: FakeClock) -> None:
    ada = intake(app, "Ada", "16/03/2026")  # FIXED_NOW is Monday 16 March 2026
    first, second = refer(app, ada), refer(app, ada)
    assert progress(app.store) == {first.id: (False, False, None), second.id: (False, False, None)}
    assert headline(app, MARCH) == (0, 0, 0, None)

    clock.advance(days=2)
    first = move(app, first, "verstuurd", D(2026, 3, 18))
    assert progress(app.store)[first.id] == (False, False, None)

    clock.advance(days=7)  # the provider's answer, recorded the day after
    first = move(app, first, "ingeschreven", D(2026, 3, 24))
    assert progress(app.store)[first.id] == (False, False, D(2026, 3, 24))
    assert headline(app, MARCH) == (1, 0, 0, 8.0)  # 16 -> 24 March
    assert programme(app.reports.report(MARCH, today=app.referrals.today()), "vca") == (2, 0, 0)

    # The second referral skips "ingeschreven": its start is its enrolment, until the enrolment a day
    # earlier is entered late (the history's first enrolment counts, not the first one recorded).
    second = move(app, second, "gestart", D(2026, 3, 20))
    assert progress(app.store)[second.id] == (True, False, D(2026, 3, 20))
    second = move(app, second, "ingeschreven", D(2026, 3, 19))
    assert progress(app.store)[second.id] == (True, False, D(2026, 3, 19))
    # Two enrolments in March, 8 and 3 days after the intake; one start, dated in March.
    assert headline(app, MARCH) == (2, 1, 0, 5.5)
    assert headline(app, MARCH, site=OFFICE) == (2, 1, 0, 5.5)
    assert headline(app, MARCH, site="gevangenis-mechelen") == (0, 0, 0, None)

    clock.advance(days=14)
    first = move(app, first, "gestart", D(2026, 4, 6))
    clock.advance(days=90)
    first = move(app, first, "afgerond", D(2026, 6, 29))
    assert progress(app.store)[first.id] == (True, True, D(2026, 3, 24))
    # Q2: nobody enrolled, one start and one completion (both the first referral's).
    assert headline(app, Q2) == (0, 1, 1, None)
    # March's referrals: two made for VCA, both started, one completed.
    assert programme(app.reports.report(MARCH, today=app.referrals.today()), "vca") == (2, 2, 1)

    # Dropped out after all: the completion stays in the history, and the referral still reached it.
    first = move(app, first, "afgehaakt", D(2026, 6, 30))
    assert progress(app.store)[first.id] == (True, True, D(2026, 3, 24))
    assert programme(app.reports.report(MARCH, today=app.referrals.today()), "vca") == (2, 2, 1)


def test_the_history_corrected_or_removed_below_the_services(app: Leerwinkel, clock: FakeClock) -> None:
    """The services never edit or delete a status change; an exchange or a repair may: the columns follow."""
    bea = intake(app, "Bea", "16/03/2026")
    one, other = refer(app, bea), refer(app, bea)
    clock.advance(days=10)
    one = move(app, one, "ingeschreven", D(2026, 3, 20))
    one = move(app, one, "gestart", D(2026, 3, 25))
    one = move(app, one, "afgerond", D(2026, 3, 26))
    assert headline(app, MARCH) == (1, 1, 1, 4.0)

    with app.store.unit_of_work() as session:  # the enrolment was on the 18th, not the 20th
        session.execute(
            update(ReferralStatusChange)
            .where(ReferralStatusChange.referral_id == one.id, ReferralStatusChange.status == "ingeschreven")
            .values(changed_on=D(2026, 3, 18))
        )
    assert progress(app.store)[one.id] == (True, True, D(2026, 3, 18))
    assert headline(app, MARCH) == (1, 1, 1, 2.0)

    with app.store.unit_of_work() as session:  # the completion was typed on the wrong referral
        change = session.scalars(
            select(ReferralStatusChange).where(
                ReferralStatusChange.referral_id == one.id, ReferralStatusChange.status == COMPLETED
            )
        ).one()
        change.referral_id = other.id
    kept = progress(app.store)
    assert kept[one.id] == (True, False, D(2026, 3, 18))
    assert kept[other.id] == (True, True, D(2026, 3, 26))  # a completion implies the enrolment
    assert headline(app, MARCH) == (2, 1, 1, 6.0)  # 2 and 10 days

    with app.store.unit_of_work() as session:  # and it never happened
        session.execute(delete(ReferralStatusChange).where(ReferralStatusChange.status == COMPLETED))
    assert progress(app.store)[other.id] == (False, False, None)
    assert headline(app, MARCH) == (1, 1, 0, 2.0)


def test_erasing_a_client_takes_their_referrals_out_of_the_figures(app: Leerwinkel, clock: FakeClock) -> None:
    cas = intake(app, "Cas", "16/03/2026")
    dirk = intake(app, "Dirk", "16/03/2026")
    kept, erased = refer(app, cas), refer(app, dirk)
    clock.advance(days=5)
    kept = move(app, kept, "ingeschreven", D(2026, 3, 19))
    erased = move(app, erased, "gestart", D(2026, 3, 21))
    assert headline(app, MARCH) == (2, 1, 0, 4.0)

    app.privacy.erase_client(me(app), dirk)
    assert set(progress(app.store)) == {kept.id}
    assert erased.id not in progress(app.store)
    assert headline(app, MARCH) == (1, 0, 0, 3.0)

    with app.store.unit_of_work() as session:  # the database's own cascade, without the ORM
        session.execute(delete(Referral).where(Referral.id == kept.id))
    assert progress(app.store) == {}
    assert headline(app, MARCH) == (0, 0, 0, None)


def test_a_referral_moved_on_a_session_laptop_arrives_with_its_history(
    office: Leerwinkel, laptop: Leerwinkel, tmp_path: Path
) -> None:
    ada = new_client(office, "Ada")  # detained, booked for the prison session; her intake is today
    referral = office.referrals.create(ada, category="vca", actor=me(office)).referral
    referral = office.referrals.set_status(referral, "verstuurd", actor=me(office)).referral
    laptop.sync.import_file(me(laptop), session_pack(office, tmp_path / "sessie.lwsync"), passphrase=PASSPHRASE)
    assert progress(laptop.store)[referral.id] == (False, False, None)

    # In prison the counsellor hears that Ada enrolled and started today.
    on_laptop = laptop.referrals.get(referral.id)
    on_laptop = laptop.referrals.set_status(on_laptop, "ingeschreven", actor=me(laptop)).referral
    laptop.referrals.set_status(on_laptop, "gestart", actor=me(laptop))
    today = FIXED_NOW.date()
    assert progress(laptop.store)[referral.id] == (True, False, today)

    back = exchange(laptop, office, tmp_path / "terug.lwsync", to="Kantoor")
    assert back.conflicts == 0
    # The columns do not travel: the office's triggers recomputed them from the history that did.
    assert not {"reached_started", "reached_completed", "enrolled_on"} & set(SPECS["referrals"].columns)
    assert progress(office.store)[referral.id] == (True, False, today)
    assert headline(office, MARCH) == (1, 1, 0, 0.0)
    assert programme(office.reports.report(MARCH, today=today), "vca") == (1, 1, 0)
