"""Organisations in the database: add, get, list, update and delete."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import IntegrityError

from app.domain.errors import UserError
from app.domain.organisation import OrgKind, Signature
from app.storage import org_repo, report_repo


def test_an_organisation_round_trips_with_its_new_id(database, demo):
    with database.begin() as session:
        organisation_id = org_repo.add(session, demo.organisation)
    with database.begin() as session:
        loaded = org_repo.get(session, organisation_id)

    demo.organisation.id = organisation_id
    assert loaded == demo.organisation


def test_list_all_is_by_name(database, demo):
    with database.begin() as session:
        demo.organisation.name = "Đảng bộ B"
        org_repo.add(session, demo.organisation)
        demo.organisation.name = "Chi bộ A"
        org_repo.add(session, demo.organisation)
    with database.begin() as session:
        assert [organisation.name for organisation in org_repo.list_all(session)] == ["Chi bộ A", "Đảng bộ B"]


def test_update_overwrites_the_profile(database, demo):
    with database.begin() as session:
        demo.organisation.id = org_repo.add(session, demo.organisation)
    demo.organisation.kind = OrgKind.CHI_BO_CO_SO
    demo.organisation.signature = Signature("T/M CHI BỘ", "BÍ THƯ", "Lê Văn C")
    demo.organisation.recipients = ["- Lưu Chi bộ."]

    with database.begin() as session:
        org_repo.update(session, demo.organisation)
    with database.begin() as session:
        assert org_repo.get(session, demo.organisation.id) == demo.organisation


def test_delete_removes_the_organisation(database, demo):
    with database.begin() as session:
        organisation_id = org_repo.add(session, demo.organisation)
    with database.begin() as session:
        org_repo.delete(session, organisation_id)

    with pytest.raises(UserError), database.begin() as session:
        org_repo.get(session, organisation_id)


def test_the_database_refuses_to_delete_an_organisation_with_reports(database, demo):
    with database.begin() as session:
        demo.organisation.id = org_repo.add(session, demo.organisation)
        report_repo.add(session, demo)

    with pytest.raises(IntegrityError), database.begin() as session:
        org_repo.delete(session, demo.organisation.id)
    with database.begin() as session:
        assert org_repo.count_reports(session, demo.organisation.id) == 1


def test_the_sample_flag_is_stored_and_a_profile_update_keeps_it(database, demo):
    sample = demo.organisation
    sample.is_sample = True
    with database.begin() as session:
        sample_id = org_repo.add(session, sample)
        assert org_repo.sample_id(session) == sample_id
    with database.begin() as session:
        loaded = org_repo.get(session, sample_id)
        assert loaded.is_sample
        loaded.is_sample = False  # the profile dialog knows nothing of the flag
        loaded.name = "Đảng bộ mẫu"
        org_repo.update(session, loaded)
    with database.begin() as session:
        again = org_repo.get(session, sample_id)
        assert (again.name, again.is_sample) == ("Đảng bộ mẫu", True)


def test_her_organisations_are_not_samples(database, demo):
    with database.begin() as session:
        org_repo.add(session, demo.organisation)
        assert org_repo.sample_id(session) is None
