"""The organisations flow: the list for the home page, a new organisation, a profile edit, a deletion."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from app.domain.organisation import Organisation
from app.gui.controllers.organisations import OrganisationsController
from app.services import organisations, reports


@pytest.fixture
def controller(runner, prompts, parent):
    return OrganisationsController(runner, prompts, parent)


def her_organisation(name: str = "Chi bộ Trường Tiểu học Hòa An") -> Organisation:
    return Organisation(name=name, upper_body="ĐẢNG BỘ XÃ HÒA AN", issuer_name=name.upper())


def test_refresh_lists_every_organisation_with_the_one_to_select(qtbot, controller, runner):
    org_id = organisations.add_organisation(runner.sessions, her_organisation())
    with qtbot.waitSignal(controller.organisations_listed) as listed:
        controller.refresh(org_id)
    orgs, select = listed.args
    assert [o.name for o in orgs] == ["Chi bộ Trường Tiểu học Hòa An"] and select == org_id


def test_an_accepted_new_organisation_is_stored_and_selected(qtbot, controller, runner):
    controller.create()
    with qtbot.waitSignal(controller.organisations_listed) as listed:
        controller.dialog.organisation_accepted.emit(her_organisation())
    [stored] = organisations.list_organisations(runner.sessions)
    assert listed.args[1] == stored.id and stored.name == "Chi bộ Trường Tiểu học Hòa An"


def test_an_edited_profile_is_stored_and_announced(qtbot, controller, runner):
    org_id = organisations.add_organisation(runner.sessions, her_organisation())
    controller.edit(organisations.get_organisation(runner.sessions, org_id))
    edited = organisations.get_organisation(runner.sessions, org_id)
    edited.place = "Hòa An"
    with qtbot.waitSignal(controller.organisation_updated) as updated:
        controller.dialog.organisation_accepted.emit(edited)
    assert updated.args[0].place == "Hòa An"
    assert organisations.get_organisation(runner.sessions, org_id).place == "Hòa An"


def test_deleting_asks_first_and_no_keeps_the_organisation(controller, runner, prompts):
    org_id = organisations.add_organisation(runner.sessions, her_organisation())
    controller.delete(organisations.get_organisation(runner.sessions, org_id))
    assert "Chi bộ Trường Tiểu học Hòa An" in prompts.question_box.text()
    prompts.question_box.button(QMessageBox.StandardButton.No).click()
    assert len(organisations.list_organisations(runner.sessions)) == 1


def test_an_organisation_with_reports_is_kept_and_the_message_says_why(controller, runner, prompts, demo):
    report_id = reports.save_new_report(runner.sessions, demo)
    org = reports.get_report(runner.sessions, report_id).organisation
    controller.delete(org)
    prompts.question_box.button(QMessageBox.StandardButton.Yes).click()
    assert "báo cáo" in prompts.error_box.text()
    assert len(organisations.list_organisations(runner.sessions)) == 1


def test_yes_deletes_an_organisation_without_reports(qtbot, controller, runner, prompts):
    org_id = organisations.add_organisation(runner.sessions, her_organisation())
    controller.delete(organisations.get_organisation(runner.sessions, org_id))
    with qtbot.waitSignal(controller.organisation_deleted) as deleted:
        prompts.question_box.button(QMessageBox.StandardButton.Yes).click()
    assert deleted.args == [org_id]
    assert organisations.list_organisations(runner.sessions) == []
