"""The statistics form: it fits the organisation, fills in what follows from the movement; the wheel scrolls."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.domain.demo import DemoKind, demo_report
from app.domain.findings import Severity
from app.domain.lint import lint_report
from app.domain.ratings import Level
from app.domain.report import ReportKind
from app.gui.widgets.stats_form import StatsForm
from app.services.reports import carry_over
from tests.gui.mouse import wheel

M = "stats.membership."


def type_into(qtbot, spin, text: str) -> None:
    """Click into a number box, select what is there and type text, as she does."""
    qtbot.mouseClick(spin.lineEdit(), Qt.MouseButton.LeftButton)
    spin.selectAll()
    qtbot.keyClicks(spin, text)


@pytest.fixture
def form(qtbot):
    widget = StatsForm()
    qtbot.addWidget(widget)
    widget.resize(700, 600)
    widget.show()
    return widget


def next_year(kind: DemoKind = DemoKind.DANG_BO):
    """The next year's report started from the demo, nothing typed yet."""
    previous = demo_report(kind)
    return carry_over(previous, previous.year + 1, ReportKind.YEAR_END)


# The wheel.


def test_the_wheel_over_a_number_box_she_is_not_in_scrolls_the_page_and_changes_nothing(qtbot, form):
    report = demo_report()
    form.set_report(report)
    female = form.widget_for(M + "female")
    form.ensureWidgetVisible(female)
    bar = form.verticalScrollBar()
    before, position = female.value(), bar.value()
    assert not female.hasFocus()
    wheel(female)
    assert female.value() == before == report.stats.membership.female
    assert bar.value() > position


def test_the_wheel_changes_a_number_box_she_is_in(qtbot, form):
    form.set_report(demo_report())
    female = form.widget_for(M + "female")
    form.ensureWidgetVisible(female)
    qtbot.mouseClick(female.lineEdit(), Qt.MouseButton.LeftButton)
    assert female.hasFocus()
    before = female.value()
    wheel(female, steps=1)
    assert female.value() == before + 1


# Fitting the organisation.


def test_a_chi_bo_form_has_no_sub_unit_fields_and_a_self_rating_choice(qtbot, form):
    report = demo_report(DemoKind.CHI_BO)
    form.set_report(report)
    assert not form.widget_for("stats.units").isVisible()
    assert not form.widget_for("stats.ratings.organisations.total").isVisible()
    assert not form.widget_for("stats.inspection.dues").isVisible()
    assert form.widget_for(M + "closing_total").isVisible()
    combo = form.self_rating
    assert combo.isVisible()
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "(không nêu)", "Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ", "Hoàn thành nhiệm vụ",
        "Không hoàn thành nhiệm vụ"]
    assert combo.currentText() == "Hoàn thành tốt nhiệm vụ"  # the demo's own
    combo.setFocus()
    with qtbot.waitSignal(form.edited):
        qtbot.keyClick(combo, Qt.Key.Key_Up)
    assert report.stats.ratings.self_rating is Level.EXCELLENT
    with qtbot.waitSignal(form.edited):
        qtbot.keyClick(combo, Qt.Key.Key_Home)
    assert report.stats.ratings.self_rating is None


def test_a_dang_bo_form_counts_its_chi_bo_and_has_no_self_rating(qtbot, form):
    form.set_report(demo_report())
    assert form.widget_for("stats.units").isVisible()
    assert form.widget_for("stats.ratings.organisations.excellent").isVisible()
    assert not form.self_rating.isVisible()


def test_switching_to_a_chi_bo_hides_figures_without_losing_them(qtbot, form):
    report = demo_report()
    report.organisation.kind = report.organisation.kind.CHI_BO_CO_SO
    form.set_report(report)
    type_into(qtbot, form.widget_for(M + "female"), "40")
    assert report.stats.units == 13
    assert report.stats.ratings.organisations.total == 13


# What follows from the movement.


def test_the_closing_figures_follow_the_movement_while_she_has_not_typed_them(qtbot, form):
    report = next_year()
    form.set_report(report)
    m = report.stats.membership
    assert (m.closing_total, m.closing_official, m.closing_probationary) == (0, 0, 0)  # opening changes nothing
    with qtbot.waitSignal(form.edited):
        type_into(qtbot, form.widget_for(M + "admitted"), "3")
    assert (m.closing_total, m.closing_official, m.closing_probationary) == (101, 92, 9)
    assert form.widget_for(M + "closing_total").value() == 101
    assert form.widget_for(M + "closing_official").value() == 92
    assert form.widget_for(M + "closing_probationary").value() == 9
    assert not [f for f in lint_report(report) if f.fields[0].startswith(M)]


def test_a_closing_figure_she_typed_is_hers_and_is_not_filled_in(qtbot, form):
    report = next_year()
    form.set_report(report)
    type_into(qtbot, form.widget_for(M + "closing_total"), "97")
    type_into(qtbot, form.widget_for(M + "admitted"), "3")
    m = report.stats.membership
    assert m.closing_total == 97
    assert (m.closing_official, m.closing_probationary) == (88, 9)  # the split still follows her total
    assert any(f.code == "membership.balance" and f.is_error for f in lint_report(report))


def test_one_click_takes_the_closing_figures_from_the_movement(qtbot, form):
    report = next_year()
    form.set_report(report)
    button = form.fill_closing_button
    assert button.isEnabled()
    with qtbot.waitSignal(form.edited):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    m = report.stats.membership
    assert (m.closing_total, m.closing_official, m.closing_probationary) == (98, 92, 6)
    assert not button.isEnabled()


def test_a_report_started_from_last_years_opens_with_no_red_field(qtbot, form):
    report = next_year(DemoKind.CHI_BO)
    form.set_report(report)
    findings = lint_report(report)
    assert not [f for f in findings if f.severity > Severity.INFO]
    form.show_findings(findings)
    assert not [p for p, w in form.fields.items() if w.styleSheet()]  # no box is marked, in red or otherwise
    note = form._group_notes["Membership movement"]
    assert note.text() == "ℹ Số đảng viên cuối kỳ: chưa nhập; theo biến động là 15."
