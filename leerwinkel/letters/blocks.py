"""A handout section as one flowable: a pictogram column beside a column of paragraphs.

A ReportLab Table would do the same, but wraps every paragraph of a cell again when it draws it; a
session of a thousand handouts spends most of its time there. This block wraps each column once for
a given width and draws what it measured.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.platypus import Flowable

PADDING = 4.0


class SectionBlock(Flowable):  # type: ignore[misc]
    """``icon`` flowables in a column of ``gutter`` points (on the right for a right-to-left reader)
    and ``content`` beside it; ``boxed`` draws a tinted box around it, else a rule below it."""

    def __init__(
        self,
        icon: Sequence[Flowable],
        content: Sequence[Flowable],
        *,
        gutter: float,
        gap: float,
        rtl: bool,
        boxed: bool,
        fill: colors.Color,
        stroke: colors.Color,
        rule: colors.Color,
    ) -> None:
        super().__init__()
        self.icon = list(icon)
        self.content = list(content)
        self.gutter = gutter
        self.gap = gap
        self.rtl = rtl
        self.boxed = boxed
        self.fill = fill
        self.stroke = stroke
        self.rule = rule
        self._measured: tuple[float, list[tuple[Flowable, float, float]], list[tuple[Flowable, float, float]]] | None
        self._measured = None

    @staticmethod
    def _column(flowables: list[Flowable], width: float, height: float) -> list[tuple[Flowable, float, float]]:
        """Each flowable with its width and height, spaces between them folded into the heights."""
        placed = []
        for index, flowable in enumerate(flowables):
            w, h = flowable.wrap(width, height)
            before = flowable.getSpaceBefore() if index else 0.0
            placed.append((flowable, w, h + before + flowable.getSpaceAfter()))
        return placed

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        # a frame computes its width as x2 - x1, which can differ from the caller's in the last bit
        if self._measured is None or abs(self._measured[0] - avail_width) > 0.01:
            text_width = avail_width - self.gutter - 2 * PADDING
            icons = self._column(self.icon, self.gutter - 2 * PADDING, avail_height)
            texts = self._column(self.content, text_width, avail_height)
            self._measured = (avail_width, icons, texts)
        _, icons, texts = self._measured
        self.width = avail_width
        self.height = max(sum(h for *_, h in icons), sum(h for *_, h in texts)) + 2 * self.gap
        return avail_width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return []  # a section stays whole: it moves to the next page

    def draw(self) -> None:
        assert self._measured is not None
        _, icons, texts = self._measured
        canvas = self.canv
        canvas.saveState()
        if self.boxed:
            canvas.setFillColor(self.fill)
            canvas.setStrokeColor(self.stroke)
            canvas.setLineWidth(1.5)
            canvas.rect(0, 0, self.width, self.height, stroke=1, fill=1)
        else:
            canvas.setStrokeColor(self.rule)
            canvas.setLineWidth(0.5)
            canvas.line(0, 0, self.width, 0)
        canvas.restoreState()
        icon_left = self.width - self.gutter if self.rtl else 0.0
        text_left = PADDING if self.rtl else self.gutter + PADDING
        y = self.height - self.gap
        for flowable, w, h in icons:
            flowable.drawOn(canvas, icon_left + (self.gutter - w) / 2, y - h + flowable.getSpaceAfter())
            y -= h
        y = self.height - self.gap
        for flowable, _w, h in texts:
            flowable.drawOn(canvas, text_left, y - h + flowable.getSpaceAfter())
            y -= h
