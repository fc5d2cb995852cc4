"""Two windows on one database and one report: each shows the other's name in a quiet row; closing one clears it."""

from __future__ import annotations

import pytest

from app.gui.main_window import MainWindow
from app.gui.tasks import Tasks
from tests.gui.test_main_window import open_demo, window  # noqa: F401 - fixture


@pytest.fixture
def second(qtbot, window, monkeypatch):  # noqa: F811
    """A second window on the same database, as a second clerk would open on her own computer."""
    win = MainWindow(tasks=Tasks(inline=True))
    win.presence.user_name, win.presence.machine = "Trần Văn Hùng", "PC-02"
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.database_opened, timeout=10_000):
        win.start()
    yield win
    win.close()


def test_two_windows_on_one_report_show_each_other_and_closing_one_clears_the_row(qtbot, engine_url, window,  # noqa: F811
                                                                                     second):
    window.presence.user_name, window.presence.machine = "Nguyễn Thị Lan", "PC-01"
    assert window.database_url is None and window.sessions.location == second.sessions.location  # one database
    open_demo(qtbot, window)
    assert window.editor.presence_label.isHidden()

    with qtbot.waitSignal(second.report_opened, timeout=10_000):
        second.reports.open(window.editing.report_id)
    window.presence.beat()  # her next heartbeat

    assert second.editor.presence_label.isVisible()
    assert second.editor.presence_label.text() == "Đang mở cùng lúc: Nguyễn Thị Lan (máy PC-01)"
    assert window.editor.presence_label.isVisible()
    assert window.editor.presence_label.text() == "Đang mở cùng lúc: Trần Văn Hùng (máy PC-02)"

    second.close()
    window.presence.beat()

    assert window.editor.presence_label.isHidden()
