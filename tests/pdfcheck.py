"""PDF checks shared by the letters tests: text extraction (pypdf) and non-blank page rendering."""

from __future__ import annotations

import io
import unicodedata
from dataclasses import dataclass

import pypdf
import pypdfium2 as pdfium


def pdf_text(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def assert_pages_not_blank(pdf: bytes) -> int:
    """Render every page; each must have dark pixels in its body (below the letterhead). Returns the count."""
    document = pdfium.PdfDocument(pdf)
    try:
        for index in range(len(document)):
            image = document[index].render(scale=0.5).to_pil().convert("L")
            width, height = image.size
            body = image.crop((0, int(height * 0.2), width, int(height * 0.95)))
            low, _high = body.getextrema()
            assert low < 100, f"page {index + 1} looks blank"
        return len(document)
    finally:
        document.close()


@dataclass(frozen=True)
class TextRun:
    text: str
    size: float


def text_runs(pdf: bytes) -> list[TextRun]:
    """Every text run with its font size in points (font size times the text matrix scale)."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    runs: list[TextRun] = []
    for page in reader.pages:

        def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
            if text.strip():
                runs.append(TextRun(text.strip(), size * abs(tm[3] or 1)))

        page.extract_text(visitor_text=visit)
    return runs


def pdf_fonts(pdf: bytes) -> dict[str, bool]:
    """Base font name -> whether its font file is embedded, over all pages."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    fonts: dict[str, bool] = {}
    for page in reader.pages:
        resources = page["/Resources"].get_object()
        for ref in resources.get("/Font", {}).values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            embedded = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
            fonts[str(font["/BaseFont"])] = embedded
    return fonts


def has_links_or_foreign_images(pdf: bytes) -> bool:
    """True when any page carries a link annotation or more than the one logo image."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    for page in reader.pages:
        if "/Annots" in page:
            return True
        if len(page.images) > 1:
            return True
    return b"/URI" in pdf or b"/Launch" in pdf


def logical_text(pdf: bytes) -> str:
    """The text as a reader would copy it (PDFium puts right-to-left runs back in reading order),
    NFKC-normalised so Arabic presentation forms compare equal to the letters typed."""
    document = pdfium.PdfDocument(pdf)
    try:
        pages = [document[index].get_textpage().get_text_range() for index in range(len(document))]
    finally:
        document.close()
    return unicodedata.normalize("NFKC", "\n".join(pages)).replace("\r", "")


@dataclass(frozen=True)
class Glyph:
    char: str  # NFKC of the character PDFium maps the glyph to
    left: float
    bottom: float


def glyphs(pdf: bytes, page: int = 0) -> list[Glyph]:
    """Every character on a page with its box's left edge and bottom, in content-stream order."""
    document = pdfium.PdfDocument(pdf)
    try:
        textpage = document[page].get_textpage()
        result = []
        for index in range(textpage.count_chars()):
            char = textpage.get_text_range(index, 1)
            left, bottom, _right, _top = textpage.get_charbox(index)
            result.append(Glyph(unicodedata.normalize("NFKC", char), left, bottom))
        return result
    finally:
        document.close()


def sizes_of(pdf: bytes, sentence: str, page: int = 0) -> list[float]:
    """The font size of every non-space character of ``sentence`` where PDFium finds it on the page
    (compared NFKC, as :func:`logical_text`); empty when the sentence is not there."""
    document = pdfium.PdfDocument(pdf)
    try:
        textpage = document[page].get_textpage()
        count = textpage.count_chars()
        chars = [unicodedata.normalize("NFKC", textpage.get_text_range(i, 1)) for i in range(count)]
        wanted = unicodedata.normalize("NFKC", sentence)
        text = "".join(ch if len(ch) == 1 else "\x00" for ch in chars)
        start = text.find(wanted)
        if start < 0:
            return []
        return [
            float(pdfium.raw.FPDFText_GetFontSize(textpage.raw, i))
            for i in range(start, start + len(wanted))
            if not chars[i].isspace()
        ]
    finally:
        document.close()
