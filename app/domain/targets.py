"""Targets (chỉ tiêu) and how far they were attained."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from decimal import Decimal

from app.domain import numbers


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
