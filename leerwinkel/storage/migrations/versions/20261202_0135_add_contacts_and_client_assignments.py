"""add the contact log and the counsellor a client was handed to

Revision ID: 0135
Revises: 0130
Create Date: 2026-12-02 07:10:00

Both are new tables: giving ``clients`` a foreign key would rebuild that table on SQLite, and dropping
its old copy cascades into every referral and intake.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0135"
down_revision: str | None = "0130"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _record_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by_device", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "contacts",
        sa.Column("client_id", sa.Uuid(), nullable=False),
        sa.Column("counsellor_id", sa.Uuid(), nullable=True),
        sa.Column("happened_on", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        *_record_columns(),
        sa.ForeignKeyConstraint(
            ["client_id"], ["clients.id"], name=op.f("fk_contacts_client_id_clients"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["counsellor_id"], ["counsellors.id"], name=op.f("fk_contacts_counsellor_id_counsellors")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contacts")),
    )
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.create_index("ix_contacts_client_id_happened_on", ["client_id", "happened_on"], unique=False)

    op.create_table(
        "client_assignments",
        sa.Column("client_id", sa.Uuid(), nullable=False),
        sa.Column("counsellor_id", sa.Uuid(), nullable=False),
        *_record_columns(),
        sa.ForeignKeyConstraint(
            ["client_id"], ["clients.id"], name=op.f("fk_client_assignments_client_id_clients"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["counsellor_id"], ["counsellors.id"], name=op.f("fk_client_assignments_counsellor_id_counsellors")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_client_assignments")),
        sa.UniqueConstraint("client_id", name=op.f("uq_client_assignments_client_id")),
    )
    with op.batch_alter_table("client_assignments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_client_assignments_counsellor_id"), ["counsellor_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("client_assignments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_client_assignments_counsellor_id"))
    op.drop_table("client_assignments")
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.drop_index("ix_contacts_client_id_happened_on")
    op.drop_table("contacts")
