"""What checking the database at open costs: PRAGMA quick_check on a database of 1,000 reports, against a plain open.

Run from the repository root: .venv/bin/python -m tests.perf.bench_integrity [--reports 1000]
Builds the database once (the demo report, a year-end report with every section filled, stored N times), then
times open_database() with the check and without it (the same open with the check switched off), and the check alone.
Prints medians and the ratio of the checked open to the plain one; it asserts nothing.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path


def median_ms(runs: int, action: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        os.environ["TONGKET_DATA_DIR"] = folder
        from app.domain.demo import demo_report
        from app.paths import default_database_path
        from app.storage import db, org_repo, report_repo

        database = db.open_database()
        demo = demo_report()
        with database.begin() as session:
            demo.organisation.id = org_repo.add(session, demo.organisation)
            for _ in range(args.reports):
                report_repo.add(session, demo)
        database.close()
        path = Path(default_database_path())
        print(f"database: {args.reports} reports, {path.stat().st_size / 1e6:.1f} MB")

        checked = median_ms(args.runs, lambda: db.open_database().close())
        real_check = db._check_intact
        db._check_intact = lambda _path: None
        try:
            plain = median_ms(args.runs, lambda: db.open_database().close())
        finally:
            db._check_intact = real_check
        check = median_ms(args.runs, lambda: db.integrity_problem(path))
        print(f"open_database, plain (no check)       median {plain:8.1f} ms")
        print(f"open_database, with quick_check       median {checked:8.1f} ms   {checked / plain:.2f}x the plain open")
        print(f"quick_check alone                     median {check:8.1f} ms   {check / plain:.2f}x the plain open")

        def integrity_check() -> None:
            with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
                connection.execute("PRAGMA integrity_check").fetchall()

        full = median_ms(max(3, args.runs // 3), integrity_check)
        print(f"integrity_check (not used), for scale median {full:8.1f} ms   {full / plain:.2f}x the plain open")


if __name__ == "__main__":
    main()
