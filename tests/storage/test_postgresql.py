"""An office's shared PostgreSQL server: the migrations, the errors she can act on, and a password never shown."""

from __future__ import annotations

import copy
import logging

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, text

from app.domain.demo import demo_report
from app.domain.errors import UserError
from app.storage import org_repo, report_repo
from app.storage.db import _scripts, alembic_config, head_revision, make_engine, open_database
from app.storage.tables import Base
from tests import postgres
from tests.storage.test_report_repo import without_ids

pytestmark = pytest.mark.postgresql

REVISIONS = [revision.revision for revision in reversed(list(_scripts().walk_revisions()))]


@pytest.fixture
def url(postgresql_cluster):
    """A new PostgreSQL database at the newest schema."""
    url = postgresql_cluster.create()
    yield url
    postgresql_cluster.drop(url)


@pytest.fixture
def empty_url(postgresql_cluster):
    """A new, empty PostgreSQL database (no tables at all)."""
    url = postgresql_cluster.create(template=None)
    yield url
    postgresql_cluster.drop(url)


def revision(url: str) -> str | None:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()
    finally:
        engine.dispose()


def schema_differences(url: str) -> list:
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            return compare_metadata(MigrationContext.configure(connection), Base.metadata)
    finally:
        engine.dispose()


def migrate(url: str, verb: str, target: str) -> None:
    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            getattr(command, verb)(alembic_config(connection), target)
    finally:
        engine.dispose()


def test_an_empty_database_is_migrated_to_the_schema_of_the_tables(empty_url):
    open_database(empty_url).close()

    assert revision(empty_url) == head_revision()
    assert schema_differences(empty_url) == []


def test_the_migrations_run_one_revision_at_a_time(empty_url):
    for step in REVISIONS:
        migrate(empty_url, "upgrade", step)
        assert revision(empty_url) == step

    assert schema_differences(empty_url) == []


@pytest.mark.parametrize("start", REVISIONS[:-1])
def test_a_database_at_an_earlier_revision_is_upgraded_keeping_its_report(url, start):
    demo = demo_report()
    with open_database(url) as database, database.begin() as session:
        demo.organisation.id = org_repo.add(session, demo.organisation)
        report_id = report_repo.add(session, demo)
    migrate(url, "downgrade", start)
    assert revision(url) == start

    with open_database(url) as database, database.begin() as session:
        stored = report_repo.get(session, report_id)

    assert revision(url) == head_revision()
    assert schema_differences(url) == []
    assert stored.organisation.name == demo.organisation.name
    assert [(s.key, s.title) for s in stored.walk_sections()] == [(s.key, s.title) for s in demo.walk_sections()]
    assert [e.text for s in stored.walk_sections() for e in s.entries] == [
        e.text for s in demo.walk_sections() for e in s.entries]
    assert stored.stats == demo.stats
    assert (stored.version, stored.organisation.version) == (1, 1)  # 0008 numbers every stored row from 1


def test_a_database_newer_than_the_app_is_refused_and_left_alone(url):
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()

    with pytest.raises(UserError, match="mới hơn"):
        open_database(url)
    assert revision(url) == "9999"


def test_another_programs_database_is_refused(empty_url):
    engine = create_engine(empty_url)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE invoices (id integer PRIMARY KEY)"))
    engine.dispose()

    with pytest.raises(UserError, match="không phải là cơ sở dữ liệu"):
        open_database(empty_url)


def test_a_wrong_password_is_a_user_error_that_never_shows_the_password(postgresql_cluster, caplog):
    wrong = postgresql_cluster.url("postgres").replace(postgres.PASSWORD, "not-the-pass-9d2c")
    caplog.set_level(logging.DEBUG)

    with pytest.raises(UserError) as raised:
        open_database(wrong)

    assert "Không kết nối được" in raised.value.message
    shown = str(raised.value) + "".join(record.getMessage() for record in caplog.records)
    assert "127.0.0.1" in shown
    assert "not-the-pass-9d2c" not in shown and "***" in raised.value.message


def test_a_server_that_is_not_running_is_a_user_error(postgresql_cluster):
    url = postgresql_cluster.url("postgres").replace(f":{postgresql_cluster.port}/", f":{_closed_port()}/")

    with pytest.raises(UserError, match="Không kết nối được") as raised:
        open_database(url)

    assert postgres.PASSWORD not in str(raised.value)


def test_messages_and_logs_name_the_server_without_its_password(url, caplog):
    caplog.set_level(logging.DEBUG)
    with open_database(url) as database, database.begin() as session:
        org_repo.add(session, demo_report().organisation)

    assert postgres.PASSWORD not in database.location
    assert all(postgres.PASSWORD not in record.getMessage() for record in caplog.records)


def test_a_plain_postgresql_url_uses_psycopg(url):
    plain = url.replace("postgresql+psycopg://", "postgresql://")

    with open_database(plain) as database:
        assert database.engine.dialect.driver == "psycopg"


def test_a_nul_character_is_refused_with_a_user_error(url):
    report = demo_report()
    with open_database(url) as database:
        with database.begin() as session:
            report.organisation.id = org_repo.add(session, report.organisation)
            report_id = report_repo.add(session, report)
            before = report_repo.get(session, report_id)
        after = copy.deepcopy(before)
        after.section("bai_hoc").entries[0].text = "Một\0hai"
        with pytest.raises(UserError, match="NUL"), database.begin() as session:
            report_repo.save_changes(session, report_id, before, after)
        with database.begin() as session:
            assert without_ids(report_repo.get(session, report_id)) == without_ids(before)


def _closed_port() -> int:
    return postgres._free_port()


def test_a_user_that_may_only_read_opens_the_database_read_only(url, postgresql_cluster):
    with open_database(url) as database, database.begin() as session:
        org_repo.add(session, demo_report().organisation)
    name = url.rsplit("/", 1)[1]
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text("DROP ROLE IF EXISTS reader"))
        connection.execute(text("CREATE ROLE reader LOGIN PASSWORD 'reader-pass-5e1b'"))
        connection.execute(text(f'GRANT CONNECT ON DATABASE "{name}" TO reader'))
        connection.execute(text("GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader"))
    admin.dispose()
    reader = url.replace(f"{postgres.USER}:{postgres.PASSWORD}", "reader:reader-pass-5e1b")

    try:
        with open_database(reader) as database:
            assert database.read_only
            with database.begin() as session:
                assert [o.name for o in org_repo.list_all(session)] == [demo_report().organisation.name]
            with pytest.raises(UserError, match="chỉ được đọc") as raised, database.begin() as session:
                org_repo.add(session, demo_report().organisation)
            assert "reader-pass-5e1b" not in str(raised.value)
    finally:
        postgresql_cluster.drop(url)
        with postgresql_cluster.admin.connect() as connection:
            connection.execute(text("DROP ROLE reader"))


def backup_schemas(url: str) -> dict[str, dict[str, int]]:
    """Each tongket_backup_… schema of url → its tables' row counts."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            schemas = connection.execute(text(
                "SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE 'tongket_backup_%'"
            )).scalars().all()
            return {schema: {table: connection.execute(text(f'SELECT count(*) FROM "{schema}"."{table}"')).scalar_one()
                             for table in connection.execute(text(
                                 "SELECT table_name FROM information_schema.tables WHERE table_schema = :s"),
                                 {"s": schema}).scalars()}
                    for schema in schemas}
    finally:
        engine.dispose()


def test_before_an_upgrade_every_table_is_copied_aside_on_the_server_with_its_rows(url):
    demo = demo_report()
    with open_database(url) as database, database.begin() as session:
        demo.organisation.id = org_repo.add(session, demo.organisation)
        report_repo.add(session, demo)
    start = REVISIONS[-2]
    migrate(url, "downgrade", start)
    engine = create_engine(url)
    with engine.connect() as connection:
        before = {table: connection.execute(text(f'SELECT count(*) FROM "{table}"')).scalar_one()
                  for table in ("organisations", "reports", "sections", "alembic_version")}
    engine.dispose()
    assert backup_schemas(url) == {}

    open_database(url).close()

    [(schema, counts)] = backup_schemas(url).items()
    assert schema.startswith(f"tongket_backup_{start[:20]}_".lower())
    assert {table: counts[table] for table in before} == before and before["sections"] > 10
    open_database(url).close()  # at the newest schema: nothing more is copied
    assert len(backup_schemas(url)) == 1
    assert schema_differences(url) == []


def test_an_upgrade_that_cannot_copy_the_tables_aside_is_refused_in_words_and_changes_nothing(url, monkeypatch):
    from app.storage import db

    start = REVISIONS[-2]
    migrate(url, "downgrade", start)
    monkeypatch.setattr(db, "BACKUP_SCHEMA_PREFIX", "pg_")  # the server refuses a schema named pg_…

    with pytest.raises(UserError, match="chưa có gì thay đổi"):
        open_database(url)

    assert revision(url) == start
    assert backup_schemas(url) == {}
