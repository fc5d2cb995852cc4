"""tongket consolidate and tongket import of a .docx: what they print, write, store and their exit status."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from app.cli.main import main
from app.domain.codec import to_dict
from app.domain.demo import demo_report, demo_statistics, demo_subunit_ratings, demo_subunit_reports
from app.services.export import export_docx
from app.services.interchange import export_report_file, import_report_file


def run(*args: str) -> int:
    return main(["--lang", "en", *args])


def demo_files(folder: Path) -> Path:
    """The demo đảng bộ as parent.json, its chi bộ in folder/sub (.json and .docx), the ratings in ratings.json."""
    (folder / "sub").mkdir()
    export_report_file(demo_report(), folder / "parent.json")
    for i, report in enumerate(demo_subunit_reports()):
        if i % 2:
            export_docx(report, folder / "sub" / f"cb{i:02}.docx")
        else:
            export_report_file(report, folder / "sub" / f"cb{i:02}.json")
    ratings = {name: level.value for name, level in demo_subunit_ratings().items()}
    (folder / "ratings.json").write_text(json.dumps(ratings, ensure_ascii=False), encoding="utf-8")
    return folder


def test_consolidate_writes_the_demo_figures_from_its_chi_bo_files(tmp_path, capsys):
    d = demo_files(tmp_path)
    status = run("consolidate", str(d / "parent.json"), str(d / "sub"), "--ratings", str(d / "ratings.json"),
                 "--exemplary", "Chi bộ Khoa Cơ khí", "-o", str(d / "out.json"))
    out = capsys.readouterr().out
    assert status == 0, out
    assert "Rolled up 13 chi bộ reports." in out
    assert to_dict(import_report_file(d / "out.json").stats) == to_dict(demo_statistics())


def test_consolidate_exits_1_naming_the_chi_bo_at_fault_and_still_writes(tmp_path, capsys):
    d = demo_files(tmp_path)
    (d / "sub" / "cb12.json").unlink()
    status = run("consolidate", str(d / "parent.json"), str(d / "sub"), "--ratings", str(d / "ratings.json"),
                 "--keep", "stats.membership.closing_total", "-o", str(d / "out.json"))
    out = capsys.readouterr().out
    assert status == 1
    assert "error: Chi bộ Học sinh - Sinh viên has no report for this period" in out
    assert "warning: " in out and "as typed, but the sub-units' reports give 95" in out
    assert import_report_file(d / "out.json").stats.membership.closing_total == 98  # her figure kept


def test_consolidate_trace_prints_each_figure_with_its_parts(tmp_path, capsys):
    d = demo_files(tmp_path)
    assert run("consolidate", str(d / "parent.json"), *map(str, sorted((d / "sub").iterdir())), "--trace",
               "-o", str(d / "out.json")) == 0
    out = capsys.readouterr().out
    assert "stats.membership.admitted = 4\n    Chi bộ Khoa Cơ khí: 1\n" in out


def test_consolidate_refuses_keeping_a_field_that_is_no_figure(tmp_path, capsys):
    d = demo_files(tmp_path)
    assert run("consolidate", str(d / "parent.json"), str(d / "sub"), "--keep", "stats.nothing",
               "-o", str(d / "out.json")) == 2
    assert "stats.nothing is not a figure" in capsys.readouterr().err
    assert not (d / "out.json").exists()


def test_import_of_an_exported_docx_stores_the_report(tmp_path, capsys, engine_url):
    export_docx(demo_report(), tmp_path / "r.docx")
    database = engine_url
    assert run("import", str(tmp_path / "r.docx"), "--database", database) == 0
    assert run("list", "--database", database) == 0
    assert "Đảng bộ Trường Cao đẳng Kỹ thuật Công nghiệp" in capsys.readouterr().out


def test_import_of_a_docx_without_data_stores_nothing(tmp_path, capsys, engine_url):
    export_docx(demo_report(), tmp_path / "r.docx")
    with zipfile.ZipFile(tmp_path / "r.docx") as src, zipfile.ZipFile(tmp_path / "plain.docx", "w") as dst:
        for info in src.infolist():
            if not info.filename.startswith("customXml/"):
                dst.writestr(info, src.read(info.filename))
    database = engine_url
    assert run("import", str(tmp_path / "plain.docx"), "--database", database) == 2
    assert "does not carry the report's data" in capsys.readouterr().err
    assert run("list", "--database", database) == 0
    assert "There are no reports in the database." in capsys.readouterr().out
