"""Two clerks on one report: her save after his is refused, and the window shows both values and lets her choose.

Each test runs on both engines (engine_window): a SQLite file and a database in the throwaway PostgreSQL cluster; the
other clerk saves through a connection of his own.
"""

from __future__ import annotations

import copy

from PySide6.QtCore import Qt

from app.services import reports
from app.services.sessions import open_sessions
from tests.gui.keys import type_text
from tests.gui.test_main_window import click, open_demo


def his_title_change(window, title: str) -> None:
    """Another clerk, on his own connection, saves a new title for the open report."""
    other = open_sessions(window.database_url)
    try:
        his = reports.get_report(other, window.editing.report_id)
        edited = copy.deepcopy(his)
        edited.title = title
        reports.save_changes(other, window.editing.report_id, his, edited)
    finally:
        other.close()


def her_typing_is_refused(qtbot, window) -> object:
    """She types in a section; the save shows the conflict dialog; returns it."""
    window.editor.navigator.select_section("bai_hoc")
    text = window.editor.section_editor.editor
    text.moveCursor(text.textCursor().MoveOperation.End)
    with qtbot.waitSignal(window.editing.save_conflict, timeout=10_000):
        type_text(text, " Chị thêm câu này.")
        window.editing.save_now()
    qtbot.waitUntil(lambda: getattr(window, "conflict_dialog", None) is not None
                    and window.conflict_dialog.isVisible())
    return window.conflict_dialog


def cells(dialog) -> dict[str, tuple[str, str]]:
    table = dialog.table
    return {table.item(row, 0).text().split("\n")[0]: (table.item(row, 1).text(), table.item(row, 2).text())
            for row in range(table.rowCount())}


def row_of(dialog, label: str) -> int:
    return next(row for row in range(dialog.table.rowCount()) if dialog.table.item(row, 0).text().startswith(label))


def test_her_save_after_his_shows_both_values_and_keeping_theirs_reopens_his(qtbot, engine_window):
    window = engine_window
    open_demo(qtbot, window)
    original = window.editing.report.title
    his_title_change(window, "Tiêu đề anh ấy đã lưu")

    dialog = her_typing_is_refused(qtbot, window)

    shown = cells(dialog)
    assert shown["Trích yếu của báo cáo"] == ("Tiêu đề anh ấy đã lưu", original or "(trống)")
    heading = window.editing.report.section("bai_hoc").title
    assert shown[f"Nội dung mục “{heading}”"][1].endswith("Chị thêm câu này.")
    assert "Người khác đã lưu báo cáo này" in dialog.message_label.text()
    click(qtbot, dialog.theirs_button)

    assert window.editing.conflict is None
    assert window.editing.report.title == "Tiêu đề anh ấy đã lưu"
    stored = reports.get_report(window.sessions, window.editing.report_id)
    assert stored.title == "Tiêu đề anh ấy đã lưu"
    assert not stored.section("bai_hoc").entries[-1].text.endswith("Chị thêm câu này.")


def test_keeping_mine_saves_her_copy_over_his(qtbot, engine_window):
    window = engine_window
    open_demo(qtbot, window)
    his_title_change(window, "Tiêu đề anh ấy đã lưu")
    dialog = her_typing_is_refused(qtbot, window)

    with qtbot.waitSignal(window.editing.report_saved, timeout=10_000):
        click(qtbot, dialog.mine_button)
    window.editing.flush()

    stored = reports.get_report(window.sessions, window.editing.report_id)
    assert stored.section("bai_hoc").entries[-1].text.endswith("Chị thêm câu này.")
    assert stored.title == window.editing.report.title != "Tiêu đề anh ấy đã lưu"
    assert window.editing.conflict is None and not window.editing.dirty


def test_each_row_starts_on_the_side_that_changed_it(qtbot, engine_window):
    window = engine_window
    open_demo(qtbot, window)
    his_title_change(window, "Tiêu đề anh ấy đã lưu")
    dialog = her_typing_is_refused(qtbot, window)

    theirs, mine = dialog.choices[row_of(dialog, "Trích yếu")]
    assert theirs.isChecked() and not mine.isChecked()
    heading = window.editing.report.section("bai_hoc").title
    theirs, mine = dialog.choices[row_of(dialog, f"Nội dung mục “{heading}”")]
    assert mine.isChecked() and not theirs.isChecked()


def test_a_field_by_field_choice_saves_his_title_with_her_text_on_top_of_his_version(qtbot, engine_window):
    window = engine_window
    open_demo(qtbot, window)
    his_title_change(window, "Tiêu đề anh ấy đã lưu")
    window.editing.report.title = "Tiêu đề chị sửa"  # she changed the title too: both sides changed it
    window.editing.changed("document")
    dialog = her_typing_is_refused(qtbot, window)
    row = row_of(dialog, "Trích yếu")
    theirs, mine = dialog.choices[row]
    assert mine.isChecked()  # both changed it: hers first

    qtbot.mouseClick(theirs, Qt.MouseButton.LeftButton, pos=theirs.rect().center())
    assert theirs.isChecked()
    assert dialog.keep_theirs_paths() == {"title"}
    with qtbot.waitSignal(window.editing.report_saved, timeout=10_000):
        click(qtbot, dialog.mix_button)
    window.editing.flush()

    stored = reports.get_report(window.sessions, window.editing.report_id)
    assert stored.title == "Tiêu đề anh ấy đã lưu"
    assert stored.section("bai_hoc").entries[-1].text.endswith("Chị thêm câu này.")
    assert window.editing.report.title == "Tiêu đề anh ấy đã lưu"  # the editor shows what was saved
    assert window.editing.conflict is None and not window.editing.dirty
    # The next save goes on from the mix's version: no conflict with his save any more.
    his_title_change(window, "Tiêu đề lần ba")
    assert reports.get_report(window.sessions, window.editing.report_id).title == "Tiêu đề lần ba"


def test_clicking_a_value_picks_it(qtbot, engine_window):
    window = engine_window
    open_demo(qtbot, window)
    his_title_change(window, "Tiêu đề anh ấy đã lưu")
    dialog = her_typing_is_refused(qtbot, window)
    row = row_of(dialog, "Trích yếu")
    table = dialog.table
    rect = table.visualItemRect(table.item(row, 2))

    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    assert dialog.choices[row][1].isChecked()
    assert dialog.keep_theirs_paths() == set()


def test_a_save_overtaken_by_the_same_change_goes_on_without_asking(qtbot, engine_window):
    window = engine_window
    open_demo(qtbot, window)
    window.editing.flush()
    his_title_change(window, "Cùng một tiêu đề")
    window.editing.report.title = "Cùng một tiêu đề"  # she made the very same change
    window.editing.changed("document")

    with qtbot.waitSignal(window.editing.report_saved, timeout=10_000):
        window.editing.save_now()

    assert getattr(window, "conflict_dialog", None) is None and window.editing.conflict is None
    stored = reports.get_report(window.sessions, window.editing.report_id)
    assert stored.title == "Cùng một tiêu đề" and stored.version == window.editing.snapshot().version
