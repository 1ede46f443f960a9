"""add an index in the follow-up lists' order on the referrals

Revision ID: 0200
Revises: 0190
Create Date: 2026-12-02 18:10:00

Vandaag and Opvolging show the first referrals in the order follow-up date, referral date, id (issue 15):
without an index in that order SQLite read all 300,000 referrals of 100,000 clients and sorted them to show
the first thousand (0.3-0.7 s on each visit); with it, it reads them in order and stops. The status is in the
index too: the lists leave out closed referrals, and their counts come from the index alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0200"
down_revision: str | None = "0190"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: An index only: no row changes.
MOVES_DATA = False


def upgrade() -> None:
    op.create_index(
        "ix_referrals_follow_up_on_referred_on_id_status",
        "referrals",
        ["follow_up_on", "referred_on", "id", "status"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_referrals_follow_up_on_referred_on_id_status", table_name="referrals")
