"""A save the server takes long to answer: what she types meanwhile is journaled at once, not after it."""

from __future__ import annotations

import threading

from app.gui.main_window import MainWindow
from app.gui.tasks import Tasks
from app.services import journal, reports
from tests.gui.keys import type_text
from tests.gui.test_main_window import open_demo


def test_edits_made_while_a_save_hangs_are_in_the_journal_before_it_returns(qtbot, monkeypatch):
    window = MainWindow(tasks=Tasks())  # a real database thread: the save hangs there, not here
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.database_opened, timeout=10_000):
        window.start()
    open_demo(qtbot, window)
    answer, hanging = threading.Event(), threading.Event()
    save = reports.save_changes

    def slow(*args):
        hanging.set()
        answer.wait(30)
        return save(*args)

    monkeypatch.setattr(reports, "save_changes", slow)
    window.editor.navigator.select_section("bai_hoc")
    text = window.editor.section_editor.editor
    text.moveCursor(text.textCursor().MoveOperation.End)
    try:
        type_text(text, " Câu đầu.")
        window.editing.save_now()
        qtbot.waitUntil(hanging.is_set, timeout=10_000)
        type_text(text, " Câu gõ trong lúc chờ máy chủ.")
        window.editing.save_now()  # the debounced save, while the first one is still under way

        def journaled() -> bool:
            entries = journal.pending(window.sessions.location)
            return bool(entries) and entries[0].mine.section("bai_hoc").entries[-1].text.endswith("chờ máy chủ.")

        qtbot.waitUntil(journaled, timeout=10_000)
    finally:
        answer.set()
    with qtbot.waitSignal(window.editing.report_saved, timeout=10_000):
        pass
    window.editing.flush()
    assert reports.get_report(window.sessions, window.editing.report_id).section("bai_hoc").entries[-1].text.endswith(
        "Câu đầu. Câu gõ trong lúc chờ máy chủ.")
    assert journal.pending(window.sessions.location) == []
    window.close()
