"""The reader of reports typed by hand in Word: twelve such reports, the app's own reports, and files that are not."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from docx import Document

from app.domain.demo import DemoKind, demo_report
from app.domain.errors import UserError
from app.domain.report import EntryKind, ReportKind
from app.importers import word_report
from app.importers.headings import best_match, score
from app.importers.word_report import apply_figures, read_word_report
from app.services.drafting import draft
from app.services.export import export_docx
from tests.importers.measure import measure_all, recovered_texts, table, total
from tests.importers.word_fixtures import COMMUNE_HEADINGS, SPECS, build, build_commune


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("word_reports")


def _spec(name: str):
    return next(s for s in SPECS if s.name == name)


def _read(folder: Path, name: str):
    spec = _spec(name)
    return spec, read_word_report(build(spec, folder / f"{name}.docx"))


def test_twelve_hand_typed_reports_give_back_every_paragraph_and_95_percent_of_headings(folder, capsys):
    rows = measure_all(folder)
    with capsys.disabled():
        print("\n" + table(rows))
    whole = total(rows)
    assert len(rows) >= 12
    assert whole.recovered == whole.paragraphs
    assert all(r.recovered == r.paragraphs for r in rows)
    assert whole.matched >= 0.95 * whole.headings
    assert whole.recognised == whole.headings
    assert whole.figures_wrong == 0
    assert whole.figures_found >= 0.95 * whole.figures


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.name)
def test_the_header_signature_and_kind_are_read_as_typed(folder, spec):
    reading = read_word_report(build(spec, folder / f"{spec.name}.docx"))
    header = reading.header
    assert header.upper_body == spec.upper_body
    assert header.issuer == spec.issuer
    assert header.number == spec.number
    assert header.code == spec.code
    assert header.place == spec.place
    assert header.state_format == spec.state
    assert reading.kind is ReportKind(spec.kind)
    assert reading.year == spec.year
    assert reading.signature is not None
    assert (reading.signature.authority, reading.signature.position, reading.signature.name) == (
        spec.authority, spec.position, spec.signer)
    assert reading.recipients == list(spec.recipients)
    assert reading.closing.startswith("Trên đây là báo cáo")


def test_dates_typed_in_words_with_slashes_or_left_blank(folder):
    assert _read(folder, "01_table_dash")[1].header.issued_on.isoformat() == "2025-12-14"
    assert _read(folder, "04_body_table")[1].header.issued_on.isoformat() == "2025-12-05"
    blank = _read(folder, "12_auto_dot_tabs")[1]
    assert blank.header.issued_on is None and blank.year == 2025


def test_state_number_gives_type_and_code_and_the_report_its_format(folder):
    _, reading = _read(folder, "08_state_format")
    assert (reading.header.number, reading.header.doc_type, reading.header.code) == (25, "BC", "UBND")
    assert reading.report.organisation.preset == "state"
    assert reading.report.settings.end_mark is True


def test_a_chi_bo_report_is_a_chi_bo_and_its_roman_parts_are_the_two_parts(folder):
    _, reading = _read(folder, "09_chi_bo")
    assert reading.report.organisation.kind.is_chi_bo
    assert [s.key for s in reading.report.sections] == ["phan_1", "phan_2"]


def test_automatic_numbering_and_list_bullets_read_as_typed_ones(folder):
    typed = _read(folder, "01_table_dash")[1]
    auto = _read(folder, "03_auto_numbering")[1]
    assert [h.key for h in auto.headings] == [h.key for h in typed.headings]
    assert [h.text for h in auto.headings][1:3] == ["I. ĐẶC ĐIỂM TÌNH HÌNH",
                                                   "II. LÃNH ĐẠO THỰC HIỆN NHIỆM VỤ CHÍNH TRỊ"]
    section = auto.report.section("to_chuc_can_bo")
    assert [e.kind for e in section.entries] == [EntryKind.BULLET, EntryKind.BULLET, EntryKind.SUB_BULLET,
                                                 EntryKind.SUB_BULLET]
    assert recovered_texts(auto) == recovered_texts(typed)


def test_manual_line_breaks_become_separate_paragraphs(folder):
    reading = _read(folder, "06_line_breaks")[1]
    assert [e.text for e in reading.report.section("dac_diem").entries] == list(SPECS[0].outline[1][3])


def test_a_table_in_the_body_is_kept_row_by_row_where_it_stood_and_said_so(folder):
    reading = _read(folder, "04_body_table")[1]
    texts = [e.text for e in reading.report.section("to_chuc_can_bo").entries]
    assert texts[-2:] == ["Kết nạp | 04", "Đảng viên cuối năm | 98"]
    assert reading.tables == 1
    assert len(reading.not_understood) == 1 and "4" in reading.not_understood[0]


def test_the_tasks_of_part_two_stay_her_own_sections_and_headings_keep_the_year_as_a_field(folder):
    reading = _read(folder, "01_table_dash")[1]
    tasks = reading.report.section("nhiem_vu_giai_phap")
    assert [c.key for c in tasks.children] == ["rieng_1", "rieng_2"]
    assert tasks.children[0].title == "Xây dựng Đảng về chính trị, tư tưởng"
    assert reading.report.section("phan_1").title == "KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM {year}"
    assert reading.report.section("phan_2").title == "PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM {next_year}"


def test_figures_are_proposed_not_applied_and_applied_only_when_asked(folder):
    reading = _read(folder, "01_table_dash")[1]
    assert reading.report.stats.membership.admitted == 0
    admitted = next(p for p in reading.proposals if p.field == "stats.membership.admitted")
    assert (admitted.value, admitted.phrase, admitted.section) == (4, "kết nạp 04 đảng viên", "to_chuc_can_bo")
    assert apply_figures(reading.report, reading.proposals) == []
    assert reading.report.stats.membership.admitted == 4
    assert reading.report.stats.ratings.organisations.excellent == 2


def test_a_figure_stated_twice_with_two_values_is_left_alone():
    report = demo_report()
    report.stats.units = 0
    proposals = [word_report.Proposal("stats.units", 13, "13 chi bộ", "a"),
                 word_report.Proposal("stats.units", 12, "12 chi bộ", "b")]
    assert apply_figures(report, proposals) == ["stats.units"]
    assert report.stats.units == 0


def test_a_commune_report_laid_out_otherwise_is_read_with_its_run_in_headings(tmp_path):
    reading = read_word_report(build_commune(tmp_path / "xa.docx"))
    got = [(h.text, h.key if h.matched else None) for h in reading.headings]
    assert len(got) == len(COMMUNE_HEADINGS)
    for (text, key), (start, want) in zip(got, COMMUNE_HEADINGS, strict=True):
        assert text.startswith(start) and key == want, (text, key)
    assert [e.text for e in reading.report.section("kiem_tra").entries] == [
        "Ủy ban Kiểm tra Đảng ủy kiểm tra 05 tổ chức đảng."]
    assert reading.report.basis.startswith("Căn cứ Hướng dẫn số 12-HD/HU")
    assert (reading.header.upper_body, reading.header.number, reading.year) == ("HUYỆN ỦY BÌNH CHÁNH", 112, 2023)
    assert reading.signature is not None and reading.signature.name == "Lê Văn Tám"


def test_headings_match_despite_accents_case_and_extra_words():
    candidates = {"chinh_tri": "Xây dựng Đảng về chính trị", "tu_tuong": "Công tác tư tưởng"}
    assert best_match("Công tác xây dựng Đảng về chính trị", candidates)[0] == "chinh_tri"
    assert best_match("CONG TAC TU TUONG:", candidates)[0] == "tu_tuong"
    assert best_match("Cong tac xay dung Dang ve chinh tri", candidates)[0] == "chinh_tri"
    assert best_match("Công tác thi đua, khen thưởng", candidates)[0] is None
    assert score("Ưu điểm", "Ưu điểm") == 100


@pytest.mark.parametrize("kind", list(DemoKind), ids=lambda k: k.value)
def test_a_report_the_app_exported_reads_back_without_losing_text(tmp_path, kind):
    report = demo_report(kind)
    export_docx(report, tmp_path / "app.docx")
    reading = read_word_report(tmp_path / "app.docx")

    def same(text: str) -> str:  # the writer keeps "2025 - 2030" together with no-break spaces
        return " ".join(text.replace("\xa0", " ").split())

    printed = [same(e.text) for s in draft(report).walk_sections() if s.enabled for e in s.entries
               if e.prints and e.kind is not EntryKind.TABLE]
    back = [same(t) for t in recovered_texts(reading)]
    assert printed and [t for t in printed if t not in back] == []
    assert all(h.matched for h in reading.headings)


def _body_paragraphs(path: Path) -> list[str]:
    return [p.text for p in Document(str(path)).paragraphs if p.text.strip()]


def test_a_report_read_from_word_and_exported_by_the_app_keeps_its_body_text(folder, tmp_path):
    _, reading = _read(folder, "03_auto_numbering")
    export_docx(reading.report, tmp_path / "again.docx")
    exported = _body_paragraphs(tmp_path / "again.docx")
    for text in recovered_texts(reading):
        assert any(p.endswith(text) for p in exported), text
    again = read_word_report(tmp_path / "again.docx")
    assert recovered_texts(again) == recovered_texts(reading)
    assert [h.key for h in again.headings] == [h.key for h in reading.headings]


# Files that are not a report.

def test_a_word_file_that_is_not_a_report_is_refused(tmp_path):
    document = Document()
    document.add_paragraph("Danh sách khách mời dự hội nghị")
    document.add_paragraph("1. Ông Nguyễn Văn An, Giám đốc")
    path = tmp_path / "guests.docx"
    document.save(path)
    with pytest.raises(UserError, match=r"does not look like a report|không giống một báo cáo"):
        read_word_report(path)


def test_an_encrypted_or_old_word_file_is_refused_with_what_to_do(tmp_path):
    path = tmp_path / "locked.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4096)
    with pytest.raises(UserError, match=r"\*\.docx"):
        read_word_report(path)


def test_a_damaged_file_is_refused(tmp_path, folder):
    whole = build(SPECS[0], folder / "whole.docx").read_bytes()
    path = tmp_path / "cut.docx"
    path.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(UserError):
        read_word_report(path)


def test_a_zip_without_a_document_is_refused(tmp_path):
    path = tmp_path / "other.docx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("hello.txt", "xin chào")
    with pytest.raises(UserError):
        read_word_report(path)


def test_a_huge_file_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.docx"
    with path.open("wb") as f:
        f.truncate(word_report.MAX_BYTES + 1)
    with pytest.raises(UserError):
        read_word_report(path)


def test_a_zip_bomb_is_refused(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("word/document.xml", b"<" + b"a" * (40 * 1024 * 1024))
    path = tmp_path / "bomb.docx"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(UserError):
        read_word_report(path)


def test_an_unmatched_heading_becomes_a_section_of_hers_she_can_rename_delete_and_add_beside(folder):
    from app.domain.outline import add_section, delete_section, is_custom, rename_section

    report = _read(folder, "01_table_dash")[1].report
    tasks = report.section("nhiem_vu_giai_phap")
    own = tasks.children[0]
    assert is_custom(own) and not is_custom(tasks)

    rename_section(own, "Xây dựng Đảng về chính trị")
    added = add_section(report, own, "Công tác chuyển đổi số")
    assert added.key == "rieng_3" and [c.key for c in tasks.children] == ["rieng_1", "rieng_3", "rieng_2"]
    delete_section(report, own)
    assert [c.key for c in tasks.children] == ["rieng_3", "rieng_2"]
