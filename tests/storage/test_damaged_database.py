"""Damaged database files: noticed at open by SQLite's quick_check, never written to, and set aside on recovery."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

import pytest

from app.domain.errors import UserError
from app.paths import default_database_path
from app.storage import db, org_repo, report_repo
from app.storage.db import DamagedDatabaseError, backup_database, backups_dir, open_database


def fill(demo) -> Path:
    """The user's database holding the demo report five times, closed; its path."""
    database = open_database()
    with database.begin() as session:
        demo.organisation.id = org_repo.add(session, demo.organisation)
        for _ in range(5):
            report_repo.add(session, demo)
    database.close()
    return default_database_path()


def flip_middle(path: Path) -> None:
    """Invert 200 bytes at the start of the middle page of the entries table, as a failing disk or a bad copy might.

    The start of a page is its b-tree header, which SQLite's check reads; bytes flipped inside stored text
    can go unnoticed, since SQLite keeps no page checksums. A page of the entries table is one every reading of a
    report touches (the middle page of the file may be the empty root of a table nothing reads).
    """
    with contextlib.closing(sqlite3.connect(path)) as connection:
        pages = [page for (page,) in connection.execute(
            "SELECT pageno FROM dbstat WHERE name = 'entries' ORDER BY pageno")]
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big") or 65536
    middle = (pages[len(pages) // 2] - 1) * page_size
    data[middle:middle + 200] = bytes(b ^ 0xFF for b in data[middle:middle + 200])
    path.write_bytes(bytes(data))


def truncate_half(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[:len(data) // 2])


def count_reports(path: Path) -> int:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        return connection.execute("SELECT count(*) FROM reports").fetchone()[0]


@pytest.mark.parametrize("damage", [flip_middle, truncate_half], ids=["flipped-bytes", "truncated"])
def test_a_damaged_database_is_refused_at_open_and_not_written_to(demo, damage):
    path = fill(demo)
    damage(path)
    damaged = path.read_bytes()

    with pytest.raises(DamagedDatabaseError) as raised:
        open_database()

    assert raised.value.path == path
    assert str(path) in raised.value.message
    assert path.read_bytes() == damaged
    assert not Path(f"{path}-wal").exists() or Path(f"{path}-wal").stat().st_size == 0


def test_the_damage_message_offers_the_newest_backup_that_is_intact(demo):
    path = fill(demo)
    older = backup_database(path, label="0001")
    newest = backup_database(path, label="0002")
    flip_middle(newest)  # a backup can be damaged too: it is not offered
    flip_middle(path)

    with pytest.raises(DamagedDatabaseError) as raised:
        open_database()

    assert raised.value.backup == older
    assert str(older) in raised.value.message


def test_a_damaged_database_without_backups_says_there_is_none(demo):
    flip_middle(fill(demo))

    with pytest.raises(DamagedDatabaseError) as raised:
        open_database()

    assert raised.value.backup is None
    assert not backups_dir().exists()


def test_a_file_that_starts_like_sqlite_but_has_a_damaged_header_is_damaged(demo):
    path = fill(demo)
    data = bytearray(path.read_bytes())
    data[16:24] = b"\xff" * 8  # page size and format bytes
    path.write_bytes(bytes(data))

    with pytest.raises(DamagedDatabaseError):
        open_database()


def test_a_garbage_wal_beside_a_good_file_is_set_aside_and_the_database_opens(demo):
    path = fill(demo)
    wal = Path(f"{path}-wal")
    garbage = bytes(range(256)) * 200
    wal.write_bytes(garbage)

    database = open_database()
    try:
        with database.begin() as session:
            assert len(report_repo.list_summaries(session)) == 5
        [notice] = database.notices
    finally:
        database.close()

    [kept] = path.parent.glob(f"{path.name}-wal.damaged-*")
    assert kept.read_bytes() == garbage
    assert str(kept) in notice


def test_restoring_the_newest_backup_keeps_the_damaged_file_aside(demo):
    path = fill(demo)
    backup = backup_database(path, label="0002")
    database = open_database()
    with database.begin() as session:
        report_repo.add(session, demo)  # a sixth report, not in the backup
    database.close()
    flip_middle(path)
    damaged = path.read_bytes()
    with pytest.raises(DamagedDatabaseError) as raised:
        open_database()

    restored = db.restore_backup(None, raised.value.backup)
    try:
        with restored.begin() as session:
            assert len(report_repo.list_summaries(session)) == 5
    finally:
        restored.close()

    assert raised.value.backup == backup
    [kept] = path.parent.glob("tongket-damaged-*.sqlite3")
    assert kept.read_bytes() == damaged
    assert any(str(kept) in notice for notice in restored.notices)
    assert backup.exists()


def test_starting_empty_keeps_the_damaged_file_aside(demo):
    path = fill(demo)
    truncate_half(path)
    damaged = path.read_bytes()

    fresh = db.start_empty(None)
    try:
        with fresh.begin() as session:
            assert report_repo.list_summaries(session) == []
    finally:
        fresh.close()

    [kept] = path.parent.glob("tongket-damaged-*.sqlite3")
    assert kept.read_bytes() == damaged


def test_a_damaged_backup_is_not_restored_and_nothing_is_moved(demo):
    path = fill(demo)
    backup = backup_database(path, label="0002")
    flip_middle(backup)
    flip_middle(path)
    damaged = path.read_bytes()

    with pytest.raises(DamagedDatabaseError):
        db.restore_backup(None, backup)

    assert path.read_bytes() == damaged
    assert not list(path.parent.glob("tongket-damaged-*"))


def test_damage_met_during_an_action_is_a_user_error_naming_the_file(demo):
    path = fill(demo)
    database = open_database()
    try:
        flip_middle(path)  # damaged while open, after the check
        with pytest.raises(DamagedDatabaseError) as raised:
            for _ in range(3):
                with database.begin() as session:
                    for summary in report_repo.list_summaries(session):
                        report_repo.get(session, summary.id)
        assert raised.value.path == path
    finally:
        database.close()


def test_a_header_sqlite_cannot_read_is_damaged_not_a_crash(demo):
    path = fill(demo)
    data = bytearray(path.read_bytes())
    data[28:228] = bytes(b ^ 0xFF for b in data[28:228])  # page count, schema format, encoding…
    path.write_bytes(bytes(data))

    with pytest.raises(DamagedDatabaseError):
        open_database()


def test_a_file_cut_inside_its_last_page_is_damaged(demo):
    path = fill(demo)
    path.write_bytes(path.read_bytes()[:-100])
    damaged = path.read_bytes()

    with pytest.raises(DamagedDatabaseError):
        open_database()
    assert path.read_bytes() == damaged


def test_a_log_of_another_database_beside_the_file_is_refused_without_writing_it_in(demo, tmp_path):
    path = fill(demo)
    other = tmp_path / "other.sqlite3"
    with contextlib.closing(sqlite3.connect(other)) as connection:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA wal_autocheckpoint = 0")
        connection.execute("CREATE TABLE contacts (name TEXT)")
        connection.executemany("INSERT INTO contacts VALUES (?)", [(str(i),) for i in range(2000)])
        connection.commit()
        Path(f"{path}-wal").write_bytes(Path(f"{other}-wal").read_bytes())
    before = path.read_bytes()

    with pytest.raises(UserError):
        open_database()

    assert path.read_bytes() == before
    assert count_reports_without_wal(path) == 5


def count_reports_without_wal(path: Path) -> int:
    """The reports in the main file alone, ignoring whatever -wal lies beside it."""
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)) as connection:
        return connection.execute("SELECT count(*) FROM reports").fetchone()[0]


def test_the_users_backups_are_not_offered_for_another_database_file(demo, tmp_path):
    backup_database(fill(demo), label="0002")
    other = tmp_path / "other.sqlite3"
    database = open_database(f"sqlite:///{other}")
    database.close()
    truncate_half(other)

    with pytest.raises(DamagedDatabaseError) as raised:
        open_database(f"sqlite:///{other}")

    assert raised.value.backup is None
