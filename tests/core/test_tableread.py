"""The one reader of tabular files: encodings named, separators found, limits checked while reading."""

from __future__ import annotations

from pathlib import Path

import pytest

from leerwinkel.errors import InvalidInputError
from leerwinkel.tableread import ReadLimits, decode_text, detect_delimiter, read_table
from leerwinkel.text import compact, fold, words

TEXT = "Voornaam;Familienaam;Opmerking\nZoë;Özdemir;“naïef”, café\n"


@pytest.mark.parametrize(
    ("codec", "name"),
    [("utf-8", "UTF-8"), ("utf-8-sig", "UTF-8 met BOM"), ("utf-16", "UTF-16"), ("cp1252", "Windows-1252")],
)
def test_each_encoding_is_read_and_named(codec: str, name: str) -> None:
    decoded = decode_text(TEXT.encode(codec), file="x.csv")
    assert decoded.text == TEXT and decoded.encoding_name == name


def test_utf16_without_bom_is_found_by_the_detector() -> None:
    decoded = decode_text(TEXT.encode("utf-16-le"), file="x.csv")
    assert decoded.text == TEXT and decoded.encoding_name == "UTF-16"


def test_bytes_no_encoding_explains_are_refused_with_what_was_tried() -> None:
    with pytest.raises(InvalidInputError) as caught:
        decode_text(b"Voornaam\n\x81\x8d\x8f\x90\x9d\n", file="x.csv")
    assert caught.value.problems[0].reason == "unknown-encoding"
    assert "Windows-1252" in str(caught.value.problems[0].details["tried"])


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Voornaam;Familienaam;Gemeente", ";"),
        ("Voornaam,Familienaam", ","),
        ("Voornaam\tFamilienaam\tGemeente", "\t"),
        ('"Naam, voornaam";Gemeente', ";"),
        ("Voornaam", None),
    ],
)
def test_the_separator_is_the_one_that_splits_the_heading(line: str, expected: str | None) -> None:
    assert detect_delimiter(line + "\nx\n") == expected


def test_rows_keep_their_spreadsheet_number_and_limits_name_themselves(tmp_path: Path) -> None:
    source = tmp_path / "oud.csv"
    source.write_text("\nVoornaam,Gemeente\nA,Lier\n\nB,Mechelen\n", encoding="utf-8")
    table = read_table(source)
    assert table.heading == ("Voornaam", "Gemeente") and table.delimiter_name == "komma"
    assert [number for number, _ in table.rows] == [3, 5]
    with pytest.raises(InvalidInputError) as caught:
        read_table(source, limits=ReadLimits(max_rows=1))
    assert caught.value.problems[0].reason == "sheet-too-many-rows" and caught.value.problems[0].details == {"limit": 1}
    with pytest.raises(InvalidInputError) as caught:
        read_table(source, limits=ReadLimits(max_cell_chars=3))
    assert caught.value.problems[0].reason == "cell-too-long"
    with pytest.raises(InvalidInputError) as caught:
        read_table(source, limits=ReadLimits(max_file_bytes=10))
    assert caught.value.problems[0].reason == "sheet-too-large"


def test_one_fold_for_names_headings_and_search() -> None:
    assert fold("  Łukasz   ÐORĐEVIĆ ") == "lukasz dordevic"
    assert fold("Özdemir") == fold("ozdemir")
    assert words("B-VCA (basis)") == ["b", "vca", "basis"]
    assert compact("E-mail adres") == "emailadres"
