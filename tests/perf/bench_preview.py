"""Preview benchmark: keystroke to preview shown, and how long the GUI thread stalls while the user types.

Run: .venv/bin/python tests/perf/bench_preview.py [keystrokes]
Opens the demo report in the real window (offscreen, real background threads), types into a section and
measures, in the same run: the latency from a keystroke to the new preview on screen; the bare cost of
building the same preview HTML (compose + HTML) and of QTextBrowser.setHtml; and the longest gap between
10 ms ticks of a GUI-thread timer while typing at 8 keys a second (a stutter shows as a long gap).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TONGKET_DATA_DIR", tempfile.mkdtemp(prefix="tongket-bench-"))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QTextBrowser

from app.gui.application import make_application
from app.gui.main_window import MainWindow
from tests.gui.keys import type_text


def wait_for(signal, timeout_ms: int = 10_000) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    signal.disconnect(loop.quit)


def main() -> None:
    keystrokes = int(sys.argv[1]) if len(sys.argv) > 1 else 25
    app = make_application()
    window = MainWindow()
    window.show()
    window.start()
    wait_for(window.database_opened)
    window.open_demo()
    wait_for(window.report_opened)
    wait_for(window.editing.preview_updated)
    editor = window.editor
    editor.navigator.select_section("bai_hoc")
    text_edit = editor.section_editor.editor
    text_edit.moveCursor(text_edit.textCursor().MoveOperation.End)

    latencies = []
    for i in range(keystrokes):
        start = time.perf_counter()
        type_text(text_edit, "abcdefghik"[i % 10])
        wait_for(window.editing.preview_updated)
        app.processEvents()
        latencies.append(time.perf_counter() - start)

    from app.services.export import preview_html

    report = window.editing.report
    builds, paints = [], []
    browser = QTextBrowser()
    for _ in range(keystrokes):
        t = time.perf_counter()
        html = preview_html(report)
        builds.append(time.perf_counter() - t)
        t = time.perf_counter()
        browser.setHtml(html)
        paints.append(time.perf_counter() - t)

    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    ticker = QTimer(interval=10)
    ticker.timeout.connect(tick)
    ticker.start()
    for i in range(40):
        type_text(text_edit, "xyz "[i % 4])
        loop = QEventLoop()
        QTimer.singleShot(125, loop.quit)
        loop.exec()
    ticker.stop()
    window.editing.flush()
    window.close()

    lat, build, paint = statistics.median(latencies), statistics.median(builds), statistics.median(paints)
    delay = window.editing.PREVIEW_DELAY_MS / 1000
    print(f"keystroke → preview shown : median {lat * 1000:6.1f} ms (debounce {delay * 1000:.0f} ms included)")
    print(f"bare preview build        : median {build * 1000:6.1f} ms (compose + HTML, render thread)")
    print(f"QTextBrowser.setHtml      : median {paint * 1000:6.1f} ms (GUI thread)")
    print(f"ratio latency / (debounce + build + setHtml) : {lat / (delay + build + paint):.2f}")
    print(f"GUI thread while typing   : longest gap between 10 ms ticks {max(gaps) * 1000:.0f} ms, "
          f"median {statistics.median(gaps) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
