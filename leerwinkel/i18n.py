"""The language of the app: which one (setting, environment, system) and the core's translated sentences.

Dutch (nl-BE) is the source language: every sentence in the code is Dutch and marked with ``_()`` (translated
where it is called) or ``N_()`` (a constant, translated where it is used: ``_(CONSTANT)``). The translations
live in ``resources/translations/leerwinkel_<language>.po`` (extracted with ``make translations``) and are
read from the compiled ``.mo`` beside it. The window's own texts use Qt's catalogue of the same name (``.ts``).

The active language is process-wide state, as gettext's is: the launcher (window or command line) calls
:func:`activate` once, before it builds anything a user reads. Code must not cache a translated sentence at
import time: that would freeze the language of whoever imported it first.
"""

from __future__ import annotations

import gettext
import logging
import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from leerwinkel.markers import N_ as N_  # the marker, re-exported: every module takes it from here

log = logging.getLogger(__name__)

SOURCE_LANGUAGE = "nl"
#: The languages the window and the core are complete in (tests/core/test_translations.py), with their own name.
LANGUAGES: dict[str, str] = {"nl": "Nederlands", "en": "English"}
#: The system languages that decide the default when no language was chosen (issue 17): Dutch, English or
#: French; one without a complete catalogue (French for now) falls back to Dutch.
SYSTEM_CANDIDATES = ("nl", "en", "fr")
LANGUAGE_ENV = "LEERWINKEL_LANGUAGE"
#: The chosen language is kept per installation in this file of the data directory: it must be known before
#: anyone signs in (the sign-in dialog is in it), so it cannot live in the encrypted database.
LANGUAGE_FILE = "language"
CATALOGUE = "leerwinkel"


class _State:
    translations: gettext.NullTranslations = gettext.NullTranslations()
    language: str = SOURCE_LANGUAGE


def _(text: str) -> str:
    """The sentence in the active language (Dutch, the source, when it has no translation)."""
    return _State.translations.gettext(text)


def current_language() -> str:
    return _State.language


def normalise(code: str | None) -> str | None:
    """ "en_GB.UTF-8", "en-GB", "EN" -> "en"; None for an empty value or "C"/"POSIX"."""
    if not code:
        return None
    base = code.strip().replace("-", "_").split(".")[0].split("@")[0].split("_")[0].lower()
    if not base or base in ("c", "posix"):
        return None
    return base


def system_languages(environ: Mapping[str, str] | None = None) -> list[str]:
    """The user's languages as the POSIX environment names them (LANGUAGE, LC_ALL, LC_MESSAGES, LANG).

    The window passes Qt's ``QLocale.system().uiLanguages()`` instead, which also knows Windows and macOS.
    """
    env = os.environ if environ is None else environ
    found: list[str] = []
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        for part in env.get(name, "").split(":"):
            code = normalise(part)
            if code and code not in found:
                found.append(code)
    return found


def choose_language(*, override: str | None, stored: str | None, system: Iterable[str]) -> str:
    """The language to use: $LEERWINKEL_LANGUAGE, else the one chosen in Instellingen, else the first of the
    system's languages that is Dutch, English or French, else Dutch. A language without a complete catalogue
    becomes Dutch.
    """
    for explicit in (override, stored):
        code = normalise(explicit)
        if code:
            return code if code in LANGUAGES else SOURCE_LANGUAGE
    for candidate in system:
        code = normalise(candidate)
        if code in SYSTEM_CANDIDATES:
            return code if code in LANGUAGES else SOURCE_LANGUAGE
    return SOURCE_LANGUAGE


def read_stored_language(data_dir: Path) -> str | None:
    """The language chosen in Instellingen for this installation, or None when none was chosen."""
    try:
        value = (data_dir / LANGUAGE_FILE).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    code = normalise(value)
    return code if code in LANGUAGES else None


def store_language(data_dir: Path, language: str | None) -> None:
    """Keep ``language`` as this installation's choice (None: follow the system's language again)."""
    path = data_dir / LANGUAGE_FILE
    if language is None:
        path.unlink(missing_ok=True)
        return
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    from leerwinkel.fileio import atomic_write_bytes

    atomic_write_bytes(path, (language + "\n").encode("ascii"))


class LanguageSetting:
    """The language chosen in Instellingen for one installation (the facade's ``language``)."""

    def __init__(self, data_dir: Path, environ: Mapping[str, str] | None = None) -> None:
        self.data_dir = data_dir
        self._environ = environ

    @property
    def languages(self) -> dict[str, str]:
        """Code -> the language's own name, for every language the app is complete in."""
        return dict(LANGUAGES)

    @property
    def active(self) -> str:
        return current_language()

    def chosen(self) -> str | None:
        """The chosen language, or None when the system's language decides."""
        return read_stored_language(self.data_dir)

    def choose(self, language: str | None, *, system: Iterable[str] | None = None) -> bool:
        """Keep the choice for the next start; True when that start will use another language than now.

        $LEERWINKEL_LANGUAGE still overrides the choice (see :func:`overridden_by`).
        """
        store_language(self.data_dir, language)
        env = os.environ if self._environ is None else self._environ
        languages = system_languages(env) if system is None else system
        next_language = choose_language(override=env.get(LANGUAGE_ENV), stored=language, system=languages)
        return next_language != current_language()

    def overridden_by(self) -> str | None:
        """The value of $LEERWINKEL_LANGUAGE when it is set: it wins over the choice."""
        env = os.environ if self._environ is None else self._environ
        value = env.get(LANGUAGE_ENV, "").strip()
        return value or None


def language_for(data_dir: Path, *, environ: Mapping[str, str] | None = None, system: Iterable[str] = ()) -> str:
    """:func:`choose_language` with the environment's override and the stored choice of ``data_dir``."""
    env = os.environ if environ is None else environ
    return choose_language(override=env.get(LANGUAGE_ENV), stored=read_stored_language(data_dir), system=system)


def activate_for(data_dir: Path | None = None, *, system: Iterable[str] | None = None) -> str:
    """Activate the language of this installation (``data_dir``: explicit, else $LEERWINKEL_DATA_DIR, else the
    platform's); ``system`` defaults to the POSIX environment's languages. Returns the language.
    """
    from leerwinkel import paths

    language = language_for(paths.data_dir(data_dir), system=system_languages() if system is None else system)
    activate(language)
    return language


def catalogue_path(language: str, directory: Path | None = None) -> Path:
    """The compiled core catalogue of ``language`` (``make translations`` or the build writes it)."""
    if directory is None:
        from leerwinkel.paths import resource

        directory = resource("translations")
    return directory / f"{CATALOGUE}_{language}.mo"


def activate(language: str, directory: Path | None = None) -> bool:
    """Make ``language`` the active language of the core; False when its compiled catalogue is missing
    (the sentences then stay Dutch).
    """
    _State.language = language if language in LANGUAGES else SOURCE_LANGUAGE
    _State.translations = gettext.NullTranslations()
    if _State.language == SOURCE_LANGUAGE:
        return True
    path = catalogue_path(_State.language, directory)
    try:
        with path.open("rb") as handle:
            _State.translations = gettext.GNUTranslations(handle)
    except OSError:
        log.warning("no compiled catalogue for language %s at %s (run 'make translations')", language, path)
        return False
    return True


class TranslatedMapping(Mapping[str, str]):
    """A constant mapping of codes to Dutch sentences marked with ``N_()``, read in the active language."""

    def __init__(self, source: Mapping[str, str]) -> None:
        self._source = dict(source)

    def __getitem__(self, key: str) -> str:
        return _(self._source[key])

    def __iter__(self) -> Iterator[str]:
        return iter(self._source)

    def __len__(self) -> int:
        return len(self._source)
