"""The one way the window calls a service: the open database is passed in, failures become messages."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QApplication

from app.domain.errors import UserError


def test_a_service_gets_the_open_database_and_its_result_comes_back(runner):
    seen = []
    runner.run(lambda sessions, a, b: (sessions, a + b), 2, 3, done=seen.append)
    assert seen == [(runner.sessions, 5)]


def test_a_user_error_is_announced_with_its_detail(qtbot, runner):
    def refuse(_sessions):
        raise UserError("Tệp đang mở trong Word.", detail="Đóng tệp rồi thử lại.")

    with qtbot.waitSignal(runner.failed) as failed:
        runner.run(refuse)
    assert failed.args == ["Tệp đang mở trong Word.", "Đóng tệp rồi thử lại."]


def test_a_bug_is_logged_and_announced_without_a_traceback(qtbot, runner, caplog):
    def broken(_sessions):
        raise KeyError("x")

    with caplog.at_level(logging.ERROR), qtbot.waitSignal(runner.failed) as failed:
        runner.run(broken)
    assert "nhật ký" in failed.args[0] and "KeyError" not in failed.args[0]
    assert any(record.exc_info for record in caplog.records)


def test_busy_work_shows_a_wait_cursor_only_while_it_runs(runner):
    during = []
    runner.run(lambda _s: during.append(QApplication.overrideCursor() is not None), busy=True)
    assert during == [True]
    assert QApplication.overrideCursor() is None


def test_a_failure_of_busy_work_restores_the_cursor_and_goes_to_its_handler(runner):
    caught = []

    def refuse(_sessions):
        raise UserError("Không đọc được tệp.")

    runner.run(refuse, busy=True, failed=caught.append)
    assert [exc.message for exc in caught] == ["Không đọc được tệp."]
    assert QApplication.overrideCursor() is None
