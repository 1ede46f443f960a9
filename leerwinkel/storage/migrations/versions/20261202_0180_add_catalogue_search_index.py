"""add the stored catalogue search index and a counter of catalogue changes kept by triggers

Revision ID: 0180
Revises: 0160
Create Date: 2026-12-02 11:00:00

The index tables start empty: the app fills them at first use and keeps them up to date. The
counter goes up with every insert, update or delete on the catalogue tables, whoever makes it, so
the app sees in one read whether its stored index still fits the catalogue.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0180"
down_revision: str | None = "0160"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: It seeds the change counter's one row (see tests/migrations/test_data_migrations.py).
MOVES_DATA = True

WATCHED = ("providers", "locations", "offerings", "offering_locations")
EVENTS = ("insert", "update", "delete")


def upgrade() -> None:
    op.create_table(
        "catalogue_search_entries",
        sa.Column("slot", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("offering_id", sa.Uuid(), nullable=False),
        sa.Column("sort_key", sa.Text(), nullable=False),
        sa.Column("keys", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("slot", name=op.f("pk_catalogue_search_entries")),
        sa.UniqueConstraint("offering_id", name=op.f("uq_catalogue_search_entries_offering_id")),
    )
    op.create_table(
        "catalogue_search_postings",
        sa.Column("key", sa.String(length=400), nullable=False),
        sa.Column("slots", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_catalogue_search_postings")),
    )
    changes = op.create_table(
        "catalogue_changes",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("counter", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_catalogue_changes")),
    )
    op.bulk_insert(changes, [{"id": 1, "counter": 0}])
    bump = "UPDATE catalogue_changes SET counter = counter + 1 WHERE id = 1"
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION catalogue_changed() RETURNS trigger LANGUAGE plpgsql AS "
            f"$$ BEGIN {bump}; RETURN NULL; END $$"
        )
        for table in WATCHED:
            op.execute(
                f"CREATE TRIGGER {table}_changed AFTER INSERT OR UPDATE OR DELETE ON {table} "
                "FOR EACH STATEMENT EXECUTE FUNCTION catalogue_changed()"
            )
    else:
        for table in WATCHED:
            for event in EVENTS:
                op.execute(f"CREATE TRIGGER {table}_{event}_changed AFTER {event.upper()} ON {table} BEGIN {bump}; END")


def downgrade() -> None:
    # Derived data only: nothing is lost.
    if op.get_bind().dialect.name == "postgresql":
        for table in WATCHED:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_changed ON {table}")
        op.execute("DROP FUNCTION IF EXISTS catalogue_changed()")
    else:
        for table in WATCHED:
            for event in EVENTS:
                op.execute(f"DROP TRIGGER IF EXISTS {table}_{event}_changed")
    op.drop_table("catalogue_changes")
    op.drop_table("catalogue_search_postings")
    op.drop_table("catalogue_search_entries")
