"""The written .docx as LibreOffice prints it: header block on page 1 only, page numbers from page 2, Times metrics."""

from __future__ import annotations

import re

import pytest

from app.render.docx_writer import write_docx
from tests.render.lo import convert_to_pdf, pdf_fonts, pdf_pages, requires_libreoffice
from tests.render.sample import sample_model

pytestmark = [pytest.mark.libreoffice, requires_libreoffice]


@pytest.fixture(scope="module")
def pdf(tmp_path_factory):
    folder = tmp_path_factory.mktemp("lo")
    path = folder / "bao-cao.docx"
    write_docx(sample_model(), path)
    return convert_to_pdf(path, folder)


@pytest.fixture(scope="module")
def pages(pdf):
    return pdf_pages(pdf)


def _lines(page: str) -> list[str]:
    return [line.strip() for line in page.splitlines() if line.strip()]


def test_page_one_holds_the_header_block_with_its_diacritics(pages):
    first = pages[0]
    for text in ("ĐẢNG CỘNG SẢN VIỆT NAM", "ĐẢNG BỘ ỦY BAN", "NHÂN DÂN TỈNH", "ĐẢNG ỦY TRƯỜNG CAO ĐẲNG",
                 "KỸ THUẬT CÔNG NGHIỆP", "Số 25-BC/ĐU", "Thái Nguyên, ngày 15 tháng 12 năm 2026", "BÁO CÁO", "-----"):
        assert text in first, text


def test_page_one_has_no_page_number(pages):
    assert _lines(pages[0])[0] != "1"
    assert "1" not in _lines(pages[0])


def test_number_and_date_print_on_one_line(pages):
    line = next(line for line in pages[0].splitlines() if "Số 25-BC/ĐU" in line)
    assert "Thái Nguyên, ngày 15 tháng 12 năm 2026" in line


def test_page_two_starts_with_its_number_and_has_no_header_block(pages):
    assert len(pages) >= 2
    second = pages[1]
    assert _lines(second)[0] == "2"
    for text in ("ĐẢNG CỘNG SẢN VIỆT NAM", "Số 25-BC/ĐU", "BÁO CÁO"):
        assert text not in second


def test_signature_block_sits_with_the_closing_on_the_last_page(pages):
    last = pages[-1]
    assert "Trên đây là báo cáo" in last
    for text in ("Nơi nhận:", "T/M ĐẢNG ỦY", "BÍ THƯ", "Nguyễn Văn A"):
        assert text in last


def test_fonts_are_times_or_its_metric_twin(pdf):
    fonts = pdf_fonts(pdf)
    assert fonts
    assert not [f for f in fonts if "DejaVu" in f]
    assert all(f.startswith(("LiberationSerif", "TimesNewRoman", "Times")) for f in fonts), fonts


def test_no_printed_line_starts_with_the_dash_of_a_range(tmp_path):
    from app.domain.demo import demo_report
    from app.services.export import export_docx

    path = tmp_path / "demo.docx"
    export_docx(demo_report(), path)
    text = "\n".join(pdf_pages(convert_to_pdf(path, tmp_path)))
    assert "2025 - 2030" in text.replace("\u00a0", " ")
    assert not re.search(r"^\s*- ?\d{4}\b", text, re.MULTILINE)
