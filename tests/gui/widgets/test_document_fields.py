"""The document fields: settings edits land in the report, and the number comes from and goes into the register."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt

from app.domain.demo import demo_report
from app.domain.fields import Field
from app.domain.numbering import Term
from app.domain.presets import Preset, margin_choices
from app.gui.widgets.document_fields import FORMAT_LINE_SPACING_PT, DocumentFields
from app.services import numbering, reports
from app.services.sessions import open_sessions

# The offscreen platform cannot pass a window's size limits on; that is not the widget's fault.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


def inline_run_db(fn, on_done=None):
    """What MainWindow.run_db does, without the database thread."""
    result = fn()
    if on_done is not None:
        on_done(result)


@pytest.fixture
def fields(qtbot):
    widget = DocumentFields()
    qtbot.addWidget(widget)
    widget.resize(700, 900)
    widget.show()
    widget.set_report(demo_report())
    return widget


@pytest.fixture
def sessions():
    database = open_sessions()
    yield database
    database.close()


@pytest.fixture
def stored(qtbot, sessions):
    """The fields over a report stored in a real database, with the services wired in as the window does."""
    report_id = reports.save_new_report(sessions, demo_report())
    widget = DocumentFields()
    qtbot.addWidget(widget)
    widget.set_services(inline_run_db, lambda: sessions)
    widget.show()
    widget.set_report(reports.get_report(sessions, report_id))
    return widget


def choose(qtbot, combo, data) -> None:
    """Pick the item holding data with the keyboard, as a user does."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    while combo.currentData() != data:
        index = combo.currentIndex()
        qtbot.keyClick(combo, Qt.Key.Key_Down)
        assert combo.currentIndex() != index, f"no item {data!r}"


def tick(qtbot, box) -> None:
    """Click a check box on its box: a box stretched across a form row ignores clicks past its text."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


# -- settings -----------------------------------------------------------------------------------


def test_the_margins_offer_the_presets_choices_with_its_own_first(fields):
    choices = margin_choices(Preset.PARTY)
    assert [fields.margins.itemData(i) for i in range(fields.margins.count())] == list(choices)
    assert fields.margins.currentData() is None
    assert choices[None] in fields.margins.itemText(0)
    assert fields.margins.itemText(1) == choices["older"]


def test_choosing_other_margins_updates_the_report_and_emits_edited(qtbot, fields):
    with qtbot.waitSignal(fields.edited):
        choose(qtbot, fields.margins, "older")
    assert fields.report.settings.margins == "older"
    with qtbot.waitSignal(fields.edited):
        choose(qtbot, fields.margins, None)
    assert fields.report.settings.margins is None


def test_a_state_report_offers_the_state_margins(fields):
    fields.set_report(demo_report(preset=Preset.STATE))
    assert [fields.margins.itemData(i) for i in range(fields.margins.count())] == list(margin_choices("state"))


def test_margins_the_format_does_not_offer_are_kept_on_loading(fields):
    report = demo_report()
    report.settings.margins = "wide"  # chosen under the state format
    fields.set_report(report)
    assert fields.margins.currentData() == "wide"
    assert report.settings.margins == "wide"


def test_line_spacing_starts_as_the_format_and_steps_up_to_its_18_pt(qtbot, fields):
    spin = fields.line_spacing
    assert spin.text() == spin.specialValueText()
    assert fields.report.settings.line_spacing_pt is None
    spin.setFocus()
    with qtbot.waitSignal(fields.edited):
        qtbot.keyClick(spin, Qt.Key.Key_Up)
    assert fields.report.settings.line_spacing_pt == FORMAT_LINE_SPACING_PT
    qtbot.keyClick(spin, Qt.Key.Key_Up)
    assert fields.report.settings.line_spacing_pt == FORMAT_LINE_SPACING_PT + 1


def test_typing_a_line_spacing_sets_it_and_the_lowest_value_means_the_format(qtbot, fields):
    spin = fields.line_spacing
    spin.setFocus()
    spin.selectAll()
    with qtbot.waitSignal(fields.edited):
        qtbot.keyClicks(spin, "20")
    assert fields.report.settings.line_spacing_pt == 20
    for _ in range(3):  # PageDown steps ten points at a time, down to the lowest value
        qtbot.keyClick(spin, Qt.Key.Key_PageDown)
    assert spin.text() == spin.specialValueText()
    assert fields.report.settings.line_spacing_pt is None


def test_a_stored_line_spacing_is_shown(fields):
    report = demo_report()
    report.settings.line_spacing_pt = 17
    fields.set_report(report)
    assert fields.line_spacing.value() == 17


def test_the_appendices_box_turns_annexes_on_and_off(qtbot, fields):
    assert not fields.annexes.isChecked()
    with qtbot.waitSignal(fields.edited):
        tick(qtbot, fields.annexes)
    assert fields.report.settings.annexes is True
    with qtbot.waitSignal(fields.edited):
        tick(qtbot, fields.annexes)
    assert fields.report.settings.annexes is False


def test_loading_a_report_emits_nothing(qtbot, fields):
    report = demo_report()
    report.settings.annexes = True
    report.settings.margins = "older"
    with qtbot.assertNotEmitted(fields.edited):
        fields.set_report(report)
    assert fields.annexes.isChecked()
    assert fields.margins.currentData() == "older"


def test_a_settings_finding_goes_to_its_field(fields):
    assert fields.focus_field(Field.MARGINS)
    assert fields.focus_field("settings.line_spacing_pt")
    assert fields.widget_for("recipients.2") is fields.recipients
    assert not fields.focus_field("stats.units")  # another page's field


# -- the register -------------------------------------------------------------------------------


def test_without_services_the_register_buttons_are_disabled(fields):
    for button in (fields.next_number_button, fields.register_button, fields.terms_button):
        assert not button.isEnabled()


def test_take_the_next_number_fills_in_the_number_after_the_terms_highest(qtbot, stored, sessions):
    org_id = stored.report.organisation.id
    numbering.add_term(sessions, org_id, Term("2025 - 2030", date(2025, 7, 21)))
    numbering.register_number(sessions, org_id, "BC", 7, date(2026, 3, 2))
    numbering.register_number(sessions, org_id, "BC", 12, date(2024, 3, 2))  # the previous term
    stored.number.setValue(0)
    assert stored.report.number is None

    with qtbot.waitSignal(stored.edited):
        qtbot.mouseClick(stored.next_number_button, Qt.MouseButton.LeftButton)
    assert stored.number.value() == 8
    assert stored.report.number == 8


def test_a_first_number_is_01(qtbot, stored):
    stored.number.setValue(0)
    qtbot.mouseClick(stored.next_number_button, Qt.MouseButton.LeftButton)
    assert stored.report.number == 1


def test_entering_the_number_in_the_register_records_it_and_says_so(qtbot, stored, sessions):
    assert stored.register_button.isEnabled()
    with qtbot.waitSignal(stored.number_registered) as signal:
        qtbot.mouseClick(stored.register_button, Qt.MouseButton.LeftButton)
    assert signal.args[0] == []
    assert stored.number_status.isVisible()
    issued = numbering.list_numbers(sessions, stored.report.organisation.id, "BC")
    assert [(n.number, n.issued_on, n.report_id) for n in issued] == [(25, date(2026, 12, 15), stored.report.id)]
    # The next suggestion now follows it.
    qtbot.mouseClick(stored.next_number_button, Qt.MouseButton.LeftButton)
    assert stored.report.number == 26


def test_a_number_another_document_took_shows_the_duplicate_warning_beside_it(qtbot, stored, sessions):
    org_id = stored.report.organisation.id
    numbering.register_number(sessions, org_id, "BC", 25, date(2026, 11, 3))  # another report's
    with qtbot.waitSignal(stored.number_registered) as signal:
        qtbot.mouseClick(stored.register_button, Qt.MouseButton.LeftButton)
    assert [f.code for f in signal.args[0]] == ["number.duplicate"]
    status = stored.number_status
    assert status.isVisible()
    assert "25" in status.text() and "03/11/2026" in status.text()
    # Changing the number takes the warning away: it was about 25.
    stored.number.setValue(26)
    assert not status.isVisible()


def test_the_register_needs_a_number_and_a_date(qtbot, stored):
    stored.number.setValue(0)
    assert not stored.register_button.isEnabled()
    stored.number.setValue(3)
    assert stored.register_button.isEnabled()
    tick(qtbot, stored.dated)
    assert stored.report.issued_on is None
    assert not stored.register_button.isEnabled()


def test_the_terms_button_opens_the_terms_of_the_reports_organisation(qtbot, stored, sessions):
    numbering.add_term(sessions, stored.report.organisation.id, Term("2020 - 2025", date(2020, 7, 16),
                                                                     date(2025, 7, 20)))
    qtbot.mouseClick(stored.terms_button, Qt.MouseButton.LeftButton)
    dialog = stored.terms_dialog
    assert dialog.isVisible()
    assert dialog.organisation_id == stored.report.organisation.id
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 0).text() == "2020 - 2025"
    dialog.close()


def test_the_terms_dialog_opened_again_shows_the_terms_afresh(qtbot, stored, sessions):
    qtbot.mouseClick(stored.terms_button, Qt.MouseButton.LeftButton)
    dialog = stored.terms_dialog
    assert dialog.table.rowCount() == 0
    dialog.close()
    numbering.add_term(sessions, stored.report.organisation.id, Term("2025 - 2030", date(2025, 7, 21)))
    qtbot.mouseClick(stored.terms_button, Qt.MouseButton.LeftButton)
    assert stored.terms_dialog is dialog
    assert dialog.isVisible()
    assert dialog.table.rowCount() == 1


# -- the date -----------------------------------------------------------------------------------


def type_date(qtbot, field, text: str) -> None:
    """One click into the date, then the keys: the click selects it, so what she types replaces it."""
    qtbot.mouseClick(field.edit, Qt.MouseButton.LeftButton, pos=QPoint(field.edit.width() // 2,
                                                                        field.edit.height() // 2))
    qtbot.keyClicks(field.edit, text)


def test_a_date_is_typed_straight_after_one_click(qtbot, fields):
    assert fields.report.issued_on == date(2026, 12, 15)
    with qtbot.waitSignal(fields.edited):
        type_date(qtbot, fields.date, "05/01/2027")
    assert fields.report.issued_on == date(2027, 1, 5)
    assert fields.date.edit.text() == "05/01/2027"


def test_a_second_click_into_the_date_also_lets_her_type_a_new_one(qtbot, fields):
    type_date(qtbot, fields.date, "30/02/2025")
    type_date(qtbot, fields.date, "28/02/2025")
    assert fields.date.edit.text() == "28/02/2025"
    assert fields.report.issued_on == date(2025, 2, 28)
    assert not fields.date.message.isVisible()


def test_an_impossible_date_is_refused_with_a_message_beside_the_field(qtbot, fields):
    with qtbot.assertNotEmitted(fields.edited):
        type_date(qtbot, fields.date, "30/02/2025")
    message = fields.date.message
    assert message.isVisible()
    assert message.text() == "Tháng 02/2025 có 28 ngày: không có ngày 30/02/2025."
    assert fields.report.issued_on == date(2026, 12, 15)  # the last real date, not 28/02/2025
    assert fields.date.edit.text() == "30/02/2025"  # her text stays for her to correct
    qtbot.keyClick(fields.date.edit, Qt.Key.Key_Tab)
    assert message.isVisible()
    assert fields.report.issued_on == date(2026, 12, 15)


def test_an_unfinished_date_is_named_when_she_leaves_the_field(qtbot, fields):
    type_date(qtbot, fields.date, "3/2")
    assert not fields.date.message.isVisible()
    qtbot.keyClick(fields.date.edit, Qt.Key.Key_Tab)
    assert fields.date.message.text() == "Hãy gõ ngày theo dạng ngày/tháng/năm, ví dụ 15/12/2026."
    assert fields.report.issued_on == date(2026, 12, 15)


def test_29_february_of_a_leap_year_typed_over_a_2026_date_is_kept_and_saved(qtbot, stored, sessions):
    assert stored.report.issued_on == date(2026, 12, 15)
    with qtbot.waitSignal(stored.edited):
        type_date(qtbot, stored.date, "29/02/2024")
    assert not stored.date.message.isVisible()
    assert stored.report.issued_on == date(2024, 2, 29)
    reports.replace_report(sessions, stored.report.id, stored.report)
    assert reports.get_report(sessions, stored.report.id).issued_on == date(2024, 2, 29)


def test_a_short_date_is_read_and_shown_in_full(qtbot, fields):
    type_date(qtbot, fields.date, "5/1/2027")
    assert fields.report.issued_on == date(2027, 1, 5)
    qtbot.keyClick(fields.date.edit, Qt.Key.Key_Tab)
    assert fields.date.edit.text() == "05/01/2027"


def test_the_calendar_picks_a_date(qtbot, fields):
    from PySide6.QtCore import QDate

    with qtbot.waitSignal(fields.edited):
        fields.date.calendar.clicked.emit(QDate(2026, 12, 31))
    assert fields.report.issued_on == date(2026, 12, 31)
    assert fields.date.edit.text() == "31/12/2026"


@pytest.mark.parametrize(("text", "message"), [
    ("31/04/2026", "Tháng 04/2026 có 30 ngày: không có ngày 31/04/2026."),
    ("29/02/2100", "Tháng 02/2100 có 28 ngày: không có ngày 29/02/2100."),
    ("12/13/2026", "Không có tháng 13: tháng chỉ từ 1 đến 12."),
    ("12/12/1820", "Hãy gõ năm từ 1930 đến 2100."),
    ("12-2026", "Hãy gõ ngày theo dạng ngày/tháng/năm, ví dụ 15/12/2026."),
])
def test_parse_date_names_what_is_wrong(text, message):
    from app.domain.errors import UserError
    from app.gui.widgets.date_edit import parse_date

    with pytest.raises(UserError) as caught:
        parse_date(text)
    assert caught.value.message == message


@pytest.mark.parametrize("text", ["29/02/2024", "29.02.2024", "29-2-2024", "29022024", " 29/2/2024 "])
def test_parse_date_reads_the_usual_ways_of_writing_a_date(text):
    from app.gui.widgets.date_edit import parse_date

    assert parse_date(text) == date(2024, 2, 29)


# -- the wheel ----------------------------------------------------------------------------------


def test_the_wheel_over_the_number_or_a_list_she_is_not_in_changes_nothing(qtbot, fields):
    from tests.gui.mouse import wheel

    qtbot.mouseClick(fields.place, Qt.MouseButton.LeftButton)  # she is typing the place
    number, status = fields.number.value(), fields.status.currentIndex()
    for widget in (fields.number, fields.status, fields.line_spacing, fields.margins):
        assert not widget.hasFocus()
        wheel(widget)
        wheel(widget, steps=2)
    assert fields.number.value() == number == fields.report.number
    assert fields.status.currentIndex() == status
    assert fields.report.settings.line_spacing_pt is None
    assert fields.report.settings.margins is None


def test_empty_sections_setting_is_a_tick_box_that_reaches_the_report(qtbot, demo):
    from app.gui.widgets.document_fields import DocumentFields

    fields = DocumentFields()
    qtbot.addWidget(fields)
    fields.set_report(demo)
    assert not fields.keep_empty.isChecked()
    with qtbot.waitSignal(fields.edited):
        fields.keep_empty.click()
    assert demo.settings.keep_empty_sections


def test_choosing_the_school_year_turns_the_title_and_its_placeholder_to_the_school_year(qtbot, fields):
    report = fields.report
    with qtbot.waitSignal(fields.edited):
        fields.period.setFocus()
        qtbot.keyClick(fields.period, Qt.Key.Key_Down)  # Calendar year → School year
    assert fields.period.currentText() == "Năm học (từ tháng 9 đến tháng 8)"
    assert report.period_kind.value == "school_year"
    assert report.effective_title == (
        "tổng kết công tác xây dựng Đảng năm học 2026 - 2027, phương hướng, nhiệm vụ năm học 2027 - 2028")
    assert fields.title.placeholderText() == report.effective_title


def test_a_six_month_report_shows_its_fixed_period_and_cannot_change_it(fields):
    fields.set_report(demo_report("six-month"))
    assert not fields.period.isEnabled()
    assert fields.period.currentIndex() == -1
    assert fields.period.placeholderText() == "6 tháng đầu năm"
