"""A process killed while the user types loses at most the last second of typing."""

import os
import selectors
import signal
import subprocess
import sys
import time
from pathlib import Path

from app.domain.section_text import text_from_entries

ROOT = Path(__file__).resolve().parents[2]
TEXT = "Đảng ủy tiếp tục đổi mới phương thức lãnh đạo, nâng cao chất lượng sinh hoạt chi bộ trong năm tới."


def _lines(child: subprocess.Popen, timeout: float = 60.0):
    """The child's output lines until it ends or timeout seconds pass (a hung child must not hang the test)."""
    deadline = time.monotonic() + timeout
    with selectors.DefaultSelector() as selector:
        selector.register(child.stdout, selectors.EVENT_READ)
        while time.monotonic() < deadline:
            if not selector.select(timeout=max(0.0, deadline - time.monotonic())):
                return
            line = child.stdout.readline()
            if not line:
                return
            yield line


def test_killing_the_app_while_typing_loses_at_most_the_last_second(data_dir):
    env = dict(os.environ, TONGKET_DATA_DIR=str(data_dir), QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    child = subprocess.Popen([sys.executable, str(Path(__file__).with_name("typing_driver.py")), TEXT, "30"],
                             cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    typed_at: list[float] = []
    report_id = None
    lines = _lines(child)
    try:
        for line in lines:
            if line.startswith("ready"):
                report_id = int(line.split()[1])
            elif line.startswith("typed"):
                typed_at.append(float(line.split()[2]))
                if len(typed_at) >= 60:  # mid-sentence, the user still typing
                    break
        assert report_id is not None and typed_at, child.stderr.read() if child.poll() is not None else "no output"
        os.kill(child.pid, signal.SIGKILL)
        killed_at = time.monotonic()
    finally:
        if child.poll() is None:
            child.kill()
        child.wait(timeout=30)
        child.stdout.close()
        child.stderr.close()

    from app.services import reports
    from app.services.sessions import open_sessions

    sessions = open_sessions()
    try:
        saved = text_from_entries(reports.get_report(sessions, report_id).section("de_xuat").entries)
    finally:
        sessions.close()
    typed_a_second_before = sum(1 for t in typed_at if t <= killed_at - 1.0)
    assert TEXT[:typed_a_second_before] in saved, (typed_a_second_before, len(typed_at), saved[-120:])
