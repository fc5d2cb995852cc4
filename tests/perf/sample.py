"""Reports for the benchmarks: the demo, and the demo made n times bigger."""

from __future__ import annotations

from dataclasses import replace

from app.domain.demo import demo_report
from app.domain.report import Report


def multiplied(n: int) -> Report:
    """The demo with every section's entries and both lists of targets repeated n times (n = 10: a big report)."""
    report = demo_report()
    for section in report.walk_sections():
        section.entries = [replace(entry) for _ in range(n) for entry in section.entries]
    report.targets = [replace(target) for _ in range(n) for target in report.targets]
    report.next_targets = [replace(target) for _ in range(n) for target in report.next_targets]
    return report
