"""drafts per account and per device, tied to their client

The old drafts table held one draft per form for every account and desk. Its drafts have no owner
and cannot be given one safely, so they are dropped with the table (a draft is a crash copy of a
form, not saved data); the new table keys each draft by form, account and device, and names the
client a draft is about so that erasing the client erases it.

Revision ID: 0140
Revises: 0135
Create Date: 2026-12-02 07:20:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0140"
down_revision: str | None = "0135"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_table("drafts")
    op.create_table(
        "drafts",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("owner_id", sa.Uuid(), nullable=False),
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("client_id", sa.Uuid(), nullable=True),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["counsellors.id"], name=op.f("fk_drafts_owner_id_counsellors"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["client_id"], ["clients.id"], name=op.f("fk_drafts_client_id_clients"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("key", "owner_id", "device_id", name=op.f("pk_drafts")),
    )
    op.create_index(op.f("ix_drafts_client_id"), "drafts", ["client_id"], unique=False)


def downgrade() -> None:
    # Drafts are crash copies of open forms: going back drops them (an older version had no owner).
    op.drop_index(op.f("ix_drafts_client_id"), table_name="drafts")
    op.drop_table("drafts")
    op.create_table(
        "drafts",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_drafts")),
    )
