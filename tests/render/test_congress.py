"""The reports to a congress as written: the title lines, the "trình Đại hội" line, the term's targets, page 1.

Also: no generated sentence of any kind of report says "của" twice or writes a word twice.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import docx
import pytest

from app.domain.demo import DemoKind, demo_report
from app.domain.lint import _REPEATED, _is_repetition
from app.domain.outline import default_outline
from app.domain.report import Report, ReportKind
from app.render.compose import compose
from app.render.model import BlockKind, DocumentModel
from app.services.drafting import check_report
from app.services.export import export_docx
from tests.render.lo import convert_to_pdf, pdf_pages, requires_libreoffice

CONGRESS_KINDS = (ReportKind.CONGRESS_POLITICAL, ReportKind.COMMITTEE_SELF_REVIEW)
NAME = "Chi bộ Công ty Cổ phần Cơ khí Hòa Bình"


def _docx_paragraphs(path: Path) -> list[str]:
    document = docx.Document(str(path))
    # The year ranges print with no-break spaces around the dash ("2020\u00a0-\u00a02025"): compare with spaces.
    return [p.text.replace("\u00a0", " ") for p in document.paragraphs]


@pytest.fixture(scope="module", params=[DemoKind.CONGRESS, DemoKind.CONGRESS_REVIEW])
def written(request, tmp_path_factory) -> tuple[Report, Path]:
    report = demo_report(request.param)
    assert report.title == "" and report.basis == ""  # nothing overridden by hand
    path = tmp_path_factory.mktemp("congress") / f"{request.param}.docx"
    export_docx(report, path)
    return report, path


def test_the_title_block_names_the_genre_the_committee_the_term_and_the_congress(written):
    report, path = written
    paragraphs = _docx_paragraphs(path)
    genre = {ReportKind.CONGRESS_POLITICAL: "BÁO CÁO CHÍNH TRỊ", ReportKind.COMMITTEE_SELF_REVIEW: "BÁO CÁO KIỂM ĐIỂM"}
    start = paragraphs.index(genre[report.kind])
    assert paragraphs[start + 1:start + 4] == [
        f"của Ban Chấp hành {NAME}, nhiệm kỳ 2020 - 2025",
        f"trình Đại hội {NAME}, nhiệm kỳ 2025 - 2030",
        "-----",
    ]
    assert "BÁO CÁO" not in paragraphs[:start]


def test_the_numbering_keeps_the_chi_bo_register(written):
    _report, path = written
    cells = [c.text for t in docx.Document(str(path)).tables for row in t.rows for c in row.cells]
    assert any(re.fullmatch(r"Số 0[89]-BC/CB", text) for text in cells)


def test_the_closing_names_the_report_once_with_one_author(written):
    report, path = written
    genre = {ReportKind.CONGRESS_POLITICAL: "chính trị", ReportKind.COMMITTEE_SELF_REVIEW: "kiểm điểm"}[report.kind]
    closing = next(p for p in _docx_paragraphs(path) if p.startswith("Trên đây là"))
    assert closing == (f"Trên đây là báo cáo {genre} của Ban Chấp hành {NAME}, nhiệm kỳ 2020 - 2025 trình "
                       f"Đại hội {NAME}, nhiệm kỳ 2025 - 2030.")
    assert closing.count("của") == 1


def test_the_terms_targets_print_with_their_attainment_worked_out(written):
    _report, path = written
    tables = docx.Document(str(path)).tables
    targets = next(t for t in tables if [c.text for c in t.rows[0].cells][-1] == "Đánh giá")
    rows = [[c.text for c in row.cells] for row in targets.rows]
    assert rows[0] == ["TT", "Chỉ tiêu", "Nghị quyết", "Thực hiện", "Tỷ lệ đạt", "Đánh giá"]
    assert rows[1] == ["1", "Kết nạp đảng viên mới trong nhiệm kỳ", "5", "6", "120%", "Vượt"]
    assert rows[2][2:] == ["10", "8", "80%", "Không đạt"]
    assert rows[3][2:] == ["90%", "93,3%", "", "Đạt"]


def test_the_sentence_on_the_targets_speaks_of_the_term(written):
    _report, path = written
    text = "\n".join(_docx_paragraphs(path))
    assert ("Trong nhiệm kỳ 2020 - 2025, Chi bộ có 3/4 chỉ tiêu Nghị quyết Đại hội đạt và vượt, trong đó chỉ tiêu "
            "kết nạp đảng viên mới trong nhiệm kỳ đạt 120% (vượt 20%); 01 chỉ tiêu không đạt.") in text
    assert "Kết quả từng năm theo báo cáo tổng kết năm 2020, năm 2021, năm 2022, năm 2023, năm 2024 của Chi bộ." \
        in text
    assert "Tổng số đảng viên cuối nhiệm kỳ là 24 đồng chí" in text


def test_the_political_reports_outline_runs_from_the_terms_results_to_the_next_terms_tasks():
    model = compose(demo_report(DemoKind.CONGRESS))
    parts = [b.text for b in model.body if b.kind is BlockKind.PART_TITLE]
    assert parts == ["KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI NHIỆM KỲ 2020 - 2025",
                     "PHƯƠNG HƯỚNG, MỤC TIÊU, NHIỆM VỤ NHIỆM KỲ 2025 - 2030"]
    headings = [b.text for b in model.body if b.kind is BlockKind.HEADING1]
    assert headings == ["I- ĐẶC ĐIỂM TÌNH HÌNH", "II- KẾT QUẢ LÃNH ĐẠO THỰC HIỆN NHIỆM VỤ CHÍNH TRỊ",
                        "III- CÔNG TÁC XÂY DỰNG ĐẢNG", "IV- LÃNH ĐẠO CÁC ĐOÀN THỂ",
                        "V- KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NGHỊ QUYẾT ĐẠI HỘI", "VI- ĐÁNH GIÁ CHUNG",
                        "I- PHƯƠNG HƯỚNG, MỤC TIÊU CHUNG", "II- CÁC CHỈ TIÊU CHỦ YẾU", "III- NHIỆM VỤ VÀ GIẢI PHÁP"]
    assert "4- Bài học kinh nghiệm" in [b.text for b in model.body if b.kind is BlockKind.HEADING2]


def test_the_self_reviews_outline_examines_the_committee():
    model = compose(demo_report(DemoKind.CONGRESS_REVIEW))
    assert [b.text for b in model.body if b.kind is BlockKind.PART_TITLE][0] == \
        "KIỂM ĐIỂM SỰ LÃNH ĐẠO, CHỈ ĐẠO NHIỆM KỲ 2020 - 2025"
    headings = [b.text for b in model.body if b.kind is BlockKind.HEADING1]
    for heading in ("ƯU ĐIỂM, KHUYẾT ĐIỂM CỦA BAN CHẤP HÀNH", "NGUYÊN NHÂN", "BÀI HỌC KINH NGHIỆM",
                    "NHIỆM VỤ, GIẢI PHÁP KHẮC PHỤC"):
        assert any(h.endswith(heading) for h in headings), heading


def test_a_dang_bo_presents_its_report_to_a_congress_of_delegates():
    report = demo_report(DemoKind.DANG_BO)
    report.kind, report.term = ReportKind.CONGRESS_POLITICAL, "2020 - 2025"
    report.year, report.basis = 2025, ""
    report.sections = default_outline(report.kind, report.organisation.kind)
    model = compose(report)
    assert (model.doc_type_name, model.title, model.congress_line) == (
        "BÁO CÁO CHÍNH TRỊ",
        "của Ban Chấp hành Đảng bộ Trường Cao đẳng Kỹ thuật Công nghiệp, nhiệm kỳ 2020 - 2025",
        "trình Đại hội đại biểu Đảng bộ Trường Cao đẳng Kỹ thuật Công nghiệp, nhiệm kỳ 2025 - 2030")
    assert model.number_line == "Số 25-BC/ĐU"


def test_a_year_end_report_keeps_its_one_line_title_block():
    model = compose(demo_report(DemoKind.DANG_BO))
    assert (model.doc_type_name, model.congress_line) == ("BÁO CÁO", "")


@pytest.mark.parametrize("kind", [DemoKind.CONGRESS, DemoKind.CONGRESS_REVIEW])
def test_the_congress_demos_pass_every_check_and_the_layout_checks(kind):
    assert check_report(demo_report(kind), render=True) == []


def test_a_congress_report_without_its_term_is_pointed_out():
    report = demo_report(DemoKind.CONGRESS)
    report.term = ""
    [finding] = [f for f in check_report(report) if f.code == "congress.term"]
    assert finding.fields == ("term",)


# No doubled "của", no word written twice, in any kind of report.

def _every_report() -> list[tuple[str, Report]]:
    """Each demo as each kind of report (with that kind's outline), in the body and with the tables in annexes."""
    out = []
    for demo in DemoKind:
        for kind in ReportKind:
            for annexes in (False, True):
                report = demo_report(demo)
                if report.kind is not kind:
                    report.kind, report.term = kind, report.term or "2020 - 2025"
                    report.sections = default_outline(kind, report.organisation.kind)
                report.settings.annexes = annexes
                out.append((f"{demo}/{kind}/{'annexes' if annexes else 'body'}", report))
    return out


def _printed_texts(model: DocumentModel) -> list[str]:
    texts = [model.doc_type_name, model.title, model.congress_line, model.place_date]
    for block in model.body:
        texts.append(block.text)
        if block.table is not None:
            texts += [block.table.title, *block.table.header, *(cell for row in block.table.rows for cell in row)]
    for annex in model.annexes:
        texts += [annex.title, annex.note, *annex.table.header, *(cell for row in annex.table.rows for cell in row)]
    return [unicodedata.normalize("NFC", text) for text in texts if text]


@pytest.mark.parametrize(("name", "report"), _every_report(), ids=lambda v: v if isinstance(v, str) else "")
def test_no_printed_text_says_cua_twice_or_writes_a_word_twice(name, report):
    texts = _printed_texts(compose(report))
    doubled = [m.group(0) for text in texts for m in _REPEATED.finditer(text) if _is_repetition(m)]
    assert doubled == [], name
    # "của …" twice in one sentence, as "báo cáo chính trị của Ban Chấp hành … của Chi bộ" would be.
    closing = next(text for text in texts if text.startswith("Trên đây là"))
    assert closing.count(" của ") <= 1, closing


def test_the_doubled_word_scan_finds_a_doubled_cua():
    match = _REPEATED.search("Trên đây là báo cáo của của Chi bộ.")
    assert match is not None and _is_repetition(match)


# Page 1 as LibreOffice prints it.

@pytest.mark.libreoffice
@requires_libreoffice
def test_page_one_of_the_political_report_prints_the_title_lines_under_the_header(tmp_path):
    path = tmp_path / "bao-cao-chinh-tri.docx"
    export_docx(demo_report(DemoKind.CONGRESS), path)
    pdf = convert_to_pdf(path, tmp_path)
    first = [" ".join(line.split()) for line in pdf_pages(pdf)[0].splitlines() if line.strip()]
    page = "\n".join(first)
    for text in ("ĐẢNG CỘNG SẢN VIỆT NAM", "Số 08-BC/CB", "Thái Nguyên, ngày 20 tháng 5 năm 2025",
                 "BÁO CÁO CHÍNH TRỊ", "-----", "Phần thứ nhất"):
        assert text in page, text
    genre = next(i for i, line in enumerate(first) if line == "BÁO CÁO CHÍNH TRỊ")
    title = " ".join(first[genre + 1:first.index("-----")])
    assert title == (f"của Ban Chấp hành {NAME}, nhiệm kỳ 2020 - 2025 trình Đại hội {NAME}, nhiệm kỳ 2025 - 2030")
    assert first.index("Số 08-BC/CB Thái Nguyên, ngày 20 tháng 5 năm 2025") < genre
    if shutil.which("pdftoppm"):  # the picture of page 1, for a person to look at
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")],
                       check=True, capture_output=True)
        assert (tmp_path / "page-1.png").stat().st_size > 0


def test_the_preview_shows_the_congress_line_under_the_title():
    from app.services.export import preview_html

    html = preview_html(demo_report(DemoKind.CONGRESS))
    genre, title = html.index("BÁO CÁO CHÍNH TRỊ"), html.index("của Ban Chấp hành Chi bộ")
    line = html.index("trình Đại hội Chi bộ Công ty Cổ phần Cơ khí Hòa Bình, nhiệm kỳ 2025")
    assert genre < title < line < html.index("-----")


def test_an_exported_congress_docx_imports_back_as_the_same_kind_and_term(tmp_path):
    from app.services.interchange import import_report_file

    path = tmp_path / "congress.docx"
    export_docx(demo_report(DemoKind.CONGRESS), path)
    report = import_report_file(path)  # the report's data travels inside the .docx
    assert (report.kind, report.term, report.effective_title) == (
        ReportKind.CONGRESS_POLITICAL, "2020 - 2025", f"của Ban Chấp hành {NAME}, nhiệm kỳ 2020 - 2025")


def test_a_congress_report_typed_in_word_is_read_as_one_with_its_term(tmp_path):
    from app.importers.word_report import read_word_report

    path = tmp_path / "typed.docx"
    export_docx(demo_report(DemoKind.CONGRESS), path)
    document = docx.Document(str(path))
    # As typed by hand: no data part, only the text (the exporter's data part would be read first).
    for rel in [r for r in document.part.rels.values() if "customXml" in r.reltype]:
        document.part.drop_rel(rel.rId)
    document.save(str(path))
    reading = read_word_report(path)
    report = reading.report
    assert (report.kind, report.year, report.term) == (ReportKind.CONGRESS_POLITICAL, 2025, "2020 - 2025")
    # The profile read from the header has no name to word the lines from: the typed ones are kept, both.
    assert report.title.replace("\u00a0", " ") == (
        f"của Ban Chấp hành {NAME}, nhiệm kỳ 2020 - 2025 trình Đại hội {NAME}, nhiệm kỳ 2025 - 2030")
    assert report.congress_line == ""
    assert report.section("ket_qua_chi_tieu") is not None


def test_a_title_she_typed_naming_the_congress_takes_the_place_of_both_lines():
    report = demo_report(DemoKind.CONGRESS)
    report.title = (f"của Ban Chấp hành {NAME} khóa III, nhiệm kỳ 2020 - 2025 trình Đại hội {NAME} lần thứ IV, "
                    "nhiệm kỳ 2025 - 2030")
    model = compose(report)
    assert (model.title, model.congress_line) == (report.title, "")
    closing = next(b.text for b in model.body if b.kind is BlockKind.CLOSING)
    assert closing == f"Trên đây là báo cáo chính trị {report.title}."
