"""Report actions of the GUI and the CLI: one function per action, each one transaction.

Autosave calls save_changes with the report as last saved and as it stands now: only the rows
that differ are written, and the report's new updated_at comes back for the window to show.

Several people may edit the same report (an office's shared database). A report read from the database carries
its version; save_changes refuses a save based on an outdated version with EditConflict (nothing written), which
carries the stored copy (theirs) and every field where it and hers differ, with the value both started from.
The window then offers: keep hers (keep_mine, which saves her copy over theirs, based on their version) or keep
theirs (reopen conflict.theirs, whose version is the stored one).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

from app.domain.conflicts import EditConflict, FieldConflict
from app.domain.demo import demo_report
from app.domain.member_stats import Membership
from app.domain.outline import default_outline
from app.domain.period import Period, PeriodKind
from app.domain.report import Entry, EntryState, Report, ReportKind, Section, Statistics
from app.domain.roster import MemberStatus
from app.domain.roster_stats import apply_roster, carried_over, counted_members
from app.domain.targets import Target, years_of_term
from app.storage import org_repo, report_repo
from app.storage.db import Database, Session
from app.storage.report_repo import ReportSummary

__all__ = [
    "EditConflict",
    "FieldConflict",
    "ReportSummary",
    "carry_over",
    "delete_report",
    "get_report",
    "import_report",
    "keep_mine",
    "list_reports",
    "new_report_from_previous",
    "open_sample",
    "replace_report",
    "save_changes",
    "save_new_report",
    "yearly_targets",
]


def list_reports(sessions: Database, organisation_id: int | None = None) -> list[ReportSummary]:
    """A summary of every report (of one organisation when given), most recently changed first."""
    with sessions.begin() as session:
        return report_repo.list_summaries(session, organisation_id)


def get_report(sessions: Database, report_id: int) -> Report:
    """The whole report, its sections and entries carrying their row ids; UserError when deleted.

    A report to a congress comes with the targets of its organisation's yearly reports inside the term
    (Report.yearly_targets), for its targets to be set against each year's figure.
    """
    with sessions.begin() as session:
        report = report_repo.get(session, report_id)
        report.yearly_targets = _yearly_targets(session, report)
        return report


def yearly_targets(sessions: Database, report: Report) -> dict[Period, list[Target]]:
    """The targets (with results) of the yearly reports of report's organisation inside report's term, by period;
    empty for a report that is not a congress's, or whose organisation is not stored."""
    with sessions.begin() as session:
        return _yearly_targets(session, report)


def _yearly_targets(session: Session, report: Report) -> dict[Period, list[Target]]:
    if not report.kind.is_congress or report.organisation.id is None:
        return {}
    return years_of_term(report.period, report_repo.year_end_targets(session, report.organisation.id))


def save_new_report(sessions: Database, report: Report) -> int:
    """Store report as a new one and return its id.

    Its organisation is reused when report.organisation.id names a stored one (its stored profile is
    kept), and stored as a new organisation otherwise. The report's own ids are ignored.
    """
    with sessions.begin() as session:
        organisation = report.organisation
        if organisation.id is None or not org_repo.exists(session, organisation.id):
            organisation = replace(organisation, id=org_repo.add(session, organisation))
        return report_repo.add(session, replace(report, organisation=organisation))


def open_sample(sessions: Database) -> int:
    """The id of the sample report (the demo report of the sample organisation), stored the first time only.

    A second call returns the same report, with any edits made to it since. When the sample's reports were
    deleted, the demo report is stored again under the same sample organisation. Her own organisations and
    reports are neither read nor changed.
    """
    with sessions.begin() as session:
        organisation_id = org_repo.sample_id(session)
        if organisation_id is not None:
            summaries = report_repo.list_summaries(session, organisation_id)
            if summaries:
                return summaries[0].id
            return report_repo.add(session, replace(demo_report(), organisation=org_repo.get(session, organisation_id)))
        report = demo_report()
        organisation = replace(report.organisation, is_sample=True, id=None)
        organisation = replace(organisation, id=org_repo.add(session, organisation))
        return report_repo.add(session, replace(report, organisation=organisation))


def import_report(sessions: Database, path: Path) -> int:
    """Read the report file at path and store it as a new report of a new organisation (hers); return its id.

    Raises UserError, storing nothing, when the file cannot be read (see interchange.import_report_file).
    """
    from app.services.interchange import import_report_file  # jsonschema and cattrs load only for an import

    return save_new_report(sessions, import_report_file(path))


def replace_report(sessions: Database, report_id: int, report: Report) -> None:
    """Overwrite a stored report with report (whose organisation is stored); its section and entry ids change."""
    with sessions.begin() as session:
        report_repo.replace(session, report_id, report)


def delete_report(sessions: Database, report_id: int) -> None:
    """Delete a report with everything in it."""
    with sessions.begin() as session:
        report_repo.delete(session, report_id)


def new_report_from_previous(sessions: Database, previous_id: int, year: int, kind: ReportKind,
                             period_kind: PeriodKind | None = None, term: str | None = None) -> int:
    """Store a new draft for (year, kind) that starts from a stored report (see carry_over) and return its id."""
    with sessions.begin() as session:
        previous = report_repo.get(session, previous_id)
        return report_repo.add(session, carry_over(previous, year, kind, period_kind, term))


def carry_over(previous: Report, year: int, kind: ReportKind, period_kind: PeriodKind | None = None,
               term: str | None = None) -> Report:
    """A new draft for (year, kind) of previous's organisation, starting from previous.

    It keeps the outline with its texts, the place, term, settings, signature and recipients, and the period
    previous covered (a school's year-end report follows the school year) unless period_kind says otherwise.
    The number, date, basis and title name a period, so they start empty.
    When the new report covers the period that followed previous, its opening membership is
    previous's closing one and previous's next targets become its targets. A year-end report
    following the six-month report of the same year starts where that one started instead:
    the same opening membership and the same targets. Results and other figures start empty,
    except the number of chi bộ and the unit's staff and population. A chi bộ's member roster is kept, without
    the ratings and badges of the previous period; when it is in use, the counts follow it at once.

    A report to a congress has an outline of its own: from a report of another family it starts from that outline
    (a year-end report's sections are not the term's). From the mid-term review of its term it takes the congress
    resolution's targets and the membership at the start of the term; from the congress report of the term before,
    that report's targets for this term.
    term: the term the new report belongs to; None keeps previous's.
    """
    before = previous.stats.membership
    same_start = previous.kind is ReportKind.SIX_MONTH and kind is ReportKind.YEAR_END and previous.year == year
    if same_start:
        membership = Membership(opening_total=before.opening_total, opening_probationary=before.opening_probationary)
        targets, next_targets = previous.targets, previous.next_targets
    elif previous.kind is ReportKind.MID_TERM and kind.is_congress:
        membership = Membership(opening_total=before.opening_total, opening_probationary=before.opening_probationary)
        targets, next_targets = previous.targets, []
    elif kind.is_congress and not previous.kind.is_congress:
        # A year's closing membership and targets are not the term's.
        membership, targets, next_targets = Membership(), [], []
    else:
        membership = Membership(opening_total=before.closing_total, opening_probationary=before.closing_probationary)
        targets, next_targets = previous.next_targets, []
    if kind.is_congress and kind is not previous.kind:
        sections = default_outline(kind, previous.organisation.kind)
    else:
        sections = [_copy_section(section) for section in previous.sections]
    report = Report(
        organisation=previous.organisation,
        year=year,
        kind=kind,
        period_kind=previous.period_kind if period_kind is None else period_kind,
        doc_type=previous.doc_type,
        place=previous.place,
        term=previous.term if term is None else term,
        sections=sections,
        stats=Statistics(units=previous.stats.units, membership=membership, unit=replace(previous.stats.unit)),
        targets=[replace(target, result=None) for target in targets],
        next_targets=[replace(target) for target in next_targets],
        settings=replace(previous.settings),
        signature=None if previous.signature is None else replace(previous.signature),
        recipients=None if previous.recipients is None else list(previous.recipients),
        roster=carried_over(previous.roster),
    )
    if apply_roster(report):
        _opening_from_roster(report)
    return report


def _opening_from_roster(report: Report) -> None:
    """The opening membership that, with the admissions the list dates in the new period, gives the list's closing one.

    After a period that ended before the new one starts, no carried member was admitted in it: the opening is the
    previous closing, as without a list. Periods that overlap (a school year, then the six months of a calendar
    year) would otherwise count an admission twice.
    """
    m, members = report.stats.membership, counted_members(report.roster.members)
    period = report.period
    new = [x for x in members if x.admitted_on and period.start <= x.admitted_on <= period.end]
    still_probationary = sum(1 for x in new if x.status is MemberStatus.PROBATIONARY)
    m.opening_total = m.closing_total - len(new)
    m.opening_probationary = m.closing_probationary - still_probationary
    m.recognised_official = len(new) - still_probationary


def _copy_section(section: Section) -> Section:
    """A copy of section and its subtree, without ids, for the next period.

    Her text is copied. A computed sentence still following the figures is not: the new figures word it anew.
    One she left out stays left out, and one she edited stays hers (the checks point out the figures in it
    that the new period's no longer give).
    """
    return Section(
        key=section.key,
        title=section.title,
        enabled=section.enabled,
        entries=[Entry(entry.text, entry.kind, None, entry.source, entry.state, entry.basis)
                 for entry in section.entries if not (entry.source and entry.state is EntryState.AUTO)],
        children=[_copy_section(child) for child in section.children],
    )


def save_changes(sessions: Database, report_id: int, before: Report, after: Report) -> datetime:
    """Autosave: write what differs between before (the report as last saved) and after; return the new updated_at.

    The stored report then reads back as after (see report_repo.save_changes for how rows are matched), and
    after.version is the stored version (keep after as the next save's before). EditConflict, writing nothing,
    when someone saved a version newer than before.version; UserError when the report was deleted.
    """
    with sessions.begin() as session:
        return report_repo.save_changes(session, report_id, before, after)


def keep_mine(sessions: Database, report_id: int, conflict: EditConflict, mine: Report) -> datetime:
    """Save her copy over the stored one after a conflict she settled for her own values; the new updated_at.

    Based on the version the conflict found (conflict.theirs): when someone saved yet again since, EditConflict
    again. For a field-by-field choice, pass as mine her copy with their values put in where she kept theirs.
    """
    theirs = conflict.theirs
    if not isinstance(theirs, Report):
        raise TypeError("a report's conflict is needed")
    return save_changes(sessions, report_id, theirs, mine)
