"""A lazy Qt table model for catalogue search results: it keeps only ids and fetches rows on demand."""

from __future__ import annotations

import uuid
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from leerwinkel.catalogue.search import OfferingSummary
from leerwinkel.dates import format_date
from leerwinkel.taxonomy import WISH_CATEGORIES

Fetch = Callable[[Sequence[uuid.UUID]], list[OfferingSummary | None]]
AnyIndex = QModelIndex | QPersistentModelIndex

BLOCK = 100
CACHE_BLOCKS = 20


class CatalogueTableModel(QAbstractTableModel):
    """Rows are offering ids; their text is fetched a block at a time through ``fetch`` and cached.

    A row whose offering can no longer be loaded is shown disabled, with the reason.
    """

    def __init__(self, fetch: Fetch, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self._ids: Sequence[uuid.UUID] = ()
        self._blocks: OrderedDict[int, list[OfferingSummary | None]] = OrderedDict()
        self.fetch_count = 0
        self._headers = [
            self.tr("Aanbod"),
            self.tr("Aanbieder"),
            self.tr("Gemeente"),
            self.tr("Categorie"),
            self.tr("Nagekeken"),
        ]

    def set_ids(self, ids: Sequence[uuid.UUID]) -> None:
        self.beginResetModel()
        self._ids = ids  # may be a lazy sequence: only the rows shown are worked out
        self._blocks.clear()
        self.endResetModel()

    def offering_id(self, row: int) -> uuid.UUID | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, offering_id: uuid.UUID) -> int:
        for row, candidate in enumerate(self._ids):
            if candidate == offering_id:
                return row
        return -1

    def summary(self, row: int) -> OfferingSummary | None:
        if not 0 <= row < len(self._ids):
            return None
        block = row // BLOCK
        rows = self._blocks.get(block)
        if rows is None:
            start = block * BLOCK
            rows = self._fetch(self._ids[start : start + BLOCK])
            self.fetch_count += 1
            self._blocks[block] = rows
            while len(self._blocks) > CACHE_BLOCKS:
                self._blocks.popitem(last=False)
        else:
            self._blocks.move_to_end(block)
        return rows[row % BLOCK]

    # -- Qt ---------------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's name and signature
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's name and signature
        return 0 if parent.isValid() else len(self._headers)

    def headerData(  # noqa: N802 - Qt's name
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.summary(index.row()) is None:
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        summary = self.summary(index.row())
        if role == Qt.ItemDataRole.ForegroundRole:
            # An old or missing check, and status onzeker, in a warning colour (the text says it too).
            warn = summary is not None and (
                (index.column() == 4 and summary.is_stale) or (index.column() == 0 and summary.status_uncertain)
            )
            return QBrush(QColor("#9c2f00")) if warn else None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if summary is None:
            return self.tr("Niet meer beschikbaar: dit aanbod werd verwijderd.") if index.column() == 0 else ""
        column = index.column()
        if column == 0:
            text = summary.title
            if not summary.active:
                return self.tr("%1 (stopgezet)").replace("%1", text)
            # In front, so it stays visible when a long title is cut.
            return self.tr("Status onzeker: %1").replace("%1", text) if summary.status_uncertain else text
        if column == 1:
            return summary.provider_name
        if column == 2:
            return ", ".join(summary.cities)
        if column == 3:
            return WISH_CATEGORIES.label(summary.category)
        if column == 4:
            if summary.last_verified is None:
                return self.tr("nooit")
            text = format_date(summary.last_verified)
            if role == Qt.ItemDataRole.ToolTipRole and summary.is_stale:
                return self.tr("%1: meer dan 12 maanden geleden nagekeken").replace("%1", text)
            return text
        return None
