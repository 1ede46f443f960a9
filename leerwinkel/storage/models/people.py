"""Counsellors, sites, clients and what an intake records about them."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, Index, String, Text, UniqueConstraint, false, text
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from leerwinkel.storage.models.base import Code, Record, ShortText
from leerwinkel.taxonomy import (
    DUTCH_LEVELS,
    INTAKE_CHANNELS,
    ROLES,
    SITE_KINDS,
    TARGET_GROUPS,
    THRESHOLDS,
    VULNERABILITIES,
    WISH_CATEGORIES,
)


class Counsellor(Record):
    __tablename__ = "counsellors"

    username: Mapped[str] = mapped_column(String(80), unique=True)
    display_name: Mapped[ShortText]
    role: Mapped[Code] = mapped_column(default="counsellor")
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    password_hash: Mapped[str | None] = mapped_column(String(300))
    wrapped_key: Mapped[str | None] = mapped_column(Text)
    #: the role, signed by an administrator's key (leerwinkel.security.grants); JSON with the signature
    role_grant: Mapped[str | None] = mapped_column(Text)
    failed_logins: Mapped[int] = mapped_column(default=0)
    last_failed_login_at: Mapped[dt.datetime | None]

    @validates("role")
    def _check_role(self, key: str, value: str) -> str:
        return ROLES.validate(value, field=key)


class Site(Record):
    """A place where intakes happen: the office, a sitting day, a prison."""

    __tablename__ = "sites"

    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[ShortText]
    kind: Mapped[Code] = mapped_column(default="kantoor")
    municipality: Mapped[str] = mapped_column(String(100), default="")
    postcode: Mapped[str] = mapped_column(String(4), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    street: Mapped[str] = mapped_column(String(200), default="", server_default="")
    phone: Mapped[str] = mapped_column(String(40), default="", server_default="")
    note: Mapped[str] = mapped_column(Text, default="", server_default="")
    sources: Mapped[str] = mapped_column(Text, default="", server_default="")  # one URL or reference a line
    own: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())  # the Leerwinkel works here

    @property
    def is_prison(self) -> bool:
        return self.kind == "gevangenis"

    @validates("kind")
    def _check_kind(self, key: str, value: str) -> str:
        return SITE_KINDS.validate(value, field=key)


class Client(Record):
    """A person with a learning wish. Only a first name or an alias is required."""

    __tablename__ = "clients"
    __table_args__ = (
        CheckConstraint("first_name <> '' OR alias <> ''", name="has_name"),
        # Searching as you type walks clients newest first and tests the folded name: with the name
        # in the index, that walk reads the small index instead of every client row.
        Index("ix_clients_activity_search", "last_activity_at", "id", "search_key"),
    )

    first_name: Mapped[str] = mapped_column(String(100), default="")
    alias: Mapped[str] = mapped_column(String(100), default="")
    last_name: Mapped[str] = mapped_column(String(100), default="")
    birth_date: Mapped[dt.date | None] = mapped_column(Date, index=True)  # the duplicate check (0120)
    birth_year: Mapped[int | None] = mapped_column(index=True)
    gender: Mapped[str] = mapped_column(String(20), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    street: Mapped[str] = mapped_column(String(200), default="")
    postcode: Mapped[str] = mapped_column(String(4), default="")
    municipality: Mapped[str] = mapped_column(String(100), default="", index=True)
    languages: Mapped[str] = mapped_column(String(200), default="")
    dutch_level: Mapped[Code] = mapped_column(default="onbekend")
    education_level: Mapped[str] = mapped_column(String(100), default="")
    foreign_diploma: Mapped[str] = mapped_column(String(200), default="")
    foreign_diploma_recognised: Mapped[bool | None] = mapped_column(Boolean)
    detained: Mapped[bool] = mapped_column(Boolean, default=False)
    prison_site_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("sites.id"))
    expected_release_date: Mapped[dt.date | None] = mapped_column(Date)
    employment: Mapped[str] = mapped_column(String(40), default="")
    vdab_registered: Mapped[bool | None] = mapped_column(Boolean)
    notes: Mapped[str] = mapped_column(Text, default="")
    last_activity_at: Mapped[dt.datetime | None] = mapped_column()  # indexed first in ix_clients_activity_search (0205)
    #: Names folded to lower case without accents, for searching as you type (kept by the intake service).
    search_key: Mapped[str] = mapped_column(String(400), default="", server_default="")

    target_groups: Mapped[list[ClientTargetGroup]] = relationship(
        back_populates="client", cascade="all, delete-orphan", order_by="ClientTargetGroup.code"
    )
    vulnerabilities: Mapped[list[ClientVulnerability]] = relationship(
        back_populates="client", cascade="all, delete-orphan", order_by="ClientVulnerability.code"
    )
    thresholds: Mapped[list[ClientThreshold]] = relationship(
        back_populates="client", cascade="all, delete-orphan", order_by="ClientThreshold.code"
    )
    intakes: Mapped[list[Intake]] = relationship(
        back_populates="client", cascade="all, delete-orphan", order_by="Intake.held_on"
    )
    wishes: Mapped[list[LearningWish]] = relationship(back_populates="client", cascade="all, delete-orphan")
    consents: Mapped[list[Consent]] = relationship(
        back_populates="client", cascade="all, delete-orphan", order_by="Consent.given_on"
    )

    @validates("dutch_level")
    def _check_dutch_level(self, key: str, value: str) -> str:
        return DUTCH_LEVELS.validate(value, field=key)


class ClientTargetGroup(Record):
    __tablename__ = "client_target_groups"
    __table_args__ = (UniqueConstraint("client_id", "code"),)

    client_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("clients.id", ondelete="CASCADE")
    )  # the unique (client_id, code) index serves
    code: Mapped[Code]
    client: Mapped[Client] = relationship(back_populates="target_groups")

    @validates("code")
    def _check_code(self, key: str, value: str) -> str:
        return TARGET_GROUPS.validate(value, field=key)


class ClientVulnerability(Record):
    __tablename__ = "client_vulnerabilities"
    __table_args__ = (UniqueConstraint("client_id", "code"),)

    client_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("clients.id", ondelete="CASCADE")
    )  # the unique (client_id, code) index serves
    code: Mapped[Code]
    note: Mapped[str] = mapped_column(Text, default="")
    client: Mapped[Client] = relationship(back_populates="vulnerabilities")

    @validates("code")
    def _check_code(self, key: str, value: str) -> str:
        return VULNERABILITIES.validate(value, field=key)


class ClientThreshold(Record):
    """A threshold (drempel) the client meets, with an optional note."""

    __tablename__ = "client_thresholds"
    __table_args__ = (UniqueConstraint("client_id", "code"),)

    client_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("clients.id", ondelete="CASCADE")
    )  # the unique (client_id, code) index serves
    intake_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("intakes.id", ondelete="SET NULL"))
    code: Mapped[Code]
    note: Mapped[str] = mapped_column(Text, default="")
    client: Mapped[Client] = relationship(back_populates="thresholds")

    @validates("code")
    def _check_code(self, key: str, value: str) -> str:
        return THRESHOLDS.validate(value, field=key)


class Intake(Record):
    """One intake conversation: where, how the client came in, and what was noted."""

    __tablename__ = "intakes"
    __table_args__ = (  # for the reports (revision 0050)
        Index("ix_intakes_client_id_held_on", "client_id", "held_on"),
        Index("ix_intakes_held_on_site_id_client_id", "held_on", "site_id", "client_id"),
        # Appointments are always asked for in a period: intakes without one need no entry (revision 0215).
        Index(
            "ix_intakes_next_appointment_at",
            "next_appointment_at",
            sqlite_where=text("next_appointment_at IS NOT NULL"),
            postgresql_where=text("next_appointment_at IS NOT NULL"),
        ),
    )

    client_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("clients.id", ondelete="CASCADE")
    )  # ix_intakes_client_id_held_on serves
    site_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("sites.id")
    )  # ix_intakes_held_on_site_id_client_id serves the reports; sites are never deleted (revision 0215)
    counsellor_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("counsellors.id"))
    held_on: Mapped[dt.date] = mapped_column(Date)  # ix_intakes_held_on_site_id_client_id serves
    channel: Mapped[Code] = mapped_column(default="inloop")
    referred_by: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    next_appointment_at: Mapped[dt.datetime | None] = mapped_column()  # a partial index, above

    client: Mapped[Client] = relationship(back_populates="intakes")
    wishes: Mapped[list[LearningWish]] = relationship(back_populates="intake")

    @validates("channel")
    def _check_channel(self, key: str, value: str) -> str:
        return INTAKE_CHANNELS.validate(value, field=key)


class LearningWish(Record):
    __tablename__ = "learning_wishes"
    __table_args__ = (Index("ix_learning_wishes_client_id_category", "client_id", "category"),)  # reports (0050)

    client_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("clients.id", ondelete="CASCADE")
    )  # ix_learning_wishes_client_id_category serves
    intake_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("intakes.id", ondelete="SET NULL"), index=True)
    category: Mapped[Code] = mapped_column()  # never looked up alone (revision 0215)
    description: Mapped[str] = mapped_column(Text, default="")
    goal: Mapped[str] = mapped_column(Text, default="")

    client: Mapped[Client] = relationship(back_populates="wishes")
    intake: Mapped[Intake | None] = relationship(back_populates="wishes")

    @validates("category")
    def _check_category(self, key: str, value: str) -> str:
        return WISH_CATEGORIES.validate(value, field=key)


class Consent(Record):
    """What the client agreed to, when, and who recorded it. The latest row applies."""

    __tablename__ = "consents"

    client_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), index=True)
    store_data: Mapped[bool] = mapped_column(Boolean, default=False)
    share_with_provider: Mapped[bool] = mapped_column(Boolean, default=False)
    contact_follow_up: Mapped[bool] = mapped_column(Boolean, default=False)
    given_on: Mapped[dt.date] = mapped_column(Date)
    recorded_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("counsellors.id"))
    note: Mapped[str] = mapped_column(Text, default="")

    client: Mapped[Client] = relationship(back_populates="consents")
