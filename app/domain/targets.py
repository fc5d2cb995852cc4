"""Targets (chỉ tiêu) and how far they were attained."""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from app.domain import numbers
from app.domain.period import YEAR_PERIODS, Period


class Comparator(enum.StrEnum):
    """How the target is phrased: "… trở lên"/"ít nhất" (AT_LEAST) or "trên …" (MORE_THAN)."""

    AT_LEAST = "at_least"
    MORE_THAN = "more_than"


@dataclass(slots=True)
class Target:
    """One chỉ tiêu, e.g. "kết nạp đảng viên mới", 3, unit "đảng viên", result 4.

    is_percent: the value is a rate in % ("trên 90% chi bộ hoàn thành tốt nhiệm vụ").
    result: what was achieved; None for next period's targets and for results not yet known.
    """

    label: str
    value: Decimal
    unit: str = ""
    is_percent: bool = False
    comparator: Comparator = Comparator.AT_LEAST
    result: Decimal | None = None

    @property
    def met(self) -> bool | None:
        """Whether the result reaches the target; None without a result."""
        if self.result is None:
            return None
        if self.comparator is Comparator.MORE_THAN:
            return self.result > self.value
        return self.result >= self.value

    @property
    def attained(self) -> Decimal | None:
        """tỷ lệ đạt = thực hiện / chỉ tiêu × 100, for count targets; None for rates or without a result."""
        if self.result is None or self.is_percent:
            return None
        return numbers.attainment(self.result, self.value)

    @property
    def exceeded_by(self) -> Decimal | None:
        """Y in "vượt Y%" (attainment − 100); None when not passed."""
        attained = self.attained
        if attained is None or attained <= numbers.HUNDRED:
            return None
        return numbers.excess(attained)


def summary(targets: list[Target]) -> tuple[int, int, int]:
    """(met, not met, total) over the targets that have a result."""
    judged = [t for t in targets if t.met is not None]
    met = sum(1 for t in judged if t.met)
    return met, len(judged) - met, len(judged)


# Words a target of the term or of a year may carry that do not change what it counts.
_SPAN_WORDS = re.compile(
    r"\s*(?:,\s*)?\b(?:trong|cả|của|suốt)\s+(?:nhiệm kỳ|năm học|năm)\b|\s*\b(?:hằng|hàng|mỗi)\s+năm\b")


def same_target_key(label: str) -> str:
    """What two targets' labels name in common: "Kết nạp đảng viên mới trong nhiệm kỳ" and "kết nạp đảng viên mới"
    give the same key (case, spaces and the words naming the span set aside)."""
    text = " ".join(unicodedata.normalize("NFC", label).casefold().split())
    return " ".join(_SPAN_WORDS.sub("", text).split())


@dataclass(frozen=True, slots=True)
class TermRow:
    """One target of the term set against the figure each year's report gave for the same target.

    yearly: one figure per period of TermTable.periods, None where that year's report has no result for it.
    years_total: for a count target, the sum of the yearly figures when every year has one; None otherwise (a rate
                 is not summed, and a sum with a year missing would claim what no figure says).
    """

    target: Target
    yearly: tuple[Decimal | None, ...]
    years_total: Decimal | None

    @property
    def disagrees(self) -> bool:
        """True when the term's result and the sum of the years are both known and differ."""
        return (self.years_total is not None and self.target.result is not None
                and self.years_total != self.target.result)


@dataclass(frozen=True, slots=True)
class TermTable:
    """The term's targets with each year's figure: periods are the years (or school years) of the term that have a
    yearly report, in order."""

    periods: tuple[Period, ...]
    rows: tuple[TermRow, ...]

    @property
    def has_yearly_figures(self) -> bool:
        return any(figure is not None for row in self.rows for figure in row.yearly)


def years_of_term(term: Period, yearly: Iterable[tuple[Period, list[Target]]]) -> dict[Period, list[Target]]:
    """The yearly reports' targets that belong to a report of term: those of a calendar or school year inside it, by
    period; of two reports for the same year the later one in yearly counts (the most recently changed)."""
    return {period: targets for period, targets in yearly if period.kind in YEAR_PERIODS and period.within(term)}


def term_table(targets: Sequence[Target], yearly: Mapping[Period, Sequence[Target]]) -> TermTable:
    """The term's targets set against the yearly reports' targets (yearly: each year's period → that year's targets
    with their results).

    A yearly target counts for a term target when their labels name the same thing (same_target_key) and both are
    rates or both are counts.
    """
    periods = tuple(sorted(yearly, key=lambda p: (p.start, p.end)))
    index = {p: {(same_target_key(t.label), t.is_percent): t.result for t in yearly[p]} for p in periods}
    rows = []
    for target in targets:
        key = (same_target_key(target.label), target.is_percent)
        figures = tuple(index[p].get(key) for p in periods)
        complete = bool(periods) and all(figure is not None for figure in figures)
        total = sum((f for f in figures if f is not None), Decimal(0)) if complete and not target.is_percent else None
        rows.append(TermRow(target, figures, total))
    return TermTable(periods, tuple(rows))
