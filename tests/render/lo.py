"""LibreOffice as the real .docx client: convert to PDF, then read the pages' text and fonts with poppler."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

CONVERT_TIMEOUT_S = 120

requires_libreoffice = pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None or shutil.which("pdffonts") is None,
    reason="needs LibreOffice (soffice) and poppler-utils (pdftotext, pdffonts); "
           "apt-get install libreoffice-writer-nogui fonts-liberation2 poppler-utils",
)


def convert_to_pdf(docx_path: Path, out_dir: Path) -> Path:
    """The PDF LibreOffice makes of docx_path, written to out_dir with a throwaway profile."""
    out_dir.mkdir(parents=True, exist_ok=True)
    profile = out_dir / "lo-profile"
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation={profile.as_uri()}",
         "--convert-to", "pdf", "--outdir", str(out_dir), str(docx_path)],
        check=True, capture_output=True, timeout=CONVERT_TIMEOUT_S,
    )
    pdf = out_dir / (docx_path.stem + ".pdf")
    if not pdf.exists():
        raise FileNotFoundError(f"LibreOffice wrote no {pdf}")
    return pdf


def pdf_pages(pdf: Path) -> list[str]:
    """The text of each page, laid out as printed (pdftotext -layout)."""
    result = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True)
    pages = result.stdout.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def pdf_fonts(pdf: Path) -> list[str]:
    """Names of the fonts embedded in the PDF, without subset prefixes."""
    result = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True)
    lines = result.stdout.splitlines()[2:]
    return [line.split()[0].split("+")[-1] for line in lines if line.strip()]


def convert_all_to_pdf(docx_paths: list[Path], out_dir: Path) -> list[Path]:
    """The PDFs LibreOffice makes of several documents in one run (one start-up instead of one per file)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    profile = out_dir / "lo-profile"
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation={profile.as_uri()}",
         "--convert-to", "pdf", "--outdir", str(out_dir), *map(str, docx_paths)],
        check=True, capture_output=True, timeout=CONVERT_TIMEOUT_S * len(docx_paths),
    )
    pdfs = [out_dir / (path.stem + ".pdf") for path in docx_paths]
    missing = [pdf for pdf in pdfs if not pdf.exists()]
    if missing:
        raise FileNotFoundError(f"LibreOffice wrote no {missing}")
    return pdfs


def pdf_page_sizes(pdf: Path) -> list[tuple[float, float]]:
    """(width, height) of each page in mm."""
    result = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", str(pdf)], check=True, capture_output=True, text=True)
    sizes = []
    for line in result.stdout.splitlines():
        if line.startswith("Page") and " size:" in line:
            width, _x, height = line.split("size:")[1].split()[:3]
            sizes.append((float(width) * 25.4 / 72, float(height) * 25.4 / 72))
    return sizes
