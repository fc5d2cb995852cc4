"""The reports flow: list, new report through its dialog, open, delete, and the sample opened only once."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from app.domain.organisation import Organisation
from app.gui import ui_state
from app.gui.controllers.reports import ReportsController
from app.services import organisations, reports


@pytest.fixture
def controller(runner, prompts, editing, parent):
    return ReportsController(runner, prompts, editing, parent)


@pytest.fixture
def organisation(runner) -> Organisation:
    org = Organisation(name="Chi bộ Phòng Hành chính", upper_body="ĐẢNG BỘ XÃ AN BÌNH",
                       issuer_name="CHI BỘ PHÒNG HÀNH CHÍNH")
    return organisations.get_organisation(runner.sessions, organisations.add_organisation(runner.sessions, org))


def test_a_new_blank_report_is_stored_and_fetched_for_the_editor(qtbot, controller, organisation):
    controller.new_report(organisation)
    dialog = controller.new_report_dialog
    dialog.year_spin.setValue(2026)
    with qtbot.waitSignal(controller.report_fetched) as fetched:
        dialog.button_box.button(QDialogButtonBox.StandardButton.Ok).click()
    _report_id, report = fetched.args
    assert (report.organisation.name, report.year) == ("Chi bộ Phòng Hành chính", 2026)
    assert report.sections


def test_the_reports_of_an_organisation_are_listed(qtbot, controller, runner, organisation, demo):
    demo.organisation = organisation
    report_id = reports.save_new_report(runner.sessions, demo)
    with qtbot.waitSignal(controller.reports_listed) as listed:
        controller.list_for(organisation.id)
    assert [s.id for s in listed.args[0]] == [report_id]
    with qtbot.waitSignal(controller.reports_listed) as listed:
        controller.list_for(None)
    assert listed.args[0] == []


def test_opening_the_sample_twice_fetches_the_same_report_and_stores_one_sample_organisation(
        qtbot, controller, runner, organisation):
    with qtbot.waitSignal(controller.report_fetched) as first:
        controller.open_sample()
    with qtbot.waitSignal(controller.report_fetched) as second:
        controller.open_sample()
    assert first.args[0] == second.args[0]
    assert first.args[1].organisation.is_sample
    orgs = organisations.list_organisations(runner.sessions)
    assert any(not o.is_sample for o in orgs)
    assert [o.is_sample for o in orgs].count(True) == 1
    assert reports.list_reports(runner.sessions, organisation.id) == []


def test_a_report_that_is_gone_is_forgotten_quietly_when_reopened_on_start(controller, prompts):
    ui_state.put(ui_state.LAST_REPORT_ID, 999)
    controller.open(999, quiet=True)
    assert ui_state.get(ui_state.LAST_REPORT_ID) == 0
    assert prompts.error_box is None


def test_a_report_that_is_gone_says_so_when_she_opens_it(controller, prompts):
    controller.open(999)
    assert prompts.error_box is not None and prompts.error_box.isVisible()


def test_deleting_a_report_asks_and_yes_deletes_it(qtbot, controller, runner, prompts, demo):
    report_id = reports.save_new_report(runner.sessions, demo)
    controller.delete(report_id)
    with qtbot.waitSignal(controller.report_deleted) as deleted:
        prompts.question_box.button(QMessageBox.StandardButton.Yes).click()
    assert deleted.args == [report_id]
    assert reports.list_reports(runner.sessions) == []
