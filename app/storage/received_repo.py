"""Sub-units' reports received by their parent, the parent's ratings of them, and the record of a roll-up.

Functions take a Session, never commit, and return plain values or domain objects.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from app.domain.consolidation import ReceivedReport
from app.storage.tables import ConsolidationRow, ReceivedReportRow, SubUnitRatingRow


def add(session: Session, *, parent_id: int, unit_id: int, kind: str, year: int, file_name: str, data: str,
        errors: int, when: datetime) -> int:
    """Store a received report as the unit's current one for the period; its earlier ones become history."""
    session.execute(update(ReceivedReportRow)
                    .where(ReceivedReportRow.unit_id == unit_id, ReceivedReportRow.kind == kind,
                           ReceivedReportRow.year == year)
                    .values(is_current=False))
    row = ReceivedReportRow(parent_id=parent_id, unit_id=unit_id, kind=kind, year=year, file_name=file_name,
                            received_at=when, data=data, errors=errors, is_current=True)
    session.add(row)
    session.flush()
    return row.id


def current(session: Session, parent_id: int, kind: str, year: int) -> list[ReceivedReport]:
    """The current report of each sub-unit that sent one to parent_id for the period."""
    rows = session.scalars(select(ReceivedReportRow).where(
        ReceivedReportRow.parent_id == parent_id, ReceivedReportRow.kind == kind, ReceivedReportRow.year == year,
        ReceivedReportRow.is_current.is_(True)).order_by(ReceivedReportRow.id))
    return [_domain(row) for row in rows]


def history(session: Session, unit_id: int, kind: str, year: int) -> list[ReceivedReport]:
    """Every report the unit sent for the period, newest first (the current one first)."""
    rows = session.scalars(select(ReceivedReportRow).where(
        ReceivedReportRow.unit_id == unit_id, ReceivedReportRow.kind == kind, ReceivedReportRow.year == year)
        .order_by(ReceivedReportRow.id.desc()))
    return [_domain(row) for row in rows]


def make_current(session: Session, received_id: int) -> ReceivedReport | None:
    """Make the received report received_id its unit's current one for its period again (the others of that unit
    and period become history); None when there is no such report."""
    row = session.get(ReceivedReportRow, received_id)
    if row is None:
        return None
    session.execute(update(ReceivedReportRow)
                    .where(ReceivedReportRow.unit_id == row.unit_id, ReceivedReportRow.kind == row.kind,
                           ReceivedReportRow.year == row.year, ReceivedReportRow.id != received_id)
                    .values(is_current=False))
    row.is_current = True
    session.flush()
    return _domain(row)


def ratings(session: Session, unit_ids: list[int], kind: str, year: int) -> dict[int, tuple[str | None, bool]]:
    """The stored (level value or None, exemplary) of each of unit_ids for the period; unrated units are absent."""
    rows = session.scalars(select(SubUnitRatingRow).where(
        SubUnitRatingRow.unit_id.in_(unit_ids), SubUnitRatingRow.kind == kind, SubUnitRatingRow.year == year))
    return {row.unit_id: (row.level, row.exemplary) for row in rows}


def set_rating(session: Session, unit_id: int, kind: str, year: int, level: str | None,
               exemplary: bool = False) -> None:
    """Store the parent's rating of unit_id for the period (None: not rated) and whether it is exemplary."""
    session.execute(delete(SubUnitRatingRow).where(
        SubUnitRatingRow.unit_id == unit_id, SubUnitRatingRow.kind == kind, SubUnitRatingRow.year == year))
    session.add(SubUnitRatingRow(unit_id=unit_id, kind=kind, year=year, level=level, exemplary=exemplary))
    session.flush()


def save_consolidation(session: Session, report_id: int, when: datetime, parts: list[dict[str, Any]],
                       trace: dict[str, list[tuple[str, int]]] | None = None,
                       sums: dict[str, int] | None = None) -> None:
    """Record that report_id was rolled up at when from parts, with each figure's trace and rolled-up value
    (replacing an earlier roll-up's record)."""
    session.execute(delete(ConsolidationRow).where(ConsolidationRow.report_id == report_id))
    session.add(ConsolidationRow(report_id=report_id, consolidated_at=when, parts=parts,
                                 trace=None if trace is None else {k: [list(p) for p in v] for k, v in trace.items()},
                                 sums=sums))
    session.flush()


def consolidation(session: Session, report_id: int) -> tuple[datetime, list[dict[str, Any]]] | None:
    """When report_id was last rolled up and the parts then; None when it never was."""
    row = session.get(ConsolidationRow, report_id)
    return None if row is None else (row.consolidated_at, list(row.parts))


def consolidation_trace(session: Session, report_id: int) -> tuple[dict[str, list[tuple[str, int]]],
                                                                   dict[str, int]] | None:
    """The trace and the rolled-up value of each figure of report_id's last roll-up; None when it was never rolled
    up, or before they were kept (migration 0011)."""
    row = session.get(ConsolidationRow, report_id)
    if row is None or row.trace is None or row.sums is None:
        return None
    trace = {path: [(str(name), int(value)) for name, value in parts] for path, parts in row.trace.items()}
    return trace, {path: int(value) for path, value in row.sums.items()}


def _domain(row: ReceivedReportRow) -> ReceivedReport:
    return ReceivedReport(id=row.id, unit_id=row.unit_id, file_name=row.file_name, received_at=row.received_at,
                          data=row.data, errors=row.errors, is_current=row.is_current)
