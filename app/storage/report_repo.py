"""Reports in the database: whole-report reads and writes, and the one-field writes of autosave.

Functions take a Session, never commit, and return domain objects. Every write sets reports.updated_at.
Sections and entries come back with their row ids (Section.id, Entry.id), which the autosave functions take;
add and replace write new rows, so the ids of a report change after replace.
"""

from __future__ import annotations

import functools
import importlib
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Executable, insert, select, update
from sqlalchemy import delete as sql_delete
from sqlalchemy.orm import Session

from app.domain.errors import UserError
from app.domain.organisation import Signature
from app.domain.report import (
    Entry,
    EntryKind,
    Report,
    ReportKind,
    ReportStatus,
    Section,
    Settings,
)
from app.domain.targets import Comparator, Target
from app.i18n import _
from app.storage import org_repo, stat_keys
from app.storage.tables import (
    EntryRow,
    FigureRow,
    OrganisationRow,
    ReportRow,
    SectionRow,
    StatisticTextRow,
    TargetRow,
)

# No ORM bookkeeping for the one-row UPDATE/DELETE statements: these functions load no rows.
_NO_SYNC = {"synchronize_session": False}


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


def add(session: Session, report: Report) -> int:
    """Insert the whole report (its ids are ignored) for its already stored organisation; return the new id."""
    now = _now()
    row = ReportRow(created_at=now, updated_at=now)
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
    texts = dict(
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
                          margins=row.margins, line_spacing_pt=row.line_spacing_pt, annexes=row.annexes),
        signature=signature,
        recipients=None if row.recipients is None else list(row.recipients),
        status=ReportStatus(row.status),
        id=row.id,
        updated_at=row.updated_at,
    )


def list_summaries(session: Session, organisation_id: int | None = None) -> list[ReportSummary]:
    """Every report (of one organisation when given), most recently changed first."""
    query = (
        select(
            ReportRow.id, ReportRow.organisation_id, OrganisationRow.name, ReportRow.year,
            ReportRow.kind, ReportRow.status, ReportRow.updated_at,
        )
        .join(OrganisationRow, ReportRow.organisation_id == OrganisationRow.id)
        .order_by(ReportRow.updated_at.desc(), ReportRow.id.desc())
    )
    if organisation_id is not None:
        query = query.where(ReportRow.organisation_id == organisation_id)
    return [
        ReportSummary(id_, org_id, name, year, ReportKind(kind), ReportStatus(status), updated_at)
        for id_, org_id, name, year, kind, status, updated_at in session.execute(query)
    ]


def replace(session: Session, report_id: int, report: Report) -> None:
    """Overwrite the stored report with report's contents; its sections and entries get new ids."""
    row = _row(session, report_id)
    _fill(row, report)
    row.updated_at = _now()
    # Entries go with their sections (ON DELETE CASCADE).
    for table in (SectionRow, FigureRow, StatisticTextRow, TargetRow):
        session.execute(sql_delete(table).where(table.report_id == report_id).execution_options(**_NO_SYNC))
    _add_contents(session, report_id, report)


def delete(session: Session, report_id: int) -> None:
    """Delete the report with everything in it."""
    _execute_one(session, sql_delete(ReportRow).where(ReportRow.id == report_id), _not_found())


def set_figure(session: Session, report_id: int, key: str, value: int) -> datetime:
    """Store one integer statistic under its dotted key and return the report's new updated_at.

    A 0 in an open map ("membership.badges.45") removes the entry, so it is not printed.
    Raises ValueError for a key that is not an integer statistic.
    """
    stat_keys.check_figure(key, value)
    updated_at = _touch(session, report_id)
    if value == 0 and stat_keys.is_map_key(key):
        session.execute(
            sql_delete(FigureRow).where(FigureRow.report_id == report_id, FigureRow.key == key).execution_options(**_NO_SYNC)
        )
    else:
        _upsert(session, FigureRow, report_id, key, value)
    return updated_at


def set_text_statistic(session: Session, report_id: int, key: str, value: Any) -> datetime:
    """Store one non-integer statistic ("party_life.annual_theme") and return the report's new updated_at.

    Raises ValueError for a key that is not such a statistic or a value of the wrong type.
    """
    stat_keys.check_text(key, value)
    updated_at = _touch(session, report_id)
    _upsert(session, StatisticTextRow, report_id, key, value)
    return updated_at


def set_entry_text(session: Session, entry_id: int, text: str) -> datetime:
    """Replace the text of one entry and return its report's new updated_at."""
    _execute_one(
        session,
        update(EntryRow).where(EntryRow.id == entry_id).values(text=text),
        _("This paragraph no longer exists; reload the report."),
    )
    report_id = (
        select(SectionRow.report_id)
        .join(EntryRow, EntryRow.section_id == SectionRow.id)
        .where(EntryRow.id == entry_id)
        .scalar_subquery()
    )
    updated_at = _now()
    session.execute(
        update(ReportRow).where(ReportRow.id == report_id).values(updated_at=updated_at).execution_options(**_NO_SYNC)
    )
    return updated_at


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
    if session.execute(statement.execution_options(**_NO_SYNC)).rowcount == 0:
        raise UserError(not_found)


def _touch(session: Session, report_id: int) -> datetime:
    """Set the report's updated_at to now and return it; UserError when the report is gone."""
    updated_at = _now()
    _execute_one(session, update(ReportRow).where(ReportRow.id == report_id).values(updated_at=updated_at), _not_found())
    return updated_at


def _upsert(session: Session, table: type[FigureRow | StatisticTextRow], report_id: int, key: str, value: Any) -> None:
    statement = _upsert_statement(session.get_bind().dialect.name, table)
    session.execute(statement, {"report_id": report_id, "key": key, "value": value})


@functools.cache
def _upsert_statement(dialect: str, table: type[FigureRow | StatisticTextRow]) -> Executable:
    """INSERT … ON CONFLICT (report_id, key) DO UPDATE SET value, built once: building it costs more than running it."""
    # SQLite and PostgreSQL spell it the same; SQLAlchemy builds it with the dialect's own insert().
    statement = importlib.import_module(f"sqlalchemy.dialects.{dialect}").insert(table)
    return statement.on_conflict_do_update(
        index_elements=["report_id", "key"], set_={"value": statement.excluded.value}
    )


def _fill(row: ReportRow, report: Report) -> None:
    """Copy the report's own fields (not its sections, statistics or targets) into row."""
    if report.organisation.id is None:
        raise ValueError("store the organisation before its report")
    row.organisation_id = report.organisation.id
    row.kind = report.kind.value
    row.year = report.year
    row.number = report.number
    row.doc_type = report.doc_type
    row.issued_on = report.issued_on
    row.place = report.place
    row.term = report.term
    row.basis = report.basis
    row.title = report.title
    row.pad_counts = report.settings.pad_counts
    row.end_mark = report.settings.end_mark
    row.heading_style = report.settings.heading_style
    row.margins = report.settings.margins
    row.line_spacing_pt = report.settings.line_spacing_pt
    row.annexes = report.settings.annexes
    # The three signature columns are NULL together: the organisation's signature applies.
    signature = report.signature
    row.signature_authority = None if signature is None else signature.authority
    row.signature_position = None if signature is None else signature.position
    row.signature_name = None if signature is None else signature.name
    row.recipients = None if report.recipients is None else list(report.recipients)
    row.status = report.status.value


def _add_contents(session: Session, report_id: int, report: Report) -> None:
    """Insert the sections with their entries, the statistics and the targets of report under report_id."""

    def add_section(section: Section, parent: SectionRow | None, position: int) -> None:
        row = SectionRow(
            report_id=report_id, parent=parent, position=position,
            key=section.key, title=section.title, enabled=section.enabled,
            entries=[
                EntryRow(position=index, kind=entry.kind.value, text=entry.text)
                for index, entry in enumerate(section.entries)
            ],
        )
        session.add(row)
        for index, child in enumerate(section.children):
            add_section(child, row, index)

    for index, section in enumerate(report.sections):
        add_section(section, None, index)
    figures, texts = stat_keys.flatten(report.stats)
    rows: list[tuple[type[Any], list[dict[str, Any]]]] = [
        (FigureRow, [{"report_id": report_id, "key": k, "value": v} for k, v in figures.items()]),
        (StatisticTextRow, [{"report_id": report_id, "key": k, "value": v} for k, v in texts.items()]),
        (TargetRow, [
            _target_values(report_id, period, position, target)
            for period, targets in (("current", report.targets), ("next", report.next_targets))
            for position, target in enumerate(targets)
        ]),
    ]
    for table, values in rows:
        if values:
            session.execute(insert(table), values)
    session.flush()


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
        select(EntryRow.id, EntryRow.section_id, EntryRow.kind, EntryRow.text)
        .join(SectionRow, EntryRow.section_id == SectionRow.id)
        .where(SectionRow.report_id == report_id)
        .order_by(EntryRow.position)
    )
    for id_, section_id, kind, text in entries:
        by_id[section_id].entries.append(Entry(text=text, kind=EntryKind(kind), id=id_))
    return top


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
