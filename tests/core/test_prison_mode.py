"""Prison mode in the core: kept for the day on this laptop; search, proposals and the session print keep inside."""

from __future__ import annotations

import datetime as dt
import logging

import pytest
from sqlalchemy import select

from leerwinkel.app import Leerwinkel
from leerwinkel.catalogue.match import ClientProfile
from leerwinkel.catalogue.search import SearchFilters
from leerwinkel.errors import InvalidInputError
from leerwinkel.letters.model import LetterAction, LetterKind
from leerwinkel.storage.models import Client, Intake, Letter, Referral, Site
from tests.factories import FakeClock
from tests.lettersdata import build_referral
from tests.pdfcheck import logical_text

PRISON = "gevangenis-mechelen"
DAY = dt.date(2026, 3, 16)


def test_chosen_prison_holds_for_the_day_over_a_restart_and_ends_at_midnight(app: Leerwinkel, clock: FakeClock) -> None:
    assert app.prison_mode.current() is None
    assert [p.code for p in app.prison_mode.prisons()][:1] == [PRISON]  # the Leerwinkel's own prison first
    mode = app.prison_mode.start(PRISON)
    assert (mode.site_code, mode.site_name, mode.day) == (PRISON, "Gevangenis Mechelen", DAY)
    again = type(app.prison_mode)(app.store, app.config.data_dir)  # a restart reads the same file
    assert again.current() == mode
    clock.advance(days=1)
    assert again.current() is None  # the next morning starts without it
    clock.advance(days=-1)
    app.prison_mode.stop()
    assert app.prison_mode.current() is None


def test_only_an_active_prison_can_be_chosen(app: Leerwinkel) -> None:
    for code in ("mechelen-sociaal-huis", "nergens"):
        with pytest.raises(InvalidInputError) as caught:
            app.prison_mode.start(code)
        assert caught.value.problems[0].reason == "unknown-prison"
    assert app.prison_mode.current() is None
    app.prison_mode.start(PRISON)
    with app.store.unit_of_work() as session:
        site = session.scalars(select(Site).where(Site.code == PRISON)).one()
        site.active = False  # switched off in Instellingen: prison mode ends
    assert app.prison_mode.current() is None


def test_a_damaged_file_means_prison_mode_is_off(expected_warnings: list[logging.LogRecord], app: Leerwinkel) -> None:
    app.prison_mode.path.write_text("{not json", encoding="utf-8")
    assert app.prison_mode.current() is None
    assert [r.getMessage() for r in expected_warnings] == ["prison mode file unreadable; prison mode is off"]


def test_search_and_proposals_keep_to_the_prisons_locations(app: Leerwinkel) -> None:
    inside = app.catalogue.search("", SearchFilters(prison_site_code=PRISON))
    everything = app.catalogue.search("", SearchFilters())
    assert 0 < inside.total < everything.total
    for info in (app.catalogue.get_offering(i) for i in inside.ids):
        assert PRISON in info.prison_site_codes

    profile = ClientProfile(detained=True, prison_site_code=PRISON, dutch_level="A1")
    free = app.catalogue.match("nt2", profile)
    kept = app.catalogue.match("nt2", profile, inside=PRISON)
    shown = [m.offering_id for m in kept.matches] + [e.offering_id for e in kept.excluded]
    assert shown and len(shown) < len(free.matches) + len(free.excluded)
    assert all(PRISON in app.catalogue.get_offering(i).prison_site_codes for i in shown)


def _book(app: Leerwinkel, client_id: object, at: dt.datetime) -> None:
    with app.store.unit_of_work() as session:
        client = session.get(Client, client_id)
        assert client is not None
        client.prison_site_id = session.scalars(select(Site.id).where(Site.code == PRISON)).one()
        intake = session.scalars(select(Intake).where(Intake.client_id == client.id)).one()
        intake.next_appointment_at = at


def test_the_session_printed_beforehand_lists_the_booked_and_ends_with_the_prisons_catalogue(app: Leerwinkel) -> None:
    earlier = dt.date(2026, 3, 2)  # referred at the office two weeks ago, booked for today's session
    zora = build_referral(
        app.store, first_name="Zora", detained=True, site_code="mechelen-sociaal-huis", referred_on=earlier
    )
    _book(app, zora.client_id, dt.datetime(2026, 3, 16, 13, 30, tzinfo=dt.UTC))
    anton = build_referral(app.store, first_name="Anton", detained=True, referred_on=earlier)
    _book(app, anton.client_id, dt.datetime(2026, 3, 16, 9, 0, tzinfo=dt.UTC))
    with app.store.unit_of_work() as session:  # Anton's referral is closed: he comes, but without a handout
        referral = session.get(Referral, anton.referral_id)
        assert referral is not None
        referral.status = "geannuleerd"
    build_referral(app.store, first_name="Elders", site_code="mechelen-sociaal-huis", referred_on=earlier)

    assert app.letters.session_handouts(PRISON, DAY) == []  # nothing made in the prison today yet
    assert [h.client_name for h in app.letters.session_handouts(PRISON, DAY, with_booked=True)] == ["Zora Đặng"]
    assert [b.name for b in app.letters.booked_clients(PRISON, DAY)] == ["Anton Đặng", "Zora Đặng"]  # by time

    printed = app.letters.session_pdf(PRISON, DAY, with_booked=True, with_catalogue=True, with_letters=False)
    text = " ".join(logical_text(printed.pdf).split())
    cover = text.split("Je volgende stap")[0]
    assert "Afspraken in deze sessie" in cover
    assert cover.index("10:00") < cover.index("Anton") < cover.index("14:30") < cover.index("Zora")
    assert "nog geen verwijzing" in cover and "1 afsprakenblad(en)" in cover
    assert "Elders" not in text
    sheet = text.split("Je volgende stap")[-1]
    assert "Aanbod:" in sheet and "in Gevangenis Mechelen" in sheet
    assert "Nederlandse les voor anderstalige gedetineerden" in sheet  # the bundled catalogue, inside only
    assert printed.with_catalogue and printed.booked == 2

    actor = app.auth.current
    assert app.letters.record_session(printed, LetterAction.PRINTED, actor=actor) == 2
    with app.store.unit_of_work() as session:
        kinds = sorted(row.kind for row in session.scalars(select(Letter)))
    assert kinds == sorted([LetterKind.HANDOUT.value, LetterKind.CATALOGUE.value])


def test_without_the_prison_options_the_session_print_is_as_before(app: Leerwinkel) -> None:
    build_referral(app.store, first_name="Zora", detained=True)
    printed = app.letters.session_pdf(PRISON, DAY, with_letters=False)
    text = logical_text(printed.pdf)
    assert "Afspraken in deze sessie" not in text and "Aanbod:" not in text
    assert not printed.with_catalogue and printed.booked == 0
