"""Reading a report from a file the user names: an interchange .json or a .docx that carries its data."""

from __future__ import annotations

from pathlib import Path

from app.domain.report import Report
from app.services.interchange import import_report_file


def read_report_file(path: Path) -> Report:
    """The report in the .json or .docx at path; UserError names the file and what is wrong with it."""
    return import_report_file(Path(path))
