"""What the fuzz tests and the sweep do with a report: print it every way the app prints it, read the .docx back."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import docx

from app.domain.report import Report
from app.render.compose import compose
from app.render.layout import report_layout
from app.services.export import export_docx, preview_html


def document_text(path: Path) -> str:
    """Every paragraph of the .docx at path, body and table cells, one per line, as python-docx reads them."""
    document = docx.Document(str(path))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.extend(cell.text for cell in row.cells)
    return "\n".join(lines)


def render_everywhere(report: Report, folder: Path) -> str:
    """Compose report, write it as a .docx (reopened), build its preview; the .docx text. Raises what they raise."""
    model = compose(report, report_layout(report))
    assert model.body, "a composed document has at least its opening and closing"
    path = folder / "fuzz.docx"
    export_docx(report, path)
    text = document_text(path)
    html = preview_html(report)
    assert html.strip()
    return text


def envelope_text(document: dict[str, Any], *, ascii_only: bool = True) -> str:
    """The document as a file would hold it (ascii_only: every non-ASCII character escaped, lone surrogates too)."""
    return json.dumps(document, ensure_ascii=ascii_only)
