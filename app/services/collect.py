"""Collecting the sub-units' reports in the parent's window: receive files, keep their history, rate, roll up.

A parent (a đảng bộ) receives its sub-units' report files (.json or .docx carrying its data) for the period of its
own report. Each readable file of that period is matched to a stored sub-unit by its issuer name and code:
- matched: stored at once as that sub-unit's current report (a re-sent file replaces it; the earlier stays as
  history);
- unsure (a name that only resembles one, or a code that names another): the GUI asks which sub-unit it is;
- unknown: the GUI offers to add the issuer as a new sub-unit.
A file that cannot be read, or is of another period, is refused and nothing is stored; the refusal names the file
alone and says why in words she can act on (report_files.refusal_reason).
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from rapidfuzz import fuzz

from app.domain.codec import from_dict, to_dict
from app.domain.consolidation import (
    Consolidation,
    ReceivedReport,
    SubUnitPart,
    SubUnitReport,
    Trace,
    consolidate,
    figures_of,
    typed_over,
    unit_key,
)
from app.domain.errors import UserError
from app.domain.findings import Finding
from app.domain.organisation import Organisation
from app.domain.ratings import Level
from app.domain.report import REPORT_KIND_LABELS, Report, ReportKind, Statistics
from app.i18n import _
from app.services.drafting import check_report
from app.services.interchange import dumps_report, loads_report
from app.services.report_files import read_report_file, refusal_reason
from app.storage import org_repo, received_repo
from app.storage.db import Database

# A name at least this similar (rapidfuzz ratio, 0-100) to a sub-unit's makes it a candidate to ask about; the
# token-set ratio would not do: every name shares "chi bộ".
SIMILAR_NAME = 80


@dataclass(slots=True)
class Unsure:
    """A file whose sub-unit is not certain: the candidates to choose from, likeliest first."""

    path: Path
    name: str
    candidates: list[Organisation]


@dataclass(slots=True)
class Unknown:
    """A file from an issuer that is none of the parent's sub-units; organisation: its profile, to add it."""

    path: Path
    organisation: Organisation


@dataclass(slots=True)
class Intake:
    """What became of the files handed to receive_files.

    stored: (file name, sub-unit name) of each file stored; refused: (file name, message) of each file refused.
    """

    stored: list[tuple[str, str]] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)
    unsure: list[Unsure] = field(default_factory=list)
    unknown: list[Unknown] = field(default_factory=list)


@dataclass(slots=True)
class BoardRow:
    """One sub-unit on the board of a period: its current report (None: not sent), its rating, its history.

    exemplary: the parent rated it "tiêu biểu" too. versions: how many files it sent for the period.
    """

    unit: Organisation
    current: ReceivedReport | None
    rating: Level | None
    exemplary: bool
    versions: int


def receive_files(sessions: Database, parent_id: int, kind: ReportKind, year: int, paths: Iterable[Path], *,
                  choices: Mapping[Path, int] | None = None, new_units: Collection[Path] = ()) -> Intake:
    """Read, match and store the files in paths as the parent's sub-units' reports for the period (kind, year).

    choices: the sub-unit id she chose for a file that was unsure; new_units: files whose issuer she added as a new
    sub-unit. Every readable file is checked on its own (its error count is kept). Stored files are committed
    together; a refused one stores nothing.
    """
    intake = Intake()
    chosen = {Path(p): unit_id for p, unit_id in (choices or {}).items()}
    adding = {Path(p) for p in new_units}
    with sessions.begin() as session:
        children = org_repo.children(session, parent_id)
    to_store: list[tuple[Path, Report, int | None]] = []  # None: add its issuer as a new sub-unit first
    for path in map(Path, paths):
        try:
            report = read_report_file(path)
        except UserError as exc:
            intake.refused.append((path.name, refusal_reason(exc, path)))
            continue
        if report.kind is not kind or report.year != year:
            intake.refused.append((path.name, _(
                "The report is for {kind} {year}, not {parent_kind} {parent_year}; it was not stored.").format(
                kind=_(REPORT_KIND_LABELS[report.kind]), year=report.year,
                parent_kind=_(REPORT_KIND_LABELS[kind]), parent_year=year)))
            continue
        if path in chosen:
            if chosen[path] not in {c.id for c in children}:
                raise UserError(_("The chosen sub-unit no longer exists; add the file again."))
            to_store.append((path, report, chosen[path]))
        elif path in adding:
            to_store.append((path, report, None))
        else:
            unit, candidates = match_unit(report.organisation, children)
            if unit is not None:
                to_store.append((path, report, unit.id))
            elif candidates:
                intake.unsure.append(Unsure(path, report.organisation.name, candidates))
            else:
                intake.unknown.append(Unknown(path, report.organisation))
    if not to_store:
        return intake
    names = {c.id: c.name for c in children}
    checked = []
    for path, report, unit_id in to_store:
        data = dumps_report(report, indent=None)  # kept in the database: one line, written by json's C encoder
        name = names[unit_id] if unit_id is not None else report.organisation.name
        errors = sum(1 for f in own_findings(data, _renamed(report, name)) if f.is_error)
        checked.append((path, report, unit_id, data, errors))
    when = datetime.now(UTC)
    with sessions.begin() as session:
        parent = org_repo.get(session, parent_id)
        for path, report, unit_id, data, errors in checked:
            if unit_id is None:
                unit = replace(report.organisation, id=None, parent_id=parent_id, is_sample=parent.is_sample)
                unit_id = org_repo.add(session, unit)
                names[unit_id] = unit.name
            received_repo.add(session, parent_id=parent_id, unit_id=unit_id, kind=kind.value, year=year,
                              file_name=path.name, data=data, errors=errors, when=when)
            intake.stored.append((path.name, names[unit_id]))
    return intake


def match_unit(issuer: Organisation, children: list[Organisation]) -> tuple[Organisation | None,
                                                                            list[Organisation]]:
    """The sub-unit a report's issuer is, or (None, the candidates to ask about); ([], nothing) when unknown.

    Sure: one sub-unit with the same name or issuer name (unit_key) whose code does not contradict it.
    Unsure: the same name with another code, or a name at least SIMILAR_NAME alike (the code is no guide alone:
    every chi bộ writes "CB").
    """
    names = {unit_key(issuer.name), unit_key(issuer.issuer_name)} - {""}
    code = unit_key(issuer.issuer_code)
    same_name = [c for c in children if names & {unit_key(c.name), unit_key(c.issuer_name)}]
    agreeing = [c for c in same_name if not code or not c.issuer_code or unit_key(c.issuer_code) == code]
    if len(agreeing) == 1:
        return agreeing[0], []
    if same_name:
        return None, same_name
    scored = sorted(((max(fuzz.ratio(n, unit_key(c.name)) for n in names), c) for c in children),
                    key=lambda pair: -pair[0])
    similar = [c for score, c in scored if score >= SIMILAR_NAME]
    return None, similar


def board(sessions: Database, parent_id: int, kind: ReportKind, year: int) -> list[BoardRow]:
    """Each sub-unit of parent_id with its current report for the period (or none), its rating, its versions."""
    with sessions.begin() as session:
        children = org_repo.children(session, parent_id)
        current = {r.unit_id: r for r in received_repo.current(session, parent_id, kind.value, year)}
        ratings = received_repo.ratings(session, [c.id for c in children if c.id is not None], kind.value, year)
        rows = []
        for child in children:
            assert child.id is not None
            versions = len(received_repo.history(session, child.id, kind.value, year)) if child.id in current else 0
            level, exemplary = ratings.get(child.id, (None, False))
            rows.append(BoardRow(child, current.get(child.id), Level(level) if level else None, exemplary, versions))
        return rows


def history(sessions: Database, unit_id: int, kind: ReportKind, year: int) -> list[ReceivedReport]:
    """Every report the sub-unit sent for the period, newest first."""
    with sessions.begin() as session:
        return received_repo.history(session, unit_id, kind.value, year)


@dataclass(slots=True)
class Sent:
    """One file a sub-unit sent for the period, as the board's history lists it.

    differences: (figure path, its value in this file, its value in the current one) for each figure that differs
    from the current file's, in the statistics' order; empty for the current file itself.
    """

    received: ReceivedReport
    differences: list[tuple[str, int, int]]


def sent_files(sessions: Database, unit_id: int, kind: ReportKind, year: int) -> list[Sent]:
    """Every file the sub-unit sent for the period, newest first, each with the figures it gives otherwise than the
    current file."""
    files = history(sessions, unit_id, kind, year)
    current = next((f for f in files if f.is_current), None)
    now = figures_of(loads_report(current.data).stats) if current is not None else {}
    out = []
    for received in files:
        if received.is_current or current is None:
            out.append(Sent(received, []))
            continue
        then = figures_of(loads_report(received.data).stats)
        out.append(Sent(received, [(path, then.get(path, 0), value) for path, value in now.items()
                                   if then.get(path, 0) != value]
                        + [(path, value, 0) for path, value in then.items() if path not in now and value]))
    return out


def restore(sessions: Database, received_id: int) -> ReceivedReport:
    """Make an earlier file of a sub-unit its current report for the period again; the one in use until now stays in
    the history. The next roll-up uses it."""
    with sessions.begin() as session:
        restored = received_repo.make_current(session, received_id)
    if restored is None:
        raise UserError(_("That file is no longer among the received reports; open the board again."))
    return restored


def set_rating(sessions: Database, unit_id: int, kind: ReportKind, year: int, level: Level | None,
               exemplary: bool = False) -> None:
    """Store the parent's rating of its sub-unit for the period; it is counted when the report is rolled up.

    exemplary ("tiêu biểu") is kept only with an excellent rating.
    """
    with sessions.begin() as session:
        received_repo.set_rating(session, unit_id, kind.value, year, None if level is None else level.value,
                                 exemplary and level is Level.EXCELLENT)


@dataclass(slots=True)
class RollUpTrace:
    """What the last roll-up of a report set each figure to, and from which parts.

    trace: figure path → [(sub-unit, value)], as Consolidation.trace; sums: figure path → the rolled-up value (the
    sum, or the least or most where a figure is that). A figure of the report that differs from its sum was typed
    over by the secretary (typed_over).
    """

    trace: Trace
    sums: dict[str, int]


def roll_up(sessions: Database, report_id: int, report: Report) -> Consolidation:
    """The open parent report (report, stored as report_id) with statistics rolled up from its sub-units' current
    reports of its period, and record the parts for the annex and the trace of every figure.

    Every stored sub-unit is expected (one without a report is a finding); the ratings on the board are counted;
    each sub-unit's previous-year report, when received, checks its opening membership. A figure the secretary typed
    over since the last roll-up keeps her value and is checked against the new sum (a finding when they differ).
    """
    parent_id = report.organisation.id
    if parent_id is None:
        raise UserError(_("Save the report first."))
    rows = board(sessions, parent_id, report.kind, report.year)
    with sessions.begin() as session:
        previous = {r.unit_id: r for r in received_repo.current(session, parent_id, report.kind.value,
                                                                 report.year - 1)}
    units = []
    for row in rows:
        if row.current is None:
            continue
        sent = _as_unit(loads_report(row.current.data), row.unit)
        before = previous.get(row.current.unit_id)
        units.append(SubUnitReport(sent, row.current.file_name,
                                   _as_unit(loads_report(before.data), row.unit) if before else None,
                                   own_findings(row.current.data, sent)))
    ratings = {row.unit.name: row.rating for row in rows}
    exemplary = [row.unit.name for row in rows if row.exemplary]
    last = roll_up_trace(sessions, report_id)
    overrides = typed_over(report, last.sums) if last is not None else {}
    result = consolidate(report, units, unit_ratings=ratings, exemplary=exemplary, overrides=overrides)
    included = set(result.included)
    parts = [SubUnitPart(unit.name, unit.report.stats, ratings.get(unit.name))
             for unit in units if unit.name in included]
    with sessions.begin() as session:
        received_repo.save_consolidation(session, report_id, datetime.now(UTC), [
            {"name": p.name, "stats": to_dict(p.stats), "rating": p.rating.value if p.rating else None}
            for p in parts], result.trace, rolled_sums(result))
    return result


def rolled_sums(result: Consolidation) -> dict[str, int]:
    """The value the roll-up gave each traced figure, before any figure the secretary kept instead."""
    figures = figures_of(result.report.stats)
    sums = {path: figures[path] for path in result.trace if path in figures}
    sums.update(result.overridden)
    return sums


def roll_up_trace(sessions: Database, report_id: int) -> RollUpTrace | None:
    """The trace and sums of report_id's last roll-up, as stored; None when it was never rolled up.

    A roll-up recorded before the trace was kept gives the trace of its parts and no sums (nothing is marked as
    typed over).
    """
    with sessions.begin() as session:
        stored = received_repo.consolidation_trace(session, report_id)
        parts = received_repo.consolidation(session, report_id) if stored is None else None
    if stored is not None:
        return RollUpTrace(*stored)
    if parts is None:
        return None
    trace: Trace = {}
    for part in parts[1]:
        for path, value in figures_of(from_dict(part["stats"], Statistics)).items():
            trace.setdefault(path, []).append((part["name"], value))
    return RollUpTrace(trace, {})


def consolidation_parts(sessions: Database, report_id: int) -> list[SubUnitPart] | None:
    """The sub-units' figures report_id was last rolled up from, for its annex; None when it never was."""
    with sessions.begin() as session:
        stored = received_repo.consolidation(session, report_id)
    if stored is None:
        return None
    return [SubUnitPart(part["name"], from_dict(part["stats"], Statistics),
                        Level(part["rating"]) if part.get("rating") else None) for part in stored[1]]


def _as_unit(report: Report, unit: Organisation) -> Report:
    """report as the sub-unit's, under the name the parent stores it by (a file may spell it otherwise)."""
    return _renamed(report, unit.name)


def _renamed(report: Report, name: str) -> Report:
    return replace(report, organisation=replace(report.organisation, name=name))


# The findings of each sub-unit report checked in this process, by (SHA-256 of its stored data, the name it is
# checked under): receiving a file checks it and the roll-up after it reuses the result. The oldest go first.
_CHECKED_KEEP = 512
_checked: OrderedDict[tuple[str, str], tuple[Finding, ...]] = OrderedDict()
_checked_lock = threading.Lock()


def own_findings(data: str, report: Report) -> list[Finding]:
    """Every finding of a sub-unit's report on its own (check_report, as `tongket check` gives them).

    data: the report as stored (its interchange text); report: the report data holds, under the sub-unit's name as
    the parent stores it. A report checked before in this process under the same name is not checked again.
    """
    key = (hashlib.sha256(data.encode("utf-8", "surrogatepass")).hexdigest(), report.organisation.name)
    with _checked_lock:
        found = _checked.get(key)
        if found is not None:
            _checked.move_to_end(key)
            return list(found)
    findings = tuple(check_report(report))
    with _checked_lock:
        _checked[key] = findings
        while len(_checked) > _CHECKED_KEEP:
            _checked.popitem(last=False)
    return list(findings)


def forget_checks() -> None:
    """Forget the findings kept by own_findings (for tests and measurements)."""
    with _checked_lock:
        _checked.clear()


def prepare() -> None:
    """Pay once, in the background, what the first file received would pay: the sentence templates compiled, the
    schema's validator built, the checks' modules imported. Called when the board is shown."""
    from app.domain.demo import demo_subunit_reports

    report = demo_subunit_reports()[0]
    check_report(loads_report(dumps_report(report)))
