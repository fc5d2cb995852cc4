"""The report variants of report-content.md §1, §3 and the wording of each year (§0, §4.2), as composed."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.demo import DemoKind, demo_report
from app.domain.outline import default_outline
from app.domain.ratings import RatingCounts
from app.domain.report import ReportKind
from app.render.compose import compose
from app.render.model import BlockKind


def body(model) -> str:
    return " ".join(b.text for b in model.body)


def headings(model, kind=BlockKind.HEADING1) -> list[str]:
    return [b.text for b in model.body if b.kind is kind]


def tables(model) -> dict:
    return {b.table.title: b.table for b in model.body if b.kind is BlockKind.TABLE}


# Six-month report.

def test_six_month_report_has_its_title_parts_and_no_classification():
    model = compose(demo_report(DemoKind.SIX_MONTH))
    assert model.title == ("sơ kết công tác xây dựng Đảng 6 tháng đầu năm 2026, nhiệm vụ trọng tâm 6 tháng cuối "
                           "năm 2026")
    assert headings(model, BlockKind.PART_TITLE) == ["KẾT QUẢ THỰC HIỆN NHIỆM VỤ 6 THÁNG ĐẦU NĂM 2026",
                                                      "NHIỆM VỤ TRỌNG TÂM 6 THÁNG CUỐI NĂM 2026"]
    text = body(model)
    assert "Kết quả đánh giá, xếp loại chất lượng năm" not in text
    assert "Kết quả đánh giá, xếp loại chất lượng" not in tables(model)


def test_six_month_report_measures_against_the_whole_years_targets():
    text = body(compose(demo_report(DemoKind.SIX_MONTH)))
    assert "Đảng bộ kết nạp 02 đảng viên mới, đạt 50% chỉ tiêu cả năm" in text
    assert "Trong 6 tháng đầu năm 2026, Đảng bộ đã đạt 1/3 chỉ tiêu cả năm" in text
    assert "Trong 6 tháng đầu năm, không có đảng viên bị thi hành kỷ luật." in text
    assert "Tổng số đảng viên cuối kỳ là 97 đồng chí" in text


def test_six_month_ratings_typed_in_are_not_printed(demo):
    demo.kind = ReportKind.SIX_MONTH
    assert "xếp loại chất lượng năm" not in body(compose(demo))


# Mid-term report.

def test_mid_term_title_names_the_congress_and_the_term():
    model = compose(demo_report(DemoKind.MID_TERM))
    assert model.title == ("sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội Đảng bộ Trường Cao đẳng Kỹ thuật "
                           "Công nghiệp, nhiệm kỳ 2025 - 2030")
    assert headings(model, BlockKind.PART_TITLE) == ["KẾT QUẢ NỬA ĐẦU NHIỆM KỲ 2025 - 2030",
                                                      "NHIỆM VỤ, GIẢI PHÁP NỬA NHIỆM KỲ CÒN LẠI"]


def test_mid_term_report_compares_with_the_congress_resolutions_targets():
    model = compose(demo_report(DemoKind.MID_TERM))
    text = body(model)
    assert ("Trong nửa đầu nhiệm kỳ 2025 - 2030, 2/5 chỉ tiêu Nghị quyết Đại hội đạt và vượt; 03 chỉ tiêu chưa đạt, "
            "cần tập trung "
            "thực hiện trong nửa nhiệm kỳ còn lại (chi tiết tại Phụ lục 3).") in text
    [targets] = [a for a in model.annexes if "chỉ tiêu" in a.title]
    assert targets.title == "Kết quả thực hiện các chỉ tiêu Nghị quyết Đại hội từ đầu nhiệm kỳ 2025 - 2030 đến nay"
    assert targets.table.rows[0][1:] == ["Kết nạp đảng viên mới trong nhiệm kỳ", "đảng viên", "15", "9", "60%",
                                         "Chưa đạt"]


def test_mid_term_membership_runs_from_the_start_of_the_term():
    model = compose(demo_report(DemoKind.MID_TERM))
    membership = model.annexes[0]
    assert membership.title == "Biến động đảng viên từ đầu nhiệm kỳ 2025 - 2030 đến nay"
    assert membership.table.header[2] == "Đầu nhiệm kỳ"
    assert membership.table.rows[0][2] == "90"


# Chi bộ report.

def test_chi_bo_report_has_its_code_signature_and_filed_copy():
    model = compose(demo_report(DemoKind.CHI_BO))
    assert model.number_line == "Số 05-BC/CB"
    assert (model.authority, model.position) == ("T/M CHI BỘ", "BÍ THƯ")
    assert model.recipients[-1] == "- Lưu Chi bộ."
    assert model.upper_body.startswith("ĐẢNG BỘ ")


def test_chi_bo_statistics_count_its_own_members_and_rate_only_them():
    report = demo_report(DemoKind.CHI_BO)
    # Even when filled in, a chi bộ does not rate chi bộ: its cấp ủy does.
    report.stats.ratings.organisations = RatingCounts(total=1, good=1)
    model = compose(report)
    text = body(model)
    assert "Chi bộ có 15 đảng viên" in text
    assert "chi bộ trực thuộc với" not in text
    assert "về tổ chức đảng" not in text
    assert "về đảng viên, 02 đồng chí hoàn thành xuất sắc nhiệm vụ (14,3%)" in text
    assert tables(model)["Kết quả đánh giá, xếp loại chất lượng"].header == ["TT", "Mức xếp loại", "Đảng viên", "Tỷ lệ"]


def test_chi_bo_rates_itself_in_one_line_and_has_no_inspection_committee():
    text = body(compose(demo_report(DemoKind.CHI_BO)))
    assert ("Chi bộ tự đánh giá, xếp loại mức “Hoàn thành tốt nhiệm vụ”, đề nghị cấp ủy cấp trên xem xét, "
            "quyết định.") in text
    assert "Ủy ban Kiểm tra" not in text
    assert "Chi bộ kiểm tra 02 đảng viên, giám sát chuyên đề 01 đảng viên" in text


def test_a_self_rating_is_printed_only_by_a_chi_bo(demo):
    from app.domain.ratings import Level

    demo.stats.ratings.self_rating = Level.GOOD
    assert "tự đánh giá" not in body(compose(demo))


def test_the_chi_bo_outline_leads_the_mass_organisations_only():
    from app.domain.organisation import OrgKind

    titles = [s.title for s in default_outline(ReportKind.YEAR_END, OrgKind.CHI_BO_TRUC_THUOC)[0].children]
    assert "LÃNH ĐẠO CÁC ĐOÀN THỂ" in titles


# The wording of each year.

@pytest.mark.parametrize(("year", "issued", "rating_rule", "inspection_rule", "excellent"), [
    (2012, date(2012, 12, 10), "20-HD/BTCTW", "Chương VII và Chương VIII", "chi bộ trong sạch, vững mạnh"),
    (2016, date(2016, 12, 10), "27-HD/BTCTW", "30-QĐ/TW", "chi bộ trong sạch, vững mạnh"),
    (2019, date(2019, 12, 10), "132-QĐ/TW", "30-QĐ/TW", "chi bộ hoàn thành xuất sắc nhiệm vụ"),
    (2024, date(2024, 12, 10), "124-QĐ/TW", "22-QĐ/TW", "chi bộ hoàn thành xuất sắc nhiệm vụ"),
    (2025, date(2025, 12, 10), "366-QĐ/TW", "296-QĐ/TW", "chi bộ hoàn thành xuất sắc nhiệm vụ"),
])
def test_a_report_cites_the_rules_and_uses_the_level_names_of_its_own_year(demo, year, issued, rating_rule,
                                                                           inspection_rule, excellent):
    demo.year, demo.issued_on = year, issued
    text = body(compose(demo))
    assert f"Kết quả đánh giá, xếp loại chất lượng năm {year} theo " in text
    assert rating_rule in text
    assert inspection_rule in text
    assert f"02 {excellent} (15,4%)" in text


def test_a_2019_report_and_a_2025_report_word_their_ratings_differently(demo):
    demo.year, demo.issued_on = 2019, date(2019, 12, 10)
    older = body(compose(demo))
    demo.year, demo.issued_on = 2025, date(2025, 12, 10)
    newer = body(compose(demo))
    assert "Quy định số 132-QĐ/TW, ngày 08/3/2018 của Bộ Chính trị" in older
    assert "Quy định số 366-QĐ/TW, ngày 30/8/2025 của Bộ Chính trị" in newer
    assert "366-QĐ/TW" not in older and "132-QĐ/TW" not in newer


def test_a_six_month_report_of_2025_cites_the_rule_in_force_in_june():
    report = demo_report(DemoKind.SIX_MONTH)
    report.year, report.issued_on = 2025, date(2025, 6, 15)
    text = body(compose(report))
    # 296-QĐ/TW took effect on 30/5/2025, 366-QĐ/TW only on 30/8/2025.
    assert "296-QĐ/TW" in text


# The assessment (Đánh giá chung) words the targets by the report's own period.

def _assessment(report) -> str:
    model = compose(report)
    return next(b.text for b in model.body if b.section == "danh_gia" and "chỉ tiêu" in b.text)


def test_each_kind_words_its_targets_by_its_own_period():
    year_end = _assessment(demo_report(DemoKind.DANG_BO))
    six_month = _assessment(demo_report(DemoKind.SIX_MONTH))
    mid_term = _assessment(demo_report(DemoKind.MID_TERM))
    assert year_end.startswith("Đảng bộ hoàn thành 5/5 chỉ tiêu đề ra")
    assert six_month.startswith("Trong 6 tháng đầu năm 2026, Đảng bộ đã đạt 1/3 chỉ tiêu cả năm")
    assert six_month.endswith("02 chỉ tiêu đang tiếp tục thực hiện trong 6 tháng cuối năm 2026.")
    assert mid_term.startswith("Trong nửa đầu nhiệm kỳ 2025 - 2030, 2/5 chỉ tiêu Nghị quyết Đại hội đạt và vượt")
    assert "nửa nhiệm kỳ còn lại" in mid_term
    for text in (six_month, mid_term):
        assert "đề ra" not in text and "trong năm" not in text and "cả năm" not in text.replace("chỉ tiêu cả năm", "")


def test_a_congress_report_words_them_by_the_term_where_its_own_section_is_unticked():
    report = demo_report(DemoKind.CONGRESS)
    report.section("ket_qua_chi_tieu").enabled = False
    text = _assessment(report)
    assert text.startswith("Trong nhiệm kỳ 2020 - 2025, 3/4 chỉ tiêu Nghị quyết Đại hội đạt và vượt")
    assert text.endswith("; 01 chỉ tiêu không đạt.")  # the term is over: "không", not "chưa"


def test_a_congress_report_says_its_targets_once():
    model = compose(demo_report(DemoKind.CONGRESS))
    sentences = [b.text for b in model.body if "chỉ tiêu Nghị quyết Đại hội đạt" in b.text]
    assert len(sentences) == 1
    assert [b.section for b in model.body if b.text in sentences] == ["ket_qua_chi_tieu"]
