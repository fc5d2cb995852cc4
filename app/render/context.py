"""Report → the plain dicts the templates see: numbered outline, raw counts, formatted figures, tables, appendices."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from app.domain import numfmt
from app.domain.checks import reported
from app.domain.consolidation import SubUnitPart
from app.domain.drafting import has_content, printed
from app.domain.labels import LabelSet, labels_for
from app.domain.numbers import roman
from app.domain.organisation import OrgKind
from app.domain.outline import filled_title
from app.domain.period import Period, PeriodKind
from app.domain.presets import Conventions, conventions
from app.domain.ratings import LEVELS, Level, RatingCounts
from app.domain.report import EntryKind, Report, ReportKind, Section
from app.domain.roster import MemberStatus, Sex
from app.domain.roster_stats import counted_members
from app.domain.targets import Comparator, Target, term_table
from app.domain.targets import summary as targets_summary
from app.render.model import Table

PART_ORDINALS = ("thứ nhất", "thứ hai", "thứ ba", "thứ tư", "thứ năm")
_LETTERS = "abcdeghiklmnopqrstuvxy"  # Vietnamese list letters skip f, j, w, z


@dataclass(frozen=True, slots=True)
class Formatter:
    """Number formatting bound to one report's settings; templates call these as c(), n(), pct()."""

    pad_counts: bool

    def count(self, value: int) -> str:
        return numfmt.count(value, pad=self.pad_counts)

    @staticmethod
    def number(value: int | Decimal) -> str:
        return numfmt.number(value)

    @staticmethod
    def pct(part: int, whole: int) -> str:
        return numfmt.percent_of(part, whole)

    @staticmethod
    def frac(part: int, whole: int) -> str:
        return numfmt.fraction(part, whole)


# Every character that ends a line somewhere: Python's str.splitlines() breaks on all of them.
_LINE_BREAKS = re.compile("[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]+")


def one_line(text: str) -> str:
    """text with every line break turned into a space: text from a one-line field prints on its own line only."""
    return _LINE_BREAKS.sub(" ", text)


def _one_line_all(value: Any) -> Any:
    """value with one_line() applied to every string inside its dicts and lists (the values templates print).

    The template output is read back line by line, so a line break in a name or a title would otherwise start a
    block of its own: user text is data, never markup.
    """
    if isinstance(value, str):
        return one_line(value)
    if isinstance(value, dict):
        return {key: _one_line_all(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_one_line_all(item) for item in value]
    return value


def _heading(level: int, index: int, title: str, style: str) -> str:
    sep = "-" if style == "dash" else "."
    if level == 1:
        return f"{roman(index)}{sep} {title.upper()}"
    if level == 2:
        return f"{index}{sep} {title}"
    return f"{_LETTERS[(index - 1) % len(_LETTERS)]}) {title}"


def _entries(section: Section) -> list[dict[str, Any]]:
    """One dict per printed block: kind, text (a table's name for a TABLE) and where it came from.

    An entry typed over several lines prints as several blocks of its kind.
    """
    out: list[dict[str, Any]] = []
    for entry in printed(section):
        if entry.kind is EntryKind.TABLE:
            out.append({"kind": entry.kind, "text": entry.text, "source": entry.source})
            continue
        out.extend({"kind": entry.kind, "text": line.strip(), "source": entry.source}
                   for line in entry.text.splitlines() if line.strip())
    return out


def part_label(index: int, numerals: str) -> str:
    """ "Phần thứ nhất" (ordinal, Party) or "Phần I" (roman, state) for the index-th part, from 1."""
    if numerals == "roman":
        return f"Phần {roman(index)}"
    return f"Phần {PART_ORDINALS[index - 1] if index <= len(PART_ORDINALS) else index}"


def flatten_outline(report: Report, conv: Conventions | None = None, *,
                    keep_empty: bool | None = None) -> list[dict[str, Any]]:
    """The printed sections in reading order, each numbered among its printed siblings.

    A switched-off section never prints. A section with nothing to print (no entry of its own or of a section
    under it) is left out like a switched-off one, unless keep_empty (default: the report's setting) keeps it.
    """
    conv = conv or conventions(report.organisation.preset)
    keep = report.settings.keep_empty_sections if keep_empty is None else keep_empty
    flat: list[dict[str, Any]] = []
    style = report.settings.heading_style

    def visit(sections: list[Section], level: int) -> None:
        shown = [s for s in sections if s.enabled and (keep or has_content(s))]
        for index, section in enumerate(shown, start=1):
            title = filled_title(section.title, report.period)
            item: dict[str, Any] = {"key": section.key, "level": level, "title": title,
                                    "entries": _entries(section)}
            if level == 0:
                item["label"] = part_label(index, conv.part_numerals)
                item["heading"] = title.upper()
            else:
                item["heading"] = _heading(min(level, 3), index, title, style)
            flat.append(item)
            visit(section.children, level + 1)

    visit(report.sections, 0)
    return flat


def _ratings(counts: RatingCounts, names: dict[Level, str], fmt: Formatter) -> dict[str, Any]:
    shares = numfmt.breakdown_of([counts.count(level) for level in LEVELS])
    levels = [
        {"level": level.value, "label": names[level], "count": counts.count(level), "share": share}
        for level, share in zip(LEVELS, shares, strict=True)
    ]
    return {"total": counts.total, "rated": counts.rated, "not_rated": counts.not_rated,
            "exemplary": counts.exemplary, "levels": levels,
            "present": [lv for lv in levels if lv["count"]]}


def _target(target: Target, fmt: Formatter) -> dict[str, Any]:
    if target.is_percent:
        value = numfmt.percent(target.value)
        result = numfmt.percent(target.result) if target.result is not None else ""
    else:
        value = fmt.count(int(target.value)) if target.value == int(target.value) else fmt.number(target.value)
        result = "" if target.result is None else (
            fmt.count(int(target.result)) if target.result == int(target.result) else fmt.number(target.result))
    if not target.is_percent:
        lead = "trên" if target.comparator is Comparator.MORE_THAN else "ít nhất"
        text = f"{target.label}: {lead} {value} {target.unit}".strip()
    elif target.comparator is Comparator.MORE_THAN:
        text = f"trên {value} {target.label}"
    elif target.value >= 100:
        text = f"{value} {target.label}"
    else:
        text = f"{target.label} đạt {value} trở lên"
    attained = target.attained
    return {
        "label": target.label, "unit": target.unit, "is_percent": target.is_percent,
        "value": value, "result": result,
        "value_plain": numfmt.percent(target.value) if target.is_percent else numfmt.number(target.value),
        "result_plain": "" if target.result is None else (
            numfmt.percent(target.result) if target.is_percent else numfmt.number(target.result)),
        "met": target.met, "text": text,
        "attained": numfmt.percent(attained) if attained is not None else "",
        "exceeded": numfmt.percent(target.exceeded_by) if target.exceeded_by is not None else "",
    }


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _movement(report: Report) -> list[tuple[str, int, int | None]]:
    """(label, total, of which probationary) of each line of the membership movement; None: no split."""
    m = report.stats.membership
    period = report.period
    return [
        (f"Đảng viên {period.start_word}", m.opening_total, m.opening_probationary),
        ("Kết nạp mới", m.admitted, m.admitted),
        ("Chuyển sinh hoạt đến", m.transferred_in, m.transferred_in_probationary),
        ("Chuyển sinh hoạt đi", m.transferred_out, m.transferred_out_probationary),
        ("Từ trần", m.deceased, None),
        ("Xóa tên", m.struck_off, m.struck_off_probationary),
        ("Khai trừ", m.expelled, None),
        ("Ra khỏi Đảng", m.left_party, None),
        (f"Đảng viên {period.end_word}", m.closing_total, m.closing_probationary),
    ]


def _tables(report: Report, ctx: dict[str, Any], labels: LabelSet) -> dict[str, Table]:
    """The statistics tables of the body, by the name the templates give to @table.

    Counts print as the sentences print them (01–09 padded when the report says so). The ratings table leaves out
    the organisations' or the members' columns when this report rated none of them.
    """
    m = report.stats.membership
    fmt: Formatter = ctx["fmt"]
    c = fmt.count
    movement_rows = [(label, total) for label, total, _ in _movement(report)] + [
        ("Trong đó: đảng viên chính thức", m.closing_official),
        ("Đảng viên dự bị", m.closing_probationary),
    ]
    tables = {
        "membership": Table(
            title="Biến động đảng viên",
            header=["TT", "Nội dung", "Số lượng"],
            rows=[[str(i), label, c(value)] for i, (label, value) in enumerate(movement_rows, start=1)],
            numeric=frozenset({0, 2}), widths=[1, 7, 2], bold_rows=frozenset({8}),
        ),
    }
    orgs, members = ctx["ratings"]["organisations"], ctx["ratings"]["members"]
    with_orgs = not report.organisation.kind.is_chi_bo and bool(orgs["rated"])
    # With nothing rated at all, the members' columns stay: the table then says that none were rated.
    with_members = bool(members["rated"]) or not with_orgs
    subjects = [*([orgs] if with_orgs else []), *([members] if with_members else [])]
    rows = []
    for i, level in enumerate(LEVELS):
        row = [str(i + 1), _sentence(labels.member_levels[level])]
        for subject in subjects:
            row += [c(subject["levels"][i]["count"]), subject["levels"][i]["share"]]
        rows.append(row)
    total = ["", "Tổng số được xếp loại"]
    for subject in subjects:
        total += [c(subject["rated"]), "100%" if subject["rated"] else ""]
    rows.append(total)
    columns = len(subjects) * 2
    tables["ratings"] = Table(
        title="Kết quả đánh giá, xếp loại chất lượng",
        header=["TT", "Mức xếp loại", *(["Tổ chức đảng", "Tỷ lệ"] if with_orgs else []),
                *(["Đảng viên", "Tỷ lệ"] if with_members else [])],
        rows=rows,
        numeric=frozenset({0, *range(2, 2 + columns)}),
        widths=[1, 5, 2, 1.6, 2, 1.6] if columns == 4 else [1, 6, 2, 1.6],
        bold_rows=frozenset({len(rows) - 1}),
    )
    titles = {ReportKind.YEAR_END: "Kết quả thực hiện các chỉ tiêu",
              ReportKind.SIX_MONTH: "Tiến độ thực hiện các chỉ tiêu cả năm",
              ReportKind.MID_TERM: "Kết quả thực hiện các chỉ tiêu Nghị quyết Đại hội",
              ReportKind.CONGRESS_POLITICAL: "Kết quả thực hiện các chỉ tiêu Nghị quyết Đại hội",
              ReportKind.COMMITTEE_SELF_REVIEW: "Kết quả thực hiện các chỉ tiêu Nghị quyết Đại hội"}
    if report.kind.is_congress:
        # The term's targets: the congress resolution's figure, the term's result, attained, assessed.
        tables["targets"] = Table(
            title=titles[report.kind],
            header=["TT", "Chỉ tiêu", "Nghị quyết", "Thực hiện", "Tỷ lệ đạt", "Đánh giá"],
            rows=[[str(i), _sentence(t["label"]), t["value_plain"], t["result_plain"], t["attained"],
                   _assessment(t, report.period)] for i, t in enumerate(ctx["targets"], start=1)],
            numeric=frozenset({0, 2, 3, 4}), widths=[0.9, 7, 1.9, 1.9, 1.7, 2],
        )
        years = ctx["term"]["periods"]
        if years:
            # Beside it, each year's figure from the yearly reports: a table of its own, so that both fit the page.
            tables["targets_by_year"] = Table(
                title="Kết quả thực hiện các chỉ tiêu qua từng năm",
                header=["TT", "Chỉ tiêu", *years],
                rows=[[str(i), _sentence(t["label"]), *t["yearly"]] for i, t in enumerate(ctx["targets"], start=1)],
                numeric=frozenset({0, *range(2, 2 + len(years))}), widths=[0.9, 5.6, *[1.8] * len(years)],
            )
        return tables
    tables["targets"] = Table(
        title=titles[report.kind],
        header=["TT", "Chỉ tiêu", "Kế hoạch", "Thực hiện", "Kết quả"],
        rows=[[str(i), _sentence(t["label"]), t["value_plain"], t["result_plain"], _verdict(t)]
              for i, t in enumerate(ctx["targets"], start=1)],
        numeric=frozenset({0, 2, 3, 4}), widths=[1, 6, 1.6, 1.6, 1.6],
    )
    return tables


def _year_header(period: Period) -> str:
    """A year's column in the term's targets table: "Năm 2021", "Năm học 2021 - 2022"."""
    return _sentence(period.phrase)


def _yearly_cells(target: Target, figures: Sequence[Decimal | None]) -> list[str]:
    """A target's figure of each year: rates of one row alike ("96,0%" beside "92,6%"); "" for a year without one."""
    if not target.is_percent:
        return ["" if f is None else numfmt.number(f) for f in figures]
    decimals = any(f is not None and f != f.to_integral_value() for f in figures)
    return ["" if f is None else numfmt.percent_value(round(f, 1), decimals=decimals) for f in figures]


def _assessment(target: dict[str, Any], period: Period) -> str:
    """ "Vượt", "Đạt", "Chưa đạt" ("Không đạt" once the whole term is over) from the result; "" without one:
    nothing is claimed without a figure."""
    if target["met"] is None:
        return ""
    if target["met"]:
        return "Vượt" if target["exceeded"] else "Đạt"
    return "Không đạt" if period.kind is PeriodKind.WHOLE_TERM else "Chưa đạt"


def _verdict(target: dict[str, Any]) -> str:
    return target["attained"] or ("Đạt" if target["met"] else "Chưa đạt" if target["met"] is False else "")


def _annex_tables(report: Report, ctx: dict[str, Any], labels: LabelSet) -> dict[str, tuple[str, Table]]:
    """The wide tables of the appendices, by name, each with its title; only those with figures to show.

    Counts print padded as the sentences pad them; a subject the report rated none of has no ratings row.
    """
    n = ctx["fmt"].count  # the cells are counts: padded as the sentences pad them
    when = _when(report)
    annexes: dict[str, tuple[str, Table]] = {}
    m = report.stats.membership
    if not m.is_empty:
        movement = _movement(report)
        header = ["TT", "Nội dung", *(label.removeprefix("Đảng viên ").capitalize() if label.startswith("Đảng viên")
                                      else label for label, _, _ in movement), "Công nhận chính thức"]
        totals = [n(total) for _, total, _ in movement] + [n(m.recognised_official)]
        probationary = ["" if part is None else n(part) for _, _, part in movement] + [""]
        annexes["membership"] = (f"Biến động đảng viên {when}", Table(
            header=header,
            rows=[["1", "Tổng số", *totals], ["2", "Trong đó: đảng viên dự bị", *probationary],
                  ["3", "Đảng viên nữ (cuối kỳ)", *[""] * (len(movement) - 1), n(m.female), ""]],
            numeric=frozenset(range(2, len(header))) | {0}, widths=[1, 4.4, *[1.6] * (len(header) - 2)],
            bold_rows=frozenset({0}),
        ))
    ratings = ctx["ratings"]
    if ctx["report"]["shows_ratings"] and (ratings["organisations"]["rated"] or ratings["members"]["rated"]):
        header = ["TT", "Đối tượng", "Tổng số", "Được xếp loại"]
        for level in LEVELS:
            header += [_sentence(labels.member_levels[level]), "Tỷ lệ"]
        header.append("Chưa xếp loại")
        rows: list[list[str]] = []
        targets = [("Tổ chức đảng", ratings["organisations"])] if not report.organisation.kind.is_chi_bo else []
        # A subject this report rated none of has no row (the check above keeps at least one).
        for who, r in [*targets, ("Đảng viên", ratings["members"])]:
            if not r["rated"]:
                continue
            cells = [n(r["total"]), n(r["rated"])]
            for lv in r["levels"]:
                cells += [n(lv["count"]), lv["share"]]
            rows.append([str(len(rows) + 1), who, *cells, n(r["not_rated"])])
        subject = "đảng viên" if report.organisation.kind.is_chi_bo else "tổ chức đảng và đảng viên"
        annexes["ratings"] = (f"Kết quả đánh giá, xếp loại chất lượng {subject} năm {report.period.rating_year}", Table(
            header=header, rows=rows, numeric=frozenset(range(2, len(header))) | {0},
            widths=[1, 3, 1.4, 1.6, *[2.2, 1.4] * len(LEVELS), 1.6],
        ))
    if ctx["targets"]:
        titles = {ReportKind.YEAR_END: f"Kết quả thực hiện các chỉ tiêu {when}",
                  ReportKind.SIX_MONTH: f"Tiến độ thực hiện các chỉ tiêu năm {report.year} ({when})",
                  ReportKind.MID_TERM: f"Kết quả thực hiện các chỉ tiêu Nghị quyết Đại hội {when}",
                  ReportKind.CONGRESS_POLITICAL: f"Kết quả thực hiện các chỉ tiêu Nghị quyết Đại hội {when}",
                  ReportKind.COMMITTEE_SELF_REVIEW: f"Kết quả thực hiện các chỉ tiêu Nghị quyết Đại hội {when}"}
        years = ctx["term"]["periods"]
        if years:
            annexes["targets"] = (titles[report.kind], Table(
                header=["TT", "Chỉ tiêu", "Đơn vị tính", "Nghị quyết", *years, "Cả nhiệm kỳ", "Tỷ lệ đạt",
                        "Đánh giá"],
                rows=[[str(i), _sentence(t["label"]), "%" if t["is_percent"] else t["unit"], t["value_plain"],
                       *t["yearly"], t["result_plain"], t["attained"], _assessment(t, report.period)]
                      for i, t in enumerate(ctx["targets"], start=1)],
                numeric=frozenset({0, *range(3, 7 + len(years))}),
                widths=[1, 7, 1.8, 1.8, *[1.6] * len(years), 1.8, 1.8, 1.8],
            ))
            return annexes
        annexes["targets"] = (titles[report.kind], Table(
            header=["TT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch", "Thực hiện", "Tỷ lệ đạt", "Đánh giá"],
            rows=[[str(i), _sentence(t["label"]), "%" if t["is_percent"] else t["unit"], t["value_plain"],
                   t["result_plain"], t["attained"], _assessment(t, report.period)]
                  for i, t in enumerate(ctx["targets"], start=1)],
            numeric=frozenset({0, 3, 4, 5}), widths=[1, 9, 2, 1.8, 1.8, 1.8, 1.8],
        ))
    return annexes


# The parent's rating of a sub-unit as the annex's narrow column prints it.
_LEVEL_ABBREVIATIONS = {Level.EXCELLENT: "HTXSNV", Level.GOOD: "HTTNV", Level.COMPLETE: "HTNV",
                        Level.NOT_COMPLETE: "KHTNV"}


def _sub_unit_annexes(report: Report, parts: Sequence[SubUnitPart], fmt: Formatter,
                      shows_ratings: bool) -> dict[str, tuple[str, Table]]:
    """The annexes of a report rolled up from its sub-units, one row per sub-unit and a total row each:
    "Tổng hợp số liệu các chi bộ" (the membership movement) and, where the period rates, their ratings (the members'
    and the sub-unit's own, as the parent decided it)."""
    n = fmt.count
    period = report.period
    cell_kind = report.organisation.kind is OrgKind.DANG_BO_CO_SO
    unit, units = ("Chi bộ", "các chi bộ") if cell_kind else ("Tổ chức đảng", "các tổ chức đảng trực thuộc")

    def table(header: list[str], rows: list[list[int]], last: list[str] | None, widths: list[float]) -> Table:
        totals = [sum(column) for column in zip(*rows, strict=True)] if rows else [0] * (len(header) - 2)
        body = [[str(i), part.name, *map(n, row), *([last[i - 1]] if last else [])]
                for i, (part, row) in enumerate(zip(parts, rows, strict=True), start=1)]
        body.append(["", "Tổng cộng", *map(n, totals), *([""] if last else [])])
        numeric = frozenset(range(2, 2 + len(totals))) | {0}
        return Table(header=header, rows=body, numeric=numeric, widths=widths, bold_rows=frozenset({len(body) - 1}))

    movement = [[m.opening_total, m.admitted, m.transferred_in, m.transferred_out, m.deceased,
                 m.struck_off + m.expelled + m.left_party, m.closing_total, m.closing_probationary, m.female]
                for m in (part.stats.membership for part in parts)]
    annexes = {"sub_units": (f"Tổng hợp số liệu {units} {_when(report)}", table(
        ["TT", unit, f"Đảng viên {period.start_word}", "Kết nạp", "Chuyển đến", "Chuyển đi", "Từ trần",
         "Xóa tên, khai trừ, ra khỏi Đảng", f"Đảng viên {period.end_word}", "Trong đó dự bị", "Đảng viên nữ"],
        movement, None, [1, 5, *[1.6] * 9]))}
    if shows_ratings:
        ratings = [[r.total, *(r.count(level) for level in LEVELS), r.not_rated]
                   for r in (part.stats.ratings.members for part in parts)]
        levels = [_LEVEL_ABBREVIATIONS[part.rating] if part.rating else "" for part in parts]
        annexes["sub_unit_ratings"] = (
            f"Tổng hợp kết quả đánh giá, xếp loại chất lượng đảng viên và {units} năm {period.rating_year}", table(
                ["TT", unit, "Tổng số đảng viên", *(f"Đảng viên {_LEVEL_ABBREVIATIONS[level]}" for level in LEVELS),
                 "Chưa xếp loại", f"{unit} được xếp loại"],
                ratings, levels, [1, 5, 1.6, *[1.9] * 4, 1.9, 2.6]))
    return annexes


def _roster_annex(report: Report, labels: LabelSet) -> tuple[str, Table]:
    """ "Danh sách xếp loại đảng viên": one row per member of the roster, with the level of the period."""
    rows = []
    for i, member in enumerate(counted_members(report.roster.members), start=1):
        level = _sentence(labels.member_levels[member.rating]) if member.rating else "Chưa xếp loại"
        if member.rating is Level.EXCELLENT and member.exemplary:
            level += " (tiêu biểu)"
        rows.append([str(i), member.name, "" if member.birth_year is None else str(member.birth_year),
                     "Nữ" if member.sex is Sex.FEMALE else "Nam",
                     "Dự bị" if member.status is MemberStatus.PROBATIONARY else "Chính thức",
                     member.admitted_on.strftime("%d/%m/%Y") if member.admitted_on else "", level])
    return (f"Danh sách xếp loại chất lượng đảng viên năm {report.period.rating_year}", Table(
        header=["TT", "Họ và tên", "Năm sinh", "Giới tính", "Chính thức, dự bị", "Ngày vào Đảng", "Xếp loại"],
        rows=rows, numeric=frozenset({0, 2}), widths=[1, 5.5, 1.6, 1.6, 2, 2.2, 5]))


def _when(report: Report) -> str:
    """The period in a title: "năm 2026", "năm học 2025 - 2026", "từ đầu nhiệm kỳ 2025 - 2030 đến nay"."""
    return report.period.phrase


def _title_in_text(title: str, conv: Conventions) -> str:
    """The trích yếu as it reads inside a sentence ("báo cáo tổng kết …"), even where the preset capitalises it."""
    if conv.title_initial == "upper" and title[1:2].islower():
        return title[:1].lower() + title[1:]
    return title


def _name_in_text(report: Report, conv: Conventions) -> str:
    """The report as a sentence names it: "báo cáo tổng kết …", "báo cáo chính trị của Ban Chấp hành … trình
    Đại hội …"."""
    parts = [report.doc_type_name.lower(), _title_in_text(report.effective_title, conv), report.congress_line]
    return " ".join(part for part in parts if part)


def _prints(report: Report, key: str) -> bool:
    """True when the outline holds the section key switched on (and every section above it)."""
    def visit(sections: list[Section]) -> bool:
        return any(s.enabled and (s.key == key or visit(s.children)) for s in sections)
    return visit(report.sections)


def _annex_label(index: int, conv: Conventions) -> str:
    return roman(index) if conv.annex_numerals == "roman" else str(index)


def build_context(report: Report, conv: Conventions | None = None,
                  sub_units: Sequence[SubUnitPart] | None = None) -> dict[str, Any]:
    """Everything the templates may use; every value is plain data or a formatting function.

    conv: the conventions of the preset the report is printed in (default: its organisation's).
    sub_units: the sub-units' figures when the report was rolled up from them; they print as two annexes of their
    own (figures, ratings), after the others, whether or not the report moves its tables to appendices.
    A report of the whole term read with its yearly reports' targets (Report.yearly_targets) gives each year's
    figure in its targets table.
    """
    org = report.organisation
    conv = conv or conventions(org.preset)
    fmt = Formatter(pad_counts=report.settings.pad_counts)
    period = report.period
    # Level names by the year rated; regulations in force at the date of issue, else the period's end (§0).
    labels = labels_for(period.rating_year, report.reference_date)
    # Figures her kind of body does not report are kept in the report but never printed.
    stats = reported(report.stats, org.kind)
    from app.domain.codec import to_dict

    term = term_table(report.targets, report.yearly_targets if report.kind.is_congress else {})
    # A chi bộ rates only its members (and proposes a level for itself); its cấp ủy rates the chi bộ.
    organisation_ratings = RatingCounts() if org.kind.is_chi_bo else stats.ratings.organisations
    ctx: dict[str, Any] = {
        "org": {"name": org.name, "short_name": org.short_name or org.name, "kind": org.kind.value,
                "is_chi_bo": org.kind.is_chi_bo, "subject": org.issuer_subject, "body": org.body_subject},
        "report": {"year": report.year, "next_year": report.year + 1, "kind": report.kind.value,
                   "term": report.term, "title": conv.apply_title_initial(report.effective_title),
                   "title_in_text": _title_in_text(report.effective_title, conv), "basis": report.basis,
                   "doc_type": report.doc_type_name, "congress_line": report.congress_line,
                   "next_term": period.following().term if report.kind.is_congress else "",
                   "name_in_text": _name_in_text(report, conv), "names_its_author": report.names_its_author,
                   "shows_ratings": report.kind is not ReportKind.SIX_MONTH,
                   # Kept for templates written before periods; new ones use period.* below.
                   "during": period.during, "opening": period.start_word, "closing": period.end_word,
                   "targets": period.targets_word},
        "period": {"kind": period.kind.value, "phrase": period.phrase, "next_phrase": period.next_phrase,
                   "span": period.span,
                   "during": period.during, "start_word": period.start_word, "end_word": period.end_word,
                   "targets_word": period.targets_word, "rating_year": period.rating_year,
                   "theme_year": period.theme_year, "start": period.start.isoformat(),
                   "end": period.end.isoformat()},
        "sections": flatten_outline(report, conv),
        "units": stats.units,
        "m": to_dict(stats.membership),
        # The unit the members are a share of: a school's staff are "cán bộ, giáo viên".
        "unit": {"staff": stats.unit.staff, "population": stats.unit.population,
                 "staff_word": "cán bộ, giáo viên" if period.kind is PeriodKind.SCHOOL_YEAR
                 else "cán bộ, công chức, viên chức"},
        "ratings": {
            "organisations": _ratings(organisation_ratings, labels.organisation_levels, fmt),
            "members": _ratings(stats.ratings.members, labels.member_levels, fmt),
            "self_rating": labels.organisation_levels[stats.ratings.self_rating]
            if stats.ratings.self_rating else "",
        },
        "labels": {"exemplary": labels.exemplary, "rating_rule": labels.rating_rule,
                   "inspection_rule": labels.inspection_rule},
        "inspection": to_dict(stats.inspection),
        "discipline": to_dict(stats.discipline),
        "life": to_dict(stats.party_life),
        "targets": [_target(t, fmt) | {"yearly": _yearly_cells(t, row.yearly)}
                    for t, row in zip(report.targets, term.rows, strict=True)],
        "term": {"periods": [_year_header(p) for p in term.periods],
                 "years": [p.phrase for p in term.periods]},
        # The section whose sentences say how the targets were met: the term's own section where the outline has it.
        "targets_section": "ket_qua_chi_tieu" if _prints(report, "ket_qua_chi_tieu") else "danh_gia",
        "next_targets": [_target(t, fmt) for t in report.next_targets],
        "fmt": fmt,
        "c": fmt.count, "n": fmt.number, "pct": fmt.pct, "frac": fmt.frac,
    }
    met, not_met, judged = targets_summary(report.targets)
    ctx["targets_summary"] = {"met": met, "not_met": not_met, "total": judged}
    ctx["tables"] = _tables(report, ctx, labels)
    # With appendices on, the tables move out of the body and the sentences point to them.
    annexes = _annex_tables(report, ctx, labels) if report.settings.annexes else {}
    if sub_units:
        annexes |= _sub_unit_annexes(report, sub_units, fmt, report.kind is not ReportKind.SIX_MONTH)
    # The chi bộ's members one by one, when she asks for that annex and the period rates.
    if (report.roster.annex and counted_members(report.roster.members)
            and report.kind is not ReportKind.SIX_MONTH):
        annexes["roster"] = _roster_annex(report, labels)
    ctx["annexes"] = [
        {"name": name, "label": _annex_label(index, conv), "title": title, "table": table}
        for index, (name, (title, table)) in enumerate(annexes.items(), start=1)
    ]
    ctx["annex_ref"] = dict.fromkeys(("membership", "ratings", "targets"), "") | {
        a["name"]: f" (chi tiết tại Phụ lục {a['label']})" for a in ctx["annexes"]}
    ctx["in_body"] = dict.fromkeys(ctx["annex_ref"], not report.settings.annexes)
    for name in ("org", "report", "period", "sections", "life", "targets", "next_targets", "ratings", "labels"):
        ctx[name] = _one_line_all(ctx[name])
    return ctx
