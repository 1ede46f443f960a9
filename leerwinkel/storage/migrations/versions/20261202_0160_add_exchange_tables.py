"""add the exchange tables: this installation's keys, its peers, what each holds, conflicts, tombstones

Revision ID: 0160
Revises: 0152
Create Date: 2026-12-02 10:44:19

New tables only; nothing moves. The downgrade drops them (and with them the state of every exchange).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0160"
down_revision: str | None = "0152"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "sync_audit_events",
        sa.Column("origin", sa.String(length=64), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor_id", sa.Uuid(), nullable=True),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("object_type", sa.String(length=40), nullable=False),
        sa.Column("object_id", sa.String(length=64), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("previous_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("signature", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("origin", "sequence", name=op.f("pk_sync_audit_events")),
    )
    op.create_table(
        "sync_identities",
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=40), nullable=False),
        sa.Column("box_private", sa.Text(), nullable=False),
        sa.Column("sign_private", sa.Text(), nullable=False),
        sa.Column("digest_key", sa.Text(), nullable=False),
        sa.Column("next_sequence", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by_device", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_identities")),
        sa.UniqueConstraint("device_id", name=op.f("uq_sync_identities_device_id")),
    )
    op.create_table(
        "sync_peers",
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=40), nullable=False),
        sa.Column("box_public", sa.Text(), nullable=False),
        sa.Column("sign_public", sa.Text(), nullable=False),
        sa.Column("enrolled", sa.Boolean(), nullable=False),
        sa.Column("last_received", sa.Integer(), nullable=False),
        sa.Column("acknowledged", sa.Integer(), nullable=False),
        sa.Column("audit_acknowledged", sa.Integer(), nullable=False),
        sa.Column("anchor", sa.Text(), nullable=False),
        sa.Column("last_import_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_export_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by_device", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_peers")),
        sa.UniqueConstraint("device_id", name=op.f("uq_sync_peers_device_id")),
    )
    op.create_table(
        "sync_tombstones",
        sa.Column("table_name", sa.String(length=60), nullable=False),
        sa.Column("identity", sa.String(length=300), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("table_name", "identity", name=op.f("pk_sync_tombstones")),
    )
    op.create_table(
        "sync_outbox",
        sa.Column("peer_id", sa.Uuid(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("digests", sa.LargeBinary(), nullable=False),
        sa.Column("audit_upto", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["peer_id"], ["sync_peers.id"], name=op.f("fk_sync_outbox_peer_id_sync_peers"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("peer_id", "sequence", name=op.f("pk_sync_outbox")),
    )
    op.create_table(
        "sync_shadows",
        sa.Column("peer_id", sa.Uuid(), nullable=False),
        sa.Column("table_name", sa.String(length=60), nullable=False),
        sa.Column("identity", sa.String(length=300), nullable=False),
        sa.Column("digests", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["peer_id"], ["sync_peers.id"], name=op.f("fk_sync_shadows_peer_id_sync_peers"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("peer_id", "table_name", "identity", name=op.f("pk_sync_shadows")),
    )
    op.create_table(
        "sync_conflicts",
        sa.Column("peer_id", sa.Uuid(), nullable=False),
        sa.Column("table_name", sa.String(length=60), nullable=False),
        sa.Column("identity", sa.String(length=300), nullable=False),
        sa.Column("client_id", sa.Uuid(), nullable=True),
        sa.Column("fields", sa.Text(), nullable=False),
        sa.Column("local_values", sa.Text(), nullable=False),
        sa.Column("remote_values", sa.Text(), nullable=False),
        sa.Column("detected_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by_device", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"], ["clients.id"], name=op.f("fk_sync_conflicts_client_id_clients"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["peer_id"], ["sync_peers.id"], name=op.f("fk_sync_conflicts_peer_id_sync_peers"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflicts")),
    )
    with op.batch_alter_table("sync_conflicts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_conflicts_client_id"), ["client_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_sync_conflicts_peer_id"), ["peer_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("sync_conflicts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_conflicts_peer_id"))
        batch_op.drop_index(batch_op.f("ix_sync_conflicts_client_id"))
    op.drop_table("sync_conflicts")
    op.drop_table("sync_shadows")
    op.drop_table("sync_outbox")
    op.drop_table("sync_tombstones")
    op.drop_table("sync_peers")
    op.drop_table("sync_identities")
    op.drop_table("sync_audit_events")
