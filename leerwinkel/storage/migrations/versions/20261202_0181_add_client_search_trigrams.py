"""add a trigram index over the clients' search keys (SQLite FTS5), kept up to date by triggers

Revision ID: 0181
Revises: 0180
Create Date: 2026-12-02 11:20:00

SQLite only. The indexed text is the search key with a space before it and two after it, so every
letter of a name starts a trigram: a word of one or two letters is found through the trigrams that
start with it. The rows are keyed by the clients' rowid; a
later batch migration that copies the clients table renumbers it, which is why every upgrade ends
with ``leerwinkel.storage.clientsearch.rebuild`` (it also fills the index here). On PostgreSQL the
client search reads the clients table as before (see clientsearch.py).
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0181"
down_revision: str | None = "0180"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: It fills the index from the clients table (see tests/migrations/test_data_migrations.py).
MOVES_DATA = True


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    # A table with its own copy of the (padded) keys: contentless tables that allow deletes need
    # SQLite 3.43, and an erased client's key must leave (the privacy service optimises FTS5 tables).
    op.execute("CREATE VIRTUAL TABLE client_search USING fts5(search_key, tokenize='trigram')")
    op.execute(
        "CREATE TRIGGER clients_search_insert AFTER INSERT ON clients BEGIN "
        "INSERT INTO client_search (rowid, search_key) VALUES (new.rowid, ' ' || new.search_key || '  '); END"
    )
    op.execute(
        "CREATE TRIGGER clients_search_update AFTER UPDATE OF search_key ON clients BEGIN "
        "DELETE FROM client_search WHERE rowid = old.rowid; "
        "INSERT INTO client_search (rowid, search_key) VALUES (new.rowid, ' ' || new.search_key || '  '); END"
    )
    op.execute(
        "CREATE TRIGGER clients_search_delete AFTER DELETE ON clients BEGIN "
        "DELETE FROM client_search WHERE rowid = old.rowid; END"
    )
    op.execute("INSERT INTO client_search (rowid, search_key) SELECT rowid, ' ' || search_key || '  ' FROM clients")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name in ("insert", "update", "delete"):
        op.execute(f"DROP TRIGGER IF EXISTS clients_search_{name}")
    op.execute("DROP TABLE IF EXISTS client_search")
