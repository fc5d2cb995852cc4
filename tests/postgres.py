"""A throwaway PostgreSQL cluster for the tests: initdb and pg_ctl on a temporary folder and a free port.

One cluster serves the whole test run. It holds a template database already at the newest schema; each test gets
its own database copied from it (CREATE DATABASE … TEMPLATE, a file copy), dropped after the test. initdb and
pg_ctl refuse to run as root, so as root they run as the `postgres` user (runuser), on a folder that user owns.
The cluster trades durability for speed (fsync off): it only lives as long as the test run.
"""

from __future__ import annotations

import contextlib
import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

from sqlalchemy import URL, create_engine, text

USER = "tongket"
# The server asks for it (scram-sha-256 on 127.0.0.1), so the tests see a password in every URL they use.
PASSWORD = "pg-test-secret-7f3a"
TEMPLATE = "tongket_template"


def server_binaries() -> Path | None:
    """The folder holding initdb and pg_ctl: on PATH, else Debian's /usr/lib/postgresql/<version>/bin; None."""
    found = shutil.which("pg_ctl")
    if found and shutil.which("initdb"):
        return Path(found).parent
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if (Path(folder) / "initdb").exists() and (Path(folder) / "pg_ctl").exists():
            return Path(folder)
    return None


def why_unavailable() -> str | None:
    """Why no cluster can be started here (to skip the PostgreSQL half with); None when one can."""
    if server_binaries() is None:
        return ("PostgreSQL server binaries (initdb, pg_ctl) not found: install Debian's `postgresql` package "
                "(.ci/system-packages-test.txt) to run the tests against PostgreSQL")
    if (os.geteuid() == 0 and shutil.which("runuser") is None) or (os.geteuid() == 0 and not _user_exists("postgres")):
        return "running as root without a `postgres` user (or runuser) to start the test cluster as"
    return None


def _user_exists(name: str) -> bool:
    import pwd

    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True


def _free_port() -> int:
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Cluster:
    """A running cluster: url(name) for a database in it, create()/drop() for a test's own database."""

    def __init__(self) -> None:
        binaries = server_binaries()
        assert binaries is not None
        self.bin = binaries
        self.folder = Path(tempfile.mkdtemp(prefix="tongket-pg-"))
        self.data = self.folder / "data"
        self.port = _free_port()
        self._as_root = os.geteuid() == 0
        self._counter = itertools.count(1)
        if self._as_root:
            shutil.chown(self.folder, "postgres", "postgres")
        (self.folder / "pw").write_text(PASSWORD, encoding="utf-8")
        if self._as_root:
            shutil.chown(self.folder / "pw", "postgres", "postgres")
        self._run("initdb", "-D", str(self.data), "-U", USER, f"--pwfile={self.folder / 'pw'}", "-E", "UTF8",
                  "--locale=C.UTF-8", "--auth-local=trust", "--auth-host=scram-sha-256", "--no-sync")
        self.start()
        self.admin = create_engine(self.url("postgres"), isolation_level="AUTOCOMMIT", poolclass=_null_pool())

    def _run(self, program: str, *args: str) -> None:
        command = [str(self.bin / program), *args]
        if self._as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, cwd="/", stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def start(self) -> None:
        """Start (or restart) the server and wait until it accepts connections."""
        options = (f"-c listen_addresses=127.0.0.1 -p {self.port} -c unix_socket_directories={self.folder} "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.folder / "log"), "-w", "start")

    def stop(self, mode: str = "immediate") -> None:
        """Stop the server: at once by default (its data lost since synchronous_commit is off); "fast" closes every
        connection and writes every committed transaction first, as a server restarted by its administrator does."""
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")

    def url(self, database: str) -> str:
        """The SQLAlchemy URL of a database in the cluster, with the password."""
        return URL.create("postgresql+psycopg", username=USER, password=PASSWORD, host="127.0.0.1", port=self.port,
                          database=database).render_as_string(hide_password=False)

    def create(self, template: str | None = TEMPLATE) -> str:
        """A new database (a copy of template, or empty from template0); its URL."""
        name = f"test_{os.getpid()}_{next(self._counter)}"
        source = template or "template0"
        with self.admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{source}"'))
        return self.url(name)

    def drop(self, url: str) -> None:
        """Drop the database of url, closing whatever connections a test left open."""
        name = url.rsplit("/", 1)[1]
        with self.admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    def make_template(self) -> None:
        """The template every test's database copies: an empty database brought to the newest schema."""
        from app.storage.db import open_database

        with self.admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{TEMPLATE}" TEMPLATE template0'))
        open_database(self.url(TEMPLATE)).close()

    def close(self) -> None:
        """Stop the server and delete its folder."""
        self.admin.dispose()
        with contextlib.suppress(subprocess.CalledProcessError):
            self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


def _null_pool() -> type:
    from sqlalchemy.pool import NullPool

    return NullPool
