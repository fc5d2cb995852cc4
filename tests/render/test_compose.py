"""Composition: the wording generated from the demo's figures, numbering, and template failures."""

from datetime import date

import pytest

from app.domain.errors import UserError
from app.domain.report import Entry, EntryKind
from app.render.compose import compose, parse_blocks
from app.render.model import BlockKind


def texts(model, kind=None):
    return [b.text for b in model.body if kind is None or b.kind is kind]


def test_header_fields_follow_the_party_conventions(demo):
    model = compose(demo)
    assert model.party_title == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert model.upper_body == "ĐẢNG BỘ ỦY BAN NHÂN DÂN TỈNH"
    assert model.number_line == "Số 25-BC/ĐU"
    assert model.place_date == "Thái Nguyên, ngày 15 tháng 12 năm 2026"
    assert model.title == "tổng kết công tác xây dựng Đảng năm 2026, phương hướng, nhiệm vụ năm 2027"
    assert (model.authority, model.position, model.signer_name) == ("T/M ĐẢNG ỦY", "BÍ THƯ", "Nguyễn Văn A")
    assert model.recipients[-1] == "- Lưu Văn phòng Đảng ủy."


def test_a_draft_leaves_number_and_date_blank(demo):
    demo.number, demo.issued_on = None, None
    model = compose(demo)
    assert model.number_line == "Số      -BC/ĐU"
    assert model.place_date.startswith("Thái Nguyên, ngày ")
    assert "2026" not in model.place_date


def test_sentences_generated_from_the_figures(demo):
    body = " ".join(texts(compose(demo)))
    for sentence in (
        "Đảng bộ có 13 chi bộ trực thuộc với 98 đảng viên (92 đảng viên chính thức, 06 đảng viên dự bị); "
        "đảng viên nữ chiếm 41,8%.",
        "96/98 đảng viên tham gia, đạt 98,0%.",
        "Đảng bộ kết nạp 04 đảng viên mới, đạt 200% chỉ tiêu; công nhận đảng viên chính thức cho 03 đồng chí; "
        "tiếp nhận 02 và chuyển đi 01 đảng viên; 01 đồng chí từ trần. Tổng số đảng viên cuối năm là 98 đồng chí.",
        "02 chi bộ hoàn thành xuất sắc nhiệm vụ (15,4%), 11 chi bộ hoàn thành tốt nhiệm vụ (84,6%)",
        "13 đồng chí hoàn thành xuất sắc nhiệm vụ (13,3%), 84 đồng chí hoàn thành tốt nhiệm vụ (85,7%), "
        "01 đồng chí hoàn thành nhiệm vụ (1,0%).",
        "Đảng ủy kiểm tra 03 tổ chức đảng và 05 đảng viên, giám sát chuyên đề 02 tổ chức đảng và 04 đảng viên",
        "kiểm tra việc thu, nộp đảng phí tại 13/13 chi bộ",
        "Thi hành kỷ luật 01 đảng viên bằng hình thức khiển trách.",
        "Các chi bộ duy trì sinh hoạt định kỳ đủ 12/12 kỳ; tổ chức 04 buổi sinh hoạt chuyên đề.",
        "chỉ tiêu kết nạp đảng viên mới đạt 200% (vượt 100%)",
    ):
        assert sentence in body


def test_no_number_is_written_in_english_style(demo):
    body = " ".join(texts(compose(demo)))
    import re

    assert not re.search(r"\d\.\d%", body)
    assert not re.search(r"\d % ", body)
    assert "vượt 200%" not in body


def test_headings_are_numbered_among_enabled_siblings(demo):
    demo.section("nhiem_vu_chinh_tri").enabled = False
    demo.section("chinh_tri").enabled = False
    model = compose(demo)
    h1 = texts(model, BlockKind.HEADING1)
    h2 = texts(model, BlockKind.HEADING2)
    assert h1[:2] == ["I- ĐẶC ĐIỂM TÌNH HÌNH", "II- CÔNG TÁC XÂY DỰNG ĐẢNG"]
    assert h2[0] == "1- Công tác tư tưởng"
    assert texts(model, BlockKind.HEADING3)[:1] == ["a) Nguyên nhân khách quan"]
    assert texts(model, BlockKind.PART_LABEL) == ["Phần thứ nhất", "Phần thứ hai"]


def test_the_dot_heading_style(demo):
    demo.settings.heading_style = "dot"
    h1 = texts(compose(demo), BlockKind.HEADING1)
    assert h1[0] == "I. ĐẶC ĐIỂM TÌNH HÌNH"


def test_reordered_sections_print_in_the_new_order(demo):
    part = demo.sections[0]
    part.children.insert(0, part.children.pop(1))
    assert texts(compose(demo), BlockKind.HEADING1)[0] == "I- LÃNH ĐẠO THỰC HIỆN NHIỆM VỤ CHÍNH TRỊ"


def test_padding_counts_can_be_switched_off(demo):
    demo.settings.pad_counts = False
    assert "Đảng bộ kết nạp 4 đảng viên mới" in " ".join(texts(compose(demo)))


def test_an_entry_typed_over_several_lines_prints_as_several_blocks(demo):
    demo.section("de_xuat").entries = [Entry("Thứ nhất.\n\nThứ hai.", EntryKind.BULLET)]
    body = texts(compose(demo), BlockKind.BULLET)
    assert "Thứ nhất." in body and "Thứ hai." in body


def test_the_closing_paragraph_is_last(demo):
    model = compose(demo)
    assert model.body[-1].kind is BlockKind.CLOSING
    assert model.body[-1].text.startswith("Trên đây là báo cáo tổng kết công tác xây dựng Đảng năm 2026")


def test_tables_are_placed_where_the_template_puts_them(demo):
    tables = [b.table for b in compose(demo).body if b.kind is BlockKind.TABLE]
    assert [t.title for t in tables] == ["Biến động đảng viên", "Kết quả đánh giá, xếp loại chất lượng",
                                         "Kết quả thực hiện các chỉ tiêu"]
    ratings = tables[1]
    assert ratings.rows[0][2:] == ["02", "15,4%", "13", "13,3%"]  # the demo pads counts, as its sentences do


def _table(report, title):
    return next(b.table for b in compose(report).body if b.kind is BlockKind.TABLE and b.table.title == title)


def test_table_counts_follow_the_padding_setting_of_the_sentences(demo):
    import dataclasses

    membership = _table(demo, "Biến động đảng viên")
    probationary = next(row for row in membership.rows if row[1] == "Đảng viên dự bị")
    assert probationary[2] == f"{demo.stats.membership.closing_probationary:02d}"
    demo.settings = dataclasses.replace(demo.settings, pad_counts=False)
    membership = _table(demo, "Biến động đảng viên")
    probationary = next(row for row in membership.rows if row[1] == "Đảng viên dự bị")
    assert probationary[2] == str(demo.stats.membership.closing_probationary)


def test_ratings_table_leaves_out_the_members_columns_when_no_member_was_rated(demo):
    from app.domain.ratings import RatingCounts

    demo.stats.ratings = dataclasses_replace(demo.stats.ratings, members=RatingCounts())
    ratings = _table(demo, "Kết quả đánh giá, xếp loại chất lượng")
    assert ratings.header == ["TT", "Mức xếp loại", "Tổ chức đảng", "Tỷ lệ"]
    assert all(len(row) == 4 for row in ratings.rows)


def test_ratings_table_leaves_out_the_organisations_columns_when_none_was_rated(demo):
    from app.domain.ratings import RatingCounts

    demo.stats.ratings = dataclasses_replace(demo.stats.ratings, organisations=RatingCounts())
    ratings = _table(demo, "Kết quả đánh giá, xếp loại chất lượng")
    assert ratings.header == ["TT", "Mức xếp loại", "Đảng viên", "Tỷ lệ"]
    assert ratings.rows[-1][2:] == ["98", "100%"]


def dataclasses_replace(obj, **changes):
    import dataclasses

    return dataclasses.replace(obj, **changes)


def test_without_figures_no_statistic_sentence_is_printed(demo):
    from app.domain.report import Statistics

    demo.stats = Statistics()
    demo.targets = []
    body = " ".join(texts(compose(demo)))
    assert "đảng viên nữ" not in body
    assert "xếp loại chất lượng năm" not in body


def test_a_chi_bo_report_names_the_chi_bo(demo):
    from app.domain.organisation import OrgKind

    demo.organisation.kind = OrgKind.CHI_BO_CO_SO
    body = " ".join(texts(compose(demo)))
    assert "Chi bộ có 98 đảng viên" in body


def test_unknown_tags_and_tables_are_template_bugs():
    with pytest.raises(ValueError):
        parse_blocks("@nope text", {})
    with pytest.raises(ValueError):
        parse_blocks("@table missing", {})


def test_untagged_lines_continue_the_previous_block():
    [block] = parse_blocks("@p Một\nhai", {})
    assert block.text == "Một hai"


def test_a_broken_template_is_a_user_error_naming_the_line(demo, tmp_path, monkeypatch):
    (tmp_path / "report.j2").write_text("@p ok\n{% if %}\n", encoding="utf-8")
    demo.organisation.templates_dir = str(tmp_path)
    with pytest.raises(UserError, match="dòng 2"):
        compose(demo)


def test_the_date_of_a_six_month_report(demo):
    from app.domain.report import ReportKind

    demo.kind = ReportKind.SIX_MONTH
    demo.issued_on = date(2026, 6, 5)
    model = compose(demo)
    assert model.place_date.endswith("ngày 05 tháng 6 năm 2026")
    assert model.title.startswith("sơ kết công tác xây dựng Đảng 6 tháng đầu năm 2026")


def test_ratings_appendix_has_no_row_for_a_subject_rated_none_of_and_pads_its_counts(demo):
    import dataclasses

    from app.domain.ratings import RatingCounts

    demo.settings = dataclasses.replace(demo.settings, annexes=True)
    demo.stats.ratings = dataclasses.replace(demo.stats.ratings, members=RatingCounts())
    annex = next(a for a in compose(demo).annexes if a.title.startswith("Kết quả đánh giá"))
    assert [row[1] for row in annex.table.rows] == ["Tổ chức đảng"]
    assert annex.table.rows[0][4] == "02"  # 2 organisations rated excellent, padded as the sentences pad
