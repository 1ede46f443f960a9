"""The persisted catalogue search index: derived from the catalogue, rebuilt or patched with every change to it.

Neither table is a Record: they hold no one's work, only what the catalogue tables already say, so
they carry no version and never travel in an exchange file. ``leerwinkel.catalogue.index`` is the only
code that writes them.
"""

from __future__ import annotations

import uuid

from sqlalchemy import BigInteger, Integer, LargeBinary, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from leerwinkel.storage.models.base import Base


class SearchEntry(Base):
    """One offering in the index: its slot (bit position), its display order and the keys it is filed under."""

    __tablename__ = "catalogue_search_entries"

    slot: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    offering_id: Mapped[uuid.UUID] = mapped_column(Uuid(), unique=True)
    sort_key: Mapped[str] = mapped_column(Text)  # folded provider, title and external id
    keys: Mapped[str] = mapped_column(Text)  # one posting key a line


class SearchPosting(Base):
    """The slots filed under one key: a title word ("t:"), any word or synonym group ("w:") or a facet ("f:")."""

    __tablename__ = "catalogue_search_postings"

    key: Mapped[str] = mapped_column(String(400), primary_key=True)
    slots: Mapped[bytes] = mapped_column(LargeBinary)  # see leerwinkel.catalogue.index.encode


class CatalogueChanges(Base):
    """One row whose counter database triggers raise with every change to a catalogue table (see migration 0180)."""

    __tablename__ = "catalogue_changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    counter: Mapped[int] = mapped_column(BigInteger)
