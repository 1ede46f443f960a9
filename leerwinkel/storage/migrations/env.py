"""Alembic environment: the URL comes from our configuration, never from alembic.ini."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from leerwinkel.config import device_id, load_config
from leerwinkel.storage.clientsearch import include_name
from leerwinkel.storage.models import Base
from leerwinkel.storage.store import open_database

target_metadata = Base.metadata


def run_with(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
        include_name=include_name,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        run_with(connection)
        return
    config = load_config()
    store = open_database(config, device_id=device_id(config))
    try:
        with store.engine.begin() as own:
            run_with(own)
    finally:
        store.dispose()


if context.is_offline_mode():
    raise SystemExit("offline (SQL script) migrations are not supported")
run_online()
