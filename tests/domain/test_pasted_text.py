"""Text pasted from Word gets the app's bullets and composed letters."""

from __future__ import annotations

import unicodedata

from app.domain.pasted_text import lines_from_pasted
from app.domain.report import EntryKind
from app.domain.section_text import entries_from_text


def test_word_bullets_become_dash_and_its_hollow_circles_become_plus():
    pasted = "•\tViệc một\r\no\tÝ nhỏ\r\n◦ Ý khác\r\n▪\tÝ thứ ba\r\n–\tViệc hai\r\n- Việc ba"
    assert lines_from_pasted(pasted).splitlines() == [
        "- Việc một", "+ Ý nhỏ", "+ Ý khác", "+ Ý thứ ba", "- Việc hai", "- Việc ba"]


def test_numbered_lists_become_bullets_and_lettered_ones_sub_bullets():
    pasted = "1.\tLãnh đạo\na)\tChính trị\nb)\tTư tưởng\n2.\tKiểm tra"
    assert lines_from_pasted(pasted).splitlines() == ["- Lãnh đạo", "+ Chính trị", "+ Tư tưởng", "- Kiểm tra"]


def test_an_indented_bullet_is_a_sub_bullet():
    assert lines_from_pasted("•\tViệc\n\t•\tÝ nhỏ") == "- Việc\n+ Ý nhỏ"


def test_a_single_numbered_heading_keeps_its_number():
    assert lines_from_pasted("2. Kết quả đạt được") == "2. Kết quả đạt được"


def test_decomposed_letters_are_composed():
    nfd = unicodedata.normalize("NFD", "Đảng ủy lãnh đạo")
    assert nfd != "Đảng ủy lãnh đạo"
    assert lines_from_pasted(nfd) == "Đảng ủy lãnh đạo"


def test_pasted_lines_read_back_as_bullets_and_sub_bullets():
    entries = entries_from_text(lines_from_pasted("•\tViệc một\no\tÝ nhỏ\nĐoạn văn."))
    assert [e.kind for e in entries] == [EntryKind.BULLET, EntryKind.SUB_BULLET, EntryKind.PARAGRAPH]
    assert [e.text for e in entries] == ["Việc một", "Ý nhỏ", "Đoạn văn."]
