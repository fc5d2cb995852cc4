"""Who else has the report open: two windows see each other; leaving or falling silent clears the row."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import update

from app.domain.demo import demo_report
from app.domain.presence import Presence, presence_line
from app.services import presence, reports
from app.services.sessions import open_sessions
from app.storage import presence_repo
from app.storage.tables import PresenceRow


@pytest.fixture
def other(engine_url):
    """A second connection to the same database, as a second clerk's computer would open."""
    database = open_sessions(engine_url)
    yield database
    database.close()


@pytest.fixture
def report_id(sessions) -> int:
    return reports.save_new_report(sessions, demo_report())


def test_two_windows_on_one_report_see_each_other_and_nobody_else(sessions, other, report_id):
    second_report = reports.save_new_report(sessions, demo_report())

    assert presence.beat(sessions, "her-window", report_id, "Nguyễn Thị Lan", "PC-01") == []
    seen_by_him = presence.beat(other, "his-window", report_id, "Trần Văn Hùng", "PC-02")
    seen_by_her = presence.beat(sessions, "her-window", report_id, "Nguyễn Thị Lan", "PC-01")
    elsewhere = presence.beat(other, "third-window", second_report, "Lê Văn C", "PC-03")

    assert seen_by_him == [Presence("her-window", "Nguyễn Thị Lan", "PC-01")]
    assert seen_by_her == [Presence("his-window", "Trần Văn Hùng", "PC-02")]
    assert elsewhere == []
    assert presence_line(seen_by_her) == "Đang mở cùng lúc: Trần Văn Hùng (máy PC-02)"


def test_a_window_that_leaves_disappears_at_once(sessions, other, report_id):
    presence.beat(sessions, "her-window", report_id, "Lan", "PC-01")
    presence.beat(other, "his-window", report_id, "Hùng", "PC-02")

    presence.leave(other, "his-window")

    assert presence.beat(sessions, "her-window", report_id, "Lan", "PC-01") == []


def test_a_window_silent_for_longer_than_the_timeout_counts_for_nobody(sessions, other, report_id):
    presence.beat(sessions, "her-window", report_id, "Lan", "PC-01")
    presence.beat(other, "killed-window", report_id, "Hùng", "PC-02")
    # His window was killed: its last heartbeat, on the server's clock, is now a minute old.
    with other.begin() as session:
        old = presence_repo.server_now(session) - timedelta(seconds=presence.TIMEOUT + 15)
        session.execute(update(PresenceRow).where(PresenceRow.session_id == "killed-window").values(seen_at=old))

    assert presence.beat(sessions, "her-window", report_id, "Lan", "PC-01") == []
    # Within a longer timeout he would still count: it is the age that clears him, not the row's absence.
    assert [p.session_id for p in presence.beat(sessions, "her-window", report_id, "Lan", "PC-01",
                                                timeout=presence.TIMEOUT + 60)] == ["killed-window"]


def test_the_heartbeat_is_timed_by_the_database_server_not_this_computer(sessions, report_id):
    with sessions.begin() as session:
        now = presence_repo.server_now(session)
    presence.beat(sessions, "her-window", report_id, "Lan", "PC-01")

    with sessions.begin() as session:
        row = session.get(PresenceRow, "her-window")
        assert row is not None
        assert now - timedelta(seconds=1) <= row.seen_at <= now + timedelta(seconds=30)


def test_deleting_the_report_clears_its_presence(sessions, report_id):
    presence.beat(sessions, "her-window", report_id, "Lan", "PC-01")

    reports.delete_report(sessions, report_id)

    with sessions.begin() as session:
        assert session.get(PresenceRow, "her-window") is None


def test_a_window_names_its_user_and_computer():
    assert presence.this_computer()
    assert Presence("x", "Nguyễn Văn A", "PC-02").label == "Nguyễn Văn A (máy PC-02)"
