"""Right-to-left and mixed text in PDFs: shaped by HarfBuzz, ordered by the Unicode bidi algorithm.

ReportLab 5.1 shapes words with ``uharfbuzz``, but its bidi reordering needs the ``rlbidi`` package,
which is not on PyPI, and it is switched off for shaped paragraphs anyway (``bidiSort = False`` in
``platypus/paragraph.py``). So a paragraph that holds right-to-left text is laid out here:

1. python-bidi's implementation of UAX #9 resolves an embedding level for every character;
2. the text is cut into segments of one level, one face and no space (the face from :mod:`fonts`);
3. each segment is shaped by HarfBuzz through ReportLab (joining, ligatures, marks; an RTL segment
   comes back in visual order);
4. segments are broken into lines greedily at spaces, and each line's segments are put in visual order
   by python-bidi's rule L2 (``reverse_contiguous_sequence``).

Nothing here reshapes letters or reimplements the bidi rules.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

from bidi import algorithm
from bidi.mirror import MIRRORED
from reportlab.lib.abag import ABag
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import shapeFragWord
from reportlab.platypus import Flowable

from leerwinkel.typeset.fonts import BOLD_FACES, font_runs

# No "dlig": Noto Sans Arabic's discretionary ligature would print the name محمد with added vowel marks.
FEATURES = {"kern": True, "liga": True}
_STRONG_RTL = {"R", "AL", "RLE", "RLO", "RLI"}
_FIRST_RTL = "\u0590"


def has_rtl(text: str) -> bool:
    """Whether ``text`` holds a right-to-left letter (Arabic, Farsi, Hebrew ...)."""
    if not text or max(text) < _FIRST_RTL:  # every strong right-to-left character lies above U+0590
        return False
    return any(unicodedata.bidirectional(ch) in _STRONG_RTL for ch in text)


def bidi_levels(text: str, *, rtl: bool | None = None) -> tuple[int, list[int]]:
    """The paragraph level (0 LTR, 1 RTL; from the first strong letter when ``rtl`` is None) and the
    resolved embedding level of every character of ``text`` (rules P2-I2 of UAX #9, python-bidi)."""
    storage: dict[str, Any] = algorithm.get_empty_storage()
    base = algorithm.get_base_level(text) if rtl is None else int(rtl)
    storage["base_level"] = base
    storage["base_dir"] = ("L", "R")[base]
    algorithm.get_embedding_levels(text, storage)
    for index, char in enumerate(storage["chars"]):
        char["index"] = index
    algorithm.explicit_embed_and_overrides(storage)
    algorithm.resolve_weak_types(storage)
    algorithm.resolve_neutral_types(storage, False)
    algorithm.resolve_implicit_levels(storage, False)
    resolved = {char["index"]: char["level"] for char in storage["chars"]}
    levels: list[int] = []
    last = base
    for index in range(len(text)):  # rule X9 drops ZWNJ and the like: they take the level before them
        last = resolved.get(index, last)
        levels.append(last)
    return base, levels


@dataclass(frozen=True)
class Segment:
    """One shaped piece of a line: a single face, a single embedding level, spaces on their own."""

    text: str  # a ReportLab ShapedStr when HarfBuzz changed anything
    logical: str  # the characters as typed
    font: str
    size: float
    width: float
    level: int
    is_space: bool


def _shape(text: str, font: str, size: float) -> tuple[str, float]:
    word: list[Any] = [pdfmetrics.stringWidth(text, font, size), (ABag(fontName=font, fontSize=size), text)]
    shaped = shapeFragWord(word, features=FEATURES)
    return shaped[1][1], float(shaped[0])


def segments(text: str, *, size: float, bold: bool = False, rtl: bool | None = None) -> tuple[int, list[Segment]]:
    """The paragraph level and the shaped segments of ``text`` in logical order."""
    base, levels = bidi_levels(text, rtl=rtl)
    faces = [font for font, run in font_runs(text, bold=bold) for _ in run]
    result: list[Segment] = []
    start = 0
    for end in range(1, len(text) + 1):
        if end < len(text):
            same = (levels[end], faces[end], text[end] == " ") == (levels[start], faces[start], text[start] == " ")
            if same:
                continue
        piece = logical = text[start:end]
        if piece[0] == " ":
            width = pdfmetrics.stringWidth(piece, faces[start], size)
            result.append(Segment(piece, logical, faces[start], size, width, levels[start], True))
        else:
            if levels[start] % 2 and not has_rtl(piece):
                # only punctuation: HarfBuzz would shape it left-to-right, so order and mirror it
                # here (rules L2 and L4); a run with letters is shaped right-to-left by HarfBuzz
                piece = "".join(MIRRORED.get(ch, ch) for ch in reversed(piece))
            shaped, width = _shape(piece, faces[start], size)
            result.append(Segment(shaped, logical, faces[start], size, width, levels[start], False))
        start = end
    return base, result


def visual_order(line: list[Segment]) -> list[Segment]:
    """Rule L2: reverse every run of segments at or above each odd level, highest level first."""
    items = [{"level": seg.level, "segment": seg} for seg in line]
    if items:
        highest = max(seg.level for seg in line)
        lowest_odd = min((seg.level for seg in line if seg.level % 2), default=algorithm.EXPLICIT_LEVEL_LIMIT)
        algorithm.reverse_contiguous_sequence(items, 0, len(items) - 1, highest, lowest_odd)
    return [item["segment"] for item in items]  # type: ignore[misc]


def break_lines(parts: list[Segment], width: float) -> list[list[Segment]]:
    """Greedy line breaking at spaces; a word wider than the line gets a line of its own."""
    lines: list[list[Segment]] = []
    line: list[Segment] = []
    line_width = 0.0
    spaces: list[Segment] = []
    word: list[Segment] = []

    def flush_word() -> None:
        nonlocal line, line_width
        if not word:
            return
        word_width = sum(seg.width for seg in word)
        space_width = sum(seg.width for seg in spaces)
        if line and line_width + space_width + word_width > width:
            lines.append(line)
            line, line_width = list(word), word_width
        else:
            line.extend((spaces if line else []) + word)
            line_width += (space_width if len(line) > len(word) else 0) + word_width
        spaces.clear()
        word.clear()

    for seg in parts:
        if seg.is_space:
            flush_word()
            spaces.append(seg)
        else:
            word.append(seg)
    flush_word()
    if line:
        lines.append(line)
    return lines


class BidiParagraph(Flowable):  # type: ignore[misc]
    """A paragraph of one style that may hold right-to-left text (see the module docstring).

    Right-to-left paragraphs are right-aligned; hard line breaks (``\\n``) start a new line.
    """

    def __init__(self, text: str, style: ParagraphStyle, *, rtl: bool | None = None) -> None:
        super().__init__()
        self.text = text
        self.style = style
        self.rtl = rtl
        self._laid_out: tuple[float, list[list[Segment]], int] | None = None
        self._lines: list[list[Segment]] | None = None

    def _layout(self, width: float) -> tuple[list[list[Segment]], int]:
        if self._lines is not None:
            return self._lines, int(self.rtl or 0)
        if self._laid_out is not None and self._laid_out[0] == width:
            return self._laid_out[1], self._laid_out[2]
        style = self.style
        bold = style.fontName in BOLD_FACES
        usable = width - style.leftIndent - style.rightIndent
        lines: list[list[Segment]] = []
        base = 0
        for index, paragraph in enumerate(self.text.split("\n")):
            level, parts = segments(paragraph, size=style.fontSize, bold=bold, rtl=self.rtl)
            base = level if index == 0 else base
            lines.extend(break_lines(parts, usable) or [[]])
        self._laid_out = (width, lines, base)
        return lines, base

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        lines, _ = self._layout(avail_width)
        self.width = avail_width
        self.height = len(lines) * self.style.leading
        return avail_width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        lines, base = self._layout(avail_width)
        fits = int(avail_height // self.style.leading)
        if fits <= 0:
            return []
        if fits >= len(lines):
            return [self]
        first = BidiParagraph(self.text, self.style, rtl=bool(base))
        first._lines = lines[:fits]
        rest = BidiParagraph(self.text, ParagraphStyle("rest", parent=self.style, spaceBefore=0), rtl=bool(base))
        rest._lines = lines[fits:]
        return [first, rest]

    def getSpaceBefore(self) -> float:  # noqa: N802 (ReportLab's name)
        return float(self.style.spaceBefore)

    def getSpaceAfter(self) -> float:  # noqa: N802 (ReportLab's name)
        return float(self.style.spaceAfter)

    def draw(self) -> None:
        lines, base = self._layout(self.width)
        style = self.style
        canvas = self.canv
        ascent = pdfmetrics.getAscentDescent(style.fontName, style.fontSize)[0]
        canvas.saveState()
        canvas.setFillColor(style.textColor)
        y = self.height - ascent
        for line in lines:
            ordered = visual_order(line)
            line_width = sum(seg.width for seg in ordered)
            room = self.width - style.leftIndent - style.rightIndent
            if base == 1 or style.alignment == TA_RIGHT:
                x = style.leftIndent + room - line_width
            elif style.alignment == TA_CENTER:
                x = style.leftIndent + (room - line_width) / 2
            else:
                x = style.leftIndent
            _draw_segments(canvas, x, y, line, ordered, actual_text=base == 0)
            y -= style.leading
        canvas.restoreState()


def _actual_text(text: str) -> str:
    """A PDF text string in UTF-16BE hex, for /ActualText."""
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


def _draw_segments(
    canvas: Any, x: float, y: float, logical: list[Segment], ordered: list[Segment], *, actual_text: bool = True
) -> None:
    """Draw a line's segments in visual order.

    A left-to-right line with a right-to-left run gets an /ActualText span holding the line as typed
    (PDF 32000-1, 14.9.4): text extractors order such a run's words visually otherwise. A right-to-left
    line gets none: PDFium and Poppler put a right-to-left line back in reading order themselves, and
    would reverse an /ActualText string once more.
    """
    if actual_text:
        canvas.addLiteral(f"/Span <</ActualText {_actual_text(''.join(seg.logical for seg in logical))}>> BDC")
    for seg in ordered:
        if not seg.is_space:
            canvas.setFont(seg.font, seg.size)
            canvas.drawString(x, y, seg.text)
        x += seg.width
    if actual_text:
        canvas.addLiteral("EMC")


def draw_line(
    canvas: Any, x: float, y: float, text: str, *, size: float, bold: bool = False, right: bool = False
) -> float:
    """Draw one line on a canvas (no wrapping) in visual order; ``right`` aligns its end at ``x``.

    Returns the width drawn.
    """
    if not has_rtl(text):  # one drawString per face keeps the words of a line together for text extraction
        runs = list(font_runs(text, bold=bold))
        width = float(sum(pdfmetrics.stringWidth(run, font, size) for font, run in runs))
        x = x - width if right else x
        for font, run in runs:
            canvas.setFont(font, size)
            canvas.drawString(x, y, run)
            x += pdfmetrics.stringWidth(run, font, size)
        return width
    _, parts = segments(text, size=size, bold=bold, rtl=False)
    ordered = visual_order(parts)
    width = sum(seg.width for seg in ordered)
    _draw_segments(canvas, x - width if right else x, y, parts, ordered)
    return width
