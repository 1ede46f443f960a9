"""The closed loop: the referral letter a provider can act on, its reply slip, and recording the reply."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from leerwinkel.errors import InvalidInputError, NotFoundError
from leerwinkel.letters.model import ReferralLetterOptions, reference_of
from leerwinkel.letters.service import LetterService
from leerwinkel.messages import describe
from leerwinkel.referrals.replies import Reply, ReplyService, parse_reference
from leerwinkel.storage.models import AuditEvent, Referral
from leerwinkel.storage.store import Store
from tests.factories import counsellor_actor
from tests.lettersdata import build_referral, set_setting
from tests.pdfcheck import logical_text


def squash(text: str) -> str:
    return " ".join(text.split())


def test_letter_gives_the_provider_everything_to_act_on(store: Store) -> None:
    set_setting(store, "organisation.email", "leerwinkel@example.invalid")
    built = build_referral(store, share=True, detained=True)
    service = LetterService(store)
    reference = reference_of(built.referral_id)  # type: ignore[arg-type]
    text = squash(logical_text(service.referral_letter(built.referral_id).pdf))
    assert "CVO Voorbeeld" in text and "Voorbeeldstraat 1" in text and "2800 Mechelen" in text
    assert "Uw contactpersoon bij de Leerwinkel: Øyvind Çelik" in text
    assert "Antwoordstrook voor de Leerwinkel" in text and f"Referentie: {reference}" in text
    assert "Ingeschreven op:" in text and "Start op:" in text and "Niet toegelaten, omdat:" in text
    assert "Graag terug vóór " in text
    assert "Gevangenis Mechelen" not in text  # detention not ticked: the prison stays out
    with_detention = service.referral_letter(built.referral_id, ReferralLetterOptions(include_detention=True))
    assert "De cliënt verblijft momenteel in Gevangenis Mechelen." in squash(logical_text(with_detention.pdf))


def test_without_consent_the_slip_names_no_client(sqlite_store: Store) -> None:
    built = build_referral(sqlite_store, share=False, first_name="Geheimia")
    text = squash(logical_text(LetterService(sqlite_store).referral_letter(built.referral_id).pdf))
    assert "Antwoordstrook" in text and "Geheimia" not in text and "Cliënt:" not in text


@pytest.mark.parametrize("typed", ["{ref}", "{ref_lower}", "  {digits} ", "LW {digits}"])
def test_typing_the_reference_finds_the_referral(store: Store, typed: str) -> None:
    built = build_referral(store)
    build_referral(store, first_name="Anderling")
    reference = reference_of(built.referral_id)  # type: ignore[arg-type]
    digits = reference.removeprefix("LW-")
    text = typed.format(ref=reference, ref_lower=reference.lower(), digits=digits)
    assert ReplyService(store).find(text).id == built.referral_id


def test_referrals_made_in_the_same_minute_have_references_of_their_own(sqlite_store: Store) -> None:
    """The reference is the id's first eight hex digits: random ids keep them apart (a time-ordered id would
    give every referral of a session the same reference; leerwinkel/ids.py)."""
    built = [build_referral(sqlite_store, first_name=f"Sessie-{number}") for number in range(12)]
    references = {reference_of(b.referral_id) for b in built}  # type: ignore[arg-type]
    assert len(references) == len(built)
    for item in built:
        assert ReplyService(sqlite_store).find(reference_of(item.referral_id)).id == item.referral_id  # type: ignore[arg-type]


def test_unknown_or_malformed_reference(sqlite_store: Store) -> None:
    build_referral(sqlite_store)
    with pytest.raises(NotFoundError):
        ReplyService(sqlite_store).find("LW-00000000")
    with pytest.raises(InvalidInputError) as caught:
        parse_reference("LW-12")
    assert describe(caught.value) == "Referentie: “LW-12” is geen geldige waarde."


def test_reply_enrolled_with_a_start_date_closes_the_loop(store: Store) -> None:
    built = build_referral(store, first_name="Tesfay")
    reference = reference_of(built.referral_id)  # type: ignore[arg-type]
    replies = ReplyService(store)
    result = replies.record(
        reference.lower(),
        Reply(enrolled_on=dt.date(2026, 3, 20), starts_on=dt.date(2027, 1, 11)),
        actor=counsellor_actor(store),
    )
    assert result.changes.referrals and result.referral.status == "ingeschreven"
    assert result.referral.history[-1].changed_on == dt.date(2026, 3, 20)
    assert result.referral.starts_on == dt.date(2027, 1, 11)
    with store.unit_of_work() as session:
        referral = session.get(Referral, built.referral_id)
        assert referral is not None and referral.starts_on == dt.date(2027, 1, 11)
        actions = session.scalars(select(AuditEvent.action)).all()
        assert "referral.reply" in actions
    handout = squash(logical_text(LetterService(store).handout(built.referral_id).pdf))
    assert "Start: maandag 11 januari 2027" in handout
    # a later start date alone keeps the status and moves the date
    again = replies.record(reference, Reply(starts_on=dt.date(2027, 2, 1)), actor=counsellor_actor(store))
    assert again.referral.status == "ingeschreven" and again.referral.starts_on == dt.date(2027, 2, 1)
    assert len(again.referral.history) == len(result.referral.history)


def test_reply_not_admitted_keeps_the_reason(sqlite_store: Store) -> None:
    built = build_referral(sqlite_store)
    reference = reference_of(built.referral_id)  # type: ignore[arg-type]
    result = ReplyService(sqlite_store).record(
        reference, Reply(refused_reason="Niveau A2 nodig."), actor=counsellor_actor(sqlite_store)
    )
    assert result.referral.status == "niet-toegelaten"
    assert result.referral.history[-1].note == "Niveau A2 nodig."


def test_an_empty_or_contradictory_reply_changes_nothing(sqlite_store: Store) -> None:
    built = build_referral(sqlite_store)
    reference = reference_of(built.referral_id)  # type: ignore[arg-type]
    replies = ReplyService(sqlite_store)
    with pytest.raises(InvalidInputError) as caught:
        replies.record(reference, Reply(), actor=counsellor_actor(sqlite_store))
    assert "ingeschreven op, start op of niet toegelaten" in describe(caught.value)
    with pytest.raises(InvalidInputError):
        replies.record(
            reference,
            Reply(enrolled_on=dt.date(2026, 3, 20), refused_reason="vol"),
            actor=counsellor_actor(sqlite_store),
        )
    assert replies.find(reference).status == "voorgesteld"
