"""signed role grants and signed audit events

Counsellors get the signed grant of their role; audit events get the acting account's signature
over their hash. Existing rows keep NULL and "" (signed at the next administrator sign-in, and
events from before this revision stay unsigned: see leerwinkel.security.grants).

Revision ID: 0141
Revises: 0140
Create Date: 2026-12-02 07:45:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0141"
down_revision: str | None = "0140"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("counsellors", schema=None) as batch_op:
        batch_op.add_column(sa.Column("role_grant", sa.Text(), nullable=True))
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("signature", sa.Text(), server_default="", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.drop_column("signature")
    with op.batch_alter_table("counsellors", schema=None) as batch_op:
        batch_op.drop_column("role_grant")
