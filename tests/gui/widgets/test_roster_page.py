"""The member list of a chi bộ: typed in place, it gives the counts of the statistics, which then cannot be typed."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox

from app.domain.demo import demo_report
from app.gui.editing import ReportEditing
from app.gui.report_editor import ReportEditor
from app.gui.tasks import Tasks
from app.gui.widgets.outline_navigator import PAGE_ROSTER
from app.gui.widgets.roster_page import COL_ADMITTED, COL_NAME, COL_SEX, COL_STATUS
from app.services import reports
from app.services.sessions import open_sessions
from tests.gui.keys import type_text
from tests.gui.mouse import wheel

M = "stats.membership."


@pytest.fixture
def sessions():
    database = open_sessions()
    yield database
    database.close()


@pytest.fixture
def editor(qtbot, sessions):
    editing = ReportEditing(Tasks(inline=True), lambda: sessions)
    widget = ReportEditor(editing)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def open_school(editor, sessions):
    """The school chi bộ's demo with no list yet, opened on its member list."""
    report = demo_report("school")
    report_id = reports.save_new_report(sessions, report)
    editor.editing.open(report_id, reports.get_report(sessions, report_id))
    editor.navigator.select_page(PAGE_ROSTER)
    return report_id


def confirm(qtbot, page, box) -> None:
    """Enter, as she presses it; the view closes the editor on its next turn of the event loop."""
    QTest.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.table.state() is not QAbstractItemView.State.EditingState)


def type_in_cell(qtbot, page, row: int, column: int, text: str) -> None:
    """Open the cell as a key press does, type text as Unikey sends it, and confirm with Enter."""
    page.table.setCurrentCell(row, column)
    page.table.editItem(page.table.item(row, column))
    box = QApplication.focusWidget()
    assert box is not None and box is not page.table
    type_text(box, text)
    confirm(qtbot, page, box)


def type_new_member(qtbot, page, name: str) -> None:
    """ "Add a member" opens the name of a new row: she types it and presses Enter."""
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    box = QApplication.focusWidget()
    assert box is not None and box.parent() is page.table.viewport()
    type_text(box, name)
    confirm(qtbot, page, box)


def choose_in_cell(qtbot, page, row: int, column: int, text: str) -> None:
    page.table.setCurrentCell(row, column)
    page.table.editItem(page.table.item(row, column))
    combo = QApplication.focusWidget()
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findText(text))
    confirm(qtbot, page, combo)


def test_two_members_typed_into_the_list_become_the_counts_of_the_statistics(qtbot, editor, sessions):
    report_id = open_school(editor, sessions)
    page, form = editor.roster_page, editor.stats_form
    assert editor.pages.currentWidget() is page
    assert page.export_box.text() in page.privacy_note.text()  # the note names the tick that exports the list
    page.use_box.click()
    assert editor.editing.report.roster.in_use
    closing = form.widget_for(M + "closing_total")
    assert closing.value() == 28 and not closing.isReadOnly()  # an empty list gives nothing yet

    type_new_member(qtbot, page, "Nguyễn Thị Lan")
    choose_in_cell(qtbot, page, 0, COL_SEX, page._sex.choices[1][0])  # Nữ
    type_new_member(qtbot, page, "Trần Văn Hùng")
    choose_in_cell(qtbot, page, 1, COL_STATUS, page._status.choices[1][0])  # dự bị
    type_in_cell(qtbot, page, 1, COL_ADMITTED, "02/10/2025")

    report = editor.editing.report
    assert [m.name for m in report.roster.members] == ["Nguyễn Thị Lan", "Trần Văn Hùng"]
    m = report.stats.membership
    assert report.roster.members[1].admitted_on == date(2025, 10, 2), page.table.item(1, COL_ADMITTED).text()
    assert (m.closing_total, m.closing_official, m.closing_probationary, m.female, m.admitted) == (2, 1, 1, 1, 1)
    assert closing.value() == 2 and closing.isReadOnly()
    assert form.widget_for(M + "female").value() == 1
    assert form.widget_for("stats.ratings.members.not_rated").value() == 2
    assert "2" in page.summary.text()
    editor.editing.flush()
    assert reports.get_report(sessions, report_id).roster.members == report.roster.members


def test_a_date_typed_wrong_is_marked_and_changes_nothing(qtbot, editor, sessions):
    open_school(editor, sessions)
    page = editor.roster_page
    type_new_member(qtbot, page, "Lê Văn An")
    type_in_cell(qtbot, page, 0, COL_ADMITTED, "30/02/2025")
    assert editor.editing.report.roster.members[0].admitted_on is None
    assert page.table.item(0, COL_ADMITTED).toolTip()


def test_with_the_list_off_the_counts_stay_hers_to_type(qtbot, editor, sessions):
    open_school(editor, sessions)
    closing = editor.stats_form.widget_for(M + "closing_total")
    assert not editor.roster_page.use_box.isChecked() and not closing.isReadOnly()
    assert closing.value() == 28


def test_the_list_is_offered_to_a_chi_bo_only(qtbot, editor, sessions):
    report = demo_report()  # a đảng bộ
    editor.editing.open(reports.save_new_report(sessions, report), report)
    names = [editor.navigator.tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole)
             for i in range(editor.navigator.tree.topLevelItemCount())]
    assert PAGE_ROSTER not in names


def test_the_wheel_over_a_choice_she_is_not_in_changes_nothing(qtbot, editor, sessions):
    open_school(editor, sessions)
    page = editor.roster_page
    type_new_member(qtbot, page, "Lê Văn An")
    page.table.setCurrentCell(0, COL_STATUS)
    page.table.editItem(page.table.item(0, COL_STATUS))
    combo = QApplication.focusWidget()
    assert isinstance(combo, QComboBox)
    page.table.setFocus()  # she moved on: the editor stays open under the pointer, without the focus
    before = combo.currentIndex()
    wheel(combo)
    assert combo.currentIndex() == before
    assert page.table.item(0, COL_NAME).text() == "Lê Văn An"
