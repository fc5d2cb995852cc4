"""The outline: every heading can be read in full."""

from __future__ import annotations

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
