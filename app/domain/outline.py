"""The conventional outline of a year-end report, per report kind and kind of organisation, as data.

A đảng bộ gets the full outline. A chi bộ (cơ sở or trực thuộc) gets the shorter outline of a chi bộ's own
report: part one is its situation, leading the political task, building the Party (politics and ideology,
ethics, organisation and members, inspection and supervision of its own members), leading the mass
organisations and the overall assessment; part two is its direction, targets and tasks for the next period.
It has no section of proposals and no Ủy ban Kiểm tra (a chi bộ has none: Điều lệ Đảng, Quy định 296-QĐ/TW).
Section keys are shared where a template (templates/sections/<key>.j2) adds sentences from the figures,
so the same figures print under the same heading for both.

Titles may hold {year}, {next_year} and {term}; they are filled in (filled_title) wherever a title is shown or
printed, so an outline copied from last year's report reads right without retyping.
"""

from __future__ import annotations

from app.domain.organisation import OrgKind
from app.domain.report import ReportKind, Section


def filled_title(title: str, year: int, term: str) -> str:
    """title with {year}, {next_year} and {term} replaced ("PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM {next_year}" → "… 2027")."""
    return title.replace("{year}", str(year)).replace("{next_year}", str(year + 1)).replace("{term}", term)


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
    ReportKind.YEAR_END: ("KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM {year}", "PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM {next_year}"),
    ReportKind.SIX_MONTH: ("KẾT QUẢ THỰC HIỆN NHIỆM VỤ 6 THÁNG ĐẦU NĂM {year}",
                           "NHIỆM VỤ TRỌNG TÂM 6 THÁNG CUỐI NĂM {year}"),
    ReportKind.MID_TERM: ("KẾT QUẢ NỬA ĐẦU NHIỆM KỲ {term}", "NHIỆM VỤ, GIẢI PHÁP NỬA NHIỆM KỲ CÒN LẠI"),
}


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
    return [
        Section(key="phan_1", title=first, children=_build(_part_one(org_kind))),
        Section(key="phan_2", title=second, children=_build(_part_two(kind, org_kind))),
    ]
