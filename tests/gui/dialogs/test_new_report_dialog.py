"""The new-report dialog: year, kind and starting point become one report_requested signal."""

from __future__ import annotations

import dataclasses
from datetime import datetime

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox

from app.domain.period import PeriodKind
from app.domain.report import ReportKind, ReportStatus
from app.gui.dialogs.new_report_dialog import NewReportDialog
from app.services.reports import ReportSummary

# The offscreen platform cannot pass a window's size limits on; that is not the dialog's fault.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


def summary(report_id: int, year: int, kind: ReportKind, changed_day: int = 1) -> ReportSummary:
    return ReportSummary(report_id, 1, "Đảng bộ xã La Bằng", year, kind, ReportStatus.FINAL,
                         datetime(2025, 1, changed_day))


PREVIOUS = [
    summary(11, 2023, ReportKind.YEAR_END, changed_day=9),
    summary(12, 2024, ReportKind.YEAR_END, changed_day=2),
    summary(13, 2024, ReportKind.SIX_MONTH, changed_day=5),
]


def make(qtbot, previous=PREVIOUS, year=2025):
    dialog = NewReportDialog("Đảng bộ xã La Bằng", previous, year)
    qtbot.addWidget(dialog)
    dialog.open()
    return dialog


def ok_button(dialog):
    return dialog.button_box.button(QDialogButtonBox.StandardButton.Ok)


def test_the_most_recent_earlier_report_is_offered_and_emitted_with_year_and_kind(qtbot):
    dialog = make(qtbot)
    assert dialog.previous_radio.isChecked()
    assert dialog.previous_combo.isEnabled()
    assert dialog.previous_combo.currentText() == "Tổng kết năm 2024"
    with qtbot.waitSignal(dialog.report_requested) as signal:
        qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    assert signal.args == [2025, "year_end", 12, "calendar_year", ""]
    assert not dialog.isVisible()


def test_previous_reports_are_listed_latest_period_first(qtbot):
    dialog = make(qtbot)
    combo = dialog.previous_combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Tổng kết năm 2024", "Sơ kết 6 tháng 2024", "Tổng kết năm 2023"]


def test_the_typed_year_the_chosen_kind_and_a_blank_start_are_emitted(qtbot):
    dialog = make(qtbot)
    dialog.year_spin.setFocus()
    dialog.year_spin.selectAll()
    qtbot.keyClicks(dialog.year_spin, "2026")
    dialog.kind_combo.setFocus()
    qtbot.keyClick(dialog.kind_combo, Qt.Key.Key_Down)  # Year-end → Six-month
    # On its round indicator: a radio button takes clicks on the indicator and its text only.
    qtbot.mouseClick(dialog.blank_radio, Qt.MouseButton.LeftButton, pos=QPoint(8, dialog.blank_radio.height() // 2))
    assert dialog.blank_radio.isChecked()
    assert not dialog.previous_combo.isEnabled()
    with qtbot.waitSignal(dialog.report_requested) as signal:
        ok_button(dialog).click()
    assert signal.args == [2026, "six_month", None, "six_months", ""]


def test_another_earlier_report_can_be_chosen(qtbot):
    dialog = make(qtbot)
    combo = dialog.previous_combo
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_End)
    assert combo.currentText() == "Tổng kết năm 2023"
    with qtbot.waitSignal(dialog.report_requested) as signal:
        ok_button(dialog).click()
    assert signal.args == [2025, "year_end", 11, "calendar_year", ""]


def test_the_offered_report_follows_the_period_being_created(qtbot):
    dialog = make(qtbot)
    dialog.year_spin.setFocus()
    dialog.year_spin.selectAll()
    qtbot.keyClicks(dialog.year_spin, "2024")
    assert dialog.previous_combo.currentText() == "Sơ kết 6 tháng 2024"


def test_without_earlier_reports_only_a_blank_start_is_possible(qtbot):
    dialog = make(qtbot, previous=[])
    assert dialog.blank_radio.isChecked()
    assert not dialog.previous_radio.isEnabled()
    assert not dialog.previous_combo.isEnabled()
    with qtbot.waitSignal(dialog.report_requested) as signal:
        ok_button(dialog).click()
    assert signal.args == [2025, "year_end", None, "calendar_year", ""]


def test_an_existing_period_is_pointed_out_without_blocking(qtbot):
    dialog = make(qtbot)
    assert not dialog.duplicate_label.isVisible()
    dialog.year_spin.setFocus()
    qtbot.keyClick(dialog.year_spin, Qt.Key.Key_Down)
    assert dialog.duplicate_label.isVisible()
    assert "Tổng kết năm 2024" in dialog.duplicate_label.text()
    assert ok_button(dialog).isEnabled()
    dialog.year_spin.setFocus()
    qtbot.keyClick(dialog.year_spin, Qt.Key.Key_Up)
    assert not dialog.duplicate_label.isVisible()


def test_the_year_after_the_newest_year_end_report_is_proposed(qtbot):
    dialog = make(qtbot, year=2030)
    assert dialog.year_spin.value() == 2025


def test_after_a_six_month_report_its_year_end_report_is_proposed(qtbot):
    dialog = make(qtbot, previous=[*PREVIOUS, summary(14, 2025, ReportKind.SIX_MONTH)], year=2030)
    assert (dialog.year_spin.value(), dialog.kind()) == (2025, ReportKind.YEAR_END)


def test_without_reports_the_current_year_is_proposed(qtbot):
    dialog = make(qtbot, previous=[], year=2026)
    assert dialog.year_spin.value() == 2026


def test_the_year_stays_within_1930_and_2100(qtbot):
    dialog = make(qtbot, previous=[], year=2200)
    assert dialog.year_spin.value() == 2100
    assert (dialog.year_spin.minimum(), dialog.year_spin.maximum()) == (1930, 2100)


def test_cancel_emits_nothing(qtbot):
    dialog = make(qtbot)
    with qtbot.assertNotEmitted(dialog.report_requested):
        qtbot.mouseClick(dialog.button_box.button(QDialogButtonBox.StandardButton.Cancel),
                         Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_a_school_year_is_chosen_for_a_year_end_report_and_emitted_with_it(qtbot):
    dialog = make(qtbot)
    assert dialog.period_combo.currentText() == "Năm dương lịch"
    dialog.period_combo.setFocus()
    qtbot.keyClick(dialog.period_combo, Qt.Key.Key_Down)  # Calendar year → School year
    assert dialog.year_spin.text() == "2025 - 2026"
    with qtbot.waitSignal(dialog.report_requested) as signal:
        qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    assert signal.args == [2025, "year_end", 12, "school_year", ""]


def test_the_period_is_fixed_by_a_six_month_report_and_a_school_proposes_the_school_year(qtbot):
    school = [dataclasses.replace(summary(21, 2024, ReportKind.YEAR_END), period_kind=PeriodKind.SCHOOL_YEAR)]
    dialog = make(qtbot, previous=school)
    assert dialog.period_combo.currentData() == "school_year"
    assert dialog.previous_combo.currentText() == "Tổng kết năm học 2024 - 2025"
    assert dialog.year_spin.text() == "2025 - 2026"
    dialog.kind_combo.setFocus()
    qtbot.keyClick(dialog.kind_combo, Qt.Key.Key_Down)  # Year-end → Six-month
    assert not dialog.period_combo.isEnabled()
    assert dialog.year_spin.text() == "2025"
    assert dialog.period_kind() is PeriodKind.SIX_MONTHS


def _choose_kind(qtbot, dialog, kind: ReportKind) -> None:
    dialog.kind_combo.setFocus()
    while ReportKind(dialog.kind_combo.currentData()) is not kind:
        qtbot.keyClick(dialog.kind_combo, Qt.Key.Key_Down)


def test_the_term_is_asked_only_for_a_report_whose_period_is_a_term(qtbot):
    dialog = make(qtbot)
    assert dialog.term_row.isHidden()
    _choose_kind(qtbot, dialog, ReportKind.CONGRESS_POLITICAL)
    assert not dialog.term_row.isHidden()
    assert dialog.kind_combo.currentText() == "Báo cáo chính trị trình Đại hội"


def test_a_congress_report_is_of_the_terms_last_year_and_emits_the_term(qtbot):
    dialog = make(qtbot)
    qtbot.mouseClick(dialog.blank_radio, Qt.MouseButton.LeftButton, pos=QPoint(8, dialog.blank_radio.height() // 2))
    _choose_kind(qtbot, dialog, ReportKind.CONGRESS_POLITICAL)
    for spin, text in ((dialog.term_from_spin, "2020"), (dialog.term_to_spin, "2025")):
        spin.setFocus()
        spin.selectAll()
        qtbot.keyClicks(spin, text)
    assert dialog.year_spin.value() == 2025
    assert not dialog.year_spin.isEnabled()
    with qtbot.waitSignal(dialog.report_requested) as signal:
        ok_button(dialog).click()
    assert signal.args == [2025, "congress_political", None, "whole_term", "2020 - 2025"]


def test_the_self_review_is_offered_with_the_term_after_the_last_congress_report(qtbot):
    previous = [dataclasses.replace(summary(21, 2020, ReportKind.CONGRESS_POLITICAL), term="2015 - 2020")]
    dialog = make(qtbot, previous)
    _choose_kind(qtbot, dialog, ReportKind.COMMITTEE_SELF_REVIEW)
    assert (dialog.term_from_spin.value(), dialog.term_to_spin.value()) == (2020, 2025)
    with qtbot.waitSignal(dialog.report_requested) as signal:
        ok_button(dialog).click()
    assert signal.args[1] == "committee_self_review"
    assert signal.args[3:] == ["whole_term", "2020 - 2025"]


def test_a_congress_report_names_its_period_and_the_year_end_choice_comes_back(qtbot):
    dialog = make(qtbot)
    dialog.period_combo.setCurrentIndex(dialog.period_combo.findData(PeriodKind.SCHOOL_YEAR.value))
    _choose_kind(qtbot, dialog, ReportKind.COMMITTEE_SELF_REVIEW)
    assert dialog.period_combo.currentIndex() == -1
    assert dialog.period_combo.placeholderText() == "Cả nhiệm kỳ"
    assert dialog.period_kind() is PeriodKind.WHOLE_TERM
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(ReportKind.YEAR_END.value))
    assert dialog.period_kind() is PeriodKind.SCHOOL_YEAR
