"""The contact log (calls, visits, e-mails, letters) and the counsellor a client was handed to."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import Date, ForeignKey, Index, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, validates

from leerwinkel.storage.models.base import Code, Record
from leerwinkel.taxonomy import CONTACT_KINDS


class Contact(Record):
    """One contact with a client: the day it happened, its kind, a short note and the counsellor."""

    __tablename__ = "contacts"
    __table_args__ = (Index("ix_contacts_client_id_happened_on", "client_id", "happened_on"),)

    client_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    counsellor_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("counsellors.id"))
    happened_on: Mapped[dt.date] = mapped_column(Date)
    kind: Mapped[Code]
    note: Mapped[str] = mapped_column(Text, default="")

    @validates("kind")
    def _check_kind(self, key: str, value: str) -> str:
        return CONTACT_KINDS.validate(value, field=key)


class ClientAssignment(Record):
    """The counsellor who follows a client up since somebody handed the client over (at most one row a client).

    A table of its own, not a column on ``clients``: on SQLite adding a foreign key to ``clients`` means
    rebuilding that table, and dropping the old copy would cascade into every referral and intake.
    """

    __tablename__ = "client_assignments"
    __table_args__ = (UniqueConstraint("client_id"),)

    client_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    counsellor_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("counsellors.id"), index=True)
