"""Export a report to .docx and preview it: compose the document in its preset, lay it out, write it atomically."""

from __future__ import annotations

from pathlib import Path

from app.domain.errors import UserError
from app.domain.findings import Finding, Severity, has_errors
from app.domain.report import Report
from app.render.compose import compose
from app.render.context import flatten_outline
from app.render.docx_writer import write_docx
from app.render.html import to_html
from app.render.layout import report_layout
from app.render.lint import TEMPLATES_FIELD, check_reference, check_templates, reference_for
from app.services.drafting import in_preset
from app.services.interchange import dumps_report


def export_docx(report: Report, path: Path, *, preset: str | None = None) -> None:
    """Write report as a .docx at path, in preset (default: its organisation's); the old file stays intact on failure.

    The .docx carries the report's interchange JSON (docs/interchange.md), so that it can be imported again.

    The organisation's own reference .docx and template folder are used when it set them. Raises UserError when
    the folder is missing or unwritable, the file is locked, the disk is full, or the house style or a template
    of the organisation is broken.
    """
    # The file carries the report it was made from, so that importing it (or consolidating it) restores the data.
    data = dumps_report(report)
    report = in_preset(report, preset)
    layout = report_layout(report)
    reference = reference_for(report.organisation)
    write_docx(compose(report, layout), Path(path), layout, reference=reference, data=data)


def preview_html(report: Report, *, preset: str | None = None) -> str:
    """The report as the preview's HTML, laid out by the same preset and settings as the .docx.

    Raises UserError when a template of the organisation is broken.
    """
    report = in_preset(report, preset)
    layout = report_layout(report)
    return to_html(compose(report, layout), layout)


def check_output(report: Report, *, preset: str | None = None) -> list[Finding]:
    """What stops the organisation's own house style or templates from printing report, errors first.

    The house-style file and the template folder are checked (app.render.lint), and the templates are run on
    the report under their budget: a template that fails only with this report's figures is found too.
    Empty when the organisation uses the built-in style and wording.
    """
    report = in_preset(report, preset)
    organisation = report.organisation
    findings: list[Finding] = []
    if organisation.reference_docx:
        findings += check_reference(Path(organisation.reference_docx), organisation.preset)
    if organisation.templates_dir:
        template_findings = check_templates(Path(organisation.templates_dir))
        findings += template_findings
        if not has_errors(template_findings):
            try:
                compose(report, report_layout(report))
            except UserError as exc:
                findings.append(Finding("templates.render", Severity.ERROR, (TEMPLATES_FIELD,), str(exc)))
    return sorted(findings, key=lambda f: -f.severity)


def outline_headings(report: Report) -> dict[str, str]:
    """The printed heading of each enabled section by its key ("I- ĐẶC ĐIỂM TÌNH HÌNH"), numbered as in the document."""
    return {item["key"]: item["heading"] for item in flatten_outline(report)}


def check_house_style(path: Path, preset: str) -> list[Finding]:
    """What an office's own reference .docx at path lacks for writing in preset (errors first); [] when usable."""
    return check_reference(Path(path), preset)


def check_template_folder(folder: Path) -> list[Finding]:
    """What is wrong with a folder of template overrides (syntax errors with the line, unknown values, unused files)."""
    return check_templates(Path(folder))
