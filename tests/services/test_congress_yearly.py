"""A report to the congress read from the database beside its organisation's five yearly reports of the term."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import docx
import pytest

from app.domain.demo import demo_congress_yearly_reports, demo_report
from app.domain.period import Period, PeriodKind
from app.domain.report import Report, ReportKind
from app.domain.targets import Target
from app.services import reports
from app.services.drafting import check_report
from app.services.export import export_docx


@pytest.fixture
def stored(sessions) -> dict[str, int]:
    """The congress demo and its five yearly reports (2020 to 2024), stored under one organisation."""
    congress = demo_report("congress")
    congress.yearly_targets = {}  # what the database holds decides, not the demo's own copy
    congress_id = reports.save_new_report(sessions, congress)
    organisation = reports.get_report(sessions, congress_id).organisation
    ids = {"congress": congress_id}
    for yearly in demo_congress_yearly_reports():
        ids[str(yearly.year)] = reports.save_new_report(sessions, replace(yearly, organisation=organisation))
    return ids


def test_the_database_is_a_real_sqlite_file_holding_the_five_yearly_reports(sessions, stored, engine_url):
    if not engine_url.startswith("sqlite"):
        pytest.skip("a PostgreSQL database is no file to look at")
    path = Path(engine_url.removeprefix("sqlite:///"))
    assert path.is_file() and path.stat().st_size > 0
    years = sorted(s.year for s in reports.list_reports(sessions) if s.kind is ReportKind.YEAR_END)
    assert years == [2020, 2021, 2022, 2023, 2024]


def test_the_congress_report_is_read_with_each_years_targets(sessions, stored):
    report = reports.get_report(sessions, stored["congress"])
    assert sorted(p.year for p in report.yearly_targets) == [2020, 2021, 2022, 2023, 2024]
    assert all(p.kind is PeriodKind.CALENDAR_YEAR for p in report.yearly_targets)
    admitted = [t.result for p, targets in sorted(report.yearly_targets.items(), key=lambda i: i[0].year)
                for t in targets if t.label == "kết nạp đảng viên mới"]
    assert admitted == [Decimal(1), Decimal(1), Decimal(2), Decimal(1), Decimal(1)]


def test_the_docx_gives_each_years_figure_beside_the_terms(sessions, stored, tmp_path):
    report = reports.get_report(sessions, stored["congress"])
    path = tmp_path / "congress.docx"
    export_docx(report, path)
    tables = docx.Document(str(path)).tables
    by_year = next(t for t in tables if t.rows[0].cells[-1].text == "Năm 2024")
    assert [c.text for c in by_year.rows[0].cells] == ["TT", "Chỉ tiêu", "Năm 2020", "Năm 2021", "Năm 2022",
                                                       "Năm 2023", "Năm 2024"]
    assert [c.text for c in by_year.rows[1].cells][2:] == ["1", "1", "2", "1", "1"]
    assert [c.text for c in by_year.rows[3].cells][2:] == ["91,7%", "92,3%", "92,6%", "96,0%", "93,3%"]


def test_a_year_end_report_of_another_organisation_or_outside_the_term_is_not_counted(sessions, stored):
    other = demo_report("chi-bo")
    other.year = 2022
    reports.save_new_report(sessions, other)  # another organisation, a year inside the term
    congress = reports.get_report(sessions, stored["congress"])
    late = demo_congress_yearly_reports()[0]
    late.year = 2026  # after the term
    reports.save_new_report(sessions, replace(late, organisation=congress.organisation))
    again = reports.get_report(sessions, stored["congress"])
    assert sorted(p.year for p in again.yearly_targets) == [2020, 2021, 2022, 2023, 2024]


def test_a_term_result_that_is_not_the_sum_of_the_years_is_pointed_out(sessions, stored):
    report = reports.get_report(sessions, stored["congress"])
    assert check_report(report) == []
    report.targets[0].result = Decimal(7)  # the years add up to 6
    [finding] = [f for f in check_report(report) if f.code == "targets.term_sum"]
    assert finding.fields == ("targets.0.result",)
    assert "7" in finding.message and "6" in finding.message


def test_the_service_finds_no_years_for_a_report_that_is_not_a_congress_one(sessions, stored):
    year_end = reports.get_report(sessions, stored["2024"])
    assert year_end.yearly_targets == {}
    assert reports.yearly_targets(sessions, year_end) == {}
    unsaved = Report(organisation=year_end.organisation, year=2025, kind=ReportKind.COMMITTEE_SELF_REVIEW,
                     term="2020 - 2025", targets=[Target("kết nạp đảng viên mới", Decimal(5))])
    assert sorted(p.year for p in reports.yearly_targets(sessions, unsaved)) == [2020, 2021, 2022, 2023, 2024]


def test_the_latest_of_two_reports_for_one_year_counts(sessions, stored):
    congress = reports.get_report(sessions, stored["congress"])
    second = demo_congress_yearly_reports()[2]
    second.targets[0].result = Decimal(3)
    reports.save_new_report(sessions, replace(second, organisation=congress.organisation))
    again = reports.get_report(sessions, stored["congress"])
    [targets] = [t for p, t in again.yearly_targets.items() if p == Period(PeriodKind.CALENDAR_YEAR, 2022,
                                                                             "2020 - 2025")]
    assert targets[0].result == Decimal(3)
