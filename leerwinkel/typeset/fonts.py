"""The one font set of every PDF the app makes: Noto Sans for Latin, Cyrillic, Greek and Vietnamese,
Noto Sans Arabic (Arabic, Farsi, Dari) and Noto Sans Ethiopic (Tigrinya), regular and bold, all OFL.

Text is split into script runs and each run gets the face that has its glyphs (:func:`font_runs`);
ReportLab itself never falls back to another font.
"""

from __future__ import annotations

import functools
import threading
import unicodedata
from collections.abc import Iterator
from typing import Any

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from leerwinkel import paths

FONT = "LeerwinkelSans"
FONT_BOLD = "LeerwinkelSans-Bold"
ARABIC = "LeerwinkelArabic"
ARABIC_BOLD = "LeerwinkelArabic-Bold"
ETHIOPIC = "LeerwinkelEthiopic"
ETHIOPIC_BOLD = "LeerwinkelEthiopic-Bold"

FONT_FILES = {
    FONT: "NotoSans-Regular.ttf",
    FONT_BOLD: "NotoSans-Bold.ttf",
    ARABIC: "NotoSansArabic-Regular.ttf",
    ARABIC_BOLD: "NotoSansArabic-Bold.ttf",
    ETHIOPIC: "NotoSansEthiopic-Regular.ttf",
    ETHIOPIC_BOLD: "NotoSansEthiopic-Bold.ttf",
}
# script -> (regular, bold)
FACES = {"latin": (FONT, FONT_BOLD), "arabic": (ARABIC, ARABIC_BOLD), "ethiopic": (ETHIOPIC, ETHIOPIC_BOLD)}
BOLD_FACES = {bold for _, bold in FACES.values()}

_ARABIC_RANGES = ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))
_ETHIOPIC_RANGES = ((0x1200, 0x139F), (0x2D80, 0x2DDF), (0xAB00, 0xAB2F))
_LATIN_END = 0x0250  # Basic Latin up to IPA Extensions: all in Noto Sans
_PAST_LATIN = chr(_LATIN_END)
_font_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register the bundled fonts with ReportLab once per process (thread-safe)."""
    global _registered
    if _registered:  # checked without the lock: it only ever turns true
        return
    with _font_lock:
        if FONT in pdfmetrics.getRegisteredFontNames():
            _registered = True
            return
        for name, filename in FONT_FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(paths.resource("fonts", filename))))
        for regular, bold in FACES.values():
            pdfmetrics.registerFontFamily(regular, normal=regular, bold=bold, italic=regular, boldItalic=bold)
        _registered = True


def script_of(ch: str) -> str | None:
    """``arabic``, ``ethiopic`` or ``latin`` for a letter or mark; None for spaces, digits and punctuation."""
    code = ord(ch)
    if any(low <= code <= high for low, high in _ARABIC_RANGES):
        return "arabic"
    if any(low <= code <= high for low, high in _ETHIOPIC_RANGES):
        return "ethiopic"
    if unicodedata.category(ch)[0] in "LM":
        return "latin"
    return None


@functools.cache
def _glyphs(font_name: str) -> dict[int, int]:
    font: Any = pdfmetrics.getFont(font_name)
    char_to_glyph: dict[int, int] = font.face.charToGlyph
    return char_to_glyph


def _has_glyph(font_name: str, ch: str) -> bool:
    return _glyphs(font_name).get(ord(ch), 0) != 0


def latin_only(text: str) -> bool:
    """Whether every character of ``text`` is in the Latin face's own range (no run of another face)."""
    return not text or max(text) < _PAST_LATIN


def font_runs(text: str, *, bold: bool = False) -> Iterator[tuple[str, str]]:
    """Split ``text`` into (font name, text) runs. Digits, spaces and punctuation stay with the script
    around them when its face has them (so "محمد." shapes as one run), else they take the Latin face."""
    register_fonts()
    index = 1 if bold else 0
    if latin_only(text):  # the common case: one Latin run, nothing to look up
        if text:
            yield FACES["latin"][index], text
        return
    current = ""
    run = ""
    for ch in text:
        script = script_of(ch)
        if script is not None:
            face = FACES[script][index]
        elif current and _has_glyph(current, ch):
            face = current
        else:
            face = FACES["latin"][index]
        if face != current and run:
            yield current, run
            run = ""
        current = face
        run += ch
    if run:
        yield current, run


def missing_glyphs(text: str, *, bold: bool = False) -> set[str]:
    """The characters of ``text`` (besides white space) that no bundled face has a glyph for."""
    return {
        ch
        for font_name, run in font_runs(text, bold=bold)
        for ch in run
        if not ch.isspace() and unicodedata.category(ch) != "Cf" and not _has_glyph(font_name, ch)
    }
