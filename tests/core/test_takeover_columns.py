"""Headings and values as people type them, placed through the catalogue search's synonym table."""

from __future__ import annotations

import pytest

from leerwinkel.catalogue.vocabulary import GROUPS
from leerwinkel.intake.columns import dutch_level, field_of, flag, place_codes
from leerwinkel.taxonomy import TARGET_GROUPS, THRESHOLDS, WISH_CATEGORIES


@pytest.mark.parametrize(
    ("heading", "field"),
    [
        ("Opmerking", "notes"),
        ("Notities", "notes"),
        ("Commentaar", "notes"),
        ("GSM", "phone"),
        ("Tel.", "phone"),
        ("Telefoon", "phone"),
        ("Adres", "street"),
        ("Straat", "street"),
        ("Huisnummer", "house_number"),
        ("Postcode", "postcode"),
        ("Gemeente", "municipality"),
        ("Woonplaats", "municipality"),
        ("Moedertaal", "languages"),
        ("Taal", "languages"),
        ("Datum intake", "held_on"),
        ("Begeleider", "counsellor"),
        ("E-mail", "email"),
        ("e-mailadres", "email"),
        ("  VOORNAAM ", "first_name"),
    ],
)
def test_usual_headings_map_by_themselves(heading: str, field: str) -> None:
    assert field_of(heading) == field


def test_a_mapping_file_wins_and_unknown_headings_stay_unknown() -> None:
    assert field_of("Naam cliënt", {"naam cliënt": "first_name"}) == "first_name"
    assert field_of("Schoenmaat") is None


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("CE examen", "ce-examen"),
        ("Nederlands leren", "nt2"),
        ("basisveiligheid", "vca"),
        ("NT2", "nt2"),
        ("vca", "vca"),
        ("centrale examencommissie", "ce-examen"),
    ],
)
def test_wishes_use_the_search_synonyms(typed: str, code: str) -> None:
    assert place_codes(typed, WISH_CATEGORIES).codes == (code,)


def test_the_synonym_table_is_the_catalogue_search_one() -> None:
    nt2 = next(g for g in GROUPS if "nt2" in g.terms)
    assert "nederlands" in nt2.terms and nt2.categories == {"nt2"}


def test_values_that_cannot_be_placed_are_kept_as_typed() -> None:
    placed = place_codes("kinderopvang, geen rijbewijs", THRESHOLDS)
    assert placed.codes == ("kinderopvang",) and placed.unplaced == ("geen rijbewijs",)
    assert place_codes("werkzoekend; gevangenis", TARGET_GROUPS).codes == ("werkzoekende", "gedetineerde")


def test_levels_and_yes_no_as_people_write_them() -> None:
    assert [dutch_level(t) for t in ("A2", "b1.2", "geen", "", "goed")] == ["A2", "B1", "A0", "onbekend", None]
    assert [flag(t) for t in ("ja", "X", "neen", "", "misschien")] == [True, True, False, None, None]
