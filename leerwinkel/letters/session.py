"""A prison session in one print job: a cover list for the counsellor, then every client's handout
(and referral letter), sorted by client, and the prison's catalogue sheet, in one PDF with every font
embedded once. Printed beforehand, the cover lists the clients booked for the session with their times.

Each part keeps its own letterhead and page numbers: a zero-size :class:`PartStart` at the top of a
part tells the page template which letterhead to draw when the page ends. Progress is reported and
cancelling is checked at the start of every part.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageBreak, PageTemplate, Spacer, Table, TableStyle

from leerwinkel import collector
from leerwinkel.dates import format_time, to_local
from leerwinkel.errors import LeerwinkelError
from leerwinkel.letters.handout import SCALES, handout_story
from leerwinkel.letters.model import BookedClient, Letterhead, ReferralInfo, ReferralLetterOptions
from leerwinkel.letters.render import HEADER_HEIGHT, MARGIN, _draw_letterhead, referral_letter_story
from leerwinkel.letters.styles import ACCENT, INK, letter_styles, para
from leerwinkel.letters.texts import Texts
from leerwinkel.messages import _
from leerwinkel.taxonomy import WISH_CATEGORIES
from leerwinkel.typeset import FONT, FONT_BOLD, clean, font_runs, has_rtl, register_fonts

HANDOUT_BOTTOM = 1.4 * cm
CELL_PADDING = 6.0
FRAME_PADDING = 6.0  # ReportLab's default top and bottom padding of a frame
Progress = Callable[[int, int], None]


class SessionCancelled(LeerwinkelError):  # noqa: N818 (a user's choice, not an error)
    """The counsellor stopped the print job; nothing was written or registered."""


@dataclass(frozen=True)
class SessionPart:
    """One client's papers in the print job."""

    info: ReferralInfo
    reader: Texts  # the handout's reader language (Dutch for a Dutch handout)
    dutch: Texts | None  # Dutch below it, for a bilingual handout
    with_letter: bool


@dataclass(frozen=True)
class _Part:
    head: Letterhead
    page_label: str
    show_site: bool
    index: int


class PartStart(Flowable):  # type: ignore[misc]
    """Marks where a part begins: its letterhead applies from this page on, its pages count from 1."""

    def __init__(self, part: _Part, progress: Callable[[int], None]) -> None:
        super().__init__()
        self.part = part
        self.progress = progress

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.progress(self.part.index)
        doc = self.canv._doctemplate
        doc.current_part = self.part
        doc.part_first_page = self.canv.getPageNumber()


def _fitting_story(part: SessionPart, today: dt.date, frame_height: float, width: float) -> list[Flowable]:
    """The handout at the largest type that fits one page (measured, not built)."""
    story: list[Flowable] = []
    for scale in SCALES:
        story = handout_story(part.info, part.reader, part.dutch, today=today, scale=scale)
        height = sum(f.wrap(width, frame_height)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in story)
        if height <= frame_height - 2 * FRAME_PADDING:
            break
    return story


def _cell(text: str, style: ParagraphStyle, width: float) -> str | Flowable:
    """A cover-list cell: the plain string when it is one line of Latin text that fits (a table draws
    that directly, several times faster than a paragraph), else a paragraph that wraps and shapes."""
    text = clean(" ".join(text.split()))
    if not text:
        return ""
    if not has_rtl(text):
        runs = list(font_runs(text, bold=style.fontName == FONT_BOLD))
        one_face = len(runs) == 1 and runs[0][0] == style.fontName
        if one_face and pdfmetrics.stringWidth(text, style.fontName, style.fontSize) <= width:
            return text
    return para(text, style)


def _table(rows: list[list[str | Flowable]], widths: list[float], size: float, leading: float) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("FONTNAME", (0, 0), (-1, 0), FONT_BOLD),
                ("FONTSIZE", (0, 0), (-1, -1), size),
                ("LEADING", (0, 0), (-1, -1), leading),
                ("TEXTCOLOR", (0, 0), (-1, -1), INK),
                ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
                ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, 0), 1, ACCENT),
                ("LINEBELOW", (0, 1), (-1, -1), 0.3, "#b8c9d6"),
            ]
        )
    )
    return table


def _booked_list(booked: Sequence[BookedClient], parts: Sequence[SessionPart], width: float) -> list[Flowable]:
    """The session list: who comes when, and how many handouts for them are in this print."""
    s = letter_styles(10.5)
    handouts: dict[object, int] = {}
    for part in parts:
        handouts[part.info.client_id] = handouts.get(part.info.client_id, 0) + 1
    widths = [1 * cm, 2 * cm, 8.5 * cm, width - 11.5 * cm]
    room = [w - 2 * CELL_PADDING for w in widths]
    header = ["", _("Uur"), _("Cliënt"), _("Papieren")]
    rows: list[list[str | Flowable]] = [[_cell(text, s.bold, w) for text, w in zip(header, room, strict=True)]]
    for number, client in enumerate(booked, start=1):
        count = handouts.get(client.client_id, 0)
        papers = _("{count} afsprakenblad(en)").format(count=count) if count else _("nog geen verwijzing")
        cells = (str(number), format_time(to_local(client.appointment_at)), client.name, papers)
        rows.append([_cell(text, s.body, w) for text, w in zip(cells, room, strict=True)])
    table = _table(rows, widths, s.body.fontSize, s.body.leading)
    return [para(_("Afspraken in deze sessie"), s.heading), table, Spacer(1, 0.5 * cm)]


def _cover(
    parts: Sequence[SessionPart], title: str, today_text: str, width: float, booked: Sequence[BookedClient] = ()
) -> list[Flowable]:
    s = letter_styles(10.5)
    widths = [1 * cm, 6 * cm, 4.5 * cm, width - 11.5 * cm]
    room = [w - 2 * CELL_PADDING for w in widths]
    header = ["", _("Cliënt"), _("Leerwens"), _("Papieren")]
    rows: list[list[str | Flowable]] = [[_cell(text, s.bold, w) for text, w in zip(header, room, strict=True)]]
    for number, part in enumerate(parts, start=1):
        papers = _("Afsprakenblad: {language}").format(language=part.reader.name)
        if part.with_letter:
            papers += " + " + _("verwijsbrief")
        cells = (str(number), part.info.client.full_name, WISH_CATEGORIES.label(part.info.category), papers)
        rows.append([_cell(text, s.body, w) for text, w in zip(cells, room, strict=True)])
    story: list[Flowable] = [para(title, s.title), para(today_text, s.small), Spacer(1, 0.4 * cm)]
    if booked:
        story += _booked_list(booked, parts, width)
        if parts:
            story.append(para(_("Papieren in deze afdruk"), s.heading))
    if parts or not booked:
        story.append(_table(rows, widths, s.body.fontSize, s.body.leading))
    return story


def render_session(
    parts: Sequence[SessionPart],
    *,
    cover_head: Letterhead,
    dutch: Texts,
    title: str,
    today: dt.date,
    booked: Sequence[BookedClient] = (),
    catalogue: tuple[Letterhead, Sequence[Flowable]] | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> bytes:
    """One PDF: the cover list, then per client (in the given order) the handout and the letter.

    ``booked`` puts the clients with an appointment on the cover (with their time); ``catalogue`` (its
    letterhead and story) comes last. ``progress(done, total)`` is called at the start of every part;
    when ``cancelled()`` turns true the job stops with :class:`SessionCancelled`.
    """
    with collector.paused():
        return _render_session(parts, cover_head, dutch, title, today, booked, catalogue, progress, cancelled)


def _render_session(
    parts: Sequence[SessionPart],
    cover_head: Letterhead,
    dutch: Texts,
    title: str,
    today: dt.date,
    booked: Sequence[BookedClient],
    catalogue: tuple[Letterhead, Sequence[Flowable]] | None,
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
) -> bytes:
    register_fonts()
    width = A4[0] - 2 * MARGIN
    top = MARGIN * 0.75 + HEADER_HEIGHT
    frame_height = A4[1] - top - HANDOUT_BOTTOM
    total = len(parts)

    def report(index: int) -> None:
        if cancelled is not None and cancelled():
            raise SessionCancelled()
        if progress is not None:
            progress(min(max(index - 1, 0), total), total)  # a part starts: those before it are done

    page_label = dutch.text("letterhead", "page")
    story: list[Flowable] = [PartStart(_Part(cover_head, page_label, False, 0), report)]
    story += _cover(parts, title, dutch.text("handout", "made_on", date=dutch.date(today)), width, booked)
    for index, part in enumerate(parts, start=1):
        head = part.info.letterhead
        story += [PageBreak(), PartStart(_Part(head, page_label, False, index), report)]
        story += _fitting_story(part, today, frame_height, width)
        if part.with_letter:
            show_site = not head.site_is_prison
            story += [PageBreak(), PartStart(_Part(head, page_label, show_site, index), lambda _i: None)]
            story += referral_letter_story(part.info, ReferralLetterOptions(), dutch, today=today)
    if catalogue is not None:
        head, sheet = catalogue
        story += [PageBreak(), PartStart(_Part(head, page_label, False, total + 1), report), *sheet]

    buffer = io.BytesIO()
    doc: Any = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=top,
        bottomMargin=HANDOUT_BOTTOM,
        title=title,
        author=cover_head.organisation,
        creator="Leerwinkel Intake",
        invariant=1,
        initialFontName=FONT,
        initialFontSize=10,
    )
    doc.current_part = None
    doc.part_first_page = 1

    def end_page(canvas: Any, page_doc: Any) -> None:
        part: _Part | None = page_doc.current_part
        if part is None:
            return
        number = canvas.getPageNumber() - page_doc.part_first_page + 1
        _draw_letterhead(canvas, _PageNumber(number), part.head, show_site=part.show_site, page_label=part.page_label)

    frame = Frame(MARGIN, HANDOUT_BOTTOM, width, frame_height, id="body", leftPadding=0, rightPadding=0)
    doc.addPageTemplates([PageTemplate(id="part", frames=[frame], onPageEnd=end_page)])
    doc.build(story)
    if progress is not None:
        progress(total, total)
    return buffer.getvalue()


@dataclass(frozen=True)
class _PageNumber:
    page: int


__all__ = ["SessionCancelled", "SessionPart", "render_session"]
