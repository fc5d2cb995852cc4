"""The local journal: every edit is on this computer's disk, whole, before its save is tried, until the database has it."""

from __future__ import annotations

import copy
import os

import pytest

from app.domain.conflicts import EditConflict
from app.domain.demo import demo_report
from app.domain.errors import ConnectionLost
from app.services import journal, reports
from app.services.sessions import open_sessions


@pytest.fixture
def report_id(sessions) -> int:
    return reports.save_new_report(sessions, demo_report())


def edited(sessions, report_id, title: str = "Tiêu đề chị vừa gõ"):
    before = reports.get_report(sessions, report_id)
    after = copy.deepcopy(before)
    after.title = title
    after.section("bai_hoc").entries[0].text = "Bài học chị vừa viết."
    return before, after


def test_an_edit_is_on_disk_before_its_save_is_tried_and_gone_once_saved(sessions, report_id, monkeypatch):
    before, after = edited(sessions, report_id)
    seen_during_save = []
    save = reports.save_changes

    def watched(*args):
        seen_during_save.extend(journal.pending(sessions.location))
        return save(*args)

    monkeypatch.setattr(reports, "save_changes", watched)
    journal.save_changes(sessions, report_id, before, after)

    assert [(e.report_id, e.mine.title, e.base.version) for e in seen_during_save] == [(report_id, after.title, 1)]
    assert "title" in seen_during_save[0].changed
    assert journal.pending(sessions.location) == []
    assert reports.get_report(sessions, report_id).title == after.title


def test_a_save_refused_as_a_conflict_stays_in_the_journal_with_the_version_it_was_based_on(sessions, report_id):
    before, after = edited(sessions, report_id)
    his_before, his_after = edited(sessions, report_id, "Tiêu đề anh ấy lưu trước")
    reports.save_changes(sessions, report_id, his_before, his_after)

    with pytest.raises(EditConflict):
        journal.save_changes(sessions, report_id, before, after)

    [entry] = journal.pending(sessions.location)
    assert entry.base.version == 1 and entry.mine == after and entry.base == before
    assert entry.mine.section("bai_hoc").entries[0].text == "Bài học chị vừa viết."


def test_each_record_is_flushed_to_disk_before_it_replaces_the_previous_one(sessions, report_id, monkeypatch):
    before, after = edited(sessions, report_id)
    calls = []
    fsync, replace = os.fsync, os.replace
    monkeypatch.setattr(os, "fsync", lambda fd: (calls.append("fsync"), fsync(fd))[1])
    monkeypatch.setattr(os, "replace", lambda a, b: (calls.append("replace"), replace(a, b))[1])

    journal.record(sessions.location, report_id, before, after)

    assert calls[:2] == ["fsync", "replace"]  # the file's content is on disk before it takes the journal's name
    assert calls[2:] == ["fsync"]  # then the folder, so the rename itself survives a power cut


def test_a_write_interrupted_midway_leaves_the_previous_entry_whole(sessions, report_id, monkeypatch):
    before, after = edited(sessions, report_id)
    journal.record(sessions.location, report_id, before, after)
    newer = copy.deepcopy(after)
    newer.title = "Lần gõ sau"

    def crash(*_args):
        raise OSError("the disk went away mid-write")

    with monkeypatch.context() as patched, pytest.raises(OSError):
        patched.setattr(os, "replace", crash)
        journal.record(sessions.location, report_id, before, newer)
    # A killed writer's half-written temporary file is never taken for an entry.
    (journal.folder() / "0123456789abcdef-report-7-deadbeef0000.json.999.partial").write_text('{"format": 1, "base"')

    [entry] = journal.pending(sessions.location)
    assert entry.mine.title == after.title
    assert [p.name for p in journal.folder().iterdir() if p.name.endswith(".partial")] == [
        "0123456789abcdef-report-7-deadbeef0000.json.999.partial"]


def test_an_unreadable_journal_file_is_set_aside_not_fatal(sessions):
    broken = journal.folder() / "0123456789abcdef-report-7-deadbeef0000.json"
    broken.write_text("{not json", encoding="utf-8")

    assert journal.pending(sessions.location) == []
    assert not broken.exists() and broken.with_name(broken.name + ".unreadable").exists()


def test_restoring_saves_untouched_reports_and_returns_the_conflicting_ones_kept(sessions, report_id):
    other_id = reports.save_new_report(sessions, demo_report())
    before, after = edited(sessions, report_id)
    journal.record(sessions.location, report_id, before, after)
    other_before, other_after = edited(sessions, other_id, "Báo cáo thứ hai")
    journal.record(sessions.location, other_id, other_before, other_after)
    his_before, his_after = edited(sessions, other_id, "Anh ấy sửa trong lúc đó")
    reports.save_changes(sessions, other_id, his_before, his_after)

    outcome = journal.restore(sessions, journal.pending(sessions.location))

    assert outcome.saved == [report_id]
    assert [e.report_id for e in outcome.conflicts] == [other_id]
    assert reports.get_report(sessions, report_id).title == "Tiêu đề chị vừa gõ"
    assert reports.get_report(sessions, other_id).title == "Anh ấy sửa trong lúc đó"
    assert [e.report_id for e in journal.pending(sessions.location)] == [other_id]


def test_restoring_an_edit_of_a_deleted_report_sets_it_aside(sessions, report_id):
    before, after = edited(sessions, report_id)
    journal.record(sessions.location, report_id, before, after)
    reports.delete_report(sessions, report_id)

    outcome = journal.restore(sessions, journal.pending(sessions.location))

    assert outcome.saved == [] and [e.report_id for e, _why in outcome.dropped] == [report_id]
    assert journal.pending(sessions.location) == []
    assert list(journal.folder().glob("*.discarded"))


@pytest.mark.postgresql
def test_a_save_while_the_server_is_stopped_raises_connection_lost_keeps_the_edit_and_lands_after(postgresql_cluster,
                                                                                                  monkeypatch):
    url = postgresql_cluster.create()
    monkeypatch.setenv("TONGKET_DATABASE_URL", url)
    sessions = open_sessions(url)
    try:
        report_id = reports.save_new_report(sessions, demo_report())
        before, after = edited(sessions, report_id)
        postgresql_cluster.stop("fast")
        try:
            with pytest.raises(ConnectionLost) as raised:
                journal.save_changes(sessions, report_id, before, after)
            assert "Không kết nối được với máy chủ cơ sở dữ liệu" in raised.value.message
            assert [e.mine.title for e in journal.pending(sessions.location)] == [after.title]
        finally:
            postgresql_cluster.start()

        journal.save_changes(sessions, report_id, before, after)  # the pool's dead connections are replaced

        assert reports.get_report(sessions, report_id).title == after.title
        assert journal.pending(sessions.location) == []
    finally:
        sessions.close()
        postgresql_cluster.drop(url)


def test_an_edit_handed_over_earlier_never_overwrites_a_later_one_nor_returns_after_the_save(sessions, report_id):
    before, after = edited(sessions, report_id)
    older = copy.deepcopy(after)
    older.title = "Bản cũ hơn"
    handed_over = journal._next_seq()  # handed to the journal's thread first, written last
    newer = journal.record(sessions.location, report_id, before, after)

    journal.record(sessions.location, report_id, before, older, handed_over)
    assert [e.mine.title for e in journal.pending(sessions.location)] == [after.title]

    journal.clear(sessions.location, report_id, newer)
    journal.record(sessions.location, report_id, before, older, handed_over)
    assert journal.pending(sessions.location) == []
