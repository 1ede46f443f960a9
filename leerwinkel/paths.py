"""Where things live: the data directory and the bundled resources."""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Mapping
from pathlib import Path

import platformdirs

APP_NAME = "LeerwinkelIntake"
DATA_DIR_ENV = "LEERWINKEL_DATA_DIR"


def data_dir(explicit: Path | None = None, *, environ: Mapping[str, str] | None = None) -> Path:
    """The data directory: explicit argument, then $LEERWINKEL_DATA_DIR, then the platform default.

    Nothing is created here; callers that write use :func:`ensure_dir`.
    """
    if explicit is not None:
        return explicit
    env = os.environ if environ is None else environ
    value = env.get(DATA_DIR_ENV, "").strip()
    if value:
        return Path(value).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))


def log_dir(base: Path) -> Path:
    return base / "logs"


def backup_dir(base: Path) -> Path:
    return base / "backups"


def resources_dir() -> Path:
    """The bundled ``resources/`` folder, in a source checkout and in an installed wheel alike.

    A checkout has ``resources/`` beside the ``leerwinkel`` package. A wheel carries the same
    folder as the data-only package ``leerwinkel_resources`` (see pyproject.toml). A frozen
    (PyInstaller) build sets ``LEERWINKEL_RESOURCES`` to the unpacked folder.
    """
    override = os.environ.get("LEERWINKEL_RESOURCES", "").strip()
    if override:
        return Path(override)
    checkout = Path(__file__).resolve().parent.parent / "resources"
    if (checkout / "RESOURCES.md").is_file():
        return checkout
    spec = importlib.util.find_spec("leerwinkel_resources")
    if spec is not None and spec.submodule_search_locations:
        for location in spec.submodule_search_locations:
            candidate = Path(location)
            if (candidate / "RESOURCES.md").is_file():
                return candidate
    raise FileNotFoundError("the bundled resources folder was not found")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
