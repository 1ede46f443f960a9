"""Configuration: where the data lives (from the environment) and the typed user settings."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from leerwinkel import paths
from leerwinkel.credentials import Credentials
from leerwinkel.fileio import atomic_write_bytes
from leerwinkel.i18n import N_

DATABASE_URL_ENV = "LEERWINKEL_DATABASE_URL"
SQLITE_FILENAME = "leerwinkel.sqlite3"


@dataclass(frozen=True)
class Config:
    """Where the application keeps its data. Build it with :func:`load_config`."""

    data_dir: Path
    database_url: str | None = None  # None: the SQLite file in data_dir
    credentials: Credentials | None = field(default=None, repr=False)  # from --user/--password-file
    #: open_app refuses to return without a signed-in account (the command line sets it, on every backend)
    require_account: bool = False

    @property
    def sqlite_path(self) -> Path:
        return self.data_dir / SQLITE_FILENAME

    @property
    def uses_sqlite(self) -> bool:
        return self.database_url is None or self.database_url.startswith("sqlite")

    @property
    def log_dir(self) -> Path:
        return paths.log_dir(self.data_dir)

    @property
    def backup_dir(self) -> Path:
        return paths.backup_dir(self.data_dir)


#: The key file of a SQLite installation (leerwinkel/security/keyring.py); here so that asking whether this
#: installation is set up imports no cryptography before the login dialog is painted.
KEYRING_FILENAME = "keys.json"


def keyring_path(config: Config) -> Path:
    return config.data_dir / KEYRING_FILENAME


def is_set_up(config: Config) -> bool:
    """True once ``leerwinkel setup`` (or the first-start assistant) has created the key file."""
    return keyring_path(config).is_file()


def sqlite_file(config: Config) -> Path | None:
    """The SQLite file of this configuration (None for PostgreSQL or an in-memory database)."""
    if config.database_url is None:
        return config.sqlite_path
    if not config.uses_sqlite:
        return None
    # SQLAlchemy parses a database URL; the usual installation has none, and the login dialog (which
    # asks whether the key file exists) is painted before SQLAlchemy is imported (benchmarks/startup.py).
    from sqlalchemy.engine import make_url

    database = make_url(config.database_url).database
    return Path(database) if database and database != ":memory:" else None


def load_config(
    data_dir: Path | None = None, *, database_url: str | None = None, environ: Mapping[str, str] | None = None
) -> Config:
    env = os.environ if environ is None else environ
    url = database_url or env.get(DATABASE_URL_ENV, "").strip() or None
    return Config(data_dir=paths.data_dir(data_dir, environ=env), database_url=url)


def device_id(config: Config) -> str:
    """A stable id for this installation, kept in the data directory (created on first use)."""
    path = config.data_dir / "device-id"
    try:
        value = path.read_text(encoding="ascii").strip()
        if value:
            return value
    except FileNotFoundError:
        pass
    value = f"desk-{os.urandom(6).hex()}"  # random, as uuid4's first 12 digits were
    atomic_write_bytes(path, (value + "\n").encode("ascii"))
    return value


@dataclass(frozen=True)
class SettingSpec:
    """One user setting: its type, default, bounds and what it means, kept together."""

    key: str
    type: type
    default: object
    description: str
    minimum: int | None = None
    maximum: int | None = None


SETTINGS: tuple[SettingSpec, ...] = (
    SettingSpec("organisation.name", str, "Leerwinkel Regio Mechelen", N_("Naam van de Leerwinkel")),
    SettingSpec("organisation.street", str, "Lange Schipstraat 27", N_("Straat en nummer")),
    SettingSpec("organisation.postcode", str, "2800", N_("Postcode")),
    SettingSpec("organisation.city", str, "Mechelen", N_("Gemeente")),
    SettingSpec("organisation.phone", str, "", N_("Telefoon")),
    SettingSpec("organisation.email", str, "", N_("E-mail")),
    SettingSpec("organisation.logo", str, "", N_("Pad naar het logo (leeg: het meegeleverde logo)")),
    SettingSpec("followup.default_weeks", int, 4, N_("Standaard opvolging na zoveel weken"), 1, 52),
    SettingSpec("security.lock_minutes", int, 10, N_("Vergrendelen na zoveel minuten zonder activiteit"), 1, 240),
    SettingSpec("retention.years", int, 5, N_("Gegevens bewaren tot zoveel jaar na het laatste contact"), 1, 30),
    SettingSpec("drafts.expiry_days", int, 14, N_("Concepten wissen na zoveel dagen"), 1, 90),
    SettingSpec(
        "catalogue.check_months", int, 12, N_("Catalogus: te controleren na zoveel maanden zonder nazicht"), 1, 60
    ),
)

SETTINGS_BY_KEY: dict[str, SettingSpec] = {spec.key: spec for spec in SETTINGS}


@dataclass(frozen=True)
class Settings:
    """The current values of all user settings (stored in the database's settings table)."""

    values: dict[str, object] = field(default_factory=lambda: {s.key: s.default for s in SETTINGS})

    def get(self, key: str) -> object:
        return self.values.get(key, SETTINGS_BY_KEY[key].default)

    def text(self, key: str) -> str:
        return str(self.get(key))

    def number(self, key: str) -> int:
        value = self.get(key)
        return value if isinstance(value, int) else int(str(value))
