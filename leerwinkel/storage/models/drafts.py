"""Drafts: the open form, saved as you type, so a crash or a killed process loses nothing."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from leerwinkel.storage.models.base import Base, UTCDateTime


class Draft(Base):
    """One unsaved form per key (e.g. "intake"). Local to this desk: not a synced Record."""

    __tablename__ = "drafts"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    payload: Mapped[str] = mapped_column(Text, default="")  # JSON of the form fields
    saved_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
