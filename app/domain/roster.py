"""The member roster of a chi bộ (danh sách đảng viên); app.domain.roster_stats computes the counts from it.

A chi bộ's year-end report rates its members one by one; the roster holds them, and when it is used the counts of
the statistics (the members at the end and their split, the women, the ratings per level, the badges, the new
admissions of the period) are computed from it instead of being worked out by hand.

The roster belongs to the report of its period: a new report from the previous one takes its members over, with the
ratings cleared. It stays in the database; an exported file carries it only when she asks (Roster.export).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date

from app.domain.ratings import Level
from app.i18n import N_


class MemberStatus(enum.StrEnum):
    """Chính thức or dự bị."""

    OFFICIAL = "official"
    PROBATIONARY = "probationary"


class Sex(enum.StrEnum):
    MALE = "male"
    FEMALE = "female"


MEMBER_STATUS_LABELS: dict[MemberStatus, str] = {
    MemberStatus.OFFICIAL: N_("Full member"),
    MemberStatus.PROBATIONARY: N_("Probationary"),
}
SEX_LABELS: dict[Sex, str] = {Sex.MALE: N_("Male"), Sex.FEMALE: N_("Female")}
# The political-theory levels an office keeps (trình độ lý luận chính trị), as printed.
THEORY_LEVELS: tuple[str, ...] = ("Sơ cấp", "Trung cấp", "Cao cấp", "Cử nhân")


@dataclass(slots=True)
class Member:
    """One member of the chi bộ as the roster keeps them.

    admitted_on: the date of admission to the Party (ngày vào Đảng); None when not kept.
    rating: the level the member was rated at in the report's period; None for not rated (exempt, or admitted
            too recently to rate).
    exemplary: rated "tiêu biểu" among the excellent (a commendation, not a level).
    birth_year: None when not kept. theory_level: "Trung cấp" …, "" when not kept.
    badge: the years of the Party badge (Huy hiệu Đảng) awarded in the period (30, 40 …); None for none.
    """

    name: str
    status: MemberStatus = MemberStatus.OFFICIAL
    sex: Sex = Sex.MALE
    admitted_on: date | None = None
    rating: Level | None = None
    exemplary: bool = False
    birth_year: int | None = None
    theory_level: str = ""
    badge: int | None = None


@dataclass(slots=True)
class Roster:
    """The members of the chi bộ at the end of the period, and how the report uses them.

    in_use: the counts of ROSTER_FIELDS are computed from the members (read-only on the form); otherwise she enters
            them and the checks compare them with the list when it is not empty.
    annex: print the members' ratings as the annex "Danh sách xếp loại đảng viên".
    export: put the members into an exported interchange file (and the data part of the .docx); off by default, so
            that names stay on this computer.
    """

    members: list[Member] = field(default_factory=list)
    in_use: bool = False
    annex: bool = False
    export: bool = False

    @property
    def is_empty(self) -> bool:
        return not self.members
