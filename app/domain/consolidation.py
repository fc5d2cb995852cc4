"""Consolidation: a đảng bộ's statistics rolled up from its chi bộ's reports, each figure traced to its parts.

The statistics of a đảng bộ cơ sở are those of its chi bộ added up (report-content.md: "chi bộ + members,
aggregated"). consolidate() takes the parent's report and the sub-units' reports of the same period and gives the
parent's statistics, a trace (field path → [(sub-unit, value)]) behind every rolled-up figure, and the findings of
the cross-checks, each naming the sub-unit it is about.

How each figure rolls up:
- head counts, inspection, discipline, member ratings, study participants, badges: the sum of the sub-units';
- regular meetings held, thematic meetings and resolutions studied: the least of the sub-units' (party_life.py:
  "the least of all chi bộ"), meetings required: the most;
- units: the number of sub-units; theme_plan_units: the sub-units that name an annual theme or report a plan;
- ratings of the organisations: the parent's decision, given as sub-unit → Level (the sub-units are counted);
- the parent's own words (annual theme, self-rating) stay; commendation texts of the sub-units are added after the
  parent's own, once each.
A figure the secretary overrides keeps her value, is listed in Consolidation.overridden, and a finding says when it
differs from the sum.
"""

from __future__ import annotations

import enum
import unicodedata
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields, is_dataclass, replace
from datetime import datetime
from functools import cache
from typing import Any

from app.domain.codec import from_dict, to_dict
from app.domain.fields import label
from app.domain.findings import Finding, Severity
from app.domain.ratings import LEVELS, Level, RatingCounts
from app.domain.report import Report, Statistics
from app.i18n import _

STATS = "stats"
# Figures that are the least (or the most) of the sub-units' rather than their sum.
_LEAST = {"stats.party_life.meetings_held", "stats.party_life.thematic_meetings",
          "stats.party_life.resolutions_studied"}
_MOST = {"stats.party_life.meetings_required"}
# Figures the parent decides, not its sub-units.
_PARENT_OWN = {"stats.units", "stats.party_life.theme_plan_units"}
_PARENT_OWN_PREFIXES = ("stats.ratings.organisations.",)

Trace = dict[str, list[tuple[str, int]]]


@dataclass(slots=True, frozen=True)
class ReceivedReport:
    """A sub-unit's report as its parent received it: the file's name, when, its data and its own errors.

    data: the report's interchange JSON; is_current: False for an earlier file the sub-unit sent again since.
    """

    id: int
    unit_id: int
    file_name: str
    received_at: datetime
    data: str
    errors: int
    is_current: bool


@dataclass(slots=True)
class SubUnitPart:
    """One sub-unit's figures as they were rolled up: a row of the annex "Tổng hợp số liệu các chi bộ"."""

    name: str
    stats: Statistics
    rating: Level | None = None  # the parent's rating of the sub-unit when it was rolled up


@dataclass(slots=True)
class SubUnitReport:
    """One sub-unit's report as handed in.

    source: where it came from ("cokhi.docx"), for messages; "" when it has none.
    previous: the same sub-unit's report of the previous period, to check its opening membership; None if unknown.
    own_findings: the errors of the report on its own (the service runs the checks); they are named per sub-unit.
    """

    report: Report
    source: str = ""
    previous: Report | None = None
    own_findings: list[Finding] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.report.organisation.name


@dataclass(slots=True)
class Consolidation:
    """The parent's report with rolled-up statistics, and how each figure was reached.

    trace: for every rolled-up figure, the sub-units' values it came from, in the order the reports were given.
    overridden: field path → the rolled-up value, for each figure where the parent's own value was kept.
    included: the names of the sub-units whose reports were rolled up.
    """

    report: Report
    trace: Trace
    overridden: dict[str, int]
    included: list[str]
    findings: list[Finding]


def unit_key(name: str) -> str:
    """The name a sub-unit is matched by: NFC, case-folded, spaces collapsed."""
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def consolidate(parent: Report, subunits: Sequence[SubUnitReport], *,
                unit_ratings: Mapping[str, Level | None] | None = None, exemplary: Collection[str] = (),
                overrides: Mapping[str, int] | None = None) -> Consolidation:
    """The parent's statistics rolled up from subunits, with the trace and the cross-checks' findings.

    unit_ratings: the parent's rating of each sub-unit by name (None: not rated); its names are also the sub-units
    expected, so that one without a report is found. None when the parent has not rated them yet: the expected
    number of sub-units is then the parent's stats.units.
    exemplary: names of the sub-units rated "tiêu biểu".
    overrides: field path ("stats.membership.female") → the figure the secretary keeps instead of the sum.
    """
    findings: list[Finding] = []
    chosen = _choose(parent, subunits, unit_ratings, findings)
    trace: Trace = {}
    rolled = _roll_up(parent.stats, [(s.name, s.report.stats) for s in chosen], trace)
    expected = len(unit_ratings) if unit_ratings is not None else None
    rolled["units"] = expected if expected is not None else len(chosen)
    if expected is None and parent.stats.units > len(chosen):
        findings.append(Finding("consolidation.count", Severity.ERROR, ("stats.units",), _(
            "The report counts {expected} sub-units but only {given} of their reports were given; the roll-up "
            "lacks the others.").format(expected=parent.stats.units, given=len(chosen))))
    if unit_ratings is not None:
        rolled["ratings"]["organisations"] = to_dict(_organisation_ratings(unit_ratings, exemplary))
    for unit in chosen:
        findings += _continuity(unit)
        findings += _own_errors(unit)
    stats = from_dict(rolled, Statistics)
    stats.ratings.self_rating = parent.stats.ratings.self_rating
    overridden = _apply_overrides(stats, overrides or {}, trace, findings)
    report = replace(parent, stats=stats)
    return Consolidation(report, trace, overridden, [s.name for s in chosen], findings)


def _choose(parent: Report, subunits: Sequence[SubUnitReport], unit_ratings: Mapping[str, Any] | None,
            findings: list[Finding]) -> list[SubUnitReport]:
    """The reports to roll up: of the parent's period, one per sub-unit, of an expected sub-unit."""
    expected = {unit_key(name): name for name in unit_ratings} if unit_ratings is not None else None
    chosen: dict[str, SubUnitReport] = {}
    for unit in subunits:
        report = unit.report
        where = _source(unit)
        if report.year != parent.year or report.kind != parent.kind:
            findings.append(Finding("consolidation.period", Severity.ERROR, (), _(
                "{unit}{where}: the report is for {kind} {year}, not the period of this report ({parent_kind} "
                "{parent_year}); it was left out.").format(
                unit=unit.name, where=where, kind=_(_kind_label(report)), year=report.year,
                parent_kind=_(_kind_label(parent)), parent_year=parent.year)))
            continue
        key = unit_key(unit.name)
        if expected is not None and key not in expected:
            findings.append(Finding("consolidation.unknown", Severity.WARNING, (), _(
                "{unit}{where} is not among the sub-units rated in this report; it was left out. Add it to the "
                "ratings of the organisations if it belongs to the đảng bộ.").format(unit=unit.name, where=where)))
            continue
        if key in chosen:
            first = chosen[key]
            if to_dict(first.report.stats) != to_dict(report.stats):
                findings.append(Finding("consolidation.duplicate", Severity.ERROR, (), _(
                    "{unit} has two reports with different figures ({first} and {second}); the first was used. "
                    "Keep only the right one.").format(
                    unit=unit.name, first=first.source or "?", second=unit.source or "?")))
            else:
                findings.append(Finding("consolidation.duplicate", Severity.INFO, (), _(
                    "{unit} has two reports with the same figures ({first} and {second}); it is counted once.").format(
                    unit=unit.name, first=first.source or "?", second=unit.source or "?")))
            continue
        chosen[key] = unit
    if expected is not None:
        for key, name in expected.items():
            if key not in chosen:
                findings.append(Finding("consolidation.missing", Severity.ERROR, ("stats.units",), _(
                    "{unit} has no report for this period; its figures are missing from the roll-up.").format(
                    unit=name)))
    return list(chosen.values())


def _source(unit: SubUnitReport) -> str:
    return f" ({unit.source})" if unit.source else ""


def _kind_label(report: Report) -> str:
    from app.domain.report import REPORT_KIND_LABELS

    return REPORT_KIND_LABELS[report.kind]


def _roll_up(parent: Statistics, parts: list[tuple[str, Statistics]], trace: Trace) -> dict[str, Any]:
    """The parent's statistics as a dict, every figure of the sub-units combined, the trace filled in."""
    result: dict[str, Any] = to_dict(parent)  # a dataclass unstructures to a dict
    leaves: dict[str, list[tuple[str, int]]] = {}
    for name, stats in parts:
        for path, value in _figures(stats, STATS):
            leaves.setdefault(path, []).append((name, value))
    # Every figure that rolls up starts from zero, so a figure no sub-unit reports is 0, not the parent's.
    for path, _value in _leaves(result, STATS):
        if not _is_parent_own(path):
            _set(result, path, 0)
    _set(result, "stats.membership.badges", {})
    for path, values in leaves.items():
        if _is_parent_own(path):
            continue
        trace[path] = values
        _set(result, path, _combine(path)([v for _n, v in values]))
    themed = [(name, 1) for name, stats in parts if stats.party_life.annual_theme or stats.party_life.theme_plan_units]
    trace["stats.party_life.theme_plan_units"] = themed
    result["party_life"]["theme_plan_units"] = len(themed)
    commendations = list(parent.party_life.commendations)
    for _name, stats in parts:
        commendations += [c for c in stats.party_life.commendations if c not in commendations]
    result["party_life"]["commendations"] = commendations
    trace["stats.units"] = [(name, 1) for name, _stats in parts]
    return result


def figures_of(stats: Statistics) -> dict[str, int]:
    """Every whole-number figure of stats by dotted path ("stats.membership.female"), as the trace names them."""
    return dict(_figures(stats, STATS))


def _is_parent_own(path: str) -> bool:
    return path in _PARENT_OWN or path.startswith(_PARENT_OWN_PREFIXES)


def _combine(path: str) -> Callable[[list[int]], int]:
    if path in _LEAST:
        return min
    if path in _MOST:
        return max
    return sum


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def _figures(node: Any, path: str) -> Iterator[tuple[str, int]]:
    """The whole-number figures of a statistics object by dotted path, as _leaves(to_dict(node)) gives them."""
    if is_dataclass(node) and not isinstance(node, type):  # an instance, never a dataclass itself
        for name in _field_names(type(node)):
            yield from _figures(getattr(node, name), f"{path}.{name}")
    elif isinstance(node, dict):  # badges: {30: 2} is "….badges.30"
        for key, value in sorted(node.items()):
            yield from _figures(value, f"{path}.{key}")
    elif isinstance(node, int) and not isinstance(node, bool | enum.Enum):
        yield path, node


def _leaves(node: Any, path: str) -> list[tuple[str, int]]:
    """The whole-number figures of a to_dict() structure, by dotted path; texts, lists and enums are not figures."""
    out: list[tuple[str, int]] = []
    if isinstance(node, dict):
        for key, value in node.items():
            out += _leaves(value, f"{path}.{key}")
    elif isinstance(node, int) and not isinstance(node, bool):
        out.append((path, node))
    return out


def _set(data: dict[str, Any], path: str, value: Any) -> None:
    keys = path.split(".")[1:]
    node = data
    for key in keys[:-1]:
        node = node.setdefault(key, {})
    node[keys[-1]] = value


def _get(data: dict[str, Any], path: str) -> Any:
    node: Any = data
    for key in path.split(".")[1:]:
        node = node.get(key) if isinstance(node, dict) else None
    return node


def _organisation_ratings(unit_ratings: Mapping[str, Level | None], exemplary: Collection[str]) -> RatingCounts:
    counts = RatingCounts(total=len(unit_ratings))
    for level in unit_ratings.values():
        if level is None:
            counts.not_rated += 1
        else:
            setattr(counts, Level(level).value, counts.count(Level(level)) + 1)
    keys = {unit_key(name) for name in unit_ratings}
    counts.exemplary = sum(1 for name in exemplary if unit_key(name) in keys)
    assert counts.rated + counts.not_rated == counts.total and len(LEVELS) == 4
    return counts


def _continuity(unit: SubUnitReport) -> list[Finding]:
    """A sub-unit whose opening membership is not its previous report's closing one."""
    if unit.previous is None:
        return []
    now, before = unit.report.stats.membership, unit.previous.stats.membership
    findings = []
    for opening, closing in (("opening_total", "closing_total"), ("opening_probationary", "closing_probationary")):
        if getattr(now, opening) != getattr(before, closing):
            findings.append(Finding("consolidation.continuity", Severity.ERROR, (f"stats.membership.{opening}",), _(
                "{unit}: {opening} is {value} but its previous report closed with {closing_value} ({closing}); "
                "ask the chi bộ which is right.").format(
                unit=unit.name, opening=label(f"stats.membership.{opening}"), value=getattr(now, opening),
                closing=label(f"stats.membership.{closing}"), closing_value=getattr(before, closing))))
    return findings


def _own_errors(unit: SubUnitReport) -> list[Finding]:
    """The errors of a sub-unit's report on its own, each said to be that sub-unit's."""
    return [Finding(f"consolidation.subunit.{f.code}", Severity.ERROR, (), _(
        "{unit}{where}: {message}").format(unit=unit.name, where=_source(unit), message=f.message))
        for f in unit.own_findings if f.is_error]


def typed_over(report: Report, sums: Mapping[str, int]) -> dict[str, int]:
    """The figures of report that differ from what the roll-up set them to (sums, as stored with it): path → her
    value.

    The badges by years of membership are left to the roll-up (they are not typed in the window).
    """
    figures = figures_of(report.stats)
    return {path: figures[path] for path, total in sums.items()
            if path in figures and figures[path] != total and ".badges." not in path}


def typed_over_findings(report: Report, trace: Trace, sums: Mapping[str, int]) -> list[Finding]:
    """A warning for each figure of report she typed over (typed_over), naming the sum and its parts."""
    return [_override_finding(path, value, sums[path], trace) for path, value in typed_over(report, sums).items()]


def _override_finding(path: str, value: int, rolled: int, trace: Trace) -> Finding:
    parts = ", ".join(f"{name}: {v}" for name, v in trace.get(path, [])) or "—"
    return Finding("consolidation.override", Severity.WARNING, (path,), _(
        "{field} is {value} as typed, but the sub-units' reports give {rolled} ({parts}).").format(
        field=label(path)[:1].upper() + label(path)[1:], value=value, rolled=rolled, parts=parts))


def _apply_overrides(stats: Statistics, overrides: Mapping[str, int], trace: Trace,
                     findings: list[Finding]) -> dict[str, int]:
    """Keep the secretary's figures; a finding for each that differs from the roll-up. Returns path → rolled value."""
    if not overrides:
        return {}
    data = to_dict(stats)
    overridden: dict[str, int] = {}
    for path, value in overrides.items():
        rolled = _get(data, path)
        if not isinstance(rolled, int) or isinstance(rolled, bool):
            raise KeyError(path)  # a bug of the caller: only figures can be overridden
        overridden[path] = rolled
        _set(data, path, value)
        if value != rolled:
            findings.append(_override_finding(path, value, rolled, trace))
    self_rating = stats.ratings.self_rating
    new = from_dict(data, Statistics)
    stats.units, stats.membership, stats.ratings = new.units, new.membership, new.ratings
    stats.inspection, stats.discipline, stats.party_life = new.inspection, new.discipline, new.party_life
    stats.ratings.self_rating = self_rating
    return overridden
