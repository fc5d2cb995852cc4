"""The editing controller: edits are saved as a difference; the checks run after typing, not in it."""

from __future__ import annotations

import copy

import pytest
from PySide6.QtCore import Qt

from app.domain.report import Report
from app.gui import editing as editing_module
from app.services import reports
from tests.gui.keys import type_text
from tests.gui.test_main_window import click, open_demo, set_spin, window  # noqa: F401 - fixture


def stored(window) -> Report:  # noqa: F811
    return reports.get_report(window.sessions, window.editing.report_id)


def contents(report: Report) -> Report:
    report = copy.deepcopy(report)
    report.id = report.updated_at = None
    for section in report.walk_sections():
        section.id = None
        for entry in section.entries:
            entry.id = None
    return report


def test_every_kind_of_edit_the_window_makes_is_stored_as_it_stands(qtbot, engine_window, monkeypatch):
    window = engine_window  # noqa: F811 - on a SQLite file, then on the test PostgreSQL cluster
    open_demo(qtbot, window)
    editor = window.editor
    calls: list[str] = []
    real = reports.save_changes
    monkeypatch.setattr(reports, "save_changes", lambda *args: calls.append("diff") or real(*args))
    monkeypatch.setattr(reports, "replace_report", lambda *args: pytest.fail("the whole report was rewritten"))

    # Text: a word at the end, a new bullet, a line taken out in the middle.
    editor.navigator.select_section("bai_hoc")
    text = editor.section_editor.editor
    text.moveCursor(text.textCursor().MoveOperation.End)
    type_text(text, " Thêm.\n- Một gạch đầu dòng mới.")
    window.editing.flush()
    editor.navigator.select_section("han_che")
    lines = editor.section_editor.editor.toPlainText().splitlines()
    editor.section_editor.editor.setPlainText("\n".join(lines[:1] + lines[2:]))
    window.editing.flush()
    # Outline: a section moved up and switched off.
    editor.navigator.select_section("nhiem_vu_chinh_tri")
    click(qtbot, editor.navigator.up_button)
    editor.navigator.tree.currentItem().setCheckState(0, Qt.CheckState.Unchecked)
    window.editing.flush()
    # Figures, targets, document fields.
    editor.navigator.select_page("page:stats")
    set_spin(qtbot, editor.stats_form.widget_for("stats.membership.female"), 41)
    editor.navigator.select_page("page:targets")
    click(qtbot, next(b for b in editor.targets_editor.findChildren(type(editor.navigator.up_button))
                      if b.text().replace("&", "") == "Thêm chỉ tiêu"))
    editor.navigator.select_page("page:document")
    editor.document_fields.number.setValue(27)
    window.editing.flush()

    assert len(calls) == 4
    assert contents(stored(window)) == contents(window.editing.report)
    assert stored(window).section("nhiem_vu_chinh_tri").enabled is False
    assert stored(window).number == 27


def test_a_failed_save_is_retried_from_the_last_save_that_landed(qtbot, window, monkeypatch):  # noqa: F811
    open_demo(qtbot, window)
    window.editor.navigator.select_section("de_xuat")
    text = window.editor.section_editor.editor
    text.moveCursor(text.textCursor().MoveOperation.End)
    real = reports.save_changes
    failures = iter([OSError("disk hiccup")])

    def flaky(*args):
        error = next(failures, None)
        if error is not None:
            raise error
        return real(*args)

    monkeypatch.setattr(reports, "save_changes", flaky)
    type_text(text, "\n- Lần một.")
    with qtbot.waitSignal(window.editing.save_failed):
        window.editing.save_now()
    type_text(text, "\n- Lần hai.")
    window.editing.flush()

    assert [e.text for e in stored(window).section("de_xuat").entries[-2:]] == ["Lần một.", "Lần hai."]
    assert contents(stored(window)) == contents(window.editing.report)


def test_the_checks_run_once_after_typing_stops_not_at_each_key(qtbot, window, monkeypatch):  # noqa: F811
    open_demo(qtbot, window)
    checked: list[Report] = []
    real = editing_module.lint
    monkeypatch.setattr(editing_module, "lint", lambda report, *rest: checked.append(report) or real(report, *rest))
    window.editor.navigator.select_section("bai_hoc")
    text = window.editor.section_editor.editor
    text.moveCursor(text.textCursor().MoveOperation.End)

    type_text(text, "mười chữ")
    assert checked == []
    qtbot.waitUntil(lambda: bool(checked), timeout=5_000)

    assert len(checked) == 1
    # On a copy, so that the next keystroke cannot change what is being checked.
    assert checked[0] is not window.editing.report
    assert checked[0].section("bai_hoc").entries[-1].text.endswith("mười chữ")


def test_findings_asked_for_right_after_an_edit_are_those_of_the_edited_report(qtbot, window):  # noqa: F811
    open_demo(qtbot, window)
    window.editing.report.stats.membership.closing_total = 1
    window.editing.changed("stats")

    assert any(f.is_error and "stats.membership.closing_total" in f.fields for f in window.editing.findings)


def test_the_snapshot_is_an_equal_copy_that_later_edits_do_not_reach():
    from app.domain.report import Entry, EntryState
    from app.gui.editing import copy_report
    from tests.perf.sample import multiplied

    report = multiplied(2)
    report.sections[0].entries.append(Entry("x", source="slot.a", state=EntryState.EDITED, basis="y"))
    snapshot = copy_report(report)
    assert snapshot == report
    expected = copy.deepcopy(report)

    report.sections[0].entries[0].text = "sửa"
    report.sections[0].children[0].title = "sửa"
    report.targets[0].label = "sửa"
    report.stats.membership.badges[99] = 1
    report.organisation.name = "sửa"
    report.recipients = ["sửa"]
    assert snapshot == expected


def test_a_section_she_adds_names_and_fills_in_the_window_is_stored_and_previewed_numbered(qtbot, window):  # noqa: F811
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QLineEdit

    open_demo(qtbot, window)
    editor = window.editor
    navigator = editor.navigator
    navigator.select_section("dac_diem")
    click(qtbot, navigator.add_button)
    qtbot.waitUntil(lambda: navigator.tree.findChild(QLineEdit, "section_title_editor") is not None)
    title = navigator.tree.findChild(QLineEdit, "section_title_editor")
    title.selectAll()
    type_text(title, "Công tác chuyển đổi số")
    QTest.keyClick(title, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: editor.section_editor.section is not None
                    and editor.section_editor.section.title == "Công tác chuyển đổi số")
    type_text(editor.section_editor.editor, "Đảng bộ triển khai sổ tay đảng viên điện tử.")
    window.editing.flush()

    saved = stored(window)
    assert [s.key for s in saved.sections[0].children[:3]] == ["dac_diem", "rieng_1", "nhiem_vu_chinh_tri"]
    assert [e.text for e in saved.section("rieng_1").entries] == ["Đảng bộ triển khai sổ tay đảng viên điện tử."]
    qtbot.waitUntil(lambda: "II- CÔNG TÁC CHUYỂN ĐỔI SỐ" in [
        navigator.tree.topLevelItem(3).child(i).text(0) for i in range(navigator.tree.topLevelItem(3).childCount())])

    # Deleted (it holds text, so she confirms), it is gone from the database too.
    from PySide6.QtWidgets import QMessageBox

    navigator.select_section("rieng_1")
    click(qtbot, navigator.delete_button)
    box = next(b for b in navigator.findChildren(QMessageBox, "confirm_delete") if b.isVisible())
    click(qtbot, next(b for b in box.buttons() if box.buttonRole(b) is QMessageBox.ButtonRole.DestructiveRole))
    window.editing.flush()
    assert stored(window).section("rieng_1") is None
