"""Run by test_pending_kill.py in a child process: type into the demo while the database never answers, then wait.

The database "hangs" (reports.save_changes blocks, as a server behind a pulled cable would): once the save of what
was typed is under way it prints "pending <report id>", and waits to be killed.
"""

import os
import sys
import threading

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer

from app.gui.application import make_application
from app.gui.main_window import MainWindow
from app.services import reports

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from keys import type_text

TEXT = sys.argv[1]


def main() -> None:
    app = make_application()
    window = MainWindow()
    window.show()

    def on_opened(report_id: int) -> None:
        def hang(*_args: object) -> None:
            print(f"pending {report_id}", flush=True)
            threading.Event().wait()

        reports.save_changes = hang  # the next save never gets an answer
        window.editor.navigator.select_section("de_xuat")
        editor = window.editor.section_editor.editor
        editor.setFocus()
        editor.moveCursor(editor.textCursor().MoveOperation.End)
        type_text(editor, TEXT)
        window.editing.save_now()

    window.report_opened.connect(on_opened)
    window.database_opened.connect(window.open_demo)
    QTimer.singleShot(0, window.start)
    app.exec()


main()
