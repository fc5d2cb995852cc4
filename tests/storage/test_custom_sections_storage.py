"""Sections of her own are stored as the outline is: added, renamed and deleted, they read back the same."""

import copy

from app.domain.outline import add_section, add_subsection, delete_section, is_custom, rename_section
from app.domain.report import Entry
from app.services import interchange
from app.storage import report_repo


def load(database, report_id):
    with database.begin() as session:
        return report_repo.get(session, report_id)


def outline(report):
    return [(s.key, s.title, s.enabled, [e.text for e in s.entries], [c.key for c in s.children])
            for s in report.walk_sections()]


def save(database, report_id, before, after):
    with database.begin() as session:
        report_repo.save_changes(session, report_id, before, after)


def test_adding_renaming_and_deleting_sections_is_saved_as_edited(database, stored_demo):
    before = load(database, stored_demo)
    after = copy.deepcopy(before)
    own = add_section(after, after.section("dac_diem"), "Công tác chuyển đổi số")
    own.entries.append(Entry("Triển khai sổ tay đảng viên điện tử."))
    sub = add_subsection(after, own, "Ở các chi bộ")
    gone = add_subsection(after, after.section("kiem_tra"), "Sẽ xoá")
    rename_section(after.section("kiem_tra"), "Kiểm tra, giám sát và kỷ luật đảng")
    save(database, stored_demo, before, after)

    stored = load(database, stored_demo)
    assert outline(stored) == outline(after)
    assert is_custom(stored.section(own.key)) and stored.section(sub.key).title == "Ở các chi bộ"

    edited = copy.deepcopy(stored)
    delete_section(edited, edited.section(gone.key))
    delete_section(edited, edited.section(own.key))
    save(database, stored_demo, stored, edited)

    again = load(database, stored_demo)
    assert outline(again) == outline(edited)
    assert again.section(own.key) is None and again.section(sub.key) is None
    assert again.section("kiem_tra").title == "Kiểm tra, giám sát và kỷ luật đảng"


def test_her_sections_survive_an_interchange_file(demo, tmp_path):
    own = add_section(demo, demo.section("de_xuat"), "Tổ chức thực hiện")
    own.entries.append(Entry("Các chi bộ căn cứ báo cáo này xây dựng kế hoạch."))
    add_subsection(demo, own, "Phân công theo dõi")
    rename_section(demo.section("dac_diem"), "Tình hình chung")
    path = tmp_path / "report.json"
    interchange.export_report_file(demo, path)

    back = interchange.import_report_file(path)

    assert outline(back) == outline(demo)
    assert is_custom(back.section(own.key)) and not is_custom(back.section("dac_diem"))
