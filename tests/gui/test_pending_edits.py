"""Edits the database never got (the program killed mid-save, a conflict left open at closing) are offered back."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from app.gui.main_window import MainWindow
from app.gui.tasks import Tasks
from app.services import journal, reports
from tests.gui.keys import type_text
from tests.gui.test_conflict_dialog import her_typing_is_refused, his_title_change
from tests.gui.test_kill import _lines
from tests.gui.test_main_window import click, open_demo, window  # noqa: F401 - fixture

ROOT = Path(__file__).resolve().parents[2]
TEXT = " Câu chị gõ ngay trước khi máy bị tắt ngang."


@pytest.fixture
def next_start(qtbot):
    """Start the window again, as she would the next morning; it is closed after the test."""
    started = []

    def start() -> MainWindow:
        win = MainWindow(tasks=Tasks(inline=True))
        qtbot.addWidget(win)
        win.show()
        with qtbot.waitSignal(win.database_opened, timeout=10_000):
            win.start()
        started.append(win)
        return win

    yield start
    for win in started:
        win.close()


def test_an_edit_whose_save_was_pending_when_the_program_was_killed_is_offered_back_and_saved(
        qtbot, data_dir, next_start):
    env = dict(os.environ, TONGKET_DATA_DIR=str(data_dir), QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    child = subprocess.Popen([sys.executable, str(Path(__file__).with_name("pending_driver.py")), TEXT],
                             cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    report_id = None
    try:
        for line in _lines(child):
            if line.startswith("pending"):
                report_id = int(line.split()[1])
                break
        assert report_id is not None, child.stderr.read() if child.poll() is not None else "no output"
        os.kill(child.pid, signal.SIGKILL)
    finally:
        if child.poll() is None:
            child.kill()
        child.wait(timeout=30)
        child.stdout.close()
        child.stderr.close()

    window = next_start()  # noqa: F811

    box = window.journal.box
    assert box is not None and box.isVisible()
    assert box.windowTitle() == "Khôi phục những thay đổi chưa ghi"
    with qtbot.waitSignal(window.journal.restored, timeout=10_000):
        click(qtbot, window.journal.restore_button)
    stored = reports.get_report(window.sessions, report_id)
    assert stored.section("de_xuat").entries[-1].text.endswith(TEXT.strip())
    assert window.editing.report_id == report_id
    assert window.editing.report.section("de_xuat").entries[-1].text.endswith(TEXT.strip())
    assert journal.pending(window.sessions.location) == []


def test_closing_with_a_conflict_unanswered_keeps_her_edits_for_the_next_start_which_shows_the_conflict(
        qtbot, window, next_start):  # noqa: F811
    open_demo(qtbot, window)
    report_id = window.editing.report_id
    his_title_change(window, "Tiêu đề anh ấy đã lưu")
    her_typing_is_refused(qtbot, window)
    type_text(window.editor.section_editor.editor, " Rồi gõ thêm.")  # after the refusal, before closing

    window.close()

    again = next_start()
    assert again.journal.box is not None and again.journal.box.isVisible()
    with qtbot.waitSignal(again.editing.save_conflict, timeout=10_000):
        click(qtbot, again.journal.restore_button)
    qtbot.waitUntil(lambda: getattr(again, "conflict_dialog", None) is not None and again.conflict_dialog.isVisible())
    assert again.editing.report_id == report_id
    mine = again.editing.report.section("bai_hoc").entries[-1].text
    assert mine.endswith("Chị thêm câu này. Rồi gõ thêm.")
    stored = reports.get_report(again.sessions, report_id)
    assert stored.title == "Tiêu đề anh ấy đã lưu"  # nothing overwritten without her say
    with qtbot.waitSignal(again.editing.report_saved, timeout=10_000):
        click(qtbot, again.conflict_dialog.mine_button)
    again.editing.flush()
    assert reports.get_report(again.sessions, report_id).section("bai_hoc").entries[-1].text == mine
    assert journal.pending(again.sessions.location) == []


def test_discarding_the_offer_sets_the_edits_aside_and_asks_no_more(qtbot, window, next_start):  # noqa: F811
    open_demo(qtbot, window)
    his_title_change(window, "Tiêu đề anh ấy đã lưu")
    her_typing_is_refused(qtbot, window)
    window.close()

    again = next_start()
    click(qtbot, again.journal.discard_button)

    assert journal.pending(again.sessions.location) == []
    assert list(journal.folder().glob("*.discarded"))
    assert next_start().journal.box is None
