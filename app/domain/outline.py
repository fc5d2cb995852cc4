"""The conventional outline of a year-end report, per report kind, as data.

Titles may hold {year}, {next_year} and {term}; they are filled in when the report is printed,
so an outline copied from last year's report reads right without retyping.
"""

from __future__ import annotations

from app.domain.organisation import OrgKind
from app.domain.report import ReportKind, Section

# (key, title, children) — the order is the conventional one; users may reorder and switch off.
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


def _part_one(org_kind: OrgKind) -> tuple:
    mass = "LÃNH ĐẠO CHÍNH QUYỀN, MẶT TRẬN VÀ CÁC ĐOÀN THỂ"
    if org_kind.is_chi_bo:
        mass = "LÃNH ĐẠO CÁC ĐOÀN THỂ"
    return (
        ("dac_diem", "ĐẶC ĐIỂM TÌNH HÌNH", ()),
        ("nhiem_vu_chinh_tri", "LÃNH ĐẠO THỰC HIỆN NHIỆM VỤ CHÍNH TRỊ", ()),
        ("xay_dung_dang", "CÔNG TÁC XÂY DỰNG ĐẢNG", _BUILDING),
        ("doan_the", mass, ()),
        ("danh_gia", "ĐÁNH GIÁ CHUNG", _ASSESSMENT),
    )


def _part_two(kind: ReportKind) -> tuple:
    if kind is ReportKind.SIX_MONTH:
        return (
            ("nhiem_vu_giai_phap", "NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM", ()),
            ("de_xuat", "ĐỀ XUẤT, KIẾN NGHỊ", ()),
        )
    return (
        ("phuong_huong", "PHƯƠNG HƯỚNG, MỤC TIÊU CHUNG", ()),
        ("chi_tieu", "CÁC CHỈ TIÊU CHỦ YẾU", ()),
        ("nhiem_vu_giai_phap", "NHIỆM VỤ VÀ GIẢI PHÁP", ()),
        ("de_xuat", "ĐỀ XUẤT, KIẾN NGHỊ", ()),
    )


def _build(spec: tuple) -> list[Section]:
    return [Section(key=key, title=title, children=_build(children)) for key, title, children in spec]


def default_outline(kind: ReportKind = ReportKind.YEAR_END, org_kind: OrgKind = OrgKind.DANG_BO_CO_SO) -> list[Section]:
    """A fresh outline with no text: the two parts and their sections."""
    first, second = _PART_TITLES[kind]
    return [
        Section(key="phan_1", title=first, children=_build(_part_one(org_kind))),
        Section(key="phan_2", title=second, children=_build(_part_two(kind))),
    ]
