"""The database the GUI and the CLI share: open it once, then pass it to every service function."""

from __future__ import annotations

from app.storage.db import Database, open_database

__all__ = ["Database", "open_sessions"]


def open_sessions(url: str | None = None) -> Database:
    """The user's database (or the one at url), upgraded to the newest schema; UserError when it cannot be used.

    Service functions take it as `sessions` and run each action in `with sessions.begin() as session:`.
    Close it with close() when the application quits.
    """
    return open_database(url)
