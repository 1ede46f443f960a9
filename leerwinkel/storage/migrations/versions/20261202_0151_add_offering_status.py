"""offerings: status_uncertain and status_note ("status onzeker"), and the target groups they are for

Revision ID: 0151
Revises: 0150
Create Date: 2026-12-02 07:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0151"
down_revision: str | None = "0150"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("offerings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("status_uncertain", sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.add_column(sa.Column("status_note", sa.Text(), server_default="", nullable=False))
        batch_op.add_column(sa.Column("target_groups", sa.Text(), server_default="", nullable=False))


def downgrade() -> None:
    # Plain ALTER TABLE ... DROP COLUMN: a batch copy would drop "offerings", which referrals refer to.
    op.drop_column("offerings", "target_groups")
    op.drop_column("offerings", "status_note")
    op.drop_column("offerings", "status_uncertain")
