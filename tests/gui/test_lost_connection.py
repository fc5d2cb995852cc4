"""The shared server stops mid-edit: a banner says so, typing goes on, and everything typed lands when it is back."""

from __future__ import annotations

import pytest

from app.gui.main_window import MainWindow
from app.gui.tasks import Tasks
from app.services import journal, reports
from tests.gui.keys import type_text
from tests.gui.test_main_window import open_demo, opened_window

pytestmark = pytest.mark.postgresql


@pytest.fixture
def office_window(qtbot, postgresql_cluster, monkeypatch):
    """A window on a database of its own in the test cluster, as a clerk's PC on the office's server."""
    url = postgresql_cluster.create()
    monkeypatch.setenv("TONGKET_DATABASE_URL", url)
    # Retries a tenth as far apart as in use, so the test need not wait half a minute for the server's return.
    monkeypatch.setattr("app.gui.editing.ReportEditing.RETRY_MS", (100, 200, 400))
    win = opened_window(qtbot)
    yield win
    win.close()
    postgresql_cluster.drop(url)


def test_a_stopped_server_shows_the_banner_keeps_typing_and_saves_it_all_when_back(qtbot, office_window,
                                                                                  postgresql_cluster):
    window = office_window
    open_demo(qtbot, window)
    banner = window.editor.connection_banner
    assert banner.isHidden()
    window.editor.navigator.select_section("bai_hoc")
    text = window.editor.section_editor.editor
    text.moveCursor(text.textCursor().MoveOperation.End)

    postgresql_cluster.stop("fast")
    try:
        with qtbot.waitSignal(window.editing.connection_changed, timeout=30_000) as lost:
            type_text(text, " Câu thứ nhất khi mất mạng.")
            window.editing.save_now()
        assert lost.args == [True]
        assert banner.isVisible()
        assert banner.text() == ("Mất kết nối tới cơ sở dữ liệu dùng chung. Những gì chị gõ vẫn được giữ trên máy "
                                 "này và sẽ được ghi khi kết nối lại.")
        assert text.isEnabled() and not text.isReadOnly()
        type_text(text, " Câu thứ hai, vẫn gõ tiếp.")
        window.editing.save_now()
        [kept] = journal.pending(window.sessions.location)
        assert kept.mine.section("bai_hoc").entries[-1].text.endswith("Câu thứ hai, vẫn gõ tiếp.")
    finally:
        postgresql_cluster.start()

    with qtbot.waitSignal(window.editing.connection_changed, timeout=30_000) as back:
        pass
    assert back.args == [False]
    assert banner.isHidden()
    window.editing.flush()
    stored = reports.get_report(window.sessions, window.editing.report_id)
    assert stored.section("bai_hoc").entries[-1].text.endswith(" Câu thứ nhất khi mất mạng. Câu thứ hai, vẫn gõ tiếp.")
    assert journal.pending(window.sessions.location) == []


def test_closing_the_window_while_the_server_is_away_keeps_the_edits_for_the_next_start(qtbot, office_window,
                                                                                     postgresql_cluster):
    window = office_window
    open_demo(qtbot, window)
    report_id = window.editing.report_id
    window.editor.navigator.select_section("bai_hoc")
    text = window.editor.section_editor.editor
    text.moveCursor(text.textCursor().MoveOperation.End)
    postgresql_cluster.stop("fast")
    try:
        with qtbot.waitSignal(window.editing.connection_changed, timeout=30_000):
            type_text(text, " Gõ lúc máy chủ tắt, rồi đóng cửa sổ.")
            window.editing.save_now()
        window.close()  # her save still pending
    finally:
        postgresql_cluster.start()

    again = MainWindow(tasks=Tasks(inline=True))
    qtbot.addWidget(again)
    again.show()
    with qtbot.waitSignal(again.database_opened, timeout=10_000):
        again.start()
    try:
        assert again.journal.box is not None and again.journal.box.isVisible()
        with qtbot.waitSignal(again.journal.restored, timeout=10_000):
            again.journal.restore_button.click()
        stored = reports.get_report(again.sessions, report_id)
        assert stored.section("bai_hoc").entries[-1].text.endswith("Gõ lúc máy chủ tắt, rồi đóng cửa sổ.")
        assert journal.pending(again.sessions.location) == []
        assert again.editing.report_id == report_id and not again.editing.dirty
    finally:
        again.close()
