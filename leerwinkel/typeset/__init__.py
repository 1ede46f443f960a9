"""Text in PDFs, the same way in every document: one font set, every script, right-to-left where needed.

Use :func:`paragraph` for any text that may come from a user or a catalogue (names, addresses,
translations) and :func:`draw_line` for a line drawn straight on a canvas.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from leerwinkel.typeset.bidi import BidiParagraph, draw_line, has_rtl
from leerwinkel.typeset.fonts import (
    BOLD_FACES,
    FONT,
    FONT_BOLD,
    FONT_FILES,
    font_runs,
    missing_glyphs,
    register_fonts,
)

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(text: str) -> str:
    """Text as it should be printed: NFC, control characters dropped, tabs as spaces, ``\\n`` kept."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\t", " "))
    return _CONTROL.sub("", text)


def markup(text: str, *, bold: bool = False) -> str:
    """Text made safe for a ReportLab Paragraph: markup escaped (a name such as ``<img src=...>``
    prints literally), newlines kept, and each run of another script set in its own face."""
    register_fonts()
    latin = {FONT, FONT_BOLD}
    parts: list[str] = []
    for font, run in font_runs(clean(text), bold=bold):
        safe = "<br/>".join(escape(line) for line in run.split("\n"))
        parts.append(safe if font in latin else f'<font name="{font}">{safe}</font>')
    return "".join(parts)


def paragraph(text: str, style: ParagraphStyle, *, rtl: bool | None = None) -> Flowable:
    """A flowable for ``text`` in ``style``: a plain Paragraph for left-to-right text, else a
    :class:`BidiParagraph` (shaped and ordered). ``rtl`` forces the paragraph direction (True for a
    text in Arabic or Farsi); None takes it from the first letter."""
    register_fonts()
    text = clean(text)
    if rtl or has_rtl(text):
        return BidiParagraph(text, style, rtl=rtl)
    safe = markup(text, bold=style.fontName in BOLD_FACES)
    return Paragraph(safe, style, frags=list(_fragments(safe, style)))


def clear_caches() -> None:
    """Forget the parsed paragraphs (for a benchmark that must start cold)."""
    _fragments.cache_clear()


@functools.lru_cache(maxsize=4096)
def _fragments(safe: str, style: ParagraphStyle) -> tuple[Any, ...]:
    """ReportLab's parse of a paragraph's markup, kept for the next paragraph with the same text and
    style: the headings and fixed sentences of a thousand handouts are parsed once. Laying a paragraph
    out never changes its fragments (ReportLab itself builds the parts of a split paragraph from them),
    and each paragraph gets its own list."""
    return tuple(Paragraph(safe, style).frags)


__all__ = [
    "FONT",
    "FONT_BOLD",
    "FONT_FILES",
    "BidiParagraph",
    "clean",
    "clear_caches",
    "draw_line",
    "font_runs",
    "has_rtl",
    "markup",
    "missing_glyphs",
    "paragraph",
    "register_fonts",
]
