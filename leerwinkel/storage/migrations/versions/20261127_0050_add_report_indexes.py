"""add indexes for the reports

Composite (mostly covering) indexes so that the report and dashboard queries of
leerwinkel.reports stay within their time budget on 100,000 clients (benchmarks/reports.py).

Revision ID: 0050
Revises: 0020
Create Date: 2026-11-27 19:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0050"
down_revision: str | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES: tuple[tuple[str, str, list[str]], ...] = (
    ("intakes", "ix_intakes_client_id_held_on", ["client_id", "held_on"]),
    ("intakes", "ix_intakes_held_on_site_id_client_id", ["held_on", "site_id", "client_id"]),
    ("learning_wishes", "ix_learning_wishes_client_id_category", ["client_id", "category"]),
    ("referrals", "ix_referrals_status_follow_up_on_site_id", ["status", "follow_up_on", "site_id"]),
    (
        "referrals",
        "ix_referrals_referred_on_site_id_provider_id_category",
        ["referred_on", "site_id", "provider_id", "category"],
    ),
    (
        "referral_status_changes",
        "ix_referral_status_changes_status_changed_on_referral_id",
        ["status", "changed_on", "referral_id"],
    ),
    (
        "referral_status_changes",
        # Not (referral_id, status, changed_on): SQLite 3.40 answers "referral_id = ? AND status IN (...)
        # AND changed_on < ?" wrongly with that index (the range is dropped for all but one IN value).
        "ix_referral_status_changes_referral_id_changed_on_status",
        ["referral_id", "changed_on", "status"],
    ),
)


def upgrade() -> None:
    for table, name, columns in INDEXES:
        op.create_index(name, table, columns, unique=False)


def downgrade() -> None:
    for table, name, _columns in reversed(INDEXES):
        op.drop_index(name, table_name=table)
