"""Start-up benchmark: process start to main window shown, against a bare QMainWindow with as many widgets.

Run: .venv/bin/python tests/perf/bench_startup.py [runs]
Both are started as fresh processes, alternately, in the same run; the ratio of the medians is printed.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

BARE = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (QApplication, QMainWindow, QWidget, QVBoxLayout, QHBoxLayout, QLabel,
    QLineEdit, QPushButton, QSpinBox, QTreeWidget, QTextBrowser, QListWidget, QSplitter, QStackedWidget)
app = QApplication(sys.argv)
w = QMainWindow()
w.menuBar().addMenu("File"); w.menuBar().addMenu("Help"); w.addToolBar("Main").addAction("Export")
splitter = QSplitter()
splitter.addWidget(QTreeWidget())
stack = QStackedWidget(); page = QWidget(); col = QVBoxLayout(page)
for i in range(12):
    row = QHBoxLayout(); row.addWidget(QLabel(f"Field {i}")); row.addWidget(QLineEdit()); row.addWidget(QSpinBox())
    col.addLayout(row)
col.addWidget(QPushButton("OK")); stack.addWidget(page); splitter.addWidget(stack)
right = QSplitter(); right.addWidget(QTextBrowser()); right.addWidget(QListWidget()); splitter.addWidget(right)
w.setCentralWidget(splitter); w.resize(1360, 860); w.show()
QTimer.singleShot(0, lambda: (print("window shown", flush=True), app.quit()))
app.exec()
"""


def time_until_shown(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    child = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        for line in child.stdout:
            if line.startswith("window shown"):
                return time.perf_counter() - start
        raise RuntimeError(f"{cmd} never showed its window")
    finally:
        child.kill()
        child.wait()
        child.stdout.close()


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 9
    with tempfile.TemporaryDirectory() as data:
        env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
                   TONGKET_DATA_DIR=data, XDG_CONFIG_HOME=data)
        ours_cmd = [sys.executable, "-m", "app", "--smoke-test"]
        bare_cmd = [sys.executable, "-c", BARE]
        time_until_shown(ours_cmd, env)  # warm the file cache and create the database once
        time_until_shown(bare_cmd, env)
        ours, bare = [], []
        for _ in range(runs):
            bare.append(time_until_shown(bare_cmd, env))
            ours.append(time_until_shown(ours_cmd, env))
    b, o = statistics.median(bare), statistics.median(ours)
    print(f"bare QMainWindow : median {b * 1000:6.0f} ms over {runs} runs")
    print(f"Tổng Kết window  : median {o * 1000:6.0f} ms over {runs} runs")
    print(f"ratio ours/bare  : {o / b:.2f}  (target ≤ 1.5)")


if __name__ == "__main__":
    main()
