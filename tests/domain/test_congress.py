"""The reports to a congress in the domain: their period, title forms, outline and the term's targets by year."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.domain.demo import demo_congress_yearly_reports, demo_report
from app.domain.organisation import Organisation, OrgKind
from app.domain.outline import builtin_keys, default_outline, filled_title
from app.domain.period import Period, PeriodKind
from app.domain.report import Report, ReportKind, congress_name, default_title, period_kind_of
from app.domain.targets import Target, same_target_key, term_table, years_of_term

CONGRESS_KINDS = (ReportKind.CONGRESS_POLITICAL, ReportKind.COMMITTEE_SELF_REVIEW)
TERM = Period(PeriodKind.WHOLE_TERM, 2025, "2020 - 2025")


def chi_bo(name: str = "Chi bộ Thôn Đông") -> Organisation:
    return Organisation(name=name, upper_body="ĐẢNG BỘ XÃ A", issuer_name=name.upper(), kind=OrgKind.CHI_BO_CO_SO,
                        issuer_code="CB")


@pytest.mark.parametrize("kind", CONGRESS_KINDS)
def test_a_report_to_the_congress_covers_the_whole_term_and_plans_the_next(kind):
    report = Report(organisation=chi_bo(), year=2025, kind=kind, term="2020 - 2025")
    assert period_kind_of(kind) is PeriodKind.WHOLE_TERM
    assert report.period == TERM
    assert (report.period.start.isoformat(), report.period.end.isoformat()) == ("2020-01-01", "2025-12-31")
    assert report.period.next_phrase == "nhiệm kỳ 2025 - 2030"
    assert report.period.span == "nhiệm kỳ 2020 - 2025"


def test_the_title_forms_of_the_two_reports():
    political = Report(organisation=chi_bo(), year=2025, kind=ReportKind.CONGRESS_POLITICAL, term="2020 - 2025")
    review = Report(organisation=chi_bo(), year=2025, kind=ReportKind.COMMITTEE_SELF_REVIEW, term="2020 - 2025")
    assert political.doc_type_name == "BÁO CÁO CHÍNH TRỊ"
    assert review.doc_type_name == "BÁO CÁO KIỂM ĐIỂM"
    for report in (political, review):
        assert report.effective_title == "của Ban Chấp hành Chi bộ Thôn Đông, nhiệm kỳ 2020 - 2025"
        assert report.congress_line == "trình Đại hội Chi bộ Thôn Đông, nhiệm kỳ 2025 - 2030"
        assert report.names_its_author


def test_the_other_kinds_keep_their_document_type_and_have_no_congress_line():
    for kind in (ReportKind.YEAR_END, ReportKind.SIX_MONTH, ReportKind.MID_TERM):
        report = Report(organisation=chi_bo(), year=2025, kind=kind, term="2020 - 2025")
        assert (report.doc_type_name, report.congress_line) == ("BÁO CÁO", "")
        assert not report.names_its_author


def test_a_title_she_typed_naming_its_author_is_recognised():
    report = Report(organisation=chi_bo(), year=2025, title="kết quả lãnh đạo của Chi ủy Chi bộ Thôn Đông")
    assert report.names_its_author
    report.title = "kết quả học tập các nghị quyết của Đảng"
    assert not report.names_its_author


def test_the_congress_of_a_dang_bo_meets_by_delegates_and_one_without_a_term_is_named_without_it():
    dang_bo = Organisation(name="Đảng bộ xã A", upper_body="ĐẢNG BỘ HUYỆN B", issuer_name="ĐẢNG ỦY XÃ A")
    assert congress_name(dang_bo, "2025 - 2030") == "Đại hội đại biểu Đảng bộ xã A, nhiệm kỳ 2025 - 2030"
    assert congress_name(chi_bo("Tổ đảng"), "") == "Đại hội Chi bộ"
    assert default_title(ReportKind.CONGRESS_POLITICAL, Period(PeriodKind.WHOLE_TERM, 2025), "Trường X") == \
        "của Ban Chấp hành Đảng bộ"


@pytest.mark.parametrize("org_kind", list(OrgKind))
def test_the_political_reports_outline_has_the_terms_targets_lessons_and_next_term(org_kind):
    one, two = default_outline(ReportKind.CONGRESS_POLITICAL, org_kind)
    keys = [s.key for s in one.walk()]
    assert keys.index("ket_qua_chi_tieu") < keys.index("danh_gia") < keys.index("bai_hoc")
    assert [s.key for s in two.children] == ["phuong_huong", "chi_tieu", "nhiem_vu_giai_phap"]
    assert filled_title(one.title, TERM) == "KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI NHIỆM KỲ 2020 - 2025"
    assert filled_title(two.title, TERM) == "PHƯƠNG HƯỚNG, MỤC TIÊU, NHIỆM VỤ NHIỆM KỲ 2025 - 2030"
    assert "NĂM" not in " ".join(filled_title(s.title, TERM) for part in (one, two) for s in part.walk())


def test_the_self_reviews_outline_examines_strengths_weaknesses_causes_and_lessons():
    one, two = default_outline(ReportKind.COMMITTEE_SELF_REVIEW, OrgKind.CHI_BO_CO_SO)
    assert [s.key for s in one.children] == ["nhiem_vu_chinh_tri", "xay_dung_dang", "doan_the", "ket_qua_chi_tieu",
                                             "danh_gia", "nguyen_nhan", "bai_hoc"]
    assert [s.key for s in one.children[4].children] == ["uu_diem", "han_che"]
    assert [s.key for s in two.children] == ["nhiem_vu_giai_phap"]
    assert "ket_qua_chi_tieu" in builtin_keys()


def test_labels_naming_the_span_name_the_same_target():
    assert same_target_key("Kết nạp đảng viên mới trong nhiệm kỳ") == same_target_key("kết nạp  đảng viên mới")
    assert same_target_key("chi bộ hoàn thành tốt nhiệm vụ trở lên hằng năm") == \
        same_target_key("Chi bộ hoàn thành tốt nhiệm vụ trở lên")
    assert same_target_key("kết nạp đảng viên mới") != same_target_key("kết nạp đảng viên")


def _year(year: int, *targets: Target) -> tuple[Period, list[Target]]:
    return Period(PeriodKind.CALENDAR_YEAR, year, "2020 - 2025"), list(targets)


def test_the_term_table_sets_each_years_figure_beside_the_term_target_and_sums_counts():
    admitted = Target("kết nạp đảng viên mới trong nhiệm kỳ", Decimal(5), result=Decimal(6))
    rate = Target("đảng viên hoàn thành tốt nhiệm vụ hằng năm", Decimal(90), is_percent=True, result=Decimal(93))
    yearly = dict(_year(y, Target("Kết nạp đảng viên mới", Decimal(1), result=Decimal(n)),
                        Target("đảng viên hoàn thành tốt nhiệm vụ", Decimal(90), is_percent=True,
                               result=Decimal(91 + i)))
                  for i, (y, n) in enumerate(((2021, 1), (2020, 2), (2022, 3))))
    table = term_table([admitted, rate], yearly)
    assert [p.year for p in table.periods] == [2020, 2021, 2022]
    first, second = table.rows
    assert first.yearly == (Decimal(2), Decimal(1), Decimal(3)) and first.years_total == Decimal(6)
    assert not first.disagrees
    assert second.yearly == (Decimal(92), Decimal(91), Decimal(93)) and second.years_total is None


def test_a_year_without_a_figure_gives_no_sum_and_no_disagreement():
    admitted = Target("kết nạp đảng viên mới", Decimal(5), result=Decimal(9))
    yearly = dict([_year(2020, Target("kết nạp đảng viên mới", Decimal(1), result=Decimal(2))),
                   _year(2021, Target("kết nạp đảng viên mới", Decimal(1))),
                   _year(2022, Target("quần chúng ưu tú", Decimal(1), result=Decimal(2)))])
    [row] = term_table([admitted], yearly).rows
    assert row.yearly == (Decimal(2), None, None)
    assert row.years_total is None and not row.disagrees
    assert not term_table([admitted], {}).has_yearly_figures


def test_a_count_and_a_rate_of_the_same_words_are_not_the_same_target():
    count = Target("đảng viên được học tập", Decimal(20), result=Decimal(20))
    yearly = dict([_year(2020, Target("đảng viên được học tập", Decimal(100), is_percent=True, result=Decimal(100)))])
    assert term_table([count], yearly).rows[0].yearly == (None,)


def test_only_the_years_inside_the_term_belong_to_it():
    inside = [(r.period, r.targets) for r in demo_congress_yearly_reports()]
    before = (Period(PeriodKind.CALENDAR_YEAR, 2019), [])
    school = (Period(PeriodKind.SCHOOL_YEAR, 2024), [])  # September 2024 to August 2025: inside
    school_after = (Period(PeriodKind.SCHOOL_YEAR, 2025), [])  # ends in 2026: after the term
    mid_term = (Period(PeriodKind.TERM_SO_FAR, 2022, "2020 - 2025"), [])
    found = years_of_term(TERM, [before, *inside, school, school_after, mid_term])
    assert sorted((p.kind.value, p.year) for p in found) == [
        *(("calendar_year", y) for y in range(2020, 2025)), ("school_year", 2024)]


def test_the_congress_demo_is_a_chi_bo_at_the_end_of_its_term_with_five_yearly_reports():
    report = demo_report("congress")
    assert report.organisation.kind.is_chi_bo and report.kind is ReportKind.CONGRESS_POLITICAL
    assert report.term == "2020 - 2025" and report.year == 2025
    assert sorted(p.year for p in report.yearly_targets) == [2020, 2021, 2022, 2023, 2024]
    assert all(not row.disagrees for row in term_table(report.targets, report.yearly_targets).rows)
