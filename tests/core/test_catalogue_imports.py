"""Imports that never say "in orde" about nothing: tabular packages by any name, refusals, limits.

Good packages (tests/core/data/catalogue-good) must import with the records they hold; broken files
(tests/core/data/catalogue-broken) must be refused with every problem named, through the real CLI,
with exit code 2 and the database unchanged.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from leerwinkel import cli
from leerwinkel.catalogue import limits
from leerwinkel.catalogue.formats import read_path
from leerwinkel.catalogue.service import CatalogueService
from leerwinkel.errors import InvalidInputError
from leerwinkel.messages import describe_problem
from leerwinkel.storage.store import Store
from tests.core.catalogue_data import ADMIN
from tests.factories import provision_test_keyring

DATA = Path(__file__).parent / "data"
GOOD = DATA / "catalogue-good"
BROKEN = DATA / "catalogue-broken"


def run(data_dir: Path, *args: str) -> tuple[int, str]:
    out = io.StringIO()
    code = cli.main(["--data-dir", str(data_dir), "catalogue", *args], out=out)
    return code, out.getvalue()


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli") / "d"
    provision_test_keyring(folder)
    return folder


def exported(data_dir: Path, tmp_path: Path) -> object:
    target = tmp_path / "stand.json"
    code, _out = run(data_dir, "export", str(target), "--format", "json")
    assert code == 0
    return json.loads(target.read_text("utf-8"))


@pytest.mark.parametrize("name", ["hsds-plural-resources", "hsds-singular-resources", "hsds-no-datapackage"])
def test_a_tabular_package_imports_whatever_its_resources_are_called(sqlite_store: Store, name: str) -> None:
    service = CatalogueService(sqlite_store)
    report = service.validate_file(GOOD / name)
    assert (report.format, report.providers, report.locations, report.offerings) == ("hsds-csv", 1, 1, 2)
    service.import_file(GOOD / name, actor=ADMIN)
    data = service.export_dataset()
    titles = sorted(o.title for o in data.offerings)
    assert titles == ["Nederlands voor anderstaligen", "Rekenen voor volwassenen"]
    nt2 = next(o for o in data.offerings if o.title.startswith("Nederlands"))
    assert [loc.city for loc in data.locations if loc.id in nt2.locations] == ["Mechelen"]


BROKEN_CASES = {
    "hsds-missing-services": {"missing-file"},
    "hsds-missing-services-no-datapackage": {"missing-file"},
    "hsds-listed-file-absent": {"missing-file"},
    "hsds-only-header": {"empty-table"},
    "hsds-empty-list.json": {"no-records"},
    "native-empty.json": {"no-records"},
    "csv-only-header": {"no-records"},
    "hsds-duplicate-service-id": {"duplicate-id-row"},
    "hsds-duplicate-service.json": {"duplicate-id"},
    "hsds-not-uuid.json": {"not-uuid"},
    "hsds-not-uuid-csv": {"not-uuid"},
    "hsds-name-is-number.json": {"wrong-type"},
    "native-name-is-number.json": {"wrong-type", "not-a-name"},
    "hsds-name-not-text-csv": {"not-a-name"},
    "deeply-nested.json": {"too-deep"},
}


@pytest.mark.parametrize(("name", "reasons"), sorted(BROKEN_CASES.items()))
def test_a_broken_file_is_refused_by_the_cli_and_changes_nothing(
    data_dir: Path, tmp_path: Path, name: str, reasons: set[str]
) -> None:
    before = exported(data_dir, tmp_path)
    with pytest.raises(InvalidInputError) as caught:
        read_path(BROKEN / name)
    assert reasons <= {p.reason for p in caught.value.problems}
    for problem in caught.value.problems:
        assert problem.file, problem
        assert "ongeldige invoer" not in describe_problem(problem)
    code, out = run(data_dir, "import", str(BROKEN / name))
    assert code == 2, out
    assert "in orde" not in out and "geweigerd" in out
    code, out = run(data_dir, "validate", str(BROKEN / name))
    assert code == 2 and "in orde" not in out
    assert exported(data_dir, tmp_path) == before


def test_the_refusals_say_file_row_field_and_the_hsds_reason(data_dir: Path) -> None:
    _code, out = run(data_dir, "validate", str(BROKEN / "hsds-duplicate-service-id"))
    assert "services.csv, rij 4, record 7a1c2e4f-2222-4a5b-8c9d-000000000001: De id komt al voor in rij 2" in out
    _code, out = run(data_dir, "validate", str(BROKEN / "hsds-not-uuid-csv"))
    assert "services.csv, rij 3, record dienst-2: De id “dienst-2” is geen UUID; HSDS 3.0 vereist een UUID" in out
    _code, out = run(data_dir, "validate", str(BROKEN / "hsds-missing-services"))
    assert "hsds-missing-services/services.csv: Het bestand ontbreekt" in out
    _code, out = run(data_dir, "validate", str(BROKEN / "hsds-name-is-number.json"))
    assert "Naam heeft het verkeerde type (verwacht: tekst)" in out
    _code, out = run(data_dir, "validate", str(BROKEN / "deeply-nested.json"))
    assert f"te diep genest (meer dan {limits.MAX_DEPTH} niveaus" in out


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(data_dir: Path, tmp_path: Path) -> None:
    huge = tmp_path / "catalogus.json"
    with open(huge, "wb") as handle:
        handle.write(b'{"format": "leerwinkel-catalogue", "version": 1, "providers": [')
        handle.truncate(limits.MAX_TEXT_BYTES + 1)  # sparse: no 100 MB written
    code, out = run(data_dir, "import", str(huge))
    assert code == 2
    assert "Het bestand is te groot (100,0 MB); de grens is 100,0 MB" in out
    workbook = tmp_path / "catalogus.xlsx"
    with open(workbook, "wb") as handle:
        handle.write(b"PK\x03\x04")
        handle.truncate(limits.MAX_XLSX_BYTES + 1024 * 1024)
    code, out = run(data_dir, "validate", str(workbook))
    assert code == 2
    assert "catalogus.xlsx: Het bestand is te groot (11,0 MB); de grens is 10,0 MB" in out


def test_a_table_over_the_row_limit_is_refused_with_the_limit_named(data_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "veel"
    folder.mkdir()
    lines = ["id,name"] + [f"p{i},Aanbieder {i}" for i in range(limits.MAX_ROWS + 1)]
    (folder / "providers.csv").write_text("\n".join(lines) + "\n", "utf-8")
    code, out = run(data_dir, "import", str(folder))
    assert code == 2
    assert f"providers.csv: Aanbieders heeft te veel rijen; de grens is {limits.MAX_ROWS} rijen" in out
    assert len(out.splitlines()) == 2


def test_at_most_fifty_problems_are_printed_then_the_rest_is_counted(data_dir: Path, tmp_path: Path) -> None:
    offerings = [{"id": f"o{i}", "provider": "p", "title": f"Cursus {i}", "category": "geen"} for i in range(130)]
    document = {
        "format": "leerwinkel-catalogue",
        "version": 1,
        "providers": [{"id": "p", "name": "Voorbeeldcentrum"}],
        "offerings": offerings,
    }
    path = tmp_path / "veel-fouten.json"
    path.write_text(json.dumps(document), "utf-8")
    code, out = run(data_dir, "import", str(path))
    assert code == 2
    lines = out.splitlines()
    assert lines[0].startswith("Het bestand werd geweigerd (130 problemen)")
    assert sum(line.startswith("- ") for line in lines) == 50
    assert lines[-1] == "... en nog 80"
