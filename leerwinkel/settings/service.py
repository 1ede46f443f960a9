"""The user settings (leerwinkel.config.SETTINGS): read them all, change them with validation.

Values are stored as JSON in the ``settings`` table under their key, the same rows the letters,
reports, inactivity lock and retention read. Internal rows (``audit.head``, the catalogue bundle
version, ...) are not settings and are never shown or changed here.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from leerwinkel.actor import Actor, require_admin
from leerwinkel.config import SETTINGS, SETTINGS_BY_KEY, Settings, SettingSpec
from leerwinkel.errors import InvalidInputError, Problem
from leerwinkel.i18n import _
from leerwinkel.security.audit import record
from leerwinkel.storage.models import Setting
from leerwinkel.storage.store import Store

log = logging.getLogger(__name__)

MAX_TEXT = 200
_POSTCODE = re.compile(r"^[1-9]\d{3}$")  # Belgian postcodes: 1000-9999
_PHONE = re.compile(r"^\+?[\d\s./()-]{6,30}$")
_EMAIL = re.compile(r"^[^@\s<>\"']+@[^@\s<>\"']+\.[A-Za-z]{2,}$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
LOGO_SUFFIXES = (".png", ".jpg", ".jpeg")
#: Text settings that may not be empty.
REQUIRED = frozenset({"organisation.name", "organisation.street", "organisation.postcode", "organisation.city"})


@dataclass(frozen=True)
class SettingEntry:
    """One setting as the settings page shows it: what it means, its bounds and its current value."""

    key: str
    description: str
    kind: str  # "text" or "number"
    value: object
    default: object
    minimum: int | None
    maximum: int | None

    @property
    def is_default(self) -> bool:
        return self.value == self.default


@dataclass(frozen=True)
class SettingsChange:
    """What an update did: the keys whose value changed (empty when nothing did)."""

    changed: tuple[str, ...]
    settings: Settings


def _stored_value(spec: SettingSpec, raw: str) -> object | None:
    """The stored JSON value when it has the setting's type; None (the default applies) otherwise."""
    try:
        value: object = json.loads(raw)
    except ValueError:
        log.warning("setting %s holds no valid JSON; the default is used", spec.key)
        return None
    if spec.type is int and (isinstance(value, bool) or not isinstance(value, int)):
        return None
    if spec.type is str and not isinstance(value, str):
        return None
    return value


def setting_value(session: Session, key: str) -> object:
    """One setting's stored value (or its default) inside the caller's unit of work."""
    spec = SETTINGS_BY_KEY[key]
    raw = session.scalar(select(Setting.value).where(Setting.key == key))
    value = _stored_value(spec, raw) if raw is not None else None
    return spec.default if value is None else value


def _check(spec: SettingSpec, value: object, problems: list[Problem]) -> object:
    """The cleaned value of one setting, or the raw value after adding its problems."""
    key = spec.key
    if spec.type is int:
        if isinstance(value, bool):
            problems.append(Problem("bad-number", key, details={"value": value}))
            return value
        try:
            number = value if isinstance(value, int) else int(str(value).strip())
        except ValueError:
            problems.append(Problem("bad-number", key, details={"value": value}))
            return value
        if (spec.minimum is not None and number < spec.minimum) or (spec.maximum is not None and number > spec.maximum):
            problems.append(Problem("out-of-range", key, details={"minimum": spec.minimum, "maximum": spec.maximum}))
        return number
    text = " ".join(str(value).split()) if key != "organisation.logo" else str(value).strip()
    if _CONTROL.search(str(value).replace("\n", " ").replace("\t", " ")):
        problems.append(Problem("control-characters", key))
    elif len(text) > MAX_TEXT:
        problems.append(Problem("too-long", key, details={"maximum": MAX_TEXT}))
    elif not text:
        if key in REQUIRED:
            problems.append(Problem("required", key))
    elif key == "organisation.postcode" and not _POSTCODE.match(text):
        problems.append(Problem("bad-postcode", key, details={"value": text}))
    elif key == "organisation.email" and not _EMAIL.match(text):
        problems.append(Problem("bad-email", key, details={"value": text}))
    elif key == "organisation.phone" and not _PHONE.match(text):
        problems.append(Problem("bad-phone", key, details={"value": text}))
    elif key == "organisation.logo":
        path = Path(text).expanduser()
        if path.suffix.lower() not in LOGO_SUFFIXES or not path.is_file():
            problems.append(Problem("bad-logo", key, details={"value": text}))
    return text


def validate_settings(changes: Mapping[str, object]) -> dict[str, object]:
    """The cleaned values of ``changes``; InvalidInputError lists every problem (unknown keys too)."""
    problems: list[Problem] = []
    cleaned: dict[str, object] = {}
    for key, value in changes.items():
        spec = SETTINGS_BY_KEY.get(key)
        if spec is None:
            problems.append(
                Problem("unknown-code", "setting", details={"value": key, "allowed": ", ".join(SETTINGS_BY_KEY)})
            )
            continue
        cleaned[key] = _check(spec, value, problems)
    if problems:
        raise InvalidInputError(problems)
    return cleaned


class SettingsService:
    """Read all user settings; administrators change them (each changed key is an audit event)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def current(self) -> Settings:
        """The stored values over the defaults (anyone signed in may read them)."""
        values: dict[str, object] = {spec.key: spec.default for spec in SETTINGS}
        with self.store.unit_of_work() as session:
            rows = session.execute(select(Setting.key, Setting.value).where(Setting.key.in_(list(values)))).all()
        for key, raw in rows:
            value = _stored_value(SETTINGS_BY_KEY[key], raw)
            if value is not None:
                values[key] = value
        return Settings(values=values)

    def entries(self) -> list[SettingEntry]:
        """Every setting in the order of leerwinkel.config.SETTINGS, with its current value."""
        current = self.current()
        return [
            SettingEntry(
                key=spec.key,
                description=_(spec.description),
                kind="number" if spec.type is int else "text",
                value=current.get(spec.key),
                default=spec.default,
                minimum=spec.minimum,
                maximum=spec.maximum,
            )
            for spec in SETTINGS
        ]

    def update(self, actor: Actor | None, changes: Mapping[str, object]) -> SettingsChange:
        """Validate and store ``changes`` (key -> value), all or nothing. Administrators only.

        Raises PermissionDeniedError for anyone else and InvalidInputError listing every problem.
        Only keys whose value really changes are written and recorded ("settings.update", the key,
        never the value).
        """
        require_admin(actor, "settings.update")
        cleaned = validate_settings(changes)
        changed: list[str] = []
        with self.store.unit_of_work() as session:
            rows = {
                row.key: row for row in session.scalars(select(Setting).where(Setting.key.in_(list(cleaned) or [""])))
            }
            for key, value in cleaned.items():
                spec = SETTINGS_BY_KEY[key]
                row = rows.get(key)
                before = _stored_value(spec, row.value) if row is not None else None
                if (spec.default if before is None else before) == value:
                    continue
                text = json.dumps(value, ensure_ascii=False)
                if row is None:
                    session.add(Setting(key=key, value=text))
                else:
                    row.value = text
                changed.append(key)
                record(session, actor, "settings.update", "setting", key)
        if changed:
            log.info("settings changed: %s", ", ".join(changed))
        return SettingsChange(tuple(changed), self.current())


__all__ = ["SettingEntry", "SettingsChange", "SettingsService", "setting_value", "validate_settings"]
