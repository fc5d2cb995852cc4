"""Quality classification (đánh giá, xếp loại chất lượng) by Quy định 366-QĐ/TW and its predecessors."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from decimal import Decimal

from app.domain import numbers

# The cap of 21-HD/BTCTW: "xuất sắc" at most 20 % of "tốt" in a TCCSĐ (a warning, never a block).
EXCELLENT_QUOTA = Decimal("0.20")


class Level(enum.StrEnum):
    """The four rating levels, best first; their wording depends on the report year (labels.py)."""

    EXCELLENT = "excellent"
    GOOD = "good"
    COMPLETE = "complete"
    NOT_COMPLETE = "not_complete"


LEVELS = tuple(Level)


@dataclass(slots=True)
class RatingCounts:
    """How many units (or members) were rated at each level.

    total: all units (members) the rating covers, including those not rated.
    not_rated: exempt or too recently admitted to rate; excluded from the percentages.
    exemplary: "tiêu biểu", a commendation among the excellent ones, not a level.
    """

    total: int = 0
    excellent: int = 0
    good: int = 0
    complete: int = 0
    not_complete: int = 0
    not_rated: int = 0
    exemplary: int = 0

    def count(self, level: Level) -> int:
        count: int = getattr(self, level.value)  # each Level's value names one of the int fields above
        return count

    @property
    def rated(self) -> int:
        """Units actually rated: the sum of the four levels."""
        return sum(self.count(level) for level in LEVELS)

    @property
    def is_empty(self) -> bool:
        return self.total == 0 and self.rated == 0

    def shares(self) -> dict[Level, Decimal] | None:
        """Each level's percentage of the rated units, adding up to 100.0; None when none was rated."""
        values = numbers.breakdown([self.count(level) for level in LEVELS])
        return None if values is None else dict(zip(LEVELS, values, strict=True))


@dataclass(slots=True)
class Ratings:
    """Ratings of the Party organisations (chi bộ) and of the members; a chi bộ report rates only members.

    self_rating: the level a chi bộ proposes for itself, or None when it does not say.
    """

    organisations: RatingCounts = field(default_factory=RatingCounts)
    members: RatingCounts = field(default_factory=RatingCounts)
    self_rating: Level | None = None
