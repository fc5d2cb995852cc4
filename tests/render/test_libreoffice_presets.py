"""Each preset's demo as LibreOffice prints it: the header texts of its rules, page numbers, landscape appendices."""

from __future__ import annotations

import re

import pytest

from app.domain.demo import DemoKind, demo_report
from app.domain.presets import Preset
from app.services.export import export_docx
from tests.render.lo import convert_all_to_pdf, pdf_fonts, pdf_page_sizes, pdf_pages, requires_libreoffice

pytestmark = [pytest.mark.libreoffice, requires_libreoffice]

CASES = {
    "party": (Preset.PARTY, DemoKind.DANG_BO, False),
    "state": (Preset.STATE, DemoKind.DANG_BO, False),
    "cong-doan": (Preset.CONG_DOAN, DemoKind.DANG_BO, False),
    "doan": (Preset.DOAN, DemoKind.DANG_BO, False),
    "party-annexes": (Preset.PARTY, DemoKind.DANG_BO, True),
    "chi-bo": (Preset.PARTY, DemoKind.CHI_BO, False),
}


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("lo-presets")
    paths = []
    for name, (preset, kind, annexes) in CASES.items():
        report = demo_report(kind, preset)
        report.settings.annexes = annexes
        path = folder / f"{name}.docx"
        export_docx(report, path)
        paths.append(path)
    return dict(zip(CASES, convert_all_to_pdf(paths, folder), strict=True))


@pytest.fixture(scope="module")
def pages(pdfs):
    return {name: pdf_pages(pdf) for name, pdf in pdfs.items()}


def squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_party_page_one_has_the_party_title_a_star_and_no_tieu_ngu(pages):
    first = pages["party"][0]
    for text in ("ĐẢNG CỘNG SẢN VIỆT NAM", "Số 25-BC/ĐU", "BÁO CÁO", "-----"):
        assert text in first, text
    assert "Độc lập" not in first
    assert "***" not in first


def test_state_page_one_has_quoc_hieu_tieu_ngu_and_the_state_number(pages):
    first = pages["state"][0]
    for text in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 25/BC-UBND",
                 "An Bình, ngày 15 tháng 12 năm 2026", "Tổng kết công tác năm 2026"):
        assert text in first, text
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" not in first
    assert "-----" not in first


def test_state_last_page_signs_tm_and_files_a_copy_with_lưu_vt(pages):
    last = squeeze(pages["state"][-1])
    for text in ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nơi nhận:", "- Lưu: VT, VP.", "Lê Văn C", "./."):
        assert text in last, text


def test_cong_doan_page_one_has_the_state_shape(pages):
    first = pages["cong-doan"][0]
    for text in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 25/BC-CĐCS"):
        assert text in first, text
    assert "TM. BAN CHẤP HÀNH" in pages["cong-doan"][-1]


def test_doan_page_one_has_its_title_and_three_stars(pages):
    first = pages["doan"][0]
    for text in ("ĐOÀN TNCS HỒ CHÍ MINH", "***", "Số: 25-BC/ĐTN"):
        assert text in first, text
    assert "Độc lập" not in first
    assert "TM. BAN THƯỜNG VỤ" in pages["doan"][-1]


@pytest.mark.parametrize("name", ["party", "state", "cong-doan", "doan"])
def test_every_preset_numbers_pages_from_two_in_the_header(pages, name):
    doc = pages[name]
    assert len(doc) >= 2
    assert "1" not in [line.strip() for line in doc[0].splitlines()]
    assert [line.strip() for line in doc[1].splitlines() if line.strip()][0] == "2"


def test_appendices_print_on_landscape_pages_after_the_signature(pdfs, pages):
    doc = pages["party-annexes"]
    sizes = pdf_page_sizes(pdfs["party-annexes"])
    def labelled(page: str, label: str) -> bool:
        return label in [line.strip() for line in page.splitlines()]

    first_annex = next(i for i, page in enumerate(doc) if labelled(page, "Phụ lục 1"))
    assert "Nơi nhận:" in doc[first_annex - 1]
    assert all(round(w) == 210 and round(h) == 297 for w, h in sizes[:first_annex])
    assert all(round(w) == 297 and round(h) == 210 for w, h in sizes[first_annex:])
    for number in (1, 2, 3):
        assert labelled(doc[first_annex + number - 1], f"Phụ lục {number}")
    assert "BIẾN ĐỘNG ĐẢNG VIÊN NĂM 2026" in doc[first_annex]
    # The page number goes on: the appendices are numbered after the report's pages.
    assert [line.strip() for line in doc[first_annex].splitlines() if line.strip()][0] == str(first_annex + 1)


def test_chi_bo_report_signs_for_the_chi_bo_and_files_its_copy(pages):
    first, last = pages["chi-bo"][0], squeeze(pages["chi-bo"][-1])
    assert "Số 05-BC/CB" in first
    assert "CHI BỘ KHOA CƠ KHÍ" in first
    for text in ("T/M CHI BỘ", "- Lưu Chi bộ.", "Trần Thị B"):
        assert text in last, text
    assert "Ủy ban Kiểm tra" not in "".join(pages["chi-bo"])


def test_fonts_of_every_preset_are_times_or_its_metric_twin(pdfs):
    for pdf in pdfs.values():
        fonts = pdf_fonts(pdf)
        assert all(f.startswith(("LiberationSerif", "TimesNewRoman", "Times")) for f in fonts), fonts
