"""Arithmetic of the report: percentages from counts, breakdowns that add up, target attainment."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

TENTH = Decimal("0.1")
HUNDRED = Decimal(100)


def percent(part: int, whole: int) -> Decimal | None:
    """part/whole as a percentage rounded half up to one decimal; None when whole is 0."""
    if whole <= 0:
        return None
    return (Decimal(part) * HUNDRED / Decimal(whole)).quantize(TENTH, rounding=ROUND_HALF_UP)


def breakdown(counts: Sequence[int]) -> list[Decimal] | None:
    """Percentages of each count in their sum, one decimal, adding up to exactly 100.0.

    Largest-remainder rounding: every share is first floored to a tenth, then the tenths still
    missing go to the shares with the largest remainders (ties: the larger count, then the earlier
    item). None when the counts sum to 0. Negative counts are a caller bug.
    """
    if any(c < 0 for c in counts):
        raise ValueError("counts must not be negative")
    total = sum(counts)
    if total == 0:
        return None
    # Work in integer tenths of a percent: each share is c * 1000 / total tenths.
    floors = [c * 1000 // total for c in counts]
    remainders = [c * 1000 % total for c in counts]
    missing = 1000 - sum(floors)
    order = sorted(range(len(counts)), key=lambda i: (-remainders[i], -counts[i], i))
    for i in order[:missing]:
        floors[i] += 1
    return [Decimal(t) / 10 for t in floors]


def attainment(result: Decimal | int, target: Decimal | int) -> Decimal | None:
    """result/target × 100, one decimal, round half up; None when the target is 0 or less."""
    target = Decimal(target)
    if target <= 0:
        return None
    return (Decimal(result) * HUNDRED / target).quantize(TENTH, rounding=ROUND_HALF_UP)


def excess(attained: Decimal) -> Decimal:
    """How far past 100 % a target was passed ("vượt Y%" with Y = X − 100); 0 when not passed."""
    return max(attained - HUNDRED, Decimal(0))


_ROMAN = [
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
]


def roman(n: int) -> str:
    """Upper-case Roman numeral of 1 ≤ n < 4000."""
    if not 0 < n < 4000:
        raise ValueError(f"no Roman numeral for {n}")
    out = []
    for value, letters in _ROMAN:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)
