"""Read-only row tables over frozen records, and the referral columns shared by several pages."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableView,
)

from leerwinkel.dates import format_date
from leerwinkel.referrals.service import ReferralRecord
from leerwinkel.taxonomy import OUTCOMES, REFERRAL_STATUSES
from ui.common.i18n import QT_TRANSLATE_NOOP

_Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel):
    """A read-only table over a tuple of frozen records; ``columns`` turn a record into cell text."""

    def __init__(self, headers: list[str], cell: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = headers
        self.cell = cell
        self.rows: tuple[Any, ...] = ()

    def set_rows(self, rows: tuple[Any, ...]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt override
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt override
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):  # the tooltip: an elided cell in full
            return self.cell(self.rows[index.row()], index.column())
        return None

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None


def fit_columns(view: QTableView, *, stretch: tuple[int, ...] = (), contents: bool = True) -> None:
    """Columns as wide as their header (and, with ``contents``, their cells); ``stretch`` columns share the rest.

    Qt's default is 100 px a column, which cuts a header such as "Laatste activiteit" with larger fonts.
    Without ``contents`` (long texts in many rows, as the catalogue) the other columns get their header's
    width, the user can widen them, and long cell texts are elided instead of widening the table.
    """
    header = view.horizontalHeader()
    if contents:
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    else:
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        model = view.model()
        metrics = header.fontMetrics()
        for column in range(model.columnCount() if model is not None else 0):
            title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            needed = metrics.horizontalAdvance(title) + 3 * metrics.averageCharWidth()
            header.resizeSection(column, max(header.sectionSize(column), needed))
    for column in stretch:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    header.setStretchLastSection(not stretch)


def row_table(model: RowsModel, accessible: str, *, stretch: tuple[int, ...] = ()) -> QTableView:
    """A read-only row table; the ``stretch`` columns share the spare width and elide long text."""
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(accessible)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)
    fit_columns(view, stretch=stretch)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    return view


def selected_row(view: QTableView, model: RowsModel) -> Any | None:
    index = view.currentIndex()
    if not index.isValid() or index.row() >= len(model.rows):
        return None
    return model.rows[index.row()]


def referral_cell(today: dt.date) -> Any:
    def cell(r: ReferralRecord, column: int) -> str:
        late = r.follow_up_on is not None and r.follow_up_on < today and r.is_open
        return [
            format_date(r.follow_up_on) + ("  (te laat)" if late else ""),
            r.client_name,
            r.title,
            r.provider_name,
            REFERRAL_STATUSES.label(r.status),
            OUTCOMES.label(r.outcome) if r.outcome else "",
        ][column]

    return cell


REFERRAL_HEADERS = [
    QT_TRANSLATE_NOOP("ui.common.tables", "Opvolgdatum"),
    QT_TRANSLATE_NOOP("ui.common.tables", "Cliënt"),
    QT_TRANSLATE_NOOP("ui.common.tables", "Aanbod"),
    QT_TRANSLATE_NOOP("ui.common.tables", "Aanbieder"),
    QT_TRANSLATE_NOOP("ui.common.tables", "Status"),
    QT_TRANSLATE_NOOP("ui.common.tables", "Resultaat"),
]
#: The offering and provider columns take the spare width; their long names are elided.
REFERRAL_STRETCH = (2, 3)
