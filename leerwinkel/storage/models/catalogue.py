"""The provider catalogue: providers, their locations and offerings (maps onto HSDS 3.0)."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import Boolean, Date, ForeignKey, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from leerwinkel.storage.models.base import Code, Record, ShortText
from leerwinkel.taxonomy import WISH_CATEGORIES


class CatalogueRecord(Record):
    """Columns every catalogue record shares: where it came from and when it was last checked."""

    __abstract__ = True

    external_id: Mapped[str] = mapped_column(String(120), unique=True)
    origin: Mapped[Code] = mapped_column(default="local")  # bundle | import | local
    locally_modified: Mapped[bool] = mapped_column(Boolean, default=False)
    sources: Mapped[str] = mapped_column(Text, default="")  # one URL or reference a line
    last_verified: Mapped[dt.date | None] = mapped_column(Date)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # The last check ("Nagekeken"): who did it and how (a URL, or "telefonisch"); when is last_verified.
    checked_by: Mapped[str] = mapped_column(String(120), default="", server_default="")
    check_source: Mapped[str] = mapped_column(Text, default="", server_default="")


class Provider(CatalogueRecord):
    """An organisation that offers learning (HSDS organization)."""

    __tablename__ = "providers"

    name: Mapped[ShortText]
    kind: Mapped[str] = mapped_column(String(40), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    website: Mapped[str] = mapped_column(String(300), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")

    locations: Mapped[list[Location]] = relationship(back_populates="provider", cascade="all, delete-orphan")
    offerings: Mapped[list[Offering]] = relationship(back_populates="provider", cascade="all, delete-orphan")


class Location(CatalogueRecord):
    """A place where a provider teaches (HSDS location + address), possibly inside a prison."""

    __tablename__ = "locations"

    provider_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("providers.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    street: Mapped[str] = mapped_column(String(200), default="")
    postcode: Mapped[str] = mapped_column(String(4), default="")
    city: Mapped[str] = mapped_column(String(100), default="", index=True)
    phone: Mapped[str] = mapped_column(String(40), default="")
    opening_hours: Mapped[str] = mapped_column(Text, default="")
    prison_site_code: Mapped[str | None] = mapped_column(String(40), index=True)

    provider: Mapped[Provider] = relationship(back_populates="locations")


class Offering(CatalogueRecord):
    """What a provider offers (HSDS service): category, schedule, cost, levels, prison availability."""

    __tablename__ = "offerings"

    provider_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("providers.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    category: Mapped[Code] = mapped_column(index=True)
    description: Mapped[str] = mapped_column(Text, default="")
    language: Mapped[str] = mapped_column(String(10), default="nl")
    dutch_level_min: Mapped[str | None] = mapped_column(String(10))
    literacy_required: Mapped[bool | None] = mapped_column(Boolean)
    schedule_day: Mapped[bool] = mapped_column(Boolean, default=False)
    schedule_evening: Mapped[bool] = mapped_column(Boolean, default=False)
    schedule_weekend: Mapped[bool] = mapped_column(Boolean, default=False)
    schedule_online: Mapped[bool] = mapped_column(Boolean, default=False)
    schedule_distance: Mapped[bool] = mapped_column(Boolean, default=False)
    schedule_note: Mapped[str] = mapped_column(Text, default="")
    is_free: Mapped[bool | None] = mapped_column(Boolean)
    reduced_for_jobseekers: Mapped[bool | None] = mapped_column(Boolean)
    reduced_for_prisoners: Mapped[bool | None] = mapped_column(Boolean)
    cost_note: Mapped[str] = mapped_column(Text, default="")
    in_prison: Mapped[bool] = mapped_column(Boolean, default=False)
    admission: Mapped[str] = mapped_column(Text, default="")
    what_to_bring: Mapped[str] = mapped_column(Text, default="")
    website: Mapped[str] = mapped_column(String(300), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    # What the client reads on the handout: a short plain-language text (A2), never the counsellor's
    # description, and its translations as a JSON object {"ar": "...", "tr": "..."} (revision 0130).
    client_text: Mapped[str] = mapped_column(Text, default="", server_default="")
    client_text_translations: Mapped[str] = mapped_column(Text, default="{}", server_default="{}")
    # The offering may have stopped or changed (a campus closing, a subsidy ending): "status onzeker".
    status_uncertain: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    status_note: Mapped[str] = mapped_column(Text, default="", server_default="")
    target_groups: Mapped[str] = mapped_column(Text, default="", server_default="")  # TARGET_GROUPS codes, a line each

    provider: Mapped[Provider] = relationship(back_populates="offerings")
    locations: Mapped[list[Location]] = relationship(secondary="offering_locations")

    @validates("category")
    def _check_category(self, key: str, value: str) -> str:
        return WISH_CATEGORIES.validate(value, field=key)


class OfferingLocation(Record):
    """Where an offering is given (HSDS service_at_location)."""

    __tablename__ = "offering_locations"
    __table_args__ = (UniqueConstraint("offering_id", "location_id"),)

    offering_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("offerings.id", ondelete="CASCADE"), index=True)
    location_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("locations.id", ondelete="CASCADE"), index=True)
