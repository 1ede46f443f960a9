"""drop two indexes nothing reads and index only the intakes that have a next appointment

Revision ID: 0215
Revises: 0210
Create Date: 2026-12-03 11:00:00

Every new intake wrote a page of each index of its tables; three of them served nobody (issue 15: the
intake save):

- ix_learning_wishes_category: no query looks wishes up by category alone (the reports read a client's
  wishes through ix_learning_wishes_client_id_category); each of a save's wishes wrote another page of
  it, one per category. Dropped.
- ix_intakes_site_id: the reports find a site's intakes through ix_intakes_held_on_site_id_client_id
  (every report has a period), and the app never deletes a site (the foreign key's look-up). Dropped.
- ix_intakes_next_appointment_at: every query asks for appointments in a period (``>=``, ``<``), which no
  intake without an appointment answers, yet each of them had an entry. Now partial: ``WHERE
  next_appointment_at IS NOT NULL``, which SQLite and PostgreSQL both use for such a comparison.

With the consecutive ids of a save's thresholds and wishes (leerwinkel.ids.new_ids), a new client's
save writes 44 encrypted pages instead of 56 (measured from the growth of the WAL over 1,000 saves).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0215"
down_revision: str | None = "0210"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: Indexes only: no row changes.
MOVES_DATA = False

#: (index, table, column) of the indexes dropped here.
UNREAD = (
    ("ix_learning_wishes_category", "learning_wishes", "category"),
    ("ix_intakes_site_id", "intakes", "site_id"),
)
APPOINTMENTS = "ix_intakes_next_appointment_at"
WITH_APPOINTMENT = "next_appointment_at IS NOT NULL"


def upgrade() -> None:
    for name, table, _column in UNREAD:
        op.drop_index(name, table_name=table)
    op.drop_index(APPOINTMENTS, table_name="intakes")
    op.create_index(
        APPOINTMENTS,
        "intakes",
        ["next_appointment_at"],
        unique=False,
        sqlite_where=sa.text(WITH_APPOINTMENT),
        postgresql_where=sa.text(WITH_APPOINTMENT),
    )


def downgrade() -> None:
    op.drop_index(APPOINTMENTS, table_name="intakes")
    op.create_index(APPOINTMENTS, "intakes", ["next_appointment_at"], unique=False)
    for name, table, column in UNREAD:
        op.create_index(name, table, [column], unique=False)
