"""The conventional outline of a year-end report, per report kind and kind of organisation, as data.

A đảng bộ gets the full outline. A chi bộ (cơ sở or trực thuộc) gets the shorter outline of a chi bộ's own
report: part one is its situation, leading the political task, building the Party (politics and ideology,
ethics, organisation and members, inspection and supervision of its own members), leading the mass
organisations and the overall assessment; part two is its direction, targets and tasks for the next period.
It has no section of proposals and no Ủy ban Kiểm tra (a chi bộ has none: Điều lệ Đảng, Quy định 296-QĐ/TW).
Section keys are shared where a template (templates/sections/<key>.j2) adds sentences from the figures,
so the same figures print under the same heading for both.

Titles may hold {period} and {next_period} (the period's phrases, "năm học 2025 - 2026"; {PERIOD} and
{NEXT_PERIOD} in capitals), {year}, {next_year} and {term}; they are filled in (filled_title) wherever a title
is shown or printed, so an outline copied from last year's report reads right without retyping.

Besides the built-in sections she may add sections of her own anywhere (a part, a heading, a sub-heading), rename
any section and delete the ones she added. A section of her own is one whose key is no built-in key: she adds
them as "rieng_<n>", as the Word importer keeps a heading it cannot match, and no template words sentences for
them, so they hold only her text. A renamed built-in section keeps its key, so its sentences still come.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from app.domain.bounds import MAX_TITLE
from app.domain.errors import UserError
from app.domain.organisation import OrgKind
from app.domain.period import YEAR_PERIODS, Period
from app.domain.report import Report, ReportKind, Section
from app.i18n import _

# Parts are level 0; their sections print "I-" (1), "1-" (2), "a)" (3): the numbering has no fourth level.
MAX_LEVEL = 3
CUSTOM_PREFIX = "rieng_"


# "NĂM {year}" / "năm {next_year}" in a title written before periods: the year's phrase.
_YEAR_PHRASE = re.compile(r"(năm|NĂM|Năm) \{(year|next_year)\}")


def filled_title(title: str, period: Period) -> str:
    """title with its placeholders filled for period ("PHƯƠNG HƯỚNG, NHIỆM VỤ {NEXT_PERIOD}" → "… NĂM HỌC 2026 - 2027").

    In a calendar or school year, "năm {year}" and "năm {next_year}" (outlines written before periods) read as
    {period} and {next_period}, so a school year's copied outline never says "NĂM 2025".
    """
    if period.kind in YEAR_PERIODS:
        def phrase(match: re.Match[str]) -> str:
            text = period.phrase if match.group(2) == "year" else period.next_phrase
            if match.group(1).isupper():
                return text.upper()
            return text[:1].upper() + text[1:] if match.group(1)[0].isupper() else text

        title = _YEAR_PHRASE.sub(phrase, title)
    values = {"{period}": period.phrase, "{next_period}": period.next_phrase,
              "{PERIOD}": period.phrase.upper(), "{NEXT_PERIOD}": period.next_phrase.upper(),
              "{year}": str(period.year), "{next_year}": str(period.year + 1), "{term}": period.term}
    for placeholder, value in values.items():
        title = title.replace(placeholder, value)
    return title


# (key, title, children) — the order is the conventional one; users may reorder and switch off.
Spec = tuple[tuple[str, str, "Spec"], ...]
_BUILDING = (
    ("chinh_tri", "Xây dựng Đảng về chính trị", ()),
    ("tu_tuong", "Công tác tư tưởng", ()),
    ("dao_duc", "Xây dựng Đảng về đạo đức; học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", ()),
    ("to_chuc_can_bo", "Công tác tổ chức, cán bộ và đảng viên", ()),
    ("kiem_tra", "Công tác kiểm tra, giám sát và thi hành kỷ luật đảng", ()),
    ("dan_van", "Công tác dân vận; thực hiện quy chế dân chủ ở cơ sở", ()),
    ("phong_chong_tham_nhung", "Công tác phòng, chống tham nhũng, lãng phí, tiêu cực", ()),
    ("phuong_thuc", "Đổi mới phương thức lãnh đạo; thực hiện quy chế làm việc", ()),
)

# A chi bộ builds itself: politics and ideology together, ethics, its members, and the inspection of them.
_CHI_BO_BUILDING = (
    ("tu_tuong", "Xây dựng Đảng về chính trị, tư tưởng", ()),
    ("dao_duc", "Xây dựng Đảng về đạo đức; học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", ()),
    ("to_chuc_can_bo", "Công tác xây dựng chi bộ và đảng viên", ()),
    ("kiem_tra", "Công tác kiểm tra, giám sát", ()),
)

_ASSESSMENT = (
    ("uu_diem", "Ưu điểm", ()),
    ("han_che", "Hạn chế, khuyết điểm", ()),
    ("nguyen_nhan", "Nguyên nhân", (
        ("nguyen_nhan_khach_quan", "Nguyên nhân khách quan", ()),
        ("nguyen_nhan_chu_quan", "Nguyên nhân chủ quan", ()),
    )),
    ("bai_hoc", "Bài học kinh nghiệm", ()),
)

_PART_TITLES = {
    ReportKind.YEAR_END: ("KẾT QUẢ THỰC HIỆN NHIỆM VỤ {PERIOD}", "PHƯƠNG HƯỚNG, NHIỆM VỤ {NEXT_PERIOD}"),
    ReportKind.SIX_MONTH: ("KẾT QUẢ THỰC HIỆN NHIỆM VỤ {PERIOD}", "NHIỆM VỤ TRỌNG TÂM {NEXT_PERIOD}"),
    ReportKind.MID_TERM: ("KẾT QUẢ NỬA ĐẦU NHIỆM KỲ {term}", "NHIỆM VỤ, GIẢI PHÁP NỬA NHIỆM KỲ CÒN LẠI"),
    ReportKind.CONGRESS_POLITICAL: ("KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI {PERIOD}",
                                    "PHƯƠNG HƯỚNG, MỤC TIÊU, NHIỆM VỤ {NEXT_PERIOD}"),
    ReportKind.COMMITTEE_SELF_REVIEW: ("KIỂM ĐIỂM SỰ LÃNH ĐẠO, CHỈ ĐẠO {PERIOD}",
                                       "PHƯƠNG HƯỚNG KHẮC PHỤC HẠN CHẾ, KHUYẾT ĐIỂM"),
}

# The term's targets set against their results (templates/sections/ket_qua_chi_tieu.j2 prints the table).
_TERM_TARGETS = ("ket_qua_chi_tieu", "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NGHỊ QUYẾT ĐẠI HỘI", ())


def _congress_part_one(kind: ReportKind, org_kind: OrgKind) -> Spec:
    """Part one of a report to a congress: the term's results by area, its targets, then the assessment.

    The political report assesses the term and draws its lessons; the committee's self-review examines its own
    leadership: strengths and weaknesses, their causes, lessons.
    """
    building = _CHI_BO_BUILDING if org_kind.is_chi_bo else _BUILDING
    mass = "LÃNH ĐẠO CÁC ĐOÀN THỂ" if org_kind.is_chi_bo else "LÃNH ĐẠO CHÍNH QUYỀN, MẶT TRẬN VÀ CÁC ĐOÀN THỂ"
    if kind is ReportKind.COMMITTEE_SELF_REVIEW:
        return (
            ("nhiem_vu_chinh_tri", "SỰ LÃNH ĐẠO, CHỈ ĐẠO THỰC HIỆN NHIỆM VỤ CHÍNH TRỊ", ()),
            ("xay_dung_dang", "SỰ LÃNH ĐẠO, CHỈ ĐẠO CÔNG TÁC XÂY DỰNG ĐẢNG", building),
            ("doan_the", mass, ()),
            _TERM_TARGETS,
            ("danh_gia", "ƯU ĐIỂM, KHUYẾT ĐIỂM CỦA BAN CHẤP HÀNH", (
                ("uu_diem", "Ưu điểm", ()),
                ("han_che", "Hạn chế, khuyết điểm", ()),
            )),
            ("nguyen_nhan", "NGUYÊN NHÂN", (
                ("nguyen_nhan_khach_quan", "Nguyên nhân khách quan", ()),
                ("nguyen_nhan_chu_quan", "Nguyên nhân chủ quan", ()),
            )),
            ("bai_hoc", "BÀI HỌC KINH NGHIỆM", ()),
        )
    return (
        ("dac_diem", "ĐẶC ĐIỂM TÌNH HÌNH", ()),
        ("nhiem_vu_chinh_tri", "KẾT QUẢ LÃNH ĐẠO THỰC HIỆN NHIỆM VỤ CHÍNH TRỊ", ()),
        ("xay_dung_dang", "CÔNG TÁC XÂY DỰNG ĐẢNG", building),
        ("doan_the", mass, ()),
        _TERM_TARGETS,
        ("danh_gia", "ĐÁNH GIÁ CHUNG", _ASSESSMENT),
    )


def _congress_part_two(kind: ReportKind) -> Spec:
    if kind is ReportKind.COMMITTEE_SELF_REVIEW:
        return (("nhiem_vu_giai_phap", "NHIỆM VỤ, GIẢI PHÁP KHẮC PHỤC", ()),)
    return (
        ("phuong_huong", "PHƯƠNG HƯỚNG, MỤC TIÊU CHUNG", ()),
        ("chi_tieu", "CÁC CHỈ TIÊU CHỦ YẾU", ()),
        ("nhiem_vu_giai_phap", "NHIỆM VỤ VÀ GIẢI PHÁP", ()),
    )


def _part_one(org_kind: OrgKind) -> Spec:
    if org_kind.is_chi_bo:
        return (
            ("dac_diem", "ĐẶC ĐIỂM TÌNH HÌNH", ()),
            ("nhiem_vu_chinh_tri", "LÃNH ĐẠO THỰC HIỆN NHIỆM VỤ CHÍNH TRỊ", ()),
            ("xay_dung_dang", "CÔNG TÁC XÂY DỰNG ĐẢNG", _CHI_BO_BUILDING),
            ("doan_the", "LÃNH ĐẠO CÁC ĐOÀN THỂ", ()),
            ("danh_gia", "ĐÁNH GIÁ CHUNG", _ASSESSMENT),
        )
    return (
        ("dac_diem", "ĐẶC ĐIỂM TÌNH HÌNH", ()),
        ("nhiem_vu_chinh_tri", "LÃNH ĐẠO THỰC HIỆN NHIỆM VỤ CHÍNH TRỊ", ()),
        ("xay_dung_dang", "CÔNG TÁC XÂY DỰNG ĐẢNG", _BUILDING),
        ("doan_the", "LÃNH ĐẠO CHÍNH QUYỀN, MẶT TRẬN VÀ CÁC ĐOÀN THỂ", ()),
        ("danh_gia", "ĐÁNH GIÁ CHUNG", _ASSESSMENT),
    )


def _part_two(kind: ReportKind, org_kind: OrgKind) -> Spec:
    # A chi bộ reports its tasks to the đảng ủy above; proposals to the upper level are a đảng bộ's part.
    proposals: Spec = () if org_kind.is_chi_bo else (("de_xuat", "ĐỀ XUẤT, KIẾN NGHỊ", ()),)
    if kind is ReportKind.SIX_MONTH:
        return (("nhiem_vu_giai_phap", "NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM", ()), *proposals)
    return (
        ("phuong_huong", "PHƯƠNG HƯỚNG, MỤC TIÊU CHUNG", ()),
        ("chi_tieu", "CÁC CHỈ TIÊU CHỦ YẾU", ()),
        ("nhiem_vu_giai_phap", "NHIỆM VỤ VÀ GIẢI PHÁP", ()),
        *proposals,
    )


def _build(spec: Spec) -> list[Section]:
    return [Section(key=key, title=title, children=_build(children)) for key, title, children in spec]


def default_outline(kind: ReportKind = ReportKind.YEAR_END, org_kind: OrgKind = OrgKind.DANG_BO_CO_SO) -> list[Section]:
    """A fresh outline with no text: the two parts and their sections, for a report of kind by a body of org_kind."""
    first, second = _PART_TITLES[kind]
    if kind.is_congress:
        one, two = _congress_part_one(kind, org_kind), _congress_part_two(kind)
    else:
        one, two = _part_one(org_kind), _part_two(kind, org_kind)
    return [
        Section(key="phan_1", title=first, children=_build(one)),
        Section(key="phan_2", title=second, children=_build(two)),
    ]


@cache
def builtin_keys() -> frozenset[str]:
    """The key of every built-in section, of every kind of report and organisation."""
    return frozenset(
        section.key
        for kind in ReportKind for org_kind in OrgKind
        for root in default_outline(kind, org_kind) for section in root.walk()
    )


def is_custom(section: Section) -> bool:
    """True for a section she added (or the Word importer kept as hers): she may delete it, and no template words it."""
    return section.key not in builtin_keys()


def clean_title(title: str) -> str:
    """title as a heading holds it: one line, spaces collapsed, letters composed (NFC).

    Raises UserError when nothing is left or it is longer than a heading may be.
    """
    text = re.sub(r"\s+", " ", unicodedata.normalize("NFC", title)).strip()
    if not text:
        raise UserError(_("A section needs a name: type the heading as it should print."))
    if len(text) > MAX_TITLE:
        raise UserError(_("A heading of {length} characters is too long to print; shorten it to at most {maximum}.")
                        .format(length=len(text), maximum=MAX_TITLE))
    return text


def new_key(report: Report) -> str:
    """A key no section of report has: "rieng_<n>", n one more than the largest in use, so keys are never reused
    while the report holds them."""
    used = [int(s.key.removeprefix(CUSTOM_PREFIX)) for s in report.walk_sections()
            if s.key.startswith(CUSTOM_PREFIX) and s.key.removeprefix(CUSTOM_PREFIX).isdigit()]
    return f"{CUSTOM_PREFIX}{max(used, default=0) + 1}"


def siblings_of(report: Report, section: Section) -> list[Section]:
    """The list section is in (the parts, or its parent's children); ValueError when it is not in report."""
    if any(s is section for s in report.sections):
        return report.sections
    for parent in report.walk_sections():
        if any(s is section for s in parent.children):
            return parent.children
    raise ValueError("section is not in the report")


def level_of(report: Report, section: Section) -> int:
    """0 for a part, 1 for an "I-" section, 2 for "1-", 3 for "a)"; ValueError when section is not in report."""
    def find(sections: list[Section], level: int) -> int | None:
        for s in sections:
            if s is section:
                return level
            found = find(s.children, level + 1)
            if found is not None:
                return found
        return None

    level = find(report.sections, 0)
    if level is None:
        raise ValueError("section is not in the report")
    return level


def can_add_child(report: Report, section: Section) -> bool:
    """True when a sub-section under section still has a number of its own ("a)" is the last level)."""
    return level_of(report, section) < MAX_LEVEL


def add_section(report: Report, after: Section, title: str) -> Section:
    """A new section of her own, named title, right after after and at its level; returned."""
    siblings = siblings_of(report, after)
    section = Section(key=new_key(report), title=clean_title(title))
    siblings.insert(next(i for i, s in enumerate(siblings) if s is after) + 1, section)
    return section


def add_subsection(report: Report, parent: Section, title: str) -> Section:
    """A new section of her own, named title, as the last one under parent; returned.

    Raises UserError when parent is already at the last numbered level ("a)").
    """
    if not can_add_child(report, parent):
        raise UserError(_("A section numbered \"a)\" is the last level of the outline: add the section beside it "
                          "instead."))
    section = Section(key=new_key(report), title=clean_title(title))
    parent.children.append(section)
    return section


def rename_section(section: Section, title: str) -> bool:
    """Give section a new heading (a built-in one keeps its key, so its sentences still come); True if it changed."""
    title = clean_title(title)
    if title == section.title:
        return False
    section.title = title
    return True


def standard_title(report: Report, section: Section) -> str | None:
    """The heading the conventional outline gives section in report (its kind and organisation's kind); None for a
    section of her own, or a built-in key this outline does not hold."""
    if is_custom(section):
        return None
    standard = {s.key: s.title for root in default_outline(report.kind, report.organisation.kind) for s in root.walk()}
    return standard.get(section.key)


def has_text(section: Section) -> bool:
    """True when section or a section under it holds a paragraph of hers or a sentence that prints."""
    return any(entry.prints and (entry.text.strip() or entry.source) for s in section.walk() for entry in s.entries)


def delete_section(report: Report, section: Section) -> None:
    """Remove a section of her own with its text and the sections under it.

    Raises UserError for a built-in section (it can be switched off instead) or one holding built-in sections.
    """
    if not is_custom(section):
        raise UserError(_("\"{title}\" is a section of the standard outline: untick it to leave it out of the "
                          "document.").format(title=section.title))
    if any(not is_custom(s) for s in section.walk()):
        raise UserError(_("\"{title}\" holds sections of the standard outline: move them out or untick it instead.")
                        .format(title=section.title))
    siblings = siblings_of(report, section)
    del siblings[next(i for i, s in enumerate(siblings) if s is section)]
