"""The findings panel: a finding the app can correct offers “Sửa giúp” on right-click and hands its Fix on."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu

from app.domain.demo import demo_report
from app.domain.findings import Finding, Fix, Severity, apply_fix
from app.domain.lint import lint_report
from app.domain.report import Entry
from app.gui.widgets.findings_panel import FindingsPanel

# The offscreen platform can neither pass size limits on nor raise a menu and grab the keyboard for it: not the
# widget's fault.
pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (propagateSizeHints\(\)|raise\(\)|grabbing the keyboard)")

PATH = "sections.0.children.4.children.0.entries.0.text"


@pytest.fixture
def panel(qtbot):
    widget = FindingsPanel()
    qtbot.addWidget(widget)
    widget.resize(500, 300)
    widget.show()
    return widget


def right_click(qtbot, panel: FindingsPanel, row: int) -> None:
    """A right-click on the row, through the window, as the platform delivers it (it makes the context menu event)."""
    center = panel.visualItemRect(panel.item(row)).center()
    window = panel.window().windowHandle()
    qtbot.mouseClick(window, Qt.MouseButton.RightButton, pos=panel.viewport().mapTo(panel.window(), center))


def test_fix_is_offered_on_right_click_and_emitted_when_chosen(qtbot, panel):
    fix = Fix(PATH, 8, "2 đảng viên", "02 đảng viên")
    panel.show_findings([Finding("text.count_padding", Severity.INFO, (PATH,), "Viết “02 đảng viên”.", fix)])
    right_click(qtbot, panel, 0)
    qtbot.waitUntil(lambda: panel.fix_menu is not None and panel.fix_menu.isVisible())
    menu: QMenu = panel.fix_menu
    (action,) = menu.actions()
    assert "“2 đảng viên” → “02 đảng viên”" in action.text()
    with qtbot.waitSignal(panel.fix_requested) as signal:
        qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
    assert signal.args == [fix]


def test_finding_without_fix_offers_no_menu(qtbot, panel):
    panel.show_findings([Finding("membership.balance", Severity.ERROR, ("stats.membership.closing_total",), "Sai.")])
    right_click(qtbot, panel, 0)
    assert panel.fix_menu is None
    assert panel.fix_action(panel.findings[0], panel) is None


def test_chosen_fix_applied_to_the_report_clears_the_finding(qtbot, panel):
    report = demo_report()
    report.section("uu_diem").entries = [Entry("Năm 2026, Đảng bộ kết nạp 4 đảng viên mới.")]
    findings = [f for f in lint_report(report) if f.fix is not None]
    panel.show_findings(findings)
    row = next(i for i, f in enumerate(findings) if f.code == "text.count_padding")
    right_click(qtbot, panel, row)
    qtbot.waitUntil(lambda: panel.fix_menu is not None and panel.fix_menu.isVisible())
    menu = panel.fix_menu
    with qtbot.waitSignal(panel.fix_requested) as signal:
        qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(menu.actions()[0]).center())
    assert apply_fix(report, signal.args[0])
    assert report.section("uu_diem").entries[0].text == "Năm 2026, Đảng bộ kết nạp 04 đảng viên mới."
    assert not [f for f in lint_report(report) if f.code == "text.count_padding" and f.fields[0] == PATH]


def test_click_still_goes_to_the_field(qtbot, panel):
    finding = Finding("text.count_padding", Severity.INFO, (PATH,), "m", Fix(PATH, 0, "a", "b"))
    panel.show_findings([finding])
    with qtbot.waitSignal(panel.finding_activated) as signal:
        qtbot.mouseClick(panel.viewport(), Qt.MouseButton.LeftButton, pos=panel.visualItemRect(panel.item(0)).center())
    assert signal.args == [finding]
