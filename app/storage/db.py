"""Opening the database: an engine with SQLite pragmas, the Alembic upgrade after a backup, and errors the user can fix.

The URL may name any SQLAlchemy backend; everything SQLite-specific lives here and is skipped for others.
"""

from __future__ import annotations

import contextlib
import functools
import json
import logging
import os
import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from types import TracebackType

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import URL, Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from app import APP_DISPLAY_NAME, paths
from app.domain.errors import UserError
from app.i18n import _

log = logging.getLogger(__name__)

# Found next to this module, so it works from source and frozen (the bundle must ship the folder as data).
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
BACKUPS_KEPT = 10
BUSY_TIMEOUT = 5.0  # seconds to wait for another program's write lock before giving up


def make_engine(url: str | None = None, *, busy_timeout: float = BUSY_TIMEOUT) -> Engine:
    """An Engine on url, by default the user's SQLite file; SQLite connections get WAL, NORMAL sync and foreign keys."""
    target = url if url is not None else URL.create("sqlite", database=str(paths.default_database_path()))
    engine = create_engine(target, json_serializer=functools.partial(json.dumps, ensure_ascii=False))
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine, busy_timeout)
    return engine


def _configure_sqlite(engine: Engine, busy_timeout: float) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        # sqlite3's legacy mode sends no BEGIN before DDL or SELECT; SQLAlchemy sends its own (on_begin).
        dbapi_connection.isolation_level = None
        for pragma in (
            f"busy_timeout = {round(busy_timeout * 1000)}",
            "journal_mode = WAL",
            "synchronous = NORMAL",  # with WAL: durable across an application crash, not a power cut
            "foreign_keys = ON",
        ):
            dbapi_connection.execute(f"PRAGMA {pragma}")

    @event.listens_for(engine, "begin")
    def on_begin(connection: Connection) -> None:
        # Take the write lock at once: a second copy of the app then waits busy_timeout instead of
        # failing with SQLITE_BUSY when its read transaction turns into a write.
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def sqlite_path(engine: Engine) -> Path | None:
    """The database file of a SQLite engine; None for other backends and in-memory databases."""
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:":
        return None
    return Path(database.removeprefix("file:"))


class Database:
    """An open database: its engine, a sessionmaker, and begin() for one transaction."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.sessionmaker = sessionmaker(engine)
        path = sqlite_path(engine)
        # What messages call the database: its file, or its URL without the password.
        self.location = str(path) if path else engine.url.render_as_string(hide_password=True)

    @contextlib.contextmanager
    def begin(self) -> Iterator[Session]:
        """A session in a transaction committed at the end of the block; SQLite errors the user can fix raise UserError."""
        with user_errors(self.location), self.sessionmaker.begin() as session:
            yield session

    def close(self) -> None:
        """Close every pooled connection; a WAL database is checkpointed when its last connection closes."""
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()


def open_database(url: str | None = None, *, busy_timeout: float = BUSY_TIMEOUT) -> Database:
    """The database at url (default: the user's file), created or upgraded to the newest schema.

    An existing SQLite file behind the newest revision is first copied to the backups folder.
    Raises UserError when the file is not a database of this app, is newer than the app, or
    cannot be written (read-only, locked by another program, disk full).
    """
    engine = make_engine(url, busy_timeout=busy_timeout)
    database = Database(engine)
    path = sqlite_path(engine)
    existed = path is not None and path.exists() and path.stat().st_size > 0
    try:
        with user_errors(database.location):
            _upgrade(engine, database.location, path if existed else None)
            _check_writable(engine)
    except BaseException:
        database.close()
        raise
    return database


def alembic_config(connection: Connection | None = None) -> Config:
    """Alembic's configuration built in code: the migrations folder, and the connection env.py runs on."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
    config.attributes["connection"] = connection
    return config


@functools.cache
def _scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    """The newest schema revision this app knows."""
    head = _scripts().get_current_head()
    assert head is not None, "no migrations found"
    return head


def _upgrade(engine: Engine, location: str, backup_from: Path | None) -> None:
    """Bring the schema to head in one transaction, after backing up backup_from when it is behind."""
    head = head_revision()
    with engine.connect() as connection, _foreign_keys_off(connection), connection.begin():
        current = _current_revision(connection, location)
        if current == head:
            return
        if current is not None and current not in {rev.revision for rev in _scripts().walk_revisions()}:
            raise UserError(_(
                "The database {file} was written by a newer version of {app}. Install the newer version to open it."
            ).format(file=location, app=APP_DISPLAY_NAME))
        if backup_from is not None:
            backup = backup_database(backup_from, label=head)
            log.info("backed up %s to %s before upgrading from %s to %s", backup_from, backup, current, head)
        command.upgrade(alembic_config(connection), "head")
        if connection.dialect.name == "sqlite":
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise RuntimeError(f"the upgrade to {head} broke foreign keys: {broken[:5]}")


def _current_revision(connection: Connection, location: str) -> str | None:
    """The database's schema revision; None for an empty database; UserError for another program's database."""
    current = MigrationContext.configure(connection).get_current_revision()
    if current is None and set(inspect(connection).get_table_names()) - {"alembic_version"}:
        raise UserError(_not_our_database(location))
    return current


@contextlib.contextmanager
def _foreign_keys_off(connection: Connection) -> Iterator[None]:
    """On SQLite, switch foreign keys off while migrations re-create tables, which would otherwise cascade deletes."""
    if connection.dialect.name != "sqlite":
        yield
        return
    # The pragma is ignored inside a transaction, so it goes to the driver before SQLAlchemy begins one.
    raw = connection.connection.driver_connection
    raw.execute("PRAGMA foreign_keys = OFF")
    try:
        yield
    finally:
        raw.execute("PRAGMA foreign_keys = ON")


def _check_writable(engine: Engine) -> None:
    """Fail now, not at the user's first edit, when the database cannot be written."""
    with engine.connect() as connection, connection.begin() as transaction:
        connection.execute(text("UPDATE alembic_version SET version_num = version_num"))
        transaction.rollback()


def backups_dir() -> Path:
    """Folder of the copies made before each upgrade."""
    return paths.user_data_dir() / "backups"


def backup_database(path: Path, label: str, *, keep: int = BACKUPS_KEPT) -> Path:
    """Copy the SQLite file at path to backups/tongket-<time>-before-<label>.sqlite3, keeping the newest `keep` copies.

    The online backup API gives a consistent copy even while other connections use the file in WAL mode.
    """
    folder = backups_dir()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"tongket-{datetime.now():%Y%m%d-%H%M%S}-before-{label}.sqlite3"
    partial = target.with_name(target.name + ".partial")
    # Written under another name first: an interrupted backup never looks like a good one.
    with contextlib.closing(sqlite3.connect(path)) as source, contextlib.closing(sqlite3.connect(partial)) as copy:
        source.backup(copy)
    os.replace(partial, target)
    # The timestamp in the name makes name order the age order.
    for old in sorted(folder.glob("tongket-*-before-*.sqlite3"))[:-keep]:
        old.unlink()
    return target


def _not_our_database(location: str) -> str:
    return _("The file {file} is not a {app} database.").format(file=location, app=APP_DISPLAY_NAME)


def _user_error(exc: BaseException, location: str) -> UserError | None:
    """The UserError for a SQLite error the user can do something about; None for the others, which are bugs."""
    error = exc.orig if isinstance(exc, DBAPIError) else exc
    if not isinstance(error, sqlite3.Error):
        return None
    primary = getattr(error, "sqlite_errorcode", 0) & 0xFF
    if primary == sqlite3.SQLITE_NOTADB:
        return UserError(_not_our_database(location))
    if primary in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM):
        return UserError(_(
            "Cannot write to the database {file}: the file or its folder is read-only. "
            "Move it to a folder you can write to, or change its permissions."
        ).format(file=location))
    if primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return UserError(_(
            "The database {file} is in use by another program, perhaps another copy of {app}. "
            "Close it and try again."
        ).format(file=location, app=APP_DISPLAY_NAME))
    if primary == sqlite3.SQLITE_FULL:
        return UserError(_("The disk is full: the database {file} cannot grow. Free some space and try again.").format(
            file=location))
    return None


@contextlib.contextmanager
def user_errors(location: str) -> Iterator[None]:
    """Turn SQLite errors the user can fix, raised in the block, into UserError; let the others through."""
    try:
        yield
    except (DBAPIError, sqlite3.Error) as exc:
        error = _user_error(exc, location)
        if error is None:
            raise
        raise error from exc
