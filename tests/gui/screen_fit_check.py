"""Opens the real window on the X screen it is given (run under xvfb-run) and prints what lies outside the screen.

Run: xvfb-run -s "-screen 0 1366x768x24" .venv/bin/python tests/gui/screen_fit_check.py [--saved-geometry]
--saved-geometry: first store the geometry of a 1360×860 window, as a larger screen would have left it.
Prints one JSON object: the screen's available area, the window's frame, and the controls outside the area.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def outside(widgets, area) -> list[str]:
    """The names of the visible widgets not wholly inside area (global coordinates)."""
    from PySide6.QtCore import QPoint, QRect

    names = []
    for name, widget in widgets:
        rect = QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())
        if not widget.isVisible() or not area.contains(rect):
            names.append(f"{name} {rect.getRect()}")
    return names


def main() -> None:
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    os.environ["TONGKET_DATA_DIR"] = tempfile.mkdtemp(prefix="tongket-fit-")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QByteArray, QRect, QSettings
    from PySide6.QtWidgets import QApplication, QPushButton

    from app.gui import ui_state
    from app.gui.application import apply_language, make_application
    from app.gui.main_window import MainWindow
    from app.gui.tasks import Tasks

    app = make_application()
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, os.environ["TONGKET_DATA_DIR"])
    apply_language(app, "vi")
    if "--saved-geometry" in sys.argv:
        big = MainWindow(tasks=Tasks(inline=True))
        big.setGeometry(QRect(40, 40, 1360, 860))
        ui_state.put(ui_state.GEOMETRY, QByteArray(big.saveGeometry()))
        big.deleteLater()

    def settle() -> None:
        for _ in range(10):
            QApplication.processEvents()

    window = MainWindow(tasks=Tasks(inline=True))
    window.show()
    window.start()
    settle()
    area = window.screen().availableGeometry()
    result: dict = {"available": area.getRect(), "welcome": [], "home": [], "editor": []}
    welcome = window.welcome
    result["welcome"] = outside([("create", welcome.create_button), ("demo", welcome.demo_button)], area)
    window.open_demo()
    settle()
    editor = window.editor
    editor.navigator.select_section("de_xuat")
    text = editor.section_editor.editor
    text.moveCursor(text.textCursor().MoveOperation.End)
    text.insertPlainText("\n- Một đề xuất.")
    window.editing.flush()
    settle()
    result["saved_label"] = window.saved_label.text()
    result["editor"] = outside([("outline", editor.navigator), ("section text", text), ("preview", editor.preview),
                                ("findings", editor.findings), ("saved label", window.saved_label),
                                ("status bar", window.statusBar()), ("sample banner", window.sample_banner),
                                ("close sample", window.close_sample_button)], area)
    window.show_home()
    settle()
    home = window.home
    buttons = [(b.text(), b) for b in home.findChildren(QPushButton)]
    result["home"] = outside([*buttons, ("reports", home.table), ("status bar", window.statusBar())], area)
    result["frame"] = window.frameGeometry().getRect()
    result["geometry"] = window.geometry().getRect()
    print(json.dumps(result, ensure_ascii=False))
    window.close()


if __name__ == "__main__":
    main()
