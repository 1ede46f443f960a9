"""Small QPainter charts for the dashboard: horizontal bars and monthly grouped bars (no QtCharts needed).

Each bar carries the height it is drawn at and the text written at it, both decided by the core
(leerwinkel.reports.tables.chart_value/chart_label): a suppressed count (1 to 4) comes as the one fixed
height with the text "<5", so neither the drawing nor the widget's data holds the true number.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

PALETTE = (QColor("#1f5f8b"), QColor("#e07b39"), QColor("#6a9f3b"))


@dataclass(frozen=True)
class Bar:
    """One bar: its category ``label``, the ``value`` it is drawn at and the ``text`` written at its end."""

    label: str
    value: float
    text: str


@dataclass(frozen=True)
class Series:
    """One series of the monthly chart: heights to draw and the text for each (e.g. "<5")."""

    name: str
    values: tuple[float, ...]
    texts: tuple[str, ...]


class BarChartWidget(QWidget):
    """Horizontal bars, the largest first, with the value at the end of each bar."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = title
        self._bars: list[Bar] = []
        self.setAccessibleName(title)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_bars(self, bars: Sequence[Bar]) -> None:
        self._bars = list(bars)
        self.setAccessibleDescription("; ".join(f"{b.label}: {b.text}" for b in self._bars))
        self.updateGeometry()
        self.update()

    def bars(self) -> list[Bar]:
        return list(self._bars)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        line = QFontMetrics(self.font()).height() + 6
        return QSize(420, line * (len(self._bars) + 1) + 12)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(240, 120)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        line = metrics.height() + 6
        text_colour = self.palette().color(self.foregroundRole())
        title_font = self.font()
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(text_colour)
        painter.drawText(QRectF(0, 0, self.width(), line), Qt.AlignmentFlag.AlignVCenter, self._title)
        painter.setFont(self.font())
        if not self._bars:
            painter.drawText(
                QRectF(0, line, self.width(), line), Qt.AlignmentFlag.AlignVCenter, self.tr("Geen gegevens")
            )
            return
        label_width = min(max(metrics.horizontalAdvance(b.label) for b in self._bars) + 8, self.width() * 0.45)
        value_width = metrics.horizontalAdvance("00000") + 8
        span = max(self.width() - label_width - value_width, 10)
        top_value = max(max(b.value for b in self._bars), 1)
        for index, bar in enumerate(self._bars):
            y = line * (index + 1)
            label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, int(label_width) - 8)
            painter.setPen(text_colour)
            painter.drawText(
                QRectF(0, y, label_width - 8, line), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, label
            )
            length = span * bar.value / top_value
            painter.fillRect(QRectF(label_width, y + 3, length, line - 6), PALETTE[0])
            painter.drawText(
                QRectF(label_width + length + 4, y, value_width, line), Qt.AlignmentFlag.AlignVCenter, bar.text
            )


class TrendChartWidget(QWidget):
    """Grouped vertical bars per month, one colour per series, with a legend; each bar's text above it."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = title
        self._labels: list[str] = []
        self._series: list[Series] = []
        self.setAccessibleName(title)
        self.setMinimumHeight(200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_data(self, labels: Sequence[str], series: Sequence[Series]) -> None:
        self._labels = list(labels)
        self._series = list(series)
        self.setAccessibleDescription(
            "; ".join(
                f"{s.name}: " + ", ".join(f"{m} {t}" for m, t in zip(labels, s.texts, strict=True)) for s in series
            )
        )
        self.update()

    def series(self) -> list[Series]:
        return list(self._series)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(520, 240)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        line = metrics.height() + 6
        text_colour = self.palette().color(self.foregroundRole())
        title_font = self.font()
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(text_colour)
        painter.drawText(QRectF(0, 0, self.width(), line), Qt.AlignmentFlag.AlignVCenter, self._title)
        painter.setFont(self.font())
        # Legend on the title line, right-aligned.
        x = float(self.width())
        for index in reversed(range(len(self._series))):
            name = self._series[index].name
            x -= metrics.horizontalAdvance(name) + 8
            painter.setPen(text_colour)
            painter.drawText(
                QRectF(x, 0, metrics.horizontalAdvance(name) + 4, line), Qt.AlignmentFlag.AlignVCenter, name
            )
            x -= 16
            painter.fillRect(QRectF(x, line / 2 - 4, 12, 8), PALETTE[index % len(PALETTE)])
            x -= 8
        if not self._labels or not self._series:
            return
        left = metrics.horizontalAdvance("00000") + 6
        plot = QRectF(left, 2 * line, self.width() - left - 10, self.height() - 3 * line - 6)
        top_value = max([v for s in self._series for v in s.values] + [1.0])
        axis = QPen(text_colour)
        axis.setWidthF(0.8)
        painter.setPen(axis)
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.drawLine(plot.bottomLeft(), plot.topLeft())
        top_text = f"{top_value:.0f}"
        painter.drawText(QRectF(0, plot.top() - line / 2, left - 4, line), Qt.AlignmentFlag.AlignRight, top_text)
        painter.drawText(QRectF(0, plot.bottom() - line / 2, left - 4, line), Qt.AlignmentFlag.AlignRight, "0")
        count = len(self._labels)
        step = plot.width() / count
        bar_width = step * 0.8 / len(self._series)
        every = max(1, (count * metrics.horizontalAdvance("00/0000 ")) // max(int(plot.width()), 1) + 1)
        for index, label in enumerate(self._labels):
            if index % every == 0:
                painter.drawText(
                    QRectF(plot.left() + step * index, plot.bottom() + 2, step * every, line),
                    Qt.AlignmentFlag.AlignHCenter,
                    label,
                )
            for series_index, item in enumerate(self._series):
                value = item.values[index]
                height = plot.height() * value / top_value
                x = plot.left() + step * index + step * 0.1 + bar_width * series_index
                painter.fillRect(
                    QRectF(x, plot.bottom() - height, bar_width - 1, height), PALETTE[series_index % len(PALETTE)]
                )
                text = item.texts[index]
                if value > 0 and metrics.horizontalAdvance(text) <= bar_width + 6:
                    painter.setPen(text_colour)
                    painter.drawText(
                        QRectF(x - 3, plot.bottom() - height - line, bar_width + 6, line),
                        Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                        text,
                    )
