"""The draft as it prints: generated sentences merged into the report, and every check run on that draft."""

from __future__ import annotations

from dataclasses import replace

from app.domain.bounds import bounds_findings
from app.domain.drafting import Generated
from app.domain.findings import Finding
from app.domain.lint import lint_report
from app.domain.report import Report
from app.render.drafting import drafted, drafting_findings, generate

__all__ = ["Generated", "check_report", "draft", "generated_sentences", "in_preset"]


def in_preset(report: Report, preset: str | None) -> Report:
    """The report as its organisation would print it in another preset (None: unchanged)."""
    if not preset or preset == report.organisation.preset:
        return report
    return replace(report, organisation=replace(report.organisation, preset=preset))


def draft(report: Report, *, preset: str | None = None) -> Report:
    """A copy of report whose sections hold the sentences its figures now support (AUTO entries refreshed)."""
    return drafted(in_preset(report, preset))[0]


def generated_sentences(report: Report) -> dict[str, list[Generated]]:
    """By section key, what the figures of report support now; the editor merges it into the open report."""
    return generate(report)


def check_report(report: Report, *, preset: str | None = None) -> list[Finding]:
    """Every finding about report as it would print in preset: the linter's and the drafting's, errors first.

    The linter sees the drafted report, so that a figure stated both by a generated sentence and by her text,
    or a section with nothing to print, is found as it will print.
    """
    out_of_bounds = bounds_findings(report)
    if out_of_bounds:
        return out_of_bounds  # nothing beyond a value out of range can be worded or checked
    printed_as = in_preset(report, preset)
    copy, generated = drafted(printed_as)
    findings = lint_report(copy, preset) + drafting_findings(copy, generated)
    return sorted(findings, key=lambda f: -int(f.severity))
