"""The Catalogus page, driven by keyboard: search as you type, filters, details, edit, import, export."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from leerwinkel.app import Leerwinkel
from leerwinkel.catalogue.search import OfferingSummary
from tests.ui.conftest import show_active
from ui.catalogue.detail import CheckSourceDialog
from ui.catalogue.dialogs import OfferingDialog, ProblemReportDialog
from ui.catalogue.model import CatalogueTableModel
from ui.catalogue.page import CataloguePage
from ui.catalogue.places import LocationDialog, PlacesDialog

BROKEN = Path(__file__).parent.parent / "core" / "data" / "catalogue-broken"
EXAM = "Getuigschrift 1ste graad, getuigschrift 2de graad, diploma secundair onderwijs via examens"


@pytest.fixture
def page(qtbot: QtBot, facade: Leerwinkel) -> CataloguePage:
    page = CataloguePage(facade)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.index_ready, timeout=10000):  # the first index build runs off the UI thread
        show_active(qtbot, page)
    return page


def shown_titles(page: CataloguePage) -> list[str]:
    return [page.model.index(r, 0).data() for r in range(page.model.rowCount())]


def test_search_as_you_type_with_a_typo_and_details(qtbot: QtBot, page: CataloguePage) -> None:
    qtbot.keyClick(page, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search_field.hasFocus()
    qtbot.keyClicks(page.search_field, "exam")
    assert EXAM in shown_titles(page)
    qtbot.keyClicks(page.search_field, "encommisie")  # one letter missing
    assert EXAM in shown_titles(page)
    qtbot.keyClick(page.search_field, Qt.Key.Key_Return)
    assert page.table.hasFocus()
    row = shown_titles(page).index(EXAM)
    page.table.selectRow(row)
    details = page.detail.toPlainText()
    assert "Koning Albert II-laan 15, 1210 Brussel" in details
    assert "Laatst nagekeken: 01/07/2021 (meer dan 12 maanden geleden)" in details  # the exam rules of 2021
    assert "€38" in details
    # what is not known is left out, not shown as "onbekend"; the sources wait behind one link
    assert "onbekend" not in details and "Telefoon" not in details
    assert "Bronnen (3)" in details and "https://" not in details
    page.detail.anchorClicked.emit(QUrl("#bronnen"))
    assert "https://examencommissiesecundaironderwijs.be/examenreglement" in page.detail.toPlainText()


def test_status_onzeker_is_shown_in_the_list_and_the_details(qtbot: QtBot, page: CataloguePage) -> None:
    qtbot.keyClicks(page.search_field, "ap hogeschool mechelen")
    assert shown_titles(page)[0] == "Status onzeker: Graduaatsopleidingen en bachelor (Mechelen, uitdovend)"
    page.table.selectRow(0)
    assert "Status onzeker. AP sluit de campus in Mechelen" in page.detail.toPlainText()


def test_filters_by_keyboard(qtbot: QtBot, page: CataloguePage) -> None:
    everything = page.model.rowCount()
    qtbot.keyClick(page, Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)  # "In de &gevangenis"
    qtbot.waitUntil(page.prison.isChecked)  # a mnemonic clicks with a short animation
    in_prison = shown_titles(page)
    assert 0 < len(in_prison) < everything
    assert "Groepsonderwijs in de gevangenis (Vocvo met CBE/CVO)" in in_prison
    qtbot.keyClick(page, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)  # "&Categorie"
    assert page.category.hasFocus()
    page.category.setCurrentIndex(page.category.findData("vca"))
    assert set(shown_titles(page)) == {
        "VCA-opleiding in de gevangenis (voorbeeld Antwerpen)",
        "Status onzeker: VCA-examens voor gedetineerden",
    }
    assert page.status.text() == "2 aanbiedingen gevonden."
    qtbot.keyClick(page, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)  # "&Onderwijstaal"
    assert page.language.hasFocus()
    qtbot.keyClicks(page.language, "fr")
    assert page.status.text() == "Geen aanbod gevonden."


def test_every_input_has_an_accessible_name_and_a_buddy(page: CataloguePage) -> None:
    inputs = (page.search_field, page.category, page.municipality, page.schedule, page.cost, page.level, page.language)
    for widget in inputs:
        assert widget.accessibleName()
        assert any(label.buddy() is widget for label in page.findChildren(QLabel))
    for widget in (page.prison, page.stale, page.table, page.detail):
        assert widget.accessibleName()


def test_add_an_offering_with_validation(qtbot: QtBot, facade: Leerwinkel, page: CataloguePage) -> None:
    dialog = OfferingDialog(facade, None, page)
    qtbot.addWidget(dialog)
    dialog.email.setText("geen-adres")
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert "Titel is verplicht" in dialog.problems.text()
    assert "E-mail: “geen-adres” is geen geldig e-mailadres" in dialog.problems.text()
    assert dialog.saved_id is None
    dialog.email.clear()
    qtbot.keyClicks(dialog.title, "Avondcursus lassen (test)")
    dialog.category.setCurrentIndex(dialog.category.findData("beroepsopleiding"))
    dialog.schedules["avond"].setChecked(True)
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert dialog.saved_id is not None
    page.search_field.setText("lassen")
    # the offering that says "lassen" first, then the other vocational courses ("lassen" asks for them)
    assert shown_titles(page)[0] == "Avondcursus lassen (test)"
    assert "Beroepsopleidingen (campus Vaartdijk)" in shown_titles(page)
    assert "Lesmomenten: Avond" in page.detail.toPlainText()


def test_edit_and_deactivate(
    qtbot: QtBot, facade: Leerwinkel, page: CataloguePage, monkeypatch: pytest.MonkeyPatch
) -> None:
    qtbot.keyClicks(page.search_field, "duoday")
    assert shown_titles(page) == ["Eén dag meedraaien als duo met een werknemer in een bedrijf"]

    def fake_edit(app: Leerwinkel, offering_id: object, parent: QWidget | None) -> object:
        dialog = OfferingDialog(app, offering_id, parent)  # type: ignore[arg-type]
        assert dialog.title.text() == "Eén dag meedraaien als duo met een werknemer in een bedrijf"
        dialog.cost_note.setText("Gratis voor deelnemers")
        dialog._on_save()
        return dialog.saved_id

    monkeypatch.setattr(OfferingDialog, "edit", staticmethod(fake_edit))
    page.table.setFocus()
    qtbot.keyClick(page, Qt.Key.Key_F2)
    assert "Kostprijs: Gratis voor deelnemers" in page.detail.toPlainText()
    qtbot.keyClick(page, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)  # "S&topzetten"
    qtbot.waitUntil(lambda: shown_titles(page) == [])
    assert "stopgezet" in page.status.text()


def test_a_refused_import_shows_a_saveable_report(
    qtbot: QtBot, page: CataloguePage, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    before = page.model.rowCount()
    monkeypatch.setattr(page, "choose_import_path", lambda: str(BROKEN / "many-problems.json"))
    shown: list[ProblemReportDialog] = []

    def fake_show(file_name: str, problems: list[str], parent: QWidget | None) -> None:
        dialog = ProblemReportDialog(file_name, problems, parent)
        qtbot.addWidget(dialog)
        shown.append(dialog)

    monkeypatch.setattr(ProblemReportDialog, "show_report", staticmethod(fake_show))
    qtbot.keyClick(page, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)  # "&Inlezen…"
    qtbot.waitUntil(lambda: len(shown) == 1)
    report = shown[0]
    assert "Naam is verplicht" in report.report.toPlainText()
    assert page.model.rowCount() == before
    target = tmp_path / "rapport.txt"
    monkeypatch.setattr(report, "choose_save_path", lambda: str(target))
    qtbot.mouseClick(report.save_button, Qt.MouseButton.LeftButton)
    assert "Postcode" in target.read_text(encoding="utf-8")


def test_export_then_import_reports_counts(
    qtbot: QtBot, page: CataloguePage, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "catalogus.xlsx"
    monkeypatch.setattr(page, "choose_export_target", lambda: (str(target), "xlsx"))
    qtbot.keyClick(page, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)  # "&Uitvoeren…"
    # The whole bundled catalogue to XLSX and back: seconds on a busy machine, so a generous wait.
    qtbot.waitUntil(lambda: page.status.text().startswith("Uitgevoerd naar"), timeout=60000)
    assert target.is_file()
    monkeypatch.setattr(page, "choose_import_path", lambda: str(target))
    show_active(qtbot, page)  # the offscreen platform does not hand activation back after the progress dialog
    qtbot.keyClick(page, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: page.status.text().startswith("Ingelezen"), timeout=60000)
    assert page.status.text().startswith("Ingelezen: 0 toegevoegd, 0 gewijzigd"), page.status.text()
    assert page.last_import is not None and page.last_import.last_progress == (3, 3)
    assert page.import_button.isEnabled() and page.export_button.isEnabled()


def test_the_table_model_fetches_lazily(qtbot: QtBot) -> None:
    ids = [uuid.uuid4() for _ in range(1000)]
    calls: list[int] = []

    def fetch(chunk: object) -> list[OfferingSummary | None]:
        items = list(chunk)  # type: ignore[call-overload]
        calls.append(len(items))
        return [None if i == ids[5] else _summary(i) for i in items]

    model = CatalogueTableModel(fetch)
    model.set_ids(ids)
    assert model.rowCount() == 1000 and calls == []
    assert model.index(3, 0).data() == f"Aanbod {ids[3].hex[:4]}"
    assert model.index(50, 1).data() == "Aanbieder"
    assert calls == [100]
    assert model.index(950, 0).data() == f"Aanbod {ids[950].hex[:4]}"
    assert calls == [100, 100]
    assert model.flags(model.index(5, 0)) == Qt.ItemFlag.NoItemFlags
    assert "verwijderd" in model.index(5, 0).data()


def _summary(offering_id: uuid.UUID) -> OfferingSummary:
    return OfferingSummary(
        id=offering_id,  # type: ignore[arg-type]
        title=f"Aanbod {offering_id.hex[:4]}",
        provider_name="Aanbieder",
        category="nt2",
        cities=(),
        schedules=frozenset(),
        is_free=None,
        in_prison=False,
        last_verified=None,
        is_stale=True,
        active=True,
    )


def test_the_page_stays_responsive_while_the_index_is_built(
    qtbot: QtBot, facade: Leerwinkel, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from leerwinkel.catalogue.service import CatalogueService

    release = threading.Event()
    built_on: list[bool] = []
    original = CatalogueService.search_index

    def slow_index(self: CatalogueService) -> object:
        built_on.append(threading.current_thread() is threading.main_thread())
        release.wait(timeout=10)
        return original(self)

    monkeypatch.setattr(CatalogueService, "search_index", slow_index)
    page = CataloguePage(facade)
    qtbot.addWidget(page)
    show_active(qtbot, page)  # returns while the index is still being built
    qtbot.keyClicks(page.search_field, "vca")
    assert page.search_field.text() == "vca"
    assert "geladen" in page.status.text()
    with qtbot.waitSignal(page.index_ready, timeout=10000):
        release.set()
    assert built_on == [False]
    assert "Status onzeker: VCA-examens voor gedetineerden" in shown_titles(page)


def test_nagekeken_records_a_check_by_phone(qtbot: QtBot, page: CataloguePage, monkeypatch: pytest.MonkeyPatch) -> None:
    assert page.stale.text() == "Te controleren (12 maan&den niet nagekeken)"
    qtbot.keyClick(page, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)  # "Te controleren"
    qtbot.waitUntil(page.stale.isChecked)
    title = "Diploma secundair onderwijs (tweedekansonderwijs)"  # its only dated page is from 2003
    assert title in shown_titles(page)
    page.table.selectRow(shown_titles(page).index(title))
    monkeypatch.setattr(CheckSourceDialog, "ask", classmethod(lambda cls, parent: "telefonisch"))
    qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    assert page.status.text() == "Nagekeken op 16/03/2026."
    assert title not in shown_titles(page)  # no longer to check


def test_a_new_place_is_added_with_the_keyboard_and_the_offering_is_given_there(
    qtbot: QtBot, facade: Leerwinkel, page: CataloguePage, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 13 item 3: the Leerwinkel adds a provider's place (inside a prison) and links an offering to it."""
    qtbot.keyClicks(page.search_field, "duoday")
    assert shown_titles(page) == ["Eén dag meedraaien als duo met een werknemer in een bedrijf"]
    page.table.setFocus()
    page.table.selectRow(0)

    def fill(dialog: LocationDialog) -> bool:
        qtbot.addWidget(dialog)
        qtbot.keyClicks(dialog.name, "Werkhuis vleugel C")
        qtbot.keyClicks(dialog.postcode, "28")  # a typo first: the dialog stays open and says why
        dialog.prison.setCurrentIndex(dialog.prison.findData("gevangenis-mechelen"))
        dialog._on_save()
        assert dialog.saved_id is None and "Postcode" in dialog.problems.text()
        qtbot.keyClicks(dialog.postcode, "00")
        qtbot.keyClicks(dialog.city, "Mechelen")
        dialog._on_save()
        return dialog.saved_id is not None

    monkeypatch.setattr(PlacesDialog, "ask", staticmethod(fill))
    shown: list[PlacesDialog] = []

    def run_places(dialog: PlacesDialog) -> int:
        shown.append(dialog)
        qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
        return 0

    monkeypatch.setattr(PlacesDialog, "exec", run_places)
    assert page.places_button.isVisible() and page.places_button.text() == "Loc&aties…"
    qtbot.mouseClick(page.places_button, Qt.MouseButton.LeftButton)
    [places] = shown
    assert any("Werkhuis vleugel C" in places.list.item(i).text() for i in range(places.list.count()))
    assert page.status.text() == "De locaties van DUOday (coördinatie GTB) zijn opgeslagen."

    offering_id = page.selected_offering()
    dialog = OfferingDialog(facade, offering_id)
    qtbot.addWidget(dialog)
    row = next(i for i in range(dialog.places.count()) if "Werkhuis vleugel C" in dialog.places.item(i).text())
    dialog.places.item(row).setCheckState(Qt.CheckState.Checked)
    dialog._on_save()
    assert dialog.saved_id == offering_id
    info = facade.catalogue.get_offering(offering_id)  # type: ignore[arg-type]
    inside = [loc for loc in info.locations if loc.name == "Werkhuis vleugel C"]
    assert inside and inside[0].prison_site_code == "gevangenis-mechelen" and inside[0].postcode == "2800"
