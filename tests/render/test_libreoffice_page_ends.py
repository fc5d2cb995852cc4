"""Documents padded so that a document number, a heading or a short table meets a page end, printed by LibreOffice.

Each document repeats one item after a growing number of one-line paragraphs, so that some copy meets the foot of a
page; the control documents are written without the writer's protection and must show the fault, so the checks
can fail.
"""

from __future__ import annotations

import re

import pytest

from app.render import docx_writer
from app.render.docx_writer import write_docx
from app.render.model import Block, BlockKind, Table
from tests.render.lo import convert_all_to_pdf, pdf_pages, requires_libreoffice
from tests.render.sample import sample_model

pytestmark = [pytest.mark.libreoffice, requires_libreoffice]

_COPIES = 24


def _pad(count: int) -> list[Block]:
    return [Block(BlockKind.PARAGRAPH, f"Dòng đệm {i}.") for i in range(count)]


def _numbers_body() -> list[Block]:
    # Growing prefixes move "30-QĐ/TW" along the line until it meets the right margin.
    return [Block(BlockKind.PARAGRAPH, "Thực hiện" + " tốt" * i + " Quy định số 30-QĐ/TW của Bộ Chính trị về thi hành "
                  "Điều lệ Đảng và Hướng dẫn số 45-HD/ĐU về công tác kiểm tra.") for i in range(40)]


def _headings_body() -> list[Block]:
    body: list[Block] = []
    for copy in range(_COPIES):
        body += _pad(copy % 7 + 1)
        body.append(Block(BlockKind.HEADING2, f"{copy + 1}- Ưu điểm"))
        body.append(Block(BlockKind.PARAGRAPH, " ".join(f"h{copy}w{i}" for i in range(60))))
    return body


def _ratings(copy: int) -> Table:
    rows = [[str(i), f"Mức {copy}r{i}", "02", "13"] for i in range(1, 5)] + [["", f"Tổng {copy}r5", "13", "98"]]
    return Table(title=f"Bảng {copy}", header=["TT", "Mức xếp loại", "Tổ chức đảng", "Đảng viên"], rows=rows,
                 numeric=frozenset({0, 2, 3}), widths=[1, 5, 3, 3])


def _tables_body() -> list[Block]:
    body: list[Block] = []
    for copy in range(_COPIES):
        body += _pad(copy % 9 + 1)
        body.append(Block(BlockKind.TABLE, table=_ratings(copy)))
    return body


def _long_table_body() -> list[Block]:
    rows = [[str(i), f"Chi bộ số L{i}", "02", "13"] for i in range(1, 41)]
    table = Table(title="Bảng dài", header=["TT", "Tên chi bộ", "Tổ chức đảng", "Đảng viên"], rows=rows,
                  numeric=frozenset({0, 2, 3}), widths=[1, 5, 3, 3])
    return [*_pad(12), Block(BlockKind.TABLE, table=table)]


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """name → pages of text, for each body written with and (control_*) without the writer's protection."""
    folder = tmp_path_factory.mktemp("page-ends")
    bodies = {"numbers": _numbers_body, "headings": _headings_body, "tables": _tables_body,
              "long_table": _long_table_body}
    paths = []
    for name, body in bodies.items():
        model = sample_model()
        model.body = body()
        paths.append(folder / f"{name}.docx")
        write_docx(model, paths[-1])
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(docx_writer, "document_number_hyphens", lambda text: [])
        patch.setattr(docx_writer, "KEEP_TOGETHER_ROWS", -1)
        for name in ("numbers", "tables"):
            model = sample_model()
            model.body = bodies[name]()
            paths.append(folder / f"control_{name}.docx")
            write_docx(model, paths[-1])
    pdfs = convert_all_to_pdf(paths, folder)
    return {path.stem: pdf_pages(pdf) for path, pdf in zip(paths, pdfs, strict=True)}


def _lines(pages: list[str]) -> list[str]:
    return [line.strip() for page in pages for line in page.splitlines() if line.strip()]


_BROKEN_NUMBER = re.compile(r"\b(30|45)[-\u2011]$")


def test_document_numbers_never_break_at_their_hyphen(printed):
    lines = _lines(printed["numbers"])
    assert sum("30-QĐ/TW" in line.replace("\u2011", "-") for line in lines) >= 30
    assert [line for line in lines if _BROKEN_NUMBER.search(line)] == []


def test_control_document_numbers_with_plain_hyphens_do_break(printed):
    assert [line for line in _lines(printed["control_numbers"]) if _BROKEN_NUMBER.search(line)]


def _page_of(pages: list[str], text: str) -> int:
    return next(index for index, page in enumerate(pages) if text in page)


def test_a_heading_keeps_at_least_two_lines_of_its_paragraph(printed):
    pages = printed["headings"]
    moved = 0
    for copy in range(_COPIES):
        page = _page_of(pages, f"{copy + 1}- Ưu điểm")
        lines = pages[page].split(f"{copy + 1}- Ưu điểm", 1)[1].splitlines()
        following = [line for line in lines if f"h{copy}w" in line]
        assert len(following) >= 2, (copy, pages[page][-400:])
        moved += f"h{copy}w" in pages[page + 1] if page + 1 < len(pages) else 0
    assert moved, "no paragraph ran onto the next page: the padding missed the page ends"


def _table_pages(pages: list[str], copy: int) -> set[int]:
    return {index for index, page in enumerate(pages)
            for row in (f"{copy}r{i}" for i in range(1, 6)) if re.search(rf"\b{row}\b", page)}


def test_a_short_table_prints_on_one_page_with_its_caption(printed):
    pages = printed["tables"]
    for copy in range(_COPIES):
        rows = _table_pages(pages, copy)
        caption = {index for index, page in enumerate(pages) if re.search(rf"^\s*Bảng {copy}\s*$", page, re.MULTILINE)}
        assert len(rows) == 1, (copy, rows)
        assert caption == rows, (copy, caption, rows)


def test_control_tables_without_keeping_do_split(printed):
    pages = printed["control_tables"]
    assert any(len(_table_pages(pages, copy)) > 1 for copy in range(_COPIES))


def test_a_long_table_splits_and_repeats_its_header_on_each_page(printed):
    pages = [page for page in printed["long_table"] if re.search(r"\bL\d+\b", page)]
    assert len(pages) >= 2
    for page in pages:
        assert "Tên chi bộ" in page
    assert "Chi bộ số L40" in pages[-1] and "Chi bộ số L1 " in pages[0] + " "
