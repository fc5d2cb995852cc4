"""The member list of a chi bộ in the real window under Xvfb at 1366×768, grabbed to PNG for a person to look at.

Run: .venv/bin/python tests/gui/render_roster.py [OUT_DIR]   (default OUT_DIR: roster-screens/)
Stores the roster demo (a school's chi bộ of 28 members among 35 staff) in a fresh data folder, opens it, and grabs
the member list, a member typed into it, and the statistics page whose counts the list gives. The PNGs are not
committed; tests/gui/widgets/test_roster_page.py checks the same with assertions.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.gui.screen_script import ROOT, application, on_screen, settle, wait
from tests.gui.screen_script import snap as grab


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "roster-screens").resolve()
    out.mkdir(parents=True, exist_ok=True)
    with on_screen("tongket-roster-", display=":93"):  # not the other scripts' :87: they can run beside this one
        _run(out)


def _run(out: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QLineEdit

    from app.domain.demo import demo_report
    from app.gui.main_window import MainWindow
    from app.services import reports
    from tests.gui.keys import type_text

    _app = application()  # held for the script's length
    window = MainWindow()
    window.show()

    def snap(name: str) -> None:
        grab(window, out, name)

    window.start()
    wait(window.database_opened)
    report_id = reports.save_new_report(window.sessions, demo_report("roster"))
    window.reports.open(report_id)
    wait(window.report_opened)
    editor = window.editor
    editor.navigator.select_page("page:roster")
    snap("01-member-list")
    page = editor.roster_page
    QTest.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    settle()
    # Without a window manager the window is never active, so nothing has the focus: the open cell is found instead.
    box = next(w for w in page.table.viewport().findChildren(QLineEdit) if w.isVisible())
    box.setFocus()
    type_text(box, "Hà Thị Mới")
    QTest.keyClick(box, Qt.Key.Key_Return)
    settle()
    page.table.scrollToBottom()
    snap("02-member-typed")
    editor.navigator.select_page("page:stats")
    form = editor.stats_form
    closing = form.widget_for("stats.membership.closing_total")
    form.ensureWidgetVisible(closing, 50, 200)
    snap("03-statistics-from-the-list")
    window.editing.flush()
    window.editing.close()
    window.close()
    QApplication.processEvents()
    time.sleep(0.2)


if __name__ == "__main__":
    main()
