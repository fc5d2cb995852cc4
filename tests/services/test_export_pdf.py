"""PDF export through LibreOffice: found where it is installed, the PDF made from the same .docx, a clear error
when it is absent."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.cli.main import OK, USER_ERROR, main
from app.domain.demo import demo_report
from app.domain.errors import UserError
from app.services import export
from app.services.export import export_pdf, find_libreoffice
from tests.render.lo import pdf_pages, requires_libreoffice


@pytest.fixture
def no_libreoffice(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    for var in ("ProgramFiles", "ProgramFiles(x86)", "ProgramW6432"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setattr(export, "_LIBREOFFICE_FOLDERS", (tmp_path / "nowhere" / "soffice.exe",))


def test_libreoffice_is_found_in_its_windows_install_folder(no_libreoffice, monkeypatch, tmp_path):
    program = tmp_path / "Program Files" / "LibreOffice" / "program" / "soffice.exe"
    program.parent.mkdir(parents=True)
    program.write_bytes(b"")
    monkeypatch.setenv("ProgramFiles", str(tmp_path / "Program Files"))
    assert find_libreoffice() == program


def test_the_usual_install_folders_are_known():
    folders = [str(path) for path in export._LIBREOFFICE_FOLDERS]
    assert "C:\\Program Files\\LibreOffice\\program\\soffice.exe" in folders
    assert "C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe" in folders
    assert "/Applications/LibreOffice.app/Contents/MacOS/soffice" in folders


def test_without_libreoffice_the_docx_is_written_and_the_error_says_what_to_install(no_libreoffice, tmp_path):
    assert find_libreoffice() is None
    with pytest.raises(UserError) as error:
        export_pdf(demo_report(), tmp_path / "bao-cao.pdf")
    assert (tmp_path / "bao-cao.docx").stat().st_size > 10_000
    assert not (tmp_path / "bao-cao.pdf").exists()
    message = str(error.value)
    assert "LibreOffice" in message and "libreoffice.org" in message and "bao-cao.docx" in message
    assert "Hãy cài" in message  # in Vietnamese


def test_cli_render_pdf_without_libreoffice_exits_2_with_the_docx_written(no_libreoffice, tmp_path, capsys):
    status = main(["render", "--demo", "-o", str(tmp_path / "bc.docx"), "--pdf"])
    assert status == USER_ERROR
    assert (tmp_path / "bc.docx").exists()
    assert "LibreOffice" in capsys.readouterr().err


_posix_only = pytest.mark.skipif(sys.platform == "win32", reason="stands in for LibreOffice with a shell script")


@_posix_only
def test_a_libreoffice_that_hangs_is_stopped_after_the_timeout(monkeypatch, tmp_path):
    program = tmp_path / "soffice"
    # Like soffice, a launcher whose child does the work: both must go.
    program.write_text(f"#!/bin/sh\nsleep 30 &\necho $! > {tmp_path / 'child'}\nwait\n")
    program.chmod(0o755)
    monkeypatch.setattr(export, "find_libreoffice", lambda: program)
    docx_path = tmp_path / "bc.docx"
    docx_path.write_bytes(b"x")
    started = time.monotonic()
    with pytest.raises(UserError, match="LibreOffice"):
        export.docx_to_pdf(docx_path, tmp_path / "bc.pdf", timeout_s=0.5)
    assert time.monotonic() - started < 15  # not held until the child's 30 s are over
    assert not (tmp_path / "bc.pdf").exists()
    assert not _running(int((tmp_path / "child").read_text()))


def _running(pid: int) -> bool:
    """Whether process pid still runs (a killed child nobody has reaped yet counts as gone)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "\nState:\tZ" not in status


@_posix_only
def test_a_libreoffice_that_fails_leaves_an_existing_pdf_untouched(monkeypatch, tmp_path):
    program = tmp_path / "soffice"
    program.write_text("#!/bin/sh\necho 'Error: source file could not be loaded'\nexit 1\n")
    program.chmod(0o755)
    monkeypatch.setattr(export, "find_libreoffice", lambda: program)
    (tmp_path / "bc.pdf").write_bytes(b"%PDF old")
    (tmp_path / "bc.docx").write_bytes(b"x")
    with pytest.raises(UserError) as error:
        export.docx_to_pdf(tmp_path / "bc.docx", tmp_path / "bc.pdf")
    assert "could not be loaded" in str(error.value)
    assert (tmp_path / "bc.pdf").read_bytes() == b"%PDF old"


def _page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


@pytest.mark.libreoffice
@requires_libreoffice
def test_the_demo_converts_to_a_pdf_of_its_pages_and_text(tmp_path, capsys):
    assert main(["render", "--demo", "-o", str(tmp_path / "bao-cao.pdf")]) == OK
    pdf, docx_path = tmp_path / "bao-cao.pdf", tmp_path / "bao-cao.docx"
    assert docx_path.exists() and pdf.read_bytes().startswith(b"%PDF")
    assert str(pdf) in capsys.readouterr().out
    pages = pdf_pages(pdf)
    assert _page_count(pdf) == len(pages) >= 4
    first, last = pages[0], pages[-1]
    for text in ("ĐẢNG CỘNG SẢN VIỆT NAM", "BÁO CÁO", "Số"):
        assert text in first
    assert "Nơi nhận:" in last
    # The page number in the last page's header is the page count: every page was laid out.
    assert last.strip().splitlines()[0].strip() == str(len(pages))
    assert not list(tmp_path.glob(".*.tmp"))
