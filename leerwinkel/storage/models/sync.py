"""The exchange between installations: this installation's keys, its peers, and what each has seen."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import Boolean, ForeignKey, Integer, LargeBinary, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from leerwinkel.storage.models.base import Base, Code, Record, ShortText, UTCDateTime


class SyncIdentity(Record):
    """This installation as a sender of exchange files: its device id, name, role and key pairs (one row).

    The private keys sit in the database, so on SQLite they are encrypted with it (SQLCipher) and on
    PostgreSQL every desk of that database speaks as the same office.
    """

    __tablename__ = "sync_identities"

    device_id: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[ShortText]
    role: Mapped[Code] = mapped_column(default="office")  # office | laptop
    box_private: Mapped[str] = mapped_column(Text)  # X25519, base64
    sign_private: Mapped[str] = mapped_column(Text)  # Ed25519, base64
    digest_key: Mapped[str] = mapped_column(Text)  # HMAC key of the field digests, base64
    next_sequence: Mapped[int] = mapped_column(Integer, default=1)


class SyncPeer(Record):
    """Another installation this one exchanges files with: enrolled (keys known) or met by passphrase."""

    __tablename__ = "sync_peers"

    device_id: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[ShortText]
    role: Mapped[Code] = mapped_column(default="office")
    box_public: Mapped[str] = mapped_column(Text, default="")
    sign_public: Mapped[str] = mapped_column(Text, default="")
    enrolled: Mapped[bool] = mapped_column(Boolean, default=False)
    #: the newest of its files imported here (an older one is a replay)
    last_received: Mapped[int] = mapped_column(Integer, default=0)
    #: the newest of our files it has acknowledged
    acknowledged: Mapped[int] = mapped_column(Integer, default=0)
    #: our audit events up to this sequence have reached it
    audit_acknowledged: Mapped[int] = mapped_column(Integer, default=0)
    #: its audit anchor, signed with its device key (JSON), from the last file it sent
    anchor: Mapped[str] = mapped_column(Text, default="")
    last_import_at: Mapped[dt.datetime | None]
    last_export_at: Mapped[dt.datetime | None]


class SyncShadow(Base):
    """What a peer is known to hold of one record: keyed digests per field, never the values."""

    __tablename__ = "sync_shadows"

    peer_id: Mapped[uuid.UUID] = mapped_column(
        Uuid(), ForeignKey("sync_peers.id", ondelete="CASCADE"), primary_key=True
    )
    table_name: Mapped[str] = mapped_column(String(60), primary_key=True)
    identity: Mapped[str] = mapped_column(String(300), primary_key=True)
    digests: Mapped[str] = mapped_column(Text)  # JSON {field: digest}


class SyncOutbox(Base):
    """A file we sent and the peer has not acknowledged yet: the digests of what it carried."""

    __tablename__ = "sync_outbox"

    peer_id: Mapped[uuid.UUID] = mapped_column(
        Uuid(), ForeignKey("sync_peers.id", ondelete="CASCADE"), primary_key=True
    )
    sequence: Mapped[int] = mapped_column(Integer, primary_key=True)
    digests: Mapped[bytes] = mapped_column(LargeBinary)  # zlib of JSON {table: {identity: {field: digest}}}
    audit_upto: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())


class SyncTombstone(Base):
    """A record erased here (or by a peer): it is never brought back by a file from another peer."""

    __tablename__ = "sync_tombstones"

    table_name: Mapped[str] = mapped_column(String(60), primary_key=True)
    identity: Mapped[str] = mapped_column(String(300), primary_key=True)
    deleted_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())


class SyncConflict(Record):
    """A record changed here and at a peer since their last exchange: both versions, until resolved.

    ``client_id`` ties it to the client, so erasing the client erases the conflict (and both versions).
    """

    __tablename__ = "sync_conflicts"

    peer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sync_peers.id", ondelete="CASCADE"), index=True)
    table_name: Mapped[str] = mapped_column(String(60))
    identity: Mapped[str] = mapped_column(String(300))
    client_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), index=True)
    fields: Mapped[str] = mapped_column(Text)  # JSON list of the fields that differ
    local_values: Mapped[str] = mapped_column(Text)  # JSON {field: value}, portable form
    remote_values: Mapped[str] = mapped_column(Text)
    detected_at: Mapped[dt.datetime]


class SyncAuditEvent(Base):
    """A peer's audit event, kept as it was signed there (its own hash chain, beside ours)."""

    __tablename__ = "sync_audit_events"

    origin: Mapped[str] = mapped_column(String(64), primary_key=True)  # the peer's device id
    sequence: Mapped[int] = mapped_column(Integer, primary_key=True)
    occurred_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    actor_id: Mapped[uuid.UUID | None] = mapped_column(Uuid())
    action: Mapped[str] = mapped_column(String(40))
    object_type: Mapped[str] = mapped_column(String(40), default="")
    object_id: Mapped[str] = mapped_column(String(64), default="")
    detail: Mapped[str] = mapped_column(Text, default="")
    previous_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    signature: Mapped[str] = mapped_column(Text, default="")
