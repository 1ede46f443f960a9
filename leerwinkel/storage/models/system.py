"""Application records that are not about clients: settings and the audit trail."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from leerwinkel.storage.models.base import Code, Record


class Setting(Record):
    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), unique=True)
    value: Mapped[str] = mapped_column(Text, default="")  # JSON


class AuditEvent(Record):
    """Who did what and when. Holds record ids, never client data; each event hashes the previous one."""

    __tablename__ = "audit_events"

    sequence: Mapped[int] = mapped_column(unique=True)
    occurred_at: Mapped[dt.datetime] = mapped_column(index=True)
    actor_id: Mapped[uuid.UUID | None]
    action: Mapped[Code]
    object_type: Mapped[str] = mapped_column(String(40), default="")
    object_id: Mapped[str] = mapped_column(String(64), default="")
    detail: Mapped[str] = mapped_column(Text, default="")  # JSON without client data
    previous_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    #: Ed25519 signature of ``hash`` by the acting account's key ("" for events without an actor)
    signature: Mapped[str] = mapped_column(Text, default="", server_default="")
