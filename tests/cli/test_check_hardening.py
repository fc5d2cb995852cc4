"""`tongket check` on hostile inputs: it ends with a message, and it runs the organisation's own templates."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli.main import FOUND_ERRORS, USER_ERROR, main

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "tests" / "data" / "report_demo_v1.json"


def run(*args: str) -> int:
    return main(["--lang", "en", *args])


def report_file(tmp_path: Path, **organisation: str) -> Path:
    data = json.loads(DEMO.read_text(encoding="utf-8"))
    data["report"]["organisation"].update(organisation)
    path = tmp_path / "report.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def templates(tmp_path: Path, source: str) -> Path:
    folder = tmp_path / "mau"
    (folder / "sections").mkdir(parents=True)
    (folder / "sections" / "dac_diem.j2").write_text(source, encoding="utf-8")
    return folder


def test_check_runs_the_organisations_templates_and_reports_a_runaway_loop(tmp_path, capsys):
    folder = templates(tmp_path, "@p Một\n{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}"
                                 "{% endfor %}\n")
    assert run("check", str(report_file(tmp_path, templates_dir=str(folder)))) == FOUND_ERRORS
    out = capsys.readouterr().out
    assert "sections/dac_diem.j2" in out
    assert "line 2" in out
    assert "more than 1 000 000 times" in out


def test_check_reports_a_template_that_fails_only_when_run(tmp_path, capsys):
    folder = templates(tmp_path, "@p {{ 1 // 0 }}\n")
    assert run("check", str(report_file(tmp_path, templates_dir=str(folder)))) == FOUND_ERRORS
    assert "The template sections/dac_diem.j2 fails on line 1: integer division or modulo by zero" in (
        capsys.readouterr().out)


def test_check_passes_a_report_whose_templates_work(tmp_path, capsys):
    folder = templates(tmp_path, "@p Đơn vị hoàn thành tốt nhiệm vụ.\n")
    run("check", str(report_file(tmp_path, templates_dir=str(folder))))
    out = capsys.readouterr().out
    assert "dac_diem.j2" not in out
    assert "template" not in out.lower()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_check_of_a_fifo_ends_at_once_with_a_message(tmp_path):
    fifo = tmp_path / "f.json"
    os.mkfifo(fifo)
    result = subprocess.run([sys.executable, "-m", "app", "--lang", "en", "check", str(fifo)], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == USER_ERROR
    assert "is not an ordinary file" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_check_of_a_report_whose_house_style_is_a_fifo_ends_at_once(tmp_path):
    fifo = tmp_path / "mau.docx"
    os.mkfifo(fifo)
    path = report_file(tmp_path, reference_docx=str(fifo))
    result = subprocess.run([sys.executable, "-m", "app", "--lang", "en", "check", str(path)], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == FOUND_ERRORS
    assert "is not an ordinary file" in result.stdout


def test_check_of_dev_zero_ends_at_once_with_a_message(capsys):
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    assert run("check", "/dev/zero") == USER_ERROR
    assert "is not an ordinary file" in capsys.readouterr().err
