"""The client's handout (afsprakenblad): one page a referral, for a reader who reads little.

Following the Flemish plain-language practice and Inclusion Europe's easy-to-read rules: body text of
at least 14 pt, larger headings, one short sentence a line, a pictogram for every section, the same
order every time (what, where, when, what to bring, cost, who helps you). In a bilingual handout the
reader's language comes first at full size and the Dutch follows in small type, for the provider.

The handout prints the offering's client text or a plain sentence for its category, never the
counsellor's description. A detained client's handout has no link, no QR code and nothing about
walking in or an identity card: it says what works inside (the prison's education service, the
counsellor's next visit).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Spacer

from leerwinkel.letters.blocks import SectionBlock
from leerwinkel.letters.model import OfferingInfo, PlaceInfo, ReferralInfo
from leerwinkel.letters.pictograms import LIGHT, Pictogram
from leerwinkel.letters.render import build_pdf_pages
from leerwinkel.letters.styles import ACCENT, INK, SECOND, para
from leerwinkel.letters.texts import Texts
from leerwinkel.typeset import FONT, FONT_BOLD

#: A website printed on a handout must be short enough to copy by hand; longer ones are left out.
MAX_WEBSITE = 40


@dataclass(frozen=True)
class Scale:
    """Type sizes in points; the handout tries the first and falls back to the second to fit a page."""

    body: float
    second: float
    heading: float
    title: float
    icon: float
    gap: float


SCALES = (
    Scale(16, 11, 20, 28, 1.7 * cm, 0.22 * cm),
    Scale(15, 10, 18, 24, 1.5 * cm, 0.12 * cm),
    Scale(14, 9, 16, 22, 1.3 * cm, 0.06 * cm),
    Scale(14, 8, 15, 20, 1.1 * cm, 0.02 * cm),
    Scale(14, 7.5, 14.5, 18, 1.0 * cm, 0),
)


@dataclass(frozen=True)
class Say:
    """A sentence from the text files, in the reader's language and in Dutch below it."""

    key: str
    values: Callable[[Texts], dict[str, object]] | None = None


@dataclass(frozen=True)
class Show:
    """Data printed once, as it is (an address, a phone number): the same in every language."""

    text: str
    bold: bool = False


@dataclass(frozen=True)
class Client:
    """The client text of the offering, else the category's sentence, in each language."""

    offering: OfferingInfo | None
    category: str


Item = Say | Show | Client


@dataclass(frozen=True)
class Section:
    key: str  # heading key in the texts, and the pictogram's name unless ``icon`` says otherwise
    items: tuple[Item, ...]
    icon: str = ""
    boxed: bool = False


def first_name(name: str) -> str:
    return name.split()[0] if name.strip() else ""


def _places(info: ReferralInfo) -> tuple[PlaceInfo, ...]:
    """The places that matter to this client: inside the prison for a detained client, else outside."""
    places = info.offering.places if info.offering is not None else ()
    inside = tuple(p for p in places if p.in_prison)
    outside = tuple(p for p in places if not p.in_prison)
    if info.client.detained and inside:
        return inside
    return outside or inside


def handout_sections(info: ReferralInfo) -> list[Section]:
    """What the handout says, section by section; the detained variant where the client is detained."""
    offering = info.offering
    head = info.letterhead
    detained = info.client.detained
    counsellor = first_name(head.counsellor_name)

    what: list[Item] = [Client(offering, info.category)]
    if offering is not None and offering.title:  # the course's name, to recognise it when enrolling
        what.append(Show(offering.title, bold=True))
    if offering is not None and offering.provider_name:
        provider = offering.provider_name
        what.append(Say("what_at", lambda tx: {"provider": provider}))

    where: list[Item] = []
    places = _places(info)
    in_prison = detained and (any(p.in_prison for p in places) or bool(offering and offering.in_prison))
    if in_prison:
        where += [Say("where_prison"), Say("where_prison_ask")]
    else:
        for place in places[:2]:
            address = place.address
            town = " ".join(p for p in (address.postcode, address.city) if p)
            street = ", ".join(p for p in (address.street, town) if p)
            where.append(Show("\n".join(p for p in (address.name, street) if p), bold=True))
            if place.phone:
                where.append(Show(place.phone))
            if place.opening_hours:
                where.append(Show(place.opening_hours))
        if offering is not None and not detained:
            phone = offering.phone or offering.provider_phone
            if phone and not any(p.phone for p in places[:2]):
                where.append(Show(phone))
            website = offering.website or offering.provider_website
            if website and len(website) <= MAX_WEBSITE:
                where.append(Show(website.removeprefix("https://").removeprefix("http://").rstrip("/")))
    if not where:
        where.append(Say("where_unknown"))

    when: list[Item] = []
    if info.starts_on is not None:
        starts = info.starts_on
        when.append(Say("when_start", lambda tx: {"date": tx.long_date(starts)}))
    if offering is not None and offering.schedules:
        codes = offering.schedules
        when.append(Say("when_schedule", lambda tx: {"schedules": ", ".join(tx.schedule(c) for c in codes)}))
    if info.starts_on is None:
        when.append(Say("when_visit" if detained else "when_call"))
    moment = info.client.next_appointment
    if moment is not None:
        key = "appointment_prison" if detained else "appointment_text"
        when.append(Say(key, lambda tx: {"datetime": tx.datetime(moment)}))

    bring: list[Item] = []
    if detained:
        bring.append(Say("bring_prison"))
    elif offering is not None and offering.what_to_bring.strip():
        bring.append(Show(offering.what_to_bring.strip()))
    else:
        bring.append(Say("bring_id"))

    cost: list[Item] = []
    if offering is not None and offering.is_free:
        cost.append(Say("cost_free"))
    elif offering is not None and detained and offering.reduced_for_prisoners:
        cost.append(Say("cost_prisoners"))
    elif offering is not None and not detained and offering.reduced_for_jobseekers:
        cost.append(Say("cost_jobseekers"))
    else:
        cost.append(Say("cost_ask"))

    sections = [
        Section("what", tuple(what)),
        Section("where", tuple(where), icon="where_prison" if in_prison else "where"),
        Section("when", tuple(when)),
    ]
    sections += [Section("bring", tuple(bring)), Section("cost", tuple(cost))]

    help_items: list[Item] = []
    if counsellor:
        help_items.append(Say("help_counsellor", lambda tx: {"name": counsellor}))
        if detained:
            help_items.append(Say("help_prison", lambda tx: {"name": counsellor}))
    if head.phone:
        help_items.append(Say("help_phone_family" if detained else "help_phone"))
        help_items.append(Show(head.phone, bold=True))
    elif head.counsellor_phone and not detained:
        help_items += [Say("help_phone"), Show(head.counsellor_phone, bold=True)]
    if not detained:
        office = ", ".join(p for p in (head.street, " ".join(x for x in (head.postcode, head.city) if x)) if p)
        if office:
            organisation = head.organisation
            help_items.append(Say("help_office", lambda tx: {"organisation": organisation}))
            help_items.append(Show(office))
    if not help_items:
        help_items.append(Say("help_ask"))
    sections.append(Section("help", tuple(help_items), boxed=True))
    return sections


@functools.cache
def _styles(scale: Scale, rtl: bool) -> dict[str, ParagraphStyle]:
    """Right-to-left: everything right-aligned, so the Dutch stands under the sentence it translates."""
    align = TA_RIGHT if rtl else TA_LEFT
    body = ParagraphStyle(
        "hbody",
        fontName=FONT,
        fontSize=scale.body,
        leading=scale.body * 1.3,
        textColor=INK,
        alignment=align,
        spaceAfter=1.5 if rtl else 0,
    )
    return {
        "icon_label": ParagraphStyle(
            "hicon",
            fontName=FONT,
            fontSize=scale.second * 0.85,
            leading=scale.second,
            textColor=SECOND,
            alignment=TA_CENTER,
        ),
        "body": body,
        "data": ParagraphStyle("hdata", parent=body),
        "data_bold": ParagraphStyle("hdatab", parent=body, fontName=FONT_BOLD),
        "second": ParagraphStyle(
            "hsecond", parent=body, fontSize=scale.second, leading=scale.second * 1.3, textColor=SECOND, spaceAfter=2
        ),
        "heading": ParagraphStyle(
            "hhead",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=scale.heading,
            leading=scale.heading * 1.2,
            textColor=ACCENT,
        ),
        "title": ParagraphStyle(
            "htitle", parent=body, fontName=FONT_BOLD, fontSize=scale.title, leading=scale.title * 1.2
        ),
        "name": ParagraphStyle(
            "hname", parent=body, fontName=FONT_BOLD, fontSize=scale.heading, leading=scale.heading * 1.3
        ),
    }


def _client_sentence(item: Client, tx: Texts) -> str:
    text = item.offering.client_text_in(tx.language) if item.offering is not None else ""
    if text:
        return text
    key = f"what_{item.category}"
    return tx.text("handout", key if tx.has("handout", key) else "what_andere")


def _item_flowables(item: Item, reader: Texts, dutch: Texts | None, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    if isinstance(item, Show):
        return [para(item.text, s["data_bold" if item.bold else "data"], rtl=False)]
    if isinstance(item, Client):
        texts = [_client_sentence(item, reader)] + ([_client_sentence(item, dutch)] if dutch else [])
    else:
        values = item.values
        texts = [reader.text("handout", item.key, **(values(reader) if values else {}))]
        if dutch is not None:
            texts.append(dutch.text("handout", item.key, **(values(dutch) if values else {})))
    flowables = [para(texts[0], s["body"], rtl=reader.rtl or None)]
    if len(texts) > 1:
        flowables.append(para(texts[1], s["second"], rtl=False))
    return flowables


def _section_block(
    section: Section, reader: Texts, dutch: Texts | None, s: dict[str, ParagraphStyle], scale: Scale
) -> SectionBlock:
    content: list[Flowable] = [para(reader.text("handout", section.key), s["heading"], rtl=reader.rtl or None)]
    for item in section.items:
        content.extend(_item_flowables(item, reader, dutch, s))
    icon: list[Flowable] = [Pictogram(section.icon or section.key, scale.icon)]
    if dutch is not None:  # the Dutch heading under the pictogram, for the provider
        icon.append(para(dutch.text("handout", section.key), s["icon_label"], rtl=False))
    return SectionBlock(
        icon,
        content,
        gutter=scale.icon + 0.7 * cm,
        gap=scale.gap + 1.5,
        rtl=reader.rtl,
        boxed=section.boxed,
        fill=LIGHT,
        stroke=ACCENT,
        rule=colors.HexColor("#b8c9d6"),
    )


def handout_story(
    info: ReferralInfo, reader: Texts, dutch: Texts | None, *, today: dt.date, scale: Scale
) -> list[Flowable]:
    """The flowables of one handout (also used for a whole session in one PDF)."""
    s = _styles(scale, reader.rtl)
    story: list[Flowable] = [para(reader.text("handout", "title"), s["title"], rtl=reader.rtl or None)]
    if dutch is not None:
        story.append(para(dutch.text("handout", "title"), s["second"], rtl=False))
    story.append(para(info.client.display_name, s["name"], rtl=None))
    made = reader.text("handout", "made_on", date=reader.date(today))
    if dutch is not None:
        made += " · " + dutch.text("handout", "made_on", date=dutch.date(today))
    story += [para(made, s["second"], rtl=None), Spacer(1, scale.gap)]
    for section in handout_sections(info):
        story.append(_section_block(section, reader, dutch, s, scale))
    return story


def render_handout(info: ReferralInfo, base: Texts, second: Texts | None, *, today: dt.date) -> bytes:
    """One page: the reader's language (``second``, else Dutch) first, Dutch below it when bilingual."""
    reader, dutch = (second, base) if second is not None else (base, None)
    pdf = b""
    for scale in SCALES:  # the larger type when it fits on one page
        pdf, pages = build_pdf_pages(
            handout_story(info, reader, dutch, today=today, scale=scale),
            info.letterhead,
            title=reader.text("handout", "title"),
            show_site=False,
            page_label=base.text("letterhead", "page"),
            bottom_margin=1.4 * cm,
        )
        if pages == 1:
            break
    return pdf
