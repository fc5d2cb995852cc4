"""Storage timings on a real SQLite file: autosave commits, loading and saving the demo, opening the database.

Run from the repository root: .venv/bin/python -m tests.perf.bench_storage
Prints medians and 90th percentiles; it asserts nothing (see /work/shared/notes/platform.md for reference figures).
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable


def measure(runs: int, action: Callable[[int], object]) -> list[float]:
    """Milliseconds taken by each of `runs` calls of action(run_index)."""
    times = []
    for run in range(runs):
        start = time.perf_counter()
        action(run)
        times.append((time.perf_counter() - start) * 1000)
    return times


def show(name: str, times: list[float]) -> None:
    p90 = statistics.quantiles(times, n=10)[-1] if len(times) > 1 else times[0]
    print(f"{name:<44} median {statistics.median(times):7.2f} ms   p90 {p90:7.2f} ms   max {max(times):7.2f} ms"
          f"   ({len(times)} runs)")


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        os.environ["TONGKET_DATA_DIR"] = folder
        from app.domain.demo import demo_report
        from app.services import reports
        from app.services.sessions import open_sessions

        show("open_sessions (new file, migrations)", measure(1, lambda _: open_sessions().close()))
        show("open_sessions (existing file at head)", measure(20, lambda _: open_sessions().close()))
        sessions = open_sessions()
        try:
            demo = demo_report()
            show("save_new_report (demo)", measure(20, lambda _: reports.save_new_report(sessions, demo)))
            report_id = reports.save_new_report(sessions, demo)
            report = reports.get_report(sessions, report_id)
            entry_id = report.section("dac_diem").entries[0].id
            show("set_figure autosave commit", measure(
                200, lambda run: reports.set_figure(sessions, report_id, "membership.female", run)))
            show("set_entry_text autosave commit", measure(
                200, lambda run: reports.set_entry_text(sessions, entry_id, f"Đoạn văn bản số {run}.")))
            show("get_report (demo)", measure(100, lambda _: reports.get_report(sessions, report_id)))
            show("list_reports (22 reports)", measure(100, lambda _: reports.list_reports(sessions)))
        finally:
            sessions.close()


if __name__ == "__main__":
    main()
