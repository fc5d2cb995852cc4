"""Storage timings on a real SQLite file: an autosave of one edit against a bare one-row UPDATE, loading, opening.

Run from the repository root: .venv/bin/python -m tests.perf.bench_storage [runs]
An autosave is services.reports.save_changes for one edited paragraph (the difference computed and written in
one transaction, as the window's database thread does). The baseline, measured in the same run on the same
file, is sqlite3 alone running BEGIN IMMEDIATE; UPDATE entries SET text = ? WHERE id = ?; COMMIT with the
app's pragmas. Both are measured on the demo and on the demo made 10 times bigger (tests/perf/sample.py);
rewriting the whole report (replace_report, what autosave did before) is shown for comparison.
Prints medians and 99th percentiles of wall time and of CPU time (the thread's own, which a busy machine
disturbs less); it asserts nothing.
"""

from __future__ import annotations

import contextlib
import copy
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable


def measure(runs: int, action: Callable[[int], object], clock: Callable[[], float] = time.perf_counter) -> list[float]:
    """Milliseconds taken by each of `runs` calls of action(run_index), by clock (wall time by default)."""
    times = []
    for run in range(runs):
        start = clock()
        action(run)
        times.append((clock() - start) * 1000)
    return times


def p99(times: list[float]) -> float:
    return statistics.quantiles(times, n=100)[-1] if len(times) > 1 else times[0]


def show(name: str, times: list[float]) -> None:
    print(f"{name:<46} median {statistics.median(times):7.2f} ms   p99 {p99(times):7.2f} ms   max {max(times):7.2f} ms"
          f"   ({len(times)} runs)")


def bare_update(path: str, entry_id: int) -> Callable[[int], object]:
    """One row updated and committed by sqlite3 alone, with the pragmas the app sets."""
    connection = sqlite3.connect(path, isolation_level=None)
    for pragma in ("journal_mode = WAL", "synchronous = NORMAL", "foreign_keys = ON"):
        connection.execute(f"PRAGMA {pragma}")

    def update(run: int) -> None:
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("UPDATE entries SET text = ? WHERE id = ?", (f"Đoạn văn bản số {run}.", entry_id))
        connection.execute("COMMIT")

    update.connection = connection  # type: ignore[attr-defined]
    return update


def autosave(sessions, report_id: int, saved) -> Callable[[int], object]:
    """The autosave of one keystroke's worth of change: the last paragraph of a section edited.

    Only save_changes is timed (wall and this thread's CPU), not the copy the window makes before it.
    """
    from app.services import reports

    state = {"saved": saved}

    def save(run: int) -> None:
        after = copy.deepcopy(state["saved"])  # made on the GUI thread before the save: not timed here
        after.section("bai_hoc").entries[-1].text = f"Đoạn văn bản số {run}."
        wall, cpu = time.perf_counter(), time.thread_time()
        reports.save_changes(sessions, report_id, state["saved"], after)
        save.cpu.append((time.thread_time() - cpu) * 1000)  # type: ignore[attr-defined]
        save.elapsed.append((time.perf_counter() - wall) * 1000)  # type: ignore[attr-defined]
        state["saved"] = after

    save.elapsed, save.cpu = [], []  # type: ignore[attr-defined]
    return save


def compare(label: str, sessions, report, path: str, runs: int) -> None:
    from app.services import reports

    report_id = reports.save_new_report(sessions, report)
    stored = reports.get_report(sessions, report_id)
    entry_id = stored.section("bai_hoc").entries[-1].id
    entries = sum(len(section.entries) for section in stored.walk_sections())
    print(f"-- {label}: {entries} paragraphs, {len(stored.targets) + len(stored.next_targets)} targets")
    save = autosave(sessions, report_id, stored)
    bare = bare_update(path, entry_id)
    try:
        for _ in range(20):  # warm both up
            save(0)
            bare(0)
        save.elapsed.clear()  # type: ignore[attr-defined]
        save.cpu.clear()  # type: ignore[attr-defined]
        bare_times: list[float] = []
        bare_cpu: list[float] = []
        # Interleaved in blocks, so that a noisy moment of the machine falls on both.
        for _block in range(10):
            measure(runs // 10, save)
            bare_times += measure(runs // 10, bare)
            bare_cpu += measure(runs // 10, bare, time.thread_time)
    finally:
        bare.connection.close()  # type: ignore[attr-defined]
    for clock, save_times, bare_times_ in (("wall", save.elapsed, bare_times),  # type: ignore[attr-defined]
                                           ("CPU", save.cpu, bare_cpu)):  # type: ignore[attr-defined]
        show(f"autosave of one edit (save_changes), {clock}", save_times)
        show(f"bare sqlite3 UPDATE of one row + COMMIT, {clock}", bare_times_)
        print(f"ratio autosave / bare UPDATE, {clock}: median "
              f"{statistics.median(save_times) / statistics.median(bare_times_):.0f}"
              f"   p99 {p99(save_times) / max(p99(bare_times_), 1e-3):.0f}")
    show("whole report rewritten (replace_report)",
         measure(max(20, runs // 10), lambda _: reports.replace_report(sessions, report_id, stored)))
    show("get_report", measure(50, lambda _: reports.get_report(sessions, report_id)))


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    with tempfile.TemporaryDirectory() as folder:
        os.environ["TONGKET_DATA_DIR"] = folder
        from app.domain.demo import demo_report
        from app.paths import default_database_path
        from app.services import reports
        from app.services.sessions import open_sessions
        from tests.perf.sample import multiplied

        show("open_sessions (new file, migrations)", measure(1, lambda _: open_sessions().close()))
        show("open_sessions (existing file at head)", measure(20, lambda _: open_sessions().close()))
        sessions = open_sessions()
        path = str(default_database_path())
        try:
            demo = demo_report()
            show("save_new_report (demo)", measure(20, lambda _: reports.save_new_report(sessions, demo)))
            compare("demo", sessions, demo_report(), path, runs)
            compare("demo × 10", sessions, multiplied(10), path, runs)
            with contextlib.suppress(Exception):
                show("list_reports (23 reports)", measure(100, lambda _: reports.list_reports(sessions)))
        finally:
            sessions.close()


if __name__ == "__main__":
    main()
