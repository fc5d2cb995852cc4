"""Opening the database: an engine with SQLite pragmas, the Alembic upgrade after a backup, and errors the user can fix.

A SQLite file is checked (PRAGMA quick_check, on a read-only connection) before anything may write to it: a damaged
file is refused untouched, and restore_backup() or start_empty() set it aside under a new name, never deleting it.
The URL may name any SQLAlchemy backend; everything SQLite-specific lives here and is skipped for others.
"""

from __future__ import annotations

import contextlib
import enum
import functools
import json
import logging
import os
import shutil
import sqlite3
import struct
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import URL, Connection, Engine, create_engine, event, inspect, make_url, text
from sqlalchemy.exc import ArgumentError, DBAPIError

# Session is re-exported: a service that hands a session on to the repos names its type from here, not SQLAlchemy.
from sqlalchemy.orm import Session as Session
from sqlalchemy.orm import sessionmaker

from app import APP_DISPLAY_NAME, paths
from app.domain.errors import ConnectionLost, UserError
from app.i18n import _

log = logging.getLogger(__name__)

# Found next to this module, so it works from source and frozen (the bundle must ship the folder as data).
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
BACKUPS_KEPT = 10
# Seconds to wait for another program's write lock before giving up. Twenty imports started at once on a loaded
# two-core machine (tests/perf/bench_busy.py, 100 imports) had 8 refused with 5 s, 5 with 15 s, none with 30 s; 60 s
# leaves twice that. The wait runs off the GUI thread: it costs nothing until something holds the lock for good.
BUSY_TIMEOUT = 60.0
DISK_NEARLY_FULL = 1024 * 1024  # bytes free under which an I/O error is taken for a full disk
SQLITE_HEADER = b"SQLite format 3\0"


DATABASE_URL_VARIABLE = "TONGKET_DATABASE_URL"
# Seconds to wait for a database server that does not answer (unreachable, not refusing) before saying so.
SERVER_TIMEOUT = 10


def default_url() -> str | URL:
    """The user's database: the URL in TONGKET_DATABASE_URL (an office's shared server), else her SQLite file."""
    configured = os.environ.get(DATABASE_URL_VARIABLE, "").strip()
    if configured:
        return configured
    return URL.create("sqlite", database=str(paths.default_database_path()))


def make_engine(url: str | None = None, *, busy_timeout: float | None = None) -> Engine:
    """An Engine on url, by default the user's database (default_url); SQLite connections get WAL, NORMAL sync and
    foreign keys.

    A SQLite URL opened read-only (file:…?mode=ro&uri=true) reads in plain transactions and never asks for WAL.
    """
    target = make_url(url if url is not None else default_url())
    if target.drivername in ("postgresql", "postgres"):
        # A plain postgresql:// URL means psycopg 3, the driver the app ships (SQLAlchemy would look for psycopg2).
        target = target.set(drivername="postgresql+psycopg")
    options: dict[str, Any] = {}
    if target.get_backend_name() == "postgresql":
        # A server restarted leaves dead connections in the pool: each is tested (and replaced) before use. A cable
        # pulled out would leave a query waiting for minutes: libpq gives up after SERVER_TIMEOUT seconds instead.
        options = {"pool_pre_ping": True, "connect_args": {
            "connect_timeout": SERVER_TIMEOUT, "keepalives": 1, "keepalives_idle": SERVER_TIMEOUT,
            "keepalives_interval": 2, "keepalives_count": 3, "tcp_user_timeout": SERVER_TIMEOUT * 1000}}
    engine = create_engine(target, json_serializer=functools.partial(json.dumps, ensure_ascii=False), **options)
    if engine.dialect.name == "sqlite":
        read_only = engine.url.query.get("mode") == "ro"
        _configure_sqlite(engine, BUSY_TIMEOUT if busy_timeout is None else busy_timeout, read_only)
    return engine


def _configure_sqlite(engine: Engine, busy_timeout: float, read_only: bool) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        # sqlite3's legacy mode sends no BEGIN before DDL or SELECT; SQLAlchemy sends its own (on_begin).
        dbapi_connection.isolation_level = None
        pragmas = [f"busy_timeout = {round(busy_timeout * 1000)}", "foreign_keys = ON"]
        if not read_only:
            # with WAL, NORMAL is durable across an application crash, not a power cut
            pragmas += ["journal_mode = WAL", "synchronous = NORMAL"]
        for pragma in pragmas:
            dbapi_connection.execute(f"PRAGMA {pragma}")

    @event.listens_for(engine, "begin")
    def on_begin(connection: Connection) -> None:
        # Take the write lock at once: a second copy of the app then waits busy_timeout instead of
        # failing with SQLITE_BUSY when its read transaction turns into a write.
        connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")


def sqlite_path(engine: Engine) -> Path | None:
    """The database file of a SQLite engine; None for other backends and in-memory databases."""
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:":
        return None
    return Path(database.removeprefix("file:"))


class DamagedDatabaseError(UserError):
    """The SQLite file at path is damaged; nothing was written to it.

    backup is the newest backup that passes the check, None when there is none.
    """

    def __init__(self, path: Path, backup: Path | None) -> None:
        self.path = path
        self.backup = backup
        if backup is None:
            message = _(
                "The database {file} is damaged; nothing more was written to it. There is no backup to restore: "
                "when {app} opens it, it offers to start with an empty database and keeps the damaged file aside."
            ).format(file=path, app=APP_DISPLAY_NAME)
        else:
            message = _(
                "The database {file} is damaged; nothing more was written to it. The newest backup is {backup} "
                "({date}): when {app} opens it, it offers to restore that backup or to start with an empty "
                "database, and keeps the damaged file aside."
            ).format(file=path, backup=backup, date=backup_time(backup), app=APP_DISPLAY_NAME)
        super().__init__(message)


class Database:
    """An open database: its engine, a sessionmaker, and begin() for one transaction.

    read_only is True when the file can only be read (every write then raises UserError); notices are what the user
    should be told about the opening (a damaged file set aside), translated.
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.sessionmaker = sessionmaker(engine)
        self.path = sqlite_path(engine)
        # What messages call the database: its file, or its URL without the password.
        self.location = str(self.path) if self.path else engine.url.render_as_string(hide_password=True)
        self.read_only = False
        self.notices: list[str] = []

    @contextlib.contextmanager
    def begin(self) -> Iterator[Session]:
        """A session in a transaction committed at the end of the block; errors the user can fix raise UserError."""
        with user_errors(self.location, self.path), self.sessionmaker.begin() as session:
            yield session

    def close(self) -> None:
        """Close every pooled connection; a WAL database is checkpointed when its last connection closes."""
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


def open_database(url: str | None = None, *, busy_timeout: float | None = None) -> Database:
    """The database at url (default: the user's file), checked, then created or upgraded to the newest schema.

    An existing SQLite file must pass PRAGMA quick_check before anything writes to it; a -wal file that SQLite would
    ignore as garbage is set aside first (said in the notices). A file behind the newest revision is copied to the
    backups folder before the upgrade. A file that can only be read opens read-only (Database.read_only).
    Raises DamagedDatabaseError for a damaged file, UserError when the file is not a database of this app, is newer
    than the app, or cannot be used (locked by another program, disk full, folder missing).
    """
    engine = make_engine(url, busy_timeout=busy_timeout)
    path = sqlite_path(engine)
    existed = path is not None and path.exists() and path.stat().st_size > 0
    notices = []
    if path is not None and existed:
        engine.dispose()
        with user_errors(str(path), path):
            notices += _set_aside_garbage_wal(path)
            _check_intact(path)
    database = _open_checked(engine, path if existed else None, busy_timeout)
    database.notices += notices
    return database


def _open_checked(engine: Engine, existing: Path | None, busy_timeout: float | None) -> Database:
    """Upgrade and open a database already checked; reopen read-only when an existing file cannot be written."""
    database = Database(engine)
    try:
        with user_errors(database.location, database.path):
            _upgrade(engine, database.location, existing)
            _check_writable(engine)
        return database
    except UserError as exc:
        if database.path is None and _is_permission_error(exc):
            # A server user that may only read (an office's read-only account): open it for reading.
            log.info("%s refuses changes for this user; opening it read-only", database.location)
            database.read_only = True
            return database
        database.close()
        if existing is None or not _is_read_only_error(exc):
            raise
    log.info("%s cannot be written; opening it read-only", existing)
    database = Database(make_engine(_read_only_url(existing), busy_timeout=busy_timeout))
    database.read_only = True
    try:
        with user_errors(database.location, database.path):
            _upgrade(database.engine, database.location, None)
    except BaseException:
        database.close()
        raise
    return database


def _is_read_only_error(exc: UserError) -> bool:
    cause = exc.__cause__
    error = cause.orig if isinstance(cause, DBAPIError) else cause
    code = getattr(error, "sqlite_errorcode", 0) & 0xFF
    return code in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM)


def _is_permission_error(exc: UserError) -> bool:
    """Whether a server refused a change because its user may not make it (PostgreSQL's insufficient privilege)."""
    cause = exc.__cause__
    error = cause.orig if isinstance(cause, DBAPIError) else cause
    psycopg = sys.modules.get("psycopg")
    return psycopg is not None and isinstance(error, psycopg.errors.InsufficientPrivilege)


def _read_only_url(path: Path) -> str:
    """A URL reading path without writing anything, not even the -shm file a read-only folder or disk cannot hold.

    Without a -wal file the main file holds every committed change, and SQLite may read it as immutable.
    """
    wal = Path(f"{path}-wal")
    immutable = "" if wal.exists() and wal.stat().st_size > 0 else "&immutable=1"
    return f"sqlite:///file:{path.resolve().as_posix()}?mode=ro{immutable}&uri=true"


def _connect_read_only(path: Path) -> sqlite3.Connection:
    """A sqlite3 connection that cannot write to path or checkpoint its -wal into it."""
    try:
        connection = sqlite3.connect(f"file:{path.resolve().as_posix()}?mode=ro", uri=True)
        connection.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
        return connection
    except sqlite3.OperationalError as exc:
        # A WAL database in a read-only folder or disk cannot get its -shm file: read it as immutable then.
        primary = exc.sqlite_errorcode & 0xFF
        wal = Path(f"{path}-wal")
        if primary not in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN) or (wal.exists() and wal.stat().st_size):
            raise
        return sqlite3.connect(f"file:{path.resolve().as_posix()}?mode=ro&immutable=1", uri=True)


def integrity_problem(path: Path) -> str | None:
    """What PRAGMA quick_check finds wrong in the SQLite file at path, read-only; None when it is intact.

    Raises sqlite3.Error when the file cannot be read at all or is not a SQLite database (SQLITE_NOTADB).
    """
    if _shorter_than_its_header_says(path):
        return "the file is shorter than its header says: it was truncated"
    try:
        with contextlib.closing(_connect_read_only(path)) as connection:
            rows = connection.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as exc:
        primary = getattr(exc, "sqlite_errorcode", 0) & 0xFF
        # SQLITE_ERROR here is a header SQLite cannot read ("unsupported file format"): quick_check is always valid.
        damaged = (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_ERROR)
        if primary in damaged and (primary == sqlite3.SQLITE_CORRUPT or _has_sqlite_header(path)):
            return str(exc)
        raise
    return None if rows == [("ok",)] else "\n".join(str(row[0]) for row in rows[:5])


def _shorter_than_its_header_says(path: Path) -> bool:
    """Whether the file ends inside a page or before the page count in its header (without a -wal holding the rest)."""
    wal = Path(f"{path}-wal")
    if wal.exists() and wal.stat().st_size > 0:
        return False  # pages past the end of the file may still be in the log, and a checkpoint writes them
    with open(path, "rb") as f:
        header = f.read(100)
    if len(header) < 100 or not header.startswith(SQLITE_HEADER):
        return False  # too damaged to tell: quick_check says so
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return False
    size = path.stat().st_size
    # The page count at offset 28 is valid when the change counter at 24 matches the one at 92.
    pages = struct.unpack(">I", header[28:32])[0] if header[24:28] == header[92:96] else 0
    return size % page_size != 0 or pages * page_size > size


def _check_intact(path: Path) -> None:
    """Raise DamagedDatabaseError for a damaged file and UserError for another program's database, reading only.

    Both are found before any connection that could write (or checkpoint a foreign -wal into the file) is opened.
    """
    problem = integrity_problem(path)
    if problem is not None:
        log.info("the database %s is damaged: %s", path, problem)
        raise DamagedDatabaseError(path, newest_backup(path))
    with contextlib.closing(_connect_read_only(path)) as connection:
        tables = {name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if tables and "alembic_version" not in tables:
        raise UserError(_not_our_database(str(path)))


def _has_sqlite_header(path: Path) -> bool:
    with open(path, "rb") as f:
        return f.read(len(SQLITE_HEADER)) == SQLITE_HEADER


def _wal_header_is_valid(header: bytes) -> bool:
    """Whether the 32 bytes opening a -wal file are a header SQLite wrote (magic, version, checksum)."""
    if len(header) < 32:
        return False
    magic, version = struct.unpack(">II", header[:8])
    if magic not in (0x377F0682, 0x377F0683) or version != 3007000:
        return False
    # The checksum of the first 24 bytes, in the byte order the magic's lowest bit names.
    order = ">" if magic & 1 else "<"
    s0 = s1 = 0
    for i in range(0, 24, 8):
        x0, x1 = struct.unpack(order + "II", header[i:i + 8])
        s0 = (s0 + x0 + s1) & 0xFFFFFFFF
        s1 = (s1 + x1 + s0) & 0xFFFFFFFF
    return struct.unpack(">II", header[24:32]) == (s0, s1)


def _set_aside_garbage_wal(path: Path) -> list[str]:
    """Rename a -wal file SQLite would silently discard (its header is not one SQLite wrote); the notice to show.

    SQLite ignores such a log and overwrites it at the next write; kept aside, it can still be looked at.
    """
    wal = Path(f"{path}-wal")
    if not wal.exists() or wal.stat().st_size == 0:
        return []
    with open(wal, "rb") as f:
        if _wal_header_is_valid(f.read(32)):
            return []
    kept = _free_name(wal.with_name(f"{wal.name}.damaged-{datetime.now():%Y%m%d-%H%M%S}"))
    try:
        os.replace(wal, kept)
    except OSError as exc:
        log.warning("could not set the damaged %s aside: %s", wal, exc)
        return []
    log.info("the log beside %s was damaged; kept as %s", path, kept)
    return [_(
        "The log of recent changes beside the database {file} was damaged and could not be used; it was set aside "
        "as {kept}. The database itself is intact, but the changes of the last session may be missing."
    ).format(file=path, kept=kept)]


def _free_name(path: Path) -> Path:
    """path, or path with -2, -3… before its suffix when that name is taken."""
    candidate, number = path, 1
    while candidate.exists() or Path(f"{candidate}-wal").exists():
        number += 1
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
    return candidate


def _path_of(url: str | None) -> Path:
    engine = make_engine(url)
    path = sqlite_path(engine)
    engine.dispose()
    if path is None:
        raise ValueError(f"not a SQLite file: {url}")
    return path


def set_aside(path: Path) -> Path:
    """Rename the database file at path, with its -wal and -shm, to tongket-damaged-<time>.sqlite3 beside it.

    Nothing is copied or deleted: a rename needs no space on a full disk. Returns the new path of the main file.
    """
    kept = _free_name(path.with_name(f"{path.stem}-damaged-{datetime.now():%Y%m%d-%H%M%S}{path.suffix}"))
    try:
        for suffix in ("-wal", "-shm", ""):
            if Path(f"{path}{suffix}").exists():
                os.replace(f"{path}{suffix}", f"{kept}{suffix}")
    except OSError as exc:
        raise UserError(_(
            "The damaged database {file} could not be set aside: {reason}. Close every program that uses it and "
            "try again."
        ).format(file=path, reason=exc.strerror or exc)) from exc
    log.info("set the damaged database %s aside as %s", path, kept)
    return kept


def _kept_notice(kept: Path) -> str:
    return _("The damaged database was kept as {file}.").format(file=kept)


def restore_backup(url: str | None, backup: Path, *, busy_timeout: float | None = None) -> Database:
    """Set the damaged database of url aside, put a copy of backup in its place and open it.

    The backup is checked first: a damaged backup raises DamagedDatabaseError and nothing is moved.
    """
    path = _path_of(url)
    with user_errors(str(backup), backup):
        if integrity_problem(backup) is not None:
            raise DamagedDatabaseError(backup, None)
    kept = set_aside(path) if path.exists() else None
    partial = path.with_name(path.name + ".partial")
    try:
        shutil.copyfile(backup, partial)
        os.replace(partial, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise UserError(_("The backup {backup} could not be copied to {file}: {reason}.").format(
            backup=backup, file=path, reason=exc.strerror or exc)) from exc
    log.info("restored %s from %s", path, backup)
    database = open_database(url, busy_timeout=busy_timeout)
    if kept is not None:
        database.notices.append(_kept_notice(kept))
    return database


def start_empty(url: str | None, *, busy_timeout: float | None = None) -> Database:
    """Set the damaged database of url aside and open a new, empty one in its place."""
    path = _path_of(url)
    kept = set_aside(path) if path.exists() else None
    database = open_database(url, busy_timeout=busy_timeout)
    if kept is not None:
        database.notices.append(_kept_notice(kept))
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
        elif current is not None and connection.dialect.name == "postgresql":
            schema = copy_tables_aside(connection, current)
            log.info("copied every table of %s to schema %s before upgrading from %s to %s",
                     location, schema, current, head)
        command.upgrade(alembic_config(connection), "head")
        if connection.dialect.name == "sqlite":
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise RuntimeError(f"the upgrade to {head} broke foreign keys: {broken[:5]}")


BACKUP_SCHEMA_PREFIX = "tongket_backup_"


def copy_tables_aside(connection: Connection, revision: str) -> str:
    """Copy every table of a server database, rows and all, into a new schema before its schema is upgraded; returns
    the schema's name, tongket_backup_<revision>_<YYYYmmdd_HHMMSS>.

    The server database has no file to copy as a SQLite one does, so the copy stays on the server, in the same
    transaction as the upgrade: a failed upgrade rolls both back, and a wrong one leaves every row as it was for the
    office's IT to read (psql, pgAdmin) or move back. The copies have no keys or constraints.
    """
    schema = f"{BACKUP_SCHEMA_PREFIX}{revision[:20]}_{datetime.now():%Y%m%d_%H%M%S}".lower()
    quote = connection.dialect.identifier_preparer.quote
    inspector = inspect(connection)
    source = inspector.default_schema_name or "public"
    tables = inspector.get_table_names(schema=source)
    try:
        with connection.begin_nested():
            connection.exec_driver_sql(f"CREATE SCHEMA {quote(schema)}")
            for table in tables:
                connection.exec_driver_sql(
                    f"CREATE TABLE {quote(schema)}.{quote(table)} AS TABLE {quote(source)}.{quote(table)}")
    except DBAPIError as exc:
        raise UserError(_(
            "The shared database must be upgraded for this version of {app}, but its tables could not be copied "
            "aside first, so nothing was changed: {reason}. Ask whoever runs the server to let this user create "
            "schemas in the database, or to upgrade it once as the database's owner."
        ).format(app=APP_DISPLAY_NAME, reason=str(exc.orig).strip().splitlines()[0] if exc.orig else exc)) from exc
    return schema


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
    assert raw is not None, "a checked-out connection has its sqlite3 connection"
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


def newest_backup(of: Path | None = None) -> Path | None:
    """The newest copy in the backups folder that passes PRAGMA quick_check; None when there is none.

    The folder holds copies of the user's own database: for another file (of), there is none to offer.
    """
    folder = backups_dir()
    if of is not None and of.resolve() != paths.default_database_path().resolve():
        return None
    for candidate in sorted(folder.glob("tongket-*-before-*.sqlite3"), reverse=True) if folder.is_dir() else []:
        try:
            if integrity_problem(candidate) is None:
                return candidate
        except sqlite3.Error as exc:
            log.info("backup %s cannot be read: %s", candidate, exc)
    return None


def backup_time(backup: Path) -> str:
    """When the backup was made, as "2026-11-30 18:15", read from its name; its file time when the name has none."""
    try:
        stamp = datetime.strptime("-".join(backup.name.split("-")[1:3]), "%Y%m%d-%H%M%S")
    except ValueError:
        stamp = datetime.fromtimestamp(backup.stat().st_mtime)
    return f"{stamp:%Y-%m-%d %H:%M}"


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


def _user_error(exc: BaseException, location: str, path: Path | None) -> UserError | None:
    """The UserError for a SQLite error the user can do something about; None for the others, which are bugs."""
    error = exc.orig if isinstance(exc, DBAPIError) else exc
    if not isinstance(error, sqlite3.Error):
        return _server_error(error, location)
    primary = getattr(error, "sqlite_errorcode", 0) & 0xFF
    if path is not None and (primary == sqlite3.SQLITE_CORRUPT or (
            primary == sqlite3.SQLITE_NOTADB and path.exists() and _has_sqlite_header(path))):
        log.info("the database %s is damaged: %s", path, error)
        return DamagedDatabaseError(path, newest_backup(path))
    if primary == sqlite3.SQLITE_NOTADB:
        return UserError(_not_our_database(location))
    if primary == sqlite3.SQLITE_CANTOPEN and path is not None and not path.parent.is_dir():
        return UserError(_("The folder {folder} does not exist.").format(folder=path.parent))
    if primary in (sqlite3.SQLITE_FULL, sqlite3.SQLITE_IOERR) and path is not None and _disk_nearly_full(path):
        return UserError(_("The disk is full: the database {file} cannot grow. Free some space and try again.").format(
            file=location))
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
    if primary == sqlite3.SQLITE_IOERR:
        return UserError(_(
            "The database {file} could not be read or written: the disk reported an error. Check that the disk or "
            "the network folder is still there and working, then try again."
        ).format(file=location))
    return None


def _server_error(error: BaseException | None, location: str) -> UserError | None:
    """The UserError for a PostgreSQL error the user can do something about; None for the others.

    location is the URL without its password: psycopg's own messages name the host, port and user, never it.
    """
    psycopg = sys.modules.get("psycopg")  # loaded by then when the database is a PostgreSQL server
    if psycopg is None or error is None:
        return None
    if isinstance(error, psycopg.errors.InsufficientPrivilege):
        return UserError(_(
            "The database server {database} refused the change: this user may only read. Ask whoever runs the "
            "server for write access."
        ).format(database=location))
    if isinstance(error, (psycopg.OperationalError, psycopg.InterfaceError)):
        # Not a refusal by the server but the server out of reach: the window keeps her edits and retries.
        return ConnectionLost(_(
            "Cannot reach the database server {database}. Check that the server is running, that this computer is "
            "connected to the network, and the address, user name and password; then try again."
        ).format(database=location), detail=str(error).strip())
    if isinstance(error, psycopg.DataError) and "0x00" in str(error):
        return UserError(_(
            "The text contains a NUL character (code 0), which the database server cannot store and a Word document "
            "cannot hold. Delete it and save again."
        ))
    return None


def _disk_nearly_full(path: Path) -> bool:
    try:
        return shutil.disk_usage(path.parent).free < DISK_NEARLY_FULL
    except OSError:
        return False


@contextlib.contextmanager
def user_errors(location: str, path: Path | None = None) -> Iterator[None]:
    """Turn database errors the user can fix, raised in the block, into UserError; let the others through.

    path, the SQLite file when there is one, tells a damaged file (DamagedDatabaseError) and a full disk apart.
    """
    try:
        yield
    except (DBAPIError, sqlite3.Error) as exc:
        error = _user_error(exc, location, path)
        if error is None:
            raise
        raise error from exc


# -- an office's shared server: the URL in parts, and a check before she switches to it ---------------------------

SERVER_PORT = 5432
CONNECT_TIMEOUT_S = 5  # seconds a check waits for a server that does not answer


def server_url(host: str, port: int, database: str, user: str, password: str = "") -> str:
    """The URL of a PostgreSQL database from its parts; without a password when password is empty."""
    return URL.create("postgresql", username=user or None, password=password or None, host=host or None,
                      port=port or None, database=database or None).render_as_string(hide_password=False)


def server_parts(url: str) -> dict[str, str | int]:
    """host, port, database, user and password of a database URL ("" or 0 where it has none); ValueError if invalid."""
    try:
        parsed = make_url(url.strip())
    except (ArgumentError, ValueError) as exc:  # ValueError: a port that is no number
        raise ValueError(str(exc)) from exc
    return {"host": parsed.host or "", "port": parsed.port or 0, "database": parsed.database or "",
            "user": parsed.username or "", "password": parsed.password or ""}


def without_password(url: str) -> str:
    """url with its password left out (what may be stored or shown)."""
    return with_password(url, "")


def with_password(url: str, password: str) -> str:
    """url with password put in (kept in memory only); without one when password is empty."""
    parsed = make_url(url)  # URL.set() cannot take a password out: it leaves a None argument as it was
    return URL.create(parsed.drivername, parsed.username, password or None, parsed.host, parsed.port, parsed.database,
                      parsed.query).render_as_string(hide_password=False)


def is_server_url(url: str) -> bool:
    """Whether url names a database server (not a SQLite file)."""
    try:
        return make_url(url).get_backend_name() != "sqlite"
    except (ArgumentError, ValueError):  # an invalid URL is no server's
        return False


class SchemaState(enum.Enum):
    """How a database's schema compares with this app's."""

    EMPTY = "empty"  # nothing in it yet: the app creates its tables
    CURRENT = "current"
    OLDER = "older"  # the app upgrades it when it opens it
    NEWER = "newer"  # written by a newer version of the app: this one cannot use it


def check_server(url: str) -> SchemaState:
    """Connect to the database at url, read its schema version and compare it with this app's; nothing is written.

    UserError, in words she can act on, when the password is refused, the server cannot be reached, the database does
    not exist, or it belongs to another program. The password never appears in a message.
    """
    target = make_url(url)
    location = target.render_as_string(hide_password=True)
    if target.get_backend_name() == "postgresql":
        target = target.update_query_dict({"connect_timeout": str(CONNECT_TIMEOUT_S)})
    engine = make_engine(target.render_as_string(hide_password=False))
    try:
        with engine.connect() as connection:
            current = _current_revision(connection, location)
    except DBAPIError as exc:
        raise _connection_error(exc, target, location) from None
    finally:
        engine.dispose()
    if current is None:
        return SchemaState.EMPTY
    if current == head_revision():
        return SchemaState.CURRENT
    if current in {rev.revision for rev in _scripts().walk_revisions()}:
        return SchemaState.OLDER
    return SchemaState.NEWER


def _connection_error(exc: DBAPIError, target: URL, location: str) -> UserError:
    """Why a connection failed, translated; the driver's words (without the password) as the detail."""
    said = str(exc.orig)
    if target.password:
        said = said.replace(str(target.password), "***")
    lowered = said.lower()
    if "password authentication failed" in lowered or "no password supplied" in lowered:
        message = _("The server refused the user name or password for {user}. Check both and try again.").format(
            user=target.username or "")
    elif "does not exist" in lowered and "database" in lowered:
        message = _("The server {server} has no database named {database}. Check the name, or ask whoever runs the "
                    "server to create it.").format(server=target.host or "", database=target.database or "")
    elif "resolve host" in lowered or "translate host name" in lowered:
        message = _("No server named {server} was found. Check the server's name or address.").format(
            server=target.host or "")
    else:
        message = _("Cannot reach the database server {server} on port {port}. Check that the server is running, "
                    "that this computer is connected to the network, and the address and port; then try again."
                    ).format(server=target.host or "localhost", port=target.port or SERVER_PORT)
    return UserError(message, detail=said.strip())
