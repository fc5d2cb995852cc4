"""`tongket import-docx`: what it prints, the report file it writes, the report it stores, the files it refuses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli.main import main
from app.services.interchange import import_report_file
from tests.importers.word_fixtures import SPECS, build


@pytest.fixture
def docx(tmp_path) -> Path:
    return build(SPECS[0], tmp_path / "bao_cao_2025.docx")


def test_it_prints_what_it_recognised_and_writes_a_report_file_the_app_imports(docx, tmp_path, capsys):
    out = tmp_path / "report.json"
    assert main(["--lang", "en", "import-docx", str(docx), "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "Issuer: ĐẢNG ỦY CƠ QUAN ĐẢNG - ĐOÀN THỂ" in printed
    assert "Number: Số 25-BC/ĐU" in printed
    assert "Kind: Year-end review, year 2025" in printed
    assert "III- CÔNG TÁC XÂY DỰNG ĐẢNG → xay_dung_dang (0 paragraphs)" in printed
    assert "1- Xây dựng Đảng về chính trị, tư tưởng → a section of her own (1 paragraph)" in printed
    assert "admitted = 4  “kết nạp 04 đảng viên”" in printed
    report = import_report_file(out)
    assert report.number == 25 and report.organisation.issuer_code == "ĐU"
    assert report.stats.membership.admitted == 0  # proposed, not applied
    assert [e.text for e in report.section("dan_van").entries] == [SPECS[0].outline[8][3][0]]


def test_apply_figures_fills_the_statistics(docx, tmp_path, capsys):
    out = tmp_path / "report.json"
    assert main(["--lang", "en", "import-docx", str(docx), "--apply-figures", "-o", str(out)]) == 0
    assert "Figures filled in: 15." in capsys.readouterr().out
    report = import_report_file(out)
    assert (report.stats.membership.admitted, report.stats.units, report.stats.ratings.members.good) == (4, 13, 84)


def test_without_output_it_stores_the_report_in_the_database(docx, tmp_path, capsys):
    database = tmp_path / "app.sqlite"
    assert main(["--lang", "en", "import-docx", str(docx), "--database", str(database)]) == 0
    assert "as report 1." in capsys.readouterr().out
    assert main(["--lang", "en", "list", "--database", str(database)]) == 0
    assert "ĐẢNG ỦY CƠ QUAN ĐẢNG - ĐOÀN THỂ  2025  Year-end review" in capsys.readouterr().out


@pytest.mark.parametrize("content", [b"not a zip at all", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600],
                         ids=["damaged", "encrypted"])
def test_a_file_it_cannot_read_is_refused_in_vietnamese_and_nothing_is_stored(tmp_path, capsys, content):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(content)
    database = tmp_path / "app.sqlite"
    assert main(["import-docx", str(bad), "--database", str(database)]) == 2
    message = capsys.readouterr().err
    assert "Tệp Word bad.docx" in message
    assert not database.exists()
    out = tmp_path / "report.json"
    assert main(["import-docx", str(bad), "-o", str(out)]) == 2
    assert not out.exists()


def test_the_written_file_holds_the_signature_and_recipients(docx, tmp_path):
    out = tmp_path / "report.json"
    assert main(["--lang", "en", "import-docx", str(docx), "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["report"]["signature"]["name"] == "Nguyễn Văn An"
    assert data["report"]["recipients"][0] == "- Ban Thường vụ Quận ủy (để báo cáo),"
