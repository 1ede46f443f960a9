"""The core's translations: which language, a complete English catalogue in sync with the code, and its use."""

from __future__ import annotations

import datetime as dt
import importlib.util
import logging
import re
from pathlib import Path
from types import ModuleType

import pytest
from babel.messages.pofile import read_po

from leerwinkel import i18n
from leerwinkel.dates import format_long_date
from leerwinkel.errors import InvalidInputError, NotFoundError, Problem, StorageError, StorageProblem
from leerwinkel.messages import describe, field_label
from leerwinkel.taxonomy import WISH_CATEGORIES
from tests.helpers import run_main

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


def load_tool() -> ModuleType:
    """packaging/translations.py: the extraction and compilation that ``make translations`` runs."""
    spec = importlib.util.spec_from_file_location("translations_tool", ROOT / "packaging" / "translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def tool() -> ModuleType:
    return load_tool()


@pytest.fixture
def english(tool: ModuleType, tmp_path: Path) -> None:
    """The core in English, from a catalogue compiled for this test (the source .po, not a stale .mo)."""
    mo = tmp_path / "leerwinkel_en.mo"
    tool.compile_po(TRANSLATIONS / "leerwinkel_en.po", mo)
    assert i18n.activate("en", tmp_path)


def other_languages() -> list[str]:
    return [code for code in i18n.LANGUAGES if code != i18n.SOURCE_LANGUAGE]


@pytest.mark.parametrize("language", other_languages())
def test_every_core_sentence_is_translated(language: str) -> None:
    with (TRANSLATIONS / f"leerwinkel_{language}.po").open("rb") as handle:
        catalog = read_po(handle)
    messages = [m for m in catalog if m.id]
    assert len(messages) > 500
    untranslated = [m.id for m in messages if not m.string]
    fuzzy = [m.id for m in messages if m.fuzzy]
    assert not untranslated, f"{len(untranslated)} untranslated in leerwinkel_{language}.po: {untranslated[:10]}"
    assert not fuzzy, f"fuzzy (unchecked) translations in leerwinkel_{language}.po: {fuzzy[:10]}"
    assert not catalog.obsolete, "obsolete entries: run make translations"
    wrong = [
        (m.id, m.string)
        for m in messages
        if sorted(PLACEHOLDER.findall(str(m.id))) != sorted(PLACEHOLDER.findall(str(m.string)))
    ]
    assert not wrong, f"placeholders differ: {wrong[:5]}"


@pytest.mark.parametrize("language", other_languages())
def test_the_core_catalogue_is_in_sync_with_the_code(tool: ModuleType, tmp_path: Path, language: str) -> None:
    """A new _()/N_() sentence without a translation, or a translation of a sentence that is gone, fails."""
    pot = tmp_path / "leerwinkel.pot"
    tool.extract_core(pot)
    with pot.open("rb") as handle:
        in_code = {m.id for m in read_po(handle) if m.id}
    with (TRANSLATIONS / f"leerwinkel_{language}.po").open("rb") as handle:
        in_catalogue = {m.id for m in read_po(handle) if m.id}
    assert not in_code - in_catalogue, f"not in the catalogue (run make translations): {sorted(in_code - in_catalogue)}"
    assert not in_catalogue - in_code, (
        f"no longer in the code (run make translations): {sorted(in_catalogue - in_code)}"
    )


def test_extraction_finds_a_new_sentence(tool: ModuleType, tmp_path: Path) -> None:
    """The sync test can fail: a module with a new sentence shows up in the extracted template."""
    (tmp_path / "leerwinkel").mkdir()
    (tmp_path / "leerwinkel" / "extra.py").write_text(
        'from leerwinkel.i18n import N_, _\nA = N_("Een nieuwe zin")\n\ndef f():\n    return _("Nog een zin")\n',
        encoding="utf-8",
    )
    (tmp_path / "ui").mkdir()
    (tmp_path / "ui" / "launcher.py").write_text("", encoding="utf-8")
    pot = tmp_path / "out.pot"
    tool.extract_core(pot, root=tmp_path)
    with pot.open("rb") as handle:
        assert {m.id for m in read_po(handle) if m.id} == {"Een nieuwe zin", "Nog een zin"}


def test_the_language_follows_the_override_then_the_choice_then_the_system() -> None:
    choose = i18n.choose_language
    assert choose(override=None, stored=None, system=[]) == "nl"
    assert choose(override=None, stored=None, system=["en-GB", "nl-BE"]) == "en"
    assert choose(override=None, stored=None, system=["de-DE", "nl-BE"]) == "nl"  # the first known one
    assert choose(override=None, stored=None, system=["ja-JP"]) == "nl"
    # French is a system language the rule names, but the app is not complete in it yet: Dutch
    assert choose(override=None, stored=None, system=["fr-BE", "en"]) == "nl"
    assert choose(override=None, stored="en", system=["nl-BE"]) == "en"
    assert choose(override="nl", stored="en", system=["en-US"]) == "nl"
    assert choose(override="en_GB.UTF-8", stored=None, system=[]) == "en"
    assert choose(override="xx", stored="en", system=[]) == "nl"  # an unknown override: the source language
    assert choose(override="", stored="en", system=[]) == "en"


def test_posix_system_languages() -> None:
    env = {"LANGUAGE": "en_GB:nl", "LANG": "C.UTF-8"}
    assert i18n.system_languages(env) == ["en", "nl"]
    assert i18n.system_languages({"LANG": "POSIX"}) == []


def test_the_choice_is_kept_per_installation(tmp_path: Path) -> None:
    setting = i18n.LanguageSetting(tmp_path, environ={})
    assert setting.chosen() is None
    assert setting.choose("en", system=["nl-BE"]) is True  # the window is Dutch now, English after a restart
    assert setting.chosen() == "en"
    assert i18n.language_for(tmp_path, environ={}, system=["nl"]) == "en"
    assert i18n.language_for(tmp_path, environ={"LEERWINKEL_LANGUAGE": "nl"}, system=[]) == "nl"
    assert setting.choose(None, system=["nl-BE"]) is False  # back to the system's: Dutch, as now
    assert setting.chosen() is None
    (tmp_path / i18n.LANGUAGE_FILE).write_text("klingon\n", encoding="ascii")
    assert setting.chosen() is None
    with pytest.raises(ValueError):
        setting.choose("klingon")
    assert i18n.LanguageSetting(tmp_path, environ={"LEERWINKEL_LANGUAGE": "en"}).overridden_by() == "en"


@pytest.mark.usefixtures("english")
def test_messages_and_labels_in_english() -> None:
    assert describe(NotFoundError("client", "Tess")) == "No client found with “Tess”."
    problem = Problem("bad-date", "birth_date", details={"value": "31/02"})
    assert describe(InvalidInputError([problem])) == (
        "Date of birth: “31/02” is not a valid date; write dd/mm/yyyy (or yyyy-mm-dd)."
    )
    assert describe(StorageError(StorageProblem.DISK_FULL)).startswith(
        "The data have not been saved: the disk is full."
    )
    assert field_label("postcode") == "postcode"
    assert WISH_CATEGORIES.label("vca") == WISH_CATEGORIES.get("vca").label_en
    assert WISH_CATEGORIES.label("vca", "nl") == WISH_CATEGORIES.get("vca").label_nl  # letters ask for Dutch
    assert format_long_date(dt.date(2027, 1, 12)) == "Tuesday 12 January 2027"
    assert format_long_date(dt.date(2027, 1, 12), "nl") == "dinsdag 12 januari 2027"
    i18n.activate("nl")
    assert describe(NotFoundError("client", "Tess")) == "Geen cliënt gevonden met “Tess”."


@pytest.mark.usefixtures("english")
def test_constants_are_translated_where_they_are_used() -> None:
    """A sentence kept in a module constant follows the language activated after the import."""
    from leerwinkel.catalogue.match import SCHEDULE_ONLY

    assert SCHEDULE_ONLY["avond"] == "in the evening"
    i18n.activate("nl")
    assert SCHEDULE_ONLY["avond"] == "'s avonds"


def test_a_missing_catalogue_leaves_dutch(tmp_path: Path, expected_warnings: list[logging.LogRecord]) -> None:
    assert not i18n.activate("en", tmp_path)
    assert describe(NotFoundError("client", "Tess")) == "Geen cliënt gevonden met “Tess”."
    assert [r.name for r in expected_warnings] == ["leerwinkel.i18n"]
    assert "make translations" in expected_warnings[0].getMessage()


def test_the_command_line_speaks_english(
    tool: ModuleType, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    tool.compile_all()  # the command line reads resources/translations, as an installed program does
    monkeypatch.setenv("LEERWINKEL_LANGUAGE", "en")
    assert run_main("--help")[0] == 0  # argparse prints its help on sys.stdout
    assert "user name (otherwise LEERWINKEL_USER)" in capsys.readouterr().out
    code, out, err = run_main("clients", "list")
    assert code == 0, err
    assert "0 clients." in out, out
    monkeypatch.setenv("LEERWINKEL_LANGUAGE", "nl")
    assert run_main("--help")[0] == 0
    assert "gebruikersnaam (anders LEERWINKEL_USER)" in capsys.readouterr().out
