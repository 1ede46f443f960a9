"""add override reasons to the status history and external providers to referrals

Revision ID: 0090
Revises: 0070
Create Date: 2026-12-02 07:10:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0090"
down_revision: str | None = "0070"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None
#: this revision moves or creates data: tests/migrations/test_data_migrations.py has a test_<id>_... for it
MOVES_DATA = True


def upgrade() -> None:
    with op.batch_alter_table("referrals", schema=None) as batch_op:
        batch_op.add_column(sa.Column("external_provider", sa.String(length=200), server_default="", nullable=False))
        batch_op.add_column(sa.Column("external_contact", sa.Text(), server_default="", nullable=False))
        batch_op.add_column(sa.Column("external_service", sa.String(length=300), server_default="", nullable=False))
    with op.batch_alter_table("referral_status_changes", schema=None) as batch_op:
        batch_op.add_column(sa.Column("overridden", sa.Text(), server_default="", nullable=False))
        batch_op.add_column(sa.Column("override_reason", sa.Text(), server_default="", nullable=False))


def downgrade() -> None:
    # Dropping these loses the override reasons and the external providers: refuse when any exist.
    bind = op.get_bind()
    external = bind.execute(sa.text("SELECT COUNT(*) FROM referrals WHERE external_provider <> ''")).scalar()
    overrides = bind.execute(
        sa.text("SELECT COUNT(*) FROM referral_status_changes WHERE override_reason <> ''")
    ).scalar()
    if external or overrides:
        raise RuntimeError(
            f"downgrade below 0090 would lose {external} external referrals and {overrides} override reasons"
        )
    with op.batch_alter_table("referral_status_changes", schema=None) as batch_op:
        batch_op.drop_column("override_reason")
        batch_op.drop_column("overridden")
    with op.batch_alter_table("referrals", schema=None) as batch_op:
        batch_op.drop_column("external_service")
        batch_op.drop_column("external_contact")
        batch_op.drop_column("external_provider")
