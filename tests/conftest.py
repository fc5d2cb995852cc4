"""Shared test set-up: offscreen Qt, a temporary data folder per test, the Vietnamese catalog, both database engines.

A test that asks for `engine_url` runs twice: on a SQLite file and on a database of its own in a throwaway PostgreSQL
cluster (tests/postgres.py), started once per run; the PostgreSQL half is skipped, with the reason, where the server
binaries are absent. Run one engine with `-m postgresql` or `-m "not postgresql"`.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from app import i18n


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    """Every test gets its own user data folder, so no test touches the real database."""
    folder = tmp_path / "userdata"
    folder.mkdir()
    monkeypatch.setenv("TONGKET_DATA_DIR", str(folder))
    monkeypatch.delenv("TONGKET_DATABASE_URL", raising=False)
    return folder


@pytest.fixture(autouse=True)
def no_keyring():
    """No test reads or writes the real OS keyring: keyring's "fail" backend (as on a machine without one)."""
    import keyring
    from keyring.backends import fail

    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)


@pytest.fixture(autouse=True)
def vietnamese():
    """Messages in Vietnamese, the app's default language; restored after each test."""
    i18n.set_language("vi")
    yield
    i18n.set_language("vi")


@pytest.fixture
def demo():
    from app.domain.demo import demo_report

    return demo_report()


@pytest.fixture(scope="session")
def postgresql_cluster():
    """A PostgreSQL cluster for the whole run, with a template database at the newest schema; skipped without one."""
    from tests import postgres

    reason = postgres.why_unavailable()
    if reason is not None:
        pytest.skip(reason)
    cluster = postgres.Cluster()
    try:
        cluster.make_template()
        yield cluster
    finally:
        cluster.close()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def engine_url(request, data_dir, monkeypatch):
    """The URL of a fresh database: the user's SQLite file (not yet created), or a PostgreSQL database of the test's
    own at the newest schema, which TONGKET_DATABASE_URL then names too (so the user's database is that one)."""
    if request.param == "sqlite":
        yield f"sqlite:///{(data_dir / 'tongket.sqlite3').as_posix()}"
        return
    cluster = request.getfixturevalue("postgresql_cluster")
    url = cluster.create()
    monkeypatch.setenv("TONGKET_DATABASE_URL", url)
    yield url
    cluster.drop(url)


@pytest.fixture
def sessions(engine_url):
    """The services' open database on each engine (see engine_url), closed after the test."""
    from app.services.sessions import open_sessions

    database = open_sessions(engine_url)
    yield database
    database.close()
