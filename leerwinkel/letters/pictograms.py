"""Pictograms for the client's handout, drawn with ReportLab graphics (no image files, no network).

One simple, filled shape per section, so a reader who reads little finds the section by its picture:
what (a book), where (a pin; a building in prison), when (a calendar), what to bring (a bag),
cost (a coin), who helps (a person), the next appointment (a clock).
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Polygon, Rect, String, Wedge
from reportlab.lib import colors
from reportlab.platypus import Flowable

from leerwinkel.typeset import FONT_BOLD, register_fonts

INK = colors.HexColor("#1f5f8b")
LIGHT = colors.HexColor("#dcebf5")
WHITE = colors.white


def _book() -> list[object]:
    return [
        Polygon([8, 22, 48, 14, 48, 82, 8, 88], fillColor=LIGHT, strokeColor=INK, strokeWidth=5),
        Polygon([92, 22, 52, 14, 52, 82, 92, 88], fillColor=LIGHT, strokeColor=INK, strokeWidth=5),
        *(Line(16, y, 40, y - 4, strokeColor=INK, strokeWidth=4) for y in (70, 56, 42)),
        *(Line(60, y - 4, 84, y, strokeColor=INK, strokeWidth=4) for y in (70, 56, 42)),
    ]


def _pin() -> list[object]:
    return [
        Polygon([24, 58, 76, 58, 50, 6], fillColor=INK, strokeColor=INK, strokeWidth=1),
        Circle(50, 64, 28, fillColor=INK, strokeColor=INK),
        Circle(50, 64, 11, fillColor=WHITE, strokeColor=WHITE),
    ]


def _building() -> list[object]:
    bars = [Rect(x, 14, 6, 40, fillColor=WHITE, strokeColor=None) for x in (24, 38, 56, 70)]
    return [
        Polygon([6, 62, 50, 92, 94, 62], fillColor=INK, strokeColor=INK),
        Rect(14, 8, 72, 56, fillColor=INK, strokeColor=INK),
        *bars,
    ]


def _calendar() -> list[object]:
    cells = [
        Rect(20 + col * 22, 16 + row * 16, 14, 10, fillColor=INK, strokeColor=None)
        for row in range(3)
        for col in range(3)
    ]
    return [
        Rect(8, 6, 84, 80, fillColor=WHITE, strokeColor=INK, strokeWidth=6),
        Rect(8, 66, 84, 20, fillColor=INK, strokeColor=INK),
        Line(30, 78, 30, 96, strokeColor=INK, strokeWidth=7),
        Line(70, 78, 70, 96, strokeColor=INK, strokeWidth=7),
        *cells,
    ]


def _bag() -> list[object]:
    return [
        Rect(34, 56, 32, 30, rx=8, ry=8, fillColor=None, strokeColor=INK, strokeWidth=8),
        Rect(8, 8, 84, 58, rx=10, ry=10, fillColor=INK, strokeColor=INK),
        Rect(8, 36, 84, 6, fillColor=WHITE, strokeColor=None),
    ]


def _coin() -> list[object]:
    register_fonts()
    return [
        Circle(50, 50, 44, fillColor=INK, strokeColor=INK),
        Circle(50, 50, 34, fillColor=None, strokeColor=WHITE, strokeWidth=3),
        String(50, 32, "€", fontName=FONT_BOLD, fontSize=50, fillColor=WHITE, textAnchor="middle"),
    ]


def _person() -> list[object]:
    return [
        Circle(50, 72, 19, fillColor=INK, strokeColor=INK),
        Wedge(50, 6, 42, 0, 180, fillColor=INK, strokeColor=INK),
    ]


def _clock() -> list[object]:
    return [
        Circle(50, 50, 42, fillColor=WHITE, strokeColor=INK, strokeWidth=8),
        Line(50, 50, 50, 78, strokeColor=INK, strokeWidth=7),
        Line(50, 50, 70, 42, strokeColor=INK, strokeWidth=7),
        Circle(50, 50, 5, fillColor=INK, strokeColor=INK),
    ]


SHAPES: dict[str, Callable[[], list[object]]] = {
    "what": _book,
    "where": _pin,
    "where_prison": _building,
    "when": _calendar,
    "bring": _bag,
    "cost": _coin,
    "help": _person,
    "appointment": _clock,
}


class Pictogram(Flowable):  # type: ignore[misc]
    """A pictogram as a flowable that draws its shapes once per PDF (a form XObject) and reuses them:
    a session of a thousand handouts carries each pictogram once."""

    def __init__(self, name: str, size: float) -> None:
        super().__init__()
        self.name = name
        self.size = size
        self.hAlign = "CENTER"

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        canvas = self.canv
        form = f"LeerwinkelPictogram-{self.name}-{round(self.size * 10)}"
        if not canvas.hasForm(form):
            canvas.beginForm(form, lowerx=0, lowery=0, upperx=self.size, uppery=self.size)
            renderPDF.draw(pictogram(self.name, self.size), canvas, 0, 0)
            canvas.endForm()
        canvas.doForm(form)


def pictogram(name: str, size: float) -> Drawing:
    """The pictogram ``name`` (a key of :data:`SHAPES`) as a square drawing of ``size`` points."""
    group = Group(*SHAPES[name]())
    scale = size / 100
    group.transform = (scale, 0, 0, scale, 0, 0)
    drawing = Drawing(size, size)
    drawing.hAlign = "CENTER"
    drawing.initialFontName = FONT_BOLD  # else the renderer names a Helvetica that is not embedded
    drawing.add(group)
    return drawing
