"""Starting from last year's report typed in Word: read it, accept its figures, store it or write it to a file."""

from __future__ import annotations

from pathlib import Path

from app.domain.report import Report
from app.importers.word_report import Proposal, Reading, apply_figures, read_word_report
from app.storage.db import Database

__all__ = ["Proposal", "Reading", "accept_figures", "read_word_file", "report_of", "store_reading"]


def read_word_file(path: Path) -> Reading:
    """What the .docx at path holds, recognised (see app.importers.word_report); UserError when it cannot be read."""
    return read_word_report(path)


def accept_figures(reading: Reading, proposals: list[Proposal] | None = None) -> list[str]:
    """Fill the report's statistics with the proposed figures (all of them when proposals is None); returns the
    fields left alone because the text states them with two values."""
    return apply_figures(reading.report, reading.proposals if proposals is None else proposals)


def report_of(reading: Reading) -> Report:
    """The report built from the reading, to store or to write as a report file."""
    return reading.report


def store_reading(sessions: Database, reading: Reading, proposals: list[Proposal]) -> int:
    """Store the report read from Word as a new report (of a new organisation), with the accepted figures; its id."""
    from app.services.reports import save_new_report

    accept_figures(reading, proposals)
    return save_new_report(sessions, reading.report)
