"""``leerwinkel clients import`` on the old spreadsheet as Leerwinkels keep it (issue 14)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from leerwinkel.cli import EXIT_OK, EXIT_USAGE, main
from tests import takeover_data as sheet


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def clients() -> list[dict[str, object]]:
    code, out, _ = run("clients", "list", "--json")
    assert code == EXIT_OK
    return list(json.loads(out))


@pytest.mark.parametrize("encoding", sorted(sheet.ENCODINGS))
@pytest.mark.parametrize("delimiter", [";", ",", "\t"], ids=["semicolon", "comma", "tab"])
def test_every_encoding_and_separator_imports_all_forty(tmp_path: Path, encoding: str, delimiter: str) -> None:
    source = sheet.write_csv(tmp_path / "oud.csv", encoding=encoding, delimiter=delimiter)
    code, out, err = run("clients", "import", str(source))
    assert (code, err) == (EXIT_OK, ""), err
    assert f"gelezen als {sheet.ENCODINGS[encoding][1]}," in out
    assert "40 cliënten ingelezen" in out
    people = clients()
    assert len(people) == 40
    names = {f"{c['first_name']} {c['last_name']}" for c in people}
    assert {"Chloë Vermeulen", "Siobhan O'Brien", "Jens 't Kint", "Els Van den Bossche-De Smet"} <= names
    if encoding != "cp1252":  # Windows-1252 has no ş, Ł, ễ, đ or Arabic letters: Excel writes "?" for them
        assert {"Ayşe Özdemir", "Minh Nguyễn", "Łukasz Wiśniewski", "Đorđe Ðorđević", "يوسف العلوي"} <= names


def test_the_forty_land_with_codes_dates_and_notes(tmp_path: Path) -> None:
    source = sheet.write_csv(tmp_path / "oud.csv")
    code, out, err = run("clients", "import", str(source))
    assert code == EXIT_OK, err
    assert "“rijbewijs” niet herkend als leerwens" in out  # a warning, not a refusal
    people = {f"{c['first_name']} {c['last_name']}": c for c in clients()}
    ayse = people["Ayşe Özdemir"]
    assert ayse["birth_date"] == "1990-04-03"  # 03/04/1990: day first
    assert people["Minh Nguyễn"]["birth_date"] == "1988-11-23"
    assert ayse["target_groups"] == ["werkzoekende"] and ayse["phone"] == "0470 00 00 00"
    assert ayse["street"] == "Verzonnenstraat 1 1" and ayse["postcode"] == "2800"
    assert "Belt liever na 16 uur" in str(ayse["notes"])
    assert ayse["consent"] is None  # nobody chose a consent: none is invented
    assert people["Rachid El Amrani"]["target_groups"] == ["gedetineerde"]
    assert [t["code"] for t in people["Minh Nguyễn"]["thresholds"]] == ["kinderopvang", "taal"]  # type: ignore[union-attr]


def test_wishes_go_through_the_catalogue_synonyms(tmp_path: Path) -> None:
    from leerwinkel.app import open_app

    source = sheet.write_csv(tmp_path / "oud.csv")
    assert run("clients", "import", str(source))[0] == EXIT_OK
    typed = {row[0]: row[10] for row in sheet.rows()}
    app = open_app()
    try:
        for client in app.clients.list_all():
            wishes = app.clients.wishes(client.id)
            assert [w.category for w in wishes] == [sheet.EXPECTED_WISHES[typed[client.first_name]]]
            if wishes[0].category == "andere":
                assert wishes[0].description == "rijbewijs"
    finally:
        app.close()


def test_a_second_import_adds_nothing_and_merge_fills_in(tmp_path: Path) -> None:
    source = sheet.write_csv(tmp_path / "oud.csv")
    assert run("clients", "import", str(source))[0] == EXIT_OK
    code, out, _ = run("clients", "import", str(source))
    assert code == EXIT_OK and "0 cliënten ingelezen" in out and "40 overgeslagen als dubbel" in out
    assert len(clients()) == 40
    later = tmp_path / "later.csv"
    later.write_text("Voornaam;Familienaam;Geboortedatum;Gemeente;GSM\nAyşe;Özdemir;3/4/1990;Mechelen;0499 11 22 33\n")
    code, out, _ = run("clients", "import", str(later), "--duplicates", "merge")
    assert code == EXIT_OK and "1 samengevoegd" in out
    people = [c for c in clients() if c["last_name"] == "Özdemir"]
    assert len(people) == 1 and people[0]["phone"] == "0470 00 00 00"  # the kept value stays


def test_rows_that_repeat_each_other_in_one_file(tmp_path: Path) -> None:
    source = tmp_path / "dubbel.csv"
    source.write_text(
        "Voornaam;Familienaam;Geboortedatum;Gemeente;Leerwens\n"
        "Ayşe;Özdemir;03/04/1990;Mechelen;NT2\n"
        "Ayse;Ozdemir;1990-04-03;Mechelen;vca\n"
        "Ayşe;Özdemirr;;Mechelen;\n",
        encoding="utf-8",
    )
    code, out, _ = run("clients", "import", str(source))
    assert code == EXIT_OK and "Rij 3 lijkt op rij 2" in out and "Rij 4 lijkt op rij 2" in out
    assert len(clients()) == 1
    code, out, _ = run("clients", "import", str(source))
    assert code == EXIT_OK and "3 overgeslagen" in out and len(clients()) == 1
    code, _, _ = run("clients", "import", str(source), "--duplicates", "import")  # the user says: all new
    assert code == EXIT_OK and len(clients()) == 4


def test_broken_rows_refuse_the_file_one_problem_per_line(tmp_path: Path) -> None:
    extra = [
        ["Ragged", "Rij", "01/01/1990", "", "", "", "Mechelen", "", "", "", "NT2", "", "", "", "", "", "te veel"],
        ["Slecht", "Datum", "31/02/1990", "", "", "", "Lier", "", "", "", "vca", "", "", "", "", ""],
    ]
    source = sheet.write_csv(tmp_path / "oud.csv", extra_rows=extra)
    code, out, err = run("clients", "import", str(source))
    assert code == EXIT_USAGE and out == ""
    lines = err.strip().splitlines()
    assert lines == [
        "oud.csv, rij 42: De rij heeft 17 cellen, maar er zijn 16 kolommen; geef de extra kolom een kop "
        "of haal de cellen weg.",
        "oud.csv, rij 43, kolom “Geboortedatum”: Geboortedatum: “31/02/1990” is geen geldige datum; "
        "schrijf dd/mm/jjjj (of jjjj-mm-dd).",
    ]
    assert clients() == []


def test_many_problems_are_cut_at_fifty_and_allowed_values_said_once(tmp_path: Path) -> None:
    source = tmp_path / "fout.csv"
    body = "".join(f"Naam{i};{i:02d}/13/1990;A2;nergens\n" for i in range(60))
    source.write_text("Voornaam;Geboortedatum;Niveau Nederlands;Locatie\n" + body, encoding="utf-8")
    code, _, err = run("clients", "import", str(source))
    lines = err.strip().splitlines()
    assert code == EXIT_USAGE
    assert len(lines) == 52 and lines[50] == "... en nog 70"
    assert lines[51].startswith("Toegelaten voor locatie: ")
    assert sum("toegelaten" in line.lower() for line in lines) == 1


def test_unknown_columns_are_kept_in_the_notes_or_ignored(tmp_path: Path) -> None:
    source = tmp_path / "oud.csv"
    source.write_text("Voornaam;Nationaliteit;Schoenmaat\nNoor;Belg;38\n", encoding="utf-8")
    code, out, _ = run("clients", "import", str(source), "--unknown", "ignore")
    assert code == EXIT_OK and "Kolom “Nationaliteit” niet herkend: genegeerd" in out
    assert clients()[0]["notes"] == ""
    other = tmp_path / "ander.csv"
    other.write_text("Voornaam;Nationaliteit\nSaar;Nederlands\n", encoding="utf-8")
    code, out, _ = run("clients", "import", str(other))
    assert code == EXIT_OK and "in de notities bewaard" in out
    assert next(c for c in clients() if c["first_name"] == "Saar")["notes"] == "Nationaliteit: Nederlands"


def test_consent_is_what_the_importer_chose(tmp_path: Path) -> None:
    source = sheet.write_csv(tmp_path / "oud.csv")
    code, _, err = run("clients", "import", str(source), "--consent-date", "01/02/2025")
    assert code == EXIT_USAGE and "--consent" in err
    code, _, err = run("clients", "import", str(source), "--consent", "store,delen")
    assert code == EXIT_USAGE and "delen" in err
    code, _, err = run("clients", "import", str(source), "--consent", "store,contact", "--consent-date", "01/02/2025")
    assert code == EXIT_OK, err
    consent = clients()[0]["consent"]
    assert isinstance(consent, dict)
    assert (consent["store_data"], consent["share_with_provider"], consent["contact_follow_up"]) == (True, False, True)
    assert consent["given_on"] == "2025-02-01" and consent["recorded_by_name"]


def test_xlsx_with_dates_as_dates(tmp_path: Path) -> None:
    source = sheet.write_xlsx(tmp_path / "oud.xlsx")
    code, out, err = run("clients", "import", str(source))
    assert code == EXIT_OK, err
    assert "gelezen (Excel): 40 rijen" in out
    people = {c["last_name"]: c for c in clients()}
    assert people["Nguyễn"]["birth_date"] == "1988-11-23" and people["Özdemir"]["birth_date"] == "1990-04-03"


def test_an_oversized_xlsx_is_refused_in_seconds(tmp_path: Path) -> None:
    source = sheet.write_oversized_xlsx(tmp_path / "groot.xlsx")
    assert source.stat().st_size < 20 * 1024 * 1024
    code, out, err = run("clients", "import", str(source))
    source.unlink()
    assert code == EXIT_USAGE and out == ""
    assert "uitgepakt te groot (maximaal 60 MB)" in err
    assert clients() == []
