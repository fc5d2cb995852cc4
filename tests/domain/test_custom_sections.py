"""Sections of her own: added anywhere in the outline, renamed, deleted; built-in ones renamed but kept."""

import pytest

from app.domain.demo import demo_report
from app.domain.errors import UserError
from app.domain.outline import (
    add_section,
    add_subsection,
    builtin_keys,
    can_add_child,
    clean_title,
    delete_section,
    has_text,
    is_custom,
    level_of,
    new_key,
    rename_section,
    standard_title,
)
from app.domain.report import Entry, EntryState, Section


@pytest.fixture
def report():
    return demo_report()


def test_a_new_section_goes_right_after_the_chosen_one_at_its_level(report):
    dac_diem = report.section("dac_diem")
    added = add_section(report, dac_diem, "  Công tác   chuyển đổi số ")

    keys = [s.key for s in report.sections[0].children]
    assert keys[:3] == ["dac_diem", added.key, "nhiem_vu_chinh_tri"]
    assert added.title == "Công tác chuyển đổi số"
    assert is_custom(added) and not is_custom(dac_diem)
    assert level_of(report, added) == 1


def test_a_sub_section_goes_last_under_its_parent(report):
    parent = report.section("xay_dung_dang")
    added = add_subsection(report, parent, "Công tác bảo vệ chính trị nội bộ")

    assert parent.children[-1] is added
    assert level_of(report, added) == 2


def test_a_part_of_her_own_can_follow_the_two_parts(report):
    added = add_section(report, report.sections[1], "Phần tổ chức thực hiện")

    assert report.sections[2] is added and level_of(report, added) == 0


def test_keys_are_unique_and_follow_the_largest_in_use(report):
    first = add_section(report, report.section("dac_diem"), "Một")
    second = add_subsection(report, first, "Hai")
    delete_section(report, second)
    third = add_subsection(report, first, "Ba")

    assert (first.key, third.key) == ("rieng_1", "rieng_2")
    report.sections[0].children.append(Section(key="rieng_7", title="Imported"))
    assert new_key(report) == "rieng_8"
    keys = [s.key for s in report.walk_sections()]
    assert len(keys) == len(set(keys))


def test_a_key_survives_renaming_and_moving(report):
    added = add_section(report, report.section("dac_diem"), "Một")
    rename_section(added, "Một mục khác")
    siblings = report.sections[0].children
    siblings.remove(added)
    siblings.append(added)

    assert added.key == "rieng_1" and report.section("rieng_1").title == "Một mục khác"


def test_the_numbering_stops_at_the_letter_level(report):
    section = report.section("xay_dung_dang")
    second = add_subsection(report, section, "Hai")
    third = add_subsection(report, second, "Ba")

    assert level_of(report, third) == 3
    assert not can_add_child(report, third)
    with pytest.raises(UserError, match="cấp cuối cùng"):
        add_subsection(report, third, "Bốn")


def test_a_built_in_section_can_be_renamed_and_keeps_its_key(report):
    section = report.section("kiem_tra")
    assert rename_section(section, "Công tác kiểm tra, giám sát của Đảng")

    assert section.key == "kiem_tra" and not is_custom(section)
    assert not rename_section(section, "Công tác kiểm tra, giám sát của Đảng")


@pytest.mark.parametrize("title", ["", "   ", "\n\t"])
def test_a_section_needs_a_name(report, title):
    with pytest.raises(UserError, match="cần có tên"):
        add_section(report, report.section("dac_diem"), title)
    with pytest.raises(UserError, match="cần có tên"):
        rename_section(report.section("dac_diem"), title)


def test_a_heading_is_one_line_composed_and_bounded():
    assert clean_title("Công tác\ndân vận") == "Công tác dân vận"
    assert clean_title("Ho\u0300a gia\u0309i") == "Hòa giải"
    with pytest.raises(UserError, match="quá dài"):
        clean_title("x" * 1001)


def test_a_built_in_section_cannot_be_deleted(report):
    with pytest.raises(UserError, match="bỏ chọn"):
        delete_section(report, report.section("kiem_tra"))
    assert report.section("kiem_tra") is not None


def test_deleting_her_section_takes_its_text_and_sub_sections(report):
    added = add_section(report, report.section("dac_diem"), "Một")
    child = add_subsection(report, added, "Hai")
    child.entries.append(Entry("Nội dung"))
    count = sum(1 for _ in report.walk_sections())

    delete_section(report, added)

    assert report.section(added.key) is None and report.section(child.key) is None
    assert sum(1 for _ in report.walk_sections()) == count - 2


def test_a_section_of_hers_holding_a_built_in_one_is_not_deleted(report):
    added = add_section(report, report.section("dac_diem"), "Một")
    moved = report.section("kiem_tra")
    report.section("xay_dung_dang").children.remove(moved)
    added.children.append(moved)

    with pytest.raises(UserError, match="dàn ý chuẩn"):
        delete_section(report, added)


def test_has_text_counts_what_prints_under_the_section(report):
    added = add_section(report, report.section("dac_diem"), "Một")
    assert not has_text(added)
    child = add_subsection(report, added, "Hai")
    child.entries.append(Entry("Đoạn văn"))
    assert has_text(added)
    child.entries[:] = [Entry("Câu", source="x.y", state=EntryState.REMOVED)]
    assert not has_text(added)


def test_every_outline_key_is_built_in_and_imported_keys_are_hers():
    assert {"phan_1", "dac_diem", "nguyen_nhan_chu_quan", "de_xuat"} <= builtin_keys()
    assert is_custom(Section(key="rieng_3", title="Từ tệp Word"))


def test_the_standard_name_of_a_built_in_section_follows_the_kind_of_organisation(report):
    from app.domain.organisation import OrgKind

    assert standard_title(report, report.section("tu_tuong")) == "Công tác tư tưởng"
    report.organisation.kind = OrgKind.CHI_BO_CO_SO
    assert standard_title(report, report.section("tu_tuong")) == "Xây dựng Đảng về chính trị, tư tưởng"
    assert standard_title(report, add_section(report, report.section("dac_diem"), "Một")) is None
