"""Who else has the same report open: each window beats a heartbeat and reads the others' (issue: office mode).

A window picks a session id once (new_session_id), then every HEARTBEAT seconds calls beat() for the report it
shows, which records it and returns the other windows heard from within TIMEOUT seconds; it calls leave() when it
closes the report. A killed window simply stops beating and drops out after TIMEOUT. All times are the database
server's, so the clocks of the PCs never matter. On a single-user SQLite file nobody else ever shows.
"""

from __future__ import annotations

from app.domain.presence import HEARTBEAT, TIMEOUT, Presence, new_session_id, this_computer, this_user
from app.storage import presence_repo
from app.storage.db import Database

__all__ = ["HEARTBEAT", "TIMEOUT", "Presence", "beat", "leave", "new_session_id", "this_computer", "this_user"]

# Rows this old are deleted when a window beats: a killed window's row, long after it stopped counting.
FORGET_AFTER = 24 * 3600.0


def beat(sessions: Database, session_id: str, report_id: int, user_name: str, machine: str,
         timeout: float = TIMEOUT) -> list[Presence]:
    """Say that window session_id has report_id open; return the other windows on it heard from within timeout s."""
    with sessions.begin() as session:
        presence_repo.beat(session, session_id, report_id, user_name, machine)
        presence_repo.forget_stale(session, FORGET_AFTER)
        return presence_repo.others(session, report_id, session_id, timeout)


def leave(sessions: Database, session_id: str) -> None:
    """The window session_id closed its report: others stop seeing it at once."""
    with sessions.begin() as session:
        presence_repo.leave(session, session_id)
