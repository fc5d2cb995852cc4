"""Storage test set-up: an open database, on a real SQLite file and on a real PostgreSQL server."""

from __future__ import annotations

import pytest

from app.domain.report import Report
from app.storage import org_repo, report_repo
from app.storage.db import Database, open_database


@pytest.fixture
def database(engine_url):
    """A fresh database on each engine (see engine_url in tests/conftest.py), closed after the test."""
    database = open_database(engine_url)
    yield database
    database.close()


@pytest.fixture
def stored_demo(database: Database, demo: Report) -> int:
    """Id of the demo report, stored with its organisation."""
    with database.begin() as session:
        demo.organisation.id = org_repo.add(session, demo.organisation)
        return report_repo.add(session, demo)

