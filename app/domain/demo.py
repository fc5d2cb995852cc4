"""The built-in demos: a year-end report of a đảng bộ cơ sở with 13 chi bộ, every section filled, figures consistent.

Variants: the same đảng bộ's six-month and mid-term reports, and the year-end report of one of its chi bộ.
Each can be printed in another preset, whose demo organisation then issues it (a state body, a Công đoàn, a Đoàn).
"""

from __future__ import annotations

import enum
from dataclasses import replace
from datetime import date
from decimal import Decimal

from app.domain.inspection import Discipline, Inspection, MemberDiscipline, OrgMemberCount
from app.domain.member_stats import Membership
from app.domain.organisation import Organisation, OrgKind, Signature
from app.domain.outline import default_outline
from app.domain.party_life import PartyLife
from app.domain.period import PeriodKind
from app.domain.presets import Preset
from app.domain.ratings import Level, RatingCounts, Ratings
from app.domain.report import Entry, EntryKind, Report, ReportKind, Statistics, UnitFigures, settings_for
from app.domain.roster import Member, MemberStatus, Roster, Sex
from app.domain.roster_stats import apply_roster
from app.domain.targets import Comparator, Target

P, B, S = EntryKind.PARAGRAPH, EntryKind.BULLET, EntryKind.SUB_BULLET

# Section key → its text. Generated sentences (from the statistics) come first, these after them.
_TEXTS: dict[str, list[tuple[EntryKind, str]]] = {
    "dac_diem": [
        (P, "Đảng bộ Trường Cao đẳng Kỹ thuật Công nghiệp là đảng bộ cơ sở trực thuộc Đảng bộ Ủy ban nhân dân tỉnh; "
            "Ban Chấp hành Đảng bộ nhiệm kỳ 2025 - 2030 có 09 đồng chí, Ban Thường vụ có 03 đồng chí."),
        (P, "Thuận lợi: Đảng bộ luôn nhận được sự quan tâm lãnh đạo, chỉ đạo sát sao của Ban Thường vụ Đảng ủy cấp trên; "
            "nội bộ đoàn kết, thống nhất; đội ngũ cán bộ, đảng viên có trình độ chuyên môn vững vàng, "
            "tâm huyết với sự nghiệp đào tạo nghề."),
        (P, "Khó khăn: Bên cạnh thuận lợi, Đảng bộ gặp không ít khó khăn do phần lớn cấp ủy viên hoạt động kiêm nhiệm; "
            "quy mô tuyển sinh biến động, nguồn kinh phí tự chủ còn hạn chế; một bộ phận học sinh, sinh viên "
            "chịu tác động tiêu cực của mạng xã hội."),
    ],
    "nhiem_vu_chinh_tri": [
        (P, "Đảng ủy lãnh đạo nhà trường hoàn thành toàn diện các nhiệm vụ chuyên môn năm học; nghị quyết của Đảng ủy "
            "và các chi bộ được cụ thể hóa bằng kế hoạch công tác của nhà trường, phân công rõ người, rõ việc, rõ thời hạn."),
        (B, "Tuyển sinh 1.462 học sinh, sinh viên, đạt 104,4% kế hoạch; tỷ lệ học sinh, sinh viên tốt nghiệp có việc làm "
            "sau 6 tháng đạt 87,5%."),
        (B, "100% khoa, phòng trong Đảng bộ hoàn thành tốt nhiệm vụ chuyên môn năm 2026, trong đó 03 đơn vị "
            "hoàn thành xuất sắc."),
        (B, "Hoàn thành kiểm định chất lượng cơ sở giáo dục nghề nghiệp; chuyển đổi số trong quản lý đào tạo được "
            "đẩy mạnh, 100% hồ sơ học vụ được quản lý trên phần mềm."),
    ],
    "chinh_tri": [
        (P, "Đảng ủy quán triệt và thực hiện nghiêm các nguyên tắc tổ chức và hoạt động của Đảng, trước hết là nguyên tắc "
            "tập trung dân chủ; giữ vững vai trò lãnh đạo toàn diện của Đảng ủy đối với mọi mặt công tác của nhà trường."),
        (P, "Năng lực lãnh đạo, sức chiến đấu của Đảng bộ và các chi bộ được nâng lên; các nghị quyết chuyên đề được ban hành "
            "kịp thời, sát với thực tiễn và được kiểm tra, đôn đốc thực hiện đến cùng."),
    ],
    "tu_tuong": [
        (P, "Công tác giáo dục chính trị, tư tưởng được quan tâm thường xuyên; Đảng ủy chỉ đạo nắm bắt kịp thời tâm tư, "
            "nguyện vọng của cán bộ, giảng viên và dư luận xã hội để định hướng, giải quyết."),
        (B, "Ban Chỉ đạo 35 của Đảng ủy chủ động đấu tranh, phản bác các quan điểm sai trái, thù địch, góp phần bảo vệ "
            "nền tảng tư tưởng của Đảng; 100% đảng viên cam kết không đăng tải, chia sẻ thông tin sai sự thật trên mạng xã hội."),
        (B, "Trong năm, không có đảng viên có biểu hiện suy thoái về tư tưởng chính trị, đạo đức, lối sống."),
    ],
    "dao_duc": [
        (P, "Việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh được gắn với thực hiện Quy định về "
            "trách nhiệm nêu gương của cán bộ, đảng viên và nhiệm vụ chuyên môn của từng khoa, phòng."),
        (B, "Mỗi đảng viên đăng ký ít nhất 01 việc làm cụ thể để làm theo; cuối năm các chi bộ kiểm điểm, đánh giá kết quả."),
        (B, "Đảng ủy biểu dương 03 tập thể và 07 cá nhân điển hình trong học tập và làm theo tư tưởng, đạo đức, "
            "phong cách Hồ Chí Minh."),
    ],
    "to_chuc_can_bo": [
        (P, "Đảng ủy kiện toàn tổ chức bộ máy sau sắp xếp, điều chỉnh phân công nhiệm vụ cấp ủy viên phụ trách chi bộ; "
            "rà soát, bổ sung quy hoạch cấp ủy nhiệm kỳ 2025 - 2030 và quy hoạch cán bộ quản lý giai đoạn 2026 - 2031."),
    ],
    "kiem_tra": [
        (P, "Ủy ban Kiểm tra Đảng ủy tham mưu xây dựng và thực hiện chương trình kiểm tra, giám sát năm 2026 đúng tiến độ; "
            "qua kiểm tra, giám sát, các tổ chức đảng và đảng viên chấp hành tốt Cương lĩnh, Điều lệ Đảng, "
            "nghị quyết, chỉ thị của Đảng."),
    ],
    "dan_van": [
        (P, "Cấp ủy lãnh đạo nhà trường thực hiện nghiêm quy chế dân chủ ở cơ sở, tổ chức hội nghị cán bộ, viên chức, "
            "người lao động đúng quy định; công khai tài chính, tuyển dụng, thi đua, khen thưởng."),
        (B, "Các chi bộ phối hợp với các đoàn thể vận động đóng góp Quỹ “Vì người nghèo” được 25.500.000 đồng."),
        (B, "Tổ chức 02 đợt tình nguyện hè, sửa chữa miễn phí 120 thiết bị điện cho nhân dân vùng khó khăn."),
    ],
    "phong_chong_tham_nhung": [
        (P, "Đảng ủy chỉ đạo thực hiện nghiêm việc kê khai tài sản, thu nhập; công khai, minh bạch trong mua sắm, "
            "đấu thầu; trong năm không phát hiện vụ việc tham nhũng, lãng phí, tiêu cực."),
    ],
    "phuong_thuc": [
        (P, "Đảng ủy sửa đổi, bổ sung Quy chế làm việc nhiệm kỳ 2025 - 2030; duy trì giao ban định kỳ giữa Thường trực "
            "Đảng ủy với Ban Giám hiệu và các đoàn thể; tăng cường ứng dụng công nghệ thông tin, sổ tay đảng viên điện tử."),
    ],
    "doan_the": [
        (P, "Đảng ủy lãnh đạo Công đoàn, Đoàn Thanh niên, Hội Cựu chiến binh hoạt động đúng điều lệ, gắn với nhiệm vụ "
            "chính trị của nhà trường."),
        (B, "Công đoàn trường và Đoàn Thanh niên được cấp trên đánh giá hoàn thành tốt nhiệm vụ; các đoàn thể giới thiệu "
            "05 quần chúng ưu tú cho Đảng xem xét, bồi dưỡng."),
        (B, "Hội Cựu chiến binh tích cực tham gia giáo dục truyền thống cho học sinh, sinh viên."),
    ],
    "uu_diem": [
        (P, "Năm 2026, Đảng bộ đoàn kết, thống nhất, lãnh đạo hoàn thành toàn diện nhiệm vụ chính trị; công tác xây dựng "
            "Đảng được chú trọng trên cả bốn mặt chính trị, tư tưởng, đạo đức, tổ chức và cán bộ; vai trò nêu gương của "
            "cán bộ, đảng viên, trước hết là người đứng đầu, được phát huy."),
    ],
    "han_che": [
        (B, "Chất lượng sinh hoạt chi bộ ở một số nơi chưa cao, nội dung còn thiên về công tác chuyên môn."),
        (B, "Việc nắm bắt tư tưởng của học sinh, sinh viên có lúc chưa kịp thời; công tác phát triển đảng viên trong "
            "học sinh, sinh viên còn khó khăn."),
    ],
    "nguyen_nhan_khach_quan": [
        (P, "Khối lượng công việc chuyên môn lớn, nhiều đảng viên kiêm nhiệm; học sinh, sinh viên học tập ngắn hạn "
            "nên thời gian rèn luyện, thử thách chưa đủ."),
    ],
    "nguyen_nhan_chu_quan": [
        (P, "Một số cấp ủy viên chưa dành thời gian thỏa đáng cho công tác đảng; việc đôn đốc thực hiện nghị quyết "
            "có lúc chưa thường xuyên."),
    ],
    "bai_hoc": [
        (B, "Giữ vững đoàn kết trong cấp ủy, phát huy vai trò nêu gương của người đứng đầu."),
        (B, "Nghị quyết phải ngắn gọn, sát thực tiễn và được kiểm tra đến cùng."),
        (B, "Gắn công tác xây dựng Đảng với nhiệm vụ chuyên môn, lấy kết quả đào tạo làm thước đo."),
    ],
    "phuong_huong": [
        (P, "Năm 2027, Đảng bộ tiếp tục nâng cao năng lực lãnh đạo và sức chiến đấu, xây dựng Đảng bộ trong sạch, "
            "vững mạnh; lãnh đạo nhà trường hoàn thành xuất sắc nhiệm vụ năm học, phấn đấu hoàn thành tốt nhiệm vụ trở lên."),
    ],
    "nhiem_vu_giai_phap": [
        (B, "Tiếp tục đổi mới nội dung, phương thức học tập, quán triệt nghị quyết; tăng cường công tác tư tưởng, "
            "bảo vệ nền tảng tư tưởng của Đảng trên không gian mạng."),
        (B, "Nâng cao chất lượng sinh hoạt chi bộ, mỗi quý ít nhất 01 lần sinh hoạt chuyên đề."),
        (B, "Chú trọng bồi dưỡng, kết nạp đảng viên là giảng viên trẻ và học sinh, sinh viên ưu tú."),
        (S, "Mỗi chi bộ giới thiệu ít nhất 01 quần chúng ưu tú học lớp bồi dưỡng nhận thức về Đảng."),
        (B, "Thực hiện tốt chương trình kiểm tra, giám sát năm 2027; kiểm tra việc thu, nộp, quản lý đảng phí."),
        (B, "Lãnh đạo thực hiện quy chế dân chủ ở cơ sở; phát huy vai trò của Công đoàn, Đoàn Thanh niên."),
    ],
    "de_xuat": [
        (B, "Đề nghị Ban Thường vụ Đảng ủy cấp trên mở lớp bồi dưỡng nghiệp vụ công tác đảng cho bí thư, "
            "phó bí thư chi bộ."),
        (B, "Đề nghị quan tâm bố trí kinh phí hỗ trợ hoạt động của các chi bộ học sinh, sinh viên."),
    ],
}


def demo_organisation() -> Organisation:
    return Organisation(
        name="Đảng bộ Trường Cao đẳng Kỹ thuật Công nghiệp",
        upper_body="ĐẢNG BỘ ỦY BAN NHÂN DÂN TỈNH",
        issuer_name="ĐẢNG ỦY TRƯỜNG CAO ĐẲNG KỸ THUẬT CÔNG NGHIỆP",
        kind=OrgKind.DANG_BO_CO_SO,
        issuer_code="ĐU",
        place="Thái Nguyên",
        short_name="Đảng bộ Trường",
        signature=Signature(authority="T/M ĐẢNG ỦY", position="BÍ THƯ", name="Nguyễn Văn A"),
        recipients=[
            "- Ban Thường vụ Đảng ủy UBND tỉnh (để báo cáo),",
            "- Ban Tổ chức Đảng ủy UBND tỉnh,",
            "- Các đồng chí Đảng ủy viên,",
            "- Các chi bộ trực thuộc,",
            "- Lưu Văn phòng Đảng ủy.",
        ],
    )


def demo_statistics() -> Statistics:
    """The demo's figures: 94 + 4 + 2 − 1 − 1 = 98 members in 13 chi bộ."""
    return Statistics(
        units=13,
        membership=Membership(
            opening_total=94, opening_probationary=5, admitted=4, transferred_in=2, transferred_out=1,
            deceased=1, recognised_official=3, closing_total=98, closing_official=92, closing_probationary=6,
            female=41, exempt=2, temporary_in=1, candidates_trained=12, candidates=5, badges={30: 2, 40: 1},
        ),
        ratings=Ratings(
            organisations=RatingCounts(total=13, excellent=2, good=11, exemplary=1),
            members=RatingCounts(total=98, excellent=13, good=84, complete=1),
        ),
        inspection=Inspection(
            scheduled=OrgMemberCount(3, 5), topical_supervision=OrgMemberCount(2, 4),
            regular_supervision=OrgMemberCount(13, 0), lower_level_tasks=2, finance=1, dues=13,
            members_violating=1, members_to_discipline=1,
        ),
        discipline=Discipline(members=MemberDiscipline(total=1, reprimand=1)),
        party_life=PartyLife(
            resolutions_studied=5, study_participants=96, study_members=98, meetings_held=12,
            meetings_required=12, thematic_meetings=4, theme_plan_units=13,
            annual_theme="Đẩy mạnh chuyển đổi số, nâng cao chất lượng đào tạo nguồn nhân lực",
            commendations=[
                "Ban Thường vụ Đảng ủy UBND tỉnh tặng Giấy khen cho 01 chi bộ và 04 đảng viên hoàn thành xuất sắc nhiệm vụ "
                "tiêu biểu",
            ],
        ),
    )


class DemoKind(enum.StrEnum):
    """Which built-in demo report: the đảng bộ's year-end (the default), six-month or mid-term one, a chi bộ's,
    a school's chi bộ reporting on the school year, the same chi bộ with its member roster driving the counts,
    or a chi bộ's political report to its congress at the end of the 2020 - 2025 term and its committee's
    self-review."""

    DANG_BO = "dang-bo"
    CHI_BO = "chi-bo"
    SIX_MONTH = "six-month"
    MID_TERM = "mid-term"
    SCHOOL = "school"
    ROSTER = "roster"
    CONGRESS = "congress"
    CONGRESS_REVIEW = "congress-review"


def demo_report(kind: str = DemoKind.DANG_BO, preset: str = Preset.PARTY) -> Report:
    """A fresh copy of a demo report (callers may change it freely), issued in preset by that preset's demo body."""
    builders = {
        DemoKind.DANG_BO: _dang_bo_report,
        DemoKind.CHI_BO: _chi_bo_report,
        DemoKind.SIX_MONTH: _six_month_report,
        DemoKind.MID_TERM: _mid_term_report,
        DemoKind.SCHOOL: _school_report,
        DemoKind.ROSTER: _roster_report,
        DemoKind.CONGRESS: _congress_report,
        DemoKind.CONGRESS_REVIEW: _congress_review,
    }
    report = builders[DemoKind(kind)]()
    if Preset(preset) is not Preset.PARTY:
        _issue_in(report, Preset(preset))
    return report


def _fill_texts(report: Report, texts: dict[str, list[tuple[EntryKind, str]]]) -> Report:
    for section in report.walk_sections():
        section.entries = [Entry(text, kind) for kind, text in texts.get(section.key, [])]
    return report


def _dang_bo_report() -> Report:
    report = Report(
        organisation=demo_organisation(),
        year=2026,
        kind=ReportKind.YEAR_END,
        number=25,
        issued_on=date(2026, 12, 15),
        term="2025 - 2030",
        basis=(
            "Thực hiện Hướng dẫn số 45-HD/ĐU, ngày 10/11/2026 của Ban Thường vụ Đảng ủy Ủy ban nhân dân tỉnh về "
            "tổng kết công tác xây dựng Đảng năm 2026, Đảng ủy Trường Cao đẳng Kỹ thuật Công nghiệp báo cáo kết quả "
            "thực hiện nhiệm vụ năm 2026 và phương hướng, nhiệm vụ năm 2027 như sau:"
        ),
        sections=default_outline(ReportKind.YEAR_END, OrgKind.DANG_BO_CO_SO),
        stats=demo_statistics(),
        targets=[
            Target("kết nạp đảng viên mới", Decimal(2), "đảng viên", result=Decimal(4)),
            Target("đảng viên được học tập, quán triệt nghị quyết", Decimal(95), "đảng viên", is_percent=True,
                   result=Decimal("98.0")),
            Target("chi bộ hoàn thành tốt nhiệm vụ trở lên", Decimal(90), "chi bộ", is_percent=True,
                   comparator=Comparator.MORE_THAN, result=Decimal(100)),
            Target("quần chúng ưu tú được học lớp bồi dưỡng nhận thức về Đảng", Decimal(10), "người",
                   result=Decimal(12)),
            Target("chi bộ sinh hoạt chuyên đề ít nhất 01 lần mỗi quý", Decimal(100), "chi bộ", is_percent=True,
                   result=Decimal(100)),
        ],
        next_targets=[
            Target("đảng viên được học tập, quán triệt các nghị quyết, chỉ thị của Đảng", Decimal(100), "đảng viên",
                   is_percent=True),
            Target("chi bộ hoàn thành tốt nhiệm vụ trở lên", Decimal(90), "chi bộ", is_percent=True,
                   comparator=Comparator.MORE_THAN),
            Target("kết nạp đảng viên mới", Decimal(3), "đảng viên"),
            Target("chi bộ xây dựng kế hoạch thực hiện chủ đề năm", Decimal(100), "chi bộ", is_percent=True),
        ],
    )
    return _fill_texts(report, _TEXTS)


# The six-month report of the same đảng bộ: figures of January to June, the year's targets half done.
def _six_month_report() -> Report:
    report = _dang_bo_report()
    report.kind = ReportKind.SIX_MONTH
    report.number = 12
    report.issued_on = date(2026, 6, 15)
    report.basis = (
        "Thực hiện Công văn số 52-CV/ĐU, ngày 25/5/2026 của Ban Thường vụ Đảng ủy Ủy ban nhân dân tỉnh về sơ kết "
        "công tác xây dựng Đảng 6 tháng đầu năm 2026, Đảng ủy Trường Cao đẳng Kỹ thuật Công nghiệp báo cáo như sau:"
    )
    report.sections = default_outline(ReportKind.SIX_MONTH, OrgKind.DANG_BO_CO_SO)
    stats = demo_statistics()
    stats.membership = Membership(
        opening_total=94, opening_probationary=5, admitted=2, transferred_in=1, recognised_official=2,
        closing_total=97, closing_official=92, closing_probationary=5, female=40, exempt=2, candidates_trained=6,
        candidates=4,
    )
    stats.ratings = Ratings()
    stats.inspection = Inspection(scheduled=OrgMemberCount(2, 2), topical_supervision=OrgMemberCount(1, 2), dues=13)
    stats.discipline = Discipline()
    stats.party_life = replace(stats.party_life, meetings_held=6, meetings_required=6, thematic_meetings=2,
                               study_participants=95, study_members=97, resolutions_studied=3, commendations=[])
    report.stats = stats
    report.targets = [
        Target("kết nạp đảng viên mới", Decimal(4), "đảng viên", result=Decimal(2)),
        Target("quần chúng ưu tú được học lớp bồi dưỡng nhận thức về Đảng", Decimal(10), "người", result=Decimal(6)),
        Target("đảng viên được học tập, quán triệt nghị quyết", Decimal(95), "đảng viên", is_percent=True,
               result=Decimal("97.9")),
    ]
    report.next_targets = []
    texts = dict(_TEXTS)
    texts["nhiem_vu_giai_phap"] = [
        (B, "Chuẩn bị tốt việc đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên cuối năm 2026."),
        (B, "Tập trung bồi dưỡng, kết nạp ít nhất 02 đảng viên mới để hoàn thành chỉ tiêu cả năm."),
        (B, "Thực hiện chương trình kiểm tra, giám sát 6 tháng cuối năm theo kế hoạch."),
    ]
    texts["uu_diem"] = [(P, "Trong 6 tháng đầu năm, Đảng bộ đoàn kết, lãnh đạo hoàn thành các nhiệm vụ trọng tâm; "
                            "sinh hoạt chi bộ được duy trì nền nếp.")]
    return _fill_texts(report, texts)


# The mid-term report of the 2025 - 2030 term: figures since the congress, the resolution's targets.
def _mid_term_report() -> Report:
    report = _dang_bo_report()
    report.kind = ReportKind.MID_TERM
    report.year = 2027
    report.number = 31
    report.issued_on = date(2027, 11, 20)
    report.basis = (
        "Thực hiện Kế hoạch số 18-KH/ĐU, ngày 05/9/2027 của Ban Thường vụ Đảng ủy Ủy ban nhân dân tỉnh về sơ kết "
        "giữa nhiệm kỳ thực hiện nghị quyết đại hội đảng bộ các cấp, Ban Chấp hành Đảng bộ Trường báo cáo như sau:"
    )
    report.sections = default_outline(ReportKind.MID_TERM, OrgKind.DANG_BO_CO_SO)
    stats = demo_statistics()
    stats.membership = Membership(
        opening_total=90, opening_probationary=4, admitted=9, transferred_in=4, transferred_out=3, deceased=2,
        recognised_official=7, closing_total=98, closing_official=92, closing_probationary=6, female=41, exempt=2,
        candidates_trained=25, candidates=5, badges={30: 3, 40: 2},
    )
    stats.discipline = Discipline(members=MemberDiscipline(total=1, reprimand=1))
    report.stats = stats
    report.targets = [
        Target("kết nạp đảng viên mới trong nhiệm kỳ", Decimal(15), "đảng viên", result=Decimal(9)),
        Target("chi bộ hoàn thành tốt nhiệm vụ trở lên hằng năm", Decimal(90), "chi bộ", is_percent=True,
               comparator=Comparator.MORE_THAN, result=Decimal(100)),
        Target("đảng viên được học tập, quán triệt nghị quyết", Decimal(100), "đảng viên", is_percent=True,
               result=Decimal("98.0")),
        Target("quần chúng ưu tú được học lớp bồi dưỡng nhận thức về Đảng", Decimal(40), "người", result=Decimal(25)),
        Target("chi bộ sinh hoạt chuyên đề ít nhất 01 lần mỗi quý", Decimal(100), "chi bộ", is_percent=True,
               result=Decimal(100)),
    ]
    report.next_targets = []
    # A mid-term report is long: its statistics go to Phụ lục 1–3 after the signature.
    report.settings.annexes = True
    texts = dict(_TEXTS)
    texts["nhiem_vu_giai_phap"] = [
        (B, "Tiếp tục thực hiện đồng bộ các giải pháp để hoàn thành các chỉ tiêu Nghị quyết Đại hội nhiệm kỳ "
            "2025 - 2030, trọng tâm là công tác phát triển đảng viên."),
        (B, "Chuẩn bị tốt nhân sự cấp ủy nhiệm kỳ 2030 - 2035."),
    ]
    texts["chi_tieu"] = [(P, "Giữ nguyên các chỉ tiêu Nghị quyết Đại hội đề ra.")]
    texts["uu_diem"] = [(P, "Sau hơn nửa nhiệm kỳ, Đảng bộ đoàn kết, thống nhất, lãnh đạo hoàn thành toàn diện "
                            "nhiệm vụ chính trị của nhà trường.")]
    return _fill_texts(report, texts)


_CHI_BO_TEXTS: dict[str, list[tuple[EntryKind, str]]] = {
    "dac_diem": [
        (P, "Chi bộ Khoa Cơ khí là chi bộ trực thuộc Đảng bộ Trường; chi ủy nhiệm kỳ 2025 - 2027 có 03 đồng chí."),
        (P, "Thuận lợi: nội bộ đoàn kết; đảng viên có trình độ chuyên môn vững vàng. Khó khăn: khối lượng giảng dạy "
            "lớn, nhiều đảng viên kiêm nhiệm công tác quản lý."),
    ],
    "nhiem_vu_chinh_tri": [
        (P, "Chi bộ lãnh đạo Khoa hoàn thành kế hoạch giảng dạy năm học; 100% giảng viên hoàn thành nhiệm vụ chuyên môn."),
    ],
    # A chi bộ's outline has no sections of their own for politics, dân vận, corruption and working methods:
    # they are written under ideology, the mass organisations, ethics and the building of the chi bộ.
    "tu_tuong": [
        (P, "Chi bộ thực hiện nghiêm nguyên tắc tập trung dân chủ, tự phê bình và phê bình."),
        (P, "Tư tưởng của đảng viên ổn định; không có đảng viên vi phạm quy định về phát ngôn trên mạng xã hội."),
    ],
    "dao_duc": [
        (B, "Mỗi đảng viên đăng ký ít nhất 01 việc làm cụ thể để làm theo tư tưởng, đạo đức, "
            "phong cách Hồ Chí Minh."),
        (P, "Đảng viên trong Chi bộ kê khai tài sản, thu nhập đúng quy định; không có đảng viên vi phạm."),
    ],
    "to_chuc_can_bo": [
        (P, "Chi bộ thực hiện nghiêm quy chế làm việc; nghị quyết hằng tháng ngắn gọn, sát nhiệm vụ của Khoa."),
        (P, "Chi bộ phân công đảng viên theo dõi, giúp đỡ quần chúng ưu tú phấn đấu vào Đảng."),
    ],
    "kiem_tra": [(P, "Chi bộ giám sát việc thực hiện nhiệm vụ của đảng viên được phân công phụ trách sinh viên.")],
    "doan_the": [
        (P, "Chi bộ lãnh đạo Tổ Công đoàn và Chi đoàn giảng viên hoạt động nền nếp."),
        (P, "Tổ Công đoàn và Chi đoàn giảng viên được đánh giá hoàn thành tốt nhiệm vụ."),
    ],
    "uu_diem": [(P, "Chi bộ đoàn kết, lãnh đạo Khoa hoàn thành tốt nhiệm vụ chính trị năm 2026.")],
    "han_che": [(B, "Nội dung sinh hoạt chi bộ có lúc còn thiên về công tác chuyên môn.")],
    "nguyen_nhan_khach_quan": [(P, "Khối lượng công việc chuyên môn lớn.")],
    "nguyen_nhan_chu_quan": [(P, "Chi ủy chưa chuẩn bị kỹ nội dung một số buổi sinh hoạt.")],
    "bai_hoc": [(B, "Chuẩn bị kỹ nội dung sinh hoạt, gắn với nhiệm vụ chuyên môn của Khoa.")],
    "phuong_huong": [(P, "Năm 2027, Chi bộ phấn đấu hoàn thành tốt nhiệm vụ trở lên.")],
    "nhiem_vu_giai_phap": [
        (B, "Nâng cao chất lượng sinh hoạt chi bộ, mỗi quý ít nhất 01 lần sinh hoạt chuyên đề."),
        (B, "Bồi dưỡng, giới thiệu ít nhất 01 quần chúng ưu tú để Đảng ủy xem xét kết nạp."),
    ],
}


_SCHOOL_TEXTS: dict[str, list[tuple[EntryKind, str]]] = {
    "dac_diem": [
        (P, "Chi bộ Trường Trung học cơ sở Hòa Bình là chi bộ cơ sở trực thuộc Đảng ủy xã; chi ủy nhiệm kỳ "
            "2025 - 2027 có 03 đồng chí. Nhà trường có 35 cán bộ, giáo viên, nhân viên, 18 lớp với 612 học sinh."),
        (P, "Thuận lợi: đội ngũ giáo viên đủ về số lượng, đạt chuẩn về trình độ; nội bộ đoàn kết. Khó khăn: cơ sở "
            "vật chất còn thiếu phòng học bộ môn."),
    ],
    "nhiem_vu_chinh_tri": [
        (P, "Chi bộ lãnh đạo nhà trường hoàn thành kế hoạch giáo dục; tỷ lệ học sinh lên lớp đạt 99,3%, "
            "100% học sinh lớp 9 được xét công nhận tốt nghiệp trung học cơ sở."),
        (P, "Có 12 học sinh đạt giải trong kỳ thi học sinh giỏi cấp huyện, 03 học sinh đạt giải cấp tỉnh."),
    ],
    "tu_tuong": [
        (P, "Chi bộ tổ chức cho đảng viên, cán bộ, giáo viên học tập, quán triệt các nghị quyết, chỉ thị của Đảng; "
            "tư tưởng của đảng viên ổn định, yên tâm công tác."),
    ],
    "dao_duc": [
        (B, "Mỗi đảng viên đăng ký ít nhất 01 việc làm cụ thể để làm theo tư tưởng, đạo đức, "
            "phong cách Hồ Chí Minh gắn với phong trào thi đua “Dạy tốt - Học tốt”."),
    ],
    "to_chuc_can_bo": [
        (P, "Chi bộ duy trì sinh hoạt định kỳ vào ngày 05 hằng tháng; nội dung sinh hoạt gắn với nhiệm vụ "
            "giáo dục của nhà trường."),
    ],
    "kiem_tra": [(P, "Chi bộ giám sát việc thực hiện quy định về đạo đức nhà giáo của đảng viên.")],
    "doan_the": [
        (P, "Chi bộ lãnh đạo Công đoàn, Chi đoàn giáo viên và Liên đội hoạt động đúng điều lệ; Liên đội được "
            "công nhận vững mạnh."),
    ],
    "uu_diem": [(P, "Chi bộ đoàn kết, lãnh đạo nhà trường hoàn thành tốt nhiệm vụ năm học.")],
    "han_che": [(B, "Việc đổi mới phương pháp dạy học ở một số môn còn chậm.")],
    "nguyen_nhan_khach_quan": [(P, "Cơ sở vật chất, thiết bị dạy học còn thiếu.")],
    "nguyen_nhan_chu_quan": [(P, "Một số đảng viên chưa chủ động tự học, tự bồi dưỡng.")],
    "bai_hoc": [(B, "Gắn sinh hoạt chi bộ với nhiệm vụ dạy và học của nhà trường.")],
    "phuong_huong": [(P, "Chi bộ phấn đấu hoàn thành tốt nhiệm vụ; nhà trường giữ vững chuẩn quốc gia mức độ 1.")],
    "nhiem_vu_giai_phap": [
        (B, "Nâng cao chất lượng sinh hoạt chi bộ, mỗi quý ít nhất 01 lần sinh hoạt chuyên đề."),
        (B, "Bồi dưỡng, giới thiệu ít nhất 01 giáo viên ưu tú để Đảng ủy xã xem xét kết nạp."),
    ],
}


# A school's chi bộ reports on the school year (September 2025 to August 2026), not the calendar year.
def _school_report() -> Report:
    organisation = Organisation(
        name="Chi bộ Trường Trung học cơ sở Hòa Bình",
        upper_body="ĐẢNG BỘ XÃ HÒA BÌNH",
        issuer_name="CHI BỘ TRƯỜNG THCS HÒA BÌNH",
        kind=OrgKind.CHI_BO_CO_SO,
        issuer_code="CB",
        place="Hòa Bình",
        short_name="Chi bộ",
        signature=Signature(authority="T/M CHI BỘ", position="BÍ THƯ", name="Nguyễn Thị Lan"),
        recipients=["- Đảng ủy xã (để báo cáo),", "- Đảng viên trong chi bộ,", "- Lưu Chi bộ."],
    )
    report = Report(
        organisation=organisation,
        year=2025,
        period_kind=PeriodKind.SCHOOL_YEAR,
        number=12,
        issued_on=date(2026, 8, 20),
        term="2025 - 2027",
        sections=default_outline(ReportKind.YEAR_END, OrgKind.CHI_BO_CO_SO),
        stats=Statistics(
            units=0,
            membership=Membership(
                opening_total=27, opening_probationary=1, admitted=1, closing_total=28, closing_official=26,
                closing_probationary=2, female=19, candidates_trained=2, candidates=1,
            ),
            ratings=Ratings(members=RatingCounts(total=28, excellent=4, good=21, complete=2, not_rated=1),
                            self_rating=Level.GOOD),
            inspection=Inspection(scheduled=OrgMemberCount(0, 2), topical_supervision=OrgMemberCount(0, 1)),
            party_life=PartyLife(
                resolutions_studied=4, study_participants=27, study_members=27, meetings_held=12,
                meetings_required=12, thematic_meetings=4,
                annual_theme="Đẩy mạnh chuyển đổi số, nâng cao chất lượng giáo dục toàn diện",
            ),
        ),
        targets=[
            Target("kết nạp đảng viên mới", Decimal(1), "đảng viên", result=Decimal(1)),
            Target("đảng viên hoàn thành tốt nhiệm vụ trở lên", Decimal(90), "đảng viên", is_percent=True,
                   result=Decimal("92.6")),
        ],
        next_targets=[
            Target("đảng viên hoàn thành tốt nhiệm vụ trở lên", Decimal(90), "đảng viên", is_percent=True),
            Target("kết nạp đảng viên mới", Decimal(1), "đảng viên"),
        ],
    )
    return _fill_texts(report, _SCHOOL_TEXTS)


# The school's chi bộ keeping its 28 members in the roster: every count of the members comes from the list, and the
# 35 cán bộ, giáo viên of the school give the members' share. Rated at the end of the school year 2025 - 2026.
_ROSTER: list[tuple[str, str, str, date, str | None, int, str, int | None]] = [
    # name, sex (F/M), status (CT/DB), admitted on, rating (X, T, H, K or None), birth year, theory, badge
    ("Nguyễn Thị Lan", "F", "CT", date(1996, 5, 19), "X", 1972, "Trung cấp", None),
    ("Trần Văn Hùng", "M", "CT", date(1994, 3, 26), "X", 1968, "Trung cấp", 30),
    ("Lê Thị Thu Hà", "F", "CT", date(2005, 9, 2), "X", 1979, "Trung cấp", None),
    ("Phạm Thị Mai", "F", "CT", date(2008, 11, 7), "X", 1982, "Sơ cấp", None),
    ("Hoàng Văn Nam", "M", "CT", date(2003, 2, 3), "T", 1977, "Trung cấp", None),
    ("Vũ Thị Hồng", "F", "CT", date(2010, 5, 19), "T", 1985, "Sơ cấp", None),
    ("Đặng Thị Hương", "F", "CT", date(2011, 12, 22), "T", 1986, "Sơ cấp", None),
    ("Bùi Văn Thắng", "M", "CT", date(2009, 8, 19), "T", 1983, "Sơ cấp", None),
    ("Đỗ Thị Ngọc Anh", "F", "CT", date(2012, 3, 8), "T", 1988, "Sơ cấp", None),
    ("Ngô Thị Thanh", "F", "CT", date(2013, 6, 15), "T", 1989, "Sơ cấp", None),
    ("Dương Văn Minh", "M", "CT", date(2007, 1, 9), "T", 1980, "Trung cấp", None),
    ("Lý Thị Kim Oanh", "F", "CT", date(2014, 10, 20), "T", 1990, "Sơ cấp", None),
    ("Trịnh Thị Yến", "F", "CT", date(2015, 4, 30), "T", 1991, "Sơ cấp", None),
    ("Phan Văn Tuấn", "M", "CT", date(2016, 9, 2), "T", 1992, "Sơ cấp", None),
    ("Mai Thị Phương", "F", "CT", date(2016, 11, 20), "T", 1990, "Sơ cấp", None),
    ("Tạ Thị Huyền", "F", "CT", date(2017, 5, 19), "T", 1993, "Sơ cấp", None),
    ("Cao Thị Thúy", "F", "CT", date(2017, 12, 26), "T", 1992, "Sơ cấp", None),
    ("Lưu Văn Đức", "M", "CT", date(2018, 3, 26), "T", 1994, "Sơ cấp", None),
    ("Hồ Thị Nga", "F", "CT", date(2018, 9, 2), "T", 1993, "Sơ cấp", None),
    ("Chu Thị Hạnh", "F", "CT", date(2019, 5, 19), "T", 1995, "Sơ cấp", None),
    ("Kiều Thị Lụa", "F", "CT", date(2019, 11, 20), "T", 1994, "Sơ cấp", None),
    ("Đinh Thị Quỳnh", "F", "CT", date(2020, 6, 10), "T", 1996, "Sơ cấp", None),
    ("Nông Văn Tài", "M", "CT", date(2021, 2, 3), "T", 1995, "Sơ cấp", None),
    ("La Thị Xuân", "F", "CT", date(2021, 10, 14), "T", 1997, "Sơ cấp", None),
    ("Vi Thị Hoa", "F", "CT", date(2022, 5, 19), "H", 1996, "Sơ cấp", None),
    ("Triệu Thị Dung", "F", "CT", date(2022, 12, 22), "H", 1997, "Sơ cấp", None),
    ("Lâm Thị Bích", "F", "DB", date(2025, 3, 26), "T", 1998, "", None),
    ("Quách Văn Long", "M", "DB", date(2026, 3, 26), None, 1999, "", None),
]
_RATING_CODES = {"X": Level.EXCELLENT, "T": Level.GOOD, "H": Level.COMPLETE, "K": Level.NOT_COMPLETE}


def _roster_report() -> Report:
    report = _school_report()
    report.number = 14
    report.stats.unit = UnitFigures(staff=35)
    report.roster = Roster(members=[
        Member(name, MemberStatus.PROBATIONARY if status == "DB" else MemberStatus.OFFICIAL,
               Sex.FEMALE if sex == "F" else Sex.MALE, admitted, None if code is None else _RATING_CODES[code],
               False, born, theory, badge)
        for name, sex, status, admitted, code, born, theory, badge in _ROSTER
    ], in_use=True, annex=True)
    apply_roster(report)
    return report


# The year-end report of one chi bộ of the đảng bộ: its own members only, a self-rating, no Ủy ban Kiểm tra.
def _chi_bo_report() -> Report:
    organisation = Organisation(
        name="Chi bộ Khoa Cơ khí",
        upper_body="ĐẢNG BỘ TRƯỜNG CAO ĐẲNG KỸ THUẬT CÔNG NGHIỆP",
        issuer_name="CHI BỘ KHOA CƠ KHÍ",
        kind=OrgKind.CHI_BO_TRUC_THUOC,
        issuer_code="CB",
        place="Thái Nguyên",
        short_name="Chi bộ",
        signature=Signature(authority="T/M CHI BỘ", position="BÍ THƯ", name="Trần Thị B"),
        recipients=["- Đảng ủy Trường (để báo cáo),", "- Đảng viên trong chi bộ,", "- Lưu Chi bộ."],
    )
    report = Report(
        organisation=organisation,
        year=2026,
        number=5,
        issued_on=date(2026, 12, 5),
        term="2025 - 2027",
        basis=(
            "Thực hiện Hướng dẫn số 45-HD/ĐU, ngày 10/11/2026 của Ban Thường vụ Đảng ủy Trường về tổng kết công tác "
            "xây dựng Đảng năm 2026, Chi bộ Khoa Cơ khí báo cáo kết quả thực hiện nhiệm vụ năm 2026 và phương hướng, "
            "nhiệm vụ năm 2027 như sau:"
        ),
        sections=default_outline(ReportKind.YEAR_END, OrgKind.CHI_BO_TRUC_THUOC),
        stats=Statistics(
            units=0,
            membership=Membership(
                opening_total=14, opening_probationary=1, admitted=1, closing_total=15, closing_official=13,
                closing_probationary=2, female=6, candidates_trained=2, candidates=1,
            ),
            ratings=Ratings(members=RatingCounts(total=15, excellent=2, good=11, complete=1, not_rated=1),
                            self_rating=Level.GOOD),
            inspection=Inspection(scheduled=OrgMemberCount(0, 2), topical_supervision=OrgMemberCount(0, 1)),
            party_life=PartyLife(
                resolutions_studied=5, study_participants=15, study_members=15, meetings_held=12,
                meetings_required=12, thematic_meetings=4,
                annual_theme="Đẩy mạnh chuyển đổi số, nâng cao chất lượng đào tạo nguồn nhân lực",
            ),
        ),
        targets=[
            Target("kết nạp đảng viên mới", Decimal(1), "đảng viên", result=Decimal(1)),
            Target("đảng viên hoàn thành tốt nhiệm vụ trở lên", Decimal(90), "đảng viên", is_percent=True,
                   result=Decimal("92.9")),
        ],
        next_targets=[
            Target("đảng viên hoàn thành tốt nhiệm vụ trở lên", Decimal(90), "đảng viên", is_percent=True),
            Target("kết nạp đảng viên mới", Decimal(1), "đảng viên"),
        ],
    )
    return _fill_texts(report, _CHI_BO_TEXTS)


# The bodies that issue the demo in the other presets, and how they name their report.
_PRESET_ORGANISATIONS: dict[Preset, Organisation] = {
    Preset.STATE: Organisation(
        name="Ủy ban nhân dân xã An Bình",
        upper_body="ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN",
        issuer_name="ỦY BAN NHÂN DÂN XÃ AN BÌNH",
        issuer_code="UBND",
        place="An Bình",
        short_name="Ủy ban nhân dân xã",
        signature=Signature(authority="TM. ỦY BAN NHÂN DÂN", position="CHỦ TỊCH", name="Lê Văn C"),
        recipients=["- Ủy ban nhân dân tỉnh (để báo cáo);", "- Thường trực Đảng ủy xã;", "- Lưu: VT, VP."],
        preset=Preset.STATE,
    ),
    Preset.CONG_DOAN: Organisation(
        name="Công đoàn Trường Cao đẳng Kỹ thuật Công nghiệp",
        upper_body="CÔNG ĐOÀN VIÊN CHỨC TỈNH THÁI NGUYÊN",
        issuer_name="CÔNG ĐOÀN TRƯỜNG CAO ĐẲNG KỸ THUẬT CÔNG NGHIỆP",
        issuer_code="CĐCS",
        place="Thái Nguyên",
        short_name="Công đoàn Trường",
        signature=Signature(authority="TM. BAN CHẤP HÀNH", position="CHỦ TỊCH", name="Phạm Thị D"),
        recipients=["- Công đoàn Viên chức tỉnh (để báo cáo);", "- Đảng ủy Trường (để báo cáo);", "- Lưu: VT."],
        preset=Preset.CONG_DOAN,
    ),
    Preset.DOAN: Organisation(
        name="Đoàn Trường Cao đẳng Kỹ thuật Công nghiệp",
        upper_body="BCH ĐOÀN TỈNH THÁI NGUYÊN",
        issuer_name="BCH ĐOÀN TRƯỜNG CAO ĐẲNG KỸ THUẬT CÔNG NGHIỆP",
        issuer_code="ĐTN",
        place="Thái Nguyên",
        short_name="Đoàn Trường",
        signature=Signature(authority="TM. BAN THƯỜNG VỤ", position="BÍ THƯ", name="Hoàng Văn E"),
        recipients=["- Tỉnh đoàn (để báo cáo);", "- Đảng ủy Trường (để báo cáo);", "- Lưu VP."],
        preset=Preset.DOAN,
    ),
}
_PRESET_TITLES: dict[Preset, str] = {
    Preset.STATE: "tổng kết công tác năm {year}, phương hướng, nhiệm vụ năm {next_year}",
    Preset.CONG_DOAN: "kết quả công tác Công đoàn tham gia xây dựng Đảng năm {year}, phương hướng, nhiệm vụ "
                      "năm {next_year}",
    Preset.DOAN: "kết quả công tác Đoàn tham gia xây dựng Đảng năm {year}, phương hướng, nhiệm vụ năm {next_year}",
}


def _issue_in(report: Report, preset: Preset) -> None:
    """Make the preset's demo body the issuer of a demo report, with a title and opening of its own."""
    organisation = _PRESET_ORGANISATIONS[preset]
    report.organisation = replace(organisation, signature=replace(organisation.signature),
                                  recipients=list(organisation.recipients), kind=report.organisation.kind)
    if report.kind is ReportKind.YEAR_END:
        report.title = _PRESET_TITLES[preset].format(year=report.year, next_year=report.year + 1)
    report.basis = ""
    defaults = settings_for(preset)
    report.settings = replace(report.settings, end_mark=defaults.end_mark, heading_style=defaults.heading_style)


# The 13 chi bộ of the demo đảng bộ and their year-end reports, whose roll-up is demo_statistics() exactly.
# Per chi bộ: name, closing members, and where the đảng bộ's few events happened (indexes into this list).
_SUB_UNITS: tuple[tuple[str, int, int, str], ...] = (  # name, closing members, rated excellent, secretary
    ("Chi bộ Khoa Cơ khí", 18, 3, "Trần Thị B"),
    ("Chi bộ Khoa Điện - Điện tử", 12, 2, "Lê Văn Hùng"),
    ("Chi bộ Khoa Công nghệ thông tin", 12, 2, "Phạm Thị Thu Hà"),
    ("Chi bộ Khoa Công nghệ ô tô", 9, 1, "Nguyễn Đức Thắng"),
    ("Chi bộ Khoa Kinh tế", 8, 1, "Hoàng Thị Lan"),
    ("Chi bộ Khoa Giáo dục đại cương", 7, 1, "Vũ Văn Nam"),
    ("Chi bộ Khoa Chính trị - Pháp luật", 7, 1, "Đỗ Thị Minh"),
    ("Chi bộ Phòng Đào tạo", 6, 1, "Bùi Quang Huy"),
    ("Chi bộ Phòng Tổ chức - Hành chính", 6, 1, "Ngô Thị Hương"),
    ("Chi bộ Phòng Tài chính - Kế toán", 4, 0, "Đặng Văn Long"),
    ("Chi bộ Phòng Công tác học sinh, sinh viên", 3, 0, "Dương Thị Mai"),
    ("Chi bộ Trung tâm Tuyển sinh và Quan hệ doanh nghiệp", 3, 0, "Lý Văn Tùng"),
    ("Chi bộ Học sinh - Sinh viên", 3, 0, "Trịnh Thị Ngọc"),
)
_SUB_UNIT_EXCELLENT = (0, 1)  # rated "hoàn thành xuất sắc nhiệm vụ" by the Đảng ủy; the first is also "tiêu biểu"


def _at(indexes: tuple[int, ...], unit: int, value: int = 1) -> int:
    return value if unit in indexes else 0


def _largest_remainder(total: int, weights: list[int]) -> list[int]:
    """total split in proportion to weights, whole numbers adding up to total (ties to the earlier unit)."""
    whole = sum(weights)
    shares = [total * w // whole for w in weights]
    order = sorted(range(len(weights)), key=lambda i: (-(total * weights[i] % whole), i))
    for i in order[: total - sum(shares)]:
        shares[i] += 1
    return shares


def demo_subunit_names() -> list[str]:
    """The names of the demo đảng bộ's 13 chi bộ, in the order of its list of sub-units."""
    return [unit[0] for unit in _SUB_UNITS]


def demo_subunit_ratings() -> dict[str, Level]:
    """The Đảng ủy's rating of each demo chi bộ: 2 excellent, 11 good (the demo's stats.ratings.organisations)."""
    return {unit[0]: Level.EXCELLENT if i in _SUB_UNIT_EXCELLENT else Level.GOOD for i, unit in enumerate(_SUB_UNITS)}


def demo_subunit_exemplary() -> list[str]:
    """The demo chi bộ rated "tiêu biểu"."""
    return [_SUB_UNITS[_SUB_UNIT_EXCELLENT[0]][0]]


def demo_subunit_reports() -> list[Report]:
    """The year-end reports of the demo đảng bộ's 13 chi bộ; their figures add up to demo_statistics()."""
    sizes = [unit[1] for unit in _SUB_UNITS]
    female = _largest_remainder(41, sizes)
    trained = _largest_remainder(12, sizes)
    theme = demo_statistics().party_life.annual_theme
    reports = []
    for i, (name, closing, excellent, secretary) in enumerate(_SUB_UNITS):
        admitted, transferred_in = _at((0, 1, 2, 3), i), _at((4, 5), i)
        transferred_out, deceased = _at((6,), i), _at((7,), i)
        opening_prob, recognised = _at((0, 1, 8, 9, 10), i), _at((8, 9, 10), i)
        closing_prob = opening_prob + admitted - recognised
        complete = _at((5,), i)
        membership = Membership(
            opening_total=closing - admitted - transferred_in + transferred_out + deceased,
            opening_probationary=opening_prob, admitted=admitted, transferred_in=transferred_in,
            transferred_out=transferred_out, deceased=deceased, recognised_official=recognised,
            closing_total=closing, closing_official=closing - closing_prob, closing_probationary=closing_prob,
            female=female[i], exempt=_at((0, 1), i), temporary_in=_at((2,), i), candidates_trained=trained[i],
            candidates=_at((0, 1, 2, 3, 4), i), badges={30: 1} if i in (0, 1) else {40: 1} if i == 2 else {},
        )
        stats = Statistics(
            units=0,
            membership=membership,
            ratings=Ratings(
                members=RatingCounts(total=closing, excellent=excellent, good=closing - excellent - complete,
                                     complete=complete),
                self_rating=Level.EXCELLENT if i in _SUB_UNIT_EXCELLENT else Level.GOOD),
            inspection=Inspection(
                scheduled=OrgMemberCount(_at((0, 1, 2), i), _at((3, 4, 5, 6, 7), i)),
                topical_supervision=OrgMemberCount(_at((0, 1), i), _at((2, 3, 4, 5), i)),
                regular_supervision=OrgMemberCount(1, 0), lower_level_tasks=_at((0, 1), i), finance=_at((0,), i),
                dues=1, members_violating=_at((6,), i), members_to_discipline=_at((6,), i),
            ),
            discipline=Discipline(members=MemberDiscipline(total=_at((6,), i), reprimand=_at((6,), i))),
            party_life=PartyLife(
                resolutions_studied=5, study_participants=closing - _at((0, 1), i), study_members=closing,
                meetings_held=12, meetings_required=12, thematic_meetings=4, annual_theme=theme,
            ),
        )
        report = _chi_bo_report()
        report.organisation = replace(report.organisation, name=name, issuer_name=name.upper(),
                                      signature=replace(report.organisation.signature, name=secretary))
        report.number = 5 + i
        report.basis = report.basis.replace("Chi bộ Khoa Cơ khí", name)
        report.stats = stats
        report.targets = [Target("kết nạp đảng viên mới", Decimal(1), "đảng viên", result=Decimal(admitted))]
        for section in report.walk_sections():
            for entry in section.entries:
                # "Chi bộ lãnh đạo Khoa …" reads "… đơn vị …" for a chi bộ of a phòng or a trung tâm too.
                entry.text = entry.text.replace("Chi bộ Khoa Cơ khí", "\0").replace("Khoa", "đơn vị").replace(
                    "\0", name)
        reports.append(report)
    return reports


# A chi bộ cơ sở at the end of its 2020 - 2025 term: its political report to the congress of 2025 - 2030, with the
# term's targets beside the figures of its five yearly reports (2020 to 2024).
def _congress_organisation() -> Organisation:
    return Organisation(
        name="Chi bộ Công ty Cổ phần Cơ khí Hòa Bình",
        upper_body="ĐẢNG BỘ XÃ HÒA BÌNH",
        issuer_name="CHI BỘ CÔNG TY CỔ PHẦN CƠ KHÍ HÒA BÌNH",
        kind=OrgKind.CHI_BO_CO_SO,
        issuer_code="CB",
        place="Thái Nguyên",
        short_name="Chi bộ",
        signature=Signature(authority="T/M CHI BỘ", position="BÍ THƯ", name="Phạm Văn Hải"),
        recipients=["- Ban Thường vụ Đảng ủy xã (để báo cáo),", "- Đại biểu dự Đại hội,", "- Lưu Chi bộ."],
    )


# Per target of the term: label, value, unit, is a rate, result over the term, each year's result 2020-2024.
_TERM_TARGETS: tuple[tuple[str, int, str, bool, str, tuple[str, ...]], ...] = (
    ("kết nạp đảng viên mới trong nhiệm kỳ", 5, "đảng viên", False, "6", ("1", "1", "2", "1", "1")),
    ("quần chúng ưu tú được học lớp bồi dưỡng nhận thức về Đảng trong nhiệm kỳ", 10, "người", False, "8",
     ("2", "1", "2", "2", "1")),
    ("đảng viên hoàn thành tốt nhiệm vụ trở lên hằng năm", 90, "đảng viên", True, "93.3",
     ("91.7", "92.3", "92.6", "96.0", "93.3")),
    ("đảng viên được học tập, quán triệt nghị quyết hằng năm", 100, "đảng viên", True, "100",
     ("100", "100", "100", "100", "100")),
)
_CONGRESS_YEARS = (2020, 2021, 2022, 2023, 2024)

_CONGRESS_TEXTS: dict[str, list[tuple[EntryKind, str]]] = {
    "dac_diem": [
        (P, "Công ty Cổ phần Cơ khí Hòa Bình có 186 người lao động; sản xuất kết cấu thép và phụ tùng máy nông "
            "nghiệp. Ban Chấp hành Chi bộ nhiệm kỳ 2020 - 2025 có 03 đồng chí."),
        (P, "Thuận lợi: được cấp ủy cấp trên quan tâm chỉ đạo; nội bộ đoàn kết. Khó khăn: hai năm đầu nhiệm kỳ, dịch "
            "COVID-19 làm đơn hàng giảm mạnh, nhiều đảng viên đi làm theo ca."),
    ],
    "nhiem_vu_chinh_tri": [
        (P, "Chi bộ lãnh đạo Công ty vượt qua khó khăn, doanh thu năm 2024 đạt 142 tỷ đồng, tăng 38% so với năm "
            "2020; thu nhập bình quân của người lao động đạt 9,8 triệu đồng/tháng; nộp ngân sách đầy đủ."),
        (P, "Công ty đầu tư dây chuyền hàn tự động, mở thêm thị trường phụ tùng xuất khẩu."),
    ],
    "tu_tuong": [
        (P, "Chi bộ tổ chức cho đảng viên học tập, quán triệt Nghị quyết Đại hội XIII của Đảng và các nghị quyết, "
            "chỉ thị của cấp trên; tư tưởng của đảng viên, người lao động ổn định."),
    ],
    "dao_duc": [
        (B, "Mỗi năm, mỗi đảng viên đăng ký ít nhất 01 việc làm cụ thể làm theo tư tưởng, đạo đức, phong cách "
            "Hồ Chí Minh gắn với nhiệm vụ sản xuất."),
    ],
    "to_chuc_can_bo": [
        (P, "Chi bộ duy trì sinh hoạt định kỳ vào ngày 05 hằng tháng; nội dung sinh hoạt gắn với kế hoạch sản xuất, "
            "kinh doanh của Công ty."),
    ],
    "kiem_tra": [(P, "Chi bộ giám sát việc thực hiện nhiệm vụ được giao của đảng viên giữ chức vụ quản lý.")],
    "doan_the": [
        (P, "Chi bộ lãnh đạo Công đoàn và Chi đoàn Công ty hoạt động đúng điều lệ; Công đoàn được Liên đoàn Lao "
            "động tỉnh tặng Bằng khen năm 2023."),
    ],
    "uu_diem": [(P, "Ban Chấp hành Chi bộ đoàn kết, lãnh đạo Công ty giữ vững sản xuất trong những năm khó khăn "
                    "và phát triển trong những năm sau.")],
    "han_che": [(B, "Công tác tạo nguồn phát triển đảng viên trong công nhân trực tiếp sản xuất còn chậm; chỉ tiêu "
                    "bồi dưỡng quần chúng ưu tú chưa đạt.")],
    "nguyen_nhan_khach_quan": [(P, "Công nhân làm việc theo ca, khó bố trí thời gian học lớp bồi dưỡng.")],
    "nguyen_nhan_chu_quan": [(P, "Chi bộ chưa phân công đảng viên theo dõi, giúp đỡ từng quần chúng ưu tú.")],
    "bai_hoc": [
        (B, "Giữ vững đoàn kết trong Ban Chấp hành; nghị quyết của Chi bộ gắn với kế hoạch sản xuất, kinh doanh."),
        (B, "Người đứng đầu nêu gương; việc gì đã nghị quyết thì kiểm tra đến cùng."),
    ],
    "phuong_huong": [
        (P, "Nâng cao năng lực lãnh đạo và sức chiến đấu của Chi bộ; lãnh đạo Công ty phát triển bền vững, chăm lo "
            "việc làm và thu nhập của người lao động."),
    ],
    "nhiem_vu_giai_phap": [
        (B, "Phân công mỗi chi ủy viên theo dõi, giúp đỡ quần chúng ưu tú ở từng phân xưởng."),
        (B, "Nâng cao chất lượng sinh hoạt chi bộ, mỗi quý ít nhất 01 lần sinh hoạt chuyên đề."),
    ],
}


def _target_of(label: str, value: int, unit: str, is_percent: bool, result: str | None) -> Target:
    return Target(label, Decimal(value), unit, is_percent=is_percent,
                  result=Decimal(result) if result is not None else None)


def demo_congress_yearly_reports() -> list[Report]:
    """The congress demo chi bộ's year-end reports for 2020 to 2024: their targets and results, year by year."""
    reports = []
    for i, year in enumerate(_CONGRESS_YEARS):
        targets = []
        for label, value, unit, is_percent, _term, years in _TERM_TARGETS:
            # A year's target is a fifth of the term's count (a rate stays the rate).
            yearly_value = value if is_percent else max(1, value // 5)
            targets.append(_target_of(label.replace(" trong nhiệm kỳ", "").replace(" hằng năm", ""), yearly_value,
                                      unit, is_percent, years[i]))
        reports.append(Report(
            organisation=_congress_organisation(), year=year, number=10 + i, issued_on=date(year, 12, 10),
            term="2020 - 2025", sections=default_outline(ReportKind.YEAR_END, OrgKind.CHI_BO_CO_SO), targets=targets,
        ))
    return reports


def _congress_report() -> Report:
    report = Report(
        organisation=_congress_organisation(),
        year=2025,
        kind=ReportKind.CONGRESS_POLITICAL,
        number=8,
        issued_on=date(2025, 5, 20),
        term="2020 - 2025",
        sections=default_outline(ReportKind.CONGRESS_POLITICAL, OrgKind.CHI_BO_CO_SO),
        stats=Statistics(
            units=0,
            membership=Membership(
                opening_total=20, opening_probationary=1, admitted=6, transferred_in=2, transferred_out=3, deceased=1,
                recognised_official=6, closing_total=24, closing_official=23, closing_probationary=1, female=11,
                candidates_trained=8, candidates=2,
            ),
            inspection=Inspection(scheduled=OrgMemberCount(0, 6), topical_supervision=OrgMemberCount(0, 4)),
            party_life=PartyLife(
                resolutions_studied=18, study_participants=24, study_members=24, meetings_held=60,
                meetings_required=60, thematic_meetings=20,
            ),
        ),
        targets=[_target_of(label, value, unit, is_percent, term)
                 for label, value, unit, is_percent, term, _years in _TERM_TARGETS],
        next_targets=[
            Target("kết nạp đảng viên mới trong nhiệm kỳ", Decimal(6), "đảng viên"),
            Target("đảng viên hoàn thành tốt nhiệm vụ trở lên hằng năm", Decimal(90), "đảng viên", is_percent=True),
            Target("đảng viên được học tập, quán triệt các nghị quyết, chỉ thị của Đảng", Decimal(100), "đảng viên",
                   is_percent=True),
        ],
    )
    # The committee presents it: it signs on the committee's behalf.
    report.signature = Signature(authority="T/M BAN CHẤP HÀNH", position="BÍ THƯ", name="Phạm Văn Hải")
    # As read from a database holding the five yearly reports (services.reports.yearly_targets).
    report.yearly_targets = {r.period: r.targets for r in demo_congress_yearly_reports()}
    return _fill_texts(report, _CONGRESS_TEXTS)


def _congress_review() -> Report:
    report = _congress_report()
    report.kind = ReportKind.COMMITTEE_SELF_REVIEW
    report.number = 9
    report.sections = default_outline(ReportKind.COMMITTEE_SELF_REVIEW, OrgKind.CHI_BO_CO_SO)
    report.next_targets = []
    texts = dict(_CONGRESS_TEXTS)
    texts["nhiem_vu_giai_phap"] = [
        (B, "Khắc phục hạn chế trong tạo nguồn phát triển đảng viên: phân công chi ủy viên phụ trách từng phân "
            "xưởng."),
    ]
    return _fill_texts(report, texts)
