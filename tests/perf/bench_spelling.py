"""Benchmark: spell checking the whole demo report against a plain regex tokenisation of the same text.

Run as `.venv/bin/python tests/perf/bench_spelling.py [--runs 5]`. Prints the time to load the vi_VN dictionary,
the first (cold) check of every text of the demo reports, a warm check (each word's result kept, as the editor
keeps it), the regex baseline, and the ratios cold/regex and warm/regex. Also the worst single lookup, which is
what a keystroke may wait for on the spelling thread.

Then typing (Qt offscreen): a paragraph typed into the section editor of the demo, one key every INTERVAL_MS, with
and without the spell check attached; a 1 ms heartbeat timer records the longest the window went without
running its event loop (the worst stall a keystroke can meet), and the time until the last underline is drawn.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.domain.demo import DemoKind, demo_report
from app.domain.spelling import ToneStyle
from app.services.spelling import dictionary_base, load_checker

_WORD = re.compile(r"\w+")


def demo_texts() -> list[str]:
    texts = []
    for kind in DemoKind:
        report = demo_report(kind)
        texts += [e.text for s in report.walk_sections() for e in s.entries]
    return texts


# Typed into the section editor; fresh words (each needs a lookup) and a few typos.
PARAGRAPH = ("Năm qua chi bộ đã lãnh đạo đảng viên thực hiện tốt nhiệm vụ chính trị, kiễm tra giám sát thườngg "
             "xuyên, quan tâm công tác phát triển đảng viên mới; tuy nhiên việc sinh hoạt chuyên đề còn hình thứcc, "
             "chất lượng chưa cao, một số đồng chí chưa phát huy vai trò tiền phong gương mẫu. Hoà giải tốt.")
INTERVAL_MS = 30


def typing_latency(with_spelling: bool) -> tuple[float, float, int]:
    """(worst heartbeat gap ms, ms from the last key to the last underline, underlined words) for one run."""
    from PySide6.QtCore import QElapsedTimer, QEvent, Qt, QTimer
    from PySide6.QtGui import QKeyEvent, QTextCharFormat
    from PySide6.QtWidgets import QApplication

    from app.domain.report import Section
    from app.gui.widgets.section_editor import SectionEditor
    from app.gui.widgets.spell import SpellService

    app = QApplication.instance() or QApplication([])
    report = demo_report(DemoKind.DANG_BO)
    section = max(report.walk_sections(), key=lambda s: len(s.entries))
    editor = SectionEditor()
    editor.resize(900, 600)
    service = None
    if with_spelling:
        service = SpellService(style=ToneStyle.NEW)
        while service.checker is None:
            app.processEvents()
            time.sleep(0.01)
        editor.editor.set_spell_service(service)
    editor.show_section(Section(section.key, section.title, entries=list(section.entries)), section.title)
    editor.show()
    edit = editor.editor
    edit.setFocus()
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    for _ in range(20):
        app.processEvents()

    def underlined() -> int:
        count, block = 0, edit.document().lastBlock()
        count += sum(1 for f in block.layout().formats()
                     if f.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        return count

    clock = QElapsedTimer()
    clock.start()
    state = {"typed": 0, "last": 0, "gap": 0, "done_at": 0}

    def beat() -> None:
        now = clock.elapsed()
        state["gap"] = max(state["gap"], now - state["last"])
        state["last"] = now

    def type_next() -> None:
        if state["typed"] >= len(PARAGRAPH):
            if not state["done_at"]:
                state["done_at"] = clock.elapsed()
            return
        ch = PARAGRAPH[state["typed"]]
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(edit, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))
        state["typed"] += 1

    heartbeat = QTimer(interval=1, timeout=beat)
    typer = QTimer(interval=INTERVAL_MS, timeout=type_next)
    state["last"] = clock.elapsed()
    heartbeat.start()
    typer.start()
    expected = 4 if with_spelling else 0
    while not state["done_at"] or (underlined() < expected and clock.elapsed() - state["done_at"] < 10_000):
        app.processEvents()
        time.sleep(0.0005)
    settled = clock.elapsed() - state["done_at"]
    heartbeat.stop()
    typer.stop()
    count = underlined()
    editor.close()
    editor.deleteLater()
    app.processEvents()
    return float(state["gap"]), float(settled), count


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--typing", type=int, default=3, help="runs of the typing test (0: none)")
    args = parser.parse_args()
    if dictionary_base() is None:
        sys.exit("no vi_VN Hunspell dictionary (apt-get install hunspell-vi)")
    texts = demo_texts()
    words = sum(len(_WORD.findall(t)) for t in texts)
    regex, cold, warm, load = [], [], [], []
    for _run in range(args.runs):
        start = time.perf_counter()
        checker = load_checker(ToneStyle.NEW, data_dir=Path("/nonexistent"))
        load.append(time.perf_counter() - start)
        start = time.perf_counter()
        for text in texts:
            _WORD.findall(text)
        regex.append(time.perf_counter() - start)
        start = time.perf_counter()
        for text in texts:
            checker.misspelt(text)
        cold.append(time.perf_counter() - start)
        start = time.perf_counter()
        for text in texts:
            checker.misspelt(text)
        warm.append(time.perf_counter() - start)
    fresh = load_checker(ToneStyle.NEW, data_dir=Path("/nonexistent"))
    worst = 0.0
    for word in {w for t in texts for w in _WORD.findall(t)}:
        start = time.perf_counter()
        fresh.is_correct(word)
        worst = max(worst, time.perf_counter() - start)
    r, c, w = statistics.median(regex), statistics.median(cold), statistics.median(warm)
    print(f"{len(texts)} texts, {words} words; median of {args.runs} runs")
    print(f"load dictionary {statistics.median(load) * 1000:.0f} ms")
    print(f"regex tokenisation {r * 1000:.2f} ms")
    print(f"spell check cold  {c * 1000:.1f} ms  ratio {c / r:.0f}x")
    print(f"spell check warm  {w * 1000:.2f} ms  ratio {w / r:.1f}x")
    print(f"slowest single word lookup {worst * 1000:.2f} ms")
    if args.typing:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        plain = [typing_latency(False) for _run in range(args.typing)]
        spelt = [typing_latency(True) for _run in range(args.typing)]
        gap_off = statistics.median(p[0] for p in plain)
        gap_on = statistics.median(p[0] for p in spelt)
        print(f"typing {len(PARAGRAPH)} characters, one every {INTERVAL_MS} ms; median of {args.typing} runs")
        print(f"worst GUI gap without spell check {gap_off:.0f} ms, with {gap_on:.0f} ms  ratio {gap_on / gap_off:.1f}x")
        print(f"last underline drawn {statistics.median(p[1] for p in spelt):.0f} ms after the last key "
              f"({spelt[0][2]} words underlined in the typed paragraph)")


if __name__ == "__main__":
    main()
