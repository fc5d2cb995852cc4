"""The default outline fits the organisation: a chi bộ gets its own, a đảng bộ the full one of report-content.md §2."""

import pytest

from app.domain.organisation import OrgKind
from app.domain.outline import default_outline
from app.domain.report import ReportKind

CHI_BO = [OrgKind.CHI_BO_CO_SO, OrgKind.CHI_BO_TRUC_THUOC]
DANG_BO = [OrgKind.DANG_BO_CO_SO, OrgKind.DANG_BO_BO_PHAN, OrgKind.DANG_BO_CAP_TREN]


def keys(outline):
    return [s.key for part in outline for s in part.walk()]


def headings(part):
    return [(s.key, s.title) for s in part.children]


@pytest.mark.parametrize("kind", CHI_BO)
def test_a_chi_bo_year_end_outline_is_its_own(kind):
    first, second = default_outline(ReportKind.YEAR_END, kind)
    assert first.title == "KẾT QUẢ THỰC HIỆN NHIỆM VỤ {PERIOD}"
    assert headings(first) == [
        ("dac_diem", "ĐẶC ĐIỂM TÌNH HÌNH"),
        ("nhiem_vu_chinh_tri", "LÃNH ĐẠO THỰC HIỆN NHIỆM VỤ CHÍNH TRỊ"),
        ("xay_dung_dang", "CÔNG TÁC XÂY DỰNG ĐẢNG"),
        ("doan_the", "LÃNH ĐẠO CÁC ĐOÀN THỂ"),
        ("danh_gia", "ĐÁNH GIÁ CHUNG"),
    ]
    building = first.children[2]
    assert [s.key for s in building.children] == ["tu_tuong", "dao_duc", "to_chuc_can_bo", "kiem_tra"]
    assert building.children[0].title == "Xây dựng Đảng về chính trị, tư tưởng"
    assert building.children[3].title == "Công tác kiểm tra, giám sát"
    assert second.title == "PHƯƠNG HƯỚNG, NHIỆM VỤ {NEXT_PERIOD}"
    assert [key for key, _title in headings(second)] == ["phuong_huong", "chi_tieu", "nhiem_vu_giai_phap"]


@pytest.mark.parametrize("report_kind", list(ReportKind))
@pytest.mark.parametrize("kind", CHI_BO)
def test_a_chi_bo_has_no_proposals_section_no_inspection_committee_and_no_dang_bo_sections(kind, report_kind):
    outline = default_outline(report_kind, kind)
    assert not {"de_xuat", "dan_van", "phong_chong_tham_nhung", "phuong_thuc", "chinh_tri"} & set(keys(outline))
    titles = " ".join(s.title for part in outline for s in part.walk())
    assert "ĐỀ XUẤT" not in titles
    assert "Ủy ban Kiểm tra" not in titles
    assert "CHÍNH QUYỀN" not in titles


@pytest.mark.parametrize("kind", CHI_BO)
def test_the_chi_bo_outline_keeps_the_keys_the_templates_fill(kind):
    present = set(keys(default_outline(ReportKind.YEAR_END, kind)))
    assert {"dac_diem", "tu_tuong", "dao_duc", "to_chuc_can_bo", "kiem_tra", "danh_gia", "chi_tieu"} <= present


@pytest.mark.parametrize("kind", CHI_BO)
def test_a_chi_bo_six_month_outline_ends_with_its_tasks(kind):
    second = default_outline(ReportKind.SIX_MONTH, kind)[1]
    assert headings(second) == [("nhiem_vu_giai_phap", "NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM")]


@pytest.mark.parametrize("kind", DANG_BO)
def test_a_dang_bo_keeps_the_full_outline(kind):
    outline = default_outline(ReportKind.YEAR_END, kind)
    assert keys(outline) == keys(default_outline())
    assert {"chinh_tri", "dan_van", "phong_chong_tham_nhung", "phuong_thuc", "de_xuat"} <= set(keys(outline))
    assert outline[0].children[3].title == "LÃNH ĐẠO CHÍNH QUYỀN, MẶT TRẬN VÀ CÁC ĐOÀN THỂ"
