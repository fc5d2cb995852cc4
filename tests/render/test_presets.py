"""Each preset's demo as a .docx, reopened with python-docx: header, number, title, signature and page by its rules.

document-format.md §1–§8 (Party), §11 (state), §12 (Công đoàn, Đoàn).
"""

from __future__ import annotations

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Pt

from app.domain.demo import DemoKind, demo_report
from app.domain.presets import Preset
from app.render.compose import compose
from app.render.docx_writer import write_docx
from app.render.layout import report_layout
from app.render.text import text_width_pt

TWIPS_PER_MM = 1440 / 25.4


def render(tmp_path, preset: str = "party", kind: str = DemoKind.DANG_BO, **settings) -> docx.document.Document:
    """The demo of kind in preset, with settings changed, written to a file and opened again."""
    report = demo_report(kind, preset)
    for name, value in settings.items():
        setattr(report.settings, name, value)
    path = tmp_path / f"{preset}-{kind}.docx"
    layout = report_layout(report)
    write_docx(compose(report, layout), path, layout)
    return docx.Document(str(path))


def texts(cell) -> list[str]:
    return [p.text for p in cell.paragraphs]


def rule_width_twips(paragraph, cell_width: int) -> int:
    """The length of a rule paragraph's bottom border: the cell width less its two indents."""
    ind = paragraph._p.pPr.find(qn("w:ind"))
    return cell_width - int(ind.get(qn("w:left"))) - int(ind.get(qn("w:right")))


def has_bottom_border(paragraph) -> bool:
    return paragraph.style.element.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:bottom')}") is not None


def cell_width(cell) -> int:
    return int(cell._tc.tcPr.tcW.get(qn("w:w")))


def margins_mm(section) -> tuple[int, int, int, int]:
    return tuple(round(m.mm) for m in (section.top_margin, section.bottom_margin, section.left_margin,
                                       section.right_margin))


def body_texts(document) -> list[str]:
    return [p.text for p in document.paragraphs]


# Party (36-HD/VPTW).

def test_party_header_has_the_party_title_its_line_a_star_and_no_colon(tmp_path):
    document = render(tmp_path, "party")
    top, bottom = document.tables[0].rows
    assert texts(top.cells[1]) == ["ĐẢNG CỘNG SẢN VIỆT NAM", ""]
    assert texts(top.cells[0])[-1] == "*"
    assert texts(bottom.cells[0]) == ["Số 25-BC/ĐU"]
    assert "Độc lập - Tự do - Hạnh phúc" not in "".join(texts(top.cells[1]))


def test_party_title_is_lower_case_with_five_hyphens_and_dash_headings(tmp_path):
    paragraphs = body_texts(render(tmp_path, "party"))
    assert paragraphs[0] == "BÁO CÁO"
    assert paragraphs[1].startswith("tổng kết công tác xây dựng Đảng năm 2026")
    assert paragraphs[2] == "-----"
    assert "Phần thứ nhất" in paragraphs
    assert "I- ĐẶC ĐIỂM TÌNH HÌNH" in paragraphs


def test_party_signature_signs_on_behalf_without_end_mark(tmp_path):
    document = render(tmp_path, "party")
    left, right = document.tables[-1].rows[0].cells
    assert texts(right)[:2] == ["T/M ĐẢNG ỦY", "BÍ THƯ"]
    assert right.paragraphs[1].style.font.bold is not True
    assert left.paragraphs[0].style.font.underline is True
    assert texts(left)[-1] == "- Lưu Văn phòng Đảng ủy."
    closing = document.tables[-1]._tbl.getprevious().xpath("string(.)")
    assert not closing.endswith("./.")


def test_party_margins_default_to_36_hd_and_older_ones_on_request(tmp_path):
    assert margins_mm(render(tmp_path, "party").sections[0]) == (20, 20, 30, 15)
    older = render(tmp_path, "party", margins="older")
    assert margins_mm(older.sections[0]) == (25, 25, 35, 15)
    # The header table spans the narrower text width of the older margins: 210 - 35 - 15 = 160 mm.
    left, right = older.tables[0].rows[0].cells
    assert cell_width(left) + cell_width(right) == round(160 * TWIPS_PER_MM)


def test_a_report_line_spacing_changes_the_body_styles_only(tmp_path):
    document = render(tmp_path, "party", line_spacing_pt=20)
    assert document.styles["TK Body"].paragraph_format.line_spacing == Pt(20)
    assert document.styles["TK Heading 1"].paragraph_format.line_spacing == Pt(20)
    assert document.styles["TK Party Title Rule"].paragraph_format.line_spacing == Pt(3)
    assert document.styles["TK Table Text"].paragraph_format.line_spacing == 1.0
    assert render(tmp_path, "party").styles["TK Body"].paragraph_format.line_spacing == Pt(18)


def test_the_dot_heading_style_and_the_end_mark_are_report_settings(tmp_path):
    document = render(tmp_path, "party", heading_style="dot", end_mark=True)
    assert "I. ĐẶC ĐIỂM TÌNH HÌNH" in body_texts(document)
    assert document.tables[-1]._tbl.getprevious().xpath("string(.)").endswith("./.")


# State (NĐ 30/2020).

def test_state_header_has_quoc_hieu_tieu_ngu_with_its_line_and_a_line_under_the_issuer(tmp_path):
    document = render(tmp_path, "state")
    top, bottom = document.tables[0].rows
    left, right = top.cells
    assert texts(right) == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", ""]
    assert right.paragraphs[1].style.name == "TK Motto" and right.paragraphs[1].style.font.bold
    motto_width = round(text_width_pt("Độc lập - Tự do - Hạnh phúc", 13, bold=True) * 20)
    assert abs(rule_width_twips(right.paragraphs[2], cell_width(right)) - motto_width) <= 2
    assert texts(left) == ["ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN", "ỦY BAN NHÂN DÂN XÃ AN BÌNH", ""]
    assert "*" not in "".join(texts(left))
    issuer_rule = left.paragraphs[2]
    assert has_bottom_border(issuer_rule)
    assert 0 < rule_width_twips(issuer_rule, cell_width(left)) < cell_width(left) / 2
    assert texts(bottom.cells[0]) == ["Số: 25/BC-UBND"]


def test_state_header_gives_the_quoc_hieu_the_wider_cell_and_12_pt(tmp_path):
    document = render(tmp_path, "state")
    left, right = document.tables[0].rows[0].cells
    assert cell_width(right) > cell_width(left)
    assert right.paragraphs[0].style.font.size == Pt(12)


def test_state_title_starts_with_a_capital_and_has_a_line_not_hyphens(tmp_path):
    document = render(tmp_path, "state")
    paragraphs = document.paragraphs
    assert paragraphs[1].text.startswith("Tổng kết công tác năm 2026")
    assert paragraphs[2].style.name == "TK Title Rule" and paragraphs[2].text == ""
    assert has_bottom_border(paragraphs[2])
    assert "-----" not in body_texts(document)
    assert "Phần I" in body_texts(document)
    assert "I. ĐẶC ĐIỂM TÌNH HÌNH" in body_texts(document)


def test_state_signature_is_tm_with_a_bold_position_and_bold_italic_recipients(tmp_path):
    document = render(tmp_path, "state")
    left, right = document.tables[-1].rows[0].cells
    assert texts(right)[:2] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
    assert right.paragraphs[1].style.font.bold is True
    label = left.paragraphs[0].style.font
    assert (label.bold, label.italic, label.underline, label.size) == (True, True, False, Pt(12))
    assert left.paragraphs[1].style.font.size == Pt(11)
    assert [line[-1] for line in texts(left)[1:]] == [";", ";", "."]
    assert texts(left)[-1].startswith("- Lưu: VT")
    assert document.tables[-1]._tbl.getprevious().xpath("string(.)").endswith("./.")


# Công đoàn (933/QĐ-TLĐ: the state shape).

def test_cong_doan_has_the_state_shape_with_its_union_names(tmp_path):
    document = render(tmp_path, "cong-doan")
    top, bottom = document.tables[0].rows
    assert texts(top.cells[1])[:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert texts(top.cells[0])[0] == "CÔNG ĐOÀN VIÊN CHỨC TỈNH THÁI NGUYÊN"
    assert texts(bottom.cells[0]) == ["Số: 25/BC-CĐCS"]
    assert texts(document.tables[-1].rows[0].cells[1])[:2] == ["TM. BAN CHẤP HÀNH", "CHỦ TỊCH"]


# Đoàn TNCS Hồ Chí Minh.

def test_doan_header_has_its_title_top_right_three_stars_and_a_colon(tmp_path):
    document = render(tmp_path, "doan")
    top, bottom = document.tables[0].rows
    assert texts(top.cells[1]) == ["ĐOÀN TNCS HỒ CHÍ MINH", ""]
    assert top.cells[1].paragraphs[0].style.font.size == Pt(15)
    assert texts(top.cells[0])[-1] == "***"
    assert texts(bottom.cells[0]) == ["Số: 25-BC/ĐTN"]


def test_doan_signs_tm_ban_thuong_vu_on_20_mm_right_margins_and_ends_with_the_mark(tmp_path):
    document = render(tmp_path, "doan")
    assert texts(document.tables[-1].rows[0].cells[1])[:2] == ["TM. BAN THƯỜNG VỤ", "BÍ THƯ"]
    assert margins_mm(document.sections[0]) == (20, 20, 30, 20)
    assert document.tables[-1]._tbl.getprevious().xpath("string(.)").endswith("./.")


# What every preset shares.

@pytest.mark.parametrize("preset", list(Preset))
def test_every_preset_is_a4_with_the_page_number_in_the_header_from_page_two(tmp_path, preset):
    document = render(tmp_path, preset)
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert section.different_first_page_header_footer
    assert "PAGE" in section.header._element.xml
    assert "PAGE" not in section.first_page_header._element.xml


@pytest.mark.parametrize("preset", list(Preset))
def test_every_preset_uses_only_the_named_styles_of_its_reference(tmp_path, preset):
    from app.render.reference import REQUIRED_STYLES

    document = render(tmp_path, preset)
    used = {p.style.name for p in document.paragraphs}
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                used |= {p.style.name for p in cell.paragraphs}
    assert used <= set(REQUIRED_STYLES)


# Appendices.

def test_appendices_follow_the_signature_on_landscape_pages_each_from_a_new_page(tmp_path):
    document = render(tmp_path, "party", annexes=True)
    portrait, landscape = document.sections
    assert (round(portrait.page_width.mm), portrait.orientation) == (210, WD_ORIENT.PORTRAIT)
    assert (round(landscape.page_width.mm), round(landscape.page_height.mm)) == (297, 210)
    assert landscape.orientation == WD_ORIENT.LANDSCAPE
    labels = [p for p in document.paragraphs if p.style.name == "TK Annex Label"]
    assert [p.text for p in labels] == ["Phụ lục 1", "Phụ lục 2", "Phụ lục 3"]
    assert [p._p.pPr.find(qn("w:pageBreakBefore")) is not None for p in labels] == [False, True, True]
    titles = [p.text for p in document.paragraphs if p.style.name == "TK Annex Title"]
    assert titles[0] == "Biến động đảng viên năm 2026"
    notes = [p.text for p in document.paragraphs if p.style.name == "TK Annex Note"]
    assert notes[0] == "(Kèm theo Báo cáo số 25-BC/ĐU, ngày 15/12/2026 của Đảng bộ Trường Cao đẳng Kỹ thuật Công nghiệp)"


def test_appendix_tables_repeat_their_header_never_split_and_span_the_landscape_text(tmp_path):
    document = render(tmp_path, "party", annexes=True)
    annex_tables = document.tables[-3:]
    for table in annex_tables:
        rows = table._tbl.findall(qn("w:tr"))
        assert rows[0].find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
        assert all(row.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None for row in rows)
        width = sum(int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.iterchildren(qn("w:gridCol")))
        assert width == round((297 - 30 - 15) * TWIPS_PER_MM)


def test_with_appendices_the_body_points_to_them_instead_of_holding_the_tables(tmp_path):
    document = render(tmp_path, "party", annexes=True)
    body = " ".join(body_texts(document))
    assert "(chi tiết tại Phụ lục 1)." in body
    assert "Biến động đảng viên" not in [p.text for p in document.paragraphs if p.style.name == "TK Table Caption"]
    # The signature table stays in the portrait section, which ends right after it.
    assert document.element.body.xpath("./w:p/w:pPr/w:sectPr")


def test_appendices_keep_the_page_number_header_of_the_report(tmp_path):
    document = render(tmp_path, "party", annexes=True)
    landscape = document.sections[1]
    assert not landscape._sectPr.findall(qn("w:headerReference"))
    assert not landscape.different_first_page_header_footer


def test_state_appendices_are_numbered_in_roman(tmp_path):
    document = render(tmp_path, "state", annexes=True)
    labels = [p.text for p in document.paragraphs if p.style.name == "TK Annex Label"]
    assert labels == ["Phụ lục I", "Phụ lục II", "Phụ lục III"]
    note = next(p.text for p in document.paragraphs if p.style.name == "TK Annex Note")
    assert "Báo cáo số 25/BC-UBND" in note


def test_without_the_setting_there_is_no_appendix_and_one_section(tmp_path):
    document = render(tmp_path, "party")
    assert len(document.sections) == 1
    assert not [p for p in document.paragraphs if p.style.name == "TK Annex Label"]


def test_margins_of_another_preset_fall_back_to_the_presets_own(tmp_path):
    assert margins_mm(render(tmp_path, "state", margins="older").sections[0]) == (20, 20, 30, 15)
