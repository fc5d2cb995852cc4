"""Two people on one database: a save based on an outdated version is refused, field by field, never lost."""

from __future__ import annotations

import copy
import threading
from dataclasses import replace

import pytest

from app.domain.conflicts import EditConflict, merge_organisation, merge_report
from app.domain.demo import demo_report
from app.domain.errors import UserError
from app.domain.organisation import Organisation
from app.services import organisations, reports
from app.services.sessions import open_sessions


@pytest.fixture
def other(engine_url):
    """A second connection to the same database, as a second clerk's computer would open."""
    database = open_sessions(engine_url)
    yield database
    database.close()


@pytest.fixture
def report_id(sessions) -> int:
    return reports.save_new_report(sessions, demo_report())


def test_a_report_read_from_the_database_carries_its_version_and_each_save_raises_it(sessions, report_id):
    before = reports.get_report(sessions, report_id)
    after = copy.deepcopy(before)
    after.title = "Báo cáo đã sửa"

    reports.save_changes(sessions, report_id, before, after)

    assert before.version == 1
    assert after.version == reports.get_report(sessions, report_id).version == 2


def test_a_save_based_on_an_outdated_version_is_refused_with_both_values(sessions, other, report_id):
    hers = reports.get_report(sessions, report_id)
    his = reports.get_report(other, report_id)
    his_edit = copy.deepcopy(his)
    his_edit.title = "Tiêu đề của anh ấy"
    his_edit.stats.membership.female += 5
    reports.save_changes(other, report_id, his, his_edit)
    her_edit = copy.deepcopy(hers)
    her_edit.title = "Tiêu đề của chị ấy"
    her_edit.section("bai_hoc").entries[0].text = "Bài học chị viết."

    with pytest.raises(EditConflict) as raised:
        reports.save_changes(sessions, report_id, hers, her_edit)

    conflict = raised.value
    assert isinstance(conflict, UserError)
    assert "Người khác đã lưu báo cáo này" in conflict.message
    by_path = {c.path: c for c in conflict.conflicts}
    title = by_path["title"]
    assert (title.base, title.theirs, title.mine) == (hers.title, "Tiêu đề của anh ấy", "Tiêu đề của chị ấy")
    assert title.changed_by_them and title.changed_by_me
    female = by_path["stats.membership.female"]
    assert (female.theirs, female.mine) == (hers.stats.membership.female + 5, hers.stats.membership.female)
    assert female.changed_by_them and not female.changed_by_me
    text = by_path["sections.phan_1.danh_gia.bai_hoc.text"]
    assert text.mine.split("\n")[0] == "Bài học chị viết." and not text.changed_by_them
    assert text.label == f"Nội dung mục “{hers.section('bai_hoc').title}”"
    assert set(by_path) == {"title", "stats.membership.female", "sections.phan_1.danh_gia.bai_hoc.text"}
    # Nothing of hers was written; his save stands.
    stored = reports.get_report(sessions, report_id)
    assert stored == his_edit and stored.version == 2


def test_keeping_her_values_after_a_conflict_saves_them_over_his(sessions, other, report_id):
    hers, his = reports.get_report(sessions, report_id), reports.get_report(other, report_id)
    his_edit = replace(copy.deepcopy(his), title="Của anh ấy")
    reports.save_changes(other, report_id, his, his_edit)
    her_edit = replace(copy.deepcopy(hers), title="Của chị ấy")
    with pytest.raises(EditConflict) as raised:
        reports.save_changes(sessions, report_id, hers, her_edit)

    reports.keep_mine(sessions, report_id, raised.value, her_edit)

    stored = reports.get_report(other, report_id)
    assert stored.title == "Của chị ấy" and stored.version == 3
    # His next autosave, based on the version he saved, is refused in turn: nothing is overwritten silently.
    with pytest.raises(EditConflict):
        reports.save_changes(other, report_id, his_edit, replace(copy.deepcopy(his_edit), place="Hà Nội"))


def test_two_saves_at_once_on_the_same_version_accept_one_and_refuse_the_other(sessions, other, report_id):
    base = reports.get_report(sessions, report_id)
    edits = {name: replace(copy.deepcopy(base), title=name) for name in ("một", "hai")}
    outcomes: dict[str, str] = {}
    start = threading.Barrier(2)

    def save(name: str, database) -> None:
        start.wait()
        try:
            reports.save_changes(database, report_id, copy.deepcopy(base), edits[name])
            outcomes[name] = "saved"
        except EditConflict:
            outcomes[name] = "refused"

    threads = [threading.Thread(target=save, args=("một", sessions)), threading.Thread(target=save, args=("hai", other))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes.values()) == ["refused", "saved"]
    [winner] = [name for name, outcome in outcomes.items() if outcome == "saved"]
    stored = reports.get_report(sessions, report_id)
    assert (stored.title, stored.version) == (winner, 2)


def test_an_organisation_profile_changed_by_someone_else_is_not_overwritten(sessions, other, report_id):
    organisation_id = reports.get_report(sessions, report_id).organisation.id
    hers = organisations.get_organisation(sessions, organisation_id)
    his = organisations.get_organisation(other, organisation_id)
    organisations.update_organisation(other, replace(his, place="Quận 1"))
    her_edit = replace(hers, place="Quận 3", short_name="Đảng bộ mới")

    with pytest.raises(EditConflict) as raised:
        organisations.update_organisation(sessions, her_edit, base=hers)

    by_path = {c.path: (c.base, c.theirs, c.mine) for c in raised.value.conflicts}
    assert by_path == {"place": (hers.place, "Quận 1", "Quận 3"),
                       "short_name": (hers.short_name, hers.short_name, "Đảng bộ mới")}
    assert "hồ sơ tổ chức" in raised.value.message
    stored = organisations.get_organisation(sessions, organisation_id)
    assert (stored.place, stored.version) == ("Quận 1", 2)


def test_saving_the_profile_she_read_raises_its_version(sessions, report_id):
    organisation_id = reports.get_report(sessions, report_id).organisation.id
    profile = organisations.get_organisation(sessions, organisation_id)
    edited = replace(profile, place="Quận 5")

    organisations.update_organisation(sessions, edited)
    organisations.update_organisation(sessions, replace(edited, place="Quận 6"))

    assert organisations.get_organisation(sessions, organisation_id).version == 3


def test_a_field_by_field_choice_saves_his_title_and_her_text_on_his_version(sessions, other, report_id):
    hers = reports.get_report(sessions, report_id)
    his = reports.get_report(other, report_id)
    his_edit = copy.deepcopy(his)
    his_edit.title, his_edit.place = "Tiêu đề của anh", "Nơi của anh"
    reports.save_changes(other, report_id, his, his_edit)
    her_edit = copy.deepcopy(hers)
    her_edit.title = "Tiêu đề của chị"
    her_edit.section("bai_hoc").entries[0].text = "Bài học chị viết."
    with pytest.raises(EditConflict) as raised:
        reports.save_changes(sessions, report_id, hers, her_edit)

    mix = merge_report(raised.value.theirs, her_edit, {"title", "place"})
    reports.keep_mine(sessions, report_id, raised.value, mix)

    stored = reports.get_report(other, report_id)
    assert (stored.title, stored.place) == ("Tiêu đề của anh", "Nơi của anh")
    assert stored.section("bai_hoc").entries[0].text == "Bài học chị viết."


def test_a_field_by_field_choice_on_a_profile_keeps_his_place_and_her_name(sessions, other, report_id):
    organisation_id = reports.get_report(sessions, report_id).organisation.id
    hers = organisations.get_organisation(sessions, organisation_id)
    his = organisations.get_organisation(other, organisation_id)
    organisations.update_organisation(other, replace(his, place="Quận 1"))
    her_edit = replace(hers, place="Quận 3", short_name="Đảng bộ mới")
    with pytest.raises(EditConflict) as raised:
        organisations.update_organisation(sessions, her_edit, base=hers)

    theirs = raised.value.theirs
    assert isinstance(theirs, Organisation)
    organisations.update_organisation(sessions, merge_organisation(theirs, her_edit, {"place"}), base=theirs)

    stored = organisations.get_organisation(other, organisation_id)
    assert (stored.place, stored.short_name) == ("Quận 1", "Đảng bộ mới")
