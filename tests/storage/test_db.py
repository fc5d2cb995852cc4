"""Opening the database: schema by migrations, SQLite pragmas, backup before upgrade, and files that are refused."""

from __future__ import annotations

import contextlib
import copy
import os
import sqlite3

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from app.domain.errors import UserError
from app.domain.report import Entry, EntryKind, EntryState
from app.paths import default_database_path
from app.storage import db, org_repo, report_repo
from app.storage.db import alembic_config, backup_database, backups_dir, head_revision, make_engine, open_database
from app.storage.tables import Base
from tests.storage.mounts import make_read_only, small_disk

TABLES = {"alembic_version", "organisations", "reports", "sections", "entries", "figures", "statistic_texts", "targets",
          "terms", "issued_numbers", "received_reports", "sub_unit_ratings", "consolidations", "roster_members",
          "presence"}


def query(path, sql: str) -> list[tuple]:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        return connection.execute(sql).fetchall()


def revision_of(path) -> list[tuple]:
    return query(path, "SELECT version_num FROM alembic_version")


def tables_of(path) -> set[str]:
    return {name for (name,) in query(path, "SELECT name FROM sqlite_master WHERE type = 'table'")}


def sqlite_code(error: UserError) -> int:
    """The primary SQLite result code behind a UserError."""
    cause = error.__cause__
    return getattr(cause, "orig", cause).sqlite_errorcode & 0xFF


def downgrade_to_base() -> None:
    """Take the user's database back to the empty schema, as an app version before 0001 would have left it."""
    engine = make_engine()
    with engine.connect() as connection, connection.begin():
        command.downgrade(alembic_config(connection), "base")
    engine.dispose()


@pytest.fixture
def database():
    """The user's SQLite file: this module checks the file itself (PostgreSQL's side is in test_postgresql.py)."""
    database = open_database()
    yield database
    database.close()


def test_new_database_is_created_at_the_newest_revision_by_the_migrations(database):
    with database.engine.connect() as connection:
        assert set(inspect(connection).get_table_names()) == TABLES
        # The hand-written migrations build exactly what tables.py declares.
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []
    assert revision_of(default_database_path()) == [(head_revision(),)]
    assert not backups_dir().exists()


def test_every_connection_uses_wal_normal_sync_foreign_keys_and_a_busy_timeout(database):
    with database.begin() as session:
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert session.execute(text("PRAGMA synchronous")).scalar() == 1  # NORMAL
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert session.execute(text("PRAGMA busy_timeout")).scalar() == db.BUSY_TIMEOUT * 1000


def test_reopening_a_current_database_makes_no_backup(database):
    database.close()
    open_database().close()
    assert not backups_dir().exists()


def test_backup_is_a_consistent_copy_while_the_database_is_in_use(database, demo):
    with database.begin() as session:
        org_repo.add(session, demo.organisation)
    path = default_database_path()
    # The row is committed but still only in the write-ahead log: the pool keeps the file open.
    assert os.path.getsize(f"{path}-wal") > 0

    backup = backup_database(path, label="test")

    assert backup.parent == backups_dir()
    assert backup.name.startswith("tongket-") and backup.name.endswith("-before-test.sqlite3")
    assert query(backup, "PRAGMA integrity_check") == [("ok",)]
    assert query(backup, "SELECT name FROM organisations") == [(demo.organisation.name,)]
    assert not list(backups_dir().glob("*.partial"))


def test_backups_keep_the_newest_ten(database):
    folder = backups_dir()
    folder.mkdir()
    for second in range(10):
        (folder / f"tongket-20200101-00000{second}-before-0001.sqlite3").write_bytes(b"")

    newest = backup_database(default_database_path(), label="0001")

    kept = sorted(path.name for path in folder.iterdir())
    assert len(kept) == 10
    assert kept[-1] == newest.name
    assert "tongket-20200101-000000-before-0001.sqlite3" not in kept


def test_an_older_database_is_backed_up_before_it_is_upgraded(database):
    database.close()
    downgrade_to_base()

    open_database().close()

    assert revision_of(default_database_path()) == [(head_revision(),)]
    [backup] = backups_dir().iterdir()
    assert backup.name.endswith(f"-before-{head_revision()}.sqlite3")
    # The copy holds the database as it was before the upgrade: at base, without the report tables.
    assert tables_of(backup) == {"alembic_version"}
    assert revision_of(backup) == []


def test_a_failed_upgrade_leaves_the_database_as_it_was(database, monkeypatch):
    database.close()
    downgrade_to_base()
    real_upgrade = command.upgrade

    def upgrade_then_fail(config, revision):
        real_upgrade(config, revision)
        raise RuntimeError("a migration failed after creating the tables")

    monkeypatch.setattr(db.command, "upgrade", upgrade_then_fail)

    with pytest.raises(RuntimeError):
        open_database()

    assert tables_of(default_database_path()) == {"alembic_version"}  # the DDL was rolled back with the transaction
    assert len(list(backups_dir().iterdir())) == 1


def test_a_database_newer_than_the_app_is_refused_and_left_alone(database):
    with database.begin() as session:
        session.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    database.close()

    with pytest.raises(UserError) as raised:
        open_database()

    assert str(default_database_path()) in raised.value.message
    assert revision_of(default_database_path()) == [("9999",)]
    assert not backups_dir().exists()


def test_a_file_that_is_not_a_database_is_refused():
    path = default_database_path()
    path.write_bytes(b"PK\x03\x04 this is a .docx, not a database" * 100)

    with pytest.raises(UserError) as raised:
        open_database()

    assert sqlite_code(raised.value) == sqlite3.SQLITE_NOTADB
    assert str(path) in raised.value.message
    assert path.read_bytes().startswith(b"PK\x03\x04")


def test_another_programs_sqlite_database_is_refused():
    path = default_database_path()
    query(path, "CREATE TABLE contacts (name TEXT)")

    with pytest.raises(UserError):
        open_database()

    assert tables_of(path) == {"contacts"}


def assert_reads_but_refuses_writes(database: db.Database) -> None:
    assert database.read_only
    with database.begin() as session:
        assert session.execute(text("SELECT version_num FROM alembic_version")).scalar() == head_revision()
    with pytest.raises(UserError) as raised, database.begin() as session:
        session.execute(text("UPDATE alembic_version SET version_num = 'x'"))
    assert sqlite_code(raised.value) == sqlite3.SQLITE_READONLY
    assert database.location in raised.value.message


@pytest.fixture
def closed_database(database):
    database.close()


def test_a_database_opened_read_only_reads_and_refuses_writes(closed_database):
    url = f"sqlite:///file:{default_database_path()}?mode=ro&uri=true"

    database = open_database(url)
    try:
        assert_reads_but_refuses_writes(database)
    finally:
        database.close()


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root may write to read-only files")
def test_a_read_only_file_reads_and_refuses_writes(closed_database):
    default_database_path().chmod(0o444)

    database = open_database()
    try:
        assert_reads_but_refuses_writes(database)
    finally:
        database.close()


def test_a_database_on_a_read_only_disk_reads_and_refuses_writes(tmp_path):
    with small_disk(tmp_path / "disk") as disk:
        url = f"sqlite:///{disk / 'office.sqlite3'}"
        database = open_database(url)
        with database.begin() as session:
            session.execute(text("SELECT 1"))
        database.close()
        make_read_only(disk)

        database = open_database(url)
        try:
            assert_reads_but_refuses_writes(database)
        finally:
            database.close()


@pytest.fixture
def locked_by_another_program():
    """The user's database held with an exclusive lock by another connection, as another program might."""
    open_database().close()
    other = sqlite3.connect(default_database_path(), isolation_level=None)
    other.execute("PRAGMA locking_mode = EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    other.execute("UPDATE alembic_version SET version_num = version_num")
    yield
    other.execute("ROLLBACK")
    other.close()


def test_a_database_locked_by_another_program_is_refused(locked_by_another_program):
    with pytest.raises(UserError) as raised:
        open_database(busy_timeout=0.1)

    assert sqlite_code(raised.value) == sqlite3.SQLITE_BUSY


def test_a_lock_met_during_an_action_becomes_a_user_error(database):
    database.close()
    database = open_database(busy_timeout=0.1)
    other = sqlite3.connect(default_database_path(), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(UserError) as raised, database.begin() as session:
            session.execute(text("SELECT 1"))
        assert sqlite_code(raised.value) == sqlite3.SQLITE_BUSY
    finally:
        other.execute("ROLLBACK")
        other.close()
        database.close()


def test_a_database_at_0001_is_backed_up_and_upgraded_to_0002_keeping_its_data(database, demo):
    with database.begin() as session:
        demo.organisation.id = org_repo.add(session, demo.organisation)
        report_id = report_repo.add(session, demo)
    database.close()
    engine = make_engine()
    # As an upgrade does, with foreign keys off: re-creating a table must not cascade deletes.
    with engine.connect() as connection, db._foreign_keys_off(connection), connection.begin():
        command.downgrade(alembic_config(connection), "0001")
    engine.dispose()
    path = default_database_path()
    assert revision_of(path) == [("0001",)]
    assert "preset" not in {row[1] for row in query(path, "PRAGMA table_info(organisations)")}

    reopened = open_database()
    try:
        with reopened.begin() as session:
            report = report_repo.get(session, report_id)
            # The organisations of 0001 were Party ones; their reports print no appendices.
            assert report.organisation.preset == "party"
            assert (report.organisation.reference_docx, report.organisation.templates_dir) == ("", "")
            assert (report.settings.annexes, report.settings.margins, report.settings.line_spacing_pt) == (
                False, None, None)
            demo.id, demo.organisation.id, demo.updated_at = report_id, report.organisation.id, report.updated_at
            for stored, original in zip(report.walk_sections(), demo.walk_sections(), strict=True):
                original.id = stored.id
                for stored_entry, entry in zip(stored.entries, original.entries, strict=True):
                    entry.id = stored_entry.id
            assert report == demo
    finally:
        reopened.close()
    assert revision_of(path) == [(head_revision(),)]
    [backup] = backups_dir().iterdir()
    assert revision_of(backup) == [("0001",)]
    assert query(backup, "SELECT count(*) FROM reports") == [(1,)]
    assert {"terms", "issued_numbers"} <= tables_of(path)


def test_a_database_at_0002_is_backed_up_and_upgraded_keeping_its_entries_as_her_text(database, demo):
    with database.begin() as session:
        demo.organisation.id = org_repo.add(session, demo.organisation)
        report_id = report_repo.add(session, demo)
    database.close()
    engine = make_engine()
    with engine.connect() as connection, db._foreign_keys_off(connection), connection.begin():
        command.downgrade(alembic_config(connection), "0002")
    engine.dispose()
    path = default_database_path()
    assert revision_of(path) == [("0002",)]
    assert "source" not in {row[1] for row in query(path, "PRAGMA table_info(entries)")}
    entries_before = query(path, "SELECT id, section_id, position, kind, text FROM entries ORDER BY id")

    reopened = open_database()
    try:
        with reopened.begin() as session:
            stored = report_repo.get(session, report_id)
        entries = [entry for section in stored.walk_sections() for entry in section.entries]
        assert len(entries) == len(entries_before) > 0
        assert {(entry.source, entry.state, entry.basis) for entry in entries} == {("", EntryState.AUTO, "")}
        assert query(path, "SELECT id, section_id, position, kind, text FROM entries ORDER BY id") == entries_before

        # The new columns take what autosave gives them.
        edited = copy.deepcopy(stored)
        edited.section("dac_diem").entries[0:1] = [
            Entry("Đảng bộ có 98 đảng viên.", source="dang_vien.total", state=EntryState.EDITED,
                  basis="Gốc."),
            Entry("membership", EntryKind.TABLE, source="tables.membership", state=EntryState.REMOVED),
        ]
        with reopened.begin() as session:
            report_repo.save_changes(session, report_id, stored, edited)
        with reopened.begin() as session:
            again = report_repo.get(session, report_id)
        assert [(e.text, e.kind, e.source, e.state, e.basis) for e in again.section("dac_diem").entries] == [
            (e.text, e.kind, e.source, e.state, e.basis) for e in edited.section("dac_diem").entries]
    finally:
        reopened.close()
    assert revision_of(path) == [(head_revision(),)]
    [backup] = backups_dir().iterdir()
    assert revision_of(backup) == [("0002",)]
    assert query(backup, "SELECT count(*) FROM entries") == [(len(entries_before),)]


def test_reports_stored_before_periods_cover_a_calendar_year_after_the_upgrade(database, demo):
    from app.domain.period import PeriodKind
    from app.storage import report_repo

    demo.period_kind = PeriodKind.SCHOOL_YEAR
    with database.begin() as session:
        demo.organisation.id = org_repo.add(session, demo.organisation)
        report_id = report_repo.add(session, demo)
    database.close()
    engine = make_engine()
    with engine.connect() as connection, connection.begin():
        command.downgrade(alembic_config(connection), "0009_received_reports")
        assert "period_kind" not in {c["name"] for c in inspect(connection).get_columns("reports")}
    engine.dispose()

    reopened = open_database()
    with reopened.begin() as session:
        assert report_repo.get(session, report_id).period_kind is PeriodKind.CALENDAR_YEAR
    reopened.close()
