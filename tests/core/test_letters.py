"""Letters: referral letter, handout and catalogue sheet (text, fonts, consent, escaping, registration)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from leerwinkel.actor import Actor
from leerwinkel.errors import InvalidInputError, NotFoundError
from leerwinkel.ids import CounsellorId
from leerwinkel.letters import texts as letter_texts
from leerwinkel.letters.model import ConsentRequiredError, LetterAction, LetterKind, ReferralLetterOptions
from leerwinkel.letters.render import missing_glyphs
from leerwinkel.letters.service import LetterService
from leerwinkel.messages import describe
from leerwinkel.paths import resources_dir
from leerwinkel.storage.models import Client, Letter
from leerwinkel.storage.store import Store
from tests.lettersdata import MARKUP, build_referral, set_setting
from tests.pdfcheck import assert_pages_not_blank, has_links_or_foreign_images, pdf_fonts, pdf_text

NAMES = ("Nguyễn Thị Đặng", "Çelik", "Øyvind", "Al-Saïd")
ALL_OPTIONS = ReferralLetterOptions(
    background="Volgde vroeger al lessen.",
    include_thresholds=True,
    include_vulnerabilities=True,
    include_detention=True,
)


def flat(text: str) -> str:
    return " ".join(text.split())


def test_bundled_font_has_a_glyph_for_every_character_of_the_names() -> None:
    for name in NAMES:
        assert missing_glyphs(name) == set(), name
    assert missing_glyphs("中") == {"中"}  # the check itself can fail


def test_referral_letter_with_consent_shows_client_provider_and_counsellor(store: Store) -> None:
    built = build_referral(store, share=True)
    letter = LetterService(store).referral_letter(built.referral_id)
    text = flat(pdf_text(letter.pdf))
    assert letter.kind is LetterKind.REFERRAL and letter.language == "nl"
    assert "Leerwinkel Regio Mechelen" in text and "Lange Schipstraat 27" in text
    assert "16 maart 2026" in text
    assert "CVO Voorbeeld" in text and "Voorbeeldstraat 1" in text
    assert "Betreft: verwijzing voor Nederlands als tweede taal (NT2)" in text
    assert "Nguyễn Thị Đặng" in text and "0470 00 00 01" in text and "client@example.invalid" in text
    assert "Øyvind Çelik" in text and "trajectbegeleider@example.invalid" in text
    assert "Beter Nederlands spreken" in text
    # background only when ticked
    assert "psychisch" not in text and "kinderopvang" not in text and "gevangenis" not in text.lower()
    assert assert_pages_not_blank(letter.pdf) >= 1
    fonts = pdf_fonts(letter.pdf)
    assert fonts and all(fonts.values()), fonts
    assert all("NotoSans" in name for name in fonts)


def test_referral_letter_shows_ticked_background(sqlite_store: Store) -> None:
    built = build_referral(sqlite_store, share=True, detained=True)
    text = flat(pdf_text(LetterService(sqlite_store).referral_letter(built.referral_id, ALL_OPTIONS).pdf))
    assert "Volgde vroeger al lessen." in text
    assert "kinderopvang" in text
    assert "psychische kwetsbaarheid" in text
    assert "verblijft momenteel in Gevangenis Mechelen." in text and "15 januari 2027" in text
    assert "Gevangenis Mechelen" in text  # the site may show now that detention is ticked


def test_detained_client_letter_hides_the_prison_site_unless_ticked(sqlite_store: Store) -> None:
    built = build_referral(sqlite_store, share=True, detained=True)
    text = flat(pdf_text(LetterService(sqlite_store).referral_letter(built.referral_id).pdf))
    assert "gevangenis" not in text.lower()
    assert "vertrouwelijk" not in text


def test_without_consent_the_letter_holds_no_personal_data(store: Store) -> None:
    built = build_referral(store, share=False)
    service = LetterService(store)
    letter = service.referral_letter(built.referral_id)
    text = flat(pdf_text(letter.pdf))
    for personal in ("Nguyễn", "Đặng", "0470", "client@example.invalid", "Proefstraat", "1990", "Beter Nederlands"):
        assert personal not in text, personal
    info = service.referral_info(built.referral_id)
    assert info.reference in text
    assert "neemt zelf contact met u op" in text
    assert "CVO Voorbeeld" in text and "Nederlands tweede taal, richtgraad 1" in text


@pytest.mark.parametrize(
    ("options", "part"),
    [
        (ReferralLetterOptions(background="Iets over de cliënt"), "background"),
        (ReferralLetterOptions(include_thresholds=True), "thresholds"),
        (ReferralLetterOptions(include_vulnerabilities=True), "vulnerabilities"),
        (ReferralLetterOptions(include_detention=True), "detention"),
    ],
)
def test_without_consent_personal_background_is_refused(
    sqlite_store: Store, options: ReferralLetterOptions, part: str
) -> None:
    built = build_referral(sqlite_store, share=False, detained=True)
    with pytest.raises(ConsentRequiredError) as caught:
        LetterService(sqlite_store).referral_letter(built.referral_id, options)
    assert caught.value.parts == [part]
    sentence = describe(caught.value)
    assert sentence.startswith("De verwijsbrief mag geen ") and "toestemming" in sentence
    assert "Nguyễn" not in sentence


def test_the_latest_consent_applies(sqlite_store: Store) -> None:
    built = build_referral(sqlite_store, share=True)  # older row says no, the latest says yes
    text = pdf_text(LetterService(sqlite_store).referral_letter(built.referral_id).pdf)
    assert "Nguyễn" in text


def test_user_text_is_printed_literally_and_never_as_markup(sqlite_store: Store) -> None:
    built = build_referral(
        sqlite_store, first_name=MARKUP, last_name="<b", share=True, note=MARKUP, counsellor_name="</para><b>"
    )
    service = LetterService(sqlite_store)
    letter = service.referral_letter(built.referral_id, ReferralLetterOptions(background=MARKUP + " & <unclosed"))
    text = flat(pdf_text(letter.pdf))
    assert '<b>vet</b> <img src="/etc/passwd"/> <a href="http://example.invalid/x">klik</a> <i>open' in text
    assert "& <unclosed" in text and "</para><b>" in text
    assert not has_links_or_foreign_images(letter.pdf)
    handout = service.handout(built.referral_id, "nl-en")
    assert '<img src="/etc/passwd"/>' in flat(pdf_text(handout.pdf))
    assert not has_links_or_foreign_images(handout.pdf)


@pytest.mark.parametrize("language", ["nl", "nl-en", "nl-fr"])
def test_handout_has_every_heading_and_is_self_contained(sqlite_store: Store, language: str) -> None:
    built = build_referral(sqlite_store, first_name="Al-Saïd", last_name="Çelik")
    handout = LetterService(sqlite_store).handout(built.referral_id, language)
    assert handout.kind is LetterKind.HANDOUT and handout.language == language
    text = flat(pdf_text(handout.pdf))
    for heading in ("Wat ga je doen?", "Waar?", "Wanneer?", "Wat neem je mee?", "Wat kost het?", "Wie helpt je?"):
        assert heading in text
    assert "Al-Saïd" in text
    assert "Voorbeeldstraat 1" in text and "2800 Mechelen" in text and "015 22 22 22" in text
    assert "maandag tot vrijdag van 9 tot 16 uur" in text
    assert "Je identiteitskaart en een schrift." in text
    assert "Je begeleider is Øyvind." in text
    # the appointment in Belgian time (09:00 UTC is 10:00 in March)
    assert "Je hebt een afspraak bij de Leerwinkel: maandag 23 maart 2026 om 10:00." in text
    if language == "nl-en":
        assert "Who helps you?" in text and "appointment at the Leerwinkel: Monday 23 March 2026 at 10:00." in text
    if language == "nl-fr":
        assert "Où ?" in text and "lundi 23 mars 2026 à 10:00" in text
    assert assert_pages_not_blank(handout.pdf) == 1


def test_handout_for_a_detained_client_shows_the_prison_place(sqlite_store: Store) -> None:
    built = build_referral(sqlite_store, detained=True, appointment=None)
    text = flat(pdf_text(LetterService(sqlite_store).handout(built.referral_id).pdf))
    assert "De les is hier, in de gevangenis." in text and "Voorbeeldstraat 1" not in text
    assert "Je begeleider zegt je de datum bij het volgende bezoek." in text


def test_unknown_handout_language_is_refused(sqlite_store: Store) -> None:
    built = build_referral(sqlite_store)
    with pytest.raises(InvalidInputError) as caught:
        LetterService(sqlite_store).handout(built.referral_id, "nl-xx")
    assert "nl-en" in describe(caught.value)


@pytest.fixture
def extra_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    copy = tmp_path / "resources"
    shutil.copytree(resources_dir(), copy)
    data = json.loads((copy / "letters" / "en.json").read_text(encoding="utf-8"))
    data.update(language="de", name="Deutsch", dutch_name="Duits")
    data["handout"]["title"] = "Dein nächster Schritt"
    (copy / "letters" / "de.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setenv("LEERWINKEL_RESOURCES", str(copy))
    letter_texts.load_texts.cache_clear()
    yield
    letter_texts.load_texts.cache_clear()


@pytest.mark.usefixtures("extra_language")
def test_a_translator_adds_a_language_with_a_file_only(sqlite_store: Store) -> None:
    service = LetterService(sqlite_store)
    assert "nl-de" in service.languages()
    built = build_referral(sqlite_store)
    text = flat(pdf_text(service.handout(built.referral_id, "nl-de").pdf))
    assert "Dein nächster Schritt" in text and "Je volgende stap" in text
    choice = next(c for c in letter_texts.handout_language_choices() if c.code == "nl-de")
    assert choice.label == "Nederlands + Duits (Deutsch) – vertaling nog niet nagekeken" and not choice.reviewed


def test_letterhead_comes_from_the_settings(sqlite_store: Store) -> None:
    set_setting(sqlite_store, "organisation.name", "Leerwinkel Proefstad")
    set_setting(sqlite_store, "organisation.phone", "015 99 99 99")
    set_setting(sqlite_store, "organisation.email", "<b>info@example.invalid")
    built = build_referral(sqlite_store)
    text = flat(pdf_text(LetterService(sqlite_store).handout(built.referral_id).pdf))
    assert "Leerwinkel Proefstad" in text and "015 99 99 99" in text and "<b>info@example.invalid" in text
    assert "Lange Schipstraat 27" in text  # not stored: the default


def test_unreadable_setting_falls_back_to_the_default(sqlite_store: Store) -> None:
    set_setting(sqlite_store, "organisation.name", 42)
    built = build_referral(sqlite_store)
    assert "Leerwinkel Regio Mechelen" in pdf_text(LetterService(sqlite_store).referral_letter(built.referral_id).pdf)


def test_catalogue_sheet_by_city_and_by_prison(store: Store) -> None:
    build_referral(store, offering_title="NT2 avondles")
    build_referral(store, offering_title="VCA basisveiligheid", category="vca", location_city="Lier")
    service = LetterService(store)
    city = service.catalogue_sheet(["nt2"], city="mechelen")
    text = flat(pdf_text(city.pdf))
    assert city.kind is LetterKind.CATALOGUE
    assert "Aanbod: Nederlands als tweede taal (NT2) in mechelen" in text
    assert "NT2 avondles" in text and "VCA" not in text
    assert "Lokaal in de gevangenis" not in text
    both = flat(pdf_text(service.catalogue_sheet(["nt2", "vca"]).pdf))
    assert "NT2 avondles" in both and "VCA basisveiligheid" in both
    prison = flat(pdf_text(service.catalogue_sheet(["vca", "nt2"], prison="gevangenis-mechelen").pdf))
    assert "Gevangenis Mechelen" in prison and "Lokaal in de gevangenis" in prison
    assert "Voorbeeldstraat 1" not in prison
    none = service.catalogue_sheet(["ce-examen"], city="Mechelen")
    assert "Er is geen aanbod gevonden" in pdf_text(none.pdf)
    for pdf in (city.pdf, none.pdf):
        assert_pages_not_blank(pdf)


def test_catalogue_sheet_refuses_unknown_category_and_site(sqlite_store: Store) -> None:
    service = LetterService(sqlite_store)
    with pytest.raises(InvalidInputError):
        service.catalogue_sheet(["geen-categorie"])
    with pytest.raises(InvalidInputError):
        service.catalogue_sheet([])
    with pytest.raises(NotFoundError):
        service.catalogue_sheet(["nt2"], prison="geen-gevangenis")


def test_unknown_referral_is_not_found(sqlite_store: Store) -> None:
    with pytest.raises(NotFoundError):
        LetterService(sqlite_store).referral_letter(uuid.uuid4())


def _counsellor(built: object) -> Actor:
    """The referral's counsellor, signed in (a letter is printed or saved by a signed-in account)."""
    return Actor(CounsellorId(built.counsellor_id), "begeleider", "Begeleider", "counsellor")


def test_save_writes_the_file_and_registers_it(store: Store, tmp_path: Path) -> None:
    built = build_referral(store)
    service = LetterService(store)
    letter = service.handout(built.referral_id, "nl-fr")
    target = tmp_path / "out" / "blad.pdf"
    record = service.save(letter, target, actor=_counsellor(built))
    assert target.read_bytes() == letter.pdf
    assert record.sha256 == hashlib.sha256(target.read_bytes()).hexdigest()
    assert not [p for p in target.parent.iterdir() if p.name != "blad.pdf"]  # no temporary file left
    printed = service.record(service.referral_letter(built.referral_id), LetterAction.PRINTED, actor=_counsellor(built))
    records = service.letters_for_referral(built.referral_id)
    assert [(r.kind, r.action, r.language) for r in records] == [
        (LetterKind.HANDOUT, LetterAction.SAVED, "nl-fr"),
        (LetterKind.REFERRAL, LetterAction.PRINTED, "nl"),
    ]
    assert records[1] == printed
    assert records[0].counsellor_name == "Øyvind Çelik" and records[0].counsellor_id == built.counsellor_id
    assert records[0].produced_at == store.now()
    assert service.letters_for_client(built.client_id) == records
    with store.unit_of_work() as session:
        rows = session.scalars(select(Letter)).all()
        assert {row.referral_id for row in rows} == {built.referral_id}


def test_same_data_gives_the_same_pdf(sqlite_store: Store) -> None:
    built = build_referral(sqlite_store)
    service = LetterService(sqlite_store)
    assert service.handout(built.referral_id).sha256 == service.handout(built.referral_id).sha256


def test_session_handouts_lists_the_referrals_of_one_site_and_day(sqlite_store: Store) -> None:
    first = build_referral(sqlite_store, first_name="Zoë")
    second = build_referral(sqlite_store, first_name="Amir")
    build_referral(sqlite_store, first_name="Later", referred_on=dt.date(2026, 3, 17))
    build_referral(sqlite_store, first_name="Elders", site_code="mechelen-sociaal-huis")
    rows = LetterService(sqlite_store).session_handouts("gevangenis-mechelen", dt.date(2026, 3, 16))
    assert [r.referral_id for r in rows] == [second.referral_id, first.referral_id]
    with pytest.raises(NotFoundError):
        LetterService(sqlite_store).session_handouts("nergens", dt.date(2026, 3, 16))


def test_client_names_stay_out_of_the_log(sqlite_store: Store, caplog: pytest.LogCaptureFixture) -> None:
    built = build_referral(sqlite_store, first_name="Øyvind")
    service = LetterService(sqlite_store)
    with caplog.at_level("DEBUG"):
        service.record(service.handout(built.referral_id), LetterAction.PRINTED, actor=_counsellor(built))
    assert "Øyvind" not in caplog.text
    with sqlite_store.unit_of_work() as session:
        assert session.get(Client, built.client_id) is not None


def test_catalogue_text_is_printed_literally(sqlite_store: Store) -> None:
    build_referral(sqlite_store, offering_title=MARKUP, provider_name="<a href='x'>Aanbieder")
    sheet = LetterService(sqlite_store).catalogue_sheet(["nt2"])
    text = flat(pdf_text(sheet.pdf))
    assert MARKUP in text and "<a href='x'>Aanbieder" in text
    assert not has_links_or_foreign_images(sheet.pdf)


def test_full_disk_leaves_no_half_pdf_and_registers_nothing(
    sqlite_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import os

    from leerwinkel.errors import StorageError, StorageProblem

    built = build_referral(sqlite_store)
    service = LetterService(sqlite_store)
    letter = service.handout(built.referral_id)
    target = tmp_path / "uit" / "blad.pdf"

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(StorageError) as caught:
        service.save(letter, target, actor=_counsellor(built))
    assert caught.value.problem is StorageProblem.DISK_FULL
    assert list(target.parent.iterdir()) == []
    monkeypatch.undo()
    assert service.letters_for_referral(built.referral_id) == []


def test_an_arabic_name_is_shaped_in_the_letter_and_the_handout(sqlite_store: Store) -> None:
    from tests.pdfcheck import logical_text

    built = build_referral(sqlite_store, first_name="Mohammed محمد", last_name="Al-Khwārizmī", share=True)
    service = LetterService(sqlite_store)
    letter = logical_text(service.referral_letter(built.referral_id).pdf)
    assert "Mohammed محمد Al-Khwārizmī" in letter
    handout = logical_text(service.handout(built.referral_id).pdf)
    assert "Mohammed محمد" in handout
