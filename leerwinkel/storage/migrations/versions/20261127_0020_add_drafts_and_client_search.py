"""add drafts and a folded search key on clients

Drafts keep the open intake form across a crash. The search key holds the client's names folded to
lower case without accents, so the client list filters as you type; existing rows are filled here.

Revision ID: 0020
Revises: 0002
Create Date: 2026-11-27 18:45:00
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0020"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None
#: this revision moves or creates data: tests/migrations/test_data_migrations.py has a test_<id>_... for it
MOVES_DATA = True

# Frozen here on purpose: a data migration never imports today's models.
clients = sa.table(
    "clients",
    sa.column("id", sa.Uuid()),
    sa.column("first_name", sa.String()),
    sa.column("alias", sa.String()),
    sa.column("last_name", sa.String()),
    sa.column("search_key", sa.String()),
)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def upgrade() -> None:
    op.create_table(
        "drafts",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_drafts")),
    )
    with op.batch_alter_table("clients", schema=None) as batch_op:
        batch_op.add_column(sa.Column("search_key", sa.String(length=400), server_default="", nullable=False))
    connection = op.get_bind()
    rows = connection.execute(sa.select(clients.c.id, clients.c.first_name, clients.c.alias, clients.c.last_name))
    for row in rows.all():
        key = _fold(" ".join(part for part in (row.first_name, row.last_name, row.alias) if part))
        connection.execute(clients.update().where(clients.c.id == row.id).values(search_key=key))


def downgrade() -> None:
    with op.batch_alter_table("clients", schema=None) as batch_op:
        batch_op.drop_column("search_key")
    op.drop_table("drafts")
