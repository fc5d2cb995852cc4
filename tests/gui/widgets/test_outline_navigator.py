"""The outline: every heading can be read in full."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QTreeWidgetItemIterator

from app.gui.widgets.outline_navigator import OutlineNavigator


def items(navigator):
    iterator = QTreeWidgetItemIterator(navigator.tree)
    while iterator.value():
        yield iterator.value()
        iterator += 1


def test_each_section_has_its_full_printed_heading_as_tooltip(qtbot, demo):
    navigator = OutlineNavigator()
    qtbot.addWidget(navigator)
    navigator.set_report(demo)
    tips = {item.text(0): item.toolTip(0) for item in items(navigator)}
    long_heading = next(text for text in tips if "nhiệm vụ chính trị".upper() in text.upper() and len(text) > 30)
    assert tips[long_heading].startswith(long_heading + "\n")
    assert navigator.tree.wordWrap()


def test_a_section_left_out_says_so_in_its_tooltip(qtbot, demo):
    demo.section("dan_van").enabled = False
    navigator = OutlineNavigator()
    qtbot.addWidget(navigator)
    navigator.set_report(demo)
    tip = next(item.toolTip(0) for item in items(navigator) if item.text(0) == demo.section("dan_van").title)
    assert "(không đưa vào)" in tip


def test_a_long_heading_wraps_onto_more_lines_in_a_narrow_pane(qtbot, demo):
    navigator = OutlineNavigator()
    qtbot.addWidget(navigator)
    navigator.resize(200, 600)
    navigator.show()
    navigator.set_report(demo)
    tree = navigator.tree
    short = next(item for item in items(navigator) if item.text(0) == "Chỉ tiêu")
    long = max(items(navigator), key=lambda item: len(item.text(0)))
    qtbot.waitUntil(lambda: tree.visualItemRect(long).height() >= 2 * tree.visualItemRect(short).height())


def test_selecting_a_section_far_down_scrolls_the_outline_to_it(qtbot, demo):
    navigator = OutlineNavigator()
    qtbot.addWidget(navigator)
    navigator.resize(180, 300)
    navigator.show()
    navigator.set_report(demo)
    navigator.select_section("de_xuat")
    item = navigator.tree.currentItem()
    tree = navigator.tree

    def in_view() -> bool:
        rect = tree.visualItemRect(item)
        return rect.top() >= 0 and rect.bottom() <= tree.viewport().height()

    qtbot.waitUntil(in_view)
    assert navigator.tree.verticalScrollBar().value() > 0


# Sections of her own: the buttons and the context menu of the outline.

def shown_navigator(qtbot, report):
    from PySide6.QtWidgets import QLineEdit

    navigator = OutlineNavigator()
    qtbot.addWidget(navigator)
    navigator.resize(300, 700)
    navigator.show()
    navigator.set_report(report)
    return navigator, QLineEdit


def title_editor(qtbot, navigator, line_edit):
    qtbot.waitUntil(lambda: navigator.tree.findChild(line_edit, "section_title_editor") is not None)
    return navigator.tree.findChild(line_edit, "section_title_editor")


def commit_title(qtbot, navigator, line_edit, text):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from tests.gui.keys import type_text

    editor = title_editor(qtbot, navigator, line_edit)
    editor.selectAll()
    QTest.keyClick(editor, Qt.Key.Key_Delete)
    type_text(editor, text)
    with qtbot.waitSignal(navigator.outline_edited):
        QTest.keyClick(editor, Qt.Key.Key_Return)


def test_add_section_puts_a_named_section_of_hers_after_the_chosen_one(qtbot, demo):
    from PySide6.QtCore import Qt

    navigator, line_edit = shown_navigator(qtbot, demo)
    navigator.select_section("dac_diem")
    with qtbot.waitSignal(navigator.outline_edited):
        qtbot.mouseClick(navigator.add_button, Qt.MouseButton.LeftButton)
    commit_title(qtbot, navigator, line_edit, "Công tác chuyển đổi số")

    part = demo.sections[0].children
    assert [s.key for s in part[:3]] == ["dac_diem", "rieng_1", "nhiem_vu_chinh_tri"]
    assert part[1].title == "Công tác chuyển đổi số"
    qtbot.waitUntil(lambda: navigator.current_section() is part[1])
    assert navigator.delete_button.isEnabled()


def test_a_sub_section_of_hers_is_numbered_once_it_has_text(qtbot, demo):
    from PySide6.QtCore import Qt

    from app.domain.report import Entry

    navigator, line_edit = shown_navigator(qtbot, demo)
    navigator.select_section("xay_dung_dang")
    with qtbot.waitSignal(navigator.outline_edited):
        qtbot.mouseClick(navigator.add_child_button, Qt.MouseButton.LeftButton)
    commit_title(qtbot, navigator, line_edit, "Bảo vệ chính trị nội bộ")
    added = demo.section("xay_dung_dang").children[-1]
    added.entries.append(Entry("Rà soát lịch sử chính trị."))
    navigator.set_report(demo)

    texts = [item.text(0) for item in items(navigator)]
    assert "9- Bảo vệ chính trị nội bộ" in texts


def test_the_letter_level_takes_no_sub_section(qtbot, demo):
    navigator, _line_edit = shown_navigator(qtbot, demo)
    navigator.select_section("nguyen_nhan_chu_quan")
    assert navigator.add_button.isEnabled()
    assert not navigator.add_child_button.isEnabled()


def test_rename_changes_a_built_in_heading_and_keeps_its_key(qtbot, demo):
    from PySide6.QtCore import Qt

    navigator, line_edit = shown_navigator(qtbot, demo)
    navigator.select_section("kiem_tra")
    assert not navigator.delete_button.isEnabled()
    qtbot.mouseClick(navigator.rename_button, Qt.MouseButton.LeftButton)
    assert title_editor(qtbot, navigator, line_edit).text() == "Công tác kiểm tra, giám sát và thi hành kỷ luật đảng"
    commit_title(qtbot, navigator, line_edit, "Kiểm tra, giám sát và kỷ luật đảng")

    assert demo.section("kiem_tra").title == "Kiểm tra, giám sát và kỷ luật đảng"
    qtbot.waitUntil(lambda: "5- Kiểm tra, giám sát và kỷ luật đảng" in [item.text(0) for item in items(navigator)])


def test_a_blank_name_is_not_taken_and_escape_keeps_the_old_one(qtbot, demo):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    navigator, line_edit = shown_navigator(qtbot, demo)
    navigator.select_section("dac_diem")
    navigator.rename_current()
    editor = title_editor(qtbot, navigator, line_edit)
    editor.selectAll()
    QTest.keyClick(editor, Qt.Key.Key_Delete)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    assert editor.isVisible() and demo.section("dac_diem").title == "ĐẶC ĐIỂM TÌNH HÌNH"
    QTest.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: navigator.tree.findChild(line_edit, "section_title_editor") is None
                    or not navigator.tree.findChild(line_edit, "section_title_editor").isVisible())
    assert demo.section("dac_diem").title == "ĐẶC ĐIỂM TÌNH HÌNH"


def test_deleting_an_empty_section_of_hers_needs_no_confirmation(qtbot, demo):
    from PySide6.QtCore import Qt

    from app.domain.outline import add_section

    added = add_section(demo, demo.section("dac_diem"), "Mục tạm")
    navigator, _line_edit = shown_navigator(qtbot, demo)
    navigator.select_section(added.key)
    with qtbot.waitSignal(navigator.outline_edited):
        qtbot.mouseClick(navigator.delete_button, Qt.MouseButton.LeftButton)

    assert demo.section(added.key) is None
    assert navigator.current_section() is demo.section("nhiem_vu_chinh_tri")


def test_deleting_a_section_with_text_asks_first(qtbot, demo):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    from app.domain.outline import add_section
    from app.domain.report import Entry

    added = add_section(demo, demo.section("de_xuat"), "Tổ chức thực hiện")
    added.entries.append(Entry("Các chi bộ xây dựng kế hoạch."))
    navigator, _line_edit = shown_navigator(qtbot, demo)
    navigator.select_section(added.key)

    qtbot.mouseClick(navigator.delete_button, Qt.MouseButton.LeftButton)
    box = navigator.findChild(QMessageBox, "confirm_delete")
    assert box is not None and box.isVisible() and "Tổ chức thực hiện" in box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert demo.section(added.key) is not None

    qtbot.mouseClick(navigator.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(b.isVisible() for b in navigator.findChildren(QMessageBox, "confirm_delete")))
    box = next(b for b in navigator.findChildren(QMessageBox, "confirm_delete") if b.isVisible())
    delete = next(b for b in box.buttons()
                  if box.buttonRole(b) is QMessageBox.ButtonRole.DestructiveRole)
    with qtbot.waitSignal(navigator.outline_edited):
        qtbot.mouseClick(delete, Qt.MouseButton.LeftButton)
    assert demo.section(added.key) is None
    assert navigator.current_section() is demo.section("de_xuat")


# The offscreen platform cannot raise a popup nor let it grab the keyboard, and says so.
@pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support grabbing the keyboard")
def test_the_context_menu_offers_the_four_outline_actions(qtbot, demo):
    from PySide6.QtWidgets import QMenu

    navigator, _line_edit = shown_navigator(qtbot, demo)
    navigator.select_section("kiem_tra")
    item = navigator.tree.currentItem()
    navigator.tree.customContextMenuRequested.emit(navigator.tree.visualItemRect(item).center())
    qtbot.waitUntil(lambda: any(m.isVisible() for m in navigator.findChildren(QMenu)))
    menu = next(m for m in navigator.findChildren(QMenu) if m.isVisible())

    actions = {a.text(): a.isEnabled() for a in menu.actions()}
    assert actions == {"Thêm mục": True, "Thêm mục con": True, "Đổi tên": True, "Xóa mục": False}
    with qtbot.waitSignal(navigator.outline_edited):
        next(a for a in menu.actions() if a.text() == "Thêm mục con").trigger()
    assert demo.section("kiem_tra").children[-1].key == "rieng_1"
    menu.close()


@pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support grabbing the keyboard")
def test_a_renamed_built_in_section_gets_its_standard_name_back_from_the_menu(qtbot, demo):
    from PySide6.QtWidgets import QMenu

    demo.section("kiem_tra").title = "Kiểm tra, giám sát"
    navigator, _line_edit = shown_navigator(qtbot, demo)
    navigator.select_section("kiem_tra")
    item = navigator.tree.currentItem()
    navigator.tree.customContextMenuRequested.emit(navigator.tree.visualItemRect(item).center())
    qtbot.waitUntil(lambda: any(m.isVisible() for m in navigator.findChildren(QMenu)))
    menu = next(m for m in navigator.findChildren(QMenu) if m.isVisible())
    restore = next(a for a in menu.actions() if a.text().startswith("Lấy lại tên chuẩn"))

    with qtbot.waitSignal(navigator.outline_edited):
        restore.trigger()
    assert demo.section("kiem_tra").title == "Công tác kiểm tra, giám sát và thi hành kỷ luật đảng"
    menu.close()
