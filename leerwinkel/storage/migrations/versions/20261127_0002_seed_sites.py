"""seed the sites of Leerwinkel Regio Mechelen

The places named in DESIGN.md §1: the Sociaal Huis, the sitting days in Lier and Willebroek, the
monthly sitting day at the Agentschap Integratie en Inburgering, and the Mechelen prison. Their ids
are fixed (uuid5 of the code) so every desk that creates a database gets the same sites.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27 18:40:00
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None
#: this revision moves or creates data: tests/migrations/test_data_migrations.py has a test_<id>_... for it
MOVES_DATA = True

SITE_NAMESPACE = uuid.UUID("5d7f6c52-3f0b-4f53-9a0e-6f1f4b3b2a10")

# Frozen here on purpose: a data migration never imports today's models.
sites = sa.table(
    "sites",
    sa.column("id", sa.Uuid()),
    sa.column("created_at", sa.DateTime(timezone=True)),
    sa.column("updated_at", sa.DateTime(timezone=True)),
    sa.column("updated_by_device", sa.String()),
    sa.column("version", sa.Integer()),
    sa.column("code", sa.String()),
    sa.column("name", sa.String()),
    sa.column("kind", sa.String()),
    sa.column("municipality", sa.String()),
    sa.column("postcode", sa.String()),
    sa.column("active", sa.Boolean()),
)

SITES = [
    ("mechelen-sociaal-huis", "Sociaal Huis Mechelen", "kantoor", "Mechelen", "2800"),
    ("zitdag-lier", "Zitdag Lier", "zitdag", "Lier", ""),
    ("zitdag-willebroek", "Zitdag Willebroek", "zitdag", "Willebroek", ""),
    ("zitdag-agii-mechelen", "Zitdag Agentschap Integratie en Inburgering", "zitdag", "Mechelen", "2800"),
    ("gevangenis-mechelen", "Gevangenis Mechelen", "gevangenis", "Mechelen", "2800"),
]


def site_id(code: str) -> uuid.UUID:
    return uuid.uuid5(SITE_NAMESPACE, code)


def upgrade() -> None:
    now = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    if op.get_bind().dialect.name == "sqlite":
        now = now.replace(tzinfo=None)  # stored as naive UTC on SQLite, like UTCDateTime does
    op.bulk_insert(
        sites,
        [
            {
                "id": site_id(code),
                "created_at": now,
                "updated_at": now,
                "updated_by_device": "migration",
                "version": 1,
                "code": code,
                "name": name,
                "kind": kind,
                "municipality": city,
                "postcode": postcode,
                "active": True,
            }
            for code, name, kind, city, postcode in SITES
        ],
    )


def downgrade() -> None:
    # Only the untouched seeded rows go; a site that intakes refer to stays (no data is lost).
    bind = op.get_bind()
    for code, *_rest in SITES:
        bind.execute(
            sa.text(
                "DELETE FROM sites WHERE code = :code AND version = 1 "
                "AND NOT EXISTS (SELECT 1 FROM intakes WHERE intakes.site_id = sites.id) "
                "AND NOT EXISTS (SELECT 1 FROM referrals WHERE referrals.site_id = sites.id) "
                "AND NOT EXISTS (SELECT 1 FROM clients WHERE clients.prison_site_id = sites.id)"
            ),
            {"code": code},
        )
