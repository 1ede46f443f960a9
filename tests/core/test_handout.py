"""The client's handout: every language, one page, large type, plain Dutch, the detained variant."""

from __future__ import annotations

import datetime as dt
import json
import re

import pypdfium2 as pdfium
import pytest
from reportlab.graphics import renderPDF
from sqlalchemy import select

from leerwinkel.letters import texts as letter_texts
from leerwinkel.letters.pictograms import SHAPES, pictogram
from leerwinkel.letters.service import LetterService
from leerwinkel.paths import resources_dir
from leerwinkel.storage.models import Offering, Referral
from leerwinkel.storage.store import Store
from tests.lettersdata import build_referral, set_setting
from tests.pdfcheck import assert_pages_not_blank, logical_text, sizes_of

LANGUAGES = ("ar", "tr", "uk", "ru", "ro", "pl", "es", "pt", "fa", "ti", "so", "en", "fr")
URL = re.compile(r"https?://|www\.|\b[\w-]+\.(?:be|com|org|net|eu|invalid)\b", re.IGNORECASE)
INTERNAL = "VCA-opleiding voor laaggeschoolde gedetineerden, 40 lestijden; attest van detentie meebrengen."


def squash(text: str) -> str:
    return " ".join(text.replace("\u200c", " ").split())


def dutch() -> letter_texts.Texts:
    return letter_texts.load_texts("nl")


def say(tx: letter_texts.Texts, key: str, **values: object) -> str:
    return tx.text("handout", key, **values)


def with_internal_description(store: Store, referral_id: object) -> None:
    with store.unit_of_work() as session:
        referral = session.get(Referral, referral_id)
        assert referral is not None
        offering = session.get(Offering, referral.offering_id)
        assert offering is not None
        offering.description = INTERNAL
        offering.cost_note = "1,50 euro per lestijd"


@pytest.fixture
def session_store(sqlite_store: Store) -> Store:
    set_setting(sqlite_store, "organisation.phone", "015 00 00 00")
    return sqlite_store


def test_every_language_file_is_complete_and_marked_not_reviewed() -> None:
    keys = set(dutch().data["handout"])
    for code in LANGUAGES:
        data = json.loads((resources_dir() / "letters" / f"{code}.json").read_text(encoding="utf-8"))
        assert set(data["handout"]) == keys, code
        assert data["reviewed"] is False, f"{code}: only a native speaker's review may set reviewed"
        assert len(data["months"]) == 12 and len(data["weekdays"]) == 7, code
    choices = {c.code: c for c in letter_texts.handout_language_choices()}
    assert set(choices) == {"nl", *(f"nl-{code}" for code in LANGUAGES)}
    assert choices["nl"].reviewed and "nagekeken" not in choices["nl"].label
    assert choices["nl-ar"].label == "Nederlands + Arabisch (العربية) – vertaling nog niet nagekeken"


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("detained", [False, True], ids=["free", "detained"])
def test_handout_in_every_language(session_store: Store, code: str, detained: bool) -> None:
    built = build_referral(session_store, first_name="Mohammed محمد", detained=detained)
    with_internal_description(session_store, built.referral_id)
    pdf = LetterService(session_store).handout(built.referral_id, f"nl-{code}").pdf
    reader = letter_texts.load_texts(code)
    text = squash(logical_text(pdf))
    assert assert_pages_not_blank(pdf) == 1, "one page for one referral"
    assert squash(say(reader, "title")) in text and say(dutch(), "title") in text
    counsellor = squash(say(reader, "help_counsellor", name="Øyvind"))
    assert counsellor in text and say(dutch(), "help_counsellor", name="Øyvind") in text
    assert "015 00 00 00" in text  # the Leerwinkel's phone in "Wie helpt je?"
    assert squash(say(reader, "what_nt2")) in text  # no client text: the category's plain sentence
    assert "lestijd" not in text and "gedetineerden" not in text and "attest" not in text
    body = sizes_of(pdf, counsellor)
    assert body and min(body) >= 14, (code, body)
    assert all(size < 14 for size in sizes_of(pdf, say(dutch(), "help_counsellor", name="Øyvind")))
    if detained:
        assert not URL.search(text), URL.search(text)
        assert squash(say(reader, "where_prison")) in text
        assert say(dutch(), "bring_id") not in text and "Of kom langs" not in text


def test_dutch_handout_size_dates_and_next_step(session_store: Store) -> None:
    built = build_referral(session_store, first_name="Tesfay")
    service = LetterService(session_store)
    text = squash(logical_text(service.handout(built.referral_id).pdf))
    assert "Je begeleider belt je voor een datum." in text
    with session_store.unit_of_work() as session:
        referral = session.get(Referral, built.referral_id)
        assert referral is not None
        referral.starts_on = dt.date(2027, 1, 11)
    pdf = service.handout(built.referral_id).pdf
    text = squash(logical_text(pdf))
    assert "Start: maandag 11 januari 2027" in text and "belt je voor een datum" not in text
    assert min(sizes_of(pdf, "Start: maandag 11 januari 2027")) >= 14
    assert min(sizes_of(pdf, "Wie helpt je?")) > 16  # headings larger than the body


def test_client_text_is_used_and_never_the_description(session_store: Store) -> None:
    built = build_referral(session_store, first_name="Olena")
    with_internal_description(session_store, built.referral_id)
    with session_store.unit_of_work() as session:
        offering = session.scalars(select(Offering)).one()
        offering.client_text = "Je leert Nederlands spreken, in een kleine groep."
        offering.client_text_translations = json.dumps({"uk": "Ви вчитеся говорити нідерландською в малій групі."})
    service = LetterService(session_store)
    text = squash(logical_text(service.handout(built.referral_id, "nl-uk").pdf))
    assert "Ви вчитеся говорити нідерландською в малій групі." in text
    assert "Je leert Nederlands spreken, in een kleine groep." in text
    assert INTERNAL not in text and "Lessen Nederlands voor beginners" not in text
    # a language without a translation of the client text gets the category's sentence
    text = squash(logical_text(service.handout(built.referral_id, "nl-pl").pdf))
    assert "Uczysz się języka niderlandzkiego." in text


def test_detained_handout_speaks_of_the_prison_and_the_next_visit(session_store: Store) -> None:
    built = build_referral(session_store, detained=True, first_name="Tesfay")
    text = squash(logical_text(LetterService(session_store).handout(built.referral_id).pdf))
    assert "De les is hier, in de gevangenis." in text
    assert "Vraag de dienst onderwijs van de gevangenis" in text
    assert "Øyvind komt terug naar de gevangenis." in text
    assert "Je familie kan de Leerwinkel bellen:" in text
    assert "identiteitskaart" not in text and "Kom langs" not in text and "Of kom langs" not in text
    assert not URL.search(text)


def test_plain_language_of_the_dutch_handout(capsys: pytest.CaptureFixture[str]) -> None:
    """Average sentence length and long words of every Dutch handout sentence, reported in the output."""
    values = {"name": "Lien", "provider": "CVO", "organisation": "Leerwinkel", "date": "11 januari 2027"}
    values |= {"datetime": "maandag 11 januari om 10:00", "schedules": "overdag"}
    texts = [
        str(value).format(**values)
        for key, value in dutch().data["handout"].items()
        if isinstance(value, str) and key not in {"title", "made_on"}
    ]
    sentences = [s for text in texts for s in re.split(r"(?<=[.?!:])\s+", text) if s.strip()]
    words = [w for s in sentences for w in re.findall(r"[\w'-]+", s)]
    average = len(words) / len(sentences)
    long_words = sorted({w for w in words if len(w) > 12})
    with capsys.disabled():
        print(
            f"\nplain-language check of the Dutch handout: {len(sentences)} sentences, "
            f"{average:.1f} words a sentence on average, longest {max(len(s.split()) for s in sentences)}, "
            f"words over 12 letters: {', '.join(long_words) or 'none'}"
        )
    assert average <= 9
    assert max(len(s.split()) for s in sentences) <= 14
    assert len(long_words) <= 3


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_every_pictogram_draws_something(name: str) -> None:
    document = pdfium.PdfDocument(renderPDF.drawToString(pictogram(name, 64)))
    try:
        low, _high = document[0].render(scale=1).to_pil().convert("L").getextrema()
    finally:
        document.close()
    assert low < 120
