"""The database the GUI and the CLI share: open it once, then pass it to every service function."""

from __future__ import annotations

from pathlib import Path

from app.storage import db
from app.storage.db import DamagedDatabaseError, Database

__all__ = ["DamagedDatabaseError", "Database", "backup_time", "open_sessions", "restore_backup", "start_empty"]

backup_time = db.backup_time


def open_sessions(url: str | None = None) -> Database:
    """The user's database (or the one at url), upgraded to the newest schema; UserError when it cannot be used.

    A damaged file raises DamagedDatabaseError and is left as it was; restore_backup() or start_empty() recover.
    Tell the user the Database's notices (a damaged log set aside). Service functions take it as `sessions` and
    run each action in `with sessions.begin() as session:`. Close it with close() when the application quits.
    """
    return db.open_database(url)


def restore_backup(url: str | None, backup: Path) -> Database:
    """Set the damaged database aside (renamed with the time, never deleted), copy backup in its place, open it."""
    return db.restore_backup(url, backup)


def start_empty(url: str | None) -> Database:
    """Set the damaged database aside (renamed with the time, never deleted) and open a new, empty one."""
    return db.start_empty(url)
