"""add a partial index on the status changes that carry an override reason (referred anyway)

Revision ID: 0190
Revises: 0181
Create Date: 2026-12-02 15:10:00

The report counts the period's referrals that were referred anyway: without this index it read every
status change (the reason is text in the table's rows) to find the few with a reason; a year's report
on 100,000 clients decrypted 700,000 rows for it (issue 15). SQLite and PostgreSQL both know partial
indexes; the condition is the one the report's query states.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0190"
down_revision: str | None = "0181"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: The index's condition is SQL text, but no row changes.
MOVES_DATA = False


def upgrade() -> None:
    condition = sa.text("override_reason != ''")
    op.create_index(
        "ix_referral_status_changes_overridden",
        "referral_status_changes",
        ["referral_id"],
        unique=False,
        sqlite_where=condition,
        postgresql_where=condition,
    )


def downgrade() -> None:
    op.drop_index("ix_referral_status_changes_overridden", table_name="referral_status_changes")
