"""Typing benchmark: the longest GUI-thread pause while typing 8 keys a second into a section.

Run: .venv/bin/python tests/perf/bench_typing.py [seconds]
Opens the demo, then the demo made 10 times bigger (tests/perf/sample.py), in the real window (offscreen, real
background threads: autosave, checks and preview run as they do for the user) and types into a section at
8 keys a second. A GUI-thread timer ticks every 10 ms; the longest gap between ticks is the longest pause
the user could feel. The baseline, in the same run, is the same typing into a bare QPlainTextEdit.
The GUI-thread work behind the pauses is timed too: the snapshot copy, the preview's setHtml, the findings
shown. Prints the figures; it asserts nothing.
"""

from __future__ import annotations

import gc
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TONGKET_DATA_DIR", tempfile.mkdtemp(prefix="tongket-bench-"))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QPlainTextEdit

from app.gui.application import make_application
from app.gui.main_window import MainWindow
from tests.gui.keys import type_text

KEY_INTERVAL_MS = 125  # 8 keys a second
TICK_MS = 10


def wait_for(signal, timeout_ms: int = 20_000) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    signal.disconnect(loop.quit)


def pause(msecs: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(msecs, loop.quit)
    loop.exec()


def type_for(widget, seconds: float) -> tuple[list[float], list[float], list[float]]:
    """Type into widget at 8 keys a second.

    Returns, in ms: the gaps between 10 ms ticks, the GUI thread's own CPU time within each gap (what the
    app did on it, apart from waiting for the machine or for the interpreter lock), and the time each key took.
    """
    gaps: list[float] = []
    cpu: list[float] = []
    keys: list[float] = []
    last = [time.perf_counter(), time.thread_time()]

    def tick() -> None:
        now, used = time.perf_counter(), time.thread_time()
        gaps.append((now - last[0]) * 1000)
        cpu.append((used - last[1]) * 1000)
        last[0], last[1] = now, used

    ticker = QTimer(interval=TICK_MS)
    ticker.timeout.connect(tick)
    ticker.start()
    for i in range(round(seconds * 1000 / KEY_INTERVAL_MS)):
        start = time.perf_counter()
        type_text(widget, "Đảng bộ lãnh đạo "[i % 17])
        keys.append((time.perf_counter() - start) * 1000)
        pause(KEY_INTERVAL_MS)
    ticker.stop()
    return gaps, cpu, keys


def timed(owner: object, name: str, into: list[float]) -> None:
    """Replace owner.name by a wrapper that appends each call's duration (ms) to into."""
    real: Callable = getattr(owner, name)

    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return real(*args, **kwargs)
        finally:
            into.append((time.perf_counter() - start) * 1000)

    setattr(owner, name, wrapper)


def summary(gaps: list[float], cpu: list[float]) -> str:
    return (f"longest gap {max(gaps):6.1f} ms (p99 {statistics.quantiles(gaps, n=100)[-1]:5.1f}, "
            f"median {statistics.median(gaps):4.1f}); most GUI-thread CPU in one gap {max(cpu):5.1f} ms")


def main() -> None:
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 10.0
    _app = make_application()  # kept alive while the window runs

    bare = QPlainTextEdit()
    bare.resize(680, 700)
    bare.setPlainText("Đảng bộ lãnh đạo thực hiện nhiệm vụ chính trị.\n" * 200)
    bare.show()
    bare.moveCursor(bare.textCursor().MoveOperation.End)
    bare_gaps, bare_cpu, _ = type_for(bare, seconds)
    bare.close()

    window = MainWindow()
    window.resize(1450, 900)
    window.show()
    window.start()
    wait_for(window.database_opened)
    editing = window.editing
    snapshots: list[float] = []
    html: list[float] = []
    findings: list[float] = []
    timed(editing, "snapshot", snapshots)
    timed(window.editor.preview, "show_html", html)
    timed(window.editor.findings, "show_findings", findings)
    collections: list[float] = []
    started = [0.0]

    def on_gc(phase: str, info: dict) -> None:
        if phase == "start":
            started[0] = time.perf_counter()
        elif info["generation"] == 2:
            collections.append((time.perf_counter() - started[0]) * 1000)

    gc.callbacks.append(on_gc)

    from app.domain.demo import demo_report
    from app.services import reports
    from tests.perf.sample import multiplied

    print(f"typing 8 keys a second for {seconds:.0f} s; a GUI-thread timer ticks every {TICK_MS} ms")
    print(f"bare QPlainTextEdit         : {summary(bare_gaps, bare_cpu)}")
    for label, report in (("demo", demo_report()), ("demo × 10", multiplied(10))):
        report_id = reports.save_new_report(window.sessions, report)
        window.reports.open(report_id)
        wait_for(window.report_opened)
        wait_for(editing.preview_updated)
        window.editor.navigator.select_section("bai_hoc")
        text = window.editor.section_editor.editor
        text.setFocus()
        text.moveCursor(text.textCursor().MoveOperation.End)
        for list_ in (snapshots, html, findings, collections):
            list_.clear()
        gaps, cpu, keys = type_for(text, seconds)
        editing.flush()
        print(f"{label:<12} window     : {summary(gaps, cpu)}")
        print(f"{'':<12} ratio to bare: longest gap {max(gaps) / max(bare_gaps):.2f}, "
              f"most CPU in one gap {max(cpu) / max(bare_cpu):.2f}")
        print(f"{'':<12} GUI thread : keystroke handled in median {statistics.median(keys):.1f} ms, "
              f"max {max(keys):.1f} ms; snapshot copy max {max(snapshots, default=0):.1f} ms "
              f"({len(snapshots)}×); preview setHtml max {max(html, default=0):.1f} ms ({len(html)}×); "
              f"findings shown max {max(findings, default=0):.1f} ms ({len(findings)}×); "
              f"full garbage collections max {max(collections, default=0):.1f} ms ({len(collections)}×)")
    editing.close()
    window.close()
    window.tasks.wait()


if __name__ == "__main__":
    main()
