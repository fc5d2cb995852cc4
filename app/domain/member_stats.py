"""Membership movement (biến động đảng viên) in a year-end report."""

from __future__ import annotations

from dataclasses import dataclass, field

# Years of Party membership for which a badge (Huy hiệu Đảng) is awarded (01-HD/TW 2021).
BADGE_YEARS = (30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90)


@dataclass(slots=True)
class Membership:
    """Counts of members over the period; every field is a head count ≥ 0.

    The *_probationary fields are the dự bị part of the line before them. Temporary transfers
    and exempt members are reported but never enter the totals.
    """

    opening_total: int = 0
    opening_probationary: int = 0
    admitted: int = 0
    transferred_in: int = 0
    transferred_in_probationary: int = 0
    transferred_out: int = 0
    transferred_out_probationary: int = 0
    deceased: int = 0
    struck_off: int = 0
    struck_off_probationary: int = 0
    expelled: int = 0
    left_party: int = 0
    recognised_official: int = 0
    closing_total: int = 0
    closing_official: int = 0
    closing_probationary: int = 0
    female: int = 0
    exempt: int = 0
    temporary_in: int = 0
    temporary_out: int = 0
    candidates_trained: int = 0
    candidates: int = 0
    badges: dict[int, int] = field(default_factory=dict)

    @property
    def expected_closing_total(self) -> int:
        """cuối kỳ = đầu kỳ + kết nạp + chuyển đến − chuyển đi − từ trần − xóa tên − khai trừ − ra khỏi Đảng."""
        return (
            self.opening_total + self.admitted + self.transferred_in - self.transferred_out
            - self.deceased - self.struck_off - self.expelled - self.left_party
        )

    @property
    def expected_closing_probationary(self) -> int:
        """dự bị cuối = dự bị đầu + kết nạp + dự bị chuyển đến − công nhận − dự bị chuyển đi − dự bị xóa tên."""
        return (
            self.opening_probationary + self.admitted + self.transferred_in_probationary
            - self.recognised_official - self.transferred_out_probationary - self.struck_off_probationary
        )

    @property
    def is_empty(self) -> bool:
        return self.opening_total == 0 and self.closing_total == 0

    @property
    def badges_total(self) -> int:
        return sum(self.badges.values())
