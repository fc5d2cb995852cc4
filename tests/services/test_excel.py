"""The Excel statistics sheet: out and back in, refused when it cannot be trusted, its checks recalculated by
LibreOffice; and the consolidated table of the sub-units."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import zipfile
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from app.domain.codec import to_dict
from app.domain.demo import DemoKind, demo_report, demo_subunit_reports
from app.domain.errors import UserError
from app.domain.report import Statistics
from app.services import excel
from app.services.consolidation import consolidate_files, figure_findings
from app.services.interchange import export_report_file

LO_TIMEOUT_S = 120
requires_calc = pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice Calc (soffice)")


def figures(stats: Statistics, layout: excel.Layout) -> dict[str, int]:
    values = to_dict(stats)
    return {ref.path: excel._value(values, ref) for ref in layout.rows}


def fill(path: Path, values: dict[str, int | str | float | None], out: Path | None = None) -> Path:
    """The sheet at path with the cells of the named fields set (a value may be a formula or text)."""
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    layout = excel.layout_for(demo_report().organisation.kind)
    by_path = {ref.path: cell for ref, cell in ((r, layout.cell(r)) for r in layout.rows)}
    for key, value in values.items():
        ws[by_path[key]] = value
    out = out or path
    wb.save(out)
    return out


@pytest.fixture
def blank(tmp_path) -> Path:
    path = tmp_path / "blank.xlsx"
    excel.export_stats_sheet(demo_report(), path, blank=True)
    return path


def test_a_blank_sheet_filled_with_the_reports_figures_imports_as_the_reports_statistics(blank):
    report = demo_report()
    layout = excel.layout_for(report.organisation.kind)
    wanted = figures(report.stats, layout)
    filled = fill(blank, wanted)
    empty = replace(report, stats=Statistics())
    reading = excel.read_stats_sheet(filled, empty)
    assert figures(reading.report.stats, layout) == wanted
    assert len(layout.rows) == 71 and sum(1 for v in wanted.values() if v) > 30
    defaults = figures(Statistics(), layout)
    assert {c.field.path for c in reading.changes} == {k for k, v in wanted.items() if v != defaults[k]}
    assert reading.findings == figure_findings(reading.report)
    assert to_dict(empty.stats) == to_dict(Statistics())  # the report read into is not changed


def test_a_filled_sheet_reads_back_without_a_change(tmp_path):
    for kind in DemoKind:
        report = demo_report(kind)
        path = tmp_path / f"{kind.value}.xlsx"
        excel.export_stats_sheet(report, path)
        reading = excel.read_stats_sheet(path, report)
        assert reading.changes == [] and reading.notes == []
        assert to_dict(reading.report.stats) == to_dict(report.stats)


def test_a_chi_bo_sheet_has_no_figures_about_organisations_under_it(tmp_path):
    layout = excel.layout_for(demo_report(DemoKind.CHI_BO).organisation.kind)
    paths = {ref.path for ref in layout.rows}
    assert "stats.units" not in paths and "stats.ratings.organisations.total" not in paths
    assert "stats.membership.closing_total" in paths


def test_the_sheet_is_protected_with_only_the_input_cells_unlocked_each_validated(blank):
    wb = openpyxl.load_workbook(blank)
    ws = wb.worksheets[0]
    layout = excel.layout_for(demo_report().organisation.kind)
    inputs = {layout.cell(ref) for ref in layout.rows}
    assert ws.protection.sheet and wb.security.lockStructure
    unlocked = {c.coordinate for row in ws.iter_rows() for c in row if not c.protection.locked}
    assert unlocked == inputs
    [validation] = ws.data_validations.dataValidation
    assert (validation.type, validation.operator, validation.formula1, validation.formula2) == (
        "whole", "between", "0", "10000000")
    assert validation.showErrorMessage and validation.errorStyle == "stop"
    covered = {f"{get_column_letter(col)}{row}" for rng in validation.sqref.ranges for row, col in rng.cells}
    assert covered == inputs
    assert ws["B8"].value == "Số chi bộ trực thuộc" and ws["B7"].value == "Tổ chức"
    assert ws.column_dimensions["E"].hidden


def test_the_checks_are_formulas_on_the_input_cells(blank):
    ws = openpyxl.load_workbook(blank).worksheets[0]
    layout = excel.layout_for(demo_report().organisation.kind)
    row, balance = layout.checks[0]
    closing, opening = layout.cell(balance.whole), layout.cell(balance.terms[0][1])
    assert ws[f"C{row}"].value.startswith(f"={opening}+") and ws[f"C{row}"].value.count("-") == 5
    assert ws[f"D{row}"].value == f'=IF({closing}=C{row},"OK","Sai")'
    assert ws["B" + str(row)].value.startswith("Số đảng viên cuối kỳ = số đảng viên đầu kỳ + kết nạp")
    assert ws["C4"].value.startswith('=IF(COUNTIF(D') and len(layout.checks) == 20


def test_the_hidden_marker_holds_the_layout_version_and_every_fields_cell(blank):
    wb = openpyxl.load_workbook(blank)
    marker = wb[excel.MARKER_SHEET]
    assert marker.sheet_state == "veryHidden"
    assert [marker["A1"].value, marker["B1"].value] == [excel.MARKER, excel.LAYOUT_VERSION]
    assert marker["A7"].value == "stats.units" and marker["B7"].value == "C8"


@pytest.mark.parametrize(("value", "words"), [
    ("=C9+1", "công thức"),
    ("mười hai", "“mười hai”"),
    (-3, "âm"),
    (10_000_001, "10.000.000"),
    (2.5, "số nguyên"),
    (True, "“True”"),
])
def test_a_bad_figure_is_refused_naming_its_cell(blank, value, words):
    fill(blank, {"stats.membership.admitted": value})
    cell = excel.layout_for(demo_report().organisation.kind).cell(excel.stat("membership.admitted"))
    with pytest.raises(UserError) as error:
        excel.read_stats_sheet(blank, demo_report())
    message = str(error.value)
    assert f"Ô {cell} (Kết nạp)" in message and words in message


def test_a_whole_number_typed_as_a_decimal_is_read_and_a_blank_cell_is_zero(blank):
    fill(blank, {"stats.membership.admitted": 4.0, "stats.units": None})
    stats = excel.read_stats_sheet(blank, demo_report()).report.stats
    assert stats.membership.admitted == 4 and isinstance(stats.membership.admitted, int) and stats.units == 0


def test_a_sheet_with_a_row_inserted_is_refused_naming_the_cell(blank):
    wb = openpyxl.load_workbook(blank)
    wb.worksheets[0].insert_rows(12)
    wb.save(blank)
    with pytest.raises(UserError) as error:
        excel.read_stats_sheet(blank, demo_report())
    assert "Ô C12: bố cục của bảng đã bị thay đổi" in str(error.value)


def test_a_marker_that_names_other_cells_is_refused_naming_the_cell(blank):
    wb = openpyxl.load_workbook(blank)
    wb[excel.MARKER_SHEET]["B9"] = "C99"
    wb.save(blank)
    with pytest.raises(UserError, match="Ô C99: bố cục"):
        excel.read_stats_sheet(blank, demo_report())


def test_a_sheet_of_another_layout_version_is_refused(blank):
    wb = openpyxl.load_workbook(blank)
    wb[excel.MARKER_SHEET]["B1"] = 99
    wb.save(blank)
    with pytest.raises(UserError, match="phiên bản khác"):
        excel.read_stats_sheet(blank, demo_report())


def test_a_sheet_for_another_unit_or_year_is_read_with_a_note(tmp_path):
    path = tmp_path / "other.xlsx"
    excel.export_stats_sheet(replace(demo_report(), year=2019), path)
    notes = excel.read_stats_sheet(path, demo_report()).notes
    assert len(notes) == 1 and "2019" in notes[0]


def zip_bytes(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return out.getvalue()


def test_files_that_are_not_our_sheet_are_refused_with_a_clear_message(tmp_path, blank):
    other = tmp_path / "other.xlsx"
    openpyxl.Workbook().save(other)
    encrypted = tmp_path / "encrypted.xlsx"
    encrypted.write_bytes(excel._OLE_MAGIC + bytes(4096))
    damaged = tmp_path / "damaged.xlsx"
    damaged.write_bytes(blank.read_bytes()[:3000])
    huge = tmp_path / "huge.xlsx"
    huge.write_bytes(b"PK" + bytes(excel.MAX_XLSX_BYTES))
    bomb = tmp_path / "bomb.xlsx"
    bomb.write_bytes(zip_bytes({"xl/worksheets/sheet1.xml": bytes(50 * 1024 * 1024)}))
    text = tmp_path / "notes.xlsx"
    text.write_text("Số liệu năm 2025", encoding="utf-8")
    dtd = tmp_path / "dtd.xlsx"
    dtd.write_bytes(zip_bytes({"[Content_Types].xml": b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x/>'}))
    wanted = {
        other: "không phải bảng số liệu do Tổng Kết xuất",
        encrypted: "mật khẩu",
        damaged: "bị hỏng",
        huge: "lớn hơn 5 MB",
        bomb: "không dùng được",
        text: "không phải sổ tính Excel",
        dtd: "DTD",
    }
    for path, words in wanted.items():
        with pytest.raises(UserError) as error:
            excel.read_stats_sheet(path, demo_report())
        assert words in str(error.value), (path.name, str(error.value))


def recalculated(path: Path, out: Path) -> list[list[str]]:
    """The first sheet of path as LibreOffice Calc computes it, read from the CSV it writes."""
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation={(out / 'lo-profile').as_uri()}",
                    "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", str(out), str(path)],
                   check=True, capture_output=True, timeout=LO_TIMEOUT_S)
    with (out / (path.stem + ".csv")).open(encoding="utf-8") as f:
        return list(csv.reader(f))


@pytest.mark.libreoffice
@requires_calc
def test_libreoffice_computes_the_checks_ok_for_a_good_sheet_and_sai_for_a_broken_one(tmp_path):
    report = demo_report()
    good = tmp_path / "good.xlsx"
    excel.export_stats_sheet(report, good)
    broken = fill(good, {"stats.membership.closing_total": report.stats.membership.closing_total + 1},
                  out=tmp_path / "broken.xlsx")
    layout = excel.layout_for(report.organisation.kind)
    rows = {name: recalculated(path, tmp_path / name) for name, path in (("good", good), ("broken", broken))}
    checks = {name: [r[3] for r in table[layout.checks[0][0] - 1: layout.checks[-1][0]]]
              for name, table in rows.items()}
    assert rows["good"][3][2] == "OK" and set(checks["good"]) == {"OK"}
    assert rows["broken"][3][2] == "Sai"
    # The balance, the split, and female and exempt members against the closing total: the last two still hold.
    assert [i for i, v in enumerate(checks["broken"]) if v == "Sai"] == [0, 1]


def test_the_consolidated_table_has_a_row_per_sub_unit_and_the_total(tmp_path):
    folder = tmp_path / "units"
    folder.mkdir()
    subunits = demo_subunit_reports()
    paths = []
    for i, report in enumerate(subunits):
        paths.append(folder / f"cb{i:02}.json")
        export_report_file(report, paths[-1])
    result = consolidate_files(demo_report(), paths, check=figure_findings)
    out = tmp_path / "tong-hop.xlsx"
    excel.export_consolidated_table(result, out)
    ws = openpyxl.load_workbook(out).worksheets[0]
    labels = [c.value for c in ws[5]]
    closing_col = labels.index("Số đảng viên cuối kỳ") + 1
    names = [ws.cell(row, 2).value for row in range(6, 6 + len(subunits))]
    assert names == [r.organisation.name for r in subunits]
    assert [ws.cell(6 + i, closing_col).value for i in range(len(subunits))] == [
        r.stats.membership.closing_total for r in subunits]
    total_row = 6 + len(subunits)
    assert ws.cell(total_row, 2).value == "Tổng cộng"
    assert ws.cell(total_row, closing_col).value == result.report.stats.membership.closing_total == sum(
        r.stats.membership.closing_total for r in subunits)
    assert "Số chi bộ trực thuộc" not in labels  # the parent's own figures are not the sub-units'
    assert ws["A1"].value.startswith("TỔNG HỢP")


@pytest.mark.libreoffice
@requires_calc
def test_a_sheet_saved_again_by_libreoffice_calc_reads_back_without_a_change(tmp_path):
    report = demo_report()
    sheet = tmp_path / "so-lieu.xlsx"
    excel.export_stats_sheet(report, sheet)
    out = tmp_path / "lo"
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation={(tmp_path / 'lo-profile').as_uri()}",
                    "--convert-to", "xlsx", "--outdir", str(out), str(sheet)],
                   check=True, capture_output=True, timeout=LO_TIMEOUT_S)
    saved = out / "so-lieu.xlsx"
    assert saved.read_bytes() != sheet.read_bytes()
    reading = excel.read_stats_sheet(saved, report)
    assert reading.changes == [] and to_dict(reading.report.stats) == to_dict(report.stats)
    assert openpyxl.load_workbook(saved).worksheets[0].protection.sheet


def test_the_window_exports_empty_cells_only_while_no_figure_is_entered():
    assert excel.has_figures(demo_report())
    assert not excel.has_figures(replace(demo_report(), stats=Statistics()))


def test_a_chi_bo_sheet_read_into_a_dang_bo_report_says_so_and_keeps_the_figures_it_lacks(tmp_path):
    path = tmp_path / "chi-bo.xlsx"
    excel.export_stats_sheet(demo_report(DemoKind.CHI_BO), path)
    parent = demo_report()
    reading = excel.read_stats_sheet(path, parent)
    assert any("loại khác" in note for note in reading.notes)
    assert reading.report.stats.units == parent.stats.units
    assert to_dict(reading.report.stats.ratings.organisations) == to_dict(parent.stats.ratings.organisations)
