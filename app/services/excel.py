"""Statistics as Excel sheets: a unit's sheet out (blank or filled) and back in, and the consolidated table out.

The statistics sheet is laid out for people: one figure a row, grouped and labelled as the window's form
(app.domain.stat_groups, app.domain.fields), the input cells the only ones unlocked on a protected sheet, each with
a whole-number validation within app.domain.bounds, and formulas that show the checks (the membership equation,
ratings and discipline against their totals) as OK or "Sai". A very hidden sheet holds the layout's version and the
field of every input cell, so that reading the sheet back can tell that its layout is the one written.

Reading a sheet back refuses, naming the cell, a layout that was changed, a formula where a figure belongs, text, a
fraction, a negative or too large a number; and, before openpyxl sees it, a file that is not an .xlsx, an encrypted
one, a damaged one, a huge one or a zip bomb (app.safe_read). Nothing is stored by reading: the caller stores the
SheetReading's report once she has seen its changes and findings.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, BinaryIO

from app.domain import checks, numbers
from app.domain.bounds import MAX_COUNT, bounds_findings
from app.domain.checks import applies, run_checks
from app.domain.codec import from_dict, to_dict
from app.domain.consolidation import Consolidation
from app.domain.errors import UserError
from app.domain.fields import FieldRef, label, stat
from app.domain.findings import Finding
from app.domain.organisation import ORG_KIND_LABELS, OrgKind
from app.domain.report import REPORT_KIND_LABELS, Report, Statistics
from app.domain.stat_groups import GROUPS
from app.fileio import write_with
from app.i18n import _
from app.safe_read import MiB, ZipLimits, ZipReader, read_bytes, shorten

# The layout of the statistics sheet: bump when rows, columns or the marker change, so older sheets are refused.
LAYOUT_VERSION = 1
MARKER = "tongket-stats-sheet"
MARKER_SHEET = "tongket"
# Columns of the statistics sheet: number, label, figure (the input), check, and the field's key (hidden).
NUMBER_COL, LABEL_COL, VALUE_COL, CHECK_COL, KEY_COL = "A", "B", "C", "D", "E"
HEADER_ROW = 6
FIRST_ROW = HEADER_ROW + 1
OVERALL_CELL = "C4"
OK, WRONG = "OK", "Sai"  # what the check cells show; the words of the trade in both languages

# A sheet of ours is a few tens of kilobytes; these refuse anything far from it before openpyxl reads it.
MAX_XLSX_BYTES = 5 * MiB
XLSX_LIMITS = ZipLimits(entries=100, total_bytes=8 * MiB, entry_bytes=8 * MiB, ratio=100, ratio_floor=1 * MiB)
MAX_ROWS, MAX_COLUMNS = 1000, 30
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an encrypted .xlsx (or an old .xls) is an OLE compound file

_INPUT_FILL = "FFF7CC"
_GROUP_FILL = "DCE6F1"
_HEADER_FILL = "BFCFE3"
_OK_FILL, _WRONG_FILL = "C6EFCE", "FFC7CE"


# -- the layout ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Check:
    """A check the sheet shows: whole = the signed sum of terms, or part ≤ whole (terms is then [part])."""

    whole: FieldRef
    terms: tuple[tuple[str, FieldRef], ...]
    at_most: bool = False


@dataclass(frozen=True, slots=True)
class Layout:
    """Where everything sits on the statistics sheet of a body of one kind.

    groups: (title, first row of the group's heading, fields); rows: field → its row; checks: (row, Check).
    """

    kind: OrgKind
    groups: tuple[tuple[str, int, tuple[FieldRef, ...]], ...]
    rows: dict[FieldRef, int]
    checks: tuple[tuple[int, Check], ...]
    checks_title_row: int

    def cell(self, ref: FieldRef) -> str:
        return f"{VALUE_COL}{self.rows[ref]}"


def sheet_fields(kind: OrgKind) -> list[tuple[str, list[FieldRef]]]:
    """The groups of the form with the figures a body of kind reports; a group left empty is left out."""
    groups = [(title, [ref for ref in refs if applies(ref, kind)]) for title, refs in GROUPS]
    return [(title, refs) for title, refs in groups if refs]


def _sheet_checks(present: set[FieldRef]) -> list[Check]:
    """The checks of app.domain.checks the sheet can show with formulas, on the figures it holds."""
    def m(name: str) -> FieldRef:
        return stat(f"membership.{name}")

    def d(name: str) -> FieldRef:
        return stat(f"discipline.{name}")

    out = [
        Check(m("closing_total"), tuple(zip(checks.MOVEMENT_SIGNS, map(m, checks.MOVEMENT), strict=True))),
        Check(m("closing_total"), (("+", m("closing_official")), ("+", m("closing_probationary")))),
        Check(m("closing_probationary"), tuple(zip(checks.PROBATIONARY_SIGNS, map(m, checks.PROBATIONARY_MOVEMENT),
                                                   strict=True))),
        *(Check(stat(f"ratings.{who}.total"), tuple(("+", stat(f"ratings.{who}.{n}")) for n in checks.RATED_LEVELS))
          for who in ("organisations", "members")),
        Check(d("members.total"), tuple(("+", d(f"members.{n}")) for n in checks.MEMBER_DISCIPLINE_FORMS)),
        Check(d("organisations.total"), tuple(("+", d(f"organisations.{n}"))
                                              for n in checks.ORGANISATION_DISCIPLINE_FORMS)),
        *(Check(m(whole), (("+", m(part)),), at_most=True) for part, whole in checks.MEMBERSHIP_PARTS),
        *(Check(stat(f"ratings.{who}.excellent"), (("+", stat(f"ratings.{who}.exemplary")),), at_most=True)
          for who in ("organisations", "members")),
        Check(d("members.total"), (("+", d("members.probationary")),), at_most=True),
        Check(stat("inspection.members_violating"), (("+", stat("inspection.members_to_discipline")),), at_most=True),
        Check(stat("party_life.study_members"), (("+", stat("party_life.study_participants")),), at_most=True),
        Check(stat("party_life.meetings_required"), (("+", stat("party_life.meetings_held")),), at_most=True),
        Check(stat("units"), (("+", stat("party_life.theme_plan_units")),), at_most=True),
    ]
    return [c for c in out if c.whole in present and all(ref in present for _sign, ref in c.terms)]


def layout_for(kind: OrgKind) -> Layout:
    """The layout of the statistics sheet for a body of kind: a heading row per group, one row per figure."""
    row = FIRST_ROW
    groups: list[tuple[str, int, tuple[FieldRef, ...]]] = []
    rows: dict[FieldRef, int] = {}
    for title, refs in sheet_fields(kind):
        groups.append((title, row, tuple(refs)))
        row += 1
        for ref in refs:
            rows[ref] = row
            row += 1
    checks_title_row = row + 1
    sheet_checks = _sheet_checks(set(rows))
    placed = tuple((checks_title_row + 1 + i, c) for i, c in enumerate(sheet_checks))
    return Layout(kind, tuple(groups), rows, placed, checks_title_row)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def check_text(check: Check) -> str:
    """The check in words: "Members at the end = members at the start + admitted − …" or "… ≤ …"."""
    if check.at_most:
        return f"{_capital(label(check.terms[0][1]))} ≤ {label(check.whole)}"
    terms = " ".join(f"{sign} {label(ref)}" for sign, ref in check.terms).removeprefix("+ ")
    return f"{_capital(label(check.whole))} = {terms}"


# -- writing the statistics sheet ---------------------------------------------------------------------------------


def export_stats_sheet(report: Report, path: Path, *, blank: bool = False) -> None:
    """Write the statistics sheet of report's unit at path (atomically): its figures, or empty cells when blank."""
    data = stats_sheet_bytes(report, blank=blank)
    write_with(Path(path), lambda out: _write(out, data))


def stats_sheet_bytes(report: Report, *, blank: bool = False) -> bytes:
    """The .xlsx of the statistics sheet of report's unit; see export_stats_sheet."""
    from openpyxl import Workbook
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import Alignment, Border, Font, Protection, Side
    from openpyxl.workbook.protection import WorkbookProtection
    from openpyxl.worksheet.datavalidation import DataValidation

    kind = report.organisation.kind
    layout = layout_for(kind)
    wb = Workbook()
    ws = wb.active
    ws.title = _("Statistics")[:31]
    thin = Side(style="thin", color="9BA9B8")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="center")
    fill = _fill
    for col, width in ((NUMBER_COL, 6), (LABEL_COL, 62), (VALUE_COL, 14), (CHECK_COL, 12), (KEY_COL, 40)):
        ws.column_dimensions[col].width = width
    ws.column_dimensions[KEY_COL].hidden = True

    ws["A1"] = _("STATISTICS SHEET").upper()
    ws["A1"].font = Font(bold=True, size=14)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.merge_cells("A1:D1")
    ws["A2"] = _("{unit} — {kind} {year}").format(
        unit=report.organisation.name or _("(no name)"), kind=_(REPORT_KIND_LABELS[report.kind]).lower(),
        year=report.year)
    ws["A2"].font = Font(bold=True, size=12)
    ws["A2"].alignment = Alignment(horizontal="center")
    ws.merge_cells("A2:D2")
    ws["A3"] = _("Type each figure as a whole number in the yellow cells of column {column}; the other cells are "
                 "locked. The checks at the end show {ok} or {wrong}.").format(column=VALUE_COL, ok=OK, wrong=WRONG)
    ws["A3"].font = Font(italic=True)
    ws["A3"].alignment = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells("A3:D3")
    ws.row_dimensions[3].height = 32
    ws["B4"] = _("Result of the checks")
    ws["B4"].font = Font(bold=True)
    ws["B4"].alignment = Alignment(horizontal="right")

    for col, text in ((NUMBER_COL, _("No.")), (LABEL_COL, _("Figure")), (VALUE_COL, _("Value")),
                      (CHECK_COL, _("Check"))):
        cell = ws[f"{col}{HEADER_ROW}"]
        cell.value = text
        cell.font = Font(bold=True)
        cell.fill = fill(_HEADER_FILL)
        cell.border = border
        cell.alignment = Alignment(horizontal="center", vertical="center")

    validation = DataValidation(type="whole", operator="between", formula1="0", formula2=str(MAX_COUNT),
                                allow_blank=True, showErrorMessage=True, showInputMessage=True,
                                errorStyle="stop")
    validation.errorTitle = _("Not a figure")[:32]
    validation.error = _("Type a whole number from 0 to {maximum}.").format(
        maximum=f"{MAX_COUNT:,}".replace(",", "."))[:255]
    validation.promptTitle = _("Figure")[:32]
    validation.prompt = _("A whole number from 0 to {maximum}.").format(
        maximum=f"{MAX_COUNT:,}".replace(",", "."))[:255]
    ws.add_data_validation(validation)

    number = 0
    values = to_dict(report.stats)
    for index, (title, first, refs) in enumerate(layout.groups):
        ws[f"{NUMBER_COL}{first}"] = numbers.roman(index + 1)
        ws[f"{LABEL_COL}{first}"] = _(title)
        for col in (NUMBER_COL, LABEL_COL, VALUE_COL, CHECK_COL):
            cell = ws[f"{col}{first}"]
            cell.font = Font(bold=True)
            cell.fill = fill(_GROUP_FILL)
            cell.border = border
        for ref in refs:
            row = layout.rows[ref]
            number += 1
            ws[f"{NUMBER_COL}{row}"] = number
            ws[f"{LABEL_COL}{row}"] = _capital(label(ref))
            value_cell = ws[f"{VALUE_COL}{row}"]
            if not blank:
                value_cell.value = _value(values, ref)
            value_cell.protection = Protection(locked=False)
            value_cell.fill = fill(_INPUT_FILL)
            value_cell.number_format = "#,##0"
            value_cell.alignment = Alignment(vertical="center")
            validation.add(value_cell)
            ws[f"{KEY_COL}{row}"] = ref.path
            for col in (NUMBER_COL, LABEL_COL, VALUE_COL, CHECK_COL):
                ws[f"{col}{row}"].border = border
            ws[f"{LABEL_COL}{row}"].alignment = wrap
            ws.row_dimensions[row].height = _height(ws[f"{LABEL_COL}{row}"].value)
            ws[f"{NUMBER_COL}{row}"].alignment = Alignment(horizontal="center", vertical="center")

    title_row = layout.checks_title_row
    ws[f"{LABEL_COL}{title_row}"] = _("Checks").upper()
    for col in (NUMBER_COL, LABEL_COL, VALUE_COL, CHECK_COL):
        cell = ws[f"{col}{title_row}"]
        cell.font = Font(bold=True)
        cell.fill = fill(_GROUP_FILL)
        cell.border = border
    ws[f"{VALUE_COL}{title_row}"] = _("By the formula")
    ws[f"{VALUE_COL}{title_row}"].alignment = Alignment(wrap_text=True, horizontal="center")
    for n, (row, check) in enumerate(layout.checks, start=1):
        ws[f"{NUMBER_COL}{row}"] = n
        ws[f"{NUMBER_COL}{row}"].alignment = Alignment(horizontal="center", vertical="center")
        ws[f"{LABEL_COL}{row}"] = check_text(check)
        ws[f"{LABEL_COL}{row}"].alignment = wrap
        ws.row_dimensions[row].height = _height(check_text(check))
        whole = layout.cell(check.whole)
        if check.at_most:
            part = layout.cell(check.terms[0][1])
            ws[f"{VALUE_COL}{row}"] = f"={part}"
            ws[f"{CHECK_COL}{row}"] = f'=IF({part}<={whole},"{OK}","{WRONG}")'
        else:
            formula = "".join(f"{'+' if sign == '+' else '-'}{layout.cell(ref)}" for sign, ref in check.terms)
            ws[f"{VALUE_COL}{row}"] = "=" + formula.removeprefix("+")
            ws[f"{CHECK_COL}{row}"] = f'=IF({whole}={VALUE_COL}{row},"{OK}","{WRONG}")'
        ws[f"{VALUE_COL}{row}"].number_format = "#,##0"
        ws[f"{VALUE_COL}{row}"].alignment = Alignment(vertical="center")
        ws[f"{CHECK_COL}{row}"].alignment = Alignment(horizontal="center", vertical="center")
        ws[f"{CHECK_COL}{row}"].font = Font(bold=True)
        for col in (NUMBER_COL, LABEL_COL, VALUE_COL, CHECK_COL):
            ws[f"{col}{row}"].border = border
    first_check = layout.checks[0][0] if layout.checks else title_row
    last_check = layout.checks[-1][0] if layout.checks else title_row
    check_range = f"{CHECK_COL}{first_check}:{CHECK_COL}{last_check}"
    ws[OVERALL_CELL] = f'=IF(COUNTIF({check_range},"{WRONG}")=0,"{OK}","{WRONG}")'
    ws[OVERALL_CELL].font = Font(bold=True, size=12)
    ws[OVERALL_CELL].alignment = Alignment(horizontal="center")
    ws[OVERALL_CELL].border = border
    for where in (check_range, OVERALL_CELL):
        ws.conditional_formatting.add(where, CellIsRule(operator="equal", formula=[f'"{OK}"'], fill=fill(_OK_FILL)))
        ws.conditional_formatting.add(where, CellIsRule(operator="equal", formula=[f'"{WRONG}"'],
                                                        fill=fill(_WRONG_FILL), font=Font(bold=True, color="9C0006")))
    ws.freeze_panes = f"A{FIRST_ROW}"
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.page_setup.orientation = "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_area = f"A1:{CHECK_COL}{last_check}"
    ws.protection.sheet = True
    ws.protection.formatColumns = False  # she may widen a column; nothing else but the yellow cells changes

    marker = wb.create_sheet(MARKER_SHEET)
    marker.append([MARKER, LAYOUT_VERSION])
    marker.append(["kind", kind.value])
    marker.append(["organisation", report.organisation.name])
    marker.append(["year", report.year])
    marker.append(["report_kind", report.kind.value])
    marker.append([])
    for ref, row in layout.rows.items():
        marker.append([ref.path, f"{VALUE_COL}{row}"])
    marker.sheet_state = "veryHidden"
    marker.protection.sheet = True
    wb.security = WorkbookProtection(lockStructure=True)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def has_figures(report: Report) -> bool:
    """True when some figure of the sheet differs from a new report's: the window then exports them filled in."""
    values, defaults = to_dict(report.stats), to_dict(Statistics())
    return any(_value(values, ref) != _value(defaults, ref) for ref in layout_for(report.organisation.kind).rows)


def _write(out: BinaryIO, data: bytes) -> None:
    out.write(data)


def _fill(color: str) -> Any:
    from openpyxl.styles import PatternFill

    return PatternFill("solid", start_color=color, end_color=color)


def _height(text: str, chars_per_line: int = 66) -> float:
    """The height in points of a row whose label wraps: neither Excel nor LibreOffice fits it when the file opens."""
    lines = max(1, -(-len(text) // chars_per_line))
    return 15.0 * lines + 1


def _value(values: dict[str, Any], ref: FieldRef) -> int:
    node: Any = values
    for part in ref.parts[1:]:
        node = node[part]
    assert isinstance(node, int)
    return node


# -- reading it back ----------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Change:
    """A figure the sheet changes: its field, the value in the report and the sheet's."""

    field: FieldRef
    before: int
    after: int


@dataclass(slots=True)
class SheetReading:
    """What a statistics sheet would do to a report, before anything is stored.

    report: the report with the sheet's figures; figures: every figure the sheet holds; changes: those that differ
    from the report's; findings: the checks of the figures as the window runs them; notes: what she should know
    (the sheet was made for another unit or period).
    """

    report: Report
    figures: dict[FieldRef, int]
    changes: list[Change]
    findings: list[Finding]
    notes: list[str] = field(default_factory=list)


class _XlsxReader(ZipReader):
    """ZipReader whose messages speak of an Excel workbook."""

    def _broken(self, exc: BaseException) -> UserError:
        return UserError(_("{what} is damaged or is not an Excel workbook (.xlsx): {reason}.").format(
            what=self.what, reason=shorten(str(exc) or type(exc).__name__, 200)))

    def _bomb(self, reason: str) -> UserError:
        return UserError(_("{what} cannot be used: {reason}, far more than a statistics sheet holds.").format(
            what=self.what, reason=reason))


def _workbook(path: Path) -> Any:
    """The workbook at path, read by openpyxl only after the file was checked for the ways it can hurt."""
    path = Path(path)
    what = _("The Excel file {file}").format(file=path.name)
    data = read_bytes(path, MAX_XLSX_BYTES)
    if data.startswith(_OLE_MAGIC):
        raise UserError(_("{what} is protected by a password or is an old Excel file (.xls): open it in Excel, "
                          "remove the password (or save it as “Excel Workbook (*.xlsx)”) and try again.").format(
            what=what))
    if not data.startswith(b"PK"):
        raise UserError(_("{what} is not an Excel workbook (.xlsx): choose the statistics sheet exported by Tổng "
                          "Kết.").format(what=what))
    package = _XlsxReader(data, what, XLSX_LIMITS)
    for name in package.names():  # every part read through the limits: a lying header or a bad CRC stops here
        part = package.read(name)
        if name.endswith((".xml", ".rels")) and b"<!DOCTYPE" in part:
            raise UserError(_("{what} declares a DTD or entities, which an Excel workbook never does.").format(
                what=what))
    from openpyxl import load_workbook

    try:
        return load_workbook(io.BytesIO(data), data_only=False, keep_links=False, rich_text=False)
    except Exception as exc:  # openpyxl raises many kinds (KeyError, TypeError, its own) on a damaged package
        raise UserError(_("{what} is damaged or is not an Excel workbook (.xlsx): {reason}.").format(
            what=what, reason=shorten(str(exc) or type(exc).__name__, 200))) from exc


def _not_ours(path: Path) -> UserError:
    return UserError(_("{file} is not a statistics sheet exported by Tổng Kết: export a sheet with “Export "
                       "statistics to Excel” and fill that one in.").format(file=Path(path).name))


def _changed_layout(cell: str) -> UserError:
    return UserError(_("Cell {cell}: the layout of the sheet was changed (rows or columns added, moved or "
                       "deleted). Export a new sheet and copy the figures into it.").format(cell=cell))


def read_marker(path: Path, wb: Any) -> tuple[OrgKind, dict[str, str], list[tuple[FieldRef, str]]]:
    """The kind, the header (organisation, year, report_kind) and the field → cell list of a sheet of ours."""
    if MARKER_SHEET not in wb.sheetnames:
        raise _not_ours(path)
    marker = wb[MARKER_SHEET]
    if marker.max_row > MAX_ROWS or marker.max_column > MAX_COLUMNS or marker["A1"].value != MARKER:
        raise _not_ours(path)
    if marker["B1"].value != LAYOUT_VERSION:
        raise UserError(_("{file} was exported by another version of Tổng Kết (sheet layout {found}, this one "
                          "reads {version}): export a new sheet and copy the figures into it.").format(
            file=Path(path).name, found=shorten(str(marker["B1"].value), 20), version=LAYOUT_VERSION))
    header = {str(marker[f"A{r}"].value): str(marker[f"B{r}"].value or "") for r in range(2, 6)}
    try:
        kind = OrgKind(header.get("kind", ""))
    except ValueError:
        raise _not_ours(path) from None
    cells: list[tuple[FieldRef, str]] = []
    for row in range(7, marker.max_row + 1):
        key, cell = marker[f"A{row}"].value, marker[f"B{row}"].value
        if key is None and cell is None:
            continue
        try:
            cells.append((stat(str(key).removeprefix("stats.")), str(cell)))
        except ValueError:
            raise _not_ours(path) from None
    return kind, header, cells


def read_stats_sheet(path: Path, into: Report) -> SheetReading:
    """The figures of the statistics sheet at path put into a copy of into, with what changes and the findings.

    UserError (naming the cell where there is one) for a file that is not such a sheet or a sheet that cannot be
    trusted; into itself is not changed and nothing is stored.
    """
    wb = _workbook(path)
    kind, header, cells = read_marker(path, wb)
    layout = layout_for(kind)
    expected = [(ref, layout.cell(ref)) for ref in layout.rows]
    if cells != expected:
        first = next((cell for (ref, cell), want in zip(cells, expected, strict=False) if (ref, cell) != want),
                     expected[min(len(cells), len(expected) - 1)][1])
        raise _changed_layout(first)
    ws = wb.worksheets[0]
    if ws.max_row > MAX_ROWS or ws.max_column > MAX_COLUMNS:
        raise _changed_layout(f"{VALUE_COL}{MAX_ROWS}")
    figures: dict[FieldRef, int] = {}
    for ref, row in layout.rows.items():
        if ws[f"{KEY_COL}{row}"].value != ref.path:
            raise _changed_layout(f"{VALUE_COL}{row}")
        figures[ref] = _figure(ws[f"{VALUE_COL}{row}"], ref)
    report = with_figures(into, figures)
    before = to_dict(into.stats)
    changes = [Change(ref, _value(before, ref), value) for ref, value in figures.items()
               if _value(before, ref) != value]
    findings = bounds_findings(report) or run_checks(report)
    notes = _notes(header, into)
    if kind.is_chi_bo != into.organisation.kind.is_chi_bo:
        notes.append(_("The sheet was exported for a body of another kind ({sheet}); only its figures are taken, "
                       "those it does not hold stay as they are.").format(sheet=_(ORG_KIND_LABELS[kind])))
    return SheetReading(report, figures, changes, findings, notes)


def with_figures(report: Report, figures: dict[FieldRef, int]) -> Report:
    """A copy of report whose statistics hold figures; everything else (texts, badges, the rest) as it was."""
    data = to_dict(report.stats)
    for ref, value in figures.items():
        node = data
        for part in ref.parts[1:-1]:
            node = node[part]
        node[ref.parts[-1]] = value
    return replace(report, stats=from_dict(data, Statistics))


def _figure(cell: Any, ref: FieldRef) -> int:
    """The whole number in an input cell; UserError naming the cell for anything else. An empty cell is 0."""
    value = cell.value
    where = cell.coordinate
    name = _capital(label(ref))
    if value is None or (isinstance(value, str) and not value.strip()):
        return 0
    if cell.data_type == "f" or (isinstance(value, str) and value.startswith("=")) or type(value).__name__ in (
            "ArrayFormula", "DataTableFormula"):
        raise UserError(_("Cell {cell} ({field}) holds a formula; type the figure itself there.").format(
            cell=where, field=name))
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise UserError(_("Cell {cell} ({field}) holds “{value}”, not a figure; type a whole number there.").format(
            cell=where, field=name, value=shorten(str(value), 40)))
    if isinstance(value, float) and not value.is_integer():
        raise UserError(_("Cell {cell} ({field}) holds {value}; a figure is a whole number.").format(
            cell=where, field=name, value=shorten(repr(value), 40)))
    number = int(value)
    if number < 0:
        raise UserError(_("Cell {cell} ({field}) holds {value}; a figure cannot be negative.").format(
            cell=where, field=name, value=number))
    if number > MAX_COUNT:
        raise UserError(_("Cell {cell} ({field}) holds {value}, more than {maximum}; check the figure.").format(
            cell=where, field=name, value=shorten(str(number), 30), maximum=f"{MAX_COUNT:,}".replace(",", ".")))
    return number


def _notes(header: dict[str, str], into: Report) -> list[str]:
    notes = []
    name = header.get("organisation", "")
    if name and name != into.organisation.name:
        notes.append(_("The sheet was exported for “{sheet}”, this report is of “{report}”.").format(
            sheet=shorten(name, 80), report=into.organisation.name))
    if header.get("year") and header["year"] != str(into.year):
        notes.append(_("The sheet was exported for the year {sheet}, this report is of {report}.").format(
            sheet=shorten(header["year"], 10), report=into.year))
    return notes


def store_reading(sessions: Any, report_id: int, before: Report, reading: SheetReading) -> int:
    """Save the sheet's figures into the stored report report_id, which is before as stored; return report_id.

    Only the sheet's figures change: what was edited since the sheet was read stays.
    """
    from app.services.reports import save_changes

    save_changes(sessions, report_id, before, with_figures(before, reading.figures))
    return report_id


# -- the consolidated table ---------------------------------------------------------------------------------------


def consolidated_columns(result: Consolidation) -> list[tuple[str, list[FieldRef]]]:
    """The groups and figures of the consolidated table: those a chi bộ reports and the roll-up traced."""
    traced = set(result.trace)
    groups = [(title, [ref for ref in refs if ref.path in traced and applies(ref, OrgKind.CHI_BO_TRUC_THUOC)])
              for title, refs in GROUPS]
    return [(title, refs) for title, refs in groups if refs]


def export_consolidated_table(result: Consolidation, path: Path) -> None:
    """Write the consolidated table at path (atomically): a row per sub-unit, then the total row."""
    data = consolidated_table_bytes(result)
    write_with(Path(path), lambda out: _write(out, data))


def consolidated_table_bytes(result: Consolidation) -> bytes:
    """The .xlsx of the consolidated table: a column per figure under its group, a row per sub-unit, the total."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    report = result.report
    groups = consolidated_columns(result)
    wb = Workbook()
    ws = wb.active
    ws.title = _("Consolidated")[:31]
    thin = Side(style="thin", color="9BA9B8")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    fill = _fill
    refs = [ref for _title, group in groups for ref in group]
    last_col = get_column_letter(2 + len(refs))
    ws["A1"] = _("CONSOLIDATED STATISTICS OF THE SUB-UNITS")
    ws["A1"].font = Font(bold=True, size=14)
    ws.merge_cells(f"A1:{last_col}1")
    ws["A2"] = _("{unit} — {kind} {year}").format(
        unit=report.organisation.name or _("(no name)"), kind=_(REPORT_KIND_LABELS[report.kind]).lower(),
        year=report.year)
    ws["A2"].font = Font(bold=True)
    ws.merge_cells(f"A2:{last_col}2")
    group_row, label_row = 4, 5
    for col, text in ((1, _("No.")), (2, _("Sub-unit"))):
        ws.cell(group_row, col, text)
        ws.merge_cells(start_row=group_row, start_column=col, end_row=label_row, end_column=col)
    col = 3
    for title, group in groups:
        ws.cell(group_row, col, _(title))
        if len(group) > 1:
            ws.merge_cells(start_row=group_row, start_column=col, end_row=group_row, end_column=col + len(group) - 1)
        for ref in group:
            ws.cell(label_row, col, _capital(label(ref)))
            ws.column_dimensions[get_column_letter(col)].width = 13
            col += 1
    for row in (group_row, label_row):
        for c in range(1, col):
            cell = ws.cell(row, c)
            cell.font = Font(bold=True)
            cell.fill = fill(_HEADER_FILL if row == label_row else _GROUP_FILL)
            cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
            cell.border = border
    ws.row_dimensions[label_row].height = 90
    ws.column_dimensions["A"].width = 6
    ws.column_dimensions["B"].width = 34
    values = {ref: dict(result.trace.get(ref.path, [])) for ref in refs}
    row = label_row + 1
    for number, name in enumerate(result.included, start=1):
        ws.cell(row, 1, number).alignment = Alignment(horizontal="center")
        ws.cell(row, 2, name)
        for c, ref in enumerate(refs, start=3):
            ws.cell(row, c, values[ref].get(name, 0)).number_format = "#,##0"
        for c in range(1, col):
            ws.cell(row, c).border = border
        row += 1
    totals = to_dict(report.stats)
    ws.cell(row, 2, _("Total")).font = Font(bold=True)
    for c, ref in enumerate(refs, start=3):
        cell = ws.cell(row, c, _value(totals, ref))
        cell.number_format = "#,##0"
        cell.font = Font(bold=True)
    for c in range(1, col):
        ws.cell(row, c).border = border
        ws.cell(row, c).fill = fill(_GROUP_FILL)
    ws.freeze_panes = ws.cell(label_row + 1, 3).coordinate
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.print_title_rows = f"{group_row}:{label_row}"
    ws.print_title_cols = "A:B"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
