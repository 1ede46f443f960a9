"""catalogue checks: who checked a provider, location or offering last ("Nagekeken") and how

Revision ID: 0152
Revises: 0151
Create Date: 2026-12-02 08:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0152"
down_revision: str | None = "0151"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("providers", "locations", "offerings")


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("checked_by", sa.String(length=120), server_default="", nullable=False))
            batch_op.add_column(sa.Column("check_source", sa.Text(), server_default="", nullable=False))


def downgrade() -> None:
    # Plain ALTER TABLE ... DROP COLUMN: a batch copy would drop tables that others refer to.
    for table in TABLES:
        op.drop_column(table, "check_source")
        op.drop_column(table, "checked_by")
