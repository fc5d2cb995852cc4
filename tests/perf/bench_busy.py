"""Twenty offices' worth of simultaneous imports into one database: how many are refused as busy, and the longest wait.

Run from the repository root: .venv/bin/python -m tests.perf.bench_busy [--processes 20] [--total 100]
[--busy-timeout SECONDS]
Each import is a separate process running the command line's import, as a script or a second copy of the app would
be; every one of them takes the write lock at open (the schema check) and again to save. Prints the refusals (exit
status 2 with the busy message), the other failures, and the slowest import against the median one in the same run.
--busy-timeout replaces app.storage.db.BUSY_TIMEOUT in those processes, to compare waits.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPORT = Path(__file__).resolve().parents[1] / "data" / "report_demo_v1.json"


IMPORT = """
import sys
from app.storage import db
if sys.argv[1]:
    db.BUSY_TIMEOUT = float(sys.argv[1])
from app.cli.main import main
sys.exit(main(sys.argv[2:]))
"""


def run_import(database: Path, env: dict[str, str], busy_timeout: str) -> tuple[int, str, float]:
    """Exit status, error output and seconds taken by one import process."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", IMPORT, busy_timeout, "import", str(REPORT), "--database",
                           str(database)], capture_output=True, text=True, env=env, check=False)
    return done.returncode, done.stderr, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--processes", type=int, default=20, help="imports running at the same time")
    parser.add_argument("--total", type=int, default=100, help="imports in all")
    parser.add_argument("--busy-timeout", default="", help="seconds to wait for the write lock (default: the app's)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "TONGKET_DATA_DIR": folder}
        database = Path(folder) / "office.sqlite3"
        # The first creates the schema, so that every later process only opens it.
        first = run_import(database, env, args.busy_timeout)
        assert first[0] == 0, first[1]
        with ThreadPoolExecutor(args.processes) as pool:
            results = list(pool.map(lambda _: run_import(database, env, args.busy_timeout), range(args.total)))
    busy = [r for r in results if r[0] == 2 and ("in use" in r[1] or "đang được" in r[1])]
    other = [r for r in results if r[0] != 0 and r not in busy]
    times = sorted(r[2] for r in results)
    wait = args.busy_timeout or "the app's"
    print(f"{args.total} imports, {args.processes} at a time, busy wait {wait} s: {len(busy)} refused as busy, "
          f"{len(other)} other failures")
    print(f"seconds per import: median {statistics.median(times):.2f}, slowest {times[-1]:.2f} "
          f"({times[-1] / statistics.median(times):.1f}x the median)")
    for status, stderr, _seconds in other[:3]:
        print(f"  exit {status}: {stderr.strip().splitlines()[-1] if stderr.strip() else ''}")


if __name__ == "__main__":
    main()
