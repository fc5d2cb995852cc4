"""A school's chi bộ reporting on the school year: the .docx reads "năm học" everywhere, no title typed by hand."""

from __future__ import annotations

import re

import docx
import pytest

from app.domain.demo import DemoKind, demo_report
from app.domain.period import PeriodKind
from app.render.context import build_context
from app.services.export import export_docx


@pytest.fixture(scope="module")
def paragraphs(tmp_path_factory) -> list[str]:
    report = demo_report(DemoKind.SCHOOL)
    assert report.title == "" and report.basis == ""  # nothing overridden by hand
    path = tmp_path_factory.mktemp("school") / "school.docx"
    export_docx(report, path)
    document = docx.Document(str(path))
    cells = [p.text for table in document.tables for row in table.rows for cell in row.cells for p in cell.paragraphs]
    # The year ranges print with no-break spaces around the dash ("2025\u00a0-\u00a02026"): compare with spaces.
    return [text.replace("\u00a0", " ") for text in [p.text for p in document.paragraphs] + cells]


def test_the_school_demo_covers_the_school_year_2025_2026():
    report = demo_report(DemoKind.SCHOOL)
    assert report.period_kind is PeriodKind.SCHOOL_YEAR
    assert report.period.phrase == "năm học 2025 - 2026"


def test_the_title_names_this_school_year_and_the_next(paragraphs: list[str]):
    assert "tổng kết công tác xây dựng Đảng năm học 2025 - 2026, phương hướng, nhiệm vụ năm học 2026 - 2027" \
        in paragraphs


def test_the_part_titles_name_the_school_years(paragraphs: list[str]):
    assert "KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM HỌC 2025 - 2026" in paragraphs
    assert "PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM HỌC 2026 - 2027" in paragraphs


def test_membership_and_the_closing_sentence_speak_of_the_school_year(paragraphs: list[str]):
    text = "\n".join(paragraphs)
    assert "Tổng số đảng viên cuối năm học là 28 đồng chí" in text
    assert "Trong năm học, không phát sinh đơn thư tố cáo, khiếu nại." in text
    assert ("Trên đây là báo cáo tổng kết công tác xây dựng Đảng năm học 2025 - 2026, phương hướng, nhiệm vụ "
            "năm học 2026 - 2027 của Chi bộ.") in text


def test_no_generated_phrase_says_a_calendar_year_where_the_school_year_belongs(paragraphs: list[str]):
    # The date of issue ("ngày 20 tháng 8 năm 2026") is a date, not a period.
    text = re.sub(r"ngày \d+ tháng \d+ năm \d{4}", "", "\n".join(paragraphs))
    # "năm 2025" names the December rating and "năm 2026" the annual theme, both calendar-year matters;
    # nothing else may name a bare year, and "cuối năm"/"trong năm" must be followed by "học".
    bare = [m.group(0) for m in re.finditer(r"(?<!chủ đề )(?<!Chủ đề )(?<!chất lượng )năm 20\d\d(?! - )", text)]
    assert bare == []
    assert re.findall(r"(?:cuối|đầu|trong|Trong) năm(?! học)", text) == []


def test_the_membership_table_says_dau_nam_hoc_and_cuoi_nam_hoc():
    report = demo_report(DemoKind.SCHOOL)
    rows = [row[1] for row in build_context(report)["tables"]["membership"].rows]
    assert "Đảng viên đầu năm học" in rows and "Đảng viên cuối năm học" in rows


def test_the_school_demo_passes_every_check_and_the_layout_checks():
    from app.services.drafting import check_report

    assert check_report(demo_report(DemoKind.SCHOOL), render=True) == []


def test_an_undated_school_year_report_leaves_the_annex_date_blank_in_the_year_it_ends():
    from app.render.compose import compose

    report = demo_report(DemoKind.SCHOOL)
    report.issued_on = None
    report.settings.annexes = True
    model = compose(report)
    notes = [annex.note for annex in model.annexes]
    assert notes and all("/2026 " in note for note in notes), notes
