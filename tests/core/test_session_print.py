"""A prison session in one print job: one PDF, a cover list, sorted by client, progress and cancel."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from sqlalchemy import func, select

from leerwinkel import typeset
from leerwinkel.letters.model import LetterAction
from leerwinkel.letters.service import LetterService
from leerwinkel.letters.session import SessionCancelled
from leerwinkel.storage.models import Letter
from leerwinkel.storage.store import Store
from tests.factories import counsellor_actor
from tests.lettersdata import build_referral
from tests.pdfcheck import assert_pages_not_blank, logical_text, pdf_fonts

DAY = dt.date(2026, 3, 16)


def session_of_three(store: Store) -> list[object]:
    ids = [
        build_referral(store, first_name=name, last_name="Voorbeeld", detained=True).referral_id
        for name in ("Zora", "Mohammed محمد", "Anton")
    ]
    build_referral(store, first_name="Elders", site_code="mechelen-sociaal-huis")  # another site: left out
    return ids


def test_one_pdf_with_a_cover_list_sorted_by_client(sqlite_store: Store) -> None:
    ids = session_of_three(sqlite_store)
    service = LetterService(sqlite_store)
    seen: list[tuple[int, int]] = []
    printed = service.session_pdf(
        "gevangenis-mechelen", DAY, languages={ids[1]: "nl-ar"}, progress=lambda done, total: seen.append((done, total))
    )
    text = logical_text(printed.pdf)
    cover = text.split("Je volgende stap")[0]
    assert "Sessie Gevangenis Mechelen op 16 maart 2026" in cover
    assert cover.index("Anton") < cover.index("Mohammed") < cover.index("Zora")
    assert "Elders" not in text
    assert "Afsprakenblad: العربية + verwijsbrief" in " ".join(cover.split())
    assert "خطوتك التالية" in text and text.count("Antwoordstrook voor de Leerwinkel") == 3
    assert assert_pages_not_blank(printed.pdf) == 1 + 3 * 3  # cover; per client a handout and a letter of two
    fonts = pdf_fonts(printed.pdf)
    assert all(fonts.values()) and all("+NotoSans" in name for name in fonts), fonts
    embedded = len(re.findall(rb"/FontFile2", printed.pdf))
    assert embedded == len(fonts), "every font embedded once for the whole session"
    assert seen[-1] == (3, 3) and [done for done, _ in seen] == sorted(done for done, _ in seen)
    assert [part[0] for part in printed.parts] == [ids[2], ids[1], ids[0]]


def test_cancel_stops_the_job_and_registers_nothing(sqlite_store: Store) -> None:
    session_of_three(sqlite_store)
    service = LetterService(sqlite_store)
    calls: list[int] = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 2  # the counsellor presses Stop while the second client is made

    with pytest.raises(SessionCancelled):
        service.session_pdf("gevangenis-mechelen", DAY, cancelled=cancelled)
    with sqlite_store.unit_of_work() as session:
        assert session.scalar(select(func.count()).select_from(Letter)) == 0


def test_recording_a_session_registers_every_paper(sqlite_store: Store) -> None:
    session_of_three(sqlite_store)
    service = LetterService(sqlite_store)
    printed = service.session_pdf("gevangenis-mechelen", DAY, with_letters=False)
    assert service.record_session(printed, LetterAction.PRINTED, actor=counsellor_actor(sqlite_store)) == 3
    with sqlite_store.unit_of_work() as session:
        rows = session.scalars(select(Letter)).all()
        assert {row.kind for row in rows} == {"afsprakenblad"} and len({row.sha256 for row in rows}) == 1


def test_parsed_paragraphs_kept_between_prints_change_no_byte(sqlite_store: Store) -> None:
    """The fixed sentences are parsed once and reused (typeset's paragraph cache): a print with every
    paragraph already parsed is byte for byte the print made from nothing, in Dutch, Arabic and Tigrinya."""
    ids = session_of_three(sqlite_store)
    service = LetterService(sqlite_store)
    languages = {ids[0]: "nl-ti", ids[1]: "nl-ar"}

    def print_all() -> bytes:
        printed = service.session_pdf("gevangenis-mechelen", DAY, languages=languages)
        return printed.pdf + service.handout(ids[2]).pdf + service.referral_letter(ids[0]).pdf

    typeset.clear_caches()
    cold = print_all()
    warm = print_all()
    assert warm == cold
    typeset.clear_caches()
    assert print_all() == cold
