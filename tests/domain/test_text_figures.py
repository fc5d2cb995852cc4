"""Figures her own text states: the phrasings that tie a number to a statistic, and lint_report's checks on them.

Messages are read in English, the source language, so that the tests do not depend on the catalog.
"""

from __future__ import annotations

import time
from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app import i18n
from app.domain import text_figures as tf
from app.domain.demo import DemoKind, demo_report
from app.domain.findings import Finding, Fix, Severity, apply_fix
from app.domain.inspection import OrgMemberCount
from app.domain.lint import describe, lint_report
from app.domain.report import Entry, EntryKind, EntryState, Report, ReportKind

CODES = ("text.figure_mismatch", "text.percent_wrong", "text.ratio_wrong", "text.said_twice", "text.count_padding",
         "text.previous_period")


@pytest.fixture(autouse=True)
def english(vietnamese):
    i18n.set_language("en")


def claimed(text: str, year: int | None = 2026, **kwargs) -> dict[str, int]:
    return {c.field: c.value for c in tf.find_claims(text, year, **kwargs)}


# (her text, field, figure): each phrasing finds its figure.
MATCHES = [
    ("Đảng bộ kết nạp 04 đảng viên mới, đạt 200% chỉ tiêu.", "stats.membership.admitted", 4),
    ("Trong năm, Chi bộ đã kết nạp được 2 đảng viên.", "stats.membership.admitted", 2),
    ("Kết nạp mới 12 quần chúng ưu tú vào Đảng.", "stats.membership.admitted", 12),
    ("Chi bộ có 29 đảng viên.", "stats.membership.closing_total", 29),
    ("Đảng bộ Trường hiện có 98 đảng viên (92 đảng viên chính thức, 06 đảng viên dự bị).",
     "stats.membership.closing_total", 98),
    ("Đảng bộ có 13 chi bộ trực thuộc với 98 đảng viên.", "stats.membership.closing_total", 98),
    ("Tổng số đảng viên cuối năm là 98 đồng chí.", "stats.membership.closing_total", 98),
    ("Kết nạp 04 đảng viên, nâng tổng số đảng viên lên 98 đồng chí.", "stats.membership.closing_total", 98),
    ("Đảng bộ có 13 chi bộ trực thuộc với 98 đảng viên.", "stats.units", 13),
    ("Toàn Đảng bộ gồm 13 chi bộ trực thuộc.", "stats.units", 13),
    ("Chi bộ có 15 đảng viên (13 đảng viên chính thức, 02 đảng viên dự bị).", "stats.membership.closing_official", 13),
    ("Chi bộ có 15 đảng viên (13 đảng viên chính thức và 2 dự bị).", "stats.membership.closing_probationary", 2),
    ("Hiện Chi bộ có 02 đảng viên dự bị.", "stats.membership.closing_probationary", 2),
    ("Chi bộ có 6 đảng viên nữ.", "stats.membership.female", 6),
    ("Công nhận đảng viên chính thức cho 03 đồng chí.", "stats.membership.recognised_official", 3),
    ("Chi bộ đề xuất và được cấp trên công nhận chính thức 3 đảng viên.", "stats.membership.recognised_official", 3),
    ("Công nhận 03 đảng viên dự bị trở thành đảng viên chính thức.", "stats.membership.recognised_official", 3),
    ("Tiếp nhận 02 đảng viên từ đơn vị khác chuyển đến.", "stats.membership.transferred_in", 2),
    ("Tiếp nhận 02 và chuyển đi 01 đảng viên.", "stats.membership.transferred_in", 2),
    ("Tiếp nhận 02 và chuyển đi 01 đảng viên.", "stats.membership.transferred_out", 1),
    ("Chuyển sinh hoạt đảng cho 01 đảng viên.", "stats.membership.transferred_out", 1),
    ("Có 2 đồng chí chuyển sinh hoạt đảng đi nơi khác.", "stats.membership.transferred_out", 2),
    ("01 đồng chí từ trần.", "stats.membership.deceased", 1),
    ("Xóa tên 01 đảng viên vi phạm tư cách.", "stats.membership.struck_off", 1),
    ("Xoá tên đối với 2 đảng viên.", "stats.membership.struck_off", 2),
    ("Khai trừ 01 đảng viên.", "stats.membership.expelled", 1),
    ("Cho ra khỏi Đảng 01 đảng viên.", "stats.membership.left_party", 1),
    ("Các chi bộ giới thiệu 12 quần chúng ưu tú học lớp bồi dưỡng nhận thức về Đảng.",
     "stats.membership.candidates_trained", 12),
    ("Đảng ủy kiểm tra 03 tổ chức đảng và 05 đảng viên.", "stats.inspection.scheduled.organisations", 3),
    ("Đảng ủy kiểm tra 03 tổ chức đảng và 05 đảng viên.", "stats.inspection.scheduled.members", 5),
    ("Chi bộ kiểm tra 2 đảng viên, giám sát chuyên đề 3 đảng viên.", "stats.inspection.scheduled.members", 2),
    ("Chi bộ kiểm tra 2 đảng viên, giám sát chuyên đề 3 đảng viên.",
     "stats.inspection.topical_supervision.members", 3),
    ("Giám sát chuyên đề đối với 02 tổ chức đảng và 04 đảng viên.",
     "stats.inspection.topical_supervision.organisations", 2),
    ("Kiểm tra khi có dấu hiệu vi phạm 01 đảng viên.", "stats.inspection.violation_signs.members", 1),
    ("Thi hành kỷ luật 01 đảng viên bằng hình thức khiển trách.", "stats.discipline.members.total", 1),
    ("Xử lý kỷ luật 2 đảng viên.", "stats.discipline.members.total", 2),
    ("Thi hành kỷ luật 01 tổ chức đảng.", "stats.discipline.organisations.total", 1),
    ("02 chi bộ hoàn thành xuất sắc nhiệm vụ (15,4%).", "stats.ratings.organisations.excellent", 2),
    ("11 chi bộ được xếp loại hoàn thành tốt nhiệm vụ.", "stats.ratings.organisations.good", 11),
    ("84 đồng chí hoàn thành tốt nhiệm vụ, 01 đồng chí hoàn thành nhiệm vụ.", "stats.ratings.members.good", 84),
    ("84 đồng chí hoàn thành tốt nhiệm vụ, 01 đồng chí hoàn thành nhiệm vụ.", "stats.ratings.members.complete", 1),
    ("13 đảng viên đạt mức “hoàn thành xuất sắc nhiệm vụ”.", "stats.ratings.members.excellent", 13),
    ("Không có đảng viên nào; 01 đảng viên không hoàn thành nhiệm vụ.", "stats.ratings.members.not_complete", 1),
    ("Tổ chức học tập, quán triệt 05 nghị quyết, chỉ thị của Trung ương.",
     "stats.party_life.resolutions_studied", 5),
    ("Quán triệt 05 nghị quyết; 96/98 đảng viên tham gia, đạt 98,0%.", "stats.party_life.study_participants", 96),
    ("Quán triệt 05 nghị quyết; 96/98 đảng viên tham gia, đạt 98,0%.", "stats.party_life.study_members", 98),
    ("Chi bộ duy trì sinh hoạt định kỳ đủ 12/12 kỳ.", "stats.party_life.meetings_held", 12),
    ("Chi bộ duy trì sinh hoạt định kỳ 11/12 kỳ.", "stats.party_life.meetings_required", 12),
    ("Các chi bộ sinh hoạt chuyên đề 03 lần.", "stats.party_life.thematic_meetings", 3),
    ("Chi bộ tổ chức 04 buổi sinh hoạt chuyên đề.", "stats.party_life.thematic_meetings", 4),
    ("Giám sát thường xuyên 13 tổ chức đảng.", "stats.inspection.regular_supervision.organisations", 13),
    ("13/13 chi bộ xây dựng kế hoạch thực hiện chủ đề năm 2026.", "stats.party_life.theme_plan_units", 13),
]


@pytest.mark.parametrize(("text", "field", "value"), MATCHES)
def test_phrasing_states_its_figure(text, field, value):
    assert claimed(text).get(field) == value


# (text, the field it must not be read as): near misses.
NEAR_MISSES = [
    ("Phấn đấu kết nạp 04 đảng viên mới.", "stats.membership.admitted"),                 # a target
    ("Chỉ tiêu kết nạp 03 đảng viên; kết quả đạt 133%.", "stats.membership.admitted"),   # a target
    ("Năm 2025 kết nạp 03 đảng viên.", "stats.membership.admitted"),                    # another year
    ("Mỗi chi bộ kết nạp ít nhất 01 đảng viên.", "stats.membership.admitted"),           # per unit
    ("Ban Chấp hành Đảng bộ nhiệm kỳ 2025 - 2030 có 09 đồng chí.", "stats.membership.closing_total"),
    ("Ban Chấp hành Đảng bộ có 09 đảng viên.", "stats.membership.closing_total"),
    ("Chi bộ có 03 đảng viên được khen thưởng.", "stats.membership.closing_total"),     # a part of them
    ("Đầu năm, Đảng bộ có 94 đảng viên.", "stats.membership.closing_total"),            # the start of the period
    ("Chi bộ có 29 đảng viên nữ.", "stats.membership.closing_total"),
    ("03 chi bộ trực thuộc hoàn thành xuất sắc nhiệm vụ.", "stats.units"),
    ("Công nhận đảng viên chính thức cho 03 đồng chí.", "stats.membership.closing_official"),
    ("Chuyển sinh hoạt đảng tạm thời cho 02 đảng viên.", "stats.membership.transferred_out"),
    ("Ủy ban Kiểm tra 03 tổ chức đảng.", "stats.inspection.scheduled.organisations"),
    ("Kiểm tra 02 đảng viên khi có dấu hiệu vi phạm.", "stats.inspection.scheduled.members"),
    ("Kiểm tra tài chính đảng tại 01 tổ chức đảng.", "stats.inspection.scheduled.organisations"),
    ("Kiểm tra, giám sát 05 đảng viên.", "stats.inspection.scheduled.members"),
    ("01 đảng viên phải thi hành kỷ luật.", "stats.discipline.members.total"),
    ("Đề nghị thi hành kỷ luật 01 đảng viên.", "stats.discipline.members.total"),
    ("03 đơn vị hoàn thành xuất sắc.", "stats.ratings.organisations.excellent"),
    ("13/13 chi bộ hoàn thành tốt nhiệm vụ trở lên.", "stats.ratings.organisations.good"),
    ("90% chi bộ hoàn thành tốt nhiệm vụ.", "stats.ratings.organisations.good"),
    ("04 đảng viên hoàn thành xuất sắc nhiệm vụ tiêu biểu.", "stats.ratings.members.excellent"),
    ("Tặng Giấy khen cho 05 đảng viên hoàn thành xuất sắc nhiệm vụ.", "stats.ratings.members.excellent"),
    ("Thực hiện quy trình kết nạp 02 quần chúng ưu tú vào Đảng.", "stats.membership.admitted"),
    ("Chi bộ xét kết nạp 02 đảng viên.", "stats.membership.admitted"),
    ("100% khoa, phòng hoàn thành tốt nhiệm vụ chuyên môn, trong đó 03 đơn vị hoàn thành xuất sắc.",
     "stats.ratings.organisations.good"),
    ("Các đoàn thể giới thiệu 05 quần chúng ưu tú cho Đảng xem xét, bồi dưỡng.",
     "stats.membership.candidates_trained"),
    ("Triển khai 05 nghị quyết chuyên đề.", "stats.party_life.resolutions_studied"),
    ("96/98 đảng viên tham gia hiến máu tình nguyện.", "stats.party_life.study_participants"),
    ("Sinh hoạt chuyên đề 01 lần/quý.", "stats.party_life.thematic_meetings"),
    ("Ngày 10/11/2026 kết nạp 04 đảng viên.", "stats.party_life.meetings_held"),
]


@pytest.mark.parametrize(("text", "field"), NEAR_MISSES)
def test_near_miss_states_nothing_of_the_field(text, field):
    assert field not in claimed(text)


def test_a_named_chi_bo_in_a_dang_bo_report_states_nothing():
    text = "Chi bộ Khoa Cơ khí có 15 đảng viên, kết nạp 01 đảng viên."
    assert claimed(text, whole_body=True) == {}
    assert claimed(text) == {"stats.membership.closing_total": 15, "stats.membership.admitted": 1}


def test_dates_and_ranges_do_not_make_a_sentence_about_another_year():
    text = "Theo Quy định số 366-QĐ/TW, ngày 30/8/2025, nhiệm kỳ 2025 - 2030, Đảng bộ kết nạp 04 đảng viên."
    assert claimed(text) == {"stats.membership.admitted": 4}


def test_mid_term_report_reads_since_the_start_of_the_term_as_its_period():
    assert claimed("Từ đầu nhiệm kỳ đến nay, Đảng bộ có 98 đảng viên.") == {"stats.membership.closing_total": 98}


def test_six_month_report_reads_its_own_period_as_the_period():
    text = "Trong 6 tháng đầu năm, Đảng bộ có 97 đảng viên."
    assert claimed(text, six_month=True) == {"stats.membership.closing_total": 97}
    assert claimed(text) == {}


def test_rating_levels_follow_the_wording_of_the_report_year():
    assert claimed("03 chi bộ trong sạch, vững mạnh (23,1%).", 2015) == {"stats.ratings.organisations.excellent": 3}
    assert claimed("03 chi bộ trong sạch, vững mạnh (23,1%).", 2026) == {}


def test_percentage_after_a_count_is_read_with_it():
    (claim,) = tf.find_claims("02 chi bộ hoàn thành xuất sắc nhiệm vụ, chiếm 15,4%.", 2026)
    assert claim.percent is not None and claim.percent.value == Decimal("15.4") and claim.percent.text == "15,4%"


def test_ratios_are_read_with_their_percentage_and_dates_are_not():
    ratios = tf.find_ratios("96/98 đảng viên tham gia, đạt 98,0%; 28/35 = 46.1%; ngày 10/11/2026 đạt 100%.")
    assert [(r.part, r.whole, r.percent.text) for r in ratios] == [(96, 98, "98,0%"), (28, 35, "46.1%")]


def test_shares_of_the_statistics_are_read():
    (share,) = tf.find_shares("Đảng bộ có 98 đảng viên; đảng viên nữ chiếm 41,8%.", 2026)
    assert (share.part, share.whole, share.percent.value) == ("stats.membership.female",
                                                              "stats.membership.closing_total", Decimal("41.8"))


@pytest.mark.parametrize(("text", "pad", "found"), [
    ("Kết nạp 2 đảng viên, tổ chức 3 đợt.", True, [("2 đảng viên", "02 đảng viên"), ("3 đợt", "03 đợt")]),
    ("Kết nạp 02 đảng viên.", False, [("02 đảng viên", "2 đảng viên")]),
    ("Kết nạp 02 đảng viên.", True, []),
    ("Sau 6 tháng đạt 87,5%; Điều 5 Điều lệ; 12/12 kỳ; 1,5 lần; năm 2026 có 10 đảng viên.", True, []),
])
def test_small_counts_written_the_other_way_are_found(text, pad, found):
    assert [(written, fixed) for _, written, fixed in tf.unpadded_counts(text, pad)] == found


@pytest.mark.parametrize(("text", "found"), [
    ("Năm 2025, Đảng bộ đoàn kết, thống nhất.", ["Năm 2025"]),
    ("Hoàn thành nhiệm vụ năm học 2024 - 2025.", ["năm học 2024 - 2025"]),
    ("Sơ kết 6 tháng đầu năm 2025.", ["6 tháng đầu năm 2025"]),
    ("Hoàn thành nhiệm vụ năm học 2025 - 2026; nhiệm kỳ 2025 - 2030; năm 2026 và năm 2027.", []),
    ("Tăng 5% so với năm 2025; ngày 10 tháng 11 năm 2025; thành lập năm 2025; từ năm 2025 đến nay.", []),
])
def test_previous_period_is_named(text, found):
    assert tf.previous_period(text, 2026) == found


# The checks, on the demo with one typed paragraph changed.

def with_text(report: Report, key: str, *texts: str) -> Report:
    section = report.section(key)
    assert section is not None
    section.entries = [Entry(text) for text in texts]
    return report


def findings(report: Report, code: str) -> list[Finding]:
    return [f for f in lint_report(report) if f.code == code]


def test_demo_reports_give_no_finding_of_these_checks():
    for kind in DemoKind:
        assert [f.message for f in lint_report(demo_report(kind)) if f.code in CODES] == []


def test_figure_that_disagrees_with_the_statistics_is_an_error():
    report = with_text(demo_report(), "to_chuc_can_bo", "Trong năm, Đảng bộ kết nạp 05 đảng viên mới.")
    (finding,) = findings(report, "text.figure_mismatch")
    assert finding.severity is Severity.ERROR
    assert finding.fields == ("sections.0.children.2.children.3.entries.0.text", "stats.membership.admitted")
    assert "“Công tác tổ chức, cán bộ và đảng viên”" in finding.message
    assert "kết nạp 05 đảng viên" in finding.message and "04" in finding.message


def test_figure_that_agrees_with_the_statistics_is_no_finding():
    report = with_text(demo_report(), "to_chuc_can_bo", "Trong năm, Đảng bộ kết nạp 04 đảng viên mới.")
    assert findings(report, "text.figure_mismatch") == []


def test_figure_of_statistics_not_entered_is_no_finding():
    report = with_text(demo_report(), "kiem_tra", "Đảng ủy kiểm tra 03 tổ chức đảng và 05 đảng viên.")
    report.stats.inspection = type(report.stats.inspection)()
    assert findings(report, "text.figure_mismatch") == []


def test_figures_in_the_next_period_part_are_not_compared():
    report = with_text(demo_report(), "nhiem_vu_giai_phap", "Kết nạp 07 đảng viên mới.")
    assert findings(report, "text.figure_mismatch") == []


def test_wrong_ratio_is_an_error_with_the_right_value_and_its_fix():
    report = with_text(demo_report(), "nhiem_vu_chinh_tri", "Tỷ lệ tốt nghiệp 28/35 = 46.1%.")
    (finding,) = findings(report, "text.ratio_wrong")
    assert finding.severity is Severity.ERROR
    assert "80,0%" in finding.message and "46.1%" in finding.message
    assert finding.fix == Fix("sections.0.children.1.entries.0.text", 25, "46.1%", "80,0%")
    assert apply_fix(report, finding.fix)
    assert report.section("nhiem_vu_chinh_tri").entries[0].text == "Tỷ lệ tốt nghiệp 28/35 = 80,0%."
    assert findings(report, "text.ratio_wrong") == []


def test_wrong_ratio_written_without_decimals_gets_the_house_form():
    report = with_text(demo_report(), "nhiem_vu_chinh_tri", "96/98 đảng viên tham gia, đạt 90%.")
    (finding,) = findings(report, "text.ratio_wrong")
    assert finding.fix is not None and finding.fix.new == "98,0%"


def test_right_ratio_at_its_precision_is_no_finding():
    report = with_text(demo_report(), "nhiem_vu_chinh_tri", "96/98 đảng viên tham gia, đạt 98%; 28/35 = 80,0%.")
    assert findings(report, "text.ratio_wrong") == []


def test_percentage_after_a_count_is_checked_against_its_whole():
    report = with_text(demo_report(), "to_chuc_can_bo", "Về tổ chức, 02 chi bộ hoàn thành xuất sắc nhiệm vụ (20,0%).")
    (finding,) = findings(report, "text.percent_wrong")
    assert "15,4%" in finding.message and finding.fix is not None and finding.fix.new == "15,4%"
    report = with_text(demo_report(), "to_chuc_can_bo", "Về tổ chức, 02 chi bộ hoàn thành xuất sắc nhiệm vụ (15,4%).")
    assert findings(report, "text.percent_wrong") == []


def test_share_that_disagrees_with_the_statistics_is_an_error():
    report = with_text(demo_report(), "dac_diem", "Đảng viên nữ chiếm 45,0%.")
    (finding,) = findings(report, "text.figure_mismatch")
    assert "41,8%" in finding.message
    assert findings(with_text(demo_report(), "dac_diem", "Đảng viên nữ chiếm 41,8%."), "text.figure_mismatch") == []


def said_twice_report(hers: str) -> Report:
    """The chi bộ demo as the editor holds it: the generated inspection sentence, then her paragraph."""
    report = demo_report(DemoKind.CHI_BO)
    report.stats.inspection.scheduled = OrgMemberCount(0, 2)
    report.stats.inspection.topical_supervision = OrgMemberCount(0, 3)
    section = report.section("kiem_tra")
    section.entries = [
        Entry("Chi bộ lãnh đạo thực hiện công tác kiểm tra, giám sát theo Quy định số 296-QĐ/TW.",
              source="kiem_tra.basis"),
        Entry("Chi bộ kiểm tra 02 đảng viên, giám sát chuyên đề 03 đảng viên; qua kiểm tra, giám sát, "
              "các đảng viên chấp hành tốt.", EntryKind.BULLET, source="kiem_tra.work"),
        Entry(hers),
    ]
    return report


def test_fact_stated_by_a_generated_sentence_and_by_her_is_said_twice():
    report = said_twice_report("Trong năm, Chi bộ kiểm tra 2 đảng viên, giám sát chuyên đề 3 đảng viên, "
                               "không phát hiện vi phạm.")
    (finding,) = findings(report, "text.said_twice")
    assert finding.severity is Severity.WARNING
    building = [s.key for s in report.sections[0].children[2].children]  # the chi bộ outline's own order
    path = f"sections.0.children.2.children.{building.index('kiem_tra')}.entries."
    assert finding.fields == (path + "2.text", path + "1.text")
    assert "kiểm tra 2 đảng viên" in finding.message and "giám sát chuyên đề 3 đảng viên" in finding.message
    assert "paragraph 2 of" in finding.message and "Chi bộ kiểm tra 02 đảng viên" in finding.message
    assert findings(report, "text.figure_mismatch") == []


def test_said_twice_needs_the_generated_sentence_to_print_and_follow_the_figures():
    report = said_twice_report("Trong năm, Chi bộ kiểm tra 2 đảng viên.")
    report.section("kiem_tra").entries[1].state = EntryState.REMOVED
    assert findings(report, "text.said_twice") == []
    report = said_twice_report("Chi bộ chú trọng giám sát đảng viên phụ trách sinh viên.")
    assert findings(report, "text.said_twice") == []


def test_edited_generated_sentence_is_her_text():
    report = said_twice_report("Chi bộ chú trọng giám sát đảng viên.")
    generated = report.section("kiem_tra").entries[1]
    generated.state, generated.basis = EntryState.EDITED, generated.text
    generated.text = generated.text.replace("kiểm tra 02", "kiểm tra 04")
    (finding,) = findings(report, "text.figure_mismatch")
    assert finding.fields[1] == "stats.inspection.scheduled.members"


def in_section(report: Report, code: str, key: str) -> list[Finding]:
    """Findings of code about the entries of the section key."""
    paths = {f"{p.path}" for p in tf._places(report.sections) if p.section.key == key}
    return [f for f in findings(report, code) if f.fields[0] in paths]


def test_edited_sentence_whose_figures_changed_since_is_left_to_the_drafting_finding():
    report = said_twice_report("Chi bộ chú trọng giám sát đảng viên.")
    generated = report.section("kiem_tra").entries[1]
    generated.state, generated.basis = EntryState.EDITED, generated.text
    generated.text = generated.text.replace("qua kiểm tra", "thông qua kiểm tra")
    report.stats.inspection.scheduled = OrgMemberCount(0, 4)
    assert findings(report, "text.figure_mismatch") == []


def test_count_padded_the_other_way_is_offered_a_fix():
    report = said_twice_report("Chi bộ giúp đỡ 3 quần chúng ưu tú.")
    (finding,) = in_section(report, "text.count_padding", "kiem_tra")
    assert finding.severity is Severity.INFO and "03 quần chúng" in finding.message
    assert apply_fix(report, finding.fix)
    assert report.section("kiem_tra").entries[2].text == "Chi bộ giúp đỡ 03 quần chúng ưu tú."
    assert findings(report, "text.count_padding") == []
    report.settings.pad_counts = False
    (finding,) = in_section(report, "text.count_padding", "kiem_tra")
    assert apply_fix(report, finding.fix)
    assert report.section("kiem_tra").entries[2].text == "Chi bộ giúp đỡ 3 quần chúng ưu tú."


def test_generated_sentences_are_not_checked_for_padding():
    report = said_twice_report("Chi bộ chú trọng giám sát đảng viên.")
    report.settings.pad_counts = False
    assert in_section(report, "text.count_padding", "kiem_tra") == []


def test_phrase_of_the_previous_period_asks_for_a_review():
    report = with_text(demo_report(), "uu_diem", "Năm 2025, Đảng bộ đoàn kết, thống nhất.")
    (finding,) = findings(report, "text.previous_period")
    assert finding.severity is Severity.INFO and "“Ưu điểm”" in finding.message and "“Năm 2025”" in finding.message
    report = with_text(demo_report(), "uu_diem", "Năm 2026, Đảng bộ đoàn kết, thống nhất.")
    assert findings(report, "text.previous_period") == []


def test_mid_term_report_names_earlier_years_of_its_term():
    report = demo_report(DemoKind.MID_TERM)
    assert report.kind is ReportKind.MID_TERM
    with_text(report, "uu_diem", "Năm 2026, Đảng bộ đoàn kết, thống nhất.")
    assert findings(report, "text.previous_period") == []


def test_apply_fix_refuses_a_text_that_changed():
    report = with_text(demo_report(), "uu_diem", "Kết nạp 2 đảng viên.")
    path = "sections.0.children.4.children.0.entries.0.text"
    assert not apply_fix(report, Fix(path, 8, "3 đảng viên", "03 đảng viên"))
    assert not apply_fix(report, Fix("sections.9.entries.0.text", 0, "x", "y"))
    assert apply_fix(report, Fix(path, 0, "2 đảng viên", "02 đảng viên"))   # moved: found as its only occurrence
    assert report.section("uu_diem").entries[0].text == "Kết nạp 02 đảng viên."


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_readers_never_raise_on_any_text(text):
    tf.find_claims(text, 2026, whole_body=True)
    tf.find_claims(text, None, six_month=True)
    tf.find_ratios(text)
    tf.find_shares(text, 2026)
    tf.unpadded_counts(text, True)
    tf.previous_period(text, 2026)


NUMERIC = st.text(alphabet=st.sampled_from(list("0123456789/.,% =()đạtchiếmkếtnạpđảngviêncóchibộ\n")), max_size=80)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(), NUMERIC))
def test_checks_never_raise_on_any_typed_text(text):
    report = with_text(demo_report(DemoKind.CHI_BO), "to_chuc_can_bo", text)
    lint_report(report)


def test_checks_stay_fast_on_a_tenfold_demo():
    report = materialised(DemoKind.DANG_BO)
    for section in report.walk_sections():   # ten copies of every paragraph, each text distinct (no cache hits)
        section.entries = [replace(e, text=e.text + " " * k) for k in range(10) for e in section.entries]
    tf._find_claims.cache_clear()
    start = time.process_time()
    list(tf.check_report(report, describe))
    assert time.process_time() - start < 1.0   # measured: ~0.05 s


def materialised(kind: str) -> Report:
    """A demo as the editor holds it: the sentences generated from the figures are entries of their section."""
    from app.render.drafting import drafted

    return drafted(demo_report(kind))[0]


@pytest.mark.parametrize(("kind", "at_least"), [(DemoKind.DANG_BO, 33), (DemoKind.CHI_BO, 18),
                                                (DemoKind.SIX_MONTH, 22), (DemoKind.MID_TERM, 33)])
def test_generated_sentences_of_the_demos_state_their_own_figures(kind, at_least):
    report = materialised(kind)
    claims = [(claim, entry.text) for section in report.walk_sections() for entry in section.entries if entry.source
              for claim in tf.find_claims(entry.text, report.year, whole_body=report.stats.units > 0,
                                          six_month=report.kind is ReportKind.SIX_MONTH)]
    assert [(c.field, c.value, tf.stat_value(report, c.field), text) for c, text in claims
            if c.value != tf.stat_value(report, c.field)] == []
    assert len(claims) >= at_least
    assert [f.message for f in lint_report(report) if f.code in CODES] == []


def test_percentage_of_something_else_after_a_fraction_is_not_its_ratio():
    text = "Đảng bộ hoàn thành 5/5 chỉ tiêu đề ra, trong đó chỉ tiêu kết nạp đảng viên mới đạt 200% (vượt 100%)."
    assert tf.find_ratios(text) == []
    assert tf.find_ratios("Hoàn thành 5/5 chỉ tiêu trong đó chỉ tiêu kết nạp đạt 200%.") == []


def test_share_of_all_units_including_the_unrated_is_accepted():
    report = demo_report(DemoKind.CHI_BO)   # 15 members, 14 rated
    with_text(report, "to_chuc_can_bo", "Về đảng viên, 02 đồng chí hoàn thành xuất sắc nhiệm vụ (13,3%).")
    assert findings(report, "text.percent_wrong") == []
    with_text(report, "to_chuc_can_bo", "Về đảng viên, 02 đồng chí hoàn thành xuất sắc nhiệm vụ (12,0%).")
    (finding,) = findings(report, "text.percent_wrong")
    assert "14,3%" in finding.message
