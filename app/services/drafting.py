"""The draft as it prints: generated sentences merged into the report, and every check run on that draft."""

from __future__ import annotations

from dataclasses import replace

from app.domain.bounds import bounds_findings
from app.domain.drafting import Generated
from app.domain.errors import UserError
from app.domain.findings import Finding, Severity, has_errors
from app.domain.lint import lint_report
from app.domain.report import Report
from app.render.drafting import drafted, drafting_findings, generate

__all__ = ["Generated", "check_report", "draft", "failure_finding", "generated_sentences", "in_preset"]


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


def check_report(report: Report, *, preset: str | None = None, render: bool = False) -> list[Finding]:
    """Every finding about report as it would print in preset: the linter's and the drafting's, errors first.

    The linter sees the drafted report, so that a figure stated both by a generated sentence and by her text,
    or a section with nothing to print, is found as it will print.

    render: also check what the organisation's own house style and templates do to it (services.export.check_output:
    the files are checked and her templates run on the report), so that whatever would stop `render` or the export
    is an ERROR here. It loads python-docx and composes the report once, so the window's checks leave it off;
    `tongket check` turns it on. Without it, templates that cannot word the report are still one ERROR.
    """
    out_of_bounds = bounds_findings(report)
    if out_of_bounds:
        return out_of_bounds  # nothing beyond a value out of range can be worded or checked
    printed_as = in_preset(report, preset)
    own: list[Finding] = []
    if render and (printed_as.organisation.reference_docx or printed_as.organisation.templates_dir):
        from app.services.export import check_output  # python-docx loads only when asked

        own = check_output(printed_as)
    try:
        copy, generated = drafted(printed_as)
    except UserError as exc:  # her own templates cannot word the report: nothing can be checked as it prints
        return own if has_errors(own) else [failure_finding(printed_as, exc), *own]
    findings = own + lint_report(copy, preset) + drafting_findings(copy, generated)
    return sorted(findings, key=lambda f: -int(f.severity))


def failure_finding(report: Report, error: UserError) -> Finding:
    """The ERROR finding of what stops report from printing; it points at her template folder and house-style file
    when she set them (the only inputs of rendering besides the report, which the other checks cover)."""
    from app.render.lint import REFERENCE_FIELD, TEMPLATES_FIELD  # python-docx loads only when a render failed

    org = report.organisation
    inputs = ((TEMPLATES_FIELD, org.templates_dir), (REFERENCE_FIELD, org.reference_docx))
    fields = tuple(field for field, used in inputs if used)
    return Finding("render.failed", Severity.ERROR, fields, str(error))
