"""create initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-27 18:13:55.681387
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "audit_events",
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor_id", sa.Uuid(), nullable=True),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("object_type", sa.String(length=40), nullable=False),
        sa.Column("object_id", sa.String(length=64), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("previous_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by_device", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_events")),
        sa.UniqueConstraint("sequence", name=op.f("uq_audit_events_sequence")),
    )
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_events_occurred_at"), ["occurred_at"], unique=False)

    op.create_table(
        "counsellors",
        sa.Column("username", sa.String(length=80), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=40), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("password_hash", sa.String(length=300), nullable=True),
        sa.Column("wrapped_key", sa.Text(), nullable=True),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("last_failed_login_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by_device", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_counsellors")),
        sa.UniqueConstraint("username", name=op.f("uq_counsellors_username")),
    )
    op.create_table(
        "providers",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("website", sa.String(length=300), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("external_id", sa.String(length=120), nullable=False),
        sa.Column("origin", sa.String(length=40), nullable=False),
        sa.Column("locally_modified", sa.Boolean(), nullable=False),
        sa.Column("sources", sa.Text(), nullable=False),
        sa.Column("last_verified", sa.Date(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by_device", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_providers")),
        sa.UniqueConstraint("external_id", name=op.f("uq_providers_external_id")),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by_device", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_settings")),
        sa.UniqueConstraint("key", name=op.f("uq_settings_key")),
    )
    op.create_table(
        "sites",
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("municipality", sa.String(length=100), nullable=False),
        sa.Column("postcode", sa.String(length=4), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by_device", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sites")),
        sa.UniqueConstraint("code", name=op.f("uq_sites_code")),
    )
    op.create_table(
        "clients",
        sa.Column("first_name", sa.String(length=100), nullable=False),
        sa.Column("alias", sa.String(length=100), nullable=False),
        sa.Column("last_name", sa.String(length=100), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("birth_year", sa.Integer(), nullable=True),
        sa.Column("gender", sa.String(length=20), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("street", sa.String(length=200), nullable=False),
        sa.Column("postcode", sa.String(length=4), nullable=False),
        sa.Column("municipality", sa.String(length=100), nullable=False),
        sa.Column("languages", sa.String(length=200), nullable=False),
        sa.Column("dutch_level", sa.String(length=40), nullable=False),
        sa.Column("education_level", sa.String(length=100), nullable=False),
        sa.Column("foreign_diploma", sa.String(length=200), nullable=False),
        sa.Column("foreign_diploma_recognised", sa.Boolean(), nullable=True),
        sa.Column("detained", sa.Boolean(), nullable=False),
        sa.Column("prison_site_id", sa.Uuid(), nullable=True),
        sa.Column("expected_release_date", sa.Date(), nullable=True),
        sa.Column("employment", sa.String(length=40), nullable=False),
        sa.Column("vdab_registered", sa.Boolean(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("last_activity_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by_device", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("first_name <> '' OR alias <> ''", name=op.f("ck_clients_has_name")),
        sa.ForeignKeyConstraint(["prison_site_id"], ["sites.id"], name=op.f("fk_clients_prison_site_id_sites")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_clients")),
    )
    with op.batch_alter_table("clients", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_clients_birth_year"), ["birth_year"], unique=False)
        batch_op.create_index(batch_op.f("ix_clients_last_activity_at"), ["last_activity_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_clients_municipality"), ["municipality"], unique=False)

    op.create_table(
        "locations",
        sa.Column("provider_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("street", sa.String(length=200), nullable=False),
        sa.Column("postcode", sa.String(length=4), nullable=False),
        sa.Column("city", sa.String(length=100), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("opening_hours", sa.Text(), nullable=False),
        sa.Column("prison_site_code", sa.String(length=40), nullable=True),
        sa.Column("external_id", sa.String(length=120), nullable=False),
        sa.Column("origin", sa.String(length=40), nullable=False),
        sa.Column("locally_modified", sa.Boolean(), nullable=False),
        sa.Column("sources", sa.Text(), nullable=False),
        sa.Column("last_verified", sa.Date(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by_device", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["provider_id"],
            ["providers.id"],
            name=op.f("fk_locations_provider_id_providers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_locations")),
        sa.UniqueConstraint("external_id", name=op.f("uq_locations_external_id")),
    )
    with op.batch_alter_table("locations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_locations_city"), ["city"], unique=False)
        batch_op.create_index(batch_op.f("ix_locations_prison_site_code"), ["prison_site_code"], unique=False)
        batch_op.create_index(batch_op.f("ix_locations_provider_id"), ["provider_id"], unique=False)

    op.create_table(
        "offerings",
        sa.Column("provider_id", sa.Uuid(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("category", sa.String(length=40), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("language", sa.String(length=10), nullable=False),
        sa.Column("dutch_level_min", sa.String(length=10), nullable=True),
        sa.Column("literacy_required", sa.Boolean(), nullable=True),
        sa.Column("schedule_day", sa.Boolean(), nullable=False),
        sa.Column("schedule_evening", sa.Boolean(), nullable=False),
        sa.Column("schedule_weekend", sa.Boolean(), nullable=False),
        sa.Column("schedule_online", sa.Boolean(), nullable=False),
        sa.Column("schedule_distance", sa.Boolean(), nullable=False),
        sa.Column("schedule_note", sa.Text(), nullable=False),
        sa.Column("is_free", sa.Boolean(), nullable=True),
        sa.Column("reduced_for_jobseekers", sa.Boolean(), nullable=True),
        sa.Column("reduced_for_prisoners", sa.Boolean(), nullable=True),
        sa.Column("cost_note", sa.Text(), nullable=False),
        sa.Column("in_prison", sa.Boolean(), nullable=False),
        sa.Column("admission", sa.Text(), nullable=False),
        sa.Column("what_to_bring", sa.Text(), nullable=False),
        sa.Column("website", sa.String(length=300), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("external_id", sa.String(length=120), nullable=False),
        sa.Column("origin", sa.String(length=40), nullable=False),
        sa.Column("locally_modified", sa.Boolean(), nullable=False),
        sa.Column("sources", sa.Text(), nullable=False),
        sa.Column("last_verified", sa.Date(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by_device", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["provider_id"],
            ["providers.id"],
            name=op.f("fk_offerings_provider_id_providers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_offerings")),
        sa.UniqueConstraint("external_id", name=op.f("uq_offerings_external_id")),
    )
    with op.batch_alter_table("offerings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_offerings_category"), ["category"], unique=False)
        batch_op.create_index(batch_op.f("ix_offerings_provider_id"), ["provider_id"], unique=False)

    op.create_table(
        "client_target_groups",
        sa.Column("client_id", sa.Uuid(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by_device", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["clients.id"],
            name=op.f("fk_client_target_groups_client_id_clients"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_client_target_groups")),
        sa.UniqueConstraint("client_id", "code", name=op.f("uq_client_target_groups_client_id_code")),
    )
    with op.batch_alter_table("client_target_groups", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_client_target_groups_client_id"), ["client_id"], unique=False)

    op.create_table(
        "client_vulnerabilities",
        sa.Column("client_id", sa.Uuid(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by_device", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["clients.id"],
            name=op.f("fk_client_vulnerabilities_client_id_clients"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_client_vulnerabilities")),
        sa.UniqueConstraint("client_id", "code", name=op.f("uq_client_vulnerabilities_client_id_code")),
    )
    with op.batch_alter_table("client_vulnerabilities", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_client_vulnerabilities_client_id"), ["client_id"], unique=False)

    op.create_table(
        "consents",
        sa.Column("client_id", sa.Uuid(), nullable=False),
        sa.Column("store_data", sa.Boolean(), nullable=False),
        sa.Column("share_with_provider", sa.Boolean(), nullable=False),
        sa.Column("contact_follow_up", sa.Boolean(), nullable=False),
        sa.Column("given_on", sa.Date(), nullable=False),
        sa.Column("recorded_by_id", sa.Uuid(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by_device", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"], ["clients.id"], name=op.f("fk_consents_client_id_clients"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"], ["counsellors.id"], name=op.f("fk_consents_recorded_by_id_counsellors")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consents")),
    )
    with op.batch_alter_table("consents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_consents_client_id"), ["client_id"], unique=False)

    op.create_table(
        "intakes",
        sa.Column("client_id", sa.Uuid(), nullable=False),
        sa.Column("site_id", sa.Uuid(), nullable=True),
        sa.Column("counsellor_id", sa.Uuid(), nullable=True),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("channel", sa.String(length=40), nullable=False),
        sa.Column("referred_by", sa.String(length=200), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("next_appointment_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by_device", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"], ["clients.id"], name=op.f("fk_intakes_client_id_clients"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["counsellor_id"], ["counsellors.id"], name=op.f("fk_intakes_counsellor_id_counsellors")
        ),
        sa.ForeignKeyConstraint(["site_id"], ["sites.id"], name=op.f("fk_intakes_site_id_sites")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_intakes")),
    )
    with op.batch_alter_table("intakes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_intakes_client_id"), ["client_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_intakes_held_on"), ["held_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_intakes_next_appointment_at"), ["next_appointment_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_intakes_site_id"), ["site_id"], unique=False)

    op.create_table(
        "offering_locations",
        sa.Column("offering_id", sa.Uuid(), nullable=False),
        sa.Column("location_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by_device", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["location_id"],
            ["locations.id"],
            name=op.f("fk_offering_locations_location_id_locations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["offering_id"],
            ["offerings.id"],
            name=op.f("fk_offering_locations_offering_id_offerings"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_offering_locations")),
        sa.UniqueConstraint("offering_id", "location_id", name=op.f("uq_offering_locations_offering_id_location_id")),
    )
    with op.batch_alter_table("offering_locations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_offering_locations_location_id"), ["location_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_offering_locations_offering_id"), ["offering_id"], unique=False)

    op.create_table(
        "client_thresholds",
        sa.Column("client_id", sa.Uuid(), nullable=False),
        sa.Column("intake_id", sa.Uuid(), nullable=True),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by_device", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["clients.id"],
            name=op.f("fk_client_thresholds_client_id_clients"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["intake_id"],
            ["intakes.id"],
            name=op.f("fk_client_thresholds_intake_id_intakes"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_client_thresholds")),
        sa.UniqueConstraint("client_id", "code", name=op.f("uq_client_thresholds_client_id_code")),
    )
    with op.batch_alter_table("client_thresholds", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_client_thresholds_client_id"), ["client_id"], unique=False)

    op.create_table(
        "learning_wishes",
        sa.Column("client_id", sa.Uuid(), nullable=False),
        sa.Column("intake_id", sa.Uuid(), nullable=True),
        sa.Column("category", sa.String(length=40), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("goal", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by_device", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["clients.id"],
            name=op.f("fk_learning_wishes_client_id_clients"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["intake_id"],
            ["intakes.id"],
            name=op.f("fk_learning_wishes_intake_id_intakes"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_learning_wishes")),
    )
    with op.batch_alter_table("learning_wishes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_learning_wishes_category"), ["category"], unique=False)
        batch_op.create_index(batch_op.f("ix_learning_wishes_client_id"), ["client_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_learning_wishes_intake_id"), ["intake_id"], unique=False)

    op.create_table(
        "referrals",
        sa.Column("client_id", sa.Uuid(), nullable=False),
        sa.Column("wish_id", sa.Uuid(), nullable=True),
        sa.Column("offering_id", sa.Uuid(), nullable=True),
        sa.Column("provider_id", sa.Uuid(), nullable=True),
        sa.Column("counsellor_id", sa.Uuid(), nullable=True),
        sa.Column("site_id", sa.Uuid(), nullable=True),
        sa.Column("category", sa.String(length=40), nullable=False),
        sa.Column("status", sa.String(length=40), nullable=False),
        sa.Column("referred_on", sa.Date(), nullable=False),
        sa.Column("follow_up_on", sa.Date(), nullable=True),
        sa.Column("outcome", sa.String(length=40), nullable=True),
        sa.Column("outcome_note", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by_device", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"], ["clients.id"], name=op.f("fk_referrals_client_id_clients"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["counsellor_id"], ["counsellors.id"], name=op.f("fk_referrals_counsellor_id_counsellors")
        ),
        sa.ForeignKeyConstraint(
            ["offering_id"],
            ["offerings.id"],
            name=op.f("fk_referrals_offering_id_offerings"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["provider_id"],
            ["providers.id"],
            name=op.f("fk_referrals_provider_id_providers"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(["site_id"], ["sites.id"], name=op.f("fk_referrals_site_id_sites")),
        sa.ForeignKeyConstraint(
            ["wish_id"],
            ["learning_wishes.id"],
            name=op.f("fk_referrals_wish_id_learning_wishes"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_referrals")),
    )
    with op.batch_alter_table("referrals", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_referrals_category"), ["category"], unique=False)
        batch_op.create_index(batch_op.f("ix_referrals_client_id"), ["client_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_referrals_follow_up_on"), ["follow_up_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_referrals_referred_on"), ["referred_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_referrals_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_referrals_wish_id"), ["wish_id"], unique=False)

    op.create_table(
        "letters",
        sa.Column("referral_id", sa.Uuid(), nullable=True),
        sa.Column("client_id", sa.Uuid(), nullable=True),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("language", sa.String(length=10), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("produced_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("counsellor_id", sa.Uuid(), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by_device", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"], ["clients.id"], name=op.f("fk_letters_client_id_clients"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["counsellor_id"], ["counsellors.id"], name=op.f("fk_letters_counsellor_id_counsellors")
        ),
        sa.ForeignKeyConstraint(
            ["referral_id"],
            ["referrals.id"],
            name=op.f("fk_letters_referral_id_referrals"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_letters")),
    )
    with op.batch_alter_table("letters", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_letters_client_id"), ["client_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_letters_referral_id"), ["referral_id"], unique=False)

    op.create_table(
        "referral_status_changes",
        sa.Column("referral_id", sa.Uuid(), nullable=False),
        sa.Column("status", sa.String(length=40), nullable=False),
        sa.Column("changed_on", sa.Date(), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("counsellor_id", sa.Uuid(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by_device", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["counsellor_id"],
            ["counsellors.id"],
            name=op.f("fk_referral_status_changes_counsellor_id_counsellors"),
        ),
        sa.ForeignKeyConstraint(
            ["referral_id"],
            ["referrals.id"],
            name=op.f("fk_referral_status_changes_referral_id_referrals"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_referral_status_changes")),
    )
    with op.batch_alter_table("referral_status_changes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_referral_status_changes_changed_on"), ["changed_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_referral_status_changes_referral_id"), ["referral_id"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("referral_status_changes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_referral_status_changes_referral_id"))
        batch_op.drop_index(batch_op.f("ix_referral_status_changes_changed_on"))

    op.drop_table("referral_status_changes")
    with op.batch_alter_table("letters", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_letters_referral_id"))
        batch_op.drop_index(batch_op.f("ix_letters_client_id"))

    op.drop_table("letters")
    with op.batch_alter_table("referrals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_referrals_wish_id"))
        batch_op.drop_index(batch_op.f("ix_referrals_status"))
        batch_op.drop_index(batch_op.f("ix_referrals_referred_on"))
        batch_op.drop_index(batch_op.f("ix_referrals_follow_up_on"))
        batch_op.drop_index(batch_op.f("ix_referrals_client_id"))
        batch_op.drop_index(batch_op.f("ix_referrals_category"))

    op.drop_table("referrals")
    with op.batch_alter_table("learning_wishes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_learning_wishes_intake_id"))
        batch_op.drop_index(batch_op.f("ix_learning_wishes_client_id"))
        batch_op.drop_index(batch_op.f("ix_learning_wishes_category"))

    op.drop_table("learning_wishes")
    with op.batch_alter_table("client_thresholds", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_client_thresholds_client_id"))

    op.drop_table("client_thresholds")
    with op.batch_alter_table("offering_locations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_offering_locations_offering_id"))
        batch_op.drop_index(batch_op.f("ix_offering_locations_location_id"))

    op.drop_table("offering_locations")
    with op.batch_alter_table("intakes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_intakes_site_id"))
        batch_op.drop_index(batch_op.f("ix_intakes_next_appointment_at"))
        batch_op.drop_index(batch_op.f("ix_intakes_held_on"))
        batch_op.drop_index(batch_op.f("ix_intakes_client_id"))

    op.drop_table("intakes")
    with op.batch_alter_table("consents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consents_client_id"))

    op.drop_table("consents")
    with op.batch_alter_table("client_vulnerabilities", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_client_vulnerabilities_client_id"))

    op.drop_table("client_vulnerabilities")
    with op.batch_alter_table("client_target_groups", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_client_target_groups_client_id"))

    op.drop_table("client_target_groups")
    with op.batch_alter_table("offerings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_offerings_provider_id"))
        batch_op.drop_index(batch_op.f("ix_offerings_category"))

    op.drop_table("offerings")
    with op.batch_alter_table("locations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_locations_provider_id"))
        batch_op.drop_index(batch_op.f("ix_locations_prison_site_code"))
        batch_op.drop_index(batch_op.f("ix_locations_city"))

    op.drop_table("locations")
    with op.batch_alter_table("clients", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_clients_municipality"))
        batch_op.drop_index(batch_op.f("ix_clients_last_activity_at"))
        batch_op.drop_index(batch_op.f("ix_clients_birth_year"))

    op.drop_table("clients")
    op.drop_table("sites")
    op.drop_table("settings")
    op.drop_table("providers")
    op.drop_table("counsellors")
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_events_occurred_at"))

    op.drop_table("audit_events")
