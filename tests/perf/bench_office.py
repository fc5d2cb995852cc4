"""An office's load: clients in their own processes autosaving edits to one organisation's reports, on PostgreSQL
and on SQLite in the same run.

Run from the repository root: .venv/bin/python -m tests.perf.bench_office [--clients 10] [--seconds 10]
[--reports 4]
Each client opens its own connection, reads report `client % reports` (so several clients share a report) and
saves an edit as often as it can, as autosave would: its own paragraph of the report (no one else touches it) and
the report's title, which everyone sharing the report writes. A save based on an outdated version is refused
(EditConflict); the client then takes the stored copy and applies its edit again, as she would by keeping hers.
Prints, per engine: saves accepted per second, p50/p99 save latency, conflicts, and edits lost, which must be 0:
every accepted save has its own version (none two the same, none missing), each client's last accepted paragraph is
in the database at the end, and every refused save was reported to its client. PostgreSQL's figures are shown as
ratios to SQLite's. The PostgreSQL half needs the server binaries (Debian's postgresql); it is skipped without them.
"""

from __future__ import annotations

import argparse
import copy
import multiprocessing
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from app.domain.conflicts import EditConflict
from app.domain.demo import demo_report
from app.domain.report import Entry
from app.services import reports
from app.services.sessions import open_sessions

SECTION = "bai_hoc"


def setup(url: str, clients: int, count: int) -> list[int]:
    """Store count reports of one organisation, each with a paragraph per client; their ids."""
    sessions = open_sessions(url)
    try:
        first = demo_report()
        first.section(SECTION).entries = [Entry(f"Đoạn {n}") for n in range(clients)]
        ids = [reports.save_new_report(sessions, first)]
        organisation = reports.get_report(sessions, ids[0]).organisation
        for year in range(1, count):
            other = copy.deepcopy(first)
            other.organisation, other.year = organisation, first.year + year
            ids.append(reports.save_new_report(sessions, other))
        return ids
    finally:
        sessions.close()


def client(job: tuple[str, int, int, Any, float]) -> dict[str, Any]:
    """One clerk's autosaves for seconds once every client is ready: latencies, accepted (version, text), conflicts."""
    url, number, report_id, ready, seconds = job
    sessions = open_sessions(url)
    latencies: list[float] = []
    accepted: list[tuple[int, str]] = []
    conflicts = 0
    try:
        saved = reports.get_report(sessions, report_id)
        ready.wait()  # every process has imported and connected: they start together
        start = time.time()
        edit = 0
        while time.time() < start + seconds:
            edit += 1
            text = f"Khách {number}, lần sửa {edit}"
            after = copy.deepcopy(saved)
            after.section(SECTION).entries[number].text = text
            after.title = text
            began = time.perf_counter()
            try:
                reports.save_changes(sessions, report_id, saved, after)
            except EditConflict as conflict:
                latencies.append(time.perf_counter() - began)
                conflicts += 1
                saved = copy.deepcopy(conflict.theirs)  # the stored copy; her edit goes on top of it next
                continue
            latencies.append(time.perf_counter() - began)
            assert after.version is not None
            accepted.append((after.version, text))
            saved = after
    finally:
        sessions.close()
    return {"number": number, "report": report_id, "latencies": latencies, "accepted": accepted,
            "conflicts": conflicts}


def run(url: str, clients: int, seconds: float, count: int) -> dict[str, Any]:
    ids = setup(url, clients, count)
    context = multiprocessing.get_context("spawn")
    with context.Manager() as manager, context.Pool(clients) as pool:
        ready = manager.Barrier(clients)
        results = pool.map(client, [(url, n, ids[n % count], ready, seconds) for n in range(clients)])
    lost = 0
    sessions = open_sessions(url)
    try:
        for report_id in ids:
            stored = reports.get_report(sessions, report_id)
            mine = [r for r in results if r["report"] == report_id]
            versions = sorted(v for r in mine for v, _text in r["accepted"])
            # Each accepted save raised the version by one: a repeated or missing version is an overwritten save.
            lost += len(versions) - len(set(versions)) + abs((stored.version or 0) - 1 - len(versions))
            for result in mine:
                if result["accepted"]:
                    last = result["accepted"][-1][1]
                    lost += stored.section(SECTION).entries[result["number"]].text != last
    finally:
        sessions.close()
    latencies = sorted(x for r in results for x in r["latencies"])
    saves = sum(len(r["accepted"]) for r in results)
    return {
        "throughput": saves / seconds,
        "p50": statistics.median(latencies) * 1000,
        "p99": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000,
        "saves": saves,
        "conflicts": sum(r["conflicts"] for r in results),
        "lost": lost,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=10, help="processes saving at the same time")
    parser.add_argument("--seconds", type=float, default=10.0, help="how long they save (the issue's full run: 60)")
    parser.add_argument("--reports", type=int, default=4, help="reports they share (clients % reports picks one)")
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from tests import postgres

    with tempfile.TemporaryDirectory() as folder:
        os.environ["TONGKET_DATA_DIR"] = folder
        figures = {"SQLite": run(f"sqlite:///{folder}/office.sqlite3", args.clients, args.seconds, args.reports)}
        reason = postgres.why_unavailable()
        if reason is None:
            cluster = postgres.Cluster()
            try:
                figures["PostgreSQL"] = run(cluster.create(template=None), args.clients, args.seconds, args.reports)
            finally:
                cluster.close()
        else:
            print(f"PostgreSQL skipped: {reason}")
    print(f"{args.clients} clients, {args.seconds:g} s, {args.reports} reports")
    base = figures["SQLite"]
    for engine, f in figures.items():
        ratio = "" if engine == "SQLite" else (
            f"  (x{f['throughput'] / base['throughput']:.2f} throughput, x{f['p50'] / base['p50']:.2f} p50, "
            f"x{f['p99'] / base['p99']:.2f} p99 of SQLite's)")
        print(f"{engine:10} {f['throughput']:7.1f} saves/s  p50 {f['p50']:6.1f} ms  p99 {f['p99']:7.1f} ms  "
              f"accepted {f['saves']}  conflicts {f['conflicts']}  edits lost {f['lost']}{ratio}")
    if any(f["lost"] for f in figures.values()):
        sys.exit("edits were lost")


if __name__ == "__main__":
    main()
