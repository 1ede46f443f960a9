"""add a plain client text to offerings and a start date to referrals

The handout prints the offering's client text (and its translations) instead of the counsellor's
description; the start date comes back on the provider's reply slip.

Revision ID: 0130
Revises: 0120
Create Date: 2026-12-02 07:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0130"
down_revision: str | None = "0120"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("offerings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("client_text", sa.Text(), server_default="", nullable=False))
        batch_op.add_column(sa.Column("client_text_translations", sa.Text(), server_default="{}", nullable=False))
    with op.batch_alter_table("referrals", schema=None) as batch_op:
        batch_op.add_column(sa.Column("starts_on", sa.Date(), nullable=True))


def downgrade() -> None:
    # recreate="never": SQLite drops these plain columns in place (3.35+). Copying the referrals table
    # instead would, with foreign keys on, cascade-delete every referral's status history.
    with op.batch_alter_table("referrals", schema=None, recreate="never") as batch_op:
        batch_op.drop_column("starts_on")
    with op.batch_alter_table("offerings", schema=None, recreate="never") as batch_op:
        batch_op.drop_column("client_text_translations")
        batch_op.drop_column("client_text")
