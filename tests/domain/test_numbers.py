"""Percentages from counts, breakdowns that add up, attainment."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain import numbers


def test_percent_rounds_half_up_to_one_decimal():
    assert numbers.percent(2, 13) == Decimal("15.4")
    assert numbers.percent(1, 8) == Decimal("12.5")
    assert numbers.percent(1, 16) == Decimal("6.3")  # 6.25 rounds up, not to even


def test_percent_of_nothing_is_none():
    assert numbers.percent(3, 0) is None


def test_breakdown_of_seed_002_members_matches_the_printed_shares():
    assert numbers.breakdown([13, 84, 1]) == [Decimal("13.3"), Decimal("85.7"), Decimal("1.0")]


def test_breakdown_gives_the_missing_tenth_to_the_largest_remainder():
    # 1/3 each: 33.3 + 33.3 + 33.3 = 99.9, the first gets the last tenth.
    assert numbers.breakdown([1, 1, 1]) == [Decimal("33.4"), Decimal("33.3"), Decimal("33.3")]


def test_breakdown_of_zero_counts_is_none():
    assert numbers.breakdown([0, 0]) is None


def test_breakdown_rejects_negative_counts():
    with pytest.raises(ValueError):
        numbers.breakdown([3, -1])


@given(st.lists(st.integers(min_value=0, max_value=100_000), min_size=1, max_size=8).filter(lambda c: sum(c) > 0))
def test_breakdown_always_adds_up_to_exactly_100(counts):
    shares = numbers.breakdown(counts)
    assert sum(shares) == Decimal(100)


@given(st.lists(st.integers(min_value=0, max_value=100_000), min_size=1, max_size=8).filter(lambda c: sum(c) > 0))
def test_breakdown_stays_within_a_tenth_of_the_exact_share(counts):
    total = sum(counts)
    for count, share in zip(counts, numbers.breakdown(counts), strict=True):
        exact = Decimal(count) * 100 / Decimal(total)
        assert abs(share - exact) < Decimal("0.1")


@given(st.lists(st.integers(min_value=0, max_value=1000), min_size=2, max_size=6).filter(lambda c: sum(c) > 0))
def test_breakdown_keeps_the_order_of_the_counts(counts):
    shares = numbers.breakdown(counts)
    for i in range(len(counts)):
        for j in range(len(counts)):
            if counts[i] > counts[j]:
                assert shares[i] >= shares[j]


@given(st.integers(min_value=0, max_value=10_000), st.integers(min_value=1, max_value=10_000))
def test_percent_is_within_half_a_tenth_of_the_exact_value(part, whole):
    exact = Decimal(part) * 100 / Decimal(whole)
    assert abs(numbers.percent(part, whole) - exact) <= Decimal("0.05")


def test_attainment_of_double_the_target_is_200_and_exceeds_by_100():
    attained = numbers.attainment(4, 2)
    assert attained == Decimal(200)
    assert numbers.excess(attained) == Decimal(100)


def test_attainment_without_a_target_is_none():
    assert numbers.attainment(4, 0) is None


@pytest.mark.parametrize(("n", "text"), [(1, "I"), (4, "IV"), (9, "IX"), (13, "XIII"), (40, "XL"), (1994, "MCMXCIV")])
def test_roman_numerals(n, text):
    assert numbers.roman(n) == text
