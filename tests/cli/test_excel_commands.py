"""tongket export-xlsx, import-xlsx and consolidate --xlsx: what they write, store, print and their exit status."""

from __future__ import annotations

import openpyxl

from app.cli.main import FOUND_ERRORS, OK, USER_ERROR, main
from app.domain.codec import to_dict
from app.domain.demo import demo_report
from app.services import excel, reports
from app.services.interchange import export_report_file, import_report_file
from app.services.sessions import open_sessions
from tests.cli.test_consolidate import demo_files


def run(*args: str) -> int:
    return main(list(args))


def set_cell(path, field, value):
    wb = openpyxl.load_workbook(path)
    layout = excel.layout_for(demo_report().organisation.kind)
    wb.worksheets[0][layout.cell(excel.stat(field))] = value
    wb.save(path)


def test_a_blank_sheet_filled_in_goes_into_a_report_file(tmp_path, capsys):
    sheet, report = tmp_path / "trong.xlsx", tmp_path / "bc.json"
    assert run("export-xlsx", "--demo", "--blank", "-o", str(sheet)) == OK
    assert run("demo", "-o", str(report)) == OK
    assert openpyxl.load_workbook(sheet).worksheets[0]["C9"].value is None
    set_cell(sheet, "membership.opening_total", 94)
    status = run("import-xlsx", str(sheet), "--into", str(report), "-o", str(tmp_path / "out.json"))
    out = capsys.readouterr().out
    # The closing figures are still empty: not entered yet, a note as in the window, not an error.
    assert status == OK
    assert "42 số liệu thay đổi:" in out and "số đảng viên cuối kỳ: 98 → 0" in out and "chưa nhập" in out
    stats = import_report_file(tmp_path / "out.json").stats
    assert stats.membership.opening_total == 94 and stats.membership.closing_total == 0


def test_a_sheet_goes_into_the_database_report_and_a_bad_one_stores_nothing(tmp_path, capsys):
    database = str(tmp_path / "db.sqlite")
    export_report_file(demo_report(), tmp_path / "bc.json")
    assert run("import", str(tmp_path / "bc.json"), "--database", database) == OK
    sheet = tmp_path / "so-lieu.xlsx"
    assert run("export-xlsx", "--report-id", "1", "--database", database, "-o", str(sheet)) == OK
    set_cell(sheet, "membership.female", 40)
    set_cell(sheet, "membership.closing_total", 99)
    assert run("import-xlsx", str(sheet), "--report-id", "1", "--database", database) == FOUND_ERRORS
    set_cell(sheet, "membership.closing_total", 98)
    assert run("import-xlsx", str(sheet), "--report-id", "1", "--database", database) == OK
    assert "số đảng viên nữ: 41 → 40" in capsys.readouterr().out
    set_cell(sheet, "membership.female", -1)
    assert run("import-xlsx", str(sheet), "--report-id", "1", "--database", database) == USER_ERROR
    assert "số liệu không thể là số âm" in capsys.readouterr().err
    sessions = open_sessions(f"sqlite:///{database}")
    try:
        stored = reports.get_report(sessions, 1)
    finally:
        sessions.close()
    assert stored.stats.membership.female == 40
    assert to_dict(stored.stats.ratings) == to_dict(demo_report().stats.ratings)


def test_import_xlsx_needs_one_report_to_take_the_figures(tmp_path, capsys):
    sheet = tmp_path / "s.xlsx"
    assert run("export-xlsx", "--demo", "-o", str(sheet)) == OK
    assert run("import-xlsx", str(sheet)) == USER_ERROR
    assert "--report-id" in capsys.readouterr().err


def test_consolidate_also_writes_the_table_of_the_chi_bo(tmp_path, capsys):
    d = demo_files(tmp_path)
    status = run("consolidate", str(d / "parent.json"), str(d / "sub"), "--ratings", str(d / "ratings.json"),
                 "-o", str(d / "out.json"), "--xlsx", str(d / "bang.xlsx"))
    assert status == OK, capsys.readouterr().out
    ws = openpyxl.load_workbook(d / "bang.xlsx").worksheets[0]
    assert ws.max_row == 5 + 13 + 1 and ws.cell(ws.max_row, 2).value == "Tổng cộng"
