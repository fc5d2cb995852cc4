"""The member roster of a chi bộ: the counts of its statistics, the check of hand-entered counts, the staff share."""

from __future__ import annotations

from datetime import date

from app.domain import roster_stats
from app.domain.checks import run_checks
from app.domain.demo import demo_report
from app.domain.fields import stat
from app.domain.findings import Severity
from app.domain.lint import lint_report
from app.domain.ratings import Level
from app.domain.report import Entry, UnitFigures
from app.domain.roster import Member, MemberStatus, Roster, Sex

OFFICIAL, PROBATIONARY = MemberStatus.OFFICIAL, MemberStatus.PROBATIONARY


def school(members: list[Member], *, in_use: bool = True):
    """The school chi bộ's demo (school year 2025 - 2026) with members as its roster."""
    report = demo_report("school")
    report.roster = Roster(members=members, in_use=in_use)
    return report


MEMBERS = [
    Member("Nguyễn Thị Lan", OFFICIAL, Sex.FEMALE, date(1996, 5, 19), Level.EXCELLENT, exemplary=True, badge=30),
    Member("Trần Văn Hùng", OFFICIAL, Sex.MALE, date(1994, 3, 26), Level.GOOD),
    Member("Lê Thị Hà", PROBATIONARY, Sex.FEMALE, date(2025, 3, 26), Level.GOOD),
    Member("Phạm Văn Long", PROBATIONARY, Sex.MALE, date(2025, 10, 2), None),  # admitted in the school year
    Member("Vũ Thị Hồng", OFFICIAL, Sex.FEMALE, None, Level.COMPLETE),
    Member("   "),  # a row she has not filled in yet is no member
]


def test_the_roster_gives_every_count_of_the_chi_bos_statistics():
    report = school(MEMBERS)
    assert roster_stats.apply_roster(report)
    m, r = report.stats.membership, report.stats.ratings.members
    assert (m.closing_total, m.closing_official, m.closing_probationary, m.female) == (5, 3, 2, 3)
    assert m.admitted == 1  # 02/10/2025 is in the school year 2025 - 2026; 26/03/2025 is before it
    assert (r.total, r.excellent, r.good, r.complete, r.not_complete, r.not_rated, r.exemplary) == (5, 1, 2, 1, 0, 1, 1)
    assert m.badges == {30: 1}
    assert not roster_stats.apply_roster(report)  # nothing left to change


def test_a_roster_not_in_use_changes_no_figure():
    report = school(MEMBERS, in_use=False)
    before = report.stats.membership.closing_total
    assert not roster_stats.apply_roster(report)
    assert report.stats.membership.closing_total == before == 28


def test_an_empty_list_in_use_changes_no_figure_until_it_holds_a_member():
    report = school([Member("  ")])
    assert not roster_stats.apply_roster(report)
    assert report.stats.membership.closing_total == 28
    report.roster.members.append(Member("Lê Văn An"))
    assert roster_stats.apply_roster(report) and report.stats.membership.closing_total == 1


def test_a_hand_entered_count_that_the_roster_contradicts_is_a_warning_naming_the_field():
    report = school(MEMBERS, in_use=False)  # the school demo says 28 members, 19 of them women
    findings = [f for f in run_checks(report) if f.code == "roster.disagrees"]
    named = {f.fields[0] for f in findings}
    assert stat("membership.closing_total").path in named and stat("membership.female").path in named
    assert all(f.severity is Severity.WARNING for f in findings)
    female = next(f for f in findings if f.fields[0] == stat("membership.female").path)
    assert "19" in female.message and "3" in female.message


def test_counts_taken_from_the_roster_raise_no_disagreement():
    report = demo_report("roster")
    assert [f for f in run_checks(report) if f.code == "roster.disagrees"] == []
    report.stats.membership.female = 3  # typed over a computed count (an imported file, say)
    assert [f.fields for f in run_checks(report) if f.code == "roster.disagrees"] == [("stats.membership.female",)]


def test_without_admission_dates_the_admissions_entered_stand():
    members = [Member(m.name, m.status, m.sex, None, m.rating) for m in MEMBERS]
    report = school(members, in_use=False)
    fields = {f.fields[0] for f in run_checks(report) if f.code == "roster.disagrees"}
    assert stat("membership.admitted").path not in fields


def test_the_roster_demo_balances_and_states_the_members_share_of_the_staff():
    report = demo_report("roster")
    assert report.stats.membership.closing_total == 28 and report.stats.unit.staff == 35
    assert [f.message for f in run_checks(report)] == []


def test_members_above_the_staff_is_a_warning():
    report = demo_report("roster")
    report.stats.unit = UnitFigures(staff=20)
    (finding,) = [f for f in run_checks(report) if f.code == "unit.share"]
    assert finding.severity is Severity.WARNING
    assert finding.fields == ("stats.membership.closing_total", "stats.unit.staff")


def test_a_wrong_share_of_the_staff_in_her_text_is_an_error_with_the_right_percentage():
    report = demo_report("roster")
    section = report.section("dac_diem")
    assert section is not None
    section.entries = [Entry("Tổng số đảng viên của Chi bộ chiếm 75% tổng số cán bộ, giáo viên.")]
    (finding,) = [f for f in lint_report(report) if f.code == "text.figure_mismatch"]
    assert "80%" in finding.message and "stats.unit.staff" in finding.fields
    section.entries = [Entry("Tổng số đảng viên của Chi bộ chiếm 80% tổng số cán bộ, giáo viên.")]
    assert [f for f in lint_report(report) if f.code == "text.figure_mismatch"] == []


def test_a_new_period_keeps_the_members_and_clears_their_ratings():
    roster = Roster(members=MEMBERS, in_use=True, annex=True)
    carried = roster_stats.carried_over(roster)
    assert [m.name for m in carried.members] == [m.name for m in MEMBERS[:5]]
    assert all(m.rating is None and m.badge is None and not m.exemplary for m in carried.members)
    assert carried.in_use and carried.annex and not carried.export
