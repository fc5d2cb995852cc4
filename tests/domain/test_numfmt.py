"""Vietnamese number and date conventions (report-content.md §5, document-format.md §3–4)."""

from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain import numfmt


def test_thousands_take_dots_and_decimals_a_comma():
    assert numfmt.number(1234567.5) == "1.234.567,5"
    assert numfmt.number(25_500_000) == "25.500.000"


@pytest.mark.parametrize(("value", "pad", "text"), [(1, True, "01"), (9, True, "09"), (10, True, "10"),
                                                    (0, True, "0"), (4, False, "4"), (1462, True, "1.462")])
def test_counts_one_to_nine_take_a_leading_zero_when_the_setting_is_on(value, pad, text):
    assert numfmt.count(value, pad=pad) == text


def test_percent_reads_with_a_comma_and_no_space():
    assert numfmt.percent_of(2, 13) == "15,4%"


def test_exact_percentages_drop_the_decimal_but_rounded_ones_keep_it():
    assert numfmt.percent_of(13, 13) == "100%"
    assert numfmt.percent_of(4, 2) == "200%"
    assert numfmt.percent_of(96, 98) == "98,0%"


def test_a_breakdown_with_decimals_writes_every_share_with_one_decimal():
    assert numfmt.breakdown_of([13, 84, 1]) == ["13,3%", "85,7%", "1,0%"]


def test_a_breakdown_of_exact_shares_has_no_decimals():
    assert numfmt.breakdown_of([1, 1, 2]) == ["25%", "25%", "50%"]


@given(st.lists(st.integers(min_value=0, max_value=5000), min_size=1, max_size=6).filter(lambda c: sum(c) > 0))
def test_formatted_breakdown_parses_back_to_100(counts):
    texts = numfmt.breakdown_of(counts)
    total = sum(Decimal(t.rstrip("%").replace(",", ".")) for t in texts)
    assert total == 100


@pytest.mark.parametrize(("d", "text"), [
    (date(2026, 1, 5), "ngày 05 tháng 01 năm 2026"),
    (date(2018, 2, 20), "ngày 20 tháng 02 năm 2018"),
    (date(2018, 4, 3), "ngày 03 tháng 4 năm 2018"),
    (date(2019, 12, 15), "ngày 15 tháng 12 năm 2019"),
])
def test_document_dates_pad_days_below_10_and_only_january_and_february(d, text):
    assert numfmt.document_date(d) == text


def test_body_dates_are_unpadded_with_slashes():
    assert numfmt.body_date(date(2011, 5, 14)) == "14/5/2011"


@pytest.mark.parametrize(("d", "text"), [
    (date(2026, 1, 5), "05/01/2026"),
    (date(2025, 7, 1), "01/7/2025"),
    (date(2025, 12, 31), "31/12/2025"),
])
def test_dates_in_windows_and_messages_are_padded_like_the_header(d, text):
    assert numfmt.display_date(d) == text


def test_a_moment_in_the_windows_shows_its_date_then_hours_and_minutes():
    assert numfmt.display_datetime(datetime(2026, 3, 4, 9, 5)) == "04/3/2026 09:05"
