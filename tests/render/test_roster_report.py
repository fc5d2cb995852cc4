"""A chi bộ report driven by its member roster: no count typed by hand, the staff share worded, the ratings annex."""

from __future__ import annotations

import docx
import pytest

from app.domain.demo import DemoKind, demo_report
from app.domain.roster_stats import roster_figures
from app.services.export import export_docx
from tests.render.lo import convert_to_pdf, pdf_pages, requires_libreoffice


@pytest.fixture(scope="module")
def document(tmp_path_factory):
    path = tmp_path_factory.mktemp("roster") / "roster.docx"
    export_docx(demo_report(DemoKind.ROSTER), path)
    return path


def test_every_count_of_the_roster_demo_is_the_one_its_list_gives():
    report = demo_report(DemoKind.ROSTER)
    assert report.roster.in_use and len(report.roster.members) == 28
    for ref, value in roster_figures(report.roster.members, report.period).items():
        assert ref.get(report) == value, ref.path
    assert report.title == "" and report.basis == ""  # nothing overridden by hand


def test_the_roster_demo_passes_every_check_and_the_layout_checks():
    from app.services.drafting import check_report

    assert check_report(demo_report(DemoKind.ROSTER), render=True) == []


def test_the_members_share_of_the_staff_and_the_annex_are_in_the_docx(document):
    opened = docx.Document(str(document))
    texts = [p.text.replace("\u00a0", " ") for p in opened.paragraphs]
    assert "Tổng số đảng viên của Chi bộ chiếm 80% tổng số cán bộ, giáo viên (28/35)." in texts
    assert "Chi bộ có 28 đảng viên (26 đảng viên chính thức, 02 đảng viên dự bị); đảng viên nữ chiếm 71,4%." in texts
    assert "DANH SÁCH XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2025" in [t.upper() for t in texts]
    (annex,) = [t for t in opened.tables if t.rows[0].cells[1].text == "Họ và tên"]
    rows = [[cell.text for cell in row.cells] for row in annex.rows[1:]]
    assert len(rows) == 28
    assert rows[0][:4] == ["1", "Nguyễn Thị Lan", "1972", "Nữ"]
    assert rows[-1][4:] == ["Dự bị", "26/03/2026", "Chưa xếp loại"]


def test_no_annex_of_members_unless_she_asks(tmp_path):
    report = demo_report(DemoKind.ROSTER)
    report.roster.annex = False
    export_docx(report, tmp_path / "no-annex.docx")
    opened = docx.Document(str(tmp_path / "no-annex.docx"))
    assert not [t for t in opened.tables if t.rows[0].cells[1].text == "Họ và tên"]


@requires_libreoffice
def test_libreoffice_prints_the_annex_with_its_header_on_every_page(document, tmp_path):
    pages = pdf_pages(convert_to_pdf(document, tmp_path))
    annex = [i for i, page in enumerate(pages) if "Phụ lục 1" in page]
    assert annex, "no annex page"
    listed = pages[annex[0]:]
    assert "Nguyễn Thị Lan" in listed[0] and "Quách Văn Long" in "".join(listed)
    assert all("Họ và tên" in page for page in listed)
