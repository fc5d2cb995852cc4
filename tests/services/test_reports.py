"""Report actions: saving a new report with its organisation, starting from last period's, autosave."""

from __future__ import annotations

import copy
from decimal import Decimal

import pytest

from app.domain.demo import demo_report
from app.domain.errors import UserError
from app.domain.report import Report, ReportKind, ReportStatus
from app.domain.targets import Target
from app.services import organisations, reports


@pytest.fixture
def demo_id(sessions) -> int:
    return reports.save_new_report(sessions, demo_report())


def outline(report: Report) -> list[tuple]:
    """Each section's key, title, switch and texts, in order."""
    return [
        (section.key, section.title, section.enabled, [(entry.kind, entry.text) for entry in section.entries])
        for section in report.walk_sections()
    ]


def test_saving_a_new_report_stores_its_new_organisation(sessions, demo_id):
    [organisation] = organisations.list_organisations(sessions)
    loaded = reports.get_report(sessions, demo_id)

    assert loaded.organisation == organisation
    assert organisation.name == demo_report().organisation.name


def test_saving_a_new_report_reuses_a_stored_organisation(sessions, demo_id):
    second = demo_report()
    second.organisation = reports.get_report(sessions, demo_id).organisation
    second.year = 2027

    reports.save_new_report(sessions, second)

    assert len(organisations.list_organisations(sessions)) == 1
    assert [summary.year for summary in reports.list_reports(sessions)] == [2027, 2026]


def test_saving_a_report_whose_organisation_id_is_unknown_stores_the_organisation(sessions):
    report = demo_report()
    report.organisation.id = 999  # e.g. from another computer's database

    report_id = reports.save_new_report(sessions, report)

    assert reports.get_report(sessions, report_id).organisation.id != 999
    assert report.organisation.id == 999  # the caller's object is left alone


def test_replace_and_delete_report(sessions, demo_id):
    report = reports.get_report(sessions, demo_id)
    report.status = ReportStatus.FINAL

    reports.replace_report(sessions, demo_id, report)
    assert reports.get_report(sessions, demo_id).status is ReportStatus.FINAL

    reports.delete_report(sessions, demo_id)
    assert reports.list_reports(sessions) == []
    with pytest.raises(UserError):
        reports.get_report(sessions, demo_id)


def test_new_report_from_previous_carries_outline_texts_and_targets(sessions, demo_id):
    previous = reports.get_report(sessions, demo_id)

    new_id = reports.new_report_from_previous(sessions, demo_id, 2027, ReportKind.YEAR_END)

    new = reports.get_report(sessions, new_id)
    assert (new.year, new.kind, new.status) == (2027, ReportKind.YEAR_END, ReportStatus.DRAFT)
    assert new.organisation == previous.organisation
    assert outline(new) == outline(previous)
    assert {section.id for section in new.walk_sections()}.isdisjoint(s.id for s in previous.walk_sections())
    assert new.targets == [
        Target(t.label, t.value, t.unit, t.is_percent, t.comparator, result=None) for t in previous.next_targets
    ]
    assert new.next_targets == []
    assert (new.number, new.issued_on, new.basis, new.title) == (None, None, "", "")
    assert (new.place, new.term, new.settings) == (previous.place, previous.term, previous.settings)


def test_new_report_from_previous_opens_with_last_periods_closing_membership(sessions, demo_id):
    new_id = reports.new_report_from_previous(sessions, demo_id, 2027, ReportKind.SIX_MONTH)

    stats = reports.get_report(sessions, new_id).stats
    assert (stats.membership.opening_total, stats.membership.opening_probationary) == (98, 6)
    assert stats.membership.closing_total == 0 and stats.membership.admitted == 0
    assert stats.units == 13
    assert stats.party_life.annual_theme == "" and stats.ratings.members.good == 0


def test_a_year_end_report_after_the_six_month_one_starts_where_the_year_started(sessions):
    six_month = demo_report()
    six_month.kind = ReportKind.SIX_MONTH
    six_month.targets[0].result = Decimal(1)
    six_month_id = reports.save_new_report(sessions, six_month)

    year_end = reports.get_report(
        sessions, reports.new_report_from_previous(sessions, six_month_id, 2026, ReportKind.YEAR_END)
    )

    assert (year_end.stats.membership.opening_total, year_end.stats.membership.opening_probationary) == (94, 5)
    assert [target.label for target in year_end.targets] == [target.label for target in six_month.targets]
    assert all(target.result is None for target in year_end.targets)
    assert year_end.next_targets == six_month.next_targets


def test_autosave_of_a_figure_and_an_entry_shows_in_the_report_and_bumps_updated_at(sessions, demo_id):
    before = reports.get_report(sessions, demo_id)
    after = copy.deepcopy(before)
    after.stats.ratings.organisations.good = 10
    after.stats.party_life.annual_theme = "Chủ đề 2026"
    after.section("dac_diem").entries[0].text = "Đặc điểm mới."

    saved_at = reports.save_changes(sessions, demo_id, before, after)

    stored = reports.get_report(sessions, demo_id)
    assert stored.stats.ratings.organisations.good == 10
    assert stored.stats.party_life.annual_theme == "Chủ đề 2026"
    assert stored.section("dac_diem").entries[0].text == "Đặc điểm mới."
    assert before.updated_at < saved_at == stored.updated_at
    assert reports.list_reports(sessions)[0].updated_at == saved_at


def test_autosave_of_a_deleted_report_is_a_user_error(sessions, demo_id):
    before = reports.get_report(sessions, demo_id)
    reports.delete_report(sessions, demo_id)

    with pytest.raises(UserError):
        reports.save_changes(sessions, demo_id, before, before)


def test_opening_the_sample_twice_stores_one_sample_organisation_and_reopens_its_report(sessions, demo_id):
    first = reports.open_sample(sessions)
    second = reports.open_sample(sessions)
    assert first == second
    orgs = organisations.list_organisations(sessions)
    assert sorted(org.is_sample for org in orgs) == [False, True]
    assert reports.get_report(sessions, first).organisation.is_sample
    assert [r.id for r in reports.list_reports(sessions)].count(first) == 1
    assert len(reports.list_reports(sessions)) == 2  # hers and the sample, nothing copied twice


def test_the_sample_comes_back_under_the_same_organisation_after_its_report_was_deleted(sessions):
    first = reports.open_sample(sessions)
    sample_org = reports.get_report(sessions, first).organisation.id
    reports.delete_report(sessions, first)
    again = reports.open_sample(sessions)
    assert reports.get_report(sessions, again).organisation.id == sample_org
    assert len(organisations.list_organisations(sessions)) == 1


def test_next_period_words_its_own_sentences_and_keeps_what_she_did_to_last_years():
    from app.domain.demo import demo_report
    from app.domain.report import Entry, EntryKind, EntryState
    from app.services.reports import carry_over

    previous = demo_report()
    section = previous.section("kiem_tra")
    section.entries = [
        Entry("Đảng ủy kiểm tra 03 tổ chức đảng.", EntryKind.BULLET, source="kiem_tra.work"),
        Entry("Kỷ luật 01 đồng chí.", EntryKind.BULLET, source="kiem_tra.discipline", state=EntryState.EDITED,
              basis="Thi hành kỷ luật 01 đảng viên."),
        Entry("x", EntryKind.BULLET, source="kiem_tra.complaints", state=EntryState.REMOVED),
        Entry("Nhận xét của tôi.", EntryKind.PARAGRAPH),
    ]
    entries = carry_over(previous, 2027, previous.kind).section("kiem_tra").entries
    assert [(e.source, e.state) for e in entries] == [
        ("kiem_tra.discipline", EntryState.EDITED), ("kiem_tra.complaints", EntryState.REMOVED),
        ("", EntryState.AUTO)]
    assert entries[0].basis == "Thi hành kỷ luật 01 đảng viên."


def test_the_next_report_of_a_school_follows_the_school_year():
    from app.domain.period import PeriodKind
    from app.services.reports import carry_over

    previous = demo_report("school")
    following = carry_over(previous, previous.year + 1, ReportKind.YEAR_END)
    assert following.period.phrase == "năm học 2026 - 2027"
    assert following.effective_title == (
        "tổng kết công tác xây dựng Đảng năm học 2026 - 2027, phương hướng, nhiệm vụ năm học 2027 - 2028")
    assert following.stats.membership.opening_total == previous.stats.membership.closing_total
    assert carry_over(previous, 2026, ReportKind.YEAR_END, PeriodKind.CALENDAR_YEAR).period.phrase == "năm 2026"


def test_a_congress_report_started_from_a_year_end_one_gets_its_own_outline_and_no_years_figures():
    from app.domain.outline import default_outline

    previous = demo_report("chi-bo")
    new = reports.carry_over(previous, 2025, ReportKind.CONGRESS_POLITICAL, term="2020 - 2025")
    assert new.term == "2020 - 2025" and new.period.phrase == "nhiệm kỳ 2020 - 2025"
    assert outline(new) == outline(Report(previous.organisation, 2025, sections=default_outline(
        ReportKind.CONGRESS_POLITICAL, previous.organisation.kind)))
    # A year's closing membership and next year's targets are not the term's.
    assert new.stats.membership.opening_total == 0 and new.targets == [] and new.next_targets == []
    assert new.signature == previous.signature and new.recipients == previous.recipients


def test_a_congress_report_started_from_the_mid_term_review_takes_the_resolutions_targets():
    previous = demo_report("mid-term")
    new = reports.carry_over(previous, 2030, ReportKind.CONGRESS_POLITICAL)
    assert new.term == "2025 - 2030"
    assert [t.label for t in new.targets] == [t.label for t in previous.targets]
    assert all(t.result is None for t in new.targets) and new.next_targets == []
    assert new.stats.membership.opening_total == previous.stats.membership.opening_total


def test_the_next_congress_report_takes_the_last_ones_targets_for_its_term():
    previous = demo_report("congress")
    new = reports.carry_over(previous, 2030, ReportKind.CONGRESS_POLITICAL, term="2025 - 2030")
    assert [t.label for t in new.targets] == [t.label for t in previous.next_targets]
    assert outline(new) == outline(previous)
