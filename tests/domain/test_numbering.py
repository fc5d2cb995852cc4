"""Numbering periods: Party numbers run through the committee's term, state numbers restart each year."""

from __future__ import annotations

from datetime import date

import pytest

from app import i18n
from app.domain.numbering import IssuedNumber, Term, next_number, number_findings, period_for
from app.domain.presets import Preset, conventions

TERMS = [Term("2020 - 2025", date(2020, 7, 16), date(2025, 7, 20)), Term("2025 - 2030", date(2025, 7, 21))]


@pytest.fixture(autouse=True)
def english(vietnamese):
    i18n.set_language("en")


PARTY, STATE = conventions(Preset.PARTY), conventions(Preset.STATE)


def issued(*numbers: int, on: date = date(2026, 3, 1), report_id: int | None = None) -> list[IssuedNumber]:
    return [IssuedNumber(1, "BC", n, on, report_id) for n in numbers]


def test_a_party_period_is_the_term_covering_the_date():
    period = period_for("term", date(2026, 1, 5), TERMS)
    assert (period.start, period.end) == (date(2025, 7, 21), None)
    assert "2025 - 2030" in period.label
    assert period_for("term", date(2025, 7, 20), TERMS).start == date(2020, 7, 16)


def test_a_party_period_does_not_restart_on_the_first_of_january():
    period = period_for("term", date(2027, 1, 2), TERMS)
    assert period.holds(date(2026, 12, 30))


def test_without_a_recorded_term_party_numbers_never_restart():
    period = period_for("term", date(2026, 1, 5), [])
    assert (period.start, period.end) == (None, None)


def test_a_state_period_is_the_calendar_year():
    period = period_for("year", date(2026, 5, 5), TERMS)
    assert (period.start, period.end) == (date(2026, 1, 1), date(2026, 12, 31))


def test_the_next_number_follows_the_highest_one():
    assert next_number([]) == 1
    assert next_number(issued(1, 2, 7)) == 8


def test_a_duplicate_number_is_a_warning_that_gives_the_next_free_one():
    period = period_for("term", date(2026, 5, 5), TERMS)
    [finding] = number_findings(2, "BC", period, issued(1, 2, 3), conv=PARTY)
    assert finding.code == "number.duplicate"
    assert finding.fields == ("number",)
    assert "04" in finding.message


def test_a_reports_own_number_is_not_its_duplicate():
    period = period_for("term", date(2026, 5, 5), TERMS)
    assert number_findings(3, "BC", period, issued(3, report_id=9), conv=PARTY, report_id=9) == []


def test_a_party_number_restarted_in_january_is_a_warning():
    period = period_for("term", date(2027, 1, 10), TERMS)
    previous_year = issued(3, 4, 5, on=date(2026, 11, 1)) + issued(6, on=date(2027, 1, 5))
    codes = [f.code for f in number_findings(2, "BC", period, previous_year, conv=PARTY)]
    assert codes == ["number.restarted"]
    assert number_findings(7, "BC", period, previous_year, conv=PARTY) == []


def test_a_state_number_may_start_again_in_january():
    period = period_for("year", date(2027, 1, 10), [])
    assert number_findings(1, "BC", period, [], conv=STATE) == []
