"""The terms dialog: the committee's terms listed from the database, added, edited and deleted there."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox

from app.domain.demo import demo_organisation
from app.domain.numbering import Term
from app.gui.dialogs.terms_dialog import TermsDialog
from app.services import numbering, organisations
from app.services.sessions import open_sessions
from tests.gui.keys import type_text

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


def inline_run_db(fn, on_done=None):
    result = fn()
    if on_done is not None:
        on_done(result)


@pytest.fixture
def sessions():
    database = open_sessions()
    yield database
    database.close()


@pytest.fixture
def org_id(sessions) -> int:
    return organisations.add_organisation(sessions, demo_organisation())


@pytest.fixture
def make_dialog(qtbot, sessions, org_id):
    def make() -> TermsDialog:
        dialog = TermsDialog(org_id, inline_run_db, lambda: sessions)
        qtbot.addWidget(dialog)
        dialog.open()
        return dialog
    return make


def click(qtbot, button) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def set_date(edit, day: date) -> None:
    edit.setDate(QDate(day.year, day.month, day.day))


def rows(dialog) -> list[tuple[str, str, str]]:
    return [tuple(dialog.table.item(r, c).text() for c in range(3)) for r in range(dialog.table.rowCount())]


def test_the_table_lists_the_stored_terms_oldest_first(sessions, org_id, make_dialog):
    numbering.add_term(sessions, org_id, Term("2025 - 2030", date(2025, 7, 21)))
    numbering.add_term(sessions, org_id, Term("2020 - 2025", date(2020, 7, 16), date(2025, 7, 20)))
    dialog = make_dialog()
    assert rows(dialog)[0] == ("2020 - 2025", "16/7/2020", "20/7/2025")
    assert rows(dialog)[1][:2] == ("2025 - 2030", "21/7/2025")
    assert rows(dialog)[1][2] != ""  # the running term says so


def test_a_new_term_starts_the_day_after_the_last_one_ended(sessions, org_id, make_dialog):
    numbering.add_term(sessions, org_id, Term("2020 - 2025", date(2020, 7, 16), date(2025, 7, 20)))
    dialog = make_dialog()
    assert dialog.start_edit.date().toPython() == date(2025, 7, 21)
    assert not dialog.ended_check.isChecked()


def test_adding_a_term_stores_it_and_shows_it_selected(qtbot, sessions, org_id, make_dialog):
    dialog = make_dialog()
    assert not dialog.add_button.isEnabled()  # no name yet
    type_text(dialog.name_edit, "2025 - 2030")
    set_date(dialog.start_edit, date(2025, 7, 21))
    with qtbot.waitSignal(dialog.terms_changed):
        click(qtbot, dialog.add_button)
    stored = numbering.list_terms(sessions, org_id)
    assert [(t.label, t.starts_on, t.ends_on) for t in stored] == [("2025 - 2030", date(2025, 7, 21), None)]
    assert rows(dialog)[0][0] == "2025 - 2030"
    assert dialog.selected_term().id == stored[0].id


def test_a_term_that_ends_before_it_starts_cannot_be_added(qtbot, sessions, org_id, make_dialog):
    dialog = make_dialog()
    type_text(dialog.name_edit, "2020 - 2025")
    set_date(dialog.start_edit, date(2020, 7, 16))
    click(qtbot, dialog.ended_check)
    set_date(dialog.end_edit, date(2019, 1, 1))
    assert dialog.problem_label.isVisible()
    assert "01/01/2019" in dialog.problem_label.text()
    assert not dialog.add_button.isEnabled()
    set_date(dialog.end_edit, date(2025, 7, 20))
    assert not dialog.problem_label.isVisible()
    click(qtbot, dialog.add_button)
    assert numbering.list_terms(sessions, org_id)[0].ends_on == date(2025, 7, 20)


def test_editing_the_selected_term_saves_its_end(qtbot, sessions, org_id, make_dialog):
    term_id = numbering.add_term(sessions, org_id, Term("2020 - 2025", date(2020, 7, 16)))
    dialog = make_dialog()
    assert not dialog.save_button.isEnabled()
    dialog.table.selectRow(0)
    assert dialog.name_edit.text() == "2020 - 2025"
    click(qtbot, dialog.ended_check)
    set_date(dialog.end_edit, date(2025, 7, 20))
    with qtbot.waitSignal(dialog.terms_changed):
        click(qtbot, dialog.save_button)
    (term,) = numbering.list_terms(sessions, org_id)
    assert (term.id, term.ends_on) == (term_id, date(2025, 7, 20))
    assert rows(dialog)[0][2] == "20/7/2025"
    assert dialog.selected_term().id == term_id


def test_deleting_the_selected_term_removes_it(qtbot, sessions, org_id, make_dialog):
    numbering.add_term(sessions, org_id, Term("2015 - 2020", date(2015, 7, 1), date(2020, 7, 15)))
    numbering.add_term(sessions, org_id, Term("2020 - 2025", date(2020, 7, 16)))
    dialog = make_dialog()
    assert not dialog.delete_button.isEnabled()
    dialog.table.selectRow(0)
    with qtbot.waitSignal(dialog.terms_changed):
        click(qtbot, dialog.delete_button)
    assert [t.label for t in numbering.list_terms(sessions, org_id)] == ["2020 - 2025"]
    assert rows(dialog)[0][0] == "2020 - 2025"
    assert not dialog.delete_button.isEnabled()


def test_close_closes(qtbot, make_dialog):
    dialog = make_dialog()
    click(qtbot, dialog.button_box.button(QDialogButtonBox.StandardButton.Close))
    assert not dialog.isVisible()
