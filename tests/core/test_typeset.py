"""Text in PDFs: every script has a face, Arabic is shaped and ordered, copied text is what was typed."""

from __future__ import annotations

import io
import unicodedata

import pytest
from reportlab.lib import rl_accel
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import ttfonts
from reportlab.platypus import SimpleDocTemplate

from leerwinkel.typeset import FONT, FONT_BOLD, BidiParagraph, missing_glyphs, paragraph, register_fonts
from leerwinkel.typeset.bidi import segments, visual_order
from tests.pdfcheck import assert_pages_not_blank, glyphs, logical_text, pdf_fonts

NAMES = (
    "Nguyễn Thị Hương",
    "Çelik Öztürk",
    "Олена Шевченко",
    "محمد عبد الله",
    "حسین رضایی",
    "ሰላም ተስፋይ",
    "Łukasz Wójcik",
    "Ștefan Dumitrescu",
)
MIXED = "Mohammed محمد عبد الله Al-Khwārizmī"
ARABIC = "مرحبا. هذه ورقة المواعيد الخاصة بك. الدرس يبدأ يوم الاثنين 12 يناير 2027 (مهم)."
FARSI = "سلام. شما می‌خواهید هلندی یاد بگیرید."


def render(*flowables: object) -> bytes:
    register_fonts()
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, invariant=1, initialFontName=FONT).build(list(flowables))
    return buffer.getvalue()


def style(size: float = 14) -> ParagraphStyle:
    register_fonts()
    return ParagraphStyle("body", fontName=FONT, fontSize=size, leading=size * 1.4)


def squash(text: str) -> str:
    """White space collapsed; a zero-width non-joiner (Farsi) copies as a space."""
    return " ".join(text.replace("\u200c", " ").split())


def test_shaping_is_available() -> None:
    assert ttfonts.uharfbuzz is not None, "uharfbuzz is missing: Arabic would print unjoined"


def test_every_script_of_the_names_has_a_glyph() -> None:
    for name in NAMES:
        assert missing_glyphs(name) == set(), name
        assert missing_glyphs(name, bold=True) == set(), name
    assert missing_glyphs("中") == {"中"}  # the check itself can fail


def test_an_arabic_name_is_joined_and_in_visual_order() -> None:
    register_fonts()
    _, parts = segments("محمد", size=14)
    assert len(parts) == 1
    drawn = str(parts[0].text)
    names = [unicodedata.name(ch) for ch in drawn]
    # drawn from left to right: the final dal first, the initial meem last; every letter in a joined form
    assert names[0].endswith("DAL FINAL FORM"), names
    assert names[-1].endswith("MEEM INITIAL FORM"), names
    assert all("FORM" in name for name in names), names
    assert unicodedata.normalize("NFKC", drawn[::-1]) == "محمد"


def test_words_of_a_right_to_left_run_go_right_to_left_inside_a_latin_line() -> None:
    _, parts = segments(MIXED, size=14)
    words = [unicodedata.normalize("NFKC", str(seg.text)) for seg in visual_order(parts) if not seg.is_space]
    assert words[0] == "Mohammed" and words[-1] == "Al-Khwārizmī"
    # visual order of the Arabic words: الله, عبد, محمد (each word itself drawn in visual order)
    assert [w[::-1] for w in words[1:4]] == ["الله", "عبد", "محمد"]


def test_mixed_line_in_a_pdf_reads_back_as_typed() -> None:
    pdf = render(paragraph(MIXED, style()))
    assert squash(logical_text(pdf)) == MIXED  # the line carries /ActualText: positions are the span's


@pytest.mark.parametrize("text", [ARABIC, FARSI])
def test_right_to_left_paragraph_is_right_aligned_and_copies_as_typed(text: str) -> None:
    flowable = paragraph(text, style(16), rtl=True)
    assert isinstance(flowable, BidiParagraph)
    pdf = render(flowable)
    assert squash(logical_text(pdf)) == squash(text)
    placed = glyphs(pdf)
    first = placed[0]  # the first letter typed is the rightmost of the first line
    same_line = [g for g in placed if abs(g.bottom - first.bottom) < 4]
    assert first.left >= max(g.left for g in same_line) - 1
    second_word = placed[text.index(" ") + 1]
    assert second_word.left < first.left  # the second word stands to the left of the first


def test_long_right_to_left_text_wraps_and_splits_over_pages() -> None:
    text = " ".join([ARABIC] * 80)
    pdf = render(paragraph(text, style(14), rtl=True))
    assert squash(logical_text(pdf)) == squash(text)
    assert assert_pages_not_blank(pdf) >= 2


def test_only_bundled_faces_are_used_and_embedded() -> None:
    bold = ParagraphStyle("bold", parent=style(), fontName=FONT_BOLD)
    pdf = render(*(paragraph(name, style()) for name in NAMES), paragraph(MIXED, bold))
    fonts = pdf_fonts(pdf)
    assert fonts and all(fonts.values()), fonts
    assert all("+NotoSans" in name for name in fonts), fonts  # no Helvetica or other built-in face
    assert squash(logical_text(pdf)).startswith("Nguyễn Thị Hương Çelik Öztürk Олена Шевченко")


def test_markup_in_text_prints_literally() -> None:
    pdf = render(paragraph('<b>vet</b> <img src="/etc/passwd"/> & محمد', style()))
    assert '<b>vet</b> <img src="/etc/passwd"/> & محمد' in squash(logical_text(pdf))


def test_reportlab_runs_with_its_c_accelerator() -> None:
    """rl_accel is declared so PDFs are made by C string widths, not ReportLab's pure-Python fallback."""
    assert type(rl_accel.instanceStringWidthTTF).__name__ == "builtin_function_or_method"
    assert type(rl_accel.fp_str).__name__ == "builtin_function_or_method"
