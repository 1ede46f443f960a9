"""Extract and compile the translations: the window's Qt catalogues (.ts -> .qm) and the core's (.po -> .mo).

The compiled files are not committed (they are generated); ``make run``, ``make test``, ``make package`` and
the PyInstaller spec compile them with this script. ``extract`` refreshes the sources from the code
(``make translations``): every ``self.tr()``/``QT_TRANSLATE_NOOP`` of ui/ into leerwinkel_<lang>.ts, every
``_()``/``N_()`` of leerwinkel/ (and the launcher) into leerwinkel_<lang>.po. New texts arrive unfinished (an
empty msgstr, ``type="unfinished"``) and tests/core/test_translations.py fails until they are translated.

    python packaging/translations.py compile [--check]
    python packaging/translations.py extract
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIRECTORY = ROOT / "resources" / "translations"
SOURCE_LANGUAGE = "nl_BE"
#: Where the core's sentences are: the Qt-free core, and the launcher's few lines before Qt is loaded.
CORE_SOURCES = ("leerwinkel", "ui/launcher.py")
#: The markers of the core (leerwinkel/i18n.py); Babel's default keywords also know gettext's other names.
CORE_KEYWORDS = ("_", "N_")
HEADER_COMMENT = "# The core's sentences (leerwinkel/): Dutch source, translated. Refresh with `make translations`."
STABLE_DATE = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def qt_tool(name: str) -> Path:
    """lupdate/lrelease as PySide6 ships them (no Qt development packages needed)."""
    import PySide6

    folder = Path(PySide6.__file__).resolve().parent
    for candidate in (folder / name, folder / f"{name}.exe", folder / "Qt" / "libexec" / name):
        if candidate.exists():
            return candidate
    raise FileNotFoundError(f"{name} is not in the PySide6 installation at {folder}")


def ui_sources(root: Path = ROOT) -> list[str]:
    return sorted(str(path.relative_to(root)) for path in (root / "ui").rglob("*.py"))


def run_lupdate(ts: Path, *, root: Path = ROOT, language: str) -> None:
    """Bring ``ts`` up to date with the code: new texts unfinished, vanished ones dropped."""
    subprocess.run(
        [
            str(qt_tool("lupdate")),
            *ui_sources(root),
            "-source-language",
            SOURCE_LANGUAGE,
            "-target-language",
            language,
            "-locations",
            "none",  # no line numbers: a .ts that changes only where a text changed merges well
            "-no-obsolete",
            "-silent",
            "-ts",
            str(ts),
        ],
        cwd=root,
        check=True,
    )


def extract_core(pot: Path, *, root: Path = ROOT) -> None:
    """The core's sentences into a template (Babel's extractor, sorted, without line numbers)."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_dir, extract_from_file
    from babel.messages.pofile import write_po

    catalog = Catalog(project="Leerwinkel Intake", locale=None)
    keywords: dict[str, None] = dict.fromkeys(CORE_KEYWORDS)
    for source in CORE_SOURCES:
        path = root / source
        if path.is_dir():
            found = (
                (filename, lineno, message, comments)
                for filename, lineno, message, comments, _context in extract_from_dir(
                    path, method_map=[("**.py", "python")], keywords=keywords
                )
            )
        else:
            found = (
                (source, lineno, message, comments)
                for lineno, message, comments, _context in extract_from_file("python", path, keywords=keywords)
            )
        for _filename, _lineno, message, comments in found:
            catalog.add(message, auto_comments=comments)
    with pot.open("wb") as handle:
        write_po(handle, catalog, omit_header=True, no_location=True, sort_output=True)


def update_po(po: Path, pot: Path, *, language: str) -> None:
    """Merge the template into ``po``: kept translations stay, new sentences arrive empty, gone ones go."""
    from babel.messages.pofile import read_po, write_po

    with pot.open("rb") as handle:
        template = read_po(handle)
    if po.exists():
        with po.open("rb") as handle:
            catalog = read_po(handle, locale=language)
    else:
        from babel.messages.catalog import Catalog

        catalog = Catalog(locale=language, project="Leerwinkel Intake")
    catalog.update(template, no_fuzzy_matching=True)  # a guessed translation is worse than none
    catalog.obsolete.clear()
    # a stable header: the file changes only where a sentence or a translation changed
    catalog.fuzzy = False
    catalog.header_comment = HEADER_COMMENT
    catalog.creation_date = catalog.revision_date = STABLE_DATE
    catalog.last_translator = catalog.language_team = "Leerwinkel Intake"
    catalog.msgid_bugs_address = ""
    catalog.version = "1"
    with po.open("wb") as handle:
        write_po(handle, catalog, no_location=True, sort_output=True, width=120)


def compile_po(po: Path, mo: Path) -> None:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as handle:
        catalog = read_po(handle)
    with mo.open("wb") as handle:
        write_mo(handle, catalog)


def compile_ts(ts: Path, qm: Path) -> None:
    subprocess.run([str(qt_tool("lrelease")), "-silent", str(ts), "-qm", str(qm)], check=True)


def languages(directory: Path = DIRECTORY) -> list[str]:
    found = {path.stem.split("_", 1)[1] for path in directory.glob("leerwinkel_*.ts")}
    found |= {path.stem.split("_", 1)[1] for path in directory.glob("leerwinkel_*.po")}
    return sorted(found)


def compile_all(directory: Path = DIRECTORY, *, out: Path | None = None) -> list[Path]:
    """Compile every catalogue whose compiled file is missing or older than its source; returns them all."""
    out = out or directory
    compiled: list[Path] = []
    for language in languages(directory):
        for source, suffix, compile_one in (
            (directory / f"leerwinkel_{language}.ts", ".qm", compile_ts),
            (directory / f"leerwinkel_{language}.po", ".mo", compile_po),
        ):
            if not source.exists():
                continue
            target = out / (source.stem + suffix)
            if not target.exists() or target.stat().st_mtime < source.stat().st_mtime:
                compile_one(source, target)
            compiled.append(target)
    return compiled


def extract_all(directory: Path = DIRECTORY, *, root: Path = ROOT) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        pot = Path(scratch) / "leerwinkel.pot"
        extract_core(pot, root=root)
        for language in languages(directory):
            run_lupdate(directory / f"leerwinkel_{language}.ts", root=root, language=language)
            update_po(directory / f"leerwinkel_{language}.po", pot, language=language)


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "compile"
    if command == "extract":
        extract_all()
        compile_all()
        return 0
    if command == "compile":
        for path in compile_all():
            print(path.relative_to(ROOT))
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
