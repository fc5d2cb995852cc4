"""Inspection, supervision and discipline (kiểm tra, giám sát, kỷ luật): Quy định 296-QĐ/TW, Điều lệ Đảng."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class OrgMemberCount:
    """ "N tổ chức đảng, M đảng viên"."""

    organisations: int = 0
    members: int = 0

    @property
    def is_empty(self) -> bool:
        return self.organisations == 0 and self.members == 0


@dataclass(slots=True)
class Inspection:
    """Counts of inspection and supervision work in the period."""

    scheduled: OrgMemberCount = field(default_factory=OrgMemberCount)
    topical_supervision: OrgMemberCount = field(default_factory=OrgMemberCount)
    regular_supervision: OrgMemberCount = field(default_factory=OrgMemberCount)
    violation_signs: OrgMemberCount = field(default_factory=OrgMemberCount)
    lower_level_tasks: int = 0
    finance: int = 0
    dues: int = 0
    denunciations: int = 0
    complaints: int = 0
    members_violating: int = 0
    members_to_discipline: int = 0


@dataclass(slots=True)
class MemberDiscipline:
    """Members disciplined: total N = khiển trách + cảnh cáo + cách chức + khai trừ.

    Cách chức applies only to members holding a post; probationary members can only get the
    first two forms (probationary counts the dự bị among the total).
    """

    total: int = 0
    reprimand: int = 0
    warning: int = 0
    removal: int = 0
    expulsion: int = 0
    probationary: int = 0

    @property
    def forms_sum(self) -> int:
        return self.reprimand + self.warning + self.removal + self.expulsion


@dataclass(slots=True)
class OrgDiscipline:
    """Organisations disciplined: total = khiển trách + cảnh cáo + giải tán."""

    total: int = 0
    reprimand: int = 0
    warning: int = 0
    dissolution: int = 0

    @property
    def forms_sum(self) -> int:
        return self.reprimand + self.warning + self.dissolution


@dataclass(slots=True)
class Discipline:
    members: MemberDiscipline = field(default_factory=MemberDiscipline)
    organisations: OrgDiscipline = field(default_factory=OrgDiscipline)
