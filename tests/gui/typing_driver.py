"""Run by test_kill.py in a child process: open the demo in the real window and type into a section.

It prints "ready <report id>" once the section is open, then "typed <n> <monotonic time>" after each
character, until it is killed.
"""

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer

from app.gui.application import make_application
from app.gui.main_window import MainWindow

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from keys import type_text

TEXT = sys.argv[1]
INTERVAL_MS = int(sys.argv[2]) if len(sys.argv) > 2 else 40


def main() -> None:
    app = make_application()
    window = MainWindow()
    window.show()
    state = {"typed": 0}

    def type_next() -> None:
        if state["typed"] >= len(TEXT):
            return
        type_text(window.editor.section_editor.editor, TEXT[state["typed"]])
        state["typed"] += 1
        print(f"typed {state['typed']} {time.monotonic():.3f}", flush=True)
        QTimer.singleShot(INTERVAL_MS, type_next)

    def on_opened(report_id: int) -> None:
        window.editor.navigator.select_section("de_xuat")
        editor = window.editor.section_editor.editor
        editor.setFocus()
        editor.moveCursor(editor.textCursor().MoveOperation.End)
        type_text(editor, "\n")
        print(f"ready {report_id}", flush=True)
        QTimer.singleShot(INTERVAL_MS, type_next)

    window.report_opened.connect(on_opened)
    window.database_opened.connect(window.open_demo)
    QTimer.singleShot(0, window.start)
    app.exec()


main()
