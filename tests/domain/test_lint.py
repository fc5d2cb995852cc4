"""The report linter: each convention rule catches a bad example and passes a good one (document-format.md §13).

Messages are read in English, the source language, so that the tests do not depend on the catalog.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from datetime import date

import pytest

from app import i18n
from app.domain.demo import DemoKind, demo_report
from app.domain.findings import Severity
from app.domain.lint import describe, lint_report, typed_texts
from app.domain.organisation import Signature
from app.domain.report import Report, ReportStatus
from app.domain.spelling import ToneStyle


@pytest.fixture(autouse=True)
def english(vietnamese):
    i18n.set_language("en")


def codes(report: Report, preset: str | None = None) -> set[str]:
    return {f.code for f in lint_report(report, preset)}


def first_paragraph(report: Report) -> str:
    """Path of the first typed paragraph of "ĐẶC ĐIỂM TÌNH HÌNH"."""
    return "sections.0.children.0.entries.0.text"


def typed(text: str) -> Callable[[Report], None]:
    """A change that appends text to the first typed paragraph."""
    def change(report: Report) -> None:
        entry = report.sections[0].children[0].entries[0]
        entry.text = f"{entry.text} {text}"
    return change


def org(**values) -> Callable[[Report], None]:
    def change(report: Report) -> None:
        for name, value in values.items():
            setattr(report.organisation, name, value)
    return change


def field(**values) -> Callable[[Report], None]:
    def change(report: Report) -> None:
        for name, value in values.items():
            setattr(report, name, value)
    return change


def nothing(report: Report) -> None:
    pass


# (code, preset of the demo, a change that the rule catches, a change that it lets pass).
CASES: list[tuple[str, str, Callable[[Report], None], Callable[[Report], None]]] = [
    # The report's layout settings.
    ("settings.margins", "state", lambda r: setattr(r.settings, "margins", "older"),
     lambda r: setattr(r.settings, "margins", "wide")),
    # §13 item 1–2: the number, its codes, and numbers cited in the text.
    ("number.invalid", "party", field(number=0), field(number=1)),
    ("number.missing", "party", field(number=None, status=ReportStatus.FINAL), field(number=None)),
    ("number.doc_type_form", "party", field(doc_type="BC/ĐU"), field(doc_type="BC")),
    ("number.doc_type", "party", field(doc_type="KH"), field(doc_type="BC")),
    ("number.issuer_code_form", "state", org(issuer_code="BC/UBND"), org(issuer_code="UBND")),
    ("number.issuer_code_preset", "state", org(issuer_code="ĐU"), org(issuer_code="UBND")),
    ("number.issuer_code_preset", "party", org(issuer_code="UBND"), org(issuer_code="ĐU")),
    ("text.number_colon", "party", typed("Thực hiện Công văn Số: 12-CV/ĐU."), typed("Thực hiện Công văn số 12-CV/ĐU.")),
    ("text.number_state_style", "party", typed("Kế hoạch số 39/KH/HU."), typed("Kế hoạch số 39-KH/HU.")),
    ("text.number_state_style", "party", typed("Báo cáo số 10/BC-ĐU."),
     typed("Nghị định số 30/2020/NĐ-CP và Quyết định số 933/QĐ-TLĐ.")),
    ("text.number_spacing", "party", typed("Chỉ thị 03- CT/TW."), typed("Chỉ thị 03-CT/TW.")),
    ("text.number_padding", "party", typed("Hướng dẫn số 5-HD/ĐU."), typed("Hướng dẫn số 05-HD/ĐU.")),
    ("text.number_tu", "party", typed("Chỉ thị 05-CT/TƯ."), typed("Chỉ thị 05-CT/TW.")),
    # §13 item 3, 7: signature and recipients of state-shaped presets (org_checks has the Party ones).
    ("signature.party_style", "state",
     org(signature=Signature("T/M ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lê Văn C")),
     org(signature=Signature("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lê Văn C"))),
    ("signature.party_style", "doan",
     org(signature=Signature("TM. BAN THƯỜNG VỤ", "K/T BÍ THƯ", "Hoàng Văn E")),
     org(signature=Signature("TM. BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Hoàng Văn E"))),
    ("recipients.punctuation", "state",
     org(recipients=["- Ủy ban nhân dân tỉnh,", "- Lưu Văn phòng."]),
     org(recipients=["- Như trên;", "- Ủy ban nhân dân tỉnh;", "- Lưu: VT, VP."])),
    ("recipients.punctuation", "doan",
     org(recipients=["- Tỉnh đoàn (để báo cáo),", "- Lưu VP"]),
     org(recipients=["- Tỉnh đoàn (để báo cáo);", "- Lưu VP."])),
    # §13 item 4–5: the header and the title.
    ("header.stray", "party", org(upper_body="CƠ QUAN: ĐẢNG BỘ ỦY BAN NHÂN DÂN TỈNH"),
     org(upper_body="ĐẢNG BỘ ỦY BAN NHÂN DÂN TỈNH")),
    ("header.stray", "party", org(issuer_name="ĐẢNG ỦY TRƯỜNG *****"), org(issuer_name="ĐẢNG ỦY TRƯỜNG")),
    ("title.capital", "party", field(title="Tổng kết công tác năm 2026"), field(title="tổng kết công tác năm 2026")),
    ("title.capital", "party", field(title="Về công tác tổ chức"), field(title="UBND xã và công tác tổ chức")),
    # §13 item 9: spellings, dashes, NFC.
    ("text.tone_marks", "party", typed("Tổ chức quán triệt Nghị quyết Trung ương khoá XIII."),
     typed("Tổ chức quán triệt Nghị quyết Trung ương khóa XIII.")),
    ("text.tone_marks", "party", org(issuer_name="ĐẢNG UỶ TRƯỜNG CAO ĐẲNG KỸ THUẬT CÔNG NGHIỆP"),
     org(issuer_name="ĐẢNG ỦY TRƯỜNG CAO ĐẲNG KỸ THUẬT CÔNG NGHIỆP")),
    ("text.tone_marks", "party", typed("Công tác hoà giải."), typed("Lấy ý kiến đóng góp quý báu.")),
    ("text.range_dash", "party", typed("Quy hoạch giai đoạn 2026 – 2031."), typed("Quy hoạch giai đoạn 2026 - 2031.")),
    ("text.range_dash", "party", field(term="2025–2030"), field(term="2025 - 2030")),
    ("text.mixed_dashes", "party", typed("Khối Đảng – đoàn thể."), typed("Khối Đảng - Đoàn thể.")),
    ("text.not_nfc", "party", typed(unicodedata.normalize("NFD", "Đảng viên gương mẫu.")),
     typed("Đảng viên gương mẫu.")),
    # Typing mistakes: spaces, repeated words, numbers and dates typed in the text.
    ("text.space_before_punctuation", "party", typed("Kết quả tốt , đạt yêu cầu ."), typed("Kết quả tốt, đạt yêu cầu.")),
    ("text.space_after_bracket", "party", typed("Đạt yêu cầu ( 100%)."), typed("Đạt yêu cầu (100%).")),
    ("text.repeated_word", "party", typed("Kết nạp đạt đạt 200% chỉ tiêu."), typed("Đảng ủy Ủy ban nhân dân tỉnh.")),
    ("text.repeated_word", "party", typed("Chi bộ chi bộ hoạt động tốt."), typed("Nhà nhà, người người thi đua.")),
    ("text.decimal_point", "party", typed("Tỷ lệ đạt 15.4%."), typed("Tỷ lệ đạt 15,4%; tuyển sinh 1.462 người.")),
    ("text.percent_space", "party", typed("Tỷ lệ đạt 85,7 %."), typed("Tỷ lệ đạt 85,7%.")),
    ("text.date_padding", "party", typed("Họp ngày 15 tháng 04 năm 2026."), typed("Họp ngày 15 tháng 4 năm 2026.")),
    ("text.date_padding", "party", typed("Họp ngày 5 tháng 1 năm 2026."), typed("Họp ngày 05 tháng 01 năm 2026.")),
    # §13 item 11: bodies dissolved in 2025.
    ("names.dissolved", "party", org(upper_body="ĐẢNG BỘ HUYỆN ĐẠI TỪ"), org(upper_body="ĐẢNG BỘ TỈNH THÁI NGUYÊN")),
    ("names.dissolved", "party", org(recipients=["- Ban Thường vụ Đảng ủy Khối cơ quan (để báo cáo),", "- Lưu Văn phòng Đảng ủy."]),
     org(recipients=["- Ban Thường vụ Đảng ủy các cơ quan Đảng tỉnh (để báo cáo),", "- Lưu Văn phòng Đảng ủy."])),
    ("names.dissolved_code", "party", org(issuer_code="HU"), org(issuer_code="ĐU")),
]


@pytest.mark.parametrize(("code", "preset", "bad", "good"), CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_each_rule_catches_its_bad_example(code, preset, bad, good):
    report = demo_report(preset=preset)
    bad(report)
    assert code in codes(report)


@pytest.mark.parametrize(("code", "preset", "bad", "good"), CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_each_rule_passes_its_good_example(code, preset, bad, good):
    report = demo_report(preset=preset)
    good(report)
    assert code not in codes(report)


@pytest.mark.parametrize("kind", ["dang-bo", "chi-bo", "six-month", "mid-term"])
@pytest.mark.parametrize("preset", ["party", "state", "cong-doan", "doan"])
def test_every_demo_passes_the_linter(kind, preset):
    assert lint_report(demo_report(kind, preset)) == []


def test_names_of_2025_bodies_are_fine_on_a_report_issued_before_july_2025():
    report = demo_report()
    report.organisation.upper_body = "ĐẢNG BỘ HUYỆN ĐẠI TỪ"
    report.year, report.issued_on = 2025, date(2025, 6, 20)
    assert "names.dissolved" not in codes(report)
    report.issued_on = date(2025, 7, 2)
    assert "names.dissolved" in codes(report)


def test_a_finding_names_the_field_and_says_what_to_write():
    report = demo_report()
    typed("Tỷ lệ đạt 15.4%.")(report)
    [finding] = [f for f in lint_report(report) if f.code == "text.decimal_point"]
    assert finding.fields == (first_paragraph(report),)
    assert finding.message == ("In paragraph 1 of “ĐẶC ĐIỂM TÌNH HÌNH”: “15.4%” uses a decimal point: "
                               "write “15,4%” with a comma.")
    assert finding.severity is Severity.WARNING


def test_tone_mark_finding_gives_the_new_spelling_of_each_word():
    report = demo_report()
    typed("Công tác hoà giải, thuỷ lợi và Uỷ ban.")(report)
    [finding] = [f for f in lint_report(report) if f.code == "text.tone_marks"]
    assert "“hoà” → “hòa”" in finding.message
    assert "“thuỷ” → “thủy”" in finding.message
    assert "“Uỷ” → “Ủy”" in finding.message


def test_with_the_old_tone_style_chosen_the_new_style_words_are_flagged_instead():
    report = demo_report()
    report.settings.tone_style = ToneStyle.OLD
    typed("Công tác hòa giải, thủy lợi và Ủy ban; khoẻ mạnh.")(report)
    messages = [f.message for f in lint_report(report) if f.code == "text.tone_marks"]
    assert any("“hòa” → “hoà”" in m and "“thủy” → “thuỷ”" in m and "“Ủy” → “Uỷ”" in m for m in messages)
    assert not any("khoẻ" in m for m in messages)


def test_the_linter_includes_the_arithmetic_checks():
    report = demo_report()
    report.stats.membership.closing_total = 99
    assert "membership.balance" in codes(report)


def test_the_linter_includes_the_profile_checks_with_organisation_fields():
    report = demo_report()
    report.organisation.upper_body = "ĐẢNG ỦY ỦY BAN NHÂN DÂN TỈNH"
    report.organisation.signature = Signature("K/T BÍ THƯ", "PHÓ BÍ THƯ", "Nguyễn Văn A")
    findings = {f.code: f for f in lint_report(report)}
    assert findings["organisation.upper_body_committee"].fields == ("organisation.upper_body",)
    assert findings["organisation.deputy_signs_kt"].fields == ("organisation.signature.authority",)


def test_a_signature_or_recipients_of_the_report_itself_are_checked_under_the_reports_fields():
    report = demo_report()
    report.signature = Signature("K/T BÍ THƯ", "PHÓ BÍ THƯ", "Nguyễn Văn B")
    report.recipients = ["- Ban Thường vụ Đảng ủy UBND tỉnh;", "- Lưu: VT."]
    findings = lint_report(report)
    kt = next(f for f in findings if f.code == "organisation.deputy_signs_kt")
    assert kt.fields == ("signature.authority",)
    recipients = [f for f in findings if f.code == "organisation.recipient_line"]
    assert recipients and all(f.fields == ("recipients",) for f in recipients)


def test_party_rules_of_the_profile_follow_the_preset_asked_for():
    report = demo_report()
    # The Party demo signs "T/M": checked as a state document it is the wrong style.
    assert "signature.party_style" in codes(report, "state")
    assert "signature.party_style" not in codes(report)


def test_typed_texts_cover_sections_targets_and_the_annual_theme():
    paths = dict(typed_texts(demo_report()))
    assert "basis" in paths and "title" in paths
    assert "sections.1.children.3.entries.0.text" in paths
    assert "targets.0.label" in paths
    assert "stats.party_life.annual_theme" in paths


def test_fields_are_described_as_the_user_sees_them():
    report = demo_report()
    assert describe(report, "sections.0.children.2.children.1.entries.0.text") == "paragraph 1 of “Công tác tư tưởng”"
    assert describe(report, "sections.0.title") == "the heading “KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2026”"
    assert describe(report, "basis") == "the opening sentence"
    assert describe(report, "targets.1.label") == "target 2"
    assert describe(report, "organisation.upper_body") == "upper-level Party organisation"


def test_a_chi_bo_report_with_the_party_code_of_a_dang_uy_is_told_to_write_cb():
    report = demo_report(DemoKind.CHI_BO)
    report.organisation.issuer_code = "ĐU"
    assert "organisation.issuer_code_kind" in codes(report)
