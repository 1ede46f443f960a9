"""The vocabulary of DESIGN.md §3, and models refusing unknown codes with a clear Dutch message."""

from __future__ import annotations

import pytest

from leerwinkel import taxonomy
from leerwinkel.errors import InvalidInputError
from leerwinkel.messages import describe
from leerwinkel.storage.models import Client, ClientThreshold, LearningWish, Referral


def test_design_vocabulary_is_complete() -> None:
    assert set(taxonomy.WISH_CATEGORIES.codes) == {
        "ce-examen", "secundair-diploma", "vca", "nt2", "basiseducatie", "beroepsopleiding", "hoger-onderwijs",
        "taal", "erkenning", "werkplekleren", "mentoring", "orientatie", "andere",
    }  # fmt: skip
    assert len(taxonomy.THRESHOLDS) == 19
    assert "gedetineerde" in taxonomy.TARGET_GROUPS
    assert "laaggeletterd" in taxonomy.VULNERABILITIES
    assert taxonomy.REFERRAL_STATUSES.codes[0] == "voorgesteld"
    assert set(taxonomy.REFERRAL_STATUSES.codes) >= taxonomy.CLOSED_STATUSES


def test_every_term_has_both_labels() -> None:
    for vocabulary in taxonomy.ALL_VOCABULARIES:
        for term in vocabulary:
            assert term.label_nl and term.label_en, (vocabulary.name, term.code)
    assert taxonomy.WISH_CATEGORIES.label("nt2") == "Nederlands als tweede taal (NT2)"
    assert taxonomy.WISH_CATEGORIES.label("nt2", "en") == "Dutch as a second language"


def test_dutch_level_order() -> None:
    assert taxonomy.dutch_level_rank("A2") == 2
    assert taxonomy.dutch_level_rank("onbekend") is None


@pytest.mark.parametrize(
    ("build", "field"),
    [
        (lambda: LearningWish(category="toveren"), "category"),
        (lambda: Client(first_name="Testa", dutch_level="Z9"), "dutch_level"),
        (lambda: ClientThreshold(code="geen-zin"), "code"),
        (lambda: Referral(status="misschien"), "status"),
    ],
)
def test_models_refuse_unknown_codes(build: object, field: str) -> None:
    with pytest.raises(InvalidInputError) as caught:
        build()  # type: ignore[operator]
    (problem,) = caught.value.problems
    assert problem.field == field
    sentence = describe(caught.value)
    assert "onbekende waarde" in sentence.lower() and "toegelaten" in sentence


def test_known_codes_are_accepted() -> None:
    wish = LearningWish(category="nt2")
    assert wish.category == "nt2"
    assert Referral(status="ingeschreven", outcome=None).outcome is None
