"""drop seven indexes that repeat the first column of another index on the same table

Revision ID: 0205
Revises: 0200
Create Date: 2026-12-03 08:00:00

Each of these indexes holds a column that another index of the same table already starts with, so every
look-up they answered is answered as well by the other one (SQLite and PostgreSQL both search a prefix
of a composite index), while every new row had to be written into both: saving a new client's intake
wrote 63 encrypted pages, 55 without them (issue 15: the intake save). Dropped, with the index that
serves instead:

- ix_intakes_client_id: ix_intakes_client_id_held_on (client_id, held_on)
- ix_intakes_held_on: ix_intakes_held_on_site_id_client_id (held_on, site_id, client_id)
- ix_learning_wishes_client_id: ix_learning_wishes_client_id_category (client_id, category)
- ix_client_target_groups_client_id, ix_client_thresholds_client_id, ix_client_vulnerabilities_client_id:
  each table's unique (client_id, code)
- ix_clients_last_activity_at: ix_clients_activity_search (last_activity_at, id, search_key)
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0205"
down_revision: str | None = "0200"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: Indexes only: no row changes.
MOVES_DATA = False

#: (index, table, column) of every index dropped here.
REPEATED = (
    ("ix_intakes_client_id", "intakes", "client_id"),
    ("ix_intakes_held_on", "intakes", "held_on"),
    ("ix_learning_wishes_client_id", "learning_wishes", "client_id"),
    ("ix_client_target_groups_client_id", "client_target_groups", "client_id"),
    ("ix_client_thresholds_client_id", "client_thresholds", "client_id"),
    ("ix_client_vulnerabilities_client_id", "client_vulnerabilities", "client_id"),
    ("ix_clients_last_activity_at", "clients", "last_activity_at"),
)


def upgrade() -> None:
    for name, table, _column in REPEATED:
        op.drop_index(name, table_name=table)


def downgrade() -> None:
    for name, table, column in REPEATED:
        op.create_index(name, table, [column], unique=False)
