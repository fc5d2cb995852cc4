"""The number register: the next number suggested, duplicates warned about, per term (Party) or per year (state)."""

from __future__ import annotations

from datetime import date

import pytest

from app import i18n
from app.domain.demo import demo_organisation, demo_report
from app.domain.errors import UserError
from app.domain.numbering import Term
from app.domain.presets import Preset
from app.services import numbering, organisations, reports


@pytest.fixture(autouse=True)
def english(vietnamese):
    i18n.set_language("en")


@pytest.fixture
def party_org(sessions) -> int:
    org_id = organisations.add_organisation(sessions, demo_organisation())
    numbering.add_term(sessions, org_id, Term("2020 - 2025", date(2020, 7, 16), date(2025, 7, 20)))
    numbering.add_term(sessions, org_id, Term("2025 - 2030", date(2025, 7, 21)))
    return org_id


@pytest.fixture
def state_org(sessions) -> int:
    return organisations.add_organisation(sessions, demo_report(preset=Preset.STATE).organisation)


def test_the_first_number_of_a_term_is_01(sessions, party_org):
    assert numbering.suggest_next_number(sessions, party_org, "BC", date(2025, 8, 1)) == 1


def test_party_numbers_run_on_through_the_term_across_new_year(sessions, party_org):
    for number, day in ((1, date(2025, 9, 1)), (2, date(2025, 12, 20))):
        assert numbering.register_number(sessions, party_org, "BC", number, day) == []
    assert numbering.suggest_next_number(sessions, party_org, "BC", date(2026, 1, 10)) == 3
    # Another type has its own run, and the previous term's numbers do not count.
    assert numbering.suggest_next_number(sessions, party_org, "KH", date(2026, 1, 10)) == 1
    numbering.register_number(sessions, party_org, "BC", 40, date(2025, 6, 1))
    assert numbering.suggest_next_number(sessions, party_org, "BC", date(2026, 1, 10)) == 3


def test_state_numbers_restart_on_the_first_of_january(sessions, state_org):
    numbering.register_number(sessions, state_org, "BC", 25, date(2026, 12, 15))
    assert numbering.suggest_next_number(sessions, state_org, "BC", date(2026, 12, 20)) == 26
    assert numbering.suggest_next_number(sessions, state_org, "BC", date(2027, 1, 5)) == 1


def test_a_duplicate_is_registered_with_a_warning(sessions, party_org):
    numbering.register_number(sessions, party_org, "BC", 1, date(2025, 9, 1))
    [warning] = numbering.register_number(sessions, party_org, "BC", 1, date(2025, 10, 1))
    assert warning.code == "number.duplicate"
    assert len(numbering.list_numbers(sessions, party_org, "BC")) == 2
    assert numbering.check_number(sessions, party_org, "BC", 2, date(2025, 10, 1)) == []


def test_a_party_number_restarted_in_january_is_warned_about(sessions, party_org):
    for number in (1, 2, 3):
        numbering.register_number(sessions, party_org, "BC", number, date(2025, 11, number))
    numbering.register_number(sessions, party_org, "BC", 4, date(2026, 1, 3))
    # 01 again in January is a duplicate; a low number that is free is a restart all the same.
    assert [f.code for f in numbering.check_number(sessions, party_org, "BC", 1, date(2026, 1, 5))] == [
        "number.duplicate"]
    numbering.delete_number(sessions, numbering.list_numbers(sessions, party_org, "BC")[-1].id)
    assert [f.code for f in numbering.check_number(sessions, party_org, "BC", 1, date(2026, 1, 5))] == [
        "number.restarted"]


def test_registering_a_report_again_moves_its_entry(sessions):
    report = demo_report()
    report_id = reports.save_new_report(sessions, report)
    org_id = reports.get_report(sessions, report_id).organisation.id
    assert numbering.register_report_number(sessions, report_id) == []
    stored = reports.get_report(sessions, report_id)
    stored.number = 26
    reports.replace_report(sessions, report_id, stored)
    assert numbering.register_report_number(sessions, report_id) == []
    [entry] = numbering.list_numbers(sessions, org_id)
    assert (entry.number, entry.report_id, entry.issued_on) == (26, report_id, date(2026, 12, 15))


def test_a_report_without_number_or_date_cannot_be_registered(sessions):
    report = demo_report()
    report.number = None
    report_id = reports.save_new_report(sessions, report)
    with pytest.raises(UserError):
        numbering.register_report_number(sessions, report_id)


def test_a_deleted_report_leaves_its_number_used(sessions):
    report_id = reports.save_new_report(sessions, demo_report())
    org_id = reports.get_report(sessions, report_id).organisation.id
    numbering.register_report_number(sessions, report_id)
    reports.delete_report(sessions, report_id)
    [entry] = numbering.list_numbers(sessions, org_id)
    assert (entry.number, entry.report_id) == (25, None)
    assert numbering.suggest_next_number(sessions, org_id, "BC", date(2026, 12, 20)) == 26


def test_terms_are_listed_oldest_first_and_can_be_edited_and_deleted(sessions, party_org):
    terms = numbering.list_terms(sessions, party_org)
    assert [t.label for t in terms] == ["2020 - 2025", "2025 - 2030"]
    current = terms[-1]
    current.ends_on = date(2030, 7, 1)
    numbering.update_term(sessions, current)
    assert numbering.list_terms(sessions, party_org)[-1].ends_on == date(2030, 7, 1)
    numbering.delete_term(sessions, terms[0].id)
    assert len(numbering.list_terms(sessions, party_org)) == 1


def test_a_term_cannot_end_before_it_starts(sessions, party_org):
    with pytest.raises(UserError):
        numbering.add_term(sessions, party_org, Term("sai", date(2025, 7, 21), date(2025, 1, 1)))


def test_the_period_shown_to_the_user_names_the_term_or_the_year(sessions, party_org, state_org):
    assert "2025 - 2030" in numbering.numbering_period(sessions, party_org, date(2026, 3, 3)).label
    assert "2026" in numbering.numbering_period(sessions, state_org, date(2026, 3, 3)).label
