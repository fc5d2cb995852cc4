"""Reports in the database: whole-report reads and writes, and save_changes, which writes only what an edit changed.

Functions take a Session, never commit, and return domain objects. Every write sets reports.updated_at.
Sections and entries come back with their row ids (Section.id, Entry.id); add and replace write new rows,
so the ids of a report change after replace. save_changes does not rely on those ids: it matches sections
by key path and entries and targets by position.
"""

from __future__ import annotations

import functools
import importlib
import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import CursorResult, Executable, Table, bindparam, insert, select, update
from sqlalchemy import delete as sql_delete
from sqlalchemy.orm import Session

from app.domain.conflicts import EditConflict, report_conflicts
from app.domain.errors import UserError
from app.domain.organisation import Signature
from app.domain.period import Period, PeriodKind
from app.domain.ratings import Level
from app.domain.report import (
    Entry,
    EntryKind,
    EntryState,
    Report,
    ReportKind,
    ReportStatus,
    Section,
    Settings,
    period_kind_of,
)
from app.domain.roster import Member, MemberStatus, Roster, Sex
from app.domain.spelling import ToneStyle
from app.domain.targets import Comparator, Target
from app.i18n import _
from app.storage import org_repo, stat_keys
from app.storage.tables import (
    EntryRow,
    FigureRow,
    OrganisationRow,
    ReportRow,
    RosterMemberRow,
    SectionRow,
    StatisticTextRow,
    TargetRow,
)

log = logging.getLogger(__name__)

# No ORM bookkeeping for the UPDATE/DELETE statements: these functions load no rows.
_NO_SYNC = {"synchronize_session": False}
# The writes go through the tables, not the row classes: plain executemany, no ORM bulk rules.
_REPORTS: Table = ReportRow.__table__  # type: ignore[assignment]
_SECTIONS: Table = SectionRow.__table__  # type: ignore[assignment]
_ENTRIES: Table = EntryRow.__table__  # type: ignore[assignment]
_FIGURES: Table = FigureRow.__table__  # type: ignore[assignment]
_TEXTS: Table = StatisticTextRow.__table__  # type: ignore[assignment]
_TARGETS: Table = TargetRow.__table__  # type: ignore[assignment]
_ROSTER: Table = RosterMemberRow.__table__  # type: ignore[assignment]


@dataclass(frozen=True, slots=True)
class ReportSummary:
    """One line of the list of reports."""

    id: int
    organisation_id: int
    organisation_name: str
    year: int
    kind: ReportKind
    status: ReportStatus
    updated_at: datetime
    period_kind: PeriodKind = PeriodKind.CALENDAR_YEAR
    term: str = ""


def add(session: Session, report: Report, *, updated_at: datetime | None = None) -> int:
    """Insert the whole report (its ids are ignored) for its already stored organisation; return the new id.

    updated_at: when it was last changed (a restored backup keeps it); now by default.
    """
    now = _now()
    row = ReportRow(created_at=now, updated_at=updated_at or now)
    _fill(row, report)
    session.add(row)
    session.flush()
    _add_contents(session, row.id, report)
    return row.id


def get(session: Session, report_id: int) -> Report:
    """The whole report with its organisation, sections and entries carrying their ids; UserError when deleted."""
    row = _row(session, report_id)
    organisation = org_repo.to_domain(session.get_one(OrganisationRow, row.organisation_id))
    figures = dict(
        session.execute(select(FigureRow.key, FigureRow.value).where(FigureRow.report_id == report_id)).all()
    )
    texts: dict[str, Any] = dict(
        session.execute(
            select(StatisticTextRow.key, StatisticTextRow.value).where(StatisticTextRow.report_id == report_id)
        ).all()
    )
    targets, next_targets = _load_targets(session, report_id)
    signature = None
    if row.signature_authority is not None:
        signature = Signature(row.signature_authority, row.signature_position or "", row.signature_name or "")
    return Report(
        organisation=organisation,
        year=row.year,
        kind=ReportKind(row.kind),
        number=row.number,
        doc_type=row.doc_type,
        issued_on=row.issued_on,
        place=row.place,
        term=row.term,
        basis=row.basis,
        title=row.title,
        sections=_load_sections(session, report_id),
        stats=stat_keys.unflatten(figures, texts),
        targets=targets,
        next_targets=next_targets,
        settings=Settings(pad_counts=row.pad_counts, end_mark=row.end_mark, heading_style=row.heading_style,
                          margins=row.margins, line_spacing_pt=row.line_spacing_pt, annexes=row.annexes,
                          keep_empty_sections=row.keep_empty_sections, tone_style=ToneStyle(row.tone_style)),
        signature=signature,
        recipients=None if row.recipients is None else list(row.recipients),
        status=ReportStatus(row.status),
        id=row.id,
        updated_at=row.updated_at,
        version=row.version,
        period_kind=PeriodKind(row.period_kind),
        roster=Roster(_load_roster(session, report_id), in_use=row.roster_in_use, annex=row.roster_annex,
                      export=row.roster_export),
    )


def list_summaries(session: Session, organisation_id: int | None = None) -> list[ReportSummary]:
    """Every report (of one organisation when given), most recently changed first."""
    query = (
        select(
            ReportRow.id, ReportRow.organisation_id, OrganisationRow.name, ReportRow.year,
            ReportRow.kind, ReportRow.status, ReportRow.updated_at, ReportRow.period_kind, ReportRow.term,
        )
        .join(OrganisationRow, ReportRow.organisation_id == OrganisationRow.id)
        .order_by(ReportRow.updated_at.desc(), ReportRow.id.desc())
    )
    if organisation_id is not None:
        query = query.where(ReportRow.organisation_id == organisation_id)
    return [
        ReportSummary(id_, org_id, name, year, ReportKind(kind), ReportStatus(status), updated_at, PeriodKind(period),
                      term)
        for id_, org_id, name, year, kind, status, updated_at, period, term in session.execute(query)
    ]


def replace(session: Session, report_id: int, report: Report) -> None:
    """Overwrite the stored report with report's contents; its sections and entries get new ids.

    When report.version is set, EditConflict if someone saved a newer one since (nothing is written); the stored
    version is raised by one and report.version set to it.
    """
    version = _claim_version(session, report_id, report, report, updated_at=_now(), **_report_values(report))
    # Entries go with their sections (ON DELETE CASCADE).
    for table in (_SECTIONS, _FIGURES, _TEXTS, _TARGETS, _ROSTER):
        session.execute(sql_delete(table).where(table.c.report_id == report_id))
    _add_contents(session, report_id, report)
    report.version = version


def delete(session: Session, report_id: int) -> None:
    """Delete the report with everything in it."""
    _execute_one(session, sql_delete(ReportRow).where(ReportRow.id == report_id), _not_found())


def save_changes(session: Session, report_id: int, before: Report, after: Report) -> datetime:
    """Write what differs between before (what is stored under report_id) and after; return the new updated_at.

    The stored report then reads back as after, exactly as replace(session, report_id, after) would leave it,
    while only the rows that differ are written. Nothing is matched by Section.id or Entry.id: sections are
    matched by their key path (the keys from the part down to the section), entries and targets by their
    position. When keys repeat among siblings, or the stored outline is not before's, the outline is rewritten
    whole. UserError when the report is gone.

    When before.version is set (it was read from this database), the save is refused with EditConflict if
    someone saved a newer version since: nothing is written. Otherwise the stored version is raised by one, and
    after.version and after.updated_at are set to the stored ones.
    """
    old, new = _report_values(before), _report_values(after)
    changed = {column: value for column, value in new.items() if old[column] != value}
    updated_at = _now()
    version = _claim_version(session, report_id, before, after, updated_at=updated_at, **changed)
    after.version, after.updated_at = version, updated_at
    if before.stats != after.stats:
        _save_statistics(session, report_id, before, after)
    # Compared as stored (Decimal("1.0") == Decimal("1"), but they are stored as different text).
    for period, old_targets, new_targets in (
        ("current", before.targets, after.targets), ("next", before.next_targets, after.next_targets)
    ):
        _save_targets(session, report_id, period, old_targets, new_targets)
    _save_sections(session, report_id, before.sections, after.sections)
    if before.roster.members != after.roster.members:
        # A list of a few dozen rows: rewritten whole, as the positions of the rows after an insertion all move.
        session.execute(sql_delete(_ROSTER).where(_ROSTER.c.report_id == report_id))
        _add_roster(session, report_id, after.roster.members)
    return updated_at


def _claim_version(session: Session, report_id: int, before: Report, after: Report, **values: Any) -> int:
    """Set values on the report's row and raise its version by one, in one UPDATE; the new version.

    When before.version is set, the UPDATE … WHERE version = ? both checks and locks the row: a second save based
    on the same version waits for the first one's transaction, then finds the version changed and raises
    EditConflict (nothing written). UserError when the report is gone.
    """
    condition = [_REPORTS.c.id == report_id]
    if before.version is not None:
        condition.append(_REPORTS.c.version == before.version)
    statement = (update(_REPORTS).where(*condition).values(version=_REPORTS.c.version + 1, **values)
                 .execution_options(**_NO_SYNC))
    result = cast("CursorResult[Any]", session.execute(statement))
    if result.rowcount == 1:
        if before.version is not None:
            return before.version + 1
        return int(session.execute(select(_REPORTS.c.version).where(_REPORTS.c.id == report_id)).scalar_one())
    theirs = get(session, report_id)  # UserError when it was deleted
    raise EditConflict(theirs, report_conflicts(before, theirs, after))


def _now() -> datetime:
    return datetime.now(UTC)


def _row(session: Session, report_id: int) -> ReportRow:
    row = session.get(ReportRow, report_id)
    if row is None:
        raise UserError(_not_found())
    return row


def _not_found() -> str:
    return _("The report no longer exists; it may have been deleted.")


def _execute_one(session: Session, statement: Executable, not_found: str) -> None:
    """Run an UPDATE or DELETE meant for one row; UserError(not_found) when the row is gone."""
    result = cast("CursorResult[Any]", session.execute(statement.execution_options(**_NO_SYNC)))
    if result.rowcount == 0:
        raise UserError(not_found)


def _upsert(session: Session, table: type[FigureRow | StatisticTextRow], report_id: int, key: str, value: Any) -> None:
    statement = _upsert_statement(session.get_bind().dialect.name, table)
    session.execute(statement, {"report_id": report_id, "key": key, "value": value})


@functools.cache
def _upsert_statement(dialect: str, table: type[FigureRow | StatisticTextRow]) -> Executable:
    """INSERT … ON CONFLICT (report_id, key) DO UPDATE SET value, built once: building it costs more than running it."""
    # SQLite and PostgreSQL spell it the same; SQLAlchemy builds it with the dialect's own insert().
    statement = importlib.import_module(f"sqlalchemy.dialects.{dialect}").insert(table)
    return cast(Executable, statement.on_conflict_do_update(
        index_elements=["report_id", "key"], set_={"value": statement.excluded.value}
    ))


def _fill(row: ReportRow, report: Report) -> None:
    """Copy the report's own fields (not its sections, statistics or targets) into row."""
    for column, value in _report_values(report).items():
        setattr(row, column, value)


def _report_values(report: Report) -> dict[str, Any]:
    """The report's own fields (not its sections, statistics or targets) by column of `reports`."""
    if report.organisation.id is None:
        raise ValueError("store the organisation before its report")
    settings = report.settings
    # The three signature columns are NULL together: the organisation's signature applies.
    signature = report.signature
    return {
        "organisation_id": report.organisation.id,
        "kind": report.kind.value,
        "year": report.year,
        "period_kind": report.period_kind.value,
        "number": report.number,
        "doc_type": report.doc_type,
        "issued_on": report.issued_on,
        "place": report.place,
        "term": report.term,
        "basis": report.basis,
        "title": report.title,
        "pad_counts": settings.pad_counts,
        "end_mark": settings.end_mark,
        "heading_style": settings.heading_style,
        "margins": settings.margins,
        "line_spacing_pt": settings.line_spacing_pt,
        "annexes": settings.annexes,
        "keep_empty_sections": settings.keep_empty_sections,
        "tone_style": settings.tone_style.value,
        "signature_authority": None if signature is None else signature.authority,
        "signature_position": None if signature is None else signature.position,
        "signature_name": None if signature is None else signature.name,
        "recipients": None if report.recipients is None else list(report.recipients),
        "status": report.status.value,
        "roster_in_use": report.roster.in_use,
        "roster_annex": report.roster.annex,
        "roster_export": report.roster.export,
    }


def _add_contents(session: Session, report_id: int, report: Report) -> None:
    """Insert the sections with their entries, the statistics and the targets of report under report_id."""
    _add_sections(session, report_id, None, report.sections)
    figures, texts = stat_keys.flatten(report.stats)
    rows: list[tuple[Table, list[dict[str, Any]]]] = [
        (_FIGURES, [{"report_id": report_id, "key": k, "value": v} for k, v in figures.items()]),
        (_TEXTS, [{"report_id": report_id, "key": k, "value": v} for k, v in texts.items()]),
        (_TARGETS, [
            _target_values(report_id, period, position, target)
            for period, targets in (("current", report.targets), ("next", report.next_targets))
            for position, target in enumerate(targets)
        ]),
    ]
    for table, values in rows:
        if values:
            session.execute(insert(table), values)
    _add_roster(session, report_id, report.roster.members)


def _add_roster(session: Session, report_id: int, members: list[Member]) -> None:
    values = [{"report_id": report_id, "position": position, "name": m.name, "status": m.status.value,
               "sex": m.sex.value, "admitted_on": m.admitted_on, "rating": None if m.rating is None else m.rating.value,
               "exemplary": m.exemplary, "birth_year": m.birth_year, "theory_level": m.theory_level, "badge": m.badge}
              for position, m in enumerate(members)]
    if values:
        session.execute(insert(_ROSTER), values)


def _load_roster(session: Session, report_id: int) -> list[Member]:
    rows = session.execute(select(RosterMemberRow).where(RosterMemberRow.report_id == report_id)
                           .order_by(RosterMemberRow.position)).scalars()
    return [Member(r.name, MemberStatus(r.status), Sex(r.sex), r.admitted_on,
                   None if r.rating is None else Level(r.rating), r.exemplary, r.birth_year, r.theory_level, r.badge)
            for r in rows]


def _add_sections(session: Session, report_id: int, parent_id: int | None, sections: list[Section],
                  first_position: int = 0) -> None:
    """Insert sections (with their entries and subtrees) under parent_id, from first_position on."""
    for position, section in enumerate(sections, first_position):
        _add_section(session, report_id, parent_id, position, section)


def _add_section(session: Session, report_id: int, parent_id: int | None, position: int, section: Section) -> int:
    """Insert one section with its entries and subtree; return its id."""
    values = {"report_id": report_id, "parent_id": parent_id, "position": position, **_section_values(section)}
    section_id = int(session.execute(insert(_SECTIONS).values(values).returning(_SECTIONS.c.id)).scalar_one())
    if section.entries:
        session.execute(insert(_ENTRIES), [
            {"section_id": section_id, "position": position, **_entry_values(entry)}
            for position, entry in enumerate(section.entries)
        ])
    _add_sections(session, report_id, section_id, section.children)
    return section_id


def _section_values(section: Section) -> dict[str, Any]:
    return {"key": section.key, "title": section.title, "enabled": section.enabled}


def _entry_values(entry: Entry) -> dict[str, Any]:
    return {"kind": entry.kind.value, "text": entry.text, "source": entry.source, "state": entry.state.value,
            "basis": entry.basis}


def _save_statistics(session: Session, report_id: int, before: Report, after: Report) -> None:
    """Upsert the statistics whose stored value changed and delete those no longer stored."""
    missing = object()
    (figures_before, texts_before), (figures_after, texts_after) = (
        stat_keys.flatten(before.stats), stat_keys.flatten(after.stats)
    )
    tables: list[tuple[type[FigureRow | StatisticTextRow], dict[str, Any], dict[str, Any]]] = [
        (FigureRow, figures_before, figures_after), (StatisticTextRow, texts_before, texts_after),
    ]
    for table, old, new in tables:
        gone = old.keys() - new.keys()
        if gone:
            session.execute(
                sql_delete(table).where(table.report_id == report_id, table.key.in_(sorted(gone)))
                .execution_options(**_NO_SYNC)
            )
        for key, value in new.items():
            if old.get(key, missing) != value:
                _upsert(session, table, report_id, key, value)


def _save_targets(session: Session, report_id: int, period: str, before: list[Target], after: list[Target]) -> None:
    """Update the targets of period that changed at their position, insert the new ones, delete the surplus."""
    if len(before) == len(after) and all(
        a == b and str(a.value) == str(b.value) and str(a.result) == str(b.result)
        for a, b in zip(before, after, strict=True)
    ):
        return  # the common case, checked without building the rows
    old = [_target_values(report_id, period, position, target) for position, target in enumerate(before)]
    new = [_target_values(report_id, period, position, target) for position, target in enumerate(after)]
    where = (_TARGETS.c.report_id == report_id, _TARGETS.c.period == period)
    changed = [values for values, was in zip(new, old, strict=False) if values != was]
    if changed:
        session.execute(
            update(_TARGETS).where(*where, _TARGETS.c.position == bindparam("at")),
            [{**values, "at": values["position"]} for values in changed],
        )
    if len(new) > len(old):
        session.execute(insert(_TARGETS), new[len(old):])
    elif len(old) > len(new):
        session.execute(sql_delete(_TARGETS).where(*where, _TARGETS.c.position >= len(new)))


def _paths(sections: list[Section]) -> dict[tuple[str, ...], tuple[int, Section]] | None:
    """Every section by its key path, with its position among its siblings; None when keys repeat among siblings."""
    paths: dict[tuple[str, ...], tuple[int, Section]] = {}

    def walk(siblings: list[Section], prefix: tuple[str, ...]) -> bool:
        for position, section in enumerate(siblings):
            path = (*prefix, section.key)
            if path in paths:
                return False
            paths[path] = (position, section)
            if not walk(section.children, path):
                return False
        return True

    return paths if walk(sections, ()) else None


def _stored_paths(session: Session, report_id: int) -> dict[tuple[str, ...], int]:
    """The id of every stored section of the report by its key path."""
    rows = session.execute(
        select(_SECTIONS.c.id, _SECTIONS.c.parent_id, _SECTIONS.c.key).where(_SECTIONS.c.report_id == report_id)
    ).all()
    by_id = {id_: (parent_id, key) for id_, parent_id, key in rows}

    def path(id_: int) -> tuple[str, ...]:
        parent_id, key = by_id[id_]
        return (key,) if parent_id is None else (*path(parent_id), key)

    return {path(id_): id_ for id_ in by_id}


def _save_sections(session: Session, report_id: int, before: list[Section], after: list[Section]) -> None:
    """Write the outline changes between before and after: sections matched by key path, entries by position."""
    old, new = _paths(before), _paths(after)
    if old is not None and new is not None:
        changed = _changed_paths(old, new)
        if changed is None:
            return
        ids = _stored_paths(session, report_id)
        if ids.keys() == old.keys():
            _apply_section_changes(session, report_id, ids, old, new, changed)
            return
        log.warning("report %s: stored outline differs from the last saved one; rewriting it", report_id)
    # Keys repeat among siblings, or the database holds another outline: rewrite the outline whole.
    session.execute(sql_delete(_SECTIONS).where(_SECTIONS.c.report_id == report_id))
    _add_sections(session, report_id, None, after)


Paths = dict[tuple[str, ...], tuple[int, Section]]


def _changed_paths(old: Paths, new: Paths) -> list[tuple[str, ...]] | None:
    """The key paths, in outline order, of the sections added, moved or changed (entries included) in new;
    None when nothing changed, not even a section removed."""
    changed = [path for path, (position, section) in new.items()
               if path not in old or _section_differs(*old[path], position, section)]
    return changed if changed or old.keys() - new.keys() else None


def _section_differs(was_position: int, was: Section, position: int, section: Section) -> bool:
    return (position != was_position or section.title != was.title or section.enabled != was.enabled
            or _entry_rows(was.entries) != _entry_rows(section.entries))


def _entry_rows(entries: list[Entry]) -> list[tuple[Any, ...]]:
    """What is stored of each entry (not its id), for comparing."""
    return [(e.kind, e.text, e.source, e.state, e.basis) for e in entries]


def _apply_section_changes(session: Session, report_id: int, ids: dict[tuple[str, ...], int],
                           old: Paths, new: Paths, changed: list[tuple[str, ...]]) -> None:
    gone = [ids[path] for path in old.keys() - new.keys()]
    if gone:
        # Their entries and subsections go with them (ON DELETE CASCADE).
        session.execute(sql_delete(_SECTIONS).where(_SECTIONS.c.id.in_(gone)))
    # In outline order: a parent is inserted before its children.
    for path in changed:
        position, section = new[path]
        if path not in old:
            parent = path[:-1]
            if not parent or parent in old:  # else inside a section added just now, with it
                ids[path] = _add_section(session, report_id, ids[parent] if parent else None, position, section)
            continue
        was_position, was = old[path]
        values = _section_values(section)
        if position != was_position or values != _section_values(was):
            session.execute(update(_SECTIONS).where(_SECTIONS.c.id == ids[path]).values(position=position, **values))
        _save_entries(session, ids[path], was.entries, section.entries)


def _save_entries(session: Session, section_id: int, before: list[Entry], after: list[Entry]) -> None:
    """Update the entries that changed at their position, insert the new ones, delete the surplus."""
    old, new = _entry_rows(before), _entry_rows(after)
    if old == new:
        return
    changed = [{**_entry_values(after[position]), "at": position}
               for position, (row, was) in enumerate(zip(new, old, strict=False)) if row != was]
    if changed:
        session.execute(
            update(_ENTRIES).where(_ENTRIES.c.section_id == section_id, _ENTRIES.c.position == bindparam("at")),
            changed,
        )
    if len(new) > len(old):
        session.execute(insert(_ENTRIES), [
            {"section_id": section_id, "position": position, **_entry_values(entry)}
            for position, entry in enumerate(after[len(old):], len(old))
        ])
    elif len(old) > len(new):
        session.execute(sql_delete(_ENTRIES).where(_ENTRIES.c.section_id == section_id,
                                                   _ENTRIES.c.position >= len(new)))


def _target_values(report_id: int, period: str, position: int, target: Target) -> dict[str, Any]:
    return {
        "report_id": report_id,
        "period": period,
        "position": position,
        "label": target.label,
        "value": str(target.value),
        "unit": target.unit,
        "is_percent": target.is_percent,
        "comparator": target.comparator.value,
        "result": None if target.result is None else str(target.result),
    }


def _load_sections(session: Session, report_id: int) -> list[Section]:
    """The outline tree of the report, with entries, in stored order."""
    rows = session.execute(
        select(SectionRow.id, SectionRow.parent_id, SectionRow.key, SectionRow.title, SectionRow.enabled)
        .where(SectionRow.report_id == report_id)
        .order_by(SectionRow.position)
    )
    by_id: dict[int, Section] = {}
    top: list[Section] = []
    # Rows come by position, so appending keeps each parent's children in order; a parent
    # may come after its child, hence the second pass.
    parents: list[tuple[int | None, Section]] = []
    for id_, parent_id, key, title, enabled in rows:
        section = by_id[id_] = Section(key=key, title=title, enabled=enabled, id=id_)
        parents.append((parent_id, section))
    for parent_id, section in parents:
        (top if parent_id is None else by_id[parent_id].children).append(section)
    entries = session.execute(
        select(EntryRow.id, EntryRow.section_id, EntryRow.kind, EntryRow.text, EntryRow.source, EntryRow.state,
               EntryRow.basis)
        .join(SectionRow, EntryRow.section_id == SectionRow.id)
        .where(SectionRow.report_id == report_id)
        .order_by(EntryRow.position)
    )
    for id_, section_id, kind, text, source, state, basis in entries:
        by_id[section_id].entries.append(
            Entry(text=text, kind=EntryKind(kind), id=id_, source=source, state=EntryState(state), basis=basis)
        )
    return top


def year_end_targets(session: Session, organisation_id: int) -> list[tuple[Period, list[Target]]]:
    """The period and the targets (with results) of each year-end report of an organisation, the most recently
    changed last."""
    rows = session.execute(
        select(ReportRow.id, ReportRow.year, ReportRow.term, ReportRow.period_kind)
        .where(ReportRow.organisation_id == organisation_id, ReportRow.kind == ReportKind.YEAR_END.value)
        .order_by(ReportRow.updated_at, ReportRow.id)
    ).all()
    return [(Period(period_kind_of(ReportKind.YEAR_END, PeriodKind(period_kind)), year, term),
             _load_targets(session, id_)[0]) for id_, year, term, period_kind in rows]


def _load_targets(session: Session, report_id: int) -> tuple[list[Target], list[Target]]:
    """This period's targets and the next period's."""
    lists: dict[str, list[Target]] = {"current": [], "next": []}
    rows = session.scalars(select(TargetRow).where(TargetRow.report_id == report_id).order_by(TargetRow.position))
    for row in rows:
        lists[row.period].append(Target(
            label=row.label,
            value=Decimal(row.value),
            unit=row.unit,
            is_percent=row.is_percent,
            comparator=Comparator(row.comparator),
            result=None if row.result is None else Decimal(row.result),
        ))
    return lists["current"], lists["next"]
