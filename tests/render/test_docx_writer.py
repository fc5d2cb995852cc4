"""The .docx of a report, reopened with python-docx: layout by document-format.md §1–§10."""

from __future__ import annotations

import re
import zipfile

import docx
import pytest
from docx.enum.text import WD_PARAGRAPH_ALIGNMENT, WD_UNDERLINE
from docx.oxml.ns import qn
from docx.shared import Pt

from app.render.docx_writer import build_document, write_docx
from app.render.layout import load_layout
from app.render.model import Block, BlockKind, Table
from app.render.reference import REQUIRED_STYLES
from app.render.text import keep_ranges_together, text_width_pt
from tests.render.sample import MEMBERSHIP_TABLE, RATINGS_TABLE, sample_model

TEXT_WIDTH_TWIPS = round(165 * 1440 / 25.4)
THEME_ATTRIBUTE = re.compile(rb"\w+:(asciiTheme|hAnsiTheme|eastAsiaTheme|cstheme)=")


@pytest.fixture
def document(docx_path):
    return docx.Document(str(docx_path))


def _texts(cell) -> list[str]:
    return [p.text for p in cell.paragraphs]


def _style(paragraph) -> str:
    return paragraph.style.name


def _effective(paragraph, attribute: str):
    """A run property of the paragraph's first run, from the run or else from its style."""
    value = getattr(paragraph.runs[0].font, attribute) if paragraph.runs else None
    return getattr(paragraph.style.font, attribute) if value is None else value


def _grid(table) -> list[int]:
    return [int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.iterchildren(qn("w:gridCol"))]


def _borders(table) -> set[str]:
    edges = table._tbl.tblPr.find(qn("w:tblBorders"))
    return {edge.get(qn("w:val")) for edge in edges}


# The first page.

def test_header_table_is_a_borderless_45_55_grid(document):
    header = document.tables[0]
    assert _borders(header) == {"nil"}
    left, right = _grid(header)
    assert left + right == TEXT_WIDTH_TWIPS
    assert left == round(TEXT_WIDTH_TWIPS * 0.45)
    assert [int(c._tc.tcPr.tcW.get(qn("w:w"))) for c in header.rows[0].cells] == [left, right]


def test_header_left_cell_holds_upper_body_issuer_star_and_number(document, model):
    rows = document.tables[0].rows
    assert _texts(rows[0].cells[0]) == [model.upper_body, model.issuer_name, "*"]
    assert _texts(rows[1].cells[0]) == ["Số 25-BC/ĐU"]
    upper, issuer, star = rows[0].cells[0].paragraphs
    assert (_effective(upper, "bold"), upper.style.font.size) == (False, Pt(14))
    assert (_effective(issuer, "bold"), issuer.style.font.size) == (True, Pt(14))
    assert star.style.font.size == Pt(14)
    for paragraph in (upper, issuer, star, rows[1].cells[0].paragraphs[0]):
        assert paragraph.style.paragraph_format.alignment == WD_PARAGRAPH_ALIGNMENT.CENTER


def test_header_right_cell_holds_party_title_line_and_italic_date(document, model):
    rows = document.tables[0].rows
    assert _texts(rows[0].cells[1]) == ["ĐẢNG CỘNG SẢN VIỆT NAM", ""]
    assert _texts(rows[1].cells[1]) == [model.place_date]
    title = rows[0].cells[1].paragraphs[0]
    assert (_effective(title, "bold"), title.style.font.size) == (True, Pt(15))
    date = rows[1].cells[1].paragraphs[0]
    assert (_effective(date, "italic"), date.style.font.size) == (True, Pt(14))


def test_number_and_date_share_a_row_so_they_print_on_one_line(document):
    assert len(document.tables[0].rows) == 2


def test_number_line_has_no_colon(document):
    number = document.tables[0].rows[1].cells[0].paragraphs[0].text
    assert number == "Số 25-BC/ĐU"
    assert ":" not in number


def test_line_under_party_title_is_as_long_as_the_title(document):
    cell = document.tables[0].rows[0].cells[1]
    rule = cell.paragraphs[1]
    bottom = rule.style.element.pPr.find(f"{qn('w:pBdr')}/{qn('w:bottom')}")
    assert bottom.get(qn("w:val")) == "single"
    ind = rule._p.pPr.find(qn("w:ind"))
    left, right = int(ind.get(qn("w:left"))), int(ind.get(qn("w:right")))
    assert left == right
    cell_width = int(cell._tc.tcPr.tcW.get(qn("w:w")))
    title_twips = text_width_pt("ĐẢNG CỘNG SẢN VIỆT NAM", 15, bold=True) * 20
    assert abs(cell_width - left - right - title_twips) <= 2


def test_title_block_follows_the_header(document, model):
    texts = [p.text for p in document.paragraphs[:3]]
    assert texts == ["BÁO CÁO", model.title, "-----"]
    doc_type, title, separator = document.paragraphs[:3]
    assert (_effective(doc_type, "bold"), doc_type.style.font.size) == (True, Pt(15))
    assert doc_type.style.paragraph_format.keep_with_next is True
    assert doc_type.style.paragraph_format.space_before == Pt(18)
    assert title.text[0].islower() and _effective(title, "bold") is True
    assert title.style.paragraph_format.keep_with_next is True
    for paragraph in (doc_type, title, separator):
        assert paragraph.style.paragraph_format.alignment == WD_PARAGRAPH_ALIGNMENT.CENTER


def test_long_title_is_indented_to_balance_its_lines(document):
    title = document.paragraphs[1]
    ind = title._p.pPr.find(qn("w:ind"))
    left, right = int(ind.get(qn("w:left"))), int(ind.get(qn("w:right")))
    assert left == right > 0
    width = text_width_pt(title.text, 14, bold=True) * 20
    # Two lines: each at least half the title, plus slack for one word.
    assert width / 2 < TEXT_WIDTH_TWIPS - left - right < width


# The body.

@pytest.mark.parametrize(("kind", "style"), [
    (BlockKind.PART_LABEL, "TK Part Label"), (BlockKind.PART_TITLE, "TK Part Title"),
    (BlockKind.HEADING1, "TK Heading 1"), (BlockKind.HEADING2, "TK Heading 2"),
    (BlockKind.HEADING3, "TK Heading 3"), (BlockKind.PARAGRAPH, "TK Body"),
    (BlockKind.CLOSING, "TK Closing"),
])
def test_each_block_kind_prints_in_its_style(document, model, kind, style):
    # Ranges such as "2025 - 2030" are printed with no-break spaces (text.keep_ranges_together).
    expected = [keep_ranges_together(b.text) for b in model.body if b.kind is kind]
    assert expected
    assert [p.text for p in document.paragraphs if _style(p) == style] == expected


def test_bullets_get_their_dash_and_sub_bullets_a_plus(document, model):
    bullets = [b.text for b in model.body if b.kind is BlockKind.BULLET]
    subs = [b.text for b in model.body if b.kind is BlockKind.SUB_BULLET]
    assert [p.text for p in document.paragraphs if _style(p) == "TK Bullet"] == ["- " + t for t in bullets]
    assert [p.text for p in document.paragraphs if _style(p) == "TK Sub Bullet"] == ["+ " + t for t in subs]


def test_headings_and_closing_keep_with_next(document):
    styles = {"TK Part Label", "TK Part Title", "TK Heading 1", "TK Heading 2", "TK Heading 3", "TK Closing"}
    kept = [p for p in document.paragraphs if _style(p) in styles]
    assert kept
    assert all(p.style.paragraph_format.keep_with_next for p in kept)


def test_body_text_is_justified_with_a_first_line_indent(document):
    body = next(p for p in document.paragraphs if _style(p) == "TK Body")
    fmt = body.style.paragraph_format
    assert fmt.alignment == WD_PARAGRAPH_ALIGNMENT.JUSTIFY
    assert round(fmt.first_line_indent.mm) == 10


def test_only_named_styles_are_used(document):
    used = {p.style.name for p in document.paragraphs}
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                used |= {p.style.name for p in cell.paragraphs}
    assert used <= set(REQUIRED_STYLES)
    assert all(p._p.pPr.pStyle is not None for p in document.paragraphs)


# Tables.

def _data_tables(document):
    return document.tables[1:-1]


def test_data_table_has_caption_repeating_header_and_rows_that_do_not_split(document):
    table = _data_tables(document)[0]
    caption = table._tbl.getprevious()
    assert caption.xpath("string(.)") == MEMBERSHIP_TABLE.title
    assert caption.pPr.pStyle.val == "TKTableCaption"
    rows = table._tbl.tr_lst
    assert rows[0].trPr.find(qn("w:tblHeader")) is not None
    assert all(tr.trPr.find(qn("w:cantSplit")) is not None for tr in rows)
    assert all(tr.trPr.find(qn("w:tblHeader")) is None for tr in rows[1:])


def test_data_table_is_a_single_line_grid_with_grid_columns_scaled_to_the_text_width(document):
    table = _data_tables(document)[0]
    assert _borders(table) == {"single"}
    grid = _grid(table)
    assert sum(grid) == TEXT_WIDTH_TWIPS
    widths = MEMBERSHIP_TABLE.widths
    assert [round(w / grid[0]) for w in grid] == [round(w / widths[0]) for w in widths]


def test_data_table_header_is_bold_centred_and_numbers_right_aligned(document):
    table = _data_tables(document)[0]
    header = table.rows[0].cells
    assert [c.text for c in header] == MEMBERSHIP_TABLE.header
    assert all(c.paragraphs[0].style.name == "TK Table Header" for c in header)
    assert header[0].paragraphs[0].style.font.bold is True
    assert header[0].paragraphs[0].style.paragraph_format.alignment == WD_PARAGRAPH_ALIGNMENT.CENTER
    first = table.rows[1].cells
    assert [c.paragraphs[0].style.name for c in first] == ["TK Table Text", "TK Table Text", "TK Table Number",
                                                          "TK Table Number"]
    assert first[2].paragraphs[0].style.paragraph_format.alignment == WD_PARAGRAPH_ALIGNMENT.RIGHT
    assert first[2].paragraphs[0].style.font.size == Pt(13)


def test_bold_rows_print_bold(document):
    table = _data_tables(document)[0]
    total = table.rows[-1].cells
    assert total[1].text == "Đảng viên cuối năm"
    assert total[1].paragraphs[0].runs[0].bold is True
    assert table.rows[1].cells[1].paragraphs[0].runs[0].bold is None


def test_untitled_table_has_no_caption(document):
    table = _data_tables(document)[1]
    assert table.rows[0].cells[1].text == RATINGS_TABLE.header[1]
    assert table._tbl.getprevious().pPr.pStyle.val == "TKBody"


def test_paragraph_after_a_table_gets_space_before(document):
    table = _data_tables(document)[0]
    following = table._tbl.getnext()
    assert following.pPr.spacing_before == Pt(load_layout().table.space_after_pt)


def test_adjacent_tables_stay_two_tables(tmp_path, model):
    untitled = Table(header=["TT", "Nội dung"], rows=[["1", "Một"]])
    model.body = [Block(BlockKind.TABLE, table=untitled), Block(BlockKind.TABLE, table=untitled)]
    path = tmp_path / "tables.docx"
    write_docx(model, path)
    assert len(docx.Document(str(path)).tables) == 4


def test_short_rows_are_padded_and_long_rows_refused(model):
    model.body = [Block(BlockKind.TABLE, table=Table(header=["TT", "Nội dung", "Số"], rows=[["1"]]))]
    table = build_document(model).tables[1]
    assert [c.text for c in table.rows[1].cells] == ["1", "", ""]
    model.body = [Block(BlockKind.TABLE, table=Table(header=["TT"], rows=[["1", "2"]]))]
    with pytest.raises(ValueError, match="row 0 has 2 cells"):
        build_document(model)


# The end.

def test_signature_block_is_a_borderless_table_that_does_not_split(document):
    table = document.tables[-1]
    assert _borders(table) == {"nil"}
    assert len(table.rows) == 1
    assert table._tbl.tr_lst[0].trPr.find(qn("w:cantSplit")) is not None
    assert sum(_grid(table)) == TEXT_WIDTH_TWIPS


def test_signature_position_is_not_bold_and_name_is_bold(document, model):
    right = document.tables[-1].rows[0].cells[1]
    layout = load_layout()
    texts = _texts(right)
    assert texts == ["T/M ĐẢNG ỦY", "BÍ THƯ", *[""] * layout.signature.blank_lines, "Nguyễn Văn A"]
    authority, position, *space, name = right.paragraphs
    assert _effective(authority, "bold") is True
    assert _effective(position, "bold") is False
    assert _effective(name, "bold") is True
    assert all(p.style.name == "TK Sign Space" for p in space)
    assert space[0].style.paragraph_format.line_spacing == Pt(18)


def test_recipients_label_is_underlined_and_items_are_12_pt(document, model):
    left = document.tables[-1].rows[0].cells[0]
    label, *items = left.paragraphs
    assert label.text == "Nơi nhận:"
    assert _effective(label, "underline") in (True, WD_UNDERLINE.SINGLE)
    assert label.style.font.size == Pt(14)
    assert [p.text for p in items] == model.recipients
    assert all(p.style.font.size == Pt(12) for p in items)


def test_closing_is_the_last_paragraph_before_the_signature(document, model):
    previous = document.tables[-1]._tbl.getprevious()
    assert previous.xpath("string(.)") == model.body[-1].text
    assert previous.pPr.pStyle.val == "TKClosing"


def test_end_mark_is_off_by_default(document):
    assert not any(p.text.endswith("./.") for p in document.paragraphs)


def test_end_mark_closes_the_last_sentence(model):
    model.end_mark = True
    closing = build_document(model).tables[-1]._tbl.getprevious().xpath("string(.)")
    assert closing == model.body[-1].text.removesuffix(".") + "./."


def test_end_mark_after_a_final_table_gets_its_own_paragraph(model):
    model.end_mark = True
    model.body = [Block(BlockKind.TABLE, table=RATINGS_TABLE)]
    document = build_document(model)
    assert document.tables[-1]._tbl.getprevious().xpath("string(.)") == "./."


# Page set-up.

def test_page_is_a4_with_party_margins_and_header_distance(document):
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert [round(m.mm) for m in margins] == [20, 20, 30, 15]
    assert round(section.header_distance.mm) == 10


def test_page_number_field_sits_in_the_header_of_pages_after_the_first(document):
    section = document.sections[0]
    assert section.different_first_page_header_footer is True
    header = section.header
    assert not header.is_linked_to_previous
    paragraph = header.paragraphs[0]
    assert paragraph.style.name == "TK Page Number"
    assert paragraph.style.paragraph_format.alignment == WD_PARAGRAPH_ALIGNMENT.CENTER
    assert paragraph.style.font.size == Pt(14)
    instructions = [t.text for t in paragraph._p.iter(qn("w:instrText"))]
    assert instructions == [" PAGE "]
    kinds = [c.get(qn("w:fldCharType")) for c in paragraph._p.iter(qn("w:fldChar"))]
    assert kinds == ["begin", "separate", "end"]


def test_first_page_header_is_empty(document):
    first = document.sections[0].first_page_header
    assert not first.is_linked_to_previous
    assert [p.text for p in first.paragraphs] == [""]
    assert not list(first._element.iter(qn("w:fldChar")))


def test_footer_is_empty(docx_path):
    with zipfile.ZipFile(docx_path) as package:
        assert not [name for name in package.namelist() if "footer" in name]


# Fonts and language.

def test_no_theme_fonts_anywhere_in_the_output(docx_path):
    with zipfile.ZipFile(docx_path) as package:
        for name in package.namelist():
            if name.endswith(".xml") and "theme" not in name:
                assert not THEME_ATTRIBUTE.search(package.read(name)), name


def test_defaults_name_times_new_roman_in_four_slots_and_vietnamese(document):
    rPr = document.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    fonts = rPr.find(qn("w:rFonts"))
    slots = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")
    assert [fonts.get(qn(s)) for s in slots] == ["Times New Roman"] * 4
    lang = rPr.find(qn("w:lang"))
    assert (lang.get(qn("w:val")), lang.get(qn("w:eastAsia"))) == ("vi-VN", "vi-VN")


def test_control_characters_in_the_model_are_dropped(tmp_path, model):
    model.body = [Block(BlockKind.PARAGRAPH, "Đảng\x00 bộ\x0b vững\ufffe mạnh")]
    path = tmp_path / "pasted.docx"
    write_docx(model, path)
    assert "Đảng bộ vững mạnh" in [p.text for p in docx.Document(str(path)).paragraphs]


def test_text_is_stored_in_nfc(model):
    model.title = "to\u0302\u0309ng ke\u0302\u0301t"
    document = build_document(model)
    assert document.paragraphs[1].text == "tổng kết"


def test_missing_style_in_reference_is_reported(tmp_path, model):
    bare = tmp_path / "bare.docx"
    docx.Document().save(str(bare))
    with pytest.raises(LookupError, match="TK Body"):
        build_document(model, reference=bare)


# Writing.

def test_write_leaves_only_the_target_file(tmp_path, model):
    path = tmp_path / "out" / "bao-cao.docx"
    path.parent.mkdir()
    write_docx(model, path)
    assert [p.name for p in path.parent.iterdir()] == ["bao-cao.docx"]
    assert zipfile.is_zipfile(path)


def test_failed_save_leaves_the_old_file_untouched(tmp_path, model, monkeypatch):
    path = tmp_path / "bao-cao.docx"
    path.write_bytes(b"old report")

    def broken_save(self, stream):
        stream.write(b"PK half a zip")
        raise RuntimeError("disk went away")

    monkeypatch.setattr(docx.document.Document, "save", broken_save)
    with pytest.raises(RuntimeError, match="disk went away"):
        write_docx(model, path)
    assert path.read_bytes() == b"old report"
    assert [p.name for p in tmp_path.iterdir() if p.name != "userdata"] == ["bao-cao.docx"]


def test_document_numbers_hold_non_breaking_hyphens_and_read_back_whole(tmp_path):
    model = sample_model()
    model.body.append(Block(BlockKind.PARAGRAPH, "Thực hiện Quy định số 30-QĐ/TW và Hướng dẫn 45-HD/ĐU."))
    path = tmp_path / "so.docx"
    write_docx(model, path)
    with zipfile.ZipFile(path) as package:
        xml = package.read("word/document.xml").decode()
    assert xml.count("<w:noBreakHyphen/>") >= 3  # the two above and "Số 25-BC/ĐU"
    assert "30-QĐ" not in xml and "45-HD" not in xml
    text = next(p.text for p in docx.Document(str(path)).paragraphs if "Quy định số" in p.text)
    # python-docx reads a w:noBreakHyphen as "-", as Word copies it.
    assert "Quy định số 30-QĐ/TW và Hướng dẫn 45-HD/ĐU" in text


def _keeps(table) -> list[bool]:
    return [all(p._p.pPr.find(qn("w:keepNext")) is not None for cell in row.cells for p in cell.paragraphs)
            for row in table.rows]


def test_a_short_table_keeps_each_row_with_the_next_but_the_last(tmp_path):
    model = sample_model()
    model.body = [Block(BlockKind.TABLE, table=Table(header=["TT", "A"], rows=[[str(i), "x"] for i in range(8)]))]
    path = tmp_path / "ngan.docx"
    write_docx(model, path)
    assert _keeps(docx.Document(str(path)).tables[1]) == [True] * 8 + [False]


def test_a_table_of_more_than_eight_rows_may_split_between_rows(tmp_path):
    model = sample_model()
    model.body = [Block(BlockKind.TABLE, table=Table(header=["TT", "A"], rows=[[str(i), "x"] for i in range(9)]))]
    path = tmp_path / "dai.docx"
    write_docx(model, path)
    assert _keeps(docx.Document(str(path)).tables[1]) == [False] * 10
