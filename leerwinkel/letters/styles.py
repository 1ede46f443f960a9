"""The letters' paragraph styles, colours and the one escaping paragraph maker (:func:`para`)."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

from leerwinkel.typeset import FONT, FONT_BOLD, paragraph, register_fonts

INK = colors.HexColor("#1a1a1a")
SECOND = colors.HexColor("#3d3d3d")
ACCENT = colors.HexColor("#1f5f8b")


def para(text: str, style: ParagraphStyle, *, rtl: bool | None = None) -> Flowable:
    return paragraph(text, style, rtl=rtl)


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    bold: ParagraphStyle
    heading: ParagraphStyle
    title: ParagraphStyle
    second: ParagraphStyle
    right: ParagraphStyle


@functools.cache
def letter_styles(body_size: float = 10.5) -> Styles:
    register_fonts()
    leading = body_size * 1.35
    body = ParagraphStyle("body", fontName=FONT, fontSize=body_size, leading=leading, textColor=INK, spaceAfter=4)
    heading_size = max(16.0, body_size * 1.3) if body_size >= 12 else body_size * 1.25
    return Styles(
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=body_size * 0.85, leading=body_size * 1.1, spaceAfter=0),
        bold=ParagraphStyle("bold", parent=body, fontName=FONT_BOLD),
        heading=ParagraphStyle(
            "heading",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=heading_size,
            leading=heading_size * 1.25,
            textColor=ACCENT,
            spaceBefore=body_size * 0.9,
            spaceAfter=3,
        ),
        title=ParagraphStyle(
            "title", parent=body, fontName=FONT_BOLD, fontSize=body_size * 1.7, leading=body_size * 2.1, spaceAfter=6
        ),
        second=ParagraphStyle("second", parent=body, textColor=SECOND, leftIndent=10),
        right=ParagraphStyle("right", parent=body, alignment=TA_RIGHT),
    )
