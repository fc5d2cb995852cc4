"""The command line with presets and demo variants: render --preset, render --demo-kind, check --preset."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest

from app import i18n
from app.cli.main import main


@pytest.fixture(autouse=True)
def english(vietnamese):
    i18n.set_language("en")


def run(*args: str) -> int:
    return main(["--lang", "en", *args])


def header_texts(path: Path) -> list[str]:
    table = docx.Document(str(path)).tables[0]
    return [p.text for row in table.rows for cell in row.cells for p in cell.paragraphs if p.text]


@pytest.mark.parametrize(("preset", "expected"), [
    ("party", ["ĐẢNG CỘNG SẢN VIỆT NAM", "Số 25-BC/ĐU"]),
    ("state", ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 25/BC-UBND"]),
    ("cong-doan", ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 25/BC-CĐCS"]),
    ("doan", ["ĐOÀN TNCS HỒ CHÍ MINH", "***", "Số: 25-BC/ĐTN"]),
])
def test_render_demo_in_each_preset(tmp_path, preset, expected):
    target = tmp_path / f"{preset}.docx"
    assert run("render", "--demo", "--preset", preset, "-o", str(target)) == 0
    texts = header_texts(target)
    for text in expected:
        assert text in texts


def test_render_demo_without_a_preset_is_the_party_report(tmp_path):
    target = tmp_path / "demo.docx"
    assert run("render", "--demo", "-o", str(target)) == 0
    assert "Số 25-BC/ĐU" in header_texts(target)


def test_render_a_demo_kind_without_demo(tmp_path):
    target = tmp_path / "chi-bo.docx"
    assert run("render", "--demo-kind", "chi-bo", "-o", str(target)) == 0
    assert "Số 05-BC/CB" in header_texts(target)


def test_render_a_file_in_another_preset(tmp_path):
    source = Path(__file__).resolve().parent.parent / "data" / "report_demo_v1.json"
    target = tmp_path / "state.docx"
    assert run("render", str(source), "--preset", "state", "-o", str(target)) == 0
    assert "Độc lập - Tự do - Hạnh phúc" in header_texts(target)


def test_an_unknown_preset_is_a_usage_error(tmp_path, capsys):
    assert run("render", "--demo", "--preset", "hanh-chinh", "-o", str(tmp_path / "x.docx")) == 2
    assert "invalid choice" in capsys.readouterr().err


@pytest.mark.parametrize("kind", ["chi-bo", "six-month", "mid-term", "congress", "congress-review"])
def test_check_of_each_demo_kind_finds_no_problems(kind, capsys):
    assert run("check", "--demo-kind", kind) == 0
    assert capsys.readouterr().out == "No problems found.\n"


def test_check_applies_the_conventions_of_the_preset_asked_for(capsys):
    source = Path(__file__).resolve().parent.parent / "data" / "report_demo_v1.json"
    assert run("check", str(source), "--preset", "state") == 0
    printed = capsys.readouterr().out
    # The Party demo's profile, read as a state document: "T/M", "ĐU" and its recipients do not fit.
    assert "“T/M” is the Party style: this document format writes “TM.” with a dot." in printed
    assert "fields: organisation.issuer_code, organisation.preset" in printed
    assert "end it with “;”" in printed
    assert run("check", str(source)) == 0
    assert capsys.readouterr().out == "No problems found.\n"


def test_check_catches_the_mistakes_of_a_typed_report(tmp_path, capsys):
    source = Path(__file__).resolve().parent.parent / "data" / "report_demo_v1.json"
    data = json.loads(source.read_text(encoding="utf-8"))
    entry = data["report"]["sections"][0]["children"][0]["entries"][0]
    entry["text"] += " Kết nạp đạt đạt 15.4% chỉ tiêu theo Kế hoạch số 39/KH/ĐU."
    path = tmp_path / "typed.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert run("check", str(path)) == 0
    printed = capsys.readouterr().out
    assert "“đạt” is written twice" in printed
    assert "write “15,4%” with a comma" in printed
    assert "a Party document is numbered “39-KH/ĐU”" in printed
    # Entry 0 of the printed section is the sentence generated from the figures; hers comes after it.
    assert "fields: sections.0.children.0.entries.1.text" in printed
    assert printed.endswith("3 warnings\n")


def test_demo_writes_a_variant_in_a_preset(tmp_path):
    target = tmp_path / "doan.json"
    assert run("demo", "--demo-kind", "six-month", "--preset", "doan", "-o", str(target)) == 0
    report = json.loads(target.read_text(encoding="utf-8"))["report"]
    assert (report["kind"], report["organisation"]["preset"]) == ("six_month", "doan")
    assert report["settings"]["heading_style"] == "dot" and report["settings"]["end_mark"] is True


def test_render_the_congress_demo_prints_its_title_lines(tmp_path):
    import docx

    target = tmp_path / "congress.docx"
    assert run("render", "--demo-kind", "congress", "-o", str(target)) == 0
    paragraphs = [p.text.replace("\u00a0", " ") for p in docx.Document(str(target)).paragraphs]
    start = paragraphs.index("BÁO CÁO CHÍNH TRỊ")
    assert paragraphs[start + 2] == ("trình Đại hội Chi bộ Công ty Cổ phần Cơ khí Hòa Bình, nhiệm kỳ 2025 - 2030")
    assert "Số 08-BC/CB" in header_texts(target)


def test_the_congress_demo_travels_as_a_version_3_file_and_comes_back(tmp_path):
    from app.services.interchange import import_report_file

    target = tmp_path / "congress.json"
    assert run("demo", "--demo-kind", "congress", "-o", str(target)) == 0
    data = json.loads(target.read_text(encoding="utf-8"))
    assert (data["version"], data["report"]["kind"], data["report"]["term"]) == (3, "congress_political",
                                                                                  "2020 - 2025")
    assert "yearly_targets" not in data["report"]  # the yearly reports' figures are theirs
    report = import_report_file(target)
    assert report.kind.is_congress and report.yearly_targets == {}
