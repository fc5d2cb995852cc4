"""The organisation tree: a chi bộ stored under its đảng bộ, listed as its child, migrated up and down."""

from __future__ import annotations

from dataclasses import replace

import pytest
from alembic import command
from sqlalchemy import inspect

from app.domain.demo import demo_organisation, demo_report, demo_subunit_reports
from app.domain.errors import UserError
from app.services import organisations
from app.services.interchange import dumps_report, loads_report
from app.storage.db import alembic_config, make_engine


def chi_bo_organisations():
    return [report.organisation for report in demo_subunit_reports()[:3]]


def test_sub_units_added_under_a_dang_bo_are_its_children_by_name(sessions):
    parent_id = organisations.add_organisation(sessions, demo_organisation())
    other_id = organisations.add_organisation(sessions, replace(demo_organisation(), name="Đảng bộ khác"))
    ids = [organisations.add_sub_unit(sessions, parent_id, o) for o in reversed(chi_bo_organisations())]

    children = organisations.list_children(sessions, parent_id)

    assert [c.name for c in children] == sorted(o.name for o in chi_bo_organisations())
    assert {c.id for c in children} == set(ids) and {c.parent_id for c in children} == {parent_id}
    assert organisations.list_children(sessions, other_id) == []
    assert organisations.get_organisation(sessions, parent_id).parent_id is None


def test_a_chi_bo_cannot_have_sub_units(sessions):
    chi_bo_id = organisations.add_organisation(sessions, chi_bo_organisations()[0])
    with pytest.raises(UserError):
        organisations.add_sub_unit(sessions, chi_bo_id, chi_bo_organisations()[1])
    assert organisations.list_children(sessions, chi_bo_id) == []


def test_editing_a_sub_units_profile_keeps_it_under_its_dang_bo(sessions):
    parent_id = organisations.add_organisation(sessions, demo_organisation())
    child_id = organisations.add_sub_unit(sessions, parent_id, chi_bo_organisations()[0])
    edited = replace(organisations.get_organisation(sessions, child_id), place="Hà Nội", parent_id=None)
    organisations.update_organisation(sessions, edited)
    assert organisations.get_organisation(sessions, child_id).parent_id == parent_id


def test_deleting_the_dang_bo_leaves_its_chi_bo_standing_alone(sessions):
    parent_id = organisations.add_organisation(sessions, demo_organisation())
    child_id = organisations.add_sub_unit(sessions, parent_id, chi_bo_organisations()[0])
    organisations.delete_organisation(sessions, parent_id)
    assert organisations.get_organisation(sessions, child_id).parent_id is None


def test_an_imported_report_keeps_no_parent_id_of_another_database():
    report = demo_report()
    report.organisation.parent_id = 7
    assert loads_report(dumps_report(report)).organisation.parent_id is None


def test_migration_0005_adds_parent_id_and_takes_it_away_again(sessions):
    sessions.close()
    engine = make_engine()
    try:
        with engine.connect() as connection, connection.begin():
            command.downgrade(alembic_config(connection), "0004_entry_sources")
        with engine.connect() as connection:
            assert "parent_id" not in {c["name"] for c in inspect(connection).get_columns("organisations")}
        with engine.connect() as connection, connection.begin():
            command.upgrade(alembic_config(connection), "head")
        with engine.connect() as connection:
            inspector = inspect(connection)
            assert "parent_id" in {c["name"] for c in inspector.get_columns("organisations")}
            assert [fk["referred_table"] for fk in inspector.get_foreign_keys("organisations")] == ["organisations"]
    finally:
        engine.dispose()
