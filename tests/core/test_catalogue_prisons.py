"""Every prison of Flanders and Brussels is a site; catalogue records refer to sites; the sheet works for each."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from leerwinkel import cli
from leerwinkel.catalogue.formats import read_path
from leerwinkel.catalogue.match import ClientProfile
from leerwinkel.catalogue.service import CatalogueService, bundled_catalogue
from leerwinkel.errors import InvalidInputError
from leerwinkel.letters.service import LetterService
from leerwinkel.storage.models import Site
from leerwinkel.storage.store import Store
from leerwinkel.taxonomy import WISH_CATEGORIES
from tests.core.catalogue_data import ADMIN
from tests.factories import provision_test_keyring
from tests.pdfcheck import pdf_text

#: The prisons the reference notes list (prisons-and-work-learning.md §1), by their site codes.
PRISONS = {
    "gevangenis-antwerpen",
    "gevangenis-mechelen",
    "gevangenis-wortel",
    "gevangenis-merksplas",
    "gevangenis-hoogstraten",
    "gevangenis-turnhout",
    "gevangenis-gent",
    "gevangenis-beveren",
    "gevangenis-oudenaarde",
    "gevangenis-dendermonde",
    "gevangenis-dendermonde-hulp",
    "gevangenis-brugge",
    "gevangenis-ieper",
    "gevangenis-ruiselede",
    "gevangenis-hasselt",
    "gevangenis-tongeren",
    "gevangenis-leuven-centraal",
    "gevangenis-leuven-hulp",
    "gevangenis-haren",
    "gevangenis-sint-gillis",
}


def prison_sites(store: Store) -> dict[str, Site]:
    with store.unit_of_work() as session:
        rows = session.scalars(select(Site).where(Site.kind == "gevangenis")).all()
        session.expunge_all()
    return {site.code: site for site in rows}


def test_every_prison_is_a_site_with_its_sources(sqlite_store: Store) -> None:
    sites = prison_sites(sqlite_store)
    assert set(sites) >= PRISONS
    assert {"fpc-antwerpen", "fpc-gent", "detentiehuis-kortrijk", "detentiehuis-olen"} <= set(sites)
    for site in sites.values():
        assert site.sources.strip(), site.code
        assert site.municipality, site.code
    assert sites["gevangenis-antwerpen"].street == "Begijnenstraat 42"
    assert sites["gevangenis-haren"].postcode == "1130"
    assert sites["gevangenis-tongeren"].street == ""  # not in the notes: unknown stays unknown
    assert "onzeker" in sites["gevangenis-hoogstraten"].note


def test_the_bundle_refers_only_to_sites_and_reaches_every_prison(sqlite_store: Store) -> None:
    sites = prison_sites(sqlite_store)
    data = read_path(bundled_catalogue(), prisons=frozenset(sites)).data
    codes = {loc.prison_site_code for loc in data.locations if loc.prison_site_code}
    assert codes <= set(sites)
    assert codes >= PRISONS  # Vocvo's onderwijscoördinator and De Rode Antraciet work in every prison


def test_the_catalogue_sheet_works_for_every_prison(sqlite_store: Store) -> None:
    CatalogueService(sqlite_store).load_bundle(force=True)
    letters = LetterService(sqlite_store)
    for code, site in sorted(prison_sites(sqlite_store).items()):
        sheet = letters.catalogue_sheet(list(WISH_CATEGORIES.codes), prison=code)
        text = " ".join(pdf_text(sheet.pdf).split())
        assert site.name in text, code
        if code in PRISONS:
            assert "Onderwijscoördinator in de gevangenis" in text, code


def test_an_import_naming_an_unknown_prison_is_refused(sqlite_store: Store, tmp_path: Path) -> None:
    document = {
        "format": "leerwinkel-catalogue",
        "version": 1,
        "providers": [{"id": "p", "name": "Voorbeeldcentrum"}],
        "locations": [{"id": "l", "provider": "p", "city": "Nergens", "prison_site_code": "gevangenis-nergens"}],
        "offerings": [{"id": "o", "provider": "p", "title": "Cursus", "category": "nt2", "locations": ["l"]}],
    }
    path = tmp_path / "onbekende-gevangenis.json"
    path.write_text(json.dumps(document), "utf-8")
    with pytest.raises(InvalidInputError) as caught:
        CatalogueService(sqlite_store).import_file(path, actor=ADMIN)
    assert [p.reason for p in caught.value.problems] == ["unknown-prison"]


def test_the_prison_sheet_of_antwerp_is_no_longer_refused_on_the_command_line(tmp_path: Path) -> None:
    provision_test_keyring(tmp_path / "d")
    out = io.StringIO()
    target = tmp_path / "antwerpen.pdf"
    args = ["letter", "catalogue", "--category", "vca", "--prison", "gevangenis-antwerpen", "--out", str(target)]
    assert cli.main(["--data-dir", str(tmp_path / "d"), *args], out=out) == 0, out.getvalue()
    text = " ".join(pdf_text(target.read_bytes()).split())
    assert "Gevangenis Antwerpen" in text
    assert "VCA-opleiding in de gevangenis" in text


def test_proposals_say_status_onzeker(sqlite_store: Store) -> None:
    service = CatalogueService(sqlite_store)
    service.load_bundle(force=True)
    profile = ClientProfile(
        detained=True, prison_site_code="gevangenis-mechelen", target_groups=frozenset({"gedetineerde"})
    )
    result = service.match("orientatie", profile, limit=100)
    everything = list(result.matches)
    lio = [m for m in everything if m.title.startswith("Studieoriëntering en leertrajectbegeleiding")]
    assert lio and any(reason.startswith("status onzeker (LIO zou op 1 januari 2024") for reason in lio[0].reasons)
    coordinator = [m for m in everything if m.title.startswith("Onderwijscoördinator in de gevangenis")]
    assert coordinator and not any("status onzeker" in reason for reason in coordinator[0].reasons)
