"""Organisation actions: add, edit, list, and delete only when no report uses it."""

from __future__ import annotations

import pytest

from app.domain.demo import demo_organisation, demo_report
from app.domain.errors import UserError
from app.services import organisations, reports


def test_an_added_organisation_is_listed_and_can_be_edited(sessions):
    organisation_id = organisations.add_organisation(sessions, demo_organisation())
    organisation = organisations.get_organisation(sessions, organisation_id)
    organisation.place = "Hà Nội"

    organisations.update_organisation(sessions, organisation)

    assert organisations.list_organisations(sessions) == [organisation]


def test_a_report_follows_its_organisations_edited_signature(sessions):
    report_id = reports.save_new_report(sessions, demo_report())
    organisation = reports.get_report(sessions, report_id).organisation
    organisation.signature.name = "Phạm Văn D"

    organisations.update_organisation(sessions, organisation)

    assert reports.get_report(sessions, report_id).effective_signature.name == "Phạm Văn D"


def test_an_organisation_with_reports_cannot_be_deleted(sessions):
    report_id = reports.save_new_report(sessions, demo_report())
    organisation_id = reports.get_report(sessions, report_id).organisation.id

    with pytest.raises(UserError) as raised:
        organisations.delete_organisation(sessions, organisation_id)

    assert "1" in raised.value.message
    assert organisations.get_organisation(sessions, organisation_id).id == organisation_id


def test_an_organisation_without_reports_can_be_deleted(sessions):
    organisation_id = organisations.add_organisation(sessions, demo_organisation())

    organisations.delete_organisation(sessions, organisation_id)

    assert organisations.list_organisations(sessions) == []
    with pytest.raises(UserError):
        organisations.delete_organisation(sessions, organisation_id)
