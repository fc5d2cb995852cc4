"""Every count a chi bộ's statistics take from its member roster, and how they are put into the report."""

from __future__ import annotations

from collections import Counter

from app.domain.fields import FieldRef, stat
from app.domain.member_stats import BADGE_YEARS
from app.domain.period import Period
from app.domain.ratings import LEVELS, Level, RatingCounts
from app.domain.report import Report
from app.domain.roster import Member, MemberStatus, Roster, Sex


def _m(name: str) -> FieldRef:
    return stat(f"membership.{name}")


def _r(name: str) -> FieldRef:
    return stat(f"ratings.members.{name}")


# The statistics a roster gives, in the order the form shows them; the badges are one field per badge year.
ROSTER_FIELDS: tuple[FieldRef, ...] = (
    _m("closing_total"), _m("closing_official"), _m("closing_probationary"), _m("female"), _m("admitted"),
    _r("total"), *(_r(level.value) for level in LEVELS), _r("not_rated"), _r("exemplary"),
)
BADGES_FIELD = stat("membership.badges")
ADMITTED = _m("admitted")


def counted_members(members: list[Member]) -> list[Member]:
    """The members that count: rows with a name (an empty row she has not filled in is no member)."""
    return [m for m in members if m.name.strip()]


def admitted_in(members: list[Member], period: Period) -> int:
    """How many members were admitted to the Party within period (by their admission date)."""
    return sum(1 for m in counted_members(members) if m.admitted_on and period.start <= m.admitted_on <= period.end)


def rating_counts(members: list[Member]) -> RatingCounts:
    """The members' ratings per level; those with no rating count as not rated."""
    counted = counted_members(members)
    by_level = Counter(m.rating for m in counted)
    counts = RatingCounts(total=len(counted), not_rated=by_level[None],
                          exemplary=sum(1 for m in counted if m.exemplary and m.rating is Level.EXCELLENT))
    for level in LEVELS:
        setattr(counts, level.value, by_level[level])
    return counts


def badge_counts(members: list[Member]) -> dict[int, int]:
    """How many badges of each number of years the members were awarded in the period."""
    return dict(sorted(Counter(m.badge for m in counted_members(members) if m.badge in BADGE_YEARS).items()))


def roster_figures(members: list[Member], period: Period) -> dict[FieldRef, int]:
    """The value the roster gives each of ROSTER_FIELDS."""
    counted = counted_members(members)
    probationary = sum(1 for m in counted if m.status is MemberStatus.PROBATIONARY)
    ratings = rating_counts(members)
    values = {
        _m("closing_total"): len(counted),
        _m("closing_official"): len(counted) - probationary,
        _m("closing_probationary"): probationary,
        _m("female"): sum(1 for m in counted if m.sex is Sex.FEMALE),
        _m("admitted"): admitted_in(members, period),
        _r("total"): ratings.total,
        _r("not_rated"): ratings.not_rated,
        _r("exemplary"): ratings.exemplary,
    }
    for level in LEVELS:
        values[_r(level.value)] = ratings.count(level)
    return values


def gives_counts(roster: Roster) -> bool:
    """True when the counts come from the roster: it is in use and holds at least one member.

    An empty list in use gives nothing yet: ticking the switch before typing a name changes no figure.
    """
    return roster.in_use and bool(counted_members(roster.members))


def apply_roster(report: Report) -> bool:
    """Put the counts the roster gives into report's statistics when it gives them (gives_counts); True when one
    changed."""
    roster = report.roster
    if not gives_counts(roster):
        return False
    changed = False
    for ref, value in roster_figures(roster.members, report.period).items():
        if ref.get(report) != value:
            ref.set(report, value)
            changed = True
    badges = badge_counts(roster.members)
    if report.stats.membership.badges != badges:
        report.stats.membership.badges = badges
        changed = True
    return changed


def disagreements(report: Report) -> list[tuple[FieldRef, int, int]]:
    """(field, the figure entered, the figure the roster gives) for each count that differs from a non-empty roster."""
    if not counted_members(report.roster.members):
        return []
    stats = report.stats
    # Without a single admission date the roster says nothing about the admissions: those entered stand.
    dated = any(m.admitted_on for m in report.roster.members)
    out = [(ref, ref.get(report), value) for ref, value in roster_figures(report.roster.members, report.period).items()
           if ref.get(report) != value and (dated or ref != ADMITTED)]
    badges = badge_counts(report.roster.members)
    if stats.membership.badges and stats.membership.badges != badges:
        out.append((BADGES_FIELD, stats.membership.badges_total, sum(badges.values())))
    return out


def carried_over(roster: Roster) -> Roster:
    """The roster a new report of the next period starts from: the same members and choices, no ratings or badges.

    A probationary member stays probationary: the recognition is hers to record in the new period.
    """
    return Roster(
        members=[Member(m.name, m.status, m.sex, m.admitted_on, None, False, m.birth_year, m.theory_level, None)
                 for m in counted_members(roster.members)],
        in_use=roster.in_use, annex=roster.annex, export=roster.export,
    )
