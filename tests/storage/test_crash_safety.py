"""A process killed in the middle of autosaving leaves a sound database holding every committed value."""

from __future__ import annotations

import contextlib
import sqlite3
import subprocess
import sys
from pathlib import Path

from app.paths import default_database_path
from app.services import reports
from app.storage.db import open_database

ROOT = Path(__file__).resolve().parents[2]

# Autosaves badge counts one by one, printing each value once its transaction has committed.
WRITER = """
import copy
import sys
from app.services import reports, sessions

database = sessions.open_sessions()
report_id = int(sys.argv[1])
saved = reports.get_report(database, report_id)
for value in range(1, 1_000_000):
    edited = copy.deepcopy(saved)
    edited.stats.membership.badges[value] = value
    reports.save_changes(database, report_id, saved, edited)
    saved = edited
    print(value, flush=True)
"""

COMMITS_BEFORE_KILL = 300


def test_killing_the_writer_mid_autosave_loses_nothing_committed(database, stored_demo):
    database.close()
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(stored_demo)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    committed: list[int] = []
    try:
        for line in writer.stdout:
            committed.append(int(line))
            if len(committed) == COMMITS_BEFORE_KILL:
                writer.kill()  # SIGKILL: no cleanup, no checkpoint, possibly inside a transaction
                break
        committed.extend(int(line) for line in writer.stdout)  # printed before the kill landed
    finally:
        writer.kill()
        writer.wait()
        stderr = writer.stderr.read()
        writer.stdout.close()
        writer.stderr.close()
    assert len(committed) >= COMMITS_BEFORE_KILL, stderr

    with contextlib.closing(sqlite3.connect(default_database_path())) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    with open_database() as reopened:
        badges = reports.get_report(reopened, stored_demo).stats.membership.badges
    assert all(badges.get(value) == value for value in committed)
