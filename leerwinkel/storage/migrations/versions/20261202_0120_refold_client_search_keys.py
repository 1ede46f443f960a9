"""refold client search keys (Ł, Đ, Ø ... as plain letters) and index birth dates for the duplicate check

The one fold helper (leerwinkel/text.py) now also turns letters without a combining accent into
plain ones, so "Lukasz" finds "Łukasz"; the stored search keys are folded again here. The duplicate
check of the spreadsheet import looks clients up by birth date, row by row: that gets an index.

Revision ID: 0120
Revises: 0090
Create Date: 2026-12-02 08:00:00
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0120"
down_revision: str | None = "0090"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None
#: this revision moves or creates data: tests/migrations/test_data_migrations.py has a test_<id>_... for it
MOVES_DATA = True

# Frozen here on purpose: a data migration never imports today's models or helpers.
clients = sa.table(
    "clients",
    sa.column("id", sa.Uuid()),
    sa.column("first_name", sa.String()),
    sa.column("alias", sa.String()),
    sa.column("last_name", sa.String()),
    sa.column("search_key", sa.String()),
)
_PLAIN = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ı": "i", "æ": "ae", "œ": "oe", "ß": "ss"})


def _fold_0020(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def _fold_0120(text: str) -> str:
    return _fold_0020(text.casefold().translate(_PLAIN))


def _refold(fold: Callable[[str], str]) -> None:
    connection = op.get_bind()
    rows = connection.execute(
        sa.select(clients.c.id, clients.c.first_name, clients.c.alias, clients.c.last_name, clients.c.search_key)
    )
    for row in rows.all():
        key = fold(" ".join(part for part in (row.first_name, row.last_name, row.alias) if part))
        if key != row.search_key:
            connection.execute(clients.update().where(clients.c.id == row.id).values(search_key=key))


def upgrade() -> None:
    with op.batch_alter_table("clients", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_clients_birth_date"), ["birth_date"], unique=False)
    _refold(_fold_0120)


def downgrade() -> None:
    _refold(_fold_0020)
    with op.batch_alter_table("clients", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_clients_birth_date"))
