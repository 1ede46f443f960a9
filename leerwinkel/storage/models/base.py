"""The declarative base: naming convention, UUID keys, UTC timestamps, device and version."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Any, ClassVar

from sqlalchemy import DateTime, Dialect, MetaData, String, Uuid, types
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

from leerwinkel.ids import new_id

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(types.TypeDecorator[dt.datetime]):
    """A timezone-aware UTC timestamp on every backend (SQLite stores no offset)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where a UTC timestamp is expected")
        value = value.astimezone(dt.UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC)


UUIDKey = Annotated[uuid.UUID, mapped_column(Uuid(), primary_key=True, default=new_id)]
Timestamp = Annotated[dt.datetime, mapped_column(UTCDateTime())]
Code = Annotated[str, mapped_column(String(40))]
ShortText = Annotated[str, mapped_column(String(200))]


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {dt.datetime: UTCDateTime()}


class Record(Base):
    """Every stored record: a UUID, timestamps, the device that last changed it and a version.

    The version is SQLAlchemy's version counter: an UPDATE that finds another version than the one
    it loaded raises StaleDataError, which the store turns into :class:`ConflictError`.
    """

    __abstract__ = True

    id: Mapped[UUIDKey]
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_by_device: Mapped[str] = mapped_column(String(64), default="")
    version: Mapped[int] = mapped_column(default=1)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805 - SQLAlchemy's declared_attr convention
        return {"version_id_col": cls.__table__.c.version}
