"""Two clerks on one report in the shared PostgreSQL database, under Xvfb at 1366×768: the conflict dialog, grabbed.

Run: .venv/bin/python tests/gui/render_conflict.py [OUT_DIR]   (default OUT_DIR: journey/)
Starts its own Xvfb 1366×768 (display :93) when DISPLAY is not set and a throwaway PostgreSQL cluster (tests/postgres.py),
opens two windows on the same database, as two computers would. In the first window he opens the sample report and
changes the title, a figure and a section's text; in the second she changes the same figure and section's text and a
place name, then saves: the second save is refused and the conflict dialog opens, grabbed as conflict-dialog.png (and the
whole screen as conflict-screen.png), for a person to look at; tests/gui/test_conflict_dialog.py checks the same with
assertions. The PNGs are not committed.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.gui.screen_script import ROOT, application, on_screen, settle, wait


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "journey").resolve()
    out.mkdir(parents=True, exist_ok=True)
    from tests import postgres

    reason = postgres.why_unavailable()
    if reason is not None:
        sys.exit(reason)
    with on_screen("tongket-conflict-", display=":93"):
        cluster = postgres.Cluster()
        try:
            cluster.make_template()
            _run(out, cluster.create())
        finally:
            cluster.close()


def _run(out: Path, url: str) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from app.gui.main_window import MainWindow
    from tests.gui.keys import type_text

    app = application()

    def spin(widget, value: int) -> None:
        widget.setFocus()
        widget.selectAll()
        QTest.keyClicks(widget, str(value))
        QTest.keyClick(widget, Qt.Key.Key_Tab)

    def line(edit, text: str) -> None:
        edit.setFocus()
        edit.selectAll()
        type_text(edit, text)

    def append(window, section: str, text: str) -> None:
        window.editor.navigator.select_section(section)
        editor = window.editor.section_editor.editor
        editor.setFocus()
        editor.moveCursor(editor.textCursor().MoveOperation.End)
        type_text(editor, text)

    his, hers = MainWindow(database_url=url), MainWindow(database_url=url)
    for window in (his, hers):
        window.show()
        window.start()
        wait(window.database_opened)
    QTest.mouseClick(his.welcome.demo_button, Qt.MouseButton.LeftButton)
    wait(his.report_opened)
    his.editing.flush()  # the sample stored, with its drafted sentences, before she opens it
    report_id = his.editing.report_id
    hers.refresh_home()
    wait(hers.database_opened)
    hers.reports.open(report_id)
    wait(hers.report_opened)
    settle(1500)  # the drafted sentences of both windows saved
    for window in (his, hers):
        window.editing.flush()

    # He edits and saves first.
    his.editor.navigator.select_page("page:document")
    line(his.editor.document_fields.title, "Báo cáo tổng kết công tác xây dựng Đảng năm 2026 (bản sửa ở máy thứ hai)")
    his.editor.navigator.select_page("page:stats")
    spin(his.editor.stats_form.widget_for("stats.membership.female"), 45)
    append(his, "bai_hoc", " Phải sâu sát cơ sở hơn.")
    his.editing.flush()

    # She edits the same figure and section, and the place name, then saves.
    hers.activateWindow()
    hers.editor.navigator.select_page("page:stats")
    spin(hers.editor.stats_form.widget_for("stats.membership.female"), 47)
    append(hers, "bai_hoc", " Cần phát huy vai trò nêu gương của đảng viên.")
    hers.editor.navigator.select_page("page:document")
    line(hers.editor.document_fields.place, "Thái Nguyên")
    hers.editing.save_now()
    # Whoever saved second gets the dialog (an autosave may have landed hers while he typed).
    shown = None
    for _attempt in range(50):
        shown = next((w for w in (hers, his) if getattr(w, "conflict_dialog", None) is not None
                      and w.conflict_dialog.isVisible()), None)
        if shown is not None:
            break
        settle(200)
    assert shown is not None, "no conflict dialog opened"
    dialog = shown.conflict_dialog
    for field in shown.editing.conflict.conflicts:
        print(field.path, field.changed_by_them, field.changed_by_me)
    settle(800)
    dialog.grab().save(str(out / "conflict-dialog.png"))
    dialog.screen().grabWindow(0).save(str(out / "conflict-screen.png"))
    print(out / "conflict-dialog.png", dialog.size().width(), dialog.size().height())
    print(out / "conflict-screen.png")
    dialog.reject()
    for window in (his, hers):
        window.close()
    app.processEvents()


if __name__ == "__main__":
    main()
