"""`tongket check` finds everything `tongket render` would fail on: each way render fails is an error of check."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from app import i18n
from app.cli.main import main
from app.domain.bounds import MAX_COUNT
from app.domain.demo import demo_report
from app.domain.findings import Severity
from app.render.reference import reference_path
from app.services.drafting import check_report
from app.services.interchange import dumps_report, export_report_file


@pytest.fixture(autouse=True)
def english():
    i18n.set_language("en")


def _templates(folder: Path, name: str, source: str | bytes) -> str:
    (folder / "sections").mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(source if isinstance(source, bytes) else source.encode("utf-8"))
    return str(folder)


def _not_a_docx(folder: Path) -> str:
    path = folder / "house.docx"
    path.write_text("không phải tệp Word", encoding="utf-8")
    return str(path)


def _without_styles(folder: Path) -> str:
    path = folder / "house.docx"
    docx.Document().save(str(path))
    return str(path)


# (what is broken, how to break it in a folder, what both commands say)
BROKEN = {
    "template syntax": ("templates_dir", lambda f: _templates(f, "sections/dac_diem.j2", "@p Một\n@p {% if %}\n"),
                        "The template sections/dac_diem.j2 has an error on line 2"),
    "template not saved as UTF-8": ("templates_dir", lambda f: _templates(f, "sections/dac_diem.j2", b"@p \xd0\xff\n"),
                                    "is not saved as UTF-8 text"),
    "template fails while it runs": ("templates_dir", lambda f: _templates(f, "sections/dac_diem.j2",
                                                                          "@p Một\n@p {{ 1 // 0 }}\n"),
                                     "The template sections/dac_diem.j2 fails on line 2"),
    "template uses a missing value": ("templates_dir", lambda f: _templates(f, "report.j2", "@p {{ m.khong_co }}\n"),
                                      "The template report.j2 uses a value that does not exist on line 1"),
    "template escapes the sandbox": ("templates_dir", lambda f: _templates(f, "report.j2", "@p {{ c.__globals__ }}\n"),
                                     "The template report.j2 does something templates may not do"),
    "template prints an unknown tag": ("templates_dir", lambda f: _templates(f, "report.j2", "@doan Một\n"),
                                       "@doan"),
    "template folder missing": ("templates_dir", lambda f: str(f / "khong-co"), "does not exist"),
    "house style not a .docx": ("reference_docx", _not_a_docx, "is damaged or is not a Word document (.docx)"),
    "house style without the styles": ("reference_docx", _without_styles, "lacks the paragraph styles"),
    "house style missing": ("reference_docx", lambda f: str(f / "khong-co.docx"), "cannot be found"),
}


@pytest.mark.parametrize("case", BROKEN)
def test_check_exits_1_with_the_message_for_every_way_render_fails(case, tmp_path, capsys):
    field, breaks, message = BROKEN[case]
    report = demo_report()
    setattr(report.organisation, field, breaks(tmp_path))
    path = tmp_path / "report.json"
    export_report_file(report, path)

    assert main(["--lang", "en", "render", str(path), "-o", str(tmp_path / "out.docx")]) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "out.docx").exists()

    assert main(["--lang", "en", "check", str(path)]) == 1
    printed = capsys.readouterr().out
    assert message in printed
    assert f"organisation.{field}" in printed


def test_a_value_out_of_bounds_is_refused_by_check_as_by_render(tmp_path, capsys):
    document = json.loads(dumps_report(demo_report()))
    document["report"]["stats"]["units"] = MAX_COUNT + 1
    path = tmp_path / "report.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    for command in (["render", str(path), "-o", str(tmp_path / "out.docx")], ["check", str(path)]):
        assert main(["--lang", "en", *command]) == 2
        assert "report.stats.units" in capsys.readouterr().err


def test_a_report_out_of_bounds_in_the_window_is_an_error_of_check():
    report = demo_report()
    report.stats.units = MAX_COUNT + 1
    findings = check_report(report, render=True)
    assert [f.code for f in findings] == ["bounds.count"]
    assert findings[0].severity is Severity.ERROR


def test_the_window_check_leaves_the_render_out_and_still_reports_her_broken_templates(tmp_path):
    report = demo_report()
    report.organisation.reference_docx = _not_a_docx(tmp_path)
    assert not [f for f in check_report(report) if f.is_error]  # the house style is read only when rendering
    assert [f.code for f in check_report(report, render=True) if f.is_error] == ["reference.unreadable"]
    report.organisation.templates_dir = str(tmp_path / "khong-co")  # the drafting needs the templates
    [finding] = check_report(report)
    assert (finding.code, finding.severity) == ("render.failed", Severity.ERROR)
    assert "does not exist" in finding.message


def test_the_demo_renders_without_errors():
    assert [f for f in check_report(demo_report(), render=True) if f.is_error] == []


def test_warnings_about_the_house_style_are_listed_and_check_still_exits_0(tmp_path, capsys):
    house_style = tmp_path / "house.docx"
    shutil.copy(reference_path(), house_style)
    document = docx.Document(str(house_style))
    document.styles["TK Body"].element.rPr.find(qn("w:rFonts")).set(qn("w:asciiTheme"), "minorHAnsi")
    document.save(str(house_style))
    report = demo_report()
    report.organisation.reference_docx = str(house_style)
    path = tmp_path / "report.json"
    export_report_file(report, path)
    assert main(["--lang", "en", "check", str(path)]) == 0
    assert "theme font" in capsys.readouterr().out
