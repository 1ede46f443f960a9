"""The reply slip at the foot of a referral letter: the provider ticks, fills in and sends it back.

It carries the referral's reference, so that in Opvolging typing the reference finds the referral and
records the answer in one step (:class:`leerwinkel.referrals.replies.ReplyService`).
"""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Rect
from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from leerwinkel.letters.model import ReferralInfo
from leerwinkel.letters.styles import ACCENT, Styles, para
from leerwinkel.letters.texts import Texts
from leerwinkel.typeset import FONT, draw_line

LINE = "_" * 28


def _box() -> Drawing:
    drawing = Drawing(11, 11)
    drawing.initialFontName = FONT  # else the renderer names a Helvetica that is not embedded
    drawing.add(Rect(0.5, 0.5, 10, 10, fillColor=colors.white, strokeColor=colors.black, strokeWidth=0.9))
    return drawing


class CutLine(Flowable):  # type: ignore[misc]
    """A dashed line across the page with a label: cut here."""

    def __init__(self, label: str) -> None:
        super().__init__()
        self.label = label

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, 14

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setDash(3, 3)
        canvas.setStrokeColor(colors.grey)
        canvas.line(0, 5, self.width, 5)
        canvas.setFillColor(colors.white)
        canvas.rect(8, 0, 4.2 * cm, 11, stroke=0, fill=1)
        canvas.setFillColor(colors.grey)
        draw_line(canvas, 12, 2, self.label, size=8)
        canvas.restoreState()


def reply_slip(info: ReferralInfo, texts: Texts, s: Styles) -> list[Flowable]:
    """The slip's flowables (kept together on one page)."""
    t = texts.text
    head = info.letterhead
    reply_by = texts.date(info.reply_by) if info.reply_by else ""
    address = ", ".join(
        p for p in (head.organisation, head.street, " ".join(x for x in (head.postcode, head.city) if x)) if p
    )
    contact = "  ·  ".join(p for p in (head.counsellor_email or head.email, head.counsellor_phone or head.phone) if p)
    rows: list[list[object]] = [
        [para(t("referral", "slip_title"), s.heading), ""],
        [para(t("referral", "slip_return", date=reply_by), s.body), ""],
        [para(address, s.small), ""],
    ]
    if contact:
        rows.append([para(contact, s.small), ""])
    rows.append([para(t("referral", "reference", reference=info.reference), s.title), ""])
    if info.client.share_with_provider:
        rows.append([para(t("referral", "slip_client", name=info.client.full_name), s.body), ""])
    rows += [
        [_box(), para(t("referral", "slip_enrolled", line=LINE), s.body)],
        [_box(), para(t("referral", "slip_starts", line=LINE), s.body)],
        [_box(), para(t("referral", "slip_refused", line=LINE + LINE), s.body)],
        ["", para(t("referral", "slip_signature", line=LINE), s.body)],
    ]
    table = Table(rows, colWidths=[0.8 * cm, None])
    spans = [("SPAN", (0, i), (1, i)) for i, row in enumerate(rows) if row[1] == ""]
    table.setStyle(
        TableStyle(
            [
                *spans,
                ("BOX", (0, 0), (-1, -1), 1.2, ACCENT),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return [KeepTogether([Spacer(1, 0.5 * cm), CutLine(t("referral", "slip_cut")), Spacer(1, 0.2 * cm), table])]
