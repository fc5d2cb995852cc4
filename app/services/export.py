"""Export a report to .docx and preview it: compose the document in its preset, lay it out, write it atomically."""

from __future__ import annotations

from pathlib import Path

from app.domain.report import Report
from app.services.drafting import in_preset
from app.render.compose import compose
from app.render.docx_writer import write_docx
from app.render.html import to_html
from app.render.layout import report_layout
from app.render.lint import reference_for


def export_docx(report: Report, path: Path, *, preset: str | None = None) -> None:
    """Write report as a .docx at path, in preset (default: its organisation's); the old file stays intact on failure.

    The organisation's own reference .docx and template folder are used when it set them. Raises UserError when
    the folder is missing or unwritable, the file is locked, the disk is full, or the house style or a template
    of the organisation is broken.
    """
    report = in_preset(report, preset)
    layout = report_layout(report)
    reference = reference_for(report.organisation)
    write_docx(compose(report, layout), Path(path), layout, reference=reference)


def preview_html(report: Report, *, preset: str | None = None) -> str:
    """The report as the preview's HTML, laid out by the same preset and settings as the .docx.

    Raises UserError when a template of the organisation is broken.
    """
    report = in_preset(report, preset)
    layout = report_layout(report)
    return to_html(compose(report, layout), layout)
