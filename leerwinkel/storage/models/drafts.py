"""Drafts: the open form, saved as you type, so a crash or a killed process loses nothing."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import ForeignKey, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from leerwinkel.storage.models.base import Base, UTCDateTime


class Draft(Base):
    """One unsaved form per key (e.g. "intake"), per account and per device. Not a synced Record.

    A draft about a stored client names it (``client_id``), so erasing the client erases the draft
    (explicitly, and by the foreign key's cascade); a deleted account takes its drafts along.
    """

    __tablename__ = "drafts"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    owner_id: Mapped[uuid.UUID] = mapped_column(
        Uuid(), ForeignKey("counsellors.id", ondelete="CASCADE"), primary_key=True
    )
    device_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    client_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid(), ForeignKey("clients.id", ondelete="CASCADE"), index=True, default=None
    )
    payload: Mapped[str] = mapped_column(Text, default="")  # JSON of the form fields
    saved_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
