"""Sections of her own print numbered like the built-in ones, in the preview's outline and in the reopened .docx."""

import docx

from app.domain.outline import add_section, add_subsection, rename_section
from app.domain.report import Entry, EntryKind
from app.render.drafting import drafted
from app.services.export import export_docx, outline_headings


def with_own_sections(report):
    own = add_section(report, report.section("dac_diem"), "Công tác chuyển đổi số")
    own.entries.append(Entry("Chi bộ triển khai sổ tay đảng viên điện tử."))
    sub = add_subsection(report, own, "Ứng dụng sổ tay đảng viên")
    sub.entries.append(Entry("100% đảng viên cài đặt ứng dụng.", EntryKind.BULLET))
    letter = add_subsection(report, sub, "Ở các chi bộ trực thuộc")
    letter.entries.append(Entry("Các chi bộ hướng dẫn đảng viên cài đặt."))
    return own, sub, letter


def test_her_sections_are_numbered_among_the_built_in_ones(demo):
    own, sub, letter = with_own_sections(demo)
    headings = outline_headings(demo)

    assert headings["dac_diem"] == "I- ĐẶC ĐIỂM TÌNH HÌNH"
    assert headings[own.key] == "II- CÔNG TÁC CHUYỂN ĐỔI SỐ"
    assert headings[sub.key] == "1- Ứng dụng sổ tay đảng viên"
    assert headings[letter.key] == "a) Ở các chi bộ trực thuộc"
    assert headings["nhiem_vu_chinh_tri"] == "III- LÃNH ĐẠO THỰC HIỆN NHIỆM VỤ CHÍNH TRỊ"


def test_an_empty_section_of_hers_prints_only_with_the_keep_empty_setting(demo):
    own = add_section(demo, demo.section("dac_diem"), "Mục chưa viết")

    assert own.key not in outline_headings(demo)
    assert outline_headings(demo)["nhiem_vu_chinh_tri"].startswith("II- ")
    demo.settings.keep_empty_sections = True
    assert outline_headings(demo)[own.key] == "II- MỤC CHƯA VIẾT"


def test_her_section_holds_only_her_text_and_a_renamed_built_in_one_keeps_its_sentences(demo):
    own = add_section(demo, demo.section("kiem_tra"), "Công tác bảo vệ chính trị nội bộ")
    own.entries.append(Entry("Rà soát lịch sử chính trị của quần chúng."))
    before, _ = drafted(demo)
    generated = [e.source for e in before.section("kiem_tra").entries if e.source]
    assert generated
    rename_section(demo.section("kiem_tra"), "Kiểm tra, giám sát và kỷ luật đảng")

    after, _ = drafted(demo)

    assert [e.source for e in after.section("kiem_tra").entries if e.source] == generated
    assert [(e.text, e.source) for e in after.section(own.key).entries] == [
        ("Rà soát lịch sử chính trị của quần chúng.", "")]


def test_the_docx_prints_her_headings_numbered_with_their_text(demo, tmp_path):
    with_own_sections(demo)
    rename_section(demo.section("kiem_tra"), "Kiểm tra, giám sát và kỷ luật đảng")
    path = tmp_path / "bao-cao.docx"
    export_docx(demo, path)

    texts = [p.text for p in docx.Document(str(path)).paragraphs]

    start = texts.index("II- CÔNG TÁC CHUYỂN ĐỔI SỐ")
    assert texts[start + 1:start + 6] == [
        "Chi bộ triển khai sổ tay đảng viên điện tử.",
        "1- Ứng dụng sổ tay đảng viên",
        "- 100% đảng viên cài đặt ứng dụng.",
        "a) Ở các chi bộ trực thuộc",
        "Các chi bộ hướng dẫn đảng viên cài đặt.",
    ]
    assert texts[start + 6] == "III- LÃNH ĐẠO THỰC HIỆN NHIỆM VỤ CHÍNH TRỊ"
    assert "5- Kiểm tra, giám sát và kỷ luật đảng" in texts
