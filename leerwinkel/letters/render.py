"""ReportLab rendering of the three documents, with the app's one font set (:mod:`leerwinkel.typeset`).

Every piece of user or catalogue text goes through :func:`para`, which escapes it (a name such as
``<b>`` or ``<img src=...>`` prints literally and can never embed a file or add a link), sets each
script in a face that has it, and shapes and orders right-to-left text.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Sequence
from typing import Any

from PIL import Image
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import (
    Flowable,
    HRFlowable,
    KeepTogether,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from leerwinkel.letters.model import (
    CatalogueSheetInfo,
    Letterhead,
    OfferingInfo,
    ReferralInfo,
    ReferralLetterOptions,
)
from leerwinkel.letters.replyslip import reply_slip
from leerwinkel.letters.styles import ACCENT, INK, SECOND, Styles, letter_styles, para
from leerwinkel.letters.texts import Texts
from leerwinkel.taxonomy import DUTCH_LEVELS, THRESHOLDS, VULNERABILITIES, WISH_CATEGORIES
from leerwinkel.typeset import FONT, FONT_BOLD, clean, draw_line, missing_glyphs, register_fonts

MARGIN = 2 * cm
LOGO_PIXELS = 240  # 2 cm at 300 dpi
HEADER_HEIGHT = 2.9 * cm
RULE_BELOW_TOP = 72  # points below the top of the letterhead: room for the name and four lines

__all__ = ["FONT", "FONT_BOLD", "missing_glyphs", "register_fonts"]


@functools.cache
def _logo(path: str) -> ImageReader | None:
    """The logo flattened on white and scaled down once: no alpha mask to rebuild for every PDF."""
    try:
        with Image.open(path) as source:
            source.thumbnail((LOGO_PIXELS, LOGO_PIXELS))
            flat = Image.new("RGB", source.size, "white")
            rgba = source.convert("RGBA")
            flat.paste(rgba, mask=rgba.getchannel("A"))
    except (OSError, ValueError):
        return None
    return ImageReader(flat)


def _draw_letterhead(canvas: Any, doc: Any, head: Letterhead, *, show_site: bool, page_label: str) -> None:
    """The band at the top of every page: logo, organisation and its contacts; page number below.

    The band is drawn once per document as a form (a PDF XObject) and placed on every page: a session
    of a thousand pages holds one copy of it, not a thousand.
    """
    forms: dict[tuple[Letterhead, bool], str] = canvas.__dict__.setdefault("_letterhead_forms", {})
    name = forms.get((head, show_site))
    if name is None:
        name = forms[(head, show_site)] = f"letterhead{len(forms)}"
        canvas.beginForm(name)
        _draw_band(canvas, head, show_site=show_site)
        canvas.endForm()
    canvas.doForm(name)
    canvas.saveState()
    canvas.setFillColor(SECOND)
    draw_line(canvas, A4[0] - MARGIN, MARGIN * 0.5, page_label.format(page=doc.page), size=8, right=True)
    canvas.restoreState()


def _draw_band(canvas: Any, head: Letterhead, *, show_site: bool) -> None:
    width, height = A4
    top = height - MARGIN * 0.75
    canvas.saveState()
    text_left = MARGIN
    logo = _logo(head.logo_path) if head.logo_path else None
    if logo is not None:
        size = 2.0 * cm
        canvas.drawImage(logo, MARGIN, top - size, size, size, preserveAspectRatio=True)
        text_left = MARGIN + size + 0.4 * cm
    canvas.setFillColor(ACCENT)
    draw_line(canvas, text_left, top - 13, _line(head.organisation), size=13, bold=True)
    canvas.setFillColor(INK)
    lines = [
        _line(head.street),
        _line(" ".join(p for p in (head.postcode, head.city) if p)),
        _line("  ·  ".join(p for p in (head.phone, head.email) if p)),
    ]
    if show_site and head.site_name:
        lines.append(_line(head.site_name))
    y = top - 27
    for line in lines:
        if line:
            draw_line(canvas, text_left, y, line, size=8.5)
            y -= 11
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(0.8)
    rule = top - RULE_BELOW_TOP
    canvas.line(MARGIN, rule, width - MARGIN, rule)
    canvas.restoreState()


def _line(text: str) -> str:
    """One line for the canvas (no markup there): control characters and line breaks flattened."""
    return clean(" ".join(text.split()))


def build_pdf(
    story: list[Flowable], head: Letterhead, *, title: str, show_site: bool, page_label: str = "{page}"
) -> bytes:
    """Lay out a story under the letterhead; returns the PDF bytes (fonts embedded, output reproducible)."""
    return build_pdf_pages(story, head, title=title, show_site=show_site, page_label=page_label)[0]


def build_pdf_pages(
    story: list[Flowable],
    head: Letterhead,
    *,
    title: str,
    show_site: bool,
    page_label: str = "{page}",
    bottom_margin: float = MARGIN,
) -> tuple[bytes, int]:
    """:func:`build_pdf`, and the number of pages it took."""
    register_fonts()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN * 0.75 + HEADER_HEIGHT,
        bottomMargin=bottom_margin,
        title=title,
        author=head.organisation,
        creator="Leerwinkel Intake",
        invariant=1,
        initialFontName=FONT,  # else every page names a Helvetica that is not embedded
        initialFontSize=10,
    )

    def on_page(canvas: Any, page_doc: Any) -> None:
        _draw_letterhead(canvas, page_doc, head, show_site=show_site, page_label=page_label)

    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return buffer.getvalue(), int(doc.page)


# -- referral letter ---------------------------------------------------------------------------


def render_referral_letter(info: ReferralInfo, options: ReferralLetterOptions, texts: Texts, *, today: Any) -> bytes:
    """The referral letter to the provider. The caller has checked the consent (see service)."""
    head = info.letterhead
    return build_pdf(
        referral_letter_story(info, options, texts, today=today),
        head,
        title=texts.text("referral", "subject", wish=WISH_CATEGORIES.label(info.category, "nl")),
        show_site=not head.site_is_prison or options.include_detention,
        page_label=texts.text("letterhead", "page"),
    )


def referral_letter_story(
    info: ReferralInfo, options: ReferralLetterOptions, texts: Texts, *, today: Any
) -> list[Flowable]:
    """The flowables of a referral letter (also used for a whole session in one PDF)."""
    s = letter_styles(10.5)
    head = info.letterhead
    client = info.client
    shared = client.share_with_provider
    t = texts.text
    wish = WISH_CATEGORIES.label(info.category, "nl")
    story: list[Flowable] = []
    story.append(para(f"{head.city}, {texts.date(today)}", s.right))
    story.append(Spacer(1, 0.4 * cm))
    for line in info.provider_address.lines():
        story.append(para(line, s.body if line != info.provider_address.name else s.bold))
    story.append(Spacer(1, 0.6 * cm))
    story.append(para(t("referral", "reference", reference=info.reference), s.small))
    contact_person = ", ".join(
        p for p in (head.counsellor_name, head.counsellor_phone or head.phone, head.counsellor_email or head.email) if p
    )
    if contact_person:
        story.append(para(t("referral", "contact_person", contact=contact_person), s.small))
    story.append(para(t("referral", "subject", wish=wish), s.bold))
    story.append(Spacer(1, 0.3 * cm))
    story.append(para(t("referral", "salutation"), s.body))
    if shared:
        story.append(para(t("referral", "intro_named", name=client.full_name, wish=wish), s.body))
    else:
        story.append(para(t("referral", "intro_anonymous", wish=wish, reference=info.reference), s.body))
    if info.offering is not None and info.offering.title:
        story.append(para(t("referral", "offering", title=info.offering.title), s.body))
    if shared and info.wish_description:
        story.append(para(t("referral", "wish_description", text=info.wish_description), s.body))
    if shared and info.wish_goal:
        story.append(para(t("referral", "wish_goal", text=info.wish_goal), s.body))

    if shared and options.include_contact:
        rows: list[tuple[str, str]] = [(t("referral", "label_name"), client.full_name)]
        if client.phone:
            rows.append((t("referral", "label_phone"), client.phone))
        if client.email:
            rows.append((t("referral", "label_email"), client.email))
        address = ", ".join(client.address.lines())
        if address:
            rows.append((t("referral", "label_address"), address))
        if client.birth_year:
            rows.append((t("referral", "label_birth_year"), str(client.birth_year)))
        if client.dutch_level != "onbekend":
            rows.append((t("referral", "label_dutch_level"), DUTCH_LEVELS.label(client.dutch_level, "nl")))
        story.append(para(t("referral", "contact_heading"), s.heading))
        story.append(_label_table(rows, s))
        if client.consent_given_on is not None:
            story.append(para(t("referral", "contact_consent", date=texts.date(client.consent_given_on)), s.small))

    background: list[Flowable] = []
    if options.background.strip():
        background.append(para(options.background.strip(), s.body))
    if options.include_thresholds and client.thresholds:
        items = ", ".join(THRESHOLDS.label(code, "nl").lower() for code in client.thresholds)
        background.append(para(t("referral", "thresholds", items=items), s.body))
    if options.include_vulnerabilities and client.vulnerabilities:
        items = ", ".join(VULNERABILITIES.label(code, "nl").lower() for code in client.vulnerabilities)
        background.append(para(t("referral", "vulnerabilities", items=items), s.body))
    if options.include_detention and client.detained:
        prison = client.prison_name or (head.site_name if head.site_is_prison else "")
        sentence = t("referral", "detention_in", prison=prison) if prison else t("referral", "detention")
        if client.expected_release is not None:
            sentence += " " + t("referral", "detention_release", date=texts.date(client.expected_release))
        background.append(para(sentence, s.body))
    if background:
        story.append(para(t("referral", "background_heading"), s.heading))
        story.extend(background)

    story.append(para(t("referral", "request_heading"), s.heading))
    request = options.request.strip() or t("referral", "request_default" if shared else "request_anonymous")
    story.append(para(request, s.body))
    story.append(para(t("referral", "closing"), s.body))
    story.append(Spacer(1, 0.2 * cm))
    signature: list[Flowable] = [
        para(t("referral", "greeting"), s.body),
        Spacer(1, 1.0 * cm),
        HRFlowable(width=6 * cm, thickness=0.6, color=INK, hAlign="LEFT", spaceAfter=3),
    ]
    if head.counsellor_name:
        signature.append(para(head.counsellor_name, s.bold))
    signature.append(para(head.organisation, s.body))
    contact = "  ·  ".join(p for p in (head.counsellor_phone or head.phone, head.counsellor_email or head.email) if p)
    if contact:
        signature.append(para(contact, s.body))
    story.append(KeepTogether(signature))
    if info.reply_by is not None:
        story.extend(reply_slip(info, texts, s))
    return story


def _label_table(rows: Sequence[tuple[str, str]], s: Styles) -> Table:
    data = [[para(label, s.bold), para(value, s.body)] for label, value in rows]
    table = Table(data, colWidths=[4.6 * cm, None], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), FONT),  # the default would pull in a Helvetica
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return table


# -- catalogue sheet ---------------------------------------------------------------------------


def _cost_text(offering: OfferingInfo, texts: Texts) -> str:
    parts: list[str] = []
    if offering.is_free:
        parts.append(texts.text("catalogue", "free"))
    if offering.cost_note:
        parts.append(offering.cost_note)
    return "; ".join(parts) or texts.text("catalogue", "cost_unknown")


def render_catalogue_sheet(info: CatalogueSheetInfo, texts: Texts, *, today: Any) -> bytes:
    """The offerings of some categories in a municipality or a prison, to hand out in sessions."""
    title, story = catalogue_sheet_story(info, texts, today=today)
    return build_pdf(story, info.letterhead, title=title, show_site=False, page_label=texts.text("letterhead", "page"))


def catalogue_sheet_story(info: CatalogueSheetInfo, texts: Texts, *, today: Any) -> tuple[str, list[Flowable]]:
    """The catalogue sheet's title and story (also laid out inside a session's print job)."""
    s = letter_styles(11)
    t = texts.text
    labels = ", ".join(WISH_CATEGORIES.label(code, "nl") for code in info.categories)
    title = t("catalogue", "title", categories=labels)
    place = []
    if info.city:
        place.append(t("catalogue", "in_city", city=info.city))
    if info.prison_name:
        place.append(t("catalogue", "in_prison", prison=info.prison_name))
    if place:
        title += " " + " ".join(place)
    story: list[Flowable] = [para(title, s.title), para(t("catalogue", "made_on", date=texts.date(today)), s.small)]
    if not info.offerings:
        story.append(Spacer(1, 0.5 * cm))
        story.append(para(t("catalogue", "none"), s.body))
    current = ""
    for offering in info.offerings:
        if len(info.categories) > 1 and offering.category != current:
            current = offering.category
            story.append(para(WISH_CATEGORIES.label(current, "nl"), s.heading))
        rows: list[tuple[str, str]] = []
        where = []
        for p in offering.places:
            lines = p.address.lines()
            if p.phone:
                lines.append(p.phone)
            if p.opening_hours:
                lines.append(p.opening_hours)
            where.append("\n".join(lines))
        if not where and offering.in_prison:
            where.append(t("catalogue", "in_prison_label"))
        if where:
            rows.append((t("catalogue", "where"), "\n\n".join(where)))
        schedules = ", ".join(texts.schedule(code) for code in offering.schedules)
        when = "\n".join(p for p in (schedules, offering.schedule_note) if p)
        if when:
            rows.append((t("catalogue", "when"), when))
        rows.append((t("catalogue", "cost"), _cost_text(offering, texts)))
        contact = "\n".join(
            p
            for p in (
                offering.phone or offering.provider_phone,
                offering.email or offering.provider_email,
                offering.website or offering.provider_website,
            )
            if p
        )
        if contact:
            rows.append((t("catalogue", "contact"), contact))
        block: list[Flowable] = [
            Spacer(1, 0.25 * cm),
            para(offering.title, s.bold),
            para(offering.provider_name, s.body),
        ]
        if offering.status_uncertain:
            uncertain = " ".join(p for p in (t("catalogue", "status_uncertain"), offering.status_note) if p)
            block.append(para(uncertain, s.small))
        if offering.description:
            block.append(para(offering.description, s.small))
            block.append(Spacer(1, 0.1 * cm))
        block.append(_label_table(rows, s))
        block.append(HRFlowable(width="100%", thickness=0.3, color=colors.lightgrey, spaceBefore=4))
        story.append(KeepTogether(block))
    return title, story
