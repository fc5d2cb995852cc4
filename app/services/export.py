"""Export a report to .docx (and PDF through LibreOffice) and preview it: compose, lay out, write atomically."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from app.domain.consolidation import SubUnitPart
from app.domain.errors import UserError
from app.domain.findings import Finding, Severity, has_errors
from app.domain.report import Report
from app.fileio import write_bytes_atomic
from app.i18n import _
from app.render.compose import compose
from app.render.context import flatten_outline
from app.render.docx_writer import write_docx
from app.render.html import to_html
from app.render.layout import report_layout
from app.render.lint import TEMPLATES_FIELD, check_reference, check_templates, reference_for
from app.services.drafting import in_preset
from app.services.interchange import dumps_report


def export_docx(report: Report, path: Path, *, preset: str | None = None,
                sub_units: Sequence[SubUnitPart] | None = None) -> None:
    """Write report as a .docx at path, in preset (default: its organisation's); the old file stays intact on failure.

    sub_units: the figures of the sub-units it was rolled up from (services.collect.consolidation_parts), printed
    as the annex "Tổng hợp số liệu các chi bộ"; None for a report that was not rolled up.

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
    write_docx(compose(report, layout, sub_units), Path(path), layout, reference=reference, data=data)


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


# Where LibreOffice lives when it is not on PATH: the Windows installer's folders and the macOS application.
_LIBREOFFICE_NAMES = ("soffice", "libreoffice")
_LIBREOFFICE_FOLDERS = (
    Path("C:\\Program Files\\LibreOffice\\program\\soffice.exe"),
    Path("C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe"),
    Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"),
)
# One conversion takes about 1.5 s; the first start of a fresh profile on a slow laptop much longer.
PDF_TIMEOUT_S = 180


def find_libreoffice() -> Path | None:
    """The LibreOffice program that converts documents: on PATH, else in its usual install folder; None: absent."""
    for name in _LIBREOFFICE_NAMES:
        found = shutil.which(name)
        if found:
            return Path(found)
    folders = [Path(os.environ[var]) / "LibreOffice" / "program" / "soffice.exe"
               for var in ("ProgramFiles", "ProgramFiles(x86)", "ProgramW6432") if os.environ.get(var)]
    return next((path for path in [*folders, *_LIBREOFFICE_FOLDERS] if path.is_file()), None)


def export_pdf(report: Report, path: Path, *, preset: str | None = None, docx_path: Path | None = None,
               sub_units: Sequence[SubUnitPart] | None = None) -> Path:
    """Write report as a .docx and, made by LibreOffice from that same file, as a PDF at path; return the .docx.

    docx_path: where the .docx goes (default: next to the PDF, same name). The .docx is written first, so that it
    is there even when the PDF cannot be made. Raises UserError when LibreOffice is not installed (the message
    says what to install), takes longer than PDF_TIMEOUT_S or fails, and for everything export_docx raises.
    The PDF replaces an existing one only when complete.
    """
    path = Path(path)
    docx_path = Path(docx_path) if docx_path is not None else path.with_suffix(".docx")
    export_docx(report, docx_path, preset=preset, sub_units=sub_units)
    docx_to_pdf(docx_path, path)
    return docx_path


def docx_to_pdf(docx_path: Path, path: Path, *, timeout_s: float = PDF_TIMEOUT_S) -> None:
    """Make the PDF of the .docx at docx_path with LibreOffice and write it at path atomically.

    LibreOffice runs headless with a throwaway profile, so a LibreOffice window the user has open neither blocks
    nor changes it. Raises UserError when LibreOffice is absent, too slow or fails.
    """
    program = find_libreoffice()
    if program is None:
        raise UserError(_(
            "No PDF was made: LibreOffice is not installed on this computer. The .docx was written to {file}. "
            "Install LibreOffice (free, from libreoffice.org), then export the PDF again."
        ).format(file=docx_path))
    with tempfile.TemporaryDirectory(prefix="tongket-pdf-") as folder:
        work = Path(folder)
        command = [str(program), "--headless", "--norestore",
                   f"-env:UserInstallation={(work / 'profile').as_uri()}",
                   "--convert-to", "pdf", "--outdir", str(work / "out"), str(Path(docx_path).resolve())]
        output = _run(command, timeout_s, docx_path)
        made = work / "out" / (Path(docx_path).stem + ".pdf")
        if not made.is_file():
            raise UserError(_("LibreOffice could not make the PDF of {file}.").format(file=docx_path),
                            detail=output or None)
        write_bytes_atomic(path, made.read_bytes())


def _run(command: list[str], timeout_s: float, docx_path: Path) -> str:
    """Run LibreOffice and return what it printed; on a timeout it is stopped with all its processes."""
    windows = sys.platform == "win32"
    process = subprocess.Popen(  # the program found above, with our own arguments
        command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        errors="replace", start_new_session=not windows,
        creationflags=subprocess.CREATE_NO_WINDOW if windows else 0,  # type: ignore[attr-defined,unused-ignore]
    )
    try:
        output, _unused = process.communicate(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        # soffice is a launcher: its whole group goes, or soffice.bin would keep the profile busy.
        if windows:
            process.kill()
        else:
            os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise UserError(_(
            "LibreOffice took longer than {seconds} seconds to make the PDF, so it was stopped. The .docx was "
            "written to {file}; try again, or open it in Word or LibreOffice and save it as PDF there."
        ).format(seconds=round(timeout_s), file=docx_path)) from None
    if process.returncode:
        raise UserError(_("LibreOffice could not make the PDF of {file}.").format(file=docx_path),
                        detail=output.strip() or None)
    return output.strip()
