"""add to the referrals whether their history reached started and completed, and when they enrolled

Revision ID: 0210
Revises: 0205
Create Date: 2026-12-03 10:00:00

The report asked every referral made in the period whether its history ever reached gestart or
afgerond (two EXISTS probes per referral), and found each enrolment by grouping the period's status
changes and probing for earlier ones. As columns of the referral row the same figures cost a third
less for the referral groups and a quarter of the time for the enrolments at 100,000 clients
(490 -> 331 ms and 410 -> 123 ms; issue 15), and the enrolments come from the new
(enrolled_on, site_id, client_id) index alone.

The database keeps the columns, not the app: triggers on referral_status_changes recompute them from
the referral's whole history after every insert, delete and update of its referral, status or date
(for the old and the new referral when a change moves), whoever writes the history: the app, an
exchange file, an import. Existing rows are filled once from their history.

A later revision that copies either table on SQLite (a batch migration that recreates it) must drop
these triggers first and create them again after: copying referral_status_changes drops them without a
word, and renaming the copy of referrals back fails on them ("no such table: main.referrals").
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0210"
down_revision: str | None = "0205"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: It fills the new columns from the status history (see tests/migrations/test_data_migrations.py).
MOVES_DATA = True

# The status codes as leerwinkel/reports/passes.py names them (STARTED, COMPLETED, ENROLMENT_STATUSES),
# frozen here: this revision must keep computing what it computed when it was written.
REACHED_STARTED = "'gestart', 'afgerond'"
REACHED_COMPLETED = "'afgerond'"
ENROLLED = "'ingeschreven', 'gestart', 'afgerond'"

#: Every column from the referral's whole history; ``{where}`` picks the referrals.
RECOMPUTE = (
    "UPDATE referrals SET "  # noqa: S608 - the revision's own constants, no input
    "reached_started = EXISTS (SELECT 1 FROM referral_status_changes AS c "
    f"WHERE c.referral_id = referrals.id AND c.status IN ({REACHED_STARTED})), "
    "reached_completed = EXISTS (SELECT 1 FROM referral_status_changes AS c "
    f"WHERE c.referral_id = referrals.id AND c.status IN ({REACHED_COMPLETED})), "
    "enrolled_on = (SELECT min(c.changed_on) FROM referral_status_changes AS c "
    f"WHERE c.referral_id = referrals.id AND c.status IN ({ENROLLED})) "
    "WHERE {where}"
)
INDEX = "ix_referrals_enrolled_on_site_id_client_id"
#: The columns of a status change the three depend on: an edited note fires nothing.
WATCHED = "referral_id, status, changed_on"
#: SQLite: one trigger per event, each naming the referrals it recomputes.
SQLITE_TRIGGERS = {
    "referral_status_changes_progress_insert": ("INSERT", "id = NEW.referral_id"),
    "referral_status_changes_progress_update": (f"UPDATE OF {WATCHED}", "id IN (OLD.referral_id, NEW.referral_id)"),
    "referral_status_changes_progress_delete": ("DELETE", "id = OLD.referral_id"),
}
PG_FUNCTION = "referral_progress()"
PG_TRIGGER = "referral_status_changes_progress"


def upgrade() -> None:
    # Not in a batch: on SQLite a batch copies the table for a column whose default is an expression
    # (false), and copying referrals with foreign keys on cascade-deletes every referral's history.
    # ALTER TABLE ADD COLUMN keeps the rows where they are.
    op.add_column("referrals", sa.Column("reached_started", sa.Boolean(), server_default=sa.false(), nullable=False))
    op.add_column("referrals", sa.Column("reached_completed", sa.Boolean(), server_default=sa.false(), nullable=False))
    op.add_column("referrals", sa.Column("enrolled_on", sa.Date(), nullable=True))
    # Only referrals with a history can differ from the defaults (300,000 referrals: 4 s on SQLite).
    op.execute(RECOMPUTE.format(where="id IN (SELECT referral_id FROM referral_status_changes)"))
    op.create_index(INDEX, "referrals", ["enrolled_on", "site_id", "client_id"], unique=False)
    if op.get_bind().dialect.name == "postgresql":
        recompute = RECOMPUTE.format(where="referrals.id = ANY (ids)")
        op.execute(
            f"CREATE FUNCTION {PG_FUNCTION} RETURNS trigger LANGUAGE plpgsql AS $$ "
            "DECLARE ids uuid[]; BEGIN "
            "IF TG_OP = 'INSERT' THEN ids := ARRAY[NEW.referral_id]; "
            "ELSIF TG_OP = 'UPDATE' THEN ids := ARRAY[OLD.referral_id, NEW.referral_id]; "
            "ELSE ids := ARRAY[OLD.referral_id]; END IF; "
            f"{recompute}; RETURN NULL; END $$"
        )
        op.execute(
            f"CREATE TRIGGER {PG_TRIGGER} AFTER INSERT OR DELETE OR UPDATE OF {WATCHED} "
            f"ON referral_status_changes FOR EACH ROW EXECUTE FUNCTION {PG_FUNCTION}"
        )
    else:
        for name, (event, where) in SQLITE_TRIGGERS.items():
            op.execute(
                f"CREATE TRIGGER {name} AFTER {event} ON referral_status_changes "
                f"BEGIN {RECOMPUTE.format(where=where)}; END"
            )


def downgrade() -> None:
    # Derived from the history, which stays: nothing is lost.
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP TRIGGER IF EXISTS {PG_TRIGGER} ON referral_status_changes")
        op.execute(f"DROP FUNCTION IF EXISTS {PG_FUNCTION}")
    else:
        for name in SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_index(INDEX, table_name="referrals")
    # recreate="never": SQLite drops plain columns in place (3.35+). Copying the referrals table instead
    # would, with foreign keys on, cascade-delete every referral's status history (as in revision 0130).
    with op.batch_alter_table("referrals", schema=None, recreate="never") as batch_op:
        batch_op.drop_column("enrolled_on")
        batch_op.drop_column("reached_completed")
        batch_op.drop_column("reached_started")
