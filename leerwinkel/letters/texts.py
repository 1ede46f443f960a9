"""The letter texts in resources/letters/ (one JSON file a language) and Dutch-style dates."""

from __future__ import annotations

import datetime as dt
import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from leerwinkel import paths
from leerwinkel.dates import to_local
from leerwinkel.errors import InvalidInputError
from leerwinkel.messages import _

BASE_LANGUAGE = "nl"


@dataclass(frozen=True)
class Texts:
    """The texts of one language; ``text(section, key, **values)`` formats one sentence."""

    language: str
    data: dict[str, Any]

    def text(self, section: str, key: str, **values: object) -> str:
        template = self.data.get(section, {}).get(key)
        if not isinstance(template, str):
            raise KeyError(f"{self.language}.json has no text {section}.{key}")
        return template.format(**values) if values else template

    @property
    def name(self) -> str:
        """The language's own name (``العربية``), as the reader knows it."""
        return str(self.data.get("name", self.language))

    @property
    def reviewed(self) -> bool:
        """Whether a native speaker has checked the translation (``reviewed`` in the file)."""
        return self.data.get("reviewed") is True

    @property
    def rtl(self) -> bool:
        return self.data.get("direction") == "rtl"

    def has(self, section: str, key: str) -> bool:
        return isinstance(self.data.get(section, {}).get(key), str)

    def long_date(self, day: dt.date) -> str:
        """The date with its weekday: ``maandag 12 januari 2027``."""
        template = str(self.data.get("long_date", "{weekday} {day} {month} {year}"))
        return template.format(
            weekday=self.data["weekdays"][day.weekday()],
            day=day.day,
            month=self.data["months"][day.month - 1],
            year=day.year,
        )

    def schedule(self, code: str) -> str:
        labels: dict[str, str] = self.data.get("handout", {}).get("schedules", {})
        return labels.get(code, code)

    def date(self, day: dt.date) -> str:
        return str(self.data["date"]).format(day=day.day, month=self.data["months"][day.month - 1], year=day.year)

    def datetime(self, moment: dt.datetime) -> str:
        local = to_local(moment)
        return str(self.data["datetime"]).format(
            weekday=self.data["weekdays"][local.weekday()],
            day=local.day,
            month=self.data["months"][local.month - 1],
            year=local.year,
            time=f"{local.hour:02d}:{local.minute:02d}",
        )


def letters_dir() -> Path:
    return paths.resource("letters")


@functools.cache
def load_texts(language: str) -> Texts:
    """The texts of one language (cached; the files are bundled and do not change while running)."""
    path = letters_dir() / f"{language}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InvalidInputError.single(
            "unknown-code", field="handout-language", value=language, allowed=", ".join(handout_languages())
        ) from None
    if not isinstance(data, dict):
        raise ValueError(f"{path} does not hold a JSON object")
    return Texts(language=language, data=data)


def handout_languages() -> tuple[str, ...]:
    """``nl`` plus ``nl-xx`` for every other language file in resources/letters/."""
    others = sorted(p.stem for p in letters_dir().glob("*.json") if p.stem != BASE_LANGUAGE)
    return (BASE_LANGUAGE, *(f"{BASE_LANGUAGE}-{code}" for code in others))


@dataclass(frozen=True)
class LanguageChoice:
    """A handout language for the picker: ``nl-ar``, its label, and whether it was checked."""

    code: str
    label: str
    reviewed: bool


def handout_language_choices() -> tuple[LanguageChoice, ...]:
    """Every handout language; the label says when a native speaker has not checked the translation."""
    choices = [LanguageChoice(BASE_LANGUAGE, _("Nederlands"), True)]
    for code in handout_languages()[1:]:
        texts = load_texts(code.split("-", 1)[1])
        label = _("Nederlands + {language} ({own_name})").format(
            language=texts.data.get("dutch_name", texts.name), own_name=texts.name
        )
        if not texts.reviewed:
            label += " – " + _("vertaling nog niet nagekeken")
        choices.append(LanguageChoice(code, label, texts.reviewed))
    return tuple(choices)


def handout_texts(language: str) -> tuple[Texts, Texts | None]:
    """The Dutch texts and, for ``nl-xx``, the second language; refuses an unknown language code."""
    if language not in handout_languages():
        raise InvalidInputError.single(
            "unknown-code", field="handout-language", value=language, allowed=", ".join(handout_languages())
        )
    base = load_texts(BASE_LANGUAGE)
    if language == BASE_LANGUAGE:
        return base, None
    return base, load_texts(language.split("-", 1)[1])
