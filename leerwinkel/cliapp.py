"""Opening the app for a command, imported by the command modules instead of leerwinkel.app.

leerwinkel.app pulls in SQLAlchemy, every model and service; the command modules are all imported
to build the parser, so importing it at their top would make ``leerwinkel --help`` wait for all of
that. Here it is imported when a command actually opens the app.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from leerwinkel.app import Leerwinkel
    from leerwinkel.config import Config
    from leerwinkel.storage.store import Store


def open_app(config: Config, **options: Any) -> Leerwinkel:
    """leerwinkel.app.open_app, imported on first use."""
    from leerwinkel.app import open_app as open_the_app

    return open_the_app(config, **options)


def open_store(config: Config, **options: Any) -> Store:
    """leerwinkel.app.open_store, imported on first use."""
    from leerwinkel.app import open_store as open_the_store

    return open_the_store(config, **options)
