"""Study of resolutions, chi bộ meetings, the annual theme and commendations (badges: Hướng dẫn 01-HD/TW)."""

from __future__ import annotations

from dataclasses import dataclass, field

REGULAR_MEETINGS_PER_YEAR = 12
THEMATIC_MEETINGS_PER_YEAR = 4  # at least once a quarter


@dataclass(slots=True)
class PartyLife:
    """Figures of political study and Party life; x/y pairs share a prefix.

    study_participants / study_members: "96/98 đảng viên tham gia".
    meetings_held / meetings_required: "12/12 kỳ" (per chi bộ, or the least of all chi bộ).
    theme_plan_units / units: chi bộ that made a plan for the annual theme.
    """

    resolutions_studied: int = 0
    study_participants: int = 0
    study_members: int = 0
    meetings_held: int = 0
    meetings_required: int = REGULAR_MEETINGS_PER_YEAR
    thematic_meetings: int = 0
    theme_plan_units: int = 0
    annual_theme: str = ""
    commendations: list[str] = field(default_factory=list)
