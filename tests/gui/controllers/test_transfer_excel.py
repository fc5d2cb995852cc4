"""Xuất bảng số liệu Excel and Nhập số liệu từ Excel: the sheet written, read back, reviewed, saved on OK only."""

from __future__ import annotations

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from app.domain.demo import DemoKind, demo_report
from app.gui.controllers.transfer import TransferController
from app.services import excel, reports


def _open_demo(runner, editing):
    report = demo_report(DemoKind.CHI_BO)
    report_id = reports.save_new_report(runner.sessions, report)
    editing.open(report_id, reports.get_report(runner.sessions, report_id))
    return report_id


def _set(path, field, value):
    wb = openpyxl.load_workbook(path)
    layout = excel.layout_for(demo_report(DemoKind.CHI_BO).organisation.kind)
    wb.worksheets[0][layout.cell(excel.stat(field))] = value
    wb.save(path)


def test_a_filled_sheet_is_reviewed_with_its_changes_and_findings_then_saved(qtbot, runner, prompts, editing,
                                                                            parent, tmp_path):
    controller = TransferController(runner, prompts, editing, parent)
    report_id = _open_demo(runner, editing)
    closing = editing.report.stats.membership.closing_total
    path = tmp_path / "so-lieu.xlsx"
    controller.export_excel_to(path)
    qtbot.waitUntil(path.exists)
    _set(path, "membership.closing_total", closing + 2)
    controller.import_excel_from(path)
    qtbot.waitUntil(lambda: controller.excel_dialog is not None and controller.excel_dialog.isVisible())
    dialog = controller.excel_dialog
    assert dialog.changes.topLevelItemCount() == 1
    row = dialog.changes.topLevelItem(0)
    assert [row.text(i) for i in range(3)] == ["Số đảng viên cuối kỳ", str(closing), str(closing + 2)]
    messages = [dialog.findings.item(i).text() for i in range(dialog.findings.count())]
    assert any(m.startswith("⛔ Số đảng viên cuối kỳ là") for m in messages)
    # The balance, and the split into full and probationary members, no longer hold.
    assert sum(m.startswith("⛔") for m in messages) == 2 and "Kiểm tra thấy 2 lỗi" in dialog.summary.text()
    assert reports.get_report(runner.sessions, report_id).stats.membership.closing_total == closing  # not yet
    with qtbot.waitSignal(controller.report_imported) as imported:
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert imported.args == [report_id]
    stored = reports.get_report(runner.sessions, report_id)
    assert stored.stats.membership.closing_total == closing + 2
    assert stored.sections == editing.report.sections  # only the figures changed


def test_cancelling_the_review_saves_nothing(qtbot, runner, prompts, editing, parent, tmp_path):
    controller = TransferController(runner, prompts, editing, parent)
    report_id = _open_demo(runner, editing)
    path = tmp_path / "so-lieu.xlsx"
    excel.export_stats_sheet(editing.report, path)
    admitted = editing.report.stats.membership.admitted
    _set(path, "membership.admitted", admitted + 5)
    controller.import_excel_from(path)
    qtbot.waitUntil(lambda: controller.excel_dialog is not None and controller.excel_dialog.isVisible())
    qtbot.mouseClick(controller.excel_dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel),
                     Qt.MouseButton.LeftButton)
    assert reports.get_report(runner.sessions, report_id).stats.membership.admitted == admitted


def test_a_sheet_with_a_formula_where_a_figure_belongs_says_which_cell_and_saves_nothing(qtbot, runner, prompts,
                                                                                        editing, parent, tmp_path):
    controller = TransferController(runner, prompts, editing, parent)
    report_id = _open_demo(runner, editing)
    before = reports.get_report(runner.sessions, report_id)
    path = tmp_path / "so-lieu.xlsx"
    excel.export_stats_sheet(editing.report, path)
    _set(path, "membership.admitted", "=1+1")
    controller.import_excel_from(path)
    qtbot.waitUntil(lambda: "chứa công thức" in prompts.error_box.text())
    assert "Ô C" in prompts.error_box.text()
    assert controller.excel_dialog is None
    assert reports.get_report(runner.sessions, report_id) == before
    assert QApplication.overrideCursor() is None
