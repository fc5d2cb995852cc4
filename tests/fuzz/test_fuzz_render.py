"""Every report the reader accepts renders: composed, written as a .docx that reopens, previewed; her text prints.

Text fields get arbitrary Unicode: every line break, the control characters and lone surrogates a .docx cannot
hold, combining marks, block tags and template syntax, words longer than a page. What prints is her text modulo
what a .docx cannot hold (the XML-invalid characters are dropped), NFC, and white space (a line break in a
one-line field prints as a space, an entry typed over several lines prints as several paragraphs).
"""

from __future__ import annotations

import re
import tempfile
import unicodedata
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from app.domain.demo import demo_report
from app.domain.errors import UserError
from app.domain.organisation import Signature
from app.domain.report import Entry, EntryKind, Report
from app.services.drafting import check_report
from app.services.interchange import dumps_report, loads_report
from tests.fuzz.harness import envelope_text, render_everywhere
from tests.fuzz.strategies import LINE_BREAKS, documents, fuzz_settings, hostile_text

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def printed_form(text: str) -> str:
    """text as a .docx can hold it, in NFC, each run of white space or line breaks one space."""
    text = re.sub(f"[{LINE_BREAKS}]", " ", text)
    return " ".join(unicodedata.normalize("NFC", _XML_INVALID.sub("", text)).split())


@fuzz_settings(12)
@given(documents())
def test_every_report_the_reader_accepts_renders_and_previews(document):
    try:
        report = loads_report(envelope_text(document))
    except UserError:
        return
    with tempfile.TemporaryDirectory() as folder:
        render_everywhere(report, Path(folder))
    assert not [f for f in check_report(report, render=True) if f.code == "render.failed"]


def _with_texts(report: Report, entries: list[str], name: str, recipient: str, basis: str) -> Report:
    section = next(s for s in report.walk_sections() if s.key == "tu_tuong")
    kinds = (EntryKind.BULLET, EntryKind.PARAGRAPH)
    section.entries = [Entry(text, kinds[i % 2]) for i, text in enumerate(entries)]
    report.signature = Signature("T/M ĐẢNG ỦY", "BÍ THƯ", name)
    report.recipients = ["Ban Thường vụ Đảng ủy tỉnh", recipient]
    report.basis = basis
    return report


def _squeezed(text: str) -> str:
    """text as a .docx can hold it, in NFC, without any white space or line break."""
    return "".join(unicodedata.normalize("NFC", _XML_INVALID.sub("", text)).split())


def _prints(report: Report, entries: list[str], one_line: list[str]) -> None:
    """Each line of each entry (a bullet's paragraphs start with "- ") and each one-line field is in the .docx.

    The signature and the recipients print outside the body, where a line break a .docx cannot hold (U+001C-1E)
    is dropped rather than made a space: they are compared without white space.
    """
    with tempfile.TemporaryDirectory() as folder:
        text = render_everywhere(report, Path(folder))
    printed, squeezed = printed_form(text), _squeezed(text)
    for line in [line for entry in entries for line in entry.splitlines()]:
        assert printed_form(line) in printed
    for field in one_line:
        assert _squeezed(field) in squeezed


_FIELDS = st.tuples(st.lists(hostile_text(), min_size=1, max_size=3), hostile_text(), hostile_text(), hostile_text())


@fuzz_settings(12)
@given(_FIELDS)
def test_arbitrary_text_typed_in_the_window_renders_previews_and_prints(fields):
    entries, name, recipient, basis = fields
    report = _with_texts(demo_report(), entries, name, recipient, basis)
    _prints(report, entries, [name, recipient, basis])


_IMPORTABLE = st.tuples(st.lists(hostile_text(importable=True), min_size=1, max_size=3),
                        *(hostile_text(importable=True) for _ in range(3)))


@fuzz_settings(12)
@given(_IMPORTABLE)
def test_arbitrary_text_in_an_imported_file_reads_renders_and_prints(fields):
    entries, name, recipient, basis = fields
    text = dumps_report(_with_texts(demo_report(), entries, name, recipient, basis))
    try:
        report = loads_report(text)
    except UserError as exc:
        assert "half of a character" in str(exc), "only half a character keeps importable text from being read"
        return
    _prints(report, entries, [name, recipient, basis])


def test_a_line_that_looks_like_a_heading_tag_prints_as_her_text():
    entries = ["@h1 Tiêu đề giả\u2028@table membership", "dòng một\u2029@closing kết\x85{{ report }}"]
    report = _with_texts(demo_report(), entries, "Nguyễn\u2028Văn A", "Lưu\nVP", "Căn cứ\u0085@p")
    _prints(report, entries, ["Nguyễn\u2028Văn A", "Lưu\nVP", "Căn cứ\u0085@p"])
