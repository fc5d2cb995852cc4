"""Presence rows: which windows have which report open, timed by the database server's own clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.domain.presence import Presence
from app.storage.tables import PresenceRow


def server_now(session: Session) -> datetime:
    """The database server's clock (UTC, aware): every PC compares heartbeats on it, whatever its own clock says.

    On SQLite the "server" is this computer, which is all a single-user file has.
    """
    value = session.execute(select(func.current_timestamp())).scalar_one()
    if isinstance(value, str):  # SQLite gives CURRENT_TIMESTAMP as text, "YYYY-MM-DD HH:MM:SS" in UTC
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def beat(session: Session, session_id: str, report_id: int, user_name: str, machine: str) -> datetime:
    """Record that the window session_id has report_id open now (server time, which is returned)."""
    now = server_now(session)
    row = session.get(PresenceRow, session_id)
    if row is None:
        session.add(PresenceRow(session_id=session_id, report_id=report_id, user_name=user_name, machine=machine,
                                seen_at=now))
    else:
        row.report_id, row.user_name, row.machine, row.seen_at = report_id, user_name, machine, now
    session.flush()
    return now


def others(session: Session, report_id: int, session_id: str, timeout: float) -> list[Presence]:
    """The other windows on report_id heard from within timeout seconds (server time), by name."""
    cutoff = server_now(session) - timedelta(seconds=timeout)
    rows = session.scalars(
        select(PresenceRow)
        .where(PresenceRow.report_id == report_id, PresenceRow.session_id != session_id, PresenceRow.seen_at >= cutoff)
        .order_by(PresenceRow.user_name, PresenceRow.machine, PresenceRow.session_id)
    )
    return [Presence(row.session_id, row.user_name, row.machine) for row in rows]


def leave(session: Session, session_id: str) -> None:
    """Forget the window session_id (it closed the report)."""
    session.execute(delete(PresenceRow).where(PresenceRow.session_id == session_id))


def forget_stale(session: Session, older_than: float) -> int:
    """Delete the rows not heard from for older_than seconds (killed windows); how many."""
    cutoff = server_now(session) - timedelta(seconds=older_than)
    result = session.execute(delete(PresenceRow).where(PresenceRow.seen_at < cutoff))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]
