"""Render each main screen of the real window under Xvfb to PNG, for a person to look at.

Run: .venv/bin/python tests/gui/render_screens.py [OUT_DIR] [--lang en] [--screen 1366x768]
(default OUT_DIR: screens/). Starts its own Xvfb when DISPLAY is not set, 1600×1000 unless --screen says
otherwise. With --screen the window sizes itself as on a first run on that screen, and the whole screen is
grabbed too (screen-*.png), so that anything off the screen shows as missing. The PNGs are for review; they
are not committed.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.gui.screen_script import ROOT, ensure_display


def _option(name: str) -> str | None:
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv[:-1] else None


def main() -> None:
    values = {_option("--lang"), _option("--screen")}
    args = [a for a in sys.argv[1:] if not a.startswith("--") and a not in values]
    language = _option("--lang") or "vi"
    screen = _option("--screen")
    out = Path(args[0] if args else ROOT / "screens").resolve()
    out.mkdir(parents=True, exist_ok=True)
    server = ensure_display(screen or "1600x1000")
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    os.environ.setdefault("TONGKET_DATA_DIR", tempfile.mkdtemp(prefix="tongket-screens-"))
    try:
        _run(out, language, fit=screen is not None)
    finally:
        if server is not None:
            server.terminate()


def _run(out: Path, language: str, fit: bool) -> None:
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from app.gui.application import apply_language, make_application
    from app.gui.main_window import MainWindow
    from app.gui.tasks import Tasks

    app = make_application()
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, os.environ["TONGKET_DATA_DIR"])
    apply_language(app, language)
    window = MainWindow(tasks=Tasks(inline=True))
    if not fit:
        window.resize(1500, 950)
    window.show()

    def snap(name: str, widget=None) -> None:
        for _ in range(5):
            QApplication.processEvents()
        (widget or window).grab().save(str(out / f"{name}.png"))
        print(out / f"{name}.png")
        if fit and widget is None:
            window.screen().grabWindow(0).save(str(out / f"screen-{name}.png"))
            print(out / f"screen-{name}.png")

    window.start()
    snap("01-welcome")
    window.create_organisation()
    snap("02-organisation-dialog", window.organisations.dialog)
    window.organisations.dialog.close()
    window.open_demo()
    editor = window.editor
    window.editing.refresh_preview()
    snap("03-editor-document")
    editor.navigator.select_page("page:stats")
    snap("04-editor-statistics")
    editor.navigator.select_page("page:targets")
    snap("05-editor-targets")
    editor.navigator.select_section("to_chuc_can_bo")
    snap("06-editor-section")
    editor.navigator.select_page("page:stats")
    editor.stats_form.widget_for("stats.ratings.organisations.good").setValue(12)
    editor.stats_form.focus_field("stats.ratings.organisations.good")
    snap("07-editor-finding")
    editor.navigator.select_section("to_chuc_can_bo")
    editor.preview.set_zoom(150)
    snap("07b-editor-preview-zoomed")
    editor.preview.set_zoom(100)
    window.show_home()
    snap("08-home")
    window.new_report()
    snap("09-new-report-dialog", window.reports.new_report_dialog)
    window.reports.new_report_dialog.close()
    window.show_about()
    if hasattr(window, "about_dialog"):
        snap("10-about", window.about_dialog)
    QTimer.singleShot(0, app.quit)
    window.close()


if __name__ == "__main__":
    main()
