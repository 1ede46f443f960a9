"""The intake commands: clients import (all or nothing), clients list, referrals list, demo."""

from __future__ import annotations

import io
import json
from pathlib import Path

from leerwinkel.cli import EXIT_OK, EXIT_USAGE, main
from leerwinkel.tabular import write_xlsx


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_import_csv_then_list_json(tmp_path: Path) -> None:
    source = tmp_path / "oud.csv"
    source.write_text(
        "Voornaam;Familienaam;Geboortedatum;Postcode;Gemeente;Leerwens;Doelgroep;Drempels\n"
        "Tijs;Verzonnen;01/02/1985;2800;Mechelen;NT2;Werkzoekende;taal, vervoer\n"
        "\n"
        "Saar;Fictief;;2500;Lier;vca,ce-examen;;\n",
        encoding="utf-8",
    )
    code, out, err = run("clients", "import", str(source))
    assert (code, err) == (EXIT_OK, "")
    assert "2 cliënten" in out
    code, out, _ = run("clients", "list", "--json")
    listed = json.loads(out)
    assert {c["display_name"] for c in listed} == {"Tijs Verzonnen", "Saar Fictief"}
    tijs = next(c for c in listed if c["first_name"] == "Tijs")
    assert tijs["target_groups"] == ["werkzoekende"] and tijs["birth_date"] == "1985-02-01"
    assert [t["code"] for t in tijs["thresholds"]] == ["taal", "vervoer"]


def test_import_is_all_or_nothing_with_row_problems(tmp_path: Path) -> None:
    source = tmp_path / "fout.csv"
    source.write_text(
        "voornaam,familienaam,geboortedatum,postcode,e-mail\n"
        "Goed,Persoon,01/01/1980,2800,\n"
        ",Zondernaam,,,\n"
        "Slecht,Datum,32/13/1980,28000,geen-mail\n",
        encoding="utf-8",
    )
    code, out, err = run("clients", "import", str(source))
    assert code == EXIT_USAGE and out == ""
    assert "fout.csv, rij 3, kolom “voornaam”: Vul een voornaam of een roepnaam in" in err
    assert "fout.csv, rij 4, kolom “geboortedatum”: Geboortedatum" in err
    assert "Belgische postcode" in err and "e-mailadres" in err
    code, out, _ = run("clients", "list", "--json")
    assert json.loads(out) == []


def test_import_xlsx_with_mapping_and_unknown_column(tmp_path: Path) -> None:
    source = tmp_path / "oud.xlsx"
    write_xlsx(source, {"Blad1": (["Naam cliënt", "Woonplaats", "Opmerking"], [["Noor", "Mechelen", "x"]])})
    code, _, err = run("clients", "import", str(source))  # the unknown column is no name: the row has none
    assert code == EXIT_USAGE and "rij 2" in err and "voornaam of een roepnaam" in err
    mapping = tmp_path / "koppeling.json"
    mapping.write_text(json.dumps({"Naam cliënt": "first_name", "Opmerking": ""}), encoding="utf-8")
    code, out, err = run("clients", "import", str(source), "--mapping", str(mapping))
    assert (code, err) == (EXIT_OK, "")
    _, out, _ = run("clients", "list", "--json")
    assert [(c["first_name"], c["municipality"]) for c in json.loads(out)] == [("Noor", "Mechelen")]


def test_demo_then_referrals_list(tmp_path: Path) -> None:
    code, out, _ = run("demo", "--clients", "40")  # set up already: no new accounts without --password-file
    assert code == EXIT_OK and "40 cliënten" in out
    code, out, _ = run("referrals", "list", "--json")
    referrals = json.loads(out)
    assert referrals and {r["status"] for r in referrals} >= {"voorgesteld", "afgerond"}
    code, out, _ = run("referrals", "list", "--status", "afgerond", "--json")
    assert {r["status"] for r in json.loads(out)} == {"afgerond"}
    code, out, _ = run("referrals", "list", "--due", "--json")
    assert all(r["is_open"] for r in json.loads(out))
    code, _, err = run("demo")
    assert code == EXIT_USAGE and "lege databank" in err
    code, _, err = run("referrals", "list", "--status", "onbekend")
    assert code == EXIT_USAGE
