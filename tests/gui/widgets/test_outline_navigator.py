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
