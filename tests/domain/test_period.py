"""The period a report covers: its dates, its phrases and the period after it."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.demo import demo_report
from app.domain.labels import labels_for
from app.domain.outline import default_outline, filled_title
from app.domain.period import Period, PeriodKind, next_term, term_years
from app.domain.report import Report, ReportKind, default_title, period_kind_of

years = st.integers(min_value=1930, max_value=9000)
terms = st.builds(lambda first, length: f"{first} - {first + length}",
                  st.integers(min_value=1930, max_value=8990), st.integers(min_value=1, max_value=5))


def test_each_kind_names_its_period_as_reports_do():
    assert Period(PeriodKind.CALENDAR_YEAR, 2026).phrase == "năm 2026"
    assert Period(PeriodKind.SCHOOL_YEAR, 2025).phrase == "năm học 2025 - 2026"
    assert Period(PeriodKind.SIX_MONTHS, 2026).phrase == "6 tháng đầu năm 2026"
    assert Period(PeriodKind.TERM_SO_FAR, 2027, "2025 - 2030").phrase == "từ đầu nhiệm kỳ 2025 - 2030 đến nay"
    assert Period(PeriodKind.WHOLE_TERM, 2025, "2020 - 2025").phrase == "nhiệm kỳ 2020 - 2025"


def test_each_kind_names_what_part_two_plans_for():
    assert Period(PeriodKind.CALENDAR_YEAR, 2026).next_phrase == "năm 2027"
    assert Period(PeriodKind.SCHOOL_YEAR, 2025).next_phrase == "năm học 2026 - 2027"
    assert Period(PeriodKind.SIX_MONTHS, 2026).next_phrase == "6 tháng cuối năm 2026"
    assert Period(PeriodKind.TERM_SO_FAR, 2027, "2025 - 2030").next_phrase == "nửa nhiệm kỳ còn lại"
    assert Period(PeriodKind.WHOLE_TERM, 2025, "2020 - 2025").next_phrase == "nhiệm kỳ 2025 - 2030"


def test_a_school_year_runs_from_september_to_august_and_says_so_in_its_words():
    period = Period(PeriodKind.SCHOOL_YEAR, 2025)
    assert (period.start, period.end) == (date(2025, 9, 1), date(2026, 8, 31))
    assert (period.start_word, period.end_word, period.during) == ("đầu năm học", "cuối năm học", "trong năm học")


@given(year=years)
def test_a_calendar_year_reads_as_reports_always_have(year: int):
    period = Period(PeriodKind.CALENDAR_YEAR, year)
    assert (period.phrase, period.next_phrase) == (f"năm {year}", f"năm {year + 1}")
    assert (period.start, period.end) == (date(year, 1, 1), date(year, 12, 31))
    assert (period.start_word, period.end_word, period.during) == ("đầu năm", "cuối năm", "trong năm")


@given(year=years)
def test_a_school_year_is_a_year_long_its_phrase_names_both_years_and_the_next_one_follows(year: int):
    period = Period(PeriodKind.SCHOOL_YEAR, year)
    assert period.end - period.start + timedelta(days=1) in (timedelta(days=365), timedelta(days=366))
    assert period.phrase == f"năm học {year} - {year + 1}"
    assert period.following().start == period.end + timedelta(days=1)
    assert period.next_phrase == period.following().phrase
    assert "năm học" in period.next_phrase and f"năm {year}" not in period.phrase


@given(kind=st.sampled_from(list(PeriodKind)), year=years, term=terms)
def test_every_period_starts_before_it_ends_and_the_next_one_starts_later(kind: PeriodKind, year: int, term: str):
    period = Period(kind, year, term)
    assert period.start <= period.end
    assert period.following().start > period.start
    assert period.following().kind is kind
    assert period.phrase and period.next_phrase and period.phrase != period.following().phrase


@given(term=terms)
def test_the_next_term_starts_when_the_term_ends_and_is_as_long(term: str):
    first, last = term_years(term)  # type: ignore[misc]
    assert term_years(next_term(term)) == (last, last + (last - first))
    whole = Period(PeriodKind.WHOLE_TERM, last, term)
    assert whole.following() == Period(PeriodKind.WHOLE_TERM, last + (last - first), next_term(term))


@pytest.mark.parametrize("text", ["", "2025", "2030 - 2025", "abc - def", "2025 - 2025"])
def test_what_is_not_a_term_has_no_next_term(text: str):
    assert term_years(text) is None
    assert next_term(text) == ""


def test_a_report_kind_fixes_its_period_except_a_year_end_report_which_covers_the_year_chosen():
    assert period_kind_of(ReportKind.SIX_MONTH, PeriodKind.SCHOOL_YEAR) is PeriodKind.SIX_MONTHS
    assert period_kind_of(ReportKind.MID_TERM) is PeriodKind.TERM_SO_FAR
    assert period_kind_of(ReportKind.YEAR_END, PeriodKind.SCHOOL_YEAR) is PeriodKind.SCHOOL_YEAR
    assert period_kind_of(ReportKind.YEAR_END, PeriodKind.SIX_MONTHS) is PeriodKind.CALENDAR_YEAR


def test_a_school_year_report_has_the_school_year_title_and_part_titles():
    period = Period(PeriodKind.SCHOOL_YEAR, 2025)
    assert default_title(ReportKind.YEAR_END, period) == (
        "tổng kết công tác xây dựng Đảng năm học 2025 - 2026, phương hướng, nhiệm vụ năm học 2026 - 2027")
    first, second = (filled_title(s.title, period) for s in default_outline(ReportKind.YEAR_END))
    assert first == "KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM HỌC 2025 - 2026"
    assert second == "PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM HỌC 2026 - 2027"


def test_titles_written_with_the_year_read_as_the_school_year_in_a_school_year_report():
    school, calendar = Period(PeriodKind.SCHOOL_YEAR, 2025), Period(PeriodKind.CALENDAR_YEAR, 2025)
    assert filled_title("KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM {year}", school) == "KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM HỌC 2025 - 2026"
    assert filled_title("Nhiệm vụ năm {next_year}", school) == "Nhiệm vụ năm học 2026 - 2027"
    assert filled_title("KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM {year}", calendar) == "KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2025"
    assert filled_title("Nhiệm kỳ {term}, {period}", Period(PeriodKind.CALENDAR_YEAR, 2026, "2025 - 2030")) == (
        "Nhiệm kỳ 2025 - 2030, năm 2026")


def test_the_six_month_title_is_unchanged_by_periods():
    assert default_title(ReportKind.SIX_MONTH, Period(PeriodKind.SIX_MONTHS, 2026)) == (
        "sơ kết công tác xây dựng Đảng 6 tháng đầu năm 2026, nhiệm vụ trọng tâm 6 tháng cuối năm 2026")
    first, second = (filled_title(s.title, Period(PeriodKind.SIX_MONTHS, 2026))
                     for s in default_outline(ReportKind.SIX_MONTH))
    assert (first, second) == ("KẾT QUẢ THỰC HIỆN NHIỆM VỤ 6 THÁNG ĐẦU NĂM 2026",
                               "NHIỆM VỤ TRỌNG TÂM 6 THÁNG CUỐI NĂM 2026")


def test_the_end_of_a_school_year_decides_the_regulations_cited():
    # Năm học 2024 - 2025 ends on 31/8/2025, a day after Quy định 366 (30/8/2025): it cites 366, where the end of
    # its first calendar year (31/12/2024) would have cited 124. The school year before cites 124.
    report: Report = demo_report("school")
    report.issued_on = None
    report.year = 2024
    assert report.reference_date == date(2025, 8, 31)
    assert "366-QĐ/TW" in labels_for(report.period.rating_year, report.reference_date).rating_rule
    report.year = 2023
    assert "124-QĐ/TW" in labels_for(report.period.rating_year, report.reference_date).rating_rule


def test_a_school_year_starting_in_the_last_year_a_date_holds_still_has_an_end():
    period = Period(PeriodKind.SCHOOL_YEAR, 9999)
    assert period.start < period.end == date(9999, 12, 31)
    assert period.phrase == "năm học 9999 - 10000"
