"""clean() makes any string safe for a .docx; text_width_pt() measures Times New Roman."""

from __future__ import annotations

import io
import unicodedata

import docx
from hypothesis import given, settings
from hypothesis import strategies as st

from app.render.docx_writer import build_document
from app.render.model import Block, BlockKind
from app.render.text import clean, text_width_pt
from tests.render.sample import sample_model


def test_clean_turns_decomposed_vietnamese_into_nfc():
    decomposed = unicodedata.normalize("NFD", "Đảng ủy xã La Bằng")
    assert decomposed != "Đảng ủy xã La Bằng"
    assert clean(decomposed) == "Đảng ủy xã La Bằng"


def test_clean_drops_control_characters_but_keeps_tab_and_line_ends():
    assert clean("a\x00b\x08c\x0bd\x0ce\x0ef\x1fg") == "abcdefg"
    assert clean("a\tb\nc\rd") == "a\tb\nc\rd"


def test_clean_drops_noncharacters_and_lone_surrogates():
    assert clean("x\ufffey\uffffz\ud800w\udfff") == "xyzw"


def test_clean_drops_before_normalising_so_a_mark_rejoins_its_letter():
    assert clean("a\x00\u0301") == "á"


@settings(max_examples=60, deadline=None)
@given(st.text(st.characters(exclude_categories=())))
def test_any_cleaned_string_saves_and_reads_back_unchanged(text):
    model = sample_model()
    model.body = [Block(BlockKind.PARAGRAPH, text)]
    buffer = io.BytesIO()
    build_document(model).save(buffer)
    reopened = docx.Document(io.BytesIO(buffer.getvalue()))
    body = [p for p in reopened.paragraphs if p.style.name == "TK Body"]
    assert [p.text for p in body] == [clean(text)]


def test_width_of_the_party_title_matches_times_new_roman_bold():
    # 4233 font units of 2048 per em at 15 pt, summed from the font's advance widths.
    assert round(text_width_pt("ĐẢNG CỘNG SẢN VIỆT NAM", 15, bold=True), 2) == 206.67


def test_width_ignores_tone_marks_but_counts_the_horn():
    assert text_width_pt("Ả", 14, bold=False) == text_width_pt("A", 14, bold=False)
    assert text_width_pt("Ừ", 14, bold=True) > text_width_pt("U", 14, bold=True)
    assert text_width_pt(unicodedata.normalize("NFD", "Ừ"), 14, bold=True) == text_width_pt("Ừ", 14, bold=True)


def test_a_range_is_glued_so_that_no_line_starts_with_a_dash():
    from app.render.text import keep_ranges_together

    assert keep_ranges_together("nhiệm kỳ 2025 - 2030") == "nhiệm kỳ 2025\u00a0-\u00a02030"
    assert keep_ranges_together("(1969 – 2019)") == "(1969\u00a0-\u00a02019)"
    assert keep_ranges_together("Đảng - Đoàn thể") == "Đảng - Đoàn thể"


def test_document_number_hyphens_are_found_in_party_and_state_numbers():
    from app.render.text import document_number_hyphens

    text = "Quy định số 30-QĐ/TW, Hướng dẫn 45-HD/ĐU và Số: 25/BC-UBND"
    assert [text[i - 2:i + 3] for i in document_number_hyphens(text)] == ["30-QĐ", "45-HD", "BC-UB"]


def test_ranges_and_plain_hyphens_are_not_document_numbers():
    from app.render.text import document_number_hyphens

    assert document_number_hyphens("nhiệm kỳ 2025-2030, I- ĐẶC ĐIỂM, Số      -BC/ĐU, A12-QĐ") == []
