"""Two clerks on one report: her save after his is refused, and the window shows both values and lets her choose."""

from __future__ import annotations

import copy

from app.services import reports
from app.services.sessions import open_sessions
from tests.gui.keys import type_text
from tests.gui.test_main_window import click, open_demo, window  # noqa: F401 - fixture


def his_title_change(window, title: str) -> None:  # noqa: F811
    """Another clerk, on his own connection, saves a new title for the open report."""
    other = open_sessions()
    try:
        his = reports.get_report(other, window.editing.report_id)
        edited = copy.deepcopy(his)
        edited.title = title
        reports.save_changes(other, window.editing.report_id, his, edited)
    finally:
        other.close()


def her_typing_is_refused(qtbot, window) -> object:  # noqa: F811
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


def test_her_save_after_his_shows_both_values_and_keeping_theirs_reopens_his(qtbot, window):  # noqa: F811
    open_demo(qtbot, window)
    original = window.editing.report.title
    his_title_change(window, "Tiêu đề anh ấy đã lưu")

    dialog = her_typing_is_refused(qtbot, window)

    shown = cells(dialog)
    assert shown["title"] == ("Tiêu đề anh ấy đã lưu", original or "(trống)")
    heading = window.editing.report.section("bai_hoc").title
    assert shown[f"Nội dung mục “{heading}”"][1].endswith("Chị thêm câu này.")
    assert "Người khác đã lưu báo cáo này" in dialog.message_label.text()
    click(qtbot, dialog.theirs_button)

    assert window.editing.conflict is None
    assert window.editing.report.title == "Tiêu đề anh ấy đã lưu"
    stored = reports.get_report(window.sessions, window.editing.report_id)
    assert stored.title == "Tiêu đề anh ấy đã lưu"
    assert not stored.section("bai_hoc").entries[-1].text.endswith("Chị thêm câu này.")


def test_keeping_mine_saves_her_copy_over_his(qtbot, window):  # noqa: F811
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
