"""add a covering index for searching clients as you type

Revision ID: 0060
Revises: 0050
Create Date: 2026-11-27 19:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0060"
down_revision: str | None = "0050"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("clients", schema=None) as batch_op:
        batch_op.create_index("ix_clients_activity_search", ["last_activity_at", "id", "search_key"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("clients", schema=None) as batch_op:
        batch_op.drop_index("ix_clients_activity_search")
