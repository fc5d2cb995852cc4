"""The period a report covers, and every phrase that names it.

A report covers a calendar year, a school year (September to August: "năm học 2025 - 2026"), the first six
months of a year, a term so far (the mid-term review) or a whole term ("nhiệm kỳ 2020 - 2025"). The
generated sentences, the trích yếu and the part titles name the period only through a Period, never by
testing the kind of report in a template.

year: the calendar year of a calendar-year or six-month period; the year a school year starts in (2025 for
      "năm học 2025 - 2026"); the year of the report for a term.
term: the committee's term, "2020 - 2025"; used by the two term periods.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from datetime import date

from app.i18n import N_


class PeriodKind(enum.StrEnum):
    CALENDAR_YEAR = "calendar_year"
    SCHOOL_YEAR = "school_year"
    SIX_MONTHS = "six_months"
    TERM_SO_FAR = "term_so_far"
    WHOLE_TERM = "whole_term"


PERIOD_KIND_LABELS: dict[PeriodKind, str] = {
    PeriodKind.CALENDAR_YEAR: N_("Calendar year"),
    PeriodKind.SCHOOL_YEAR: N_("School year (September to August)"),
    PeriodKind.SIX_MONTHS: N_("First six months"),
    PeriodKind.TERM_SO_FAR: N_("Term so far"),
    PeriodKind.WHOLE_TERM: N_("Whole term"),
}

# Periods a year-end report may cover (the other kinds of report fix their period).
YEAR_PERIODS: tuple[PeriodKind, ...] = (PeriodKind.CALENDAR_YEAR, PeriodKind.SCHOOL_YEAR)

_TERM = re.compile(r"^\s*(\d{4})\s*[-–]\s*(\d{4})\s*$")


def term_years(term: str) -> tuple[int, int] | None:
    """(2020, 2025) for "2020 - 2025" (a hyphen or an en dash, spaces or none); None for anything else."""
    match = _TERM.match(term)
    if not match:
        return None
    first, last = int(match.group(1)), int(match.group(2))
    return (first, last) if first < last else None


def next_term(term: str) -> str:
    """The term after term, as long as it: "2020 - 2025" → "2025 - 2030"; "" when term is not a term."""
    years = term_years(term)
    if years is None:
        return ""
    first, last = years
    return f"{last} - {last + (last - first)}"


@dataclass(frozen=True, slots=True)
class Period:
    kind: PeriodKind
    year: int
    term: str = ""

    @property
    def start(self) -> date:
        """The first day covered."""
        if self.kind is PeriodKind.SCHOOL_YEAR:
            return date(self.year, 9, 1)
        if self.kind in (PeriodKind.TERM_SO_FAR, PeriodKind.WHOLE_TERM):
            years = term_years(self.term)
            if years is not None and years[0] <= self.year:
                return date(years[0], 1, 1)
        return date(self.year, 1, 1)

    @property
    def end(self) -> date:
        """The last day covered: it decides which regulations and level names apply (report-content.md §0)."""
        if self.kind is PeriodKind.SCHOOL_YEAR:
            # A school year starting in the last year a date holds (9999) ends with it: no report is written that
            # far ahead, but a file may say 9999 and must still open.
            return date(self.year + 1, 8, 31) if self.year < date.max.year else date.max
        if self.kind is PeriodKind.SIX_MONTHS:
            return date(self.year, 6, 30)
        return date(self.year, 12, 31)

    @property
    def rating_year(self) -> int:
        """The year whose quality ratings the report gives: the December rating within a school year."""
        return self.year

    @property
    def theme_year(self) -> int:
        """The year whose annual theme (chủ đề năm) is in force at the end of the period."""
        return self.end.year

    @property
    def phrase(self) -> str:
        """The period in a sentence or a title: "năm 2026", "năm học 2025 - 2026", "nhiệm kỳ 2020 - 2025"."""
        match self.kind:
            case PeriodKind.SCHOOL_YEAR:
                return f"năm học {self.year} - {self.year + 1}"
            case PeriodKind.SIX_MONTHS:
                return f"6 tháng đầu năm {self.year}"
            case PeriodKind.TERM_SO_FAR:
                return f"từ đầu nhiệm kỳ {self.term} đến nay" if self.term else "từ đầu nhiệm kỳ đến nay"
            case PeriodKind.WHOLE_TERM:
                return f"nhiệm kỳ {self.term}" if self.term else "nhiệm kỳ"
        return f"năm {self.year}"

    @property
    def span(self) -> str:
        """The stretch of time a sentence says the results were reached in, after "Trong": "năm 2026",
        "6 tháng đầu năm 2026", "nửa đầu nhiệm kỳ 2025 - 2030", "nhiệm kỳ 2020 - 2025"."""
        if self.kind is PeriodKind.TERM_SO_FAR:
            return f"nửa đầu nhiệm kỳ {self.term}" if self.term else "nửa đầu nhiệm kỳ"
        return self.phrase

    def within(self, other: Period) -> bool:
        """True when every day of this period falls in other (a year of a term, a school year of it)."""
        return other.start <= self.start and self.end <= other.end

    @property
    def next_phrase(self) -> str:
        """What part two plans for: "năm 2027", "năm học 2026 - 2027", "6 tháng cuối năm 2026",
        "nửa nhiệm kỳ còn lại", "nhiệm kỳ 2025 - 2030"."""
        match self.kind:
            case PeriodKind.SIX_MONTHS:
                return f"6 tháng cuối năm {self.year}"
            case PeriodKind.TERM_SO_FAR:
                return "nửa nhiệm kỳ còn lại"
        return self.following().phrase

    @property
    def during(self) -> str:
        """ "trong năm", "trong năm học", "trong 6 tháng đầu năm", "từ đầu nhiệm kỳ đến nay", "trong nhiệm kỳ"."""
        return {
            PeriodKind.CALENDAR_YEAR: "trong năm",
            PeriodKind.SCHOOL_YEAR: "trong năm học",
            PeriodKind.SIX_MONTHS: "trong 6 tháng đầu năm",
            PeriodKind.TERM_SO_FAR: "từ đầu nhiệm kỳ đến nay",
            PeriodKind.WHOLE_TERM: "trong nhiệm kỳ",
        }[self.kind]

    @property
    def start_word(self) -> str:
        """The opening membership total's word: "đầu năm", "đầu năm học", "đầu nhiệm kỳ"."""
        return {
            PeriodKind.CALENDAR_YEAR: "đầu năm",
            PeriodKind.SCHOOL_YEAR: "đầu năm học",
            PeriodKind.SIX_MONTHS: "đầu năm",
            PeriodKind.TERM_SO_FAR: "đầu nhiệm kỳ",
            PeriodKind.WHOLE_TERM: "đầu nhiệm kỳ",
        }[self.kind]

    @property
    def end_word(self) -> str:
        """The closing membership total's word: "cuối năm", "cuối năm học", "cuối kỳ", "cuối nhiệm kỳ"."""
        return {
            PeriodKind.CALENDAR_YEAR: "cuối năm",
            PeriodKind.SCHOOL_YEAR: "cuối năm học",
            PeriodKind.SIX_MONTHS: "cuối kỳ",
            PeriodKind.TERM_SO_FAR: "cuối kỳ",
            PeriodKind.WHOLE_TERM: "cuối nhiệm kỳ",
        }[self.kind]

    @property
    def targets_word(self) -> str:
        """What results are measured against: "chỉ tiêu", "chỉ tiêu cả năm", "chỉ tiêu Nghị quyết Đại hội"."""
        if self.kind is PeriodKind.SIX_MONTHS:
            return "chỉ tiêu cả năm"
        if self.kind in (PeriodKind.TERM_SO_FAR, PeriodKind.WHOLE_TERM):
            return "chỉ tiêu Nghị quyết Đại hội"
        return "chỉ tiêu"

    def following(self) -> Period:
        """The same kind of period, next time round: the next year, school year, first half or term."""
        if self.kind in (PeriodKind.TERM_SO_FAR, PeriodKind.WHOLE_TERM):
            years = term_years(self.term)
            if years is not None:
                return Period(self.kind, self.year + (years[1] - years[0]), next_term(self.term))
        return Period(self.kind, self.year + 1, self.term)
