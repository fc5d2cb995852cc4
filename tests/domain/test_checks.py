"""Arithmetic checks: each failed check names its fields in Vietnamese."""

from decimal import Decimal

import pytest

from app.domain.checks import run_checks
from app.domain.fields import STAT_LABELS, parse
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
            ref = parse(path)
            assert ref.stat_name in STAT_LABELS or ref.kind.value == "targets", path


def test_findings_are_in_english_when_english_is_chosen(demo):
    from app import i18n

    i18n.set_language("en")
    demo.stats.membership.closing_total = 97
    finding = next(f for f in run_checks(demo) if f.code == "membership.balance")
    assert finding.message.startswith("Members at the end is 97")


# A figure not entered yet is said as such, never as an error, and no message shows "(0)".


def carried_over(report):
    """The next year's report as "Start from the previous period's report" makes it, nothing typed yet."""
    from app.domain.report import ReportKind
    from app.services.reports import carry_over

    return carry_over(report, report.year + 1, ReportKind.YEAR_END)


def test_a_closing_total_not_entered_is_information_proposing_the_movements_figure(demo):
    report = carried_over(demo)
    [finding] = run_checks(report)
    assert finding.severity is Severity.INFO
    assert finding.code == "membership.closing.not_entered"
    assert finding.fields[0] == "stats.membership.closing_total"
    assert finding.message == "Số đảng viên cuối kỳ: chưa nhập; theo biến động là 98."


def test_a_split_not_entered_proposes_full_and_probationary_members(demo):
    m = demo.stats.membership
    m.closing_official = m.closing_probationary = 0
    [finding] = run_checks(demo)
    assert finding.severity is Severity.INFO
    assert finding.message == ("Số đảng viên dự bị cuối kỳ: chưa nhập; theo biến động là 92 đảng viên chính thức "
                               "và 6 đảng viên dự bị.")


def test_female_members_before_the_closing_total_say_the_total_is_not_entered(demo):
    report = carried_over(demo)
    report.stats.membership.female = 3
    findings = run_checks(report)
    assert not has_errors(findings)
    assert [f.code for f in findings] == ["membership.closing.not_entered"]


def test_a_part_above_a_whole_not_entered_is_information_naming_the_part(demo):
    demo.stats.party_life.study_members = 0
    [finding] = [f for f in run_checks(demo) if f.code.startswith("party_life.study")]
    assert finding.severity is Severity.INFO
    assert finding.fields[0] == "stats.party_life.study_members"
    assert finding.message == "Số đảng viên phải tham gia học tập: chưa nhập (số đảng viên tham gia học tập: 96)."


def test_levels_not_entered_and_a_total_not_entered_are_information(demo):
    r = demo.stats.ratings.members
    r.excellent = r.good = r.complete = r.not_complete = r.not_rated = r.exemplary = 0
    assert {(f.code, f.severity) for f in run_checks(demo)} >= {("ratings.members.levels.not_entered", Severity.INFO)}
    demo.stats.ratings.members.excellent, demo.stats.ratings.members.total = 3, 0
    finding = next(f for f in run_checks(demo) if f.code == "ratings.members.total.not_entered")
    assert finding.message.endswith("theo các mức xếp loại là 3.")


def test_discipline_with_no_form_entered_is_information(demo):
    demo.stats.discipline.members.total = 1
    demo.stats.discipline.members.reprimand = 0
    finding = next(f for f in run_checks(demo) if f.fields[0].startswith("stats.discipline.members"))
    assert finding.severity is Severity.INFO
    assert "chưa nhập" in finding.message


def test_an_expulsion_only_in_the_movement_is_a_warning_without_a_zero(demo):
    demo.stats.membership.expelled = 1
    demo.stats.membership.closing_total -= 1
    demo.stats.membership.closing_official -= 1
    finding = next(f for f in run_checks(demo) if f.code == "discipline.expulsion")
    assert finding.severity is Severity.WARNING
    assert "(0)" not in finding.message


def test_quota_with_no_member_rated_good_names_no_zero(demo):
    r = demo.stats.ratings.members
    r.good, r.complete = 0, r.complete + r.good
    finding = next(f for f in run_checks(demo) if f.code == "ratings.members.quota")
    assert "(0)" not in finding.message and "∞" not in finding.message


MEMBERSHIP_FIELDS = ["opening_total", "opening_probationary", "admitted", "transferred_in",
                     "transferred_in_probationary", "transferred_out", "transferred_out_probationary", "deceased",
                     "struck_off", "struck_off_probationary", "expelled", "left_party", "recognised_official",
                     "closing_total", "closing_official", "closing_probationary", "female", "exempt"]


def small_or_zero():
    from hypothesis import strategies as st

    return st.one_of(st.just(0), st.integers(0, 120))


@pytest.mark.parametrize("kind", ["dang_bo_co_so", "chi_bo_truc_thuoc"])
def test_no_finding_message_ever_shows_a_zero_in_brackets(kind):
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from app.domain.demo import demo_report
    from app.domain.organisation import OrgKind
    from app.domain.report import Statistics

    figures = st.fixed_dictionaries({name: small_or_zero() for name in MEMBERSHIP_FIELDS})
    levels = st.lists(small_or_zero(), min_size=7, max_size=7)
    forms = st.lists(small_or_zero(), min_size=6, max_size=6)
    life = st.lists(small_or_zero(), min_size=5, max_size=5)

    @settings(max_examples=300, deadline=None)
    @given(figures, levels, levels, forms, life)
    def check(membership, org_levels, member_levels, discipline, party_life):
        report = demo_report()
        report.organisation.kind = OrgKind(kind)
        report.stats = Statistics(units=org_levels[0])
        for name, value in membership.items():
            setattr(report.stats.membership, name, value)
        for counts, values in ((report.stats.ratings.organisations, org_levels),
                               (report.stats.ratings.members, member_levels)):
            for name, value in zip(("total", "excellent", "good", "complete", "not_complete", "not_rated",
                                    "exemplary"), values, strict=True):
                setattr(counts, name, value)
        d = report.stats.discipline.members
        d.total, d.reprimand, d.warning, d.removal, d.expulsion, d.probationary = discipline
        p = report.stats.party_life
        p.study_participants, p.study_members, p.meetings_held, p.meetings_required, p.theme_plan_units = party_life
        for finding in run_checks(report):
            assert "(0)" not in finding.message, finding.message
            assert "∞" not in finding.message, finding.message

    check()


# The figures that follow from others.


def test_the_closing_figures_proposed_are_those_of_the_movement(demo):
    from app.domain.checks import proposed_figure

    report = carried_over(demo)
    report.stats.membership.admitted = 2
    assert proposed_figure(report, "stats.membership.closing_total") == 100
    report.stats.membership.closing_total = 100
    assert proposed_figure(report, "stats.membership.closing_probationary") == 8
    report.stats.membership.closing_probationary = 8
    assert proposed_figure(report, "stats.membership.closing_official") == 92


def test_nothing_is_proposed_for_the_closing_total_without_an_opening(demo):
    from app.domain.checks import proposed_figure

    demo.stats.membership.opening_total = 0
    assert proposed_figure(demo, "stats.membership.closing_total") is None


# A chi bộ.


def test_a_chi_bo_is_not_checked_on_figures_about_organisations_under_it(demo):
    from app.domain.organisation import OrgKind

    demo.organisation.kind = OrgKind.CHI_BO_CO_SO
    demo.stats.discipline.organisations.total = 2  # left from when it was a đảng bộ
    demo.stats.party_life.theme_plan_units = 99
    assert not [f for f in run_checks(demo) if "organisations" in f.fields[0] or "units" in f.fields[0]]


def test_only_a_chi_bo_gives_a_self_rating_and_only_a_dang_bo_counts_its_chi_bo():
    from app.domain.checks import applies
    from app.domain.organisation import OrgKind

    assert applies("stats.ratings.self_rating", OrgKind.CHI_BO_TRUC_THUOC)
    assert not applies("stats.ratings.self_rating", OrgKind.DANG_BO_CO_SO)
    assert not applies("stats.units", OrgKind.CHI_BO_CO_SO)
    assert applies("stats.units", OrgKind.DANG_BO_BO_PHAN)
    assert applies("stats.membership.closing_total", OrgKind.CHI_BO_CO_SO)
