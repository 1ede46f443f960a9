"""Catalogue files: round trips per format, the official HSDS examples, and a corpus of broken files."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from leerwinkel import cli
from leerwinkel.catalogue.service import CatalogueService, bundled_catalogue
from leerwinkel.config import Config
from leerwinkel.errors import InvalidInputError
from leerwinkel.messages import describe_problem
from leerwinkel.storage.store import Store
from tests.conftest import FIXED_NOW
from tests.core.catalogue_data import ADMIN
from tests.factories import open_test_store, provision_test_keyring
from tests.helpers import require_reference

BROKEN = Path(__file__).parent / "data" / "catalogue-broken"


@pytest.fixture
def empty_store(tmp_path: Path) -> Iterator[Store]:
    store = open_test_store(Config(data_dir=tmp_path / "empty"), now=FIXED_NOW)
    try:
        yield store
    finally:
        store.dispose()


@pytest.mark.parametrize("fmt", ["json", "csv", "xlsx", "hsds", "hsds-csv"])
def test_export_then_import_into_an_empty_database_gives_the_same_catalogue(
    store: Store, empty_store: Store, tmp_path: Path, fmt: str
) -> None:
    source = CatalogueService(store)
    source.load_bundle()
    original = source.export_dataset()
    target = tmp_path / {"json": "catalogus.json", "xlsx": "catalogus.xlsx", "hsds": "hsds.json"}.get(fmt, fmt)
    source.export_file(target, fmt)

    copy = CatalogueService(empty_store)
    report = copy.import_file(target, actor=ADMIN)
    assert (report.added, report.changed, report.unchanged) == (
        len(original.providers) + len(original.locations) + len(original.offerings),
        0,
        0,
    )
    assert copy.export_dataset() == original

    again = copy.import_file(target, actor=ADMIN)
    assert (again.added, again.changed) == (0, 0)


def test_the_bundle_covers_every_category_the_issue_names(sqlite_store: Store) -> None:
    service = CatalogueService(sqlite_store)
    service.load_bundle()
    data = service.export_dataset()
    categories = {o.category for o in data.offerings}
    for needed in ("ce-examen", "secundair-diploma", "vca", "nt2", "basiseducatie", "beroepsopleiding",
                   "hoger-onderwijs", "erkenning", "werkplekleren", "mentoring", "orientatie"):  # fmt: skip
        assert needed in categories
    for row in (*data.providers, *data.locations, *data.offerings):
        assert row.sources, row.id
    # last_verified is the date of the pages consulted, per record (issue 13), not one date for all
    assert len({o.last_verified for o in data.offerings}) >= 8
    provider_sources = {p.id: set(p.sources) for p in data.providers}
    own = [o for o in data.offerings if set(o.sources) != provider_sources[o.provider]]
    assert len(own) >= len(data.offerings) * 0.8  # offerings cite their own pages
    uncertain = {o.id for o in data.offerings if o.status_uncertain}
    assert "ap-hogeschool--graduaatsopleidingen-en-bachelor-mechelen-uitdovend" in uncertain
    assert {o.id for o in data.offerings if o.provider == "lio-vocvo"} <= uncertain
    assert all(o.status_note for o in data.offerings if o.status_uncertain)
    titles = " ".join(o.title for o in data.offerings if o.category == "werkplekleren")
    for word in ("IBO", "K-IBO", "BIS", "taalcoaching"):
        assert word in titles


def test_a_newer_bundle_updates_bundle_records_and_leaves_local_edits(sqlite_store: Store, tmp_path: Path) -> None:
    import json

    service = CatalogueService(sqlite_store)
    first = service.load_bundle()
    assert first is not None and first.added > 0
    assert service.load_bundle() is None  # same version: nothing to do

    from leerwinkel.storage.models import Offering

    with sqlite_store.unit_of_work() as session:
        edited = (
            session.query(Offering)
            .filter_by(external_id="duoday--een-dag-meedraaien-als-duo-met-een-werknemer-in-een-bedrijf")
            .one()
        )
        edited.cost_note = "Lokaal aangepast"
        edited.locally_modified = True

    document = json.loads(bundled_catalogue().read_text(encoding="utf-8"))
    document["bundle_version"] = "2099.01.01"
    for offering in document["offerings"]:
        offering["schedule_note"] = "Nieuw in de bundel"
    newer = tmp_path / "catalogue.json"
    newer.write_text(json.dumps(document), encoding="utf-8")

    report = service.load_bundle(newer)
    assert report is not None
    assert report.skipped_local == 1
    assert report.changed == len(document["offerings"]) - 1
    with sqlite_store.unit_of_work() as session:
        rows = {o.external_id: o for o in session.query(Offering)}
        kept = rows["duoday--een-dag-meedraaien-als-duo-met-een-werknemer-in-een-bedrijf"]
        assert kept.cost_note == "Lokaal aangepast"
        assert kept.schedule_note == "Eén dag per jaar."
        assert rows["vdab-mechelen--bis-beroepsinlevingsstage"].schedule_note == "Nieuw in de bundel"


@pytest.mark.parametrize(
    "name",
    [
        "organization_full.json",
        "service_full.json",
        "service_at_location_full.json",
        "organization_list.json",
        "service_list.json",
        "service_at_location_list.json",
        "csv",
        "csv/datapackage.json",
    ],
)
def test_the_official_hsds_examples_import_as_they_are(sqlite_store: Store, name: str) -> None:
    examples = require_reference("hsds-3.0", "examples")
    report = CatalogueService(sqlite_store).import_file(examples / name, actor=ADMIN)
    assert report.added >= 1
    assert report.format in ("hsds", "hsds-csv")


BROKEN_CASES = {
    "missing-field.json": {"required"},
    "unknown-category.json": {"unknown-code"},
    "bad-postcode.json": {"bad-postcode"},
    "duplicate-id.json": {"duplicate-id"},
    "broken-reference.json": {"broken-reference"},
    "wrong-type.json": {"wrong-type", "bad-iso-date", "unknown-code"},
    "many-problems.json": {"required", "bad-email", "bad-postcode", "unknown-code"},
    "unsupported-version.json": {"unsupported-version"},
    "truncated.json": {"truncated"},
    "not-json.json": {"bad-json"},
    "hsds-orphan-service.json": {"broken-reference"},
    "bad-encoding": {"unknown-encoding"},  # bytes that are neither UTF-8, UTF-16 nor Windows-1252
    "bad-dialect": {"bad-csv-dialect"},
    "truncated-csv": {"truncated"},
    "csv-problems": {"unknown-column", "bad-postcode", "column-count"},
    "truncated.xlsx": {"bad-xlsx"},
}


@pytest.mark.parametrize(("name", "reasons"), sorted(BROKEN_CASES.items()))
def test_a_broken_file_is_refused_with_every_problem_and_changes_nothing(
    sqlite_store: Store, name: str, reasons: set[str]
) -> None:
    service = CatalogueService(sqlite_store)
    service.load_bundle()
    before = service.export_dataset()
    with pytest.raises(InvalidInputError) as caught:
        service.import_file(BROKEN / name, actor=ADMIN)
    found = {p.reason for p in caught.value.problems}
    assert reasons <= found
    for problem in caught.value.problems:
        assert problem.file, problem
        sentence = describe_problem(problem)
        assert "ongeldige invoer" not in sentence, sentence
    assert service.export_dataset() == before


def test_every_problem_says_where(sqlite_store: Store) -> None:
    with pytest.raises(InvalidInputError) as caught:
        CatalogueService(sqlite_store).import_file(BROKEN / "many-problems.json", actor=ADMIN)
    lines = [describe_problem(p) for p in caught.value.problems]
    assert "many-problems.json (aanbieders), rij 1, record test-aanbieder: Naam is verplicht" in lines
    postcode = "Postcode: “abc” is geen Belgische postcode (4 cijfers)"
    assert f"many-problems.json (locaties), rij 1, record test-locatie: {postcode}" in lines
    assert len(lines) >= 5


def test_cli_import_exits_2_on_a_broken_file_and_reports_counts_otherwise(tmp_path: Path) -> None:
    provision_test_keyring(tmp_path / "d")
    out = io.StringIO()
    code = cli.main(["--data-dir", str(tmp_path / "d"), "catalogue", "import", str(BROKEN / "csv-problems")], out=out)
    assert code == 2
    assert "geweigerd" in out.getvalue()
    assert "locations.csv, rij 2" in out.getvalue()

    export = tmp_path / "uit.json"
    out = io.StringIO()
    assert (
        cli.main(["--data-dir", str(tmp_path / "d"), "catalogue", "export", str(export), "--format", "json"], out=out)
        == 0
    )
    out = io.StringIO()
    assert cli.main(["--data-dir", str(tmp_path / "d"), "catalogue", "validate", str(export)], out=out) == 0
    assert "in orde" in out.getvalue()
    out = io.StringIO()
    assert cli.main(["--data-dir", str(tmp_path / "d"), "catalogue", "import", str(export)], out=out) == 0
    assert "0 toegevoegd, 0 gewijzigd" in out.getvalue()
