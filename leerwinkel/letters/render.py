"""ReportLab rendering of the three documents, with the bundled DejaVu fonts embedded.

Every piece of user or catalogue text goes through :func:`para_text`, which escapes it: a name such
as ``<b>`` or ``<img src=...>`` prints literally and can never embed a file or add a link.
"""

from __future__ import annotations

import functools
import io
import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from PIL import Image
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    HRFlowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from leerwinkel import paths
from leerwinkel.letters.model import (
    CatalogueSheetInfo,
    Letterhead,
    OfferingInfo,
    PlaceInfo,
    ReferralInfo,
    ReferralLetterOptions,
)
from leerwinkel.letters.texts import Texts
from leerwinkel.taxonomy import DUTCH_LEVELS, THRESHOLDS, VULNERABILITIES, WISH_CATEGORIES

FONT = "LeerwinkelSans"
FONT_BOLD = "LeerwinkelSans-Bold"
FONT_ITALIC = "LeerwinkelSans-Oblique"
FONT_FILES = {FONT: "DejaVuSans.ttf", FONT_BOLD: "DejaVuSans-Bold.ttf", FONT_ITALIC: "DejaVuSans-Oblique.ttf"}

MARGIN = 2 * cm
LOGO_PIXELS = 240  # 2 cm at 300 dpi
HEADER_HEIGHT = 2.9 * cm
RULE_BELOW_TOP = 72  # points below the top of the letterhead: room for the name and four lines
INK = colors.HexColor("#1a1a1a")
SECOND = colors.HexColor("#3d3d3d")
ACCENT = colors.HexColor("#1f5f8b")

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_font_lock = threading.Lock()


def register_fonts() -> None:
    """Register the bundled fonts with ReportLab once per process (thread-safe)."""
    with _font_lock:
        if FONT in pdfmetrics.getRegisteredFontNames():
            return
        for name, filename in FONT_FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(paths.resource("fonts", filename))))
        pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD)


def missing_glyphs(text: str, font_name: str = FONT) -> set[str]:
    """The characters of ``text`` (besides white space) that the bundled font has no glyph for."""
    register_fonts()
    font: Any = pdfmetrics.getFont(font_name)
    char_to_glyph: dict[int, int] = font.face.charToGlyph
    return {ch for ch in text if not ch.isspace() and char_to_glyph.get(ord(ch), 0) == 0}


def para_text(text: str) -> str:
    """User text made safe for a Paragraph: control characters dropped, markup escaped, newlines kept."""
    cleaned = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\t", " "))
    return "<br/>".join(escape(line) for line in cleaned.split("\n"))


def para(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(para_text(text), style)


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
        second=ParagraphStyle("second", parent=body, fontName=FONT_ITALIC, textColor=SECOND, leftIndent=10),
        right=ParagraphStyle("right", parent=body, alignment=TA_RIGHT),
    )


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
    """The band at the top of every page: logo, organisation and its contacts; page number below."""
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
    canvas.setFont(FONT_BOLD, 13)
    canvas.drawString(text_left, top - 13, _line(head.organisation))
    canvas.setFillColor(INK)
    canvas.setFont(FONT, 8.5)
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
            canvas.drawString(text_left, y, line)
            y -= 11
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(0.8)
    rule = top - RULE_BELOW_TOP
    canvas.line(MARGIN, rule, width - MARGIN, rule)
    canvas.setFont(FONT, 8)
    canvas.setFillColor(SECOND)
    canvas.drawRightString(width - MARGIN, MARGIN * 0.5, page_label.format(page=doc.page))
    canvas.restoreState()


def _line(text: str) -> str:
    """One line for the canvas (no markup there): control characters and line breaks flattened."""
    return _CONTROL.sub("", " ".join(text.split()))


def build_pdf(
    story: list[Flowable], head: Letterhead, *, title: str, show_site: bool, page_label: str = "{page}"
) -> bytes:
    """Lay out a story under the letterhead; returns the PDF bytes (fonts embedded, output reproducible)."""
    register_fonts()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN * 0.75 + HEADER_HEIGHT,
        bottomMargin=MARGIN,
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
    return buffer.getvalue()


# -- referral letter ---------------------------------------------------------------------------


def render_referral_letter(info: ReferralInfo, options: ReferralLetterOptions, texts: Texts, *, today: Any) -> bytes:
    """The referral letter to the provider. The caller has checked the consent (see service)."""
    s = letter_styles(10.5)
    head = info.letterhead
    client = info.client
    shared = client.share_with_provider
    t = texts.text
    wish = WISH_CATEGORIES.label(info.category)
    story: list[Flowable] = []
    story.append(para(f"{head.city}, {texts.date(today)}", s.right))
    story.append(Spacer(1, 0.4 * cm))
    for line in info.provider_address.lines():
        story.append(para(line, s.body if line != info.provider_address.name else s.bold))
    story.append(Spacer(1, 0.6 * cm))
    story.append(para(t("referral", "reference", reference=info.reference), s.small))
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
            rows.append((t("referral", "label_dutch_level"), DUTCH_LEVELS.label(client.dutch_level)))
        story.append(para(t("referral", "contact_heading"), s.heading))
        story.append(_label_table(rows, s))
        if client.consent_given_on is not None:
            story.append(para(t("referral", "contact_consent", date=texts.date(client.consent_given_on)), s.small))

    background: list[Flowable] = []
    if options.background.strip():
        background.append(para(options.background.strip(), s.body))
    if options.include_thresholds and client.thresholds:
        items = ", ".join(THRESHOLDS.label(code).lower() for code in client.thresholds)
        background.append(para(t("referral", "thresholds", items=items), s.body))
    if options.include_vulnerabilities and client.vulnerabilities:
        items = ", ".join(VULNERABILITIES.label(code).lower() for code in client.vulnerabilities)
        background.append(para(t("referral", "vulnerabilities", items=items), s.body))
    if options.include_detention and client.detained:
        sentence = t("referral", "detention")
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
    show_site = not head.site_is_prison or options.include_detention
    return build_pdf(
        story,
        head,
        title=t("referral", "subject", wish=wish),
        show_site=show_site,
        page_label=t("letterhead", "page"),
    )


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


# -- client handout ----------------------------------------------------------------------------

# One item of a handout section: a sentence in every language, a label in every language with one
# value, or data (catalogue text, an address) printed once.
Values = Callable[[Texts], dict[str, object]]


@dataclass(frozen=True)
class Sentence:
    key: str
    values: Values | None = None


@dataclass(frozen=True)
class Labelled:
    key: str
    value: str


@dataclass(frozen=True)
class Data:
    text: str


Item = Sentence | Labelled | Data


def _wish_label(code: str, texts: Texts) -> str:
    return WISH_CATEGORIES.label(code, "en" if texts.language == "en" else "nl")


def _places_for(info: ReferralInfo) -> tuple[PlaceInfo, ...]:
    """The places that matter to this client: inside the prison for a detained client, else outside."""
    places = info.offering.places if info.offering is not None else ()
    inside = tuple(p for p in places if p.in_prison)
    outside = tuple(p for p in places if not p.in_prison)
    if info.client.detained and inside:
        return inside
    return outside or inside


def _handout_sections(info: ReferralInfo) -> list[tuple[str, list[Item]]]:
    offering = info.offering
    head = info.letterhead
    what: list[Item] = [Sentence("what_text", lambda tx: {"wish": _wish_label(info.category, tx)})]
    where: list[Item] = []
    when: list[Item] = []
    bring: list[Item] = []
    cost: list[Item] = []
    if offering is not None:
        if offering.title:
            what.append(Sentence("what_offering", lambda tx: {"title": offering.title}))
        if offering.provider_name:
            what.append(Sentence("what_provider", lambda tx: {"provider": offering.provider_name}))
        if offering.description:
            what.append(Data(offering.description))
        for place in _places_for(info)[:3]:
            if place.in_prison:
                where.append(Sentence("where_prison"))
            where.append(Sentence("where_address"))
            where.append(Data("\n".join(place.address.lines())))
            if place.phone:
                where.append(Labelled("phone_label", place.phone))
            if place.opening_hours:
                where.append(Labelled("hours_label", place.opening_hours))
        if not offering.places and offering.in_prison:
            where.append(Sentence("where_prison"))
        phone = offering.phone or offering.provider_phone
        if phone and not any(p.phone for p in offering.places):
            where.append(Labelled("phone_label", phone))
        if offering.schedules:
            codes = offering.schedules
            when.append(Sentence("when_text", lambda tx: {"schedules": ", ".join(tx.schedule(code) for code in codes)}))
        if offering.schedule_note:
            when.append(Data(offering.schedule_note))
        if offering.what_to_bring:
            bring.append(Data(offering.what_to_bring))
        if offering.is_free:
            cost.append(Sentence("cost_free"))
        if offering.reduced_for_jobseekers:
            cost.append(Sentence("cost_reduced_jobseekers"))
        if offering.reduced_for_prisoners:
            cost.append(Sentence("cost_reduced_prisoners"))
        if offering.cost_note:
            cost.append(Data(offering.cost_note))
        website = offering.website or offering.provider_website
        if website:
            where.append(Labelled("website_label", website))
    if not any(isinstance(item, Data) for item in where):
        where.insert(0, Sentence("where_unknown"))
    if not when:
        when.append(Sentence("when_unknown"))
    if not bring:
        bring.append(Sentence("bring_unknown"))
    if not cost:
        cost.append(Sentence("cost_unknown"))
    helpers: list[Item] = []
    if head.counsellor_name:
        helpers.append(Sentence("help_counsellor", lambda tx: {"name": head.counsellor_name}))
    if head.counsellor_phone or head.phone:
        helpers.append(Labelled("phone_label", head.counsellor_phone or head.phone))
    if head.counsellor_email or head.email:
        helpers.append(Labelled("email_label", head.counsellor_email or head.email))
    helpers.append(Sentence("help_office", lambda tx: {"organisation": head.organisation}))
    office = [head.street, " ".join(p for p in (head.postcode, head.city) if p)]
    if head.counsellor_phone and head.phone:
        office.append(head.phone)
    helpers.append(Data("\n".join(line for line in office if line)))
    moment = info.client.next_appointment
    appointment: list[Item] = (
        [Sentence("appointment_text", lambda tx: {"datetime": tx.datetime(moment)})]
        if moment is not None
        else [Sentence("appointment_none")]
    )
    return [
        ("what", what),
        ("where", where),
        ("when", when),
        ("bring", bring),
        ("cost", cost),
        ("help", helpers),
        ("appointment", appointment),
    ]


def render_handout(info: ReferralInfo, base: Texts, second: Texts | None, *, today: Any) -> bytes:
    """The client's appointment sheet: large type, short sentences, self-contained (no link needed)."""
    s = letter_styles(13)
    languages = [base] if second is None else [base, second]

    def both(section: str, key: str, **values: object) -> str:
        return " / ".join(tx.text(section, key, **values) for tx in languages)

    story: list[Flowable] = [
        para(both("handout", "title"), s.title),
        para(base.text("handout", "for", name=info.client.display_name), s.bold),
        para(" / ".join(tx.text("handout", "made_on", date=tx.date(today)) for tx in languages), s.body),
    ]
    for key, items in _handout_sections(info):
        block: list[Flowable] = [para(both("handout", key), s.heading)]
        for item in items:
            if isinstance(item, Data):
                block.append(para(item.text, s.body))
            elif isinstance(item, Labelled):
                labels = " / ".join(dict.fromkeys(tx.text("handout", item.key) for tx in languages))
                block.append(para(f"{labels}: {item.value}", s.body))
            else:
                for index, tx in enumerate(languages):
                    values = item.values(tx) if item.values is not None else {}
                    block.append(para(tx.text("handout", item.key, **values), s.body if index == 0 else s.second))
        story.append(CondPageBreak(3 * cm))
        story.extend(block)
    return build_pdf(
        story,
        info.letterhead,
        title=both("handout", "title"),
        show_site=False,
        page_label=base.text("letterhead", "page"),
    )


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
    s = letter_styles(11)
    t = texts.text
    labels = ", ".join(WISH_CATEGORIES.label(code) for code in info.categories)
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
            story.append(para(WISH_CATEGORIES.label(current), s.heading))
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
        if offering.description:
            block.append(para(offering.description, s.small))
            block.append(Spacer(1, 0.1 * cm))
        block.append(_label_table(rows, s))
        block.append(HRFlowable(width="100%", thickness=0.3, color=colors.lightgrey, spaceBefore=4))
        story.append(KeepTogether(block))
    return build_pdf(story, info.letterhead, title=title, show_site=False, page_label=t("letterhead", "page"))
