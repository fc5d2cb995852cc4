"""Export a report to .docx: compose the document, lay it out, write it atomically."""

from __future__ import annotations

from pathlib import Path

from app.domain.report import Report
from app.render.compose import compose
from app.render.docx_writer import write_docx
from app.render.layout import load_layout


def export_docx(report: Report, path: Path, *, preset: str = "party") -> None:
    """Write report as a .docx at path; the old file stays intact when anything fails.

    Raises UserError when the folder is missing or unwritable, the file is locked, or the disk is full.
    """
    write_docx(compose(report), Path(path), load_layout(preset))
