"""Arithmetic checks: each failed check names its fields in Vietnamese."""

from decimal import Decimal

import pytest

from app.domain.checks import FIELD_LABELS, run_checks
from app.domain.findings import Severity, has_errors
from app.domain.targets import Target


def codes(report):
    return {f.code for f in run_checks(report)}


def test_the_demo_report_has_no_finding(demo):
    assert run_checks(demo) == []


def test_seed_002_ratings_of_2_plus_12_out_of_13_cells_are_an_error_naming_the_fields(demo):
    r = demo.stats.ratings.organisations
    r.total, r.excellent, r.good = 13, 2, 12
    [finding] = [f for f in run_checks(demo) if f.code == "ratings.organisations.sum"]
    assert finding.severity is Severity.ERROR
    assert "stats.ratings.organisations.good" in finding.fields
    assert "stats.ratings.organisations.total" in finding.fields
    assert "chi bộ được xếp loại hoàn thành tốt nhiệm vụ (12)" in finding.message
    assert "13" in finding.message and "14" in finding.message


def test_a_movement_that_does_not_balance_is_an_error_naming_every_term(demo):
    demo.stats.membership.closing_total = 97
    demo.stats.membership.closing_official = 91
    [finding] = [f for f in run_checks(demo) if f.code == "membership.balance"]
    assert finding.is_error
    assert finding.fields[0] == "stats.membership.closing_total"
    assert "stats.membership.admitted" in finding.fields
    assert "Số đảng viên cuối kỳ là 97" in finding.message
    assert "kết nạp (4)" in finding.message
    assert "98" in finding.message


def test_zero_terms_are_left_out_of_the_message_but_kept_in_the_fields(demo):
    demo.stats.membership.closing_total = 97
    [finding] = [f for f in run_checks(demo) if f.code == "membership.balance"]
    assert "khai trừ" not in finding.message
    assert "stats.membership.expelled" in finding.fields


def test_official_plus_probationary_must_equal_the_total(demo):
    demo.stats.membership.closing_probationary = 7
    assert {"membership.split", "membership.probationary_balance"} <= codes(demo)


def test_probationary_movement_must_balance(demo):
    demo.stats.membership.recognised_official = 2
    assert "membership.probationary_balance" in codes(demo)


def test_excellent_above_20_percent_of_good_is_a_warning_not_an_error(demo):
    m = demo.stats.ratings.members
    m.excellent, m.good = 20, 77
    findings = [f for f in run_checks(demo) if f.code == "ratings.members.quota"]
    assert [f.severity for f in findings] == [Severity.WARNING]
    assert "20%" in findings[0].message
    assert not has_errors(run_checks(demo))


def test_rated_cells_must_match_the_number_of_cells(demo):
    demo.stats.units = 14
    [finding] = [f for f in run_checks(demo) if f.code == "ratings.organisations.total"]
    assert set(finding.fields) == {"stats.ratings.organisations.total", "stats.units"}


def test_discipline_forms_must_add_up_to_the_total(demo):
    demo.stats.discipline.members.total = 3
    [finding] = [f for f in run_checks(demo) if f.code == "discipline.members.sum"]
    assert finding.is_error
    assert "stats.discipline.members.reprimand" in finding.fields


def test_expulsions_differing_from_the_movement_are_a_warning(demo):
    d = demo.stats.discipline.members
    d.total, d.expulsion = 2, 1
    finding = next(f for f in run_checks(demo) if f.code == "discipline.expulsion")
    assert finding.severity is Severity.WARNING


def test_study_participants_cannot_exceed_those_expected(demo):
    demo.stats.party_life.study_participants = 99
    assert "party_life.study" in codes(demo)


def test_badges_only_for_the_allowed_years(demo):
    demo.stats.membership.badges = {35: 1}
    assert "membership.badge_years" in codes(demo)


@pytest.mark.parametrize(("value", "result", "code"), [(0, 1, "targets.value"), (3, -1, "targets.result")])
def test_targets_need_a_positive_value_and_a_non_negative_result(demo, value, result, code):
    demo.targets.append(Target("kết nạp đảng viên mới", Decimal(value), "đảng viên", result=Decimal(result)))
    assert code in codes(demo)


def test_rate_results_cannot_exceed_100(demo):
    demo.targets.append(Target("đảng viên học tập", Decimal(90), is_percent=True, result=Decimal(101)))
    assert "targets.percent" in codes(demo)


def test_errors_come_before_warnings(demo):
    demo.stats.units = 14
    demo.stats.membership.closing_total = 97
    severities = [f.severity for f in run_checks(demo)]
    assert severities == sorted(severities, reverse=True)


def test_every_field_named_by_a_finding_has_a_label(demo):
    demo.stats.membership.closing_total = 50
    demo.stats.ratings.members.good = 1
    demo.stats.discipline.members.total = 4
    for finding in run_checks(demo):
        for path in finding.fields:
            assert path in FIELD_LABELS, path


def test_findings_are_in_english_when_english_is_chosen(demo):
    from app import i18n

    i18n.set_language("en")
    demo.stats.membership.closing_total = 97
    finding = next(f for f in run_checks(demo) if f.code == "membership.balance")
    assert finding.message.startswith("Members at the end is 97")
